"""The Excel workbook: a thin openpyxl layer over the rows of `content.build`.

Six sheets in the export language: cover, summary (with a chart), the contract annex
(`xlsx_annex`: prints as a document of its own), action plan, evidence register and the
DPO's review sheet (layout in `review_layout`); every sheet but the annex says "intern",
and every sheet numbers its own pages (`RowWriter` breaks them, `number_pages`);
with `--since OLD` a seventh after the annex, the list of changes (rows from `changes`).

The workbook is written in openpyxl's write-only mode: rows stream to disk as they are
added, so memory stays flat at 20,000 measures. Everything the layout needs works there:
styles per cell, column widths, row heights, merged cells, frozen panes, autofilter, data
validation, a chart, print titles, header and footer. All of it has to be decided before
a sheet's first row is written, which is why rows are built first (`content`) and only
laid out here.

Every text goes through `Styles.cell` (`cell_text`; a leading formula trigger marks the cell
quotePrefix, a string as typed), so nothing a user typed can turn into a formula.
"""

from __future__ import annotations

import io
from datetime import date, datetime, time

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference, Series
from openpyxl.packaging.custom import StringProperty
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from tom_audit import __version__
from tom_audit.export import review_layout
from tom_audit.export.content import ExportContent
from tom_audit.export.xlsx_annex import annex_sheet
from tom_audit.export.xlsx_layout import (
    BODY, BOLD, CHART_COLOURS, LINE_HEIGHT, STATUS_FILLS, RowWriter, Styles, fit_widths, number_pages, print_setup,
    row_height, set_widths,
)
from tom_audit.export.text import format_date, safe_text, sheet_name
from tom_audit.export.xlsx_providers import providers_sheet
from tom_audit.i18n import tr

# -- the sheets ------------------------------------------------------------------------

COVER_WIDTHS = [34, 60, 3, 34, 34]  # A, B: identity; C: gap; D, E: counts and sign-off


def _cover(wb: Workbook, content: ExportContent) -> None:
    """One printed page, internal: who, what, as of when, the counts, the scope."""
    lang = content.lang
    ws = wb.create_sheet(sheet_name(tr("export.sheet.cover", lang)))
    st = Styles.of(ws, lang)
    set_widths(ws, COVER_WIDTHS)
    print_setup(ws, content, None, fit_height=True)
    ws.sheet_view.showGridLines = False
    c = content.cover
    rows = RowWriter(ws)
    rows.add([st.cell(ws, c.title, "title")], 26)
    rows.add([st.cell(ws, c.subtitle, "subtitle_line")], 18)
    # the sign-off state where nobody can miss it; what the export leaves out is a field below
    ws.merged_cells.add(f"A{rows.count + 1}:E{rows.count + 1}")  # one line across the page
    rows.add([st.cell(ws, c.status, "alert_bold" if c.draft else "section")], 18)
    a_width, b_width, _, d_width, e_width = COVER_WIDTHS

    def value_style(value):
        return "value_date" if isinstance(value, date) else "value_int" if isinstance(value, int) else "value"

    left = [(st.cell(ws, tr("export.cover.details", lang), "section"), None, 18)]
    left += [(st.cell(ws, f.label, "label"), st.cell(ws, f.value, value_style(f.value)),
             row_height([(f.label, a_width, BOLD), (f.value, b_width, BODY)])) for f in c.fields]
    right = [(st.cell(ws, tr("export.cover.at_a_glance", lang), "section"), None, 18)]
    right += [(st.cell(ws, f.label, "label"), st.cell(ws, f.value, "value_int"),
               row_height([(f.label, d_width, BOLD), (f.value, e_width, BODY)])) for f in c.counts]
    # the signature lines are in the annex sheet (`xlsx_annex`), not beside internal counts
    empty = (None, None, None)
    for index in range(max(len(left), len(right))):
        la, lb, lh = left[index] if index < len(left) else empty
        ra, rb, rh = right[index] if index < len(right) else empty
        heights = [h for h in (lh, rh) if h]
        rows.add([la, lb, None, ra, rb], max(heights) if heights else None)
    rows.add([])
    rows.add([st.cell(ws, tr("export.cover.scoping", lang), "section")], 18)
    question_width = a_width + b_width + COVER_WIDTHS[2]
    for f in c.scoping:
        row = rows.count + 1
        ws.merged_cells.add(f"A{row}:C{row}")
        ws.merged_cells.add(f"D{row}:E{row}")
        rows.add([st.cell(ws, f.label, "value"), None, None, st.cell(ws, f.value, "value")],
                 row_height([(f.label, question_width, BODY), (f.value, d_width + e_width, BODY)]))
    ws.print_area = f"A1:E{rows.count}"
    number_pages(ws, content, 1)  # fitted to one page


SUMMARY_STATUSES = ("implemented", "partial", "planned", "not_implemented", "not_applicable")


def _summary(wb: Workbook, content: ExportContent) -> None:
    lang = content.lang
    ws = wb.create_sheet(sheet_name(tr("export.sheet.summary", lang)))
    st = Styles.of(ws, lang)
    headers = [tr("export.col.category", lang), tr("export.col.art32", lang), tr("export.col.total", lang),
               *(tr(f"status.{s}", lang) for s in SUMMARY_STATUSES), tr("status.open", lang),
               tr("export.col.required_total", lang), tr("export.col.required_done", lang),
               tr("export.col.recommended_total", lang), tr("export.col.coverage", lang)]
    titles = [r.title for r in content.summary]
    widths = fit_widths(headers, [titles + [tr("status.total", lang)], [r.art32 for r in content.summary]],
                  [24, 10] + [11] * 11, [52, 14] + [14] * 11)
    set_widths(ws, widths)
    ws.freeze_panes = "B2"
    print_setup(ws, content, "1:1", fit_height=True)
    rows = RowWriter(ws)
    rows.add([st.cell(ws, h, "header") for h in headers],
             row_height([(h, w, BOLD) for h, w in zip(headers, widths)], pad=6))

    def line(title, art32, counts, coverage, bold):
        s = counts.by_status
        number = "cell_int_bold" if bold else "cell_int"
        values = [counts.total, *(s[x] for x in SUMMARY_STATUSES), counts.open, counts.required,
                  counts.required_implemented, counts.recommended]
        return [st.cell(ws, title, "cell_bold" if bold else "cell"), st.cell(ws, art32, "cell"),
                *(st.cell(ws, v, number) for v in values),
                st.cell(ws, coverage, "cell_pct_bold" if bold else "cell_pct")]

    for r in content.summary:
        rows.add(line(r.title, r.art32, r.counts, r.coverage, False), row_height([(r.title, widths[0], BODY)]))
    overall = content.overall
    applicable = overall.total - overall.by_status["not_applicable"]
    rows.add(line(tr("status.total", lang), "", overall,
                  overall.by_status["implemented"] / applicable if applicable else None, True))
    n = len(content.summary)
    if n:
        ws.add_chart(_coverage_chart(ws, content, n, widths), f"A{n + 4}")
    number_pages(ws, content, 1)  # fitted to one page


def _coverage_chart(ws, content: ExportContent, n: int, widths: list[float]) -> BarChart:
    """Per category a bar of its applicable measures, split by status."""
    lang = content.lang
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.gapWidth = 50
    chart.title = tr("export.chart.title", lang)
    chart.y_axis.title = tr("export.chart.axis", lang)
    chart.x_axis.scaling.orientation = "maxMin"  # first category on top, as in the table
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.legend.position = "b"
    chart.height = 3.5 + 0.75 * n  # cm
    chart.width = min(sum(widths) * 0.19, 32)  # about as wide as the table above it
    columns = {"implemented": 4, "partial": 5, "planned": 6, "not_implemented": 7, "open": 9}
    for status, column in columns.items():
        series = Series(Reference(ws, min_col=column, min_row=2, max_row=n + 1),
                        title=tr("status.open" if status == "open" else f"status.{status}", lang))
        series.graphicalProperties.solidFill = CHART_COLOURS[status]
        series.graphicalProperties.line.solidFill = CHART_COLOURS[status]
        chart.series.append(series)
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=n + 1))
    return chart


CHANGES_HEADER_ROW = 4


def _changes(wb: Workbook, content: ExportContent) -> None:
    """With --since: every change since OLD, one per row; the assessment's own changes
    first, then the measures in catalogue order (a measure's title on its first row)."""
    lang = content.lang
    changes = content.changes
    ws = wb.create_sheet(sheet_name(tr("export.sheet.changes", lang)))
    st = Styles.of(ws, lang)
    headers = [tr("export.col.id", lang), tr("export.changes.col.subject", lang), tr("export.changes.col.change", lang),
               tr("export.changes.col.old", lang), tr("export.changes.col.new", lang)]
    items = changes.rows
    widths = fit_widths(headers, [[r.measure_id for r in items], [r.title for r in items], [r.kind_label for r in items],
                            [r.old for r in items], [r.new for r in items]],
                  [8, 30, 16, 40, 40], [10, 40, 26, 60, 60])
    set_widths(ws, widths)
    total = sum(widths)
    last = get_column_letter(len(headers))
    ws.freeze_panes = f"A{CHANGES_HEADER_ROW + 1}"
    print_setup(ws, content, f"{CHANGES_HEADER_ROW}:{CHANGES_HEADER_ROW}" if items else None)
    rows = RowWriter(ws, widths, (CHANGES_HEADER_ROW, CHANGES_HEADER_ROW) if items else None)

    def merged(text: str, style: str, height: float | None = None) -> None:
        row = rows.count + 1
        ws.merged_cells.add(f"A{row}:{last}{row}")
        rows.add([st.cell(ws, text, style)] + [st.cell(ws, None, style) for _ in range(len(headers) - 1)],
                 height or row_height([(text, total, BODY)]))

    since = format_date(changes.since, lang)
    merged(tr("export.changes.title", lang, date=since), "title", 26)
    approval = tr("export.changes.meta_approval", lang, version=changes.old_approval) if changes.old_approval else ""
    merged(tr("export.changes.meta", lang, file=changes.old_file, old=since, approval=approval,
              new=format_date(content.stand, lang)), "meta")
    if not items:
        merged(tr("export.changes.none", lang, date=since), "meta")
        ws.print_area = f"A1:{last}{rows.count}"
        number_pages(ws, content, rows.pages.count)
        return
    merged(tr("export.changes.counts", lang, measures=changes.measures_changed, changes=len(items)), "meta")
    _header_row(rows, st, headers, widths)
    previous = None
    for r in items:
        first = r.section != "measure" or r.measure_id != previous
        previous = r.measure_id if r.section == "measure" else None
        title = r.title if first else ""
        height = row_height([(title, widths[1], BOLD), (r.kind_label, widths[2], BODY), (r.old, widths[3], BODY),
                             (r.new, widths[4], BODY)])
        rows.add([st.cell(ws, r.measure_id, "cell"), st.cell(ws, title, "cell_bold"), st.cell(ws, r.kind_label, "cell"),
                  st.cell(ws, r.old, "cell"), st.cell(ws, r.new, "cell")], height)
    ws.auto_filter.ref = f"A{CHANGES_HEADER_ROW}:{last}{rows.count}"
    ws.print_area = f"A1:{last}{rows.count}"
    number_pages(ws, content, rows.pages.count)


def _table(wb: Workbook, content: ExportContent, title: str, headers: list[str], widths: list[float],
           freeze: str):
    ws = wb.create_sheet(sheet_name(title))
    set_widths(ws, widths)
    ws.freeze_panes = freeze
    print_setup(ws, content, "1:1")
    return ws


def _header_row(rows: RowWriter, st: Styles, headers: list[str], widths: list[float]) -> None:
    ws = rows.ws
    rows.add([st.cell(ws, h, "header") for h in headers],
             row_height([(h, w, BOLD) for h, w in zip(headers, widths)], pad=6) or LINE_HEIGHT + 8)


def _actions(wb: Workbook, content: ExportContent) -> None:
    lang = content.lang
    headers = [tr("export.col.id", lang), tr("export.col.measure", lang), tr("export.col.category", lang),
               tr("export.col.required", lang), tr("export.col.status", lang), tr("export.col.risk", lang),
               tr("export.col.gap", lang), tr("export.col.action", lang), tr("export.col.owner", lang),
               tr("export.col.due", lang), tr("export.col.gap_state", lang)]
    items = content.actions
    overdue_label = tr("export.overdue", lang)
    states = [f"{r.state_label} · {overdue_label}" if r.overdue else r.state_label for r in items]
    widths = fit_widths(headers, [[r.measure_id for r in items], [r.title for r in items], [r.category for r in items],
                            [r.required_label for r in items], [r.status_label for r in items],
                            [r.risk_label for r in items], [r.description for r in items],
                            [r.action for r in items], [r.owner for r in items], [], states],
                  [8, 28, 14, 11, 11, 9, 30, 30, 14, 11, 11], [10, 36, 22, 13, 16, 10, 44, 44, 22, 12, 22])
    ws = _table(wb, content, tr("export.sheet.actions", lang), headers, widths, "C2")
    st = Styles.of(ws, lang)
    rows = RowWriter(ws, widths, (1, 1))
    _header_row(rows, st, headers, widths)
    for r, state in zip(items, states):
        base = "alert" if r.overdue else "cell"
        due = r.due if r.due else r.due_text
        height = row_height([(r.title, widths[1], BOLD), (r.category, widths[2], BODY), (r.description, widths[6], BODY),
                             (r.action, widths[7], BODY), (r.owner, widths[8], BODY), (state, widths[10], BOLD)])
        rows.add([
            st.cell(ws, r.measure_id, base), st.cell(ws, r.title, "alert_bold" if r.overdue else "cell_bold"),
            st.cell(ws, r.category, base), st.cell(ws, r.required_label, base), st.cell(ws, r.status_label, base),
            st.cell(ws, r.risk_label, f"risk_{r.risk}" if r.risk else base), st.cell(ws, r.description, base),
            st.cell(ws, r.action, base), st.cell(ws, r.owner, base),
            st.cell(ws, due, ("alert_date" if r.overdue else "cell_date") if r.due else base),
            st.cell(ws, state, "alert_bold" if r.overdue else base),
        ], height)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(items) + 1}"
    number_pages(ws, content, rows.pages.count)


def _evidence(wb: Workbook, content: ExportContent) -> None:
    lang = content.lang
    headers = [tr("export.col.id", lang), tr("export.col.measure", lang), tr("export.col.evidence_kind", lang),
               tr("export.col.reference", lang), tr("export.col.description", lang), tr("export.col.date", lang),
               tr("export.col.valid_until", lang), tr("export.col.sha256", lang), tr("export.col.remark", lang)]
    items = content.evidence
    widths = fit_widths(headers, [[r.measure_id for r in items], [r.title for r in items], [r.kind_label for r in items],
                            [r.ref for r in items], [r.description for r in items], [], [], [], []],
                  [8, 26, 12, 26, 30, 11, 11, 35, 11], [10, 36, 18, 46, 40, 12, 12, 35, 14])
    ws = _table(wb, content, tr("export.sheet.evidence", lang), headers, widths, "C2")
    st = Styles.of(ws, lang)
    rows = RowWriter(ws, widths, (1, 1))
    _header_row(rows, st, headers, widths)
    expired = tr("export.expired", lang)
    for r in items:
        row = rows.count + 1
        base = "alert" if r.expired else "cell"
        link = r.is_url and r.ref.lower().startswith(("https://", "http://"))
        ref = st.cell(ws, r.ref, "cell_link" if link and not r.expired else base)
        if link:
            ref.row, ref.column = row, 4  # a hyperlink needs its cell's coordinate
            ref.hyperlink = safe_text(r.ref, line=True)
        # the hash takes two lines of 8 pt monospace text
        height = row_height([(r.title, widths[1], BODY), (r.ref, widths[3], BODY), (r.description, widths[4], BODY)])
        if r.sha256:
            height = max(height or 0, 2 * 10.5 + 3)
        rows.add([
            st.cell(ws, r.measure_id, base), st.cell(ws, r.title, base), st.cell(ws, r.kind_label, base), ref,
            st.cell(ws, r.description, base),
            st.cell(ws, r.date, ("alert_date" if r.expired else "cell_date") if r.date else base),
            st.cell(ws, r.valid_until, ("alert_date" if r.expired else "cell_date") if r.valid_until else base),
            st.cell(ws, r.sha256, "alert_mono" if r.expired else "cell_mono"),
            st.cell(ws, expired if r.expired else "", "alert_bold" if r.expired else base),
        ], height)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(items) + 1}"
    number_pages(ws, content, rows.pages.count)


def _review(wb: Workbook, content: ExportContent) -> None:
    lang = content.lang
    columns = review_layout.REVIEW_COLUMNS
    headers = [tr(c.header_key, lang) for c in columns]
    items = content.review
    widths = [c.width for c in columns]
    ws = _table(wb, content, review_layout.sheet_title(lang), headers, widths, "C2")
    ws.column_dimensions[review_layout.KEY_COLUMN.letter].hidden = True
    ws.column_dimensions[review_layout.FINGERPRINT_COLUMN.letter].hidden = True
    st = Styles.of(ws, lang)
    last_row = len(items) + review_layout.FIRST_DATA_ROW - 1
    labels = review_layout.VERDICT_LABELS[lang]
    state_col = review_layout.COLUMN["review_state"].letter
    validation = DataValidation(type="list", formula1='"' + ",".join(labels.values()) + '"', allow_blank=True,
                                showErrorMessage=True, errorTitle=tr("export.review.invalid_title", lang),
                                error=tr("export.review.invalid", lang, allowed=", ".join(labels.values())),
                                showInputMessage=True, promptTitle=tr("export.review.col.state", lang),
                                prompt=tr("export.review.prompt", lang))
    if items:
        validation.add(f"{state_col}{review_layout.FIRST_DATA_ROW}:{state_col}{last_row}")
        ws.data_validations.append(validation)
    hidden = (review_layout.KEY_COLUMN, review_layout.FINGERPRINT_COLUMN)  # not printed
    rows = RowWriter(ws, [c.width for c in columns if c not in hidden], (1, 1))
    _header_row(rows, st, headers, widths)
    col = review_layout.COLUMN
    for r in items:
        height = row_height([(r.category, col["category"].width, BODY), (r.title, col["title"].width, BOLD),
                             (r.status_label, col["status"].width, BODY), (r.note, col["note"].width, BODY),
                             (r.reviewer, col["reviewer"].width, BODY), (r.comment, col["comment"].width, BODY)])
        rows.add([
            st.cell(ws, r.key, "hidden"), st.cell(ws, r.measure_id, "cell"), st.cell(ws, r.category, "cell"),
            st.cell(ws, r.title, "cell_bold"), st.cell(ws, r.required_label, "cell"),
            st.cell(ws, r.status_label, f"status_{r.status}" if r.status in STATUS_FILLS else "cell"),
            st.cell(ws, r.note, "cell"), st.cell(ws, r.evidence_count, "cell_int"),
            st.cell(ws, r.review_state_label, "dpo"), st.cell(ws, r.reviewer, "dpo"),
            st.cell(ws, r.review_date, "dpo_date"), st.cell(ws, r.comment, "dpo"),
            st.cell(ws, r.fingerprint, "hidden"),
        ], height)
    ws.auto_filter.ref = f"B1:{review_layout.COLUMN['comment'].letter}{max(last_row, 1)}"
    number_pages(ws, content, rows.pages.count)


def _properties(wb: Workbook, content: ExportContent) -> None:
    """Document properties (docProps/core.xml, custom.xml): every text through `safe_text`,
    so no user text can make the XML part ill-formed."""
    lang = content.lang
    a = content.assessment
    stamp = datetime.combine(content.stand, time(12, 0))
    props = wb.properties
    props.title = safe_text(tr("export.properties.title", lang, org=a.organisation.name or "-"), line=True)
    props.subject = safe_text(tr("export.properties.subject", lang), line=True)
    props.creator = safe_text(a.scope.responsible or a.organisation.name or "tom-audit", line=True)
    props.lastModifiedBy = f"tom-audit {__version__}"
    props.keywords = safe_text(tr("export.properties.keywords", lang), line=True)
    props.description = safe_text(tr("export.properties.description", lang, catalogue=content.catalogue.id,
                                     version=content.catalogue.version), line=True)
    props.language = "de-DE" if lang == "de" else "en-GB"
    props.identifier = safe_text(a.id, line=True) or None
    props.created = stamp
    custom = [
        (review_layout.PROP_ASSESSMENT_ID, a.id),
        (review_layout.PROP_CATALOGUE_ID, content.catalogue.id),
        (review_layout.PROP_CATALOGUE_VERSION, content.catalogue.version),
        (review_layout.PROP_LAYOUT_VERSION, str(review_layout.LAYOUT_VERSION)),
        (review_layout.PROP_LANGUAGE, lang),
    ]
    for name, value in custom:
        wb.custom_doc_props.append(StringProperty(name=name, value=safe_text(value, line=True)))


def build_workbook(content: ExportContent, write_only: bool = True) -> Workbook:
    """The finished, not yet saved workbook. In write-only mode (the default, flat memory)
    it can be saved exactly once; `write_only=False` builds the same workbook in memory,
    for comparison (benchmarks/bench_export.py)."""
    wb = Workbook(write_only=write_only)
    if not write_only:
        wb.remove(wb.active)
    _cover(wb, content)
    _summary(wb, content)
    annex_sheet(wb, content)
    if content.changes is not None:
        _changes(wb, content)
    _actions(wb, content)
    _evidence(wb, content)
    providers_sheet(wb, content)
    _review(wb, content)
    _properties(wb, content)
    return wb


def to_bytes(content: ExportContent, write_only: bool = True) -> bytes:
    buffer = io.BytesIO()
    build_workbook(content, write_only).save(buffer)
    return buffer.getvalue()

