"""The questionnaire UI (Textual). The only package of tom-audit that imports Textual.

`run_app` is what `tom-audit open` and `tom-audit review` call: it loads the file first, so a
bad file is reported exactly as the CLI reports it (stderr, exit 2) before any screen appears.
Something unexpected inside the running app ends it with the CLI's internal-error message and
exit code 3, after the work is written; TOM_AUDIT_DEBUG=1 shows the traceback instead.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tom_audit.i18n import set_language, tr
from tom_audit.problems import InputError, display_path
from tom_audit.reporting import EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, fail, has_terminal, report

DEFAULT_CATALOGUE = "tom-art32"
MODES = ("normal", "review")


def run_app(path: Path | str | None, *, language: str = "de", create: bool = False,
            catalogue: str = DEFAULT_CATALOGUE, mode: str = "normal", reviewer: str | None = None) -> int:
    """The UI on `path` (None: the start screen). `mode="review"` opens it for the DPO, who
    is recorded as `reviewer` (default: the user's name)."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}")
    set_language(language)
    session = None
    new = False
    if path is not None:
        from tom_audit.store import recent
        from tom_audit.tui.session import Session

        path = Path(path)
        if create and not path.exists():
            from tom_audit.store.creating import create_assessment

            if not path.parent.is_dir():
                return fail("cli.new.no_folder", folder=display_path(path.parent))
            if not has_terminal():
                return _no_terminal()
            try:
                create_assessment(path, catalogue, "", language)
            except InputError as error:
                report(error.problems)
                return EXIT_BAD_INPUT
            new = True
        try:
            session = Session.open(path, reviewer=reviewer)
        except InputError as error:
            report(error.problems)
            return EXIT_BAD_INPUT
        recent.remember(path)
    if not has_terminal():  # after the file's own problems, which matter more
        return _no_terminal()
    from tom_audit.tui.app import TomAuditApp

    app = TomAuditApp(session, new=new, default_catalogue=catalogue, mode=mode)
    try:
        result = app.run()
    except Exception as error:  # escaped Textual itself (start-up, the terminal)
        if app.crash is None:
            app.crash, app.rescued = error, app.rescue()
        if os.environ.get("TOM_AUDIT_DEBUG"):
            raise
    if app.crash is not None:
        return internal_error(app.crash, app.rescued)
    if app.return_code:
        return app.return_code
    return EXIT_OK if result is None else int(result)


def _no_terminal() -> int:
    """Without a terminal the questionnaire would wait for ever: say so at once (exit 2)."""
    print(tr("cli.needs_terminal"), file=sys.stderr)
    return EXIT_BAD_INPUT


def internal_error(error: BaseException, rescued: Path | None) -> int:
    """The CLI's message for a bug of ours (no traceback); when the work was written on the
    way out, the same message says where instead of "your files are unchanged"."""
    what = f"{type(error).__name__}: {error}"
    if rescued is None:
        print(tr("cli.internal_error", error=what), file=sys.stderr)
    else:
        print(tr("tui.crash.internal_error_saved", error=what, file=display_path(rescued)), file=sys.stderr)
    return EXIT_INTERNAL
