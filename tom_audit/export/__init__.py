"""Exports of an assessment: the Excel workbook (the contract annex, the action plan and the
DPO's review sheet), the contract annex as PDF and Word document, Markdown and JSON.

Headless: nothing here imports Textual, and openpyxl is imported only by `export.xlsx`,
when an xlsx is actually written. The pieces:

- `content.build(loaded, lang, options)`: every row of every part, as plain dataclasses;
- `xlsx`, `markdown`, `json_export`: lay those rows out, nothing else;
- `annex_model`: the annex document (title block, sections, closing, draft state) from those
  rows, rendered by `annex_pdf` (Typst) and `annex_docx` (python-docx);
- `changes`: with `--since OLD`, the "changed since" column and the change list;
- `review_layout`: the review sheet's columns and key, shared with `import-review`;
- `text`: escaping of cell text, dates and numbers.
"""

from __future__ import annotations

from pathlib import Path

from tom_audit.export.annex_model import AnnexError, AnnexOptions
from tom_audit.export.content import ExportContent, ExportOptions, build
from tom_audit.i18n import tr
from tom_audit.problems import InputError, Problem, display_path
from tom_audit.store.assessment_store import Loaded
from tom_audit.store.atomic import atomic_write

FORMATS = ("xlsx", "md", "json", "pdf", "docx")
DOCUMENT_FORMATS = ("pdf", "docx")  # the annex alone, as a contract document
# Which format an output file name asks for, and which options go with it: cli/export_options.py


def render(content: ExportContent, fmt: str, annex: AnnexOptions | None = None) -> bytes:
    """The bytes of `content` in `fmt` (one of FORMATS); `annex`: options of the PDF and
    Word annex (contract, annex number, DPO line)."""
    if fmt in DOCUMENT_FORMATS:
        from tom_audit.export.annex_model import build_annex

        document = build_annex(content, annex)
        if fmt == "pdf":
            from tom_audit.export.annex_pdf import render_pdf

            return render_pdf(document)
        from tom_audit.export.annex_docx import render_docx

        return render_docx(document)
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
           options: ExportOptions | None = None, since: Loaded | None = None,
           annex: AnnexOptions | None = None) -> ExportContent:
    """Write the export of `loaded` to `out` atomically (all of it or, on failure, nothing).
    `since`: an earlier version of the assessment, for the "changed since" column and the
    change list (`content.build`); `annex`: options of the PDF and Word annex."""
    out = Path(out)
    content = build(loaded, lang, options, since)
    try:
        data = render(content, fmt, annex)
    except AnnexError as error:  # the annex cannot say what was asked: nothing is written
        params = dict(error.params)
        if error.key == "export.pdf.undisplayable" and not params["places"]:
            params["places"] = tr("export.pdf.undisplayable_elsewhere", lang)
        raise InputError([Problem(display_path(loaded.path), error.key, params)]) from None
    atomic_write(out, data, backup=False)
    return content


__all__ = ["DOCUMENT_FORMATS", "FORMATS", "AnnexOptions", "ExportContent", "ExportOptions", "build", "export", "render"]
