"""One module per command: option parsing only, then a call into the core and a renderer.

Modules here import nothing heavy at import time (no pydantic, rich, ruamel, docx), so that
``thidua --version`` and ``--help`` start as fast as typer itself.
"""
