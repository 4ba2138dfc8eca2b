"""Telling the user about problems on stderr, and the exit codes: shared by the CLI and the
UI's start (a bad file is reported the same way before any screen appears)."""

from __future__ import annotations

import sys
from collections.abc import Iterable

from tom_audit.i18n import tr
from tom_audit.problems import Problem
from tom_audit.text_rules import terminal_text

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3  # a bug of ours


MAX_PROBLEMS = 50  # a file with thousands of faults is not read line by line: the first ones, then a count


def report(problems: Iterable[Problem], limit: int = MAX_PROBLEMS) -> None:
    """Print each problem as `FILE:LINE:COL: Fehler: message. What to do.` to stderr; at
    most `limit` of them, then "… and N more"."""
    problems = list(problems)
    for problem in problems[:limit]:
        print(terminal_text(problem.render()), file=sys.stderr)  # file text cannot steer the terminal
    if len(problems) > limit:
        print(tr("cli.more_problems", count=len(problems) - limit), file=sys.stderr)


def has_terminal() -> bool:
    """True if both stdin and stdout are a terminal (the questionnaire needs one)."""
    try:
        return sys.stdin is not None and sys.stdout is not None and sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):  # closed or replaced streams
        return False


def never_fail_on_encoding() -> None:
    """A Latin-1 or ASCII terminal (LANG=C) cannot show an umlaut: print it as an escape
    (\\xfc) rather than crash. Applies to stdout and stderr."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass


def fail(key: str, **params) -> int:
    """Print `tom-audit: Fehler: <tr(key)>` to stderr; returns EXIT_BAD_INPUT (2)."""
    print(terminal_text(f"tom-audit: {tr('severity.error')}: {tr(key, **params)}"), file=sys.stderr)
    return EXIT_BAD_INPUT
