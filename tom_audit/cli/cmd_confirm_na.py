"""tom-audit confirm-na FILE (--all | MEASURE_ID... [--reason TEXT]): make the catalogue's
suggested "not applicable" reasons the organisation's own.

Until confirmed (or rewritten with --reason), a reason is only the catalogue's suggestion
and the annex lists the measure as open. `--all` confirms every suggestion except those that
cite a measure which is not implemented (listed; write a reason of your own for them).
All ids are checked first; on any error nothing is written.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tom_audit.cli.common import add_lang
from tom_audit.cli.output import EXIT_OK, fail, report
from tom_audit.i18n import tr
from tom_audit.logic import na_reasons
from tom_audit.logic.answers import AnswerError, current_user, find_measure
from tom_audit.problems import display_path
from tom_audit.store.assessment_store import Unchanged, update_assessment

NAME = "confirm-na"
ORDER = 52


def register(commands) -> None:
    parser = commands.add_parser(NAME, help=tr("confirm_na.help"), description=tr("confirm_na.help"))
    parser.add_argument("file", metavar="FILE", type=Path)
    parser.add_argument("measures", metavar="MEASURE_ID", nargs="*")
    parser.add_argument("--all", action="store_true", help=tr("confirm_na.all"))
    parser.add_argument("--reason", metavar="TEXT", default=None, help=tr("confirm_na.reason"))
    parser.add_argument("--by", metavar="NAME", default=None, help=tr("cli.set.by"))
    add_lang(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    if bool(args.all) == bool(args.measures):
        return fail("confirm_na.usage")
    if args.reason is not None and not args.reason.strip():
        return fail("confirm_na.empty_reason")
    shown = display_path(args.file)

    def change(loaded):
        report(loaded.warnings)
        a, c = loaded.assessment, loaded.catalogue
        by = args.by if args.by is not None else current_user()
        if args.all:
            done, left = na_reasons.confirm_all(a, c, by=by)
            for measure_id in left:
                reason = na_reasons.suggestion(c, a, c.measure_by_id[measure_id])
                cited = na_reasons.unsupported(reason(a.language), c, a, measure_id)
                print(tr("confirm_na.left", id=measure_id, ids=", ".join(cited)), file=sys.stderr)
        else:
            measures = [find_measure(c, measure_id) for measure_id in args.measures]
            for measure in measures:
                if args.reason is not None:
                    continue
                reason = na_reasons.suggestion(c, a, measure)
                if reason is None:
                    raise AnswerError("confirm_na.no_suggestion", id=measure.id)
                cited = na_reasons.unsupported(reason(a.language), c, a, measure.id)
                if cited:  # confirming it would state what nobody said
                    raise AnswerError("confirm_na.unsupported", id=measure.id, ids=", ".join(cited))
            done = []
            for measure in measures:
                na_reasons.confirm(a, c, measure.id, by=by, text=args.reason)
                done.append(measure.id)
        return done if done else Unchanged([])

    done = update_assessment(args.file, change)
    if not done:
        print(tr("confirm_na.nothing", file=shown))
        return EXIT_OK
    print(tr("confirm_na.done", file=shown, count=len(done), ids=", ".join(done)))
    return EXIT_OK
