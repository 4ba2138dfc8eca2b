"""tom-audit open FILE: the questionnaire. Without FILE: the start screen."""

from __future__ import annotations

from pathlib import Path

from tom_audit.arguments import add_lang
from tom_audit.i18n import current_language, tr

NAME = "open"
ORDER = 10


def register(commands) -> None:
    parser = commands.add_parser(NAME, help=tr("cli.open.help"), description=tr("cli.open.help"))
    parser.add_argument("file", metavar="FILE", type=Path, nargs="?")
    parser.add_argument("--create", action="store_true", help=tr("cli.open.create"))
    parser.add_argument("--catalogue", metavar="ID|PATH", default="tom-art32", help=tr("cli.new.catalogue"))
    add_lang(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    from tom_audit.tui import run_app  # Textual is imported only for the UI

    return run_app(args.file, language=current_language(), create=args.create, catalogue=args.catalogue)
