"""tom-audit review FILE [--by NAME]: the UI in review mode, for the DPO."""

from __future__ import annotations

from pathlib import Path

from tom_audit.arguments import add_lang
from tom_audit.i18n import current_language, tr

NAME = "review"
ORDER = 58


def register(commands) -> None:
    parser = commands.add_parser(NAME, help=tr("tui.cli.review.help"), description=tr("tui.cli.review.description"))
    parser.add_argument("file", metavar="FILE", type=Path)
    parser.add_argument("--by", metavar="NAME", default=None, help=tr("tui.cli.review.by"))
    add_lang(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    from tom_audit.tui import run_app  # Textual is imported only for the UI

    return run_app(args.file, language=current_language(), mode="review", reviewer=args.by)
