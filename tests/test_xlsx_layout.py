"""Row heights from font metrics, page breaks that keep headings with their first rows, long
texts cut into rows at line ends (annex) or rows held to Excel's 409 points (other sheets),
the references column (workbook and JSON), and LibreOffice renders of a stress file in which
no cell's last line may be cut off and of notes longer than a page printed to their last word."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from tom_audit.export import ExportOptions, export
from tom_audit.export.references import reference_lines
from tom_audit.export.text_width import (
    TextStyle, column_points, lines_up_to, split_after_lines, text_width, wrapped_lines,
)
from tom_audit.export.xlsx_layout import BODY, BOLD, LINE_HEIGHT, MAX_ROW_HEIGHT, plan_breaks, row_height
from tom_audit.logic.answers import Edit, record
from tom_audit.model.assessment import Gap
from tom_audit.store.assessment_store import load_assessment, save_assessment

from tests.conftest import EXAMPLE, pdf_words

OPTIONS = ExportOptions(today=date(2026, 11, 21))


# -- measuring -----------------------------------------------------------------------------------


def test_capitals_and_bold_are_wider_than_lower_case():
    assert text_width("MFA FÜR ALLE", BODY) > text_width("mfa für alle", BODY)
    assert text_width("Zugangskontrolle", BOLD) > text_width("Zugangskontrolle", BODY)
    assert text_width("iiii", BODY) < text_width("WWWW", BODY)
    assert text_width("abc", TextStyle("Calibri", 10)) < text_width("abc", BODY)  # Calibri runs narrower


def test_wrapping_counts_lines_like_a_spreadsheet():
    room = column_points(20)
    assert wrapped_lines("kurz", room, BODY) == 1
    assert wrapped_lines("eins\nzwei\ndrei", room, BODY) == 3
    word = "Datenschutzfolgenabschätzungsdokumentationspflicht" * 2
    assert wrapped_lines(word, room, BODY) >= 4  # a long word is broken where it runs out
    caps = "ZWEI-FAKTOR-AUTHENTIFIZIERUNG FÜR ALLE FERNZUGÄNGE UND ADMINISTRATIVEN KONTEN"
    assert wrapped_lines(caps, room, BODY) > wrapped_lines(caps.lower(), room, BODY)


def _wrap_word_by_word(text: str, room: float, style: TextStyle) -> int:
    """The spreadsheet's greedy wrap spelt out slowly, as a reference: words while the line
    fits, spaces that would open a line dropped, a word too long for a line broken per char."""
    def fits(line: str) -> bool:
        return text_width(line, style) <= room

    total = 0
    for paragraph in text.split("\n"):
        lines, line = 1, ""
        for word in paragraph.split(" "):
            joined = f"{line} {word}" if text_width(line, style) else word
            if fits(joined):
                line = joined
                continue
            if text_width(line, style):
                lines += 1
            line = ""
            for char in word:
                if text_width(line, style) and not fits(line + char):
                    lines += 1
                    line = ""
                line += char
        total += lines
    return total


@given(st.text(alphabet=st.sampled_from("aiW Ü-\n​ß漢"), max_size=80),
       st.floats(min_value=1, max_value=200), st.sampled_from([BODY, BOLD, TextStyle("Calibri", 11)]))
@settings(max_examples=500, deadline=None)
def test_wrapping_agrees_with_a_word_by_word_wrap(text, room, style):
    assert wrapped_lines.__wrapped__(text, room, style) == _wrap_word_by_word(text, room, style)


@given(st.text(alphabet=st.sampled_from("aiW Ü-\n​ß漢"), max_size=120), st.floats(min_value=1, max_value=200),
       st.sampled_from([BODY, BOLD, TextStyle("Calibri", 11)]), st.integers(min_value=1, max_value=8))
@settings(max_examples=1000, deadline=None)
def test_a_text_cut_after_some_lines_loses_nothing_and_wraps_as_before(text, room, style, lines):
    total = wrapped_lines.__wrapped__(text, room, style)
    assert lines_up_to(text, room, style, 1000) == total and lines_up_to(text, room, style, lines) == min(lines, total)
    cut = split_after_lines(text, room, style, lines)
    if cut is None:  # it fits, or only spaces or a line break at its end would go on
        assert total <= lines or text[-1] in " \n"
        return
    head, rest = cut
    gap = text[len(head):len(text) - len(rest)]
    assert head + gap + rest == text and gap in ("", " ", "\n")  # the space or line break at the cut, or none
    assert wrapped_lines.__wrapped__(rest, room, style) == total - lines  # the rest wraps as it did
    assert wrapped_lines.__wrapped__(head, room, style) == lines or head.endswith(" ")


def test_row_height_follows_the_most_lines():
    assert row_height([("kurz", 20, BODY)]) is None
    tall = row_height([("a " * 200, 20, BODY), ("kurz", 40, BOLD)])
    lines = wrapped_lines("a " * 200, column_points(20), BODY)
    assert tall == pytest.approx(lines * LINE_HEIGHT + 4, abs=0.01)
    assert row_height([("a " * 200, 20, 1.0)]) == tall  # the older density argument still works


def test_page_breaks_keep_a_heading_with_its_first_row():
    heights = [100, 100, 30, 20, 40, 40]  # rows 2-4: heading, goal, first measure
    keep = [False, False, True, True, False, False]
    assert plan_breaks(heights, keep, capacity=260) == [2]  # the heading moves, not the measure alone
    assert plan_breaks(heights, keep, capacity=1000) == []
    assert plan_breaks([300, 300], [False, False], capacity=250) == [1]  # a row taller than a page


# -- references ----------------------------------------------------------------------------------


def test_reference_lines_in_a_fixed_order():
    refs = {"sdm": ("confidentiality",), "bsi": ("ORP.4.A1",), "iso27001": ("A.5.15", "A.8.5"), "gspp": ("GC.1",),
            "nist": ("AC-2",)}
    assert reference_lines(refs, "de") == ["ISO/IEC 27001:2022: A.5.15, A.8.5", "BSI IT-Grundschutz: ORP.4.A1",
                                           "Grundschutz++: GC.1", "SDM: Vertraulichkeit", "nist: AC-2"]
    assert reference_lines(refs, "en")[3] == "SDM: confidentiality"


def test_references_in_the_workbook_and_the_json(tmp_path):
    loaded = load_assessment(EXAMPLE)
    book, doc = tmp_path / "a.xlsx", tmp_path / "a.json"
    export(loaded, book, fmt="xlsx", lang="de", options=OPTIONS)
    export(loaded, doc, fmt="json", lang="de", options=OPTIONS)
    ws = load_workbook(book)["Anlage TOM"]
    assert ws.cell(5, 7).value == "Referenzen"
    rows = {r[0]: r for r in ws.iter_rows(min_row=6, values_only=True) if r[0]}
    assert rows["ENT-02"][6] == "ISO 27001: A.7.4\nBSI: INF.1\nGrundschutz++: GEB.3.6\nSDM: Vertraulichkeit, Integrität"
    annex = {r["measure_id"]: r for r in json.loads(doc.read_text(encoding="utf-8"))["annex"] if r["measure_id"]}
    assert annex["ENT-02"]["references"] == {"iso27001": ["A.7.4"], "bsi": ["INF.1"], "gspp": ["GEB.3.6"],
                                             "sdm": ["confidentiality", "integrity"]}


# -- the stress file in LibreOffice ---------------------------------------------------------------

STRESS_NOTES = [
    "ALLE ADMINISTRATIVEN ZUGÄNGE WERDEN ÜBER EINEN ZENTRALEN BASTION-HOST GEFÜHRT, MIT ZWEI-FAKTOR-"
    "AUTHENTIFIZIERUNG UND SITZUNGSPROTOKOLLIERUNG, DIE WÖCHENTLICH GEPRÜFT WIRD",
    "Datenschutzfolgenabschätzungsdokumentationsaufbewahrungsfristenverwaltungssoftware "
    "Rechenzentrumszutrittsberechtigungsverwaltungssystem Informationssicherheitsmanagementsystembeauftragter",
    "Erste Zeile\nZweite Zeile mit etwas mehr Text, damit sie umbricht und eine weitere Zeile braucht\n"
    "Dritte Zeile\n- Vierte Zeile, die mit einem Spiegelstrich beginnt\n+49 341 555 0100",
    "WWWWWWWWWWWWWWWWWWWW MMMMMMMMMMMMMMMMMMMM WWWWWWWWWWWWWWWWWWWW MMMMMMMMMMMMMMMMMMMMM " * 3,
    "https://intranet.beispiel-hosting.example/wiki/informationssicherheit/richtlinien/zugang/"
    "zwei-faktor-authentifizierung/ausnahmen/genehmigungsverfahren?version=2026-11-20",
]


@pytest.fixture
def stress(tmp_path):
    """The example with hostile-to-layout texts in the annex and the action plan; each text
    ends in a marker word, so its last line can be found in the render."""
    path = tmp_path / "stress.tom.yaml"
    shutil.copy(EXAMPLE, path)
    loaded = load_assessment(path)
    a, c = loaded.assessment, loaded.catalogue
    markers = {}
    annex_ids = [m.id for m in c.measures if a.answer(m.id).status in ("implemented", "partial")][:25]
    for index, measure_id in enumerate(annex_ids):
        marker = f"ENDE{index:02d}X"
        markers[measure_id] = marker
        record(a, c, measure_id, Edit(note=f"{STRESS_NOTES[index % len(STRESS_NOTES)]} {marker}"))
    owners = "Dr. Maximiliane Müller-Lüdenscheidt-Oberhausen (Informationssicherheitsbeauftragte)"
    for index, measure_id in enumerate(m.id for m in c.measures if a.answer(m.id).status == "not_implemented"):
        record(a, c, measure_id, Edit(gap=Gap(description="LÜCKE " * 30, risk="high", owner=f"{owners} OWN{index}X",
                                              due="2026-12-31")))
    save_assessment(path, a)
    return load_assessment(path), markers


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or pdftotext is not installed")
def test_libreoffice_cuts_no_line_off_in_the_stress_file(stress, tmp_path):
    loaded, markers = stress
    book = tmp_path / "stress.xlsx"
    export(loaded, book, fmt="xlsx", lang="de", options=OPTIONS)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(book)], check=True, capture_output=True, timeout=240)
    words = [(w.page, w.y0, w.y1, w.text) for w in pdf_words(tmp_path / "stress.pdf")]
    ids = [(page, y0, text) for page, y0, _, text in words if re.fullmatch(r"[A-Z]{3}-\d\d", text)]
    checked = 0
    for measure_id, marker in markers.items():
        page, _, bottom, _ = next(w for w in words if w[3] == marker)  # the annex (the review sheet follows)
        # the row's own id cell, then the first id printed below it on the same page
        own = [y for p, y, text in ids if p == page and text == measure_id]
        below = [y for p, y, text in ids if p == page and own and y > own[0] + 1]
        if below:
            assert bottom <= min(below), f"{measure_id}: the last line of its text runs into the next row"
            checked += 1
    assert checked >= 15
    # the action plan's owners are printed in full, within their row
    for index in range(3):
        assert any(w[3] == f"OWN{index}X" for w in words)


# -- notes longer than a page --------------------------------------------------------------------

IMPLEMENTATION = 5  # the annex sheet's column of the organisation's text


def _annex_parts(ws) -> dict[str, list[tuple]]:
    """Per measure of the annex sheet its row and the rows going on with it: those below it
    with no id but text in the implementation column."""
    parts: dict[str, list[tuple]] = {}
    rows: list[tuple] | None = None
    for row in ws.iter_rows(min_row=6, values_only=True):
        if row[0]:
            rows = parts.setdefault(row[0], [])
        elif rows is None or row[IMPLEMENTATION - 1] is None:
            rows = None
            continue
        rows.append(row)
    return parts


def _joins(parts: list[str], text: str) -> bool:
    """Whether `parts` put together, each cut at a space or a line break, give `text` exactly."""
    position = 0
    for index, part in enumerate(parts):
        if not part or not text.startswith(part, position):
            return False
        position += len(part)
        if index < len(parts) - 1:
            if text[position] not in " \n":
                return False
            position += 1
    return position == len(text)


@pytest.fixture
def long_book(long_notes, tmp_path):
    """The workbook of the `long_notes` assessment, read back: (workbook, {measure id: note})."""
    loaded, notes = long_notes
    book = tmp_path / "long.xlsx"
    export(loaded, book, fmt="xlsx", lang="de", options=OPTIONS)
    return load_workbook(book), notes


def test_no_row_is_taller_than_excel_allows_and_working_sheets_keep_whole_notes(long_book):
    wb, notes = long_book
    for ws in wb.worksheets:  # Excel cuts a row taller than 409 points
        assert all(d.height is None or d.height <= MAX_ROW_HEIGHT for d in ws.row_dimensions.values()), ws.title
    review = {row[1]: row for row in wb["Prüfung"].iter_rows(values_only=True) if row[1] in notes}
    for measure_id, note in notes.items():  # a working sheet's cell keeps the whole note
        assert note in review[measure_id]


def test_a_note_longer_than_a_page_goes_on_in_rows_below_and_nothing_is_lost(long_book):
    wb, notes = long_book
    parts = _annex_parts(wb["Anlage TOM"])
    for measure_id, note in notes.items():
        rows = parts[measure_id]
        assert len(rows) >= 2, measure_id
        texts = [row[IMPLEMENTATION - 1] for row in rows]
        assert _joins(texts, note), measure_id  # every character, in order, cut only at spaces and line breaks
        first, *going_on = rows
        assert first[1] and first[2] and first[3]  # title, kind, status in the measure's own row
        for row in going_on:  # the rows going on hold nothing else of the measure
            assert row[0] is None and row[2] is None and row[3] is None
            assert row[1] is None or row[1] == f"{measure_id} (Fortsetzung)"  # said at the top of a page
        assert any(row[1] for row in going_on)  # a note of 5,000 characters and more runs over a page
    annex = wb["Anlage TOM"]
    assert annex.row_breaks.brk  # our page breaks: none leaves a heading or control goal at a page's foot
    for brk in annex.row_breaks.brk:
        font = annex.cell(brk.id, 1).font
        assert not (font.b and font.sz == 11) and not (font.i and font.sz == 9), f"row {brk.id} ends a page alone"


def test_an_english_annex_says_continued(long_notes, tmp_path):
    loaded, notes = long_notes
    book = tmp_path / "long-en.xlsx"
    export(loaded, book, fmt="xlsx", lang="en", options=OPTIONS)
    ws = load_workbook(book)["TOM annex"]
    markers = [rows[1] for parts in _annex_parts(ws).values() for rows in parts[1:] if rows[1]]
    assert markers and all(marker.endswith(" (continued)") for marker in markers)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or pdftotext is not installed")
def test_libreoffice_prints_notes_longer_than_a_page_to_their_last_word(long_notes, tmp_path):
    """The annex sheet printed: the implementation column, read down its pages between the
    header row and the footer, holds each long note whole; a measure's title stands on the
    page where its text begins."""
    loaded, notes = long_notes
    book = tmp_path / "long.xlsx"
    export(loaded, book, fmt="xlsx", lang="de", options=OPTIONS)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(book)], check=True, capture_output=True, timeout=240)
    boxes = [(w.page, w.x0, w.y0, w.y1, w.text) for w in pdf_words(tmp_path / "long.pdf")]
    # the annex's pages: the sheet's name ("Anlage TOM") in the page header
    annex = {page for page, _, y0, _, text in boxes if text == "TOM" and y0 < 40}
    column = {}  # per page: the implementation column's left and right edge, the header row's foot, the footer's top
    for page in annex:
        on = [box for box in boxes if box[0] == page]
        head = next(box for box in on if box[4] == "Umsetzung")
        right = next(box[1] for box in on if box[4] == "Nachweise" and abs(box[2] - head[2]) < 1)
        column[page] = (head[1] - 1, right - 1, head[3], min(box[2] for box in on if box[4] == "Seite"))
    printed = sorted((page, round(y0), x0, text) for page, x0, y0, y1, text in boxes if page in column
                     and column[page][0] <= x0 < column[page][1] and column[page][2] < y0 and y1 < column[page][3])
    # LibreOffice may break a line after a hyphen, where our measure does not: words compared without spaces
    implementation = "".join(text for *_, text in printed)
    for index, (measure_id, note) in enumerate(notes.items()):
        assert re.sub(r"\s", "", note) in implementation, f"{measure_id}: words of its note are not printed"
        start = next(page for page, _, _, text in printed if text == f"ANF{index:02d}X")
        assert any(box[0] == start and box[4] == measure_id for box in boxes), f"{measure_id}: title apart from text"
