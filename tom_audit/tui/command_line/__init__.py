"""The UI's own commands on the one command line (`open`, `review`): found by cli/main.py
through tom_audit.commands, like every cli/cmd_*.py. They import Textual only when run."""
