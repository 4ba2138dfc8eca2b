"""Problems found in a user's file: where (file, line, column), what, and what to do.

A problem carries a message key and its parameters rather than finished text, so that the
same finding prints in German or English.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tom_audit.i18n import tr

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    file: str
    key: str
    params: dict[str, Any] = field(default_factory=dict)
    line: int | None = None  # 1-based; None where the parser gave no position
    col: int | None = None
    severity: str = ERROR

    def where(self) -> str:
        if self.line is None:
            return self.file
        if self.col is None:
            return f"{self.file}:{self.line}"
        return f"{self.file}:{self.line}:{self.col}"

    def render(self, lang: str | None = None) -> str:
        label = tr(f"severity.{self.severity}", lang)
        message = tr(f"problem.{self.key}", lang, **self.params)
        hint = tr(f"problem.{self.key}.hint", lang, **self.params)
        return f"{self.where()}: {label}: {message} {hint}".rstrip()


class InputError(Exception):
    """Raised when a file cannot be used; carries every problem found in it at once."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(p.render("en") for p in problems))
        self.problems = problems


def display_path(path: Path | str) -> str:
    """The path as the user would recognise it: relative to the working folder if inside it."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return str(path)
