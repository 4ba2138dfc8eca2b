"""The annex as a Word document (python-docx), from the same model as the PDF.

Made for a legal department that pastes it into a contract and edits it: Word's own styles
("Heading 1/2" show in the navigation pane, "Table Grid", "List"), plain runs of text, a
table per category whose header row repeats on every page, headings kept with what follows,
page numbers as fields ("Seite X von Y"), document properties, and the draft mark in every
page header. A measure's row never splits across pages, unless its text may not fit on one
page (`surely_fits`): then its title is a row of its own, kept with the text below it, and
the text may continue on the next page (a row that cannot split is cut off at the page end).
Timestamps are the assessment's "Stand", so the same assessment gives the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime, time

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt, RGBColor
from lxml.etree import SubElement  # python-docx's own XML library

from tom_audit.export.annex_model import AnnexDocument, AnnexEntry, AnnexMeasure, AnnexSection
from tom_audit.export.text_width import TextStyle, wrapped_lines

FONT = "Liberation Serif"  # Times New Roman's metric twin; Word falls back to its serif
ACCENT = RGBColor(0x1F, 0x4E, 0x79)
DRAFT_RED = RGBColor(0xB0, 0x00, 0x20)
GREY = RGBColor(0x55, 0x5F, 0x6B)
STATUS_FILLS = {"implemented": "E2EFDA", "partial": "FFF2CC", "planned": "DDEBF7", "not_applicable": "EDEDED"}
COLUMN_WIDTHS = (Cm(1.8), Cm(11.9), Cm(3.3))  # 17 cm between 2 cm margins
# Our paragraph styles for the measure table: a lawyer changes a style once, not 2,000 cells
PARAGRAPH_STYLES = {"cell": "Annex Table Text", "title": "Annex Measure Title", "evidence": "Annex Evidence"}


# -- small XML helpers (what python-docx has no API for) ---------------------------------------


def _field(paragraph, instruction: str, size: Pt | None = None) -> None:
    """A Word field (PAGE, NUMPAGES) with a placeholder result, updated when Word lays out."""
    for kind, text in (("begin", None), (None, f" {instruction} "), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        if size:
            run.font.size = size
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text.strip() == "1":
            run.text = text
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)


def _shade(cell, colour: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


def _row_flag(row, name: str) -> None:
    """w:tblHeader (repeat as header row on each page) or w:cantSplit (never split a row)."""
    flag = OxmlElement(name)
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _widths(table, widths) -> None:
    """Column widths in the table grid (LibreOffice reads these) and in every cell (Word)."""
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width


def _grid(table, widths) -> None:
    """Column widths in the table grid, for a table whose later rows carry their own widths."""
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width
    for cell, width in zip(table.rows[0].cells, widths):
        cell.width = width


def _top_border(paragraph) -> None:
    """A signature line: the paragraph's top border."""
    pbdr = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(key), value)
    pbdr.append(top)
    paragraph._p.get_or_add_pPr().append(pbdr)


# -- the parts -------------------------------------------------------------------------------


def _styles(doc, lang: str) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(4)
    rpr = normal.element.get_or_add_rPr()
    lang_el = OxmlElement("w:lang")
    lang_el.set(qn("w:val"), "de-DE" if lang == "de" else "en-GB")
    rpr.append(lang_el)
    cell = doc.styles.add_style(PARAGRAPH_STYLES["cell"], WD_STYLE_TYPE.PARAGRAPH)
    cell.base_style = normal
    cell.font.size = Pt(9.5)
    cell.paragraph_format.space_after = Pt(3)
    title = doc.styles.add_style(PARAGRAPH_STYLES["title"], WD_STYLE_TYPE.PARAGRAPH)
    title.base_style = cell
    title.font.bold = True
    title.paragraph_format.keep_with_next = True  # the title stays with its text
    evidence = doc.styles.add_style(PARAGRAPH_STYLES["evidence"], WD_STYLE_TYPE.PARAGRAPH)
    evidence.base_style = cell
    evidence.font.size = Pt(8.5)
    evidence.font.color.rgb = GREY
    for name, size in (("Title", 18), ("Heading 1", 14), ("Heading 2", 11.5)):
        style = doc.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.color.rgb = ACCENT
        style.font.bold = True
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.space_before = Pt(14 if name != "Title" else 0)
        style.paragraph_format.space_after = Pt(4)


def _page_frame(doc, document: AnnexDocument) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin, section.bottom_margin = Cm(2.4), Cm(2.2)
    section.header_distance = section.footer_distance = Cm(1)
    frame = document.frame
    width = section.page_width - section.left_margin - section.right_margin

    header = section.header.paragraphs[0]
    header.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    run = header.add_run(frame.header)
    run.font.size, run.font.color.rgb = Pt(8), GREY
    if frame.draft_mark:
        header.add_run("\t")
        mark = header.add_run(frame.draft_mark)
        mark.bold, mark.font.size, mark.font.color.rgb = True, Pt(10), DRAFT_RED

    footer = section.footer.paragraphs[0]
    stops = footer.paragraph_format.tab_stops
    stops.add_tab_stop(int(width / 2), WD_TAB_ALIGNMENT.CENTER)
    stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    for text in (frame.organisation, "\t", frame.stand, "\t"):
        run = footer.add_run(text)
        run.font.size = Pt(8)
    # "Seite {page} von {pages}" with the numbers as fields, in the label's own word order
    for part in re.split(r"(\{page\}|\{pages\})", frame.page_label):
        if part == "{page}":
            _field(footer, "PAGE", Pt(8))
        elif part == "{pages}":
            _field(footer, "NUMPAGES", Pt(8))
        elif part:
            footer.add_run(part).font.size = Pt(8)


def _title_block(doc, document: AnnexDocument) -> None:
    kicker = doc.add_paragraph()
    run = kicker.add_run(document.kicker.upper())
    run.bold, run.font.color.rgb = True, ACCENT
    kicker.paragraph_format.space_after = Pt(0)
    doc.add_paragraph(document.title, style="Title")
    if document.contract:
        run = doc.add_paragraph().add_run(document.contract)
        run.italic, run.font.size = True, Pt(11)
    table = doc.add_table(rows=0, cols=2)
    _no_borders(table)
    for field in document.title_fields:
        cells = table.add_row().cells
        label = cells[0].paragraphs[0].add_run(field.label)
        label.bold = True
        _lines(cells[1].paragraphs[0], field.value.split("\n"))
        for cell in cells:
            _shade(cell, "EEF2F7")
    _widths(table, (Cm(5.5), Cm(11.5)))
    if document.draft:
        note = doc.add_paragraph()
        note.paragraph_format.space_before = Pt(8)
        run = note.add_run(document.labels["draft_note"])
        run.bold, run.font.color.rgb = True, DRAFT_RED


def _lines(paragraph, lines: list[str], size: Pt | None = None, colour: RGBColor | None = None) -> None:
    """Lines of text in one paragraph, separated by line breaks."""
    for index, line in enumerate(lines):
        if index:
            paragraph.add_run().add_break()
        run = paragraph.add_run(line)
        if size:
            run.font.size = size
        if colour:
            run.font.color.rgb = colour


# -- will a row fit on a page? -----------------------------------------------------------------
# A table row that must not split but is taller than a page is cut off at the page end
# (LibreOffice draws it into the footer; the rest of the text is lost in print), so only a
# row that surely fits is kept whole. Word lays out the text itself, so the height is an
# estimate, on the safe side: Arial's advance widths (wider than Liberation Serif's, the
# document's font, by about a tenth for running text), the spreadsheet's greedy wrap
# (`text_width.wrapped_lines`), a generous line pitch, and only half a page counted as room.

CELL_TEXT = TextStyle("Arial", 9.5)  # the sizes of the paragraph styles (`_styles`)
TITLE_TEXT = TextStyle("Arial", 9.5, bold=True)
EVIDENCE_TEXT = TextStyle("Arial", 8.5)
LABEL_TEXT = TextStyle("Arial", 9, bold=True)
LINE_PITCH = 1.3  # points per point of font size: Liberation Serif's 1.15 em line, spaced 1.15 by the template
PARAGRAPH_GAP = 3.0  # points after each paragraph of a cell (the cell style's space after)
CELL_MARGIN = 108 / 20  # points left and right inside a cell (Table Grid: 108 twips)
# The body of an A4 page between the margins `_page_frame` sets, in points; half of it is
# what a row may take and still never split: the estimate's margin, and a row moved whole to
# the next page leaves at most half a page blank.
PAGE_BODY = Cm(29.7 - 2.4 - 2.2).pt
SURELY_FITS = 0.5

Paragraphs = list[tuple[list[str], TextStyle]]  # a cell's paragraphs: (lines, style)
Cell = tuple[Length, Paragraphs]  # a cell's width and its paragraphs


def cell_height(width: Length, paragraphs: Paragraphs) -> float:
    """Estimated height (points, on the safe side) of a cell `width` wide holding
    `paragraphs`: (the lines of one paragraph, which line breaks part; TextStyle)."""
    room = width.pt - 2 * CELL_MARGIN
    height = 0.0
    for lines, style in paragraphs:
        count = sum(wrapped_lines(line, room, style) for line in lines)
        height += count * style.size * LINE_PITCH + PARAGRAPH_GAP
    return height


def row_height(cells: list[Cell]) -> float:
    """Estimated height (points, on the safe side) of a table row of `cells`: its tallest."""
    return max(cell_height(width, paragraphs) for width, paragraphs in cells)


def surely_fits(height: float) -> bool:
    """Whether rows of an estimated `height` (points) surely fit on one page together."""
    return height <= PAGE_BODY * SURELY_FITS


# -- the measure rows, built as XML: python-docx's object API costs ~2 ms per row, which at
# 2,000 measures is most of the time. The same elements Word writes, in schema order; text
# goes in as element text (lxml escapes it), never as markup.

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _el(parent, tag: str, **attributes):
    element = SubElement(parent, W + tag)
    for key, value in attributes.items():
        element.set(W + key, value)
    return element


def _paragraph(parent, style_id: str, lines: list[str], label: str = "", keep: bool = False) -> None:
    """One w:p in a paragraph style: `label` (bold) then `lines` joined by line breaks;
    `keep`: kept on the page of the next paragraph (Word: keep with next)."""
    p = _el(parent, "p")
    properties = _el(p, "pPr")
    _el(properties, "pStyle", val=style_id)
    if keep:
        _el(properties, "keepNext")
    if label:
        run = _el(p, "r")
        _el(_el(run, "rPr"), "b")
        _text(run, label)
    run = _el(p, "r")
    for index, line in enumerate(lines):
        if index:
            _el(run, "br")
        for part, piece in enumerate(line.split("\t")):
            if part:
                _el(run, "tab")
            if piece:
                _text(run, piece)


def _text(run, text: str) -> None:
    t = _el(run, "t")
    t.set(_XML_SPACE, "preserve")
    t.text = text


def _measure_row(tbl, document: AnnexDocument, measure: AnnexMeasure, styles: dict[str, str]) -> None:
    """A table row: id | title, text and evidence | status, never split across pages. A
    measure whose row may not fit on a page gets two: its title (never split, kept with the
    next row), then its text and evidence, which may split; id and status span both rows
    (merged cells) and no line parts the title from its text, so it reads as one row."""
    if surely_fits(row_height(_measure_cells_text(document, measure))):
        middle = _measure_cells(_row(tbl, cant_split=True), measure, styles)
        _paragraph(middle, styles["title"], [measure.title])
        _measure_body(middle, document, measure, styles)
        return
    # LibreOffice keeps a row with the next one only when every paragraph of it keeps with
    # the next (the title's alone is not enough); it is also how Word keeps rows together
    middle = _measure_cells(_row(tbl, cant_split=True), measure, styles, part="title")
    _paragraph(middle, styles["title"], [measure.title], keep=True)
    middle = _measure_cells(_row(tbl), measure, styles, part="text")
    _measure_body(middle, document, measure, styles)


def _row(tbl, cant_split: bool = False):
    """A new w:tr at the end of `tbl`; `cant_split`: never split across pages."""
    tr = _el(tbl, "tr")
    if cant_split:
        _el(_el(tr, "trPr"), "cantSplit", val="true")
    return tr


def _measure_cells(tr, measure: AnnexMeasure, styles: dict[str, str], part: str = ""):
    """The cells of a measure's row `tr` with id and status filled in; returns the middle cell
    (empty) for title and text. `part`: "" for the whole measure in one row; "title" or "text"
    for the first or second of two rows, where id and status are one cell across both (the
    text row's are the merged continuation) and the middle cells have no line between them."""
    cells = []
    for index, width in enumerate(COLUMN_WIDTHS):
        tc = _el(tr, "tc")
        tc_pr = _el(tc, "tcPr")
        _el(tc_pr, "tcW", w=str(int(width.twips)), type="dxa")
        if part and index != 1:
            _el(tc_pr, "vMerge", **({"val": "restart"} if part == "title" else {}))
        if part and index == 1:
            _el(_el(tc_pr, "tcBorders"), "bottom" if part == "title" else "top", val="nil")
        if index == 2 and measure.status in STATUS_FILLS:
            _el(tc_pr, "shd", val="clear", color="auto", fill=STATUS_FILLS[measure.status])
        cells.append(tc)
    if part == "text":
        _el(cells[0], "p")  # a cell holds one paragraph at least
        _el(cells[2], "p")
    else:
        keep = part == "title"
        _paragraph(cells[0], styles["cell"], [measure.id], keep=keep)
        _paragraph(cells[2], styles["cell"], [measure.status_label], keep=keep)
    return cells[1]


def _measure_body(cell, document: AnnexDocument, measure: AnnexMeasure, styles: dict[str, str]) -> None:
    """The organisation's text and the evidence of `measure`, as paragraphs of `cell`."""
    if measure.text:
        _paragraph(cell, styles["cell"], measure.text)
    if measure.evidence:
        _paragraph(cell, styles["evidence"], measure.evidence, label=document.labels["evidence"] + ": ")


def _measure_cells_text(document: AnnexDocument, measure: AnnexMeasure) -> list[Cell]:
    """The texts of the row of `measure`, cell by cell, for `surely_fits`."""
    middle = [([measure.title], TITLE_TEXT)]
    if measure.text:
        middle.append((measure.text, CELL_TEXT))
    if measure.evidence:  # the label is part of the first line
        middle.append(([f"{document.labels['evidence']}: {measure.evidence[0]}", *measure.evidence[1:]], EVIDENCE_TEXT))
    return [(COLUMN_WIDTHS[0], [([measure.id], CELL_TEXT)]), (COLUMN_WIDTHS[1], middle),
            (COLUMN_WIDTHS[2], [([measure.status_label], CELL_TEXT)])]


def _tom_section(doc, document: AnnexDocument, section: AnnexSection) -> None:
    styles = {key: doc.styles[name].style_id for key, name in PARAGRAPH_STYLES.items()}
    doc.add_heading(section.title, level=1)
    doc.add_paragraph(section.intro)
    for category in section.categories:
        doc.add_heading(category.heading, level=2)
        goal = doc.add_paragraph()
        goal.paragraph_format.keep_with_next = True
        run = goal.add_run(category.goal)
        run.italic, run.font.size = True, Pt(9.5)
        if not category.measures:
            run = doc.add_paragraph().add_run(category.empty_note)
            run.italic, run.font.color.rgb = True, GREY
            continue
        table = doc.add_table(rows=1, cols=3)
        table.style = doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        head = table.rows[0]
        _row_flag(head, "w:tblHeader")
        _row_flag(head, "w:cantSplit")
        for cell, text in zip(head.cells, section.columns):
            run = cell.paragraphs[0].add_run(text)
            run.bold, run.font.size, run.font.color.rgb = True, Pt(9), RGBColor(0xFF, 0xFF, 0xFF)
            _shade(cell, "1F4E79")
        tbl = table._tbl
        for measure in category.measures:
            _measure_row(tbl, document, measure, styles)
        _grid(table, COLUMN_WIDTHS)


ENTRY_WIDTHS = (Cm(4.6), Cm(12.4))


def _entries_section(doc, section: AnnexSection) -> None:
    """Kind "entries": one two-column table per card (name across both columns, then label |
    value rows); rows never split and each row keeps with the next, so a card stays whole.
    A card that may not fit on a page (`surely_fits`) keeps only its name with its first
    row, and only its rows that surely fit never split: nothing runs off the page."""
    heading = doc.add_heading(section.title, level=section.level)
    heading.paragraph_format.page_break_before = section.new_page
    if section.intro:
        doc.add_paragraph(section.intro)
    if not section.entries and section.empty_note:
        run = doc.add_paragraph().add_run(section.empty_note)
        run.italic, run.font.color.rgb = True, GREY
    for entry in section.entries:
        table = doc.add_table(rows=1 + len(entry.fields), cols=2)
        table.style = doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        head = table.rows[0].cells[0].merge(table.rows[0].cells[1])
        run = head.paragraphs[0].add_run(entry.title)
        run.bold, run.font.color.rgb = True, ACCENT
        _shade(head, "EEF2F7")
        for row, field in zip(table.rows[1:], entry.fields):
            label = row.cells[0].paragraphs[0].add_run(field.label)
            label.bold, label.font.size = True, Pt(9)
            _lines(row.cells[1].paragraphs[0], field.value.split("\n"), size=Pt(9.5))
        heights = _card_heights(entry)
        whole = surely_fits(sum(heights))
        for index, (row, height) in enumerate(zip(table.rows, heights)):
            if whole or surely_fits(height):
                _row_flag(row, "w:cantSplit")
            if index < len(table.rows) - 1 and (whole or index == 0):
                for cell in row.cells:
                    for paragraph in cell.paragraphs:
                        paragraph.paragraph_format.keep_with_next = True
        _widths(table, ENTRY_WIDTHS)
        doc.add_paragraph().paragraph_format.space_after = Pt(2)


def _card_heights(entry: AnnexEntry) -> list[float]:
    """Estimated heights (points) of the rows of the card of `entry`: its name, its fields."""
    name = row_height([(Length(sum(ENTRY_WIDTHS)), [([entry.title], TITLE_TEXT)])])
    return [name] + [row_height([(ENTRY_WIDTHS[0], [([field.label], LABEL_TEXT)]),
                                 (ENTRY_WIDTHS[1], [(field.value.split("\n"), CELL_TEXT)])])
                     for field in entry.fields]


def _closing(doc, document: AnnexDocument) -> None:
    closing = document.closing
    if closing is None:
        return
    doc.add_heading(closing.heading, level=1)
    for text in filter(None, (closing.version_line, closing.review_line)):
        doc.add_paragraph(text).paragraph_format.keep_with_next = True
    for block in closing.signatures:
        party = doc.add_paragraph()
        party.paragraph_format.space_before = Pt(14)
        party.paragraph_format.keep_with_next = True
        party.add_run(block.party).bold = True
        table = doc.add_table(rows=1, cols=len(block.lines))
        _no_borders(table)
        _row_flag(table.rows[0], "w:cantSplit")
        for cell, line in zip(table.rows[0].cells, block.lines):
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_before = Pt(30)
            _top_border(paragraph)
            paragraph.add_run(line).font.size = Pt(8.5)


_PROPERTY_LIMIT = 255  # python-docx refuses longer core properties (a long name must not stop the export)


def _clip(text: str) -> str:
    """`text` cut to the core-property limit, an ellipsis marking the cut."""
    return text if len(text) <= _PROPERTY_LIMIT else text[:_PROPERTY_LIMIT - 1] + "…"


def _properties(doc, document: AnnexDocument) -> None:
    props = doc.core_properties
    p = document.properties
    stamp = datetime.combine(p.stand, time(12, 0))
    props.title, props.subject, props.author = _clip(p.title), _clip(p.subject), _clip(p.author)
    props.keywords, props.language = _clip(p.keywords), _clip(p.language)
    props.last_modified_by = "tom-audit"
    props.created = props.modified = stamp
    props.revision = 1
    props.comments = document.closing.version_line if document.closing else ""


def _fixed_zip_times(data: bytes, stamp: datetime) -> bytes:
    """The same package with every member dated `stamp`: reproducible bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            member.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(member, source.read(info.filename))
    return out.getvalue()


def render_docx(document: AnnexDocument) -> bytes:
    """DOCX bytes of `document`."""
    doc = Document()
    _styles(doc, document.lang)
    _page_frame(doc, document)
    _title_block(doc, document)
    for section in document.sections:
        if section.kind == "tom":
            _tom_section(doc, document, section)
        elif section.kind == "entries":
            _entries_section(doc, section)
    _closing(doc, document)
    _properties(doc, document)
    buffer = io.BytesIO()
    doc.save(buffer)
    return _fixed_zip_times(buffer.getvalue(), datetime.combine(document.properties.stand, time(12, 0)))
