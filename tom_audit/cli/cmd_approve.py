"""tom-audit approve FILE --by NAME: the DPO's sign-off, with a version and today's date.

Approval is a checklist (`tom_audit.logic.approval.blockers`): while anything is open the
command lists every open item and refuses (exit 2, file unchanged); `--force` approves
anyway and records that it was forced and what was open.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tom_audit.cli.common import add_lang
from tom_audit.cli.output import EXIT_BAD_INPUT, EXIT_OK, report
from tom_audit.i18n import tr
from tom_audit.logic.approval import ApprovalRefused, approve, record_text
from tom_audit.problems import display_path
from tom_audit.store.assessment_store import Unchanged, update_assessment

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
    shown = display_path(args.file)

    def change(loaded):
        report(loaded.warnings)
        loaded.adopt_catalogue()  # the approval names the catalogue it was given against
        try:
            return approve(loaded.assessment, loaded.catalogue, by=args.by, version=args.version, force=args.force,
                           evidence_base=args.file.resolve().parent)
        except ApprovalRefused as refused:
            return Unchanged(refused)

    result = update_assessment(args.file, change)
    if isinstance(result, ApprovalRefused):
        print(f"{shown}: {tr('severity.error')}: {tr('approval.cli.refused', count=len(result.blockers))}",
              file=sys.stderr)
        for blocker in result.blockers:
            print(f"  - {blocker.reason()}", file=sys.stderr)
        print(tr("approval.cli.refused_hint"), file=sys.stderr)
        return EXIT_BAD_INPUT
    approval = result
    print(tr("review.approve.done", file=shown, version=approval.version, date=approval.date, by=approval.by))
    if approval.forced:
        print(tr("approval.cli.forced", count=len(approval.open_items)))
        for text in approval.open_items:
            print(f"  - {record_text(text)}")
    return EXIT_OK
