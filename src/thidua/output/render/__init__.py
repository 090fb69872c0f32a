"""Renderers: turn results into text for a terminal, a pipe, or a machine."""
