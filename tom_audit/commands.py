"""Where `tom-audit` finds its commands: every `cmd_*` module in these packages (NAME, ORDER,
register(subparsers)). The CLI's commands and the UI's (`open`, `review`) share one command
line, while neither shell imports the other."""

COMMAND_PACKAGES = ("tom_audit.cli", "tom_audit.tui.command_line")
