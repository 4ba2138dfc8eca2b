"""Export: the xlsx workbook (rows, styles, measured layout, page plan, atomic write) beside a
bare openpyxl write-only workbook holding the same cells without any formatting, measured in
the same run; JSON beside a plain json.dumps of the same rows; the PDF annex (Typst) beside
Typst printing the same texts as plain paragraphs, and the Word annex (python-docx) beside
python-docx writing the same texts as plain paragraphs.

The exporter uses openpyxl's write-only mode: at 20,000 measures it is as fast as normal
mode and keeps memory flat (normal mode holds every cell: about +440 MB RSS on this
machine). Normal mode is timed at the smaller sizes for comparison.
"""

from __future__ import annotations

import io
import json
from datetime import date

from benchmarks.common import Row, best_of, best_of_each

TODAY = date(2026, 11, 21)
NORMAL_MODE_UP_TO = 2_000  # normal mode at 20,000 takes as long again; measured once, see docstring
# The PDF floor (Typst printing the annex's texts as one flow of plain paragraphs) grows
# faster than linearly: 72,000 paragraphs in one flow took over 15 minutes. Our annex (one
# table per category) does 20,000 measures in about 26 s, so the floor stops at 2,000.
PLAIN_TYPST_UP_TO = 2_000


def _plain_rows(content) -> list[list]:
    """The cells of every sheet ours writes (cover, summary, annex, action plan, evidence,
    sub-processors, review), as plain values: the same rows, without styles or layout."""
    from tom_audit.export.providers_table import provider_rows

    cover = content.cover
    rows = [[cover.title], [cover.subtitle], [cover.status]]
    rows += [[f.label, f.value] for f in (*cover.fields, *cover.counts, *cover.scoping)]
    rows += [[r.title, r.art32, r.counts.total, *r.counts.by_status.values(), r.counts.open, r.counts.required,
              r.counts.required_implemented, r.counts.recommended, r.coverage] for r in content.summary]
    subs, ancillary = provider_rows(content.assessment.providers, content.lang, content.options.today)
    rows += [r.cells() for r in subs + ancillary]
    rows += [[r.measure_id, r.title, r.kind, r.status_label, r.description, r.evidence,
             "\n".join(f"{k}: {', '.join(v)}" for k, v in r.references.items())] for r in content.annex]
    rows += [[r.key, r.measure_id, r.category, r.title, r.required_label, r.status_label, r.note, r.evidence_count,
              r.review_state_label, r.reviewer, r.review_date, r.comment] for r in content.review]
    rows += [[r.measure_id, r.title, r.kind_label, r.ref, r.description, r.date, r.valid_until, r.sha256, ""]
             for r in content.evidence]
    rows += [[r.measure_id, r.title, r.category, r.required_label, r.status_label, r.risk_label, r.description,
              r.action, r.owner, r.due, r.state_label] for r in content.actions]
    return rows


def _cold(step, *args, **kwargs):
    """`step` with the text measuring cache emptied first, as in a fresh `tom-audit export`
    (best_of repeats in one process would otherwise find every text and word measured already)."""
    from tom_audit.export.text_width import clear_caches

    clear_caches()
    return step(*args, **kwargs)


def _bare_workbook(rows: list[list]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("rows")
    for row in rows:
        ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def run(ctx) -> list[Row]:
    from tom_audit.export import ExportOptions, build, export
    from tom_audit.export.json_export import render_json
    from tom_audit.export.xlsx import to_bytes
    from tom_audit.store.assessment_store import load_assessment

    rows = []
    options = ExportOptions(today=TODAY)
    for size in ctx.sizes:
        repeats = ctx.repeats(size)
        loaded = load_assessment(ctx.assessment(size))
        content = build(loaded, "de", options)
        plain = _plain_rows(content)
        cells = sum(len(r) for r in plain)
        floor_name = f"openpyxl write-only, {len(plain):,} rows/{cells:,} cells unstyled"
        out = ctx.work / f"export-{size}.xlsx"
        ours, floor = best_of_each([lambda: _cold(export, loaded, out, fmt="xlsx", lang="de", options=options),
                                    lambda: _bare_workbook(plain)], max(repeats, 5 if size <= 2_000 else 1))
        rows.append(Row(size, "export xlsx (rows+styles+layout+write)", ours, floor_name, floor))
        if size <= NORMAL_MODE_UP_TO:
            rows.append(Row(size, "  same workbook in openpyxl normal mode",
                            best_of(lambda: to_bytes(content, write_only=False), repeats), floor_name, floor))
        rows += _documents(size, content, ctx, repeats)
        documents = {part: [vars(r) for r in getattr(content, part)]
                     for part in ("annex", "actions", "evidence", "review")}
        rows.append(Row(size, "export json (rows+render)",
                        best_of(lambda: render_json(build(loaded, "de", options)), repeats),
                        "json.dumps of the same rows",
                        best_of(lambda: json.dumps(documents, default=str, ensure_ascii=False, indent=2), repeats)))
    return rows


_PLAIN_TYP = """#let d = json(bytes(sys.inputs.texts))
#set page(paper: "a4")
#set text(font: "Libertinus Serif", size: 10pt)
#for t in d { par(t) }
"""


def _texts(document) -> list[str]:
    return [text for section in document.sections for category in section.categories for m in category.measures
            for text in (m.id, m.title, *m.text, *m.evidence, m.status_label)]


def _plain_pdf(texts: list[str], work) -> bytes:
    import typst

    template = work / "plain.typ"
    template.write_text(_PLAIN_TYP, encoding="utf-8")
    return typst.compile(str(template), sys_inputs={"texts": json.dumps(texts, ensure_ascii=False)},
                         ignore_system_fonts=True)


def _plain_docx(texts: list[str]) -> bytes:
    from docx import Document

    doc = Document()
    for text in texts:
        doc.add_paragraph(text)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _documents(size: int, content, ctx, repeats: int) -> list[Row]:
    """The annex as PDF and as Word document: model + layout + write, beside the bare tool."""
    from tom_audit.export import render
    from tom_audit.export.annex_model import build_annex

    texts = _texts(build_annex(content))
    name = f"{len(texts):,} texts as plain paragraphs"
    # Typst memoises within a process: a second compile of the same input takes a tenth of
    # the time. Only the first compile of each counts, as for a user running `export`.
    if size <= PLAIN_TYPST_UP_TO:
        pdf_floor, pdf_floor_name = best_of(lambda: _plain_pdf(texts, ctx.work), 1), f"typst: {name}"
    else:
        pdf_floor, pdf_floor_name = 0.0, "not timed: Typst lays one flow of this many paragraphs out in minutes"
    return [
        Row(size, "export pdf annex (model+typst+PDF/A)", best_of(lambda: render(content, "pdf"), 1),
            pdf_floor_name, pdf_floor),
        Row(size, "export docx annex (model+python-docx)", best_of(lambda: render(content, "docx"), repeats),
            f"python-docx: {name}", best_of(lambda: _plain_docx(texts), repeats)),
    ]
