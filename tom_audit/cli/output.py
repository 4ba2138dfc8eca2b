"""Printing for the CLI: problems to stderr, tables to stdout."""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Iterable, Sequence

from tom_audit.i18n import tr
from tom_audit.problems import Problem

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2


MAX_PROBLEMS = 50  # a file with thousands of faults is not read line by line: the first ones, then a count


def report(problems: Iterable[Problem], limit: int = MAX_PROBLEMS) -> None:
    """Print problems to stderr, at most `limit`, then "… and N more"."""
    problems = list(problems)
    for problem in problems[:limit]:
        print(problem.render(), file=sys.stderr)
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
    print(f"tom-audit: {tr('severity.error')}: {tr(key, **params)}", file=sys.stderr)
    return EXIT_BAD_INPUT


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def table(headers: Sequence[str], rows: Sequence[Sequence[object]], right: Iterable[int] = ()) -> str:
    """A plain text table; columns in `right` are right-aligned (numbers)."""
    cells = [[str(c) for c in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(width(row[i]) for row in cells) for i in range(len(headers))]
    right = set(right)

    def line(row: list[str]) -> str:
        parts = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - width(cell))
            parts.append(pad + cell if i in right else cell + pad)
        return "  ".join(parts).rstrip()

    out = [line(cells[0]), "  ".join("-" * w for w in widths)]
    out += [line(row) for row in cells[1:]]
    return "\n".join(out)
