"""Exports of an assessment: the Excel workbook (the contract annex, the action plan and the
DPO's review sheet), Markdown and JSON.

Headless: nothing here imports Textual, and openpyxl is imported only by `export.xlsx`,
when an xlsx is actually written. The pieces:

- `content.build(loaded, lang, options)`: every row of every part, as plain dataclasses;
- `xlsx`, `markdown`, `json_export`: lay those rows out, nothing else;
- `changes`: with `--since OLD`, the "changed since" column and the change list;
- `review_layout`: the review sheet's columns and key, shared with `import-review`;
- `text`: escaping of cell text, dates and numbers.
"""

from __future__ import annotations

from pathlib import Path

from tom_audit.export.content import ExportContent, ExportOptions, build
from tom_audit.store.assessment_store import Loaded
from tom_audit.store.atomic import atomic_write

FORMATS = ("xlsx", "md", "json")
_SUFFIXES = {".xlsx": "xlsx", ".md": "md", ".markdown": "md", ".json": "json"}


def format_for(path: Path | str, explicit: str | None = None) -> str:
    """The format asked for, else the one the output's suffix names, else xlsx."""
    if explicit:
        return explicit
    return _SUFFIXES.get(Path(path).suffix.lower(), "xlsx")


def render(content: ExportContent, fmt: str) -> bytes:
    if fmt == "xlsx":
        from tom_audit.export.xlsx import to_bytes

        return to_bytes(content)
    if fmt == "md":
        from tom_audit.export.markdown import render_markdown

        return render_markdown(content).encode("utf-8")
    if fmt == "json":
        from tom_audit.export.json_export import render_json

        return render_json(content).encode("utf-8")
    raise ValueError(f"unknown export format {fmt!r}")


def export(loaded: Loaded, out: Path | str, *, fmt: str = "xlsx", lang: str = "de",
           options: ExportOptions | None = None, since: Loaded | None = None) -> ExportContent:
    """Write the export of `loaded` to `out` atomically (all of it or, on failure, nothing).
    `since`: an earlier version of the assessment, for the "changed since" column and the
    change list (`content.build`)."""
    out = Path(out)
    content = build(loaded, lang, options, since)
    atomic_write(out, render(content, fmt), backup=False)
    return content


__all__ = ["FORMATS", "ExportContent", "ExportOptions", "build", "export", "format_for", "render"]
