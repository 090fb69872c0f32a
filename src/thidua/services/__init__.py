"""One use-case per command: validate, rank, recommend awards, rotate, format, init, schema."""
