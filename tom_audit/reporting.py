"""Telling the user about problems on stderr, and the exit codes: shared by the CLI and the
UI's start (a bad file is reported the same way before any screen appears)."""

from __future__ import annotations

import sys
from collections.abc import Iterable

from tom_audit.i18n import tr
from tom_audit.problems import Problem

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3  # a bug of ours


def report(problems: Iterable[Problem]) -> None:
    """Print each problem as `FILE:LINE:COL: Fehler: message. What to do.` to stderr."""
    for problem in problems:
        print(problem.render(), file=sys.stderr)


def fail(key: str, **params) -> int:
    """Print `tom-audit: Fehler: <tr(key)>` to stderr; returns EXIT_BAD_INPUT (2)."""
    print(f"tom-audit: {tr('severity.error')}: {tr(key, **params)}", file=sys.stderr)
    return EXIT_BAD_INPUT
