"""tom-audit validate FILE...: check catalogues and assessments against their schemas."""

from __future__ import annotations

from pathlib import Path

from tom_audit.cli.output import EXIT_BAD_INPUT, EXIT_OK, report
from tom_audit.i18n import tr
from tom_audit.problems import InputError, display_path
from tom_audit.store.assessment_store import load_assessment
from tom_audit.store.catalogue_store import load_catalogue_file
from tom_audit.store.documents import kind_of

NAME = "validate"
ORDER = 40


def register(commands) -> None:
    parser = commands.add_parser(NAME, help=tr("cli.validate.help"), description=tr("cli.validate.help"))
    parser.add_argument("files", metavar="FILE", type=Path, nargs="+")
    parser.set_defaults(run=run)


def validate_one(path: Path) -> str:
    """A one-line summary of a valid file; raises InputError with every problem otherwise."""
    kind = kind_of(path)
    if kind == "catalogue":
        catalogue = load_catalogue_file(path)
        return tr("validate.catalogue_ok", file=display_path(path), id=catalogue.id, version=catalogue.version,
                  measures=len(catalogue.measures), categories=len(catalogue.categories))
    loaded = load_assessment(path)
    report(loaded.warnings)
    return tr("validate.assessment_ok", file=display_path(path), id=loaded.catalogue.id,
              answered=sum(1 for a in loaded.assessment.measures.values() if a.status),
              warnings=len(loaded.warnings))


def run(args) -> int:
    failed = False
    for path in args.files:
        try:
            print(validate_one(path))
        except InputError as error:
            report(error.problems)
            failed = True
    return EXIT_BAD_INPUT if failed else EXIT_OK
