"""tom-audit new FILE: start an assessment from a catalogue."""

from __future__ import annotations

from pathlib import Path

from tom_audit.cli.common import add_lang
from tom_audit.cli.output import EXIT_OK, fail, report
from tom_audit.i18n import current_language, tr
from tom_audit.store.creating import create_assessment, create_reassessment

NAME = "new"
ORDER = 20
DEFAULT_CATALOGUE = "tom-art32"


def register(commands) -> None:
    parser = commands.add_parser(NAME, help=tr("cli.new.help"), description=tr("cli.new.help"))
    parser.add_argument("file", metavar="FILE", type=Path)
    parser.add_argument("--catalogue", metavar="ID|PATH", default=DEFAULT_CATALOGUE, help=tr("cli.new.catalogue"))
    parser.add_argument("--org", metavar="NAME", default="", help=tr("cli.new.org"))
    parser.add_argument("--from", dest="last", metavar="LAST.tom.yaml", type=Path, default=None,
                        help=tr("review.reassess.from"))
    add_lang(parser, "cli.new.lang")
    parser.set_defaults(run=run)


def run(args) -> int:
    path: Path = args.file
    if path.exists():
        return fail("cli.new.exists", file=str(path))
    if not path.parent.is_dir():
        return fail("cli.new.no_folder", folder=str(path.parent))
    if args.last is not None:
        return _run_from(path, args.last, args.org)
    _, catalogue = create_assessment(path, args.catalogue, args.org, current_language())
    print(tr("cli.new.done", file=str(path), catalogue=catalogue.id, version=catalogue.version,
             count=len(catalogue.measures)))
    return EXIT_OK


def _run_from(path: Path, last_path: Path, organisation: str) -> int:
    assessment, last = create_reassessment(path, last_path, organisation)
    report(last.warnings)
    print(tr("review.reassess.done", file=str(path), last=str(last_path),
             count=sum(1 for a in assessment.measures.values() if a.to_confirm and a.status)))
    return EXIT_OK
