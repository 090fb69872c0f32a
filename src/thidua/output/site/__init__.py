"""The static website of a data repository: templates, stylesheet, search script and chart builder."""
