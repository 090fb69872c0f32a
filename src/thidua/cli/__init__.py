"""The command line: options in, a service called, a reporter out, exit codes."""
