"""The command line: argument parsing, output and exit codes over the core."""
