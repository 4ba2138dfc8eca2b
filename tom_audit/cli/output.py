"""Printing for the CLI: problems to stderr, tables to stdout."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

from tom_audit.reporting import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, fail, report  # noqa: F401  (the CLI's names)


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
