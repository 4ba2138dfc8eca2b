"""The questionnaire UI (Textual). The only package of tom-audit that imports Textual.

`run_app` is what `tom-audit open` calls: it loads the file first, so a bad file is reported
exactly as the CLI reports it (stderr, exit 2) before any screen appears.
"""

from __future__ import annotations

from pathlib import Path

from tom_audit.cli.output import EXIT_BAD_INPUT, EXIT_OK, fail, report
from tom_audit.i18n import set_language
from tom_audit.problems import InputError, display_path

DEFAULT_CATALOGUE = "tom-art32"


def run_app(path: Path | str | None, *, language: str = "de", create: bool = False,
            catalogue: str = DEFAULT_CATALOGUE) -> int:
    set_language(language)
    session = None
    new = False
    if path is not None:
        from tom_audit.store import recent
        from tom_audit.tui.session import Session

        path = Path(path)
        if create and not path.exists():
            from tom_audit.cli.cmd_new import create as create_file

            if not path.parent.is_dir():
                return fail("cli.new.no_folder", folder=display_path(path.parent))
            try:
                create_file(path, catalogue, "", language)
            except InputError as error:
                report(error.problems)
                return EXIT_BAD_INPUT
            new = True
        try:
            session = Session.open(path)
        except InputError as error:
            report(error.problems)
            return EXIT_BAD_INPUT
        recent.remember(path)
    from tom_audit.tui.app import TomAuditApp

    app = TomAuditApp(session, new=new, default_catalogue=catalogue)
    result = app.run()
    return EXIT_OK if result is None else int(result)
