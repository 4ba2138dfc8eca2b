"""`tom-audit export`: page headers and footers of the PDF, Word and workbook exports stay on
one line, whatever the organisation is called."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from pypdf import PdfReader

from tom_audit.cli.main import main
from tom_audit.store.creating import create_assessment


def export(args: list[str], capsys) -> tuple[int, str]:
    code = main(["export", *args])
    return code, capsys.readouterr().err


# -- headers and footers stay on one line ----------------------------------------------------------

LONG_NAME = "Sehr lange Organisationsbezeichnung Holding GmbH & Co. KG " * 4  # 232 characters


@pytest.fixture
def long_named(tmp_path):
    path = tmp_path / "long.tom.yaml"
    create_assessment(path, "tom-art32", LONG_NAME.strip(), "de")
    return path


def _lines_of_page(data: bytes) -> list[dict[float, str]]:
    """Per page: the text at each height (pypdf's positions), one entry per printed line."""
    pages = []
    for page in PdfReader(io.BytesIO(data)).pages:
        lines: dict[float, str] = {}

        def visit(text, cm, tm, font, size, lines=lines):
            if text.strip():
                y = round(cm[5] + tm[5], 1)
                lines[y] = lines.get(y, "") + text.replace("\u200b", "")

        page.extract_text(visitor_text=visit)
        pages.append(lines)
    return pages


@pytest.mark.slow
def test_a_long_organisation_name_is_one_footer_line_in_the_pdf(long_named, tmp_path, capsys):
    """A name of ~220 characters wrapped to five footer lines, the last cut at the page edge."""
    out = tmp_path / "anlage.pdf"
    code, err = export([str(long_named), "-o", str(out), "--annex-no", "2"], capsys)
    assert code == 0, err
    pages = _lines_of_page(out.read_bytes())
    assert len(pages) >= 2
    for lines in pages:
        footer = {y: text for y, text in lines.items() if y < 60}  # below the text area (bottom margin 2.2 cm)
        assert len(footer) == 1, footer  # organisation, Stand and page number on one line
        (line,) = footer.values()
        assert line.startswith("Sehr lange Organisationsbezeichnung") and "…" in line and "Stand:" in line
        assert re.search(r"Seite \d+ von \d+", line)
        header = {y: text for y, text in lines.items() if y > 780}
        assert len(header) == 1 and "Anlage 2 · " in next(iter(header.values()))
    title_block = re.sub(r"\s+", " ", " ".join(pages[0].values()))
    assert LONG_NAME.strip() in title_block  # the title block still shows the whole name


@pytest.mark.slow
def test_a_long_organisation_name_is_shortened_in_the_word_footer(long_named, tmp_path, capsys):
    out = tmp_path / "anlage.docx"
    code, err = export([str(long_named), "-o", str(out)], capsys)
    assert code == 0, err
    document = Document(str(out))
    footer = document.sections[0].footer.paragraphs[0].text
    organisation = footer.split("\t")[0]
    assert organisation.endswith("…") and LONG_NAME.startswith(organisation[:-1])
    assert len(organisation) < 60
    body = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert LONG_NAME.strip() in body


def test_short_names_stay_whole_and_the_frame_fits_its_room():
    from tom_audit.export.annex_model import page_frame
    from tom_audit.export.text_width import TextStyle, text_width

    short = page_frame("Anlage 2 · Technische und organisatorische Maßnahmen (Art. 32 DSGVO)",
                       "Beispiel Hosting GmbH", "Stand: 01.03.2026", "Seite {page} von {pages}", "ENTWURF")
    assert short.organisation == "Beispiel Hosting GmbH" and short.page_label == "Seite {page} von {pages}"
    assert short.header == "Anlage 2 · Technische und organisatorische Maßnahmen (Art. 32 DSGVO)"
    for name in (LONG_NAME, "W" * 200, "Line\nbreak " * 30):
        frame = page_frame("Anlage · " + name, name, "Stand: 01.03.2026", "Seite {page} von {pages}", "ENTWURF")
        assert frame.organisation.endswith("…") and "\n" not in frame.organisation
        # the footer's left third of 17 cm, beside the "Stand", measured wide (Arial)
        assert text_width(frame.organisation, TextStyle("Arial", 8)) < (481.9 - 16 - 70) / 2
        assert frame.header.endswith("…") and text_width(frame.header, TextStyle("Arial", 8)) < 481.9 - 60


def test_the_workbook_footer_follows_the_same_rule(long_named, tmp_path, capsys):
    from openpyxl import load_workbook

    from tom_audit.export.text import FRAME_CHARS

    out = tmp_path / "anlage.xlsx"
    code, err = export([str(long_named), "-o", str(out)], capsys)
    assert code == 0, err
    footer = load_workbook(out)["Anlage TOM"].oddFooter.left.text
    assert footer.endswith("…") and len(footer.replace("&&", "&")) <= FRAME_CHARS
    assert LONG_NAME.startswith(footer.replace("&&", "&")[:-1])


def test_one_line_cuts_with_an_ellipsis():
    from tom_audit.export.text import one_line

    assert one_line("Muster GmbH") == "Muster GmbH"
    assert one_line("a\nb\tc") == "a b c"
    assert one_line("x" * 150) == "x" * 99 + "…"
    assert one_line("Muster GmbH " * 3, limit=15) == "Muster GmbH Mu…"
    assert one_line("Muster GmbH " * 3, fits=lambda t: len(t) <= 13) == "Muster GmbH…"  # no space before "…"
