"""tom-audit approve FILE --by NAME: the DPO's sign-off, with a version and today's date."""

from __future__ import annotations

from pathlib import Path

from tom_audit.cli.common import add_lang
from tom_audit.cli.output import EXIT_OK, report
from tom_audit.i18n import tr
from tom_audit.logic.review import approve
from tom_audit.problems import display_path
from tom_audit.store.assessment_store import update_assessment

NAME = "approve"
ORDER = 70


def register(commands) -> None:
    parser = commands.add_parser(NAME, help=tr("review.approve.help"), description=tr("review.approve.help"))
    parser.add_argument("file", metavar="FILE", type=Path)
    parser.add_argument("--by", metavar="NAME", required=True, help=tr("review.approve.by"))
    parser.add_argument("--version", metavar="X.Y", default=None, help=tr("review.approve.version"))
    parser.add_argument("--force", action="store_true", help=tr("review.approve.force"))
    add_lang(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    def change(loaded):
        report(loaded.warnings)
        loaded.adopt_catalogue()  # the approval names the catalogue it was given against
        return approve(loaded.assessment, loaded.catalogue, by=args.by, version=args.version, force=args.force)

    approval = update_assessment(args.file, change)
    print(tr("review.approve.done", file=display_path(args.file), version=approval.version, date=approval.date,
             by=approval.by))
    return EXIT_OK
