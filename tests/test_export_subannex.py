"""The sub-processor list as its own annex (`export --annex subprocessors|both`) and the change
notice as PDF and Word, read back with pypdf and python-docx: names, countries, transfer
basis present; the ended engagement absent; ancillary services apart; ENTWURF and "Seite X von
Y" on every page; a provider name full of Typst syntax printed literally."""

from __future__ import annotations

import re
import shutil
from datetime import date, datetime, timezone
from io import BytesIO
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from tom_audit.cli.main import main
from tom_audit.export import AnnexOptions, ExportOptions, render
from tom_audit.export.annex_model import build_annex
from tom_audit.export.content import build
from tom_audit.logic.review import approve
from tom_audit.store.assessment_store import load_assessment, save_assessment

from tests.conftest import EXAMPLE

CLOUD = Path(__file__).resolve().parent.parent / "examples" / "cloud-saas.tom.yaml"  # 12 providers, one ended
TODAY = date(2026, 11, 30)
OPTIONS = ExportOptions(today=TODAY, exported_on=datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc))
SUBS = AnnexOptions(annex="subprocessors", annex_no="3", contract="zum Vertrag vom 01.03.2026 mit Muster AG")
INJECTION = 'Evil #import "x" ] $ <y> @x // Inc'
SUB_NAMES = ("Nimbus Cloud Platform", "Postwerk Mail", "Ticketfix", "Codewerk Solutions", "Kurzbote SMS")
ENDED = "Altwolke Hosting"
ANCILLARY = ("Glanz Gebäudereinigung", "Fernsprech Telekom")


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u200b", ""))


def pdf_pages(data: bytes) -> list[str]:
    return [flat(page.extract_text() or "") for page in PdfReader(BytesIO(data)).pages]


def docx_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    parts += [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return flat("\n".join(parts))


@pytest.fixture(scope="module")
def register(tmp_path_factory) -> Path:
    """The cloud example with one more US sub-processor whose name is Typst syntax."""
    path = tmp_path_factory.mktemp("subannex") / "cloud.tom.yaml"
    shutil.copy(CLOUD, path)
    assert main(["provider", "add", str(path), "--name", INJECTION, "--id", "evil", "--country", "US",
                 "--transfer", "scc", "--service", "Mail <b>*bold*</b>", "--avv-date", "2026-01-15"]) == 0
    return path


@pytest.fixture(scope="module")
def content(register):
    return build(load_assessment(register), "de", OPTIONS)


def test_model_has_the_list_then_the_ancillary_services_and_no_measures(content):
    document = build_annex(content, SUBS)
    assert document.kicker == "Anlage 3" and document.title.startswith("Liste der Unterauftragsverarbeiter")
    assert [s.kind for s in document.sections] == ["entries", "entries"]
    subs, ancillary = document.sections
    names = [e.title for e in subs.entries]
    assert names[0] == "1. Nimbus Cloud Platform" and f"{len(names)}. {INJECTION}" == names[-1]
    assert not any(ENDED in n for n in names) and not any(a in n for n in names for a in ANCILLARY)
    assert [e.title for e in ancillary.entries] == [f"1. {ANCILLARY[0]}", f"2. {ANCILLARY[1]}"]
    nimbus = {f.label: f.value for f in subs.entries[0].fields}
    assert nimbus["Verarbeitungsorte"] == "Deutschland (DE), Irland (IE), Vereinigte Staaten (US)"
    assert nimbus["Transfergrundlage (Drittländer)"].startswith(
        "Vereinigte Staaten: Standardvertragsklauseln 2021/914 (Modul 3), TIA vom")
    assert nimbus["AVV"].startswith("AVV vom 01.03.2024")
    labels = [f.label for f in document.title_fields]
    assert "Katalog" not in labels and "Schutzbedarf" not in labels  # they describe the TOM, not the list
    assert document.draft and document.closing.signatures  # same draft and signature rules as the TOM annex


def test_default_annex_is_still_the_tom_alone(content):
    assert [s.kind for s in build_annex(content).sections] == ["tom"]
    assert [s.kind for s in build_annex(content, AnnexOptions(annex="both")).sections] == ["tom", "entries", "entries"]


def test_pdf_reads_back_with_names_countries_transfers_and_draft_on_every_page(register, tmp_path, capsys):
    out = tmp_path / "anlage-3.pdf"
    assert main(["export", str(register), "-o", str(out), "--annex", "subprocessors", "--annex-no", "3",
                 "--lang", "de"]) == 0
    assert "Liste der Unterauftragsverarbeiter: 12 Einträge" in capsys.readouterr().out  # 10 + 2 ancillary
    pages = pdf_pages(out.read_bytes())
    text = " ".join(pages)
    for number, page in enumerate(pages, start=1):
        assert "ENTWURF" in page and f"Seite {number} von {len(pages)}" in page
    for name in SUB_NAMES + ANCILLARY:
        assert name in text
    assert ENDED not in text
    assert "Vereinigte Staaten: Standardvertragsklauseln 2021/914 (Modul 3), TIA vom 10.02.2026" in text
    assert "Vereinigtes Königreich: Angemessenheitsbeschluss" in text and "Indien (IN)" in text
    assert INJECTION in text and "Mail <b>*bold*</b>" in text  # printed as typed, never markup
    assert text.index("Nebenleistungen (keine") > text.index("Kurzbote SMS")  # ancillary services kept apart, after
    assert "Zutrittskontrolle" not in text and "Ort, Datum" in text and "Unterschrift" in text


def test_pdf_in_english_names_countries_in_english(content, register):
    english = build(load_assessment(register), "en", OPTIONS)
    text = " ".join(pdf_pages(render(english, "pdf", SUBS)))
    assert "List of sub-processors" in text and "United States (US)" in text and "Page 1 of" in text
    assert "Germany (DE)" in text and "Standard contractual clauses 2021/914" in text


def test_docx_reads_back_with_heading_styles_and_draft_header(content):
    doc = Document(BytesIO(render(content, "docx", SUBS)))
    text = docx_text(doc)
    for name in SUB_NAMES + ANCILLARY + (INJECTION,):
        assert name in text
    assert ENDED not in text and "Indien (IN)" in text
    assert "Vereinigte Staaten: Standardvertragsklauseln 2021/914 (Modul 3)" in text
    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert ("Heading 1", "Unterauftragsverarbeiter") in headings
    assert ("Heading 2", "Nebenleistungen (keine Unterauftragsverarbeiter)") in headings
    header = doc.sections[0].header.paragraphs[0].text
    assert "Unterauftragsverarbeiter" in header and "ENTWURF" in header
    assert "NUMPAGES" in doc.sections[0].footer._element.xml


def test_both_annexes_in_one_document_with_one_closing(content):
    pages = pdf_pages(render(content, "pdf", AnnexOptions(annex="both")))
    text = " ".join(pages)
    assert "Zutrittskontrolle" in text and "Nimbus Cloud Platform" in text
    start = next(page for page in pages if "1. Nimbus Cloud Platform" in page)
    assert "Status" not in start  # the list starts on a page of its own, after the TOM
    assert text.index("Zutrittskontrolle") < text.index("1. Nimbus Cloud Platform")
    assert text.count("Stand, Überprüfung und Unterschriften") == 1
    doc = Document(BytesIO(render(content, "docx", AnnexOptions(annex="both"))))
    heading = next(p for p in doc.paragraphs if p.text == "Unterauftragsverarbeiter")
    assert heading.style.name == "Heading 1" and heading.paragraph_format.page_break_before


def test_approved_and_unchanged_list_has_no_draft_mark(register, tmp_path):
    path = tmp_path / "approved.tom.yaml"
    shutil.copy(register, path)
    loaded = load_assessment(path)
    approve(loaded.assessment, loaded.catalogue, by="Dr. Katrin Vogel", day=date(2026, 11, 30), force=True)
    save_assessment(path, loaded.assessment)
    content = build(load_assessment(path), "de", OPTIONS)
    pages = pdf_pages(render(content, "pdf", SUBS))
    assert not any("ENTWURF" in page for page in pages)
    assert "freigegeben am 30.11.2026 durch Dr. Katrin Vogel" in " ".join(pages)
    assert "ENTWURF" not in Document(BytesIO(render(content, "docx", SUBS))).sections[0].header.paragraphs[0].text


# -- the change notice as a document -------------------------------------------------------------


@pytest.fixture(scope="module")
def versions(register, tmp_path_factory):
    folder = tmp_path_factory.mktemp("notice")
    old, new = folder / "old.tom.yaml", folder / "new.tom.yaml"
    shutil.copy(CLOUD, old)
    shutil.copy(register, new)
    assert main(["provider", "remove", str(new), "sentinel"]) == 0
    assert main(["provider", "set", str(new), "meetwise", "--country", "DE"]) == 0
    return old, new


def test_notice_as_pdf_and_docx(versions, tmp_path):
    old, new = versions
    pdf, docx = tmp_path / "notice.pdf", tmp_path / "notice.docx"
    for out in (pdf, docx):
        assert main(["provider", "notice", str(new), "--since", str(old), "--notice-date", "2026-11-02",
                     "-o", str(out)]) == 0
    for text in (" ".join(pdf_pages(pdf.read_bytes())), docx_text(Document(str(docx)))):
        assert "Mitteilung über Änderungen bei Unterauftragsverarbeitern" in text
        for part in ("Neue", "Entfallende", "Geänderte"):
            assert f"{part} Unterauftragsverarbeiter" in text
        assert INJECTION in text and "Sentinel Metrics" in text  # the new one literally, the removed one
        assert "Bisher: Vereinigte Staaten (US), Deutschland (DE)" in text and "Neu: Deutschland (DE)" in text
        assert "bis zum 02.12.2026 widersprechen (Frist 30 Tage)" in text
        assert ENDED not in text and "ENTWURF" not in text


def test_notice_refuses_an_unknown_format_and_writes_nothing(versions, tmp_path, capsys):
    old, new = versions
    out = tmp_path / "notice.txt"
    assert main(["provider", "notice", str(new), "--since", str(old), "-o", str(out)]) == 2
    assert ".pdf oder .docx" in capsys.readouterr().err and not out.exists()


def test_a_card_longer_than_a_page_breaks_instead_of_running_off(register, tmp_path):
    path = tmp_path / "long.tom.yaml"
    shutil.copy(register, path)
    service = " ".join(f"Wort{i}" for i in range(900)) + " SCHLUSSWORT"
    assert main(["provider", "add", str(path), "--name", "Lang GmbH", "--country", "DE", "--service", service,
                 "--avv-date", "2026-01-01"]) == 0
    pages = pdf_pages(render(build(load_assessment(path), "de", OPTIONS), "pdf", SUBS))
    first = next(i for i, page in enumerate(pages) if "Lang GmbH" in page)
    last = next(i for i, page in enumerate(pages) if "SCHLUSSWORT" in page)
    assert last == first + 1 and "Wort450" in " ".join(pages[first:last + 1])
    assert "AVV vom 01.01.2026" in pages[last]  # the fields after the long text, on the page, not off it


def test_annex_choice_is_refused_for_formats_that_hold_both_lists(tmp_path, capsys):
    """`--annex subprocessors -o x.xlsx` must not quietly write the whole workbook."""
    from tom_audit.cli.main import main

    for name in ("a.xlsx", "a.md", "a.json"):
        assert main(["export", str(CLOUD), "-o", str(tmp_path / name), "--annex", "subprocessors"]) == 2
        assert "--annex" in capsys.readouterr().err
        assert not (tmp_path / name).exists()


def test_the_list_is_as_of_the_assessments_stand_like_its_title_block():
    document = build_annex(build(load_assessment(CLOUD), "de", OPTIONS), SUBS)
    stand = next(f.value for f in document.title_fields if f.label == "Stand")
    assert stand == "25.11.2026" and f"Stand {stand}." in document.sections[0].intro  # not the export day


@pytest.mark.parametrize("answer", [None, True, False])
def test_an_empty_register_says_none_are_engaged_only_when_the_organisation_said_so(tmp_path, capsys, answer):
    path = tmp_path / "empty.tom.yaml"
    shutil.copy(EXAMPLE, path)  # no provider in its register
    loaded = load_assessment(path)
    loaded.assessment.scoping.pop("sub_processors", None)
    if answer is not None:
        loaded.assessment.scoping["sub_processors"] = answer
    save_assessment(path, loaded.assessment)
    before = path.read_bytes()
    for fmt in ("pdf", "docx"):
        out = tmp_path / f"list.{fmt}"
        code = main(["export", str(path), "-o", str(out), "--annex", "both"])
        err = capsys.readouterr().err
        if answer is False:
            assert code == 0
            text = (flat("\n".join(pdf_pages(out.read_bytes()))) if fmt == "pdf" else docx_text(Document(str(out))))
            assert "Es sind keine Unterauftragsverarbeiter eingesetzt." in text
        else:  # the annex would state a fact nobody gave
            assert code == 2 and not out.exists() and path.read_bytes() == before
            assert "Verzeichnis der Unterauftragsverarbeiter ist leer" in err and "provider add" in err
