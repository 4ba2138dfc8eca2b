"""The contract annex as PDF and Word, read back: title block, categories, the measures
present and absent, the draft mark and the page footer on every page, user text printed
literally (never markup), Word's heading styles, the repeated table header, rows that never
split (unless too long for a page: then the title keeps with its text), keep-with-next; the
`export -o x.pdf|x.docx` command; LibreOffice renders of the DOCX, long notes printed whole."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, datetime, timezone
from io import BytesIO

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from tom_audit.export import AnnexOptions, ExportOptions, export, render
from tom_audit.export.annex_model import build_annex
from tom_audit.export.content import build
from tom_audit.logic.answers import Edit, record
from tom_audit.logic.review import approve
from tom_audit.model.assessment import Evidence
from tom_audit.model.providers import Provider
from tom_audit.store.assessment_store import load_assessment, save_assessment

from tests.conftest import EXAMPLE, long_note, pdf_words

TODAY = date(2026, 11, 21)
OPTIONS = ExportOptions(today=TODAY, exported_on=datetime(2026, 11, 21, 9, 30, tzinfo=timezone.utc))
ANNEX = AnnexOptions(contract="zum Vertrag über die Auftragsverarbeitung vom 01.03.2026 mit Muster AG", annex_no="2")
PRESENT = ("ENT-02", "ACC-12", "ENT-01")  # implemented, partial, not applicable
ABSENT = ("CRY-07", "TRF-06", "REC-12", "SEP-08")  # not implemented, planned
CATEGORIES_DE = ("Zutrittskontrolle", "Zugangskontrolle", "Zugriffskontrolle", "Weitergabekontrolle")
# cover counts, review states and gap texts: internal, never in the contract
INTERNAL = ("Offene Lücken", "Prüfstand", "Noch nicht beantwortet", "Kennung der Bewertung", "Exportiert am",
            "Gerätesteuerung fehlt auf macOS", "lokale Administratorkonten", "TOM0")


def flat(text: str) -> str:
    """Text with line breaks and hyphenation at line ends removed, spaces collapsed."""
    text = re.sub(r"[\u00ad-]\s*\n\s*", "", text)
    return re.sub(r"\s+", " ", text)


def pdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(BytesIO(data)).pages]


def docx_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.append(cell.text)
    return "\n".join(parts)


@pytest.fixture(scope="module")
def example():
    with pytest.MonkeyPatch.context() as mp:
        import tempfile

        mp.setenv("TOM_AUDIT_CACHE_DIR", tempfile.mkdtemp())
        return load_assessment(EXAMPLE)


@pytest.fixture(scope="module")
def draft_pdf(example):
    return render(build(example, "de", OPTIONS), "pdf", ANNEX)


@pytest.fixture(scope="module")
def draft_docx(example):
    return render(build(example, "de", OPTIONS), "docx", ANNEX)


@pytest.fixture
def approved(tmp_path, example):
    """The example, approved as it stands (version 1.1)."""
    path = tmp_path / "approved.tom.yaml"
    shutil.copy(EXAMPLE, path)
    loaded = load_assessment(path)
    approve(loaded.assessment, loaded.catalogue, by="Dr. Katrin Vogel", day=date(2026, 11, 21), force=True)
    save_assessment(path, loaded.assessment)
    return load_assessment(path)


# -- the model -----------------------------------------------------------------------------------


def test_model_holds_only_what_belongs_in_a_contract(example):
    document = build_annex(build(example, "de", OPTIONS), ANNEX)
    assert document.kicker == "Anlage 2" and document.contract.startswith("zum Vertrag")
    assert document.draft and document.frame.draft_mark == "ENTWURF"
    labels = [f.label for f in document.title_fields]
    assert labels == ["Organisation (Auftragsverarbeiter)", "Anschrift", "Leistung / Geltungsbereich",
                      "Schutzbedarf", "Katalog", "Stand", "Version / Freigabe"]
    [section] = document.sections
    ids = {m.id for c in section.categories for m in c.measures}
    assert set(PRESENT) <= ids and not ids & set(ABSENT)
    heading = section.categories[0].heading
    assert heading == "Zutrittskontrolle (Art. 32 Abs. 1 lit. b DSGVO)" and section.categories[0].goal
    [signature] = document.closing.signatures  # the DPO line only when asked
    assert signature.party == "Für den Auftragsverarbeiter"
    with_dpo = build_annex(build(example, "de", OPTIONS), AnnexOptions(dpo_line=True))
    assert [s.party for s in with_dpo.closing.signatures][1].startswith("Geprüft")


def test_planned_measures_only_when_asked_with_target_date(example):
    content = build(example, "de", ExportOptions(today=TODAY, include_planned=True))
    measures = {m.id: m for c in build_annex(content).sections[0].categories for m in c.measures}
    assert measures["SEP-08"].status_label.startswith("Geplant bis ")


def test_no_evidence_leaves_references_out(example):
    with_evidence = build_annex(build(example, "de", OPTIONS))
    assert any(m.evidence for c in with_evidence.sections[0].categories for m in c.measures)
    options = ExportOptions(today=TODAY, include_evidence=False)
    without = build_annex(build(example, "de", options))
    assert not any(m.evidence for c in without.sections[0].categories for m in c.measures)


def test_approved_and_unchanged_is_no_draft(approved):
    document = build_annex(build(approved, "de", OPTIONS))
    assert not document.draft and document.frame.draft_mark == ""
    # forced (the example has open reviews): the annex says so
    assert document.closing.version_line.startswith("Version 1.1, freigegeben am 21.11.2026 durch Dr. Katrin Vogel "
                                                    "(ohne vollständige Prüfung freigegeben, ")


def test_changed_after_approval_is_a_draft_again(approved):
    record(approved.assessment, approved.catalogue, "ENT-02", Edit(note="Geändert nach der Freigabe"))
    document = build_annex(build(approved, "de", OPTIONS))
    assert document.draft and "seit der Freigabe der Version 1.1" in document.closing.version_line


# -- PDF -----------------------------------------------------------------------------------------


def test_pdf_title_categories_and_measures(draft_pdf):
    pages = pdf_pages(draft_pdf)
    text = flat("\n".join(pages))
    assert "Technische und organisatorische Maßnahmen nach Art. 32 DSGVO" in text
    assert "zum Vertrag über die Auftragsverarbeitung vom 01.03.2026 mit Muster AG" in text
    assert "Beispiel Hosting GmbH" in text and "Karl-Heine-Straße 99, 04229 Leipzig" in text
    for name in CATEGORIES_DE:
        assert name in text
    for measure_id in PRESENT:
        assert measure_id in text
    for measure_id in ABSENT:
        assert measure_id not in text
    for word in INTERNAL:
        assert word not in text, word
    assert "Für den Auftragsverarbeiter" in text and "Unterschrift" in text


def test_pdf_every_page_has_draft_mark_and_page_of_pages(draft_pdf):
    pages = pdf_pages(draft_pdf)
    assert len(pages) > 3
    for number, page in enumerate(pages, 1):
        assert "ENTWURF" in page, number
        assert f"Seite {number} von {len(pages)}" in page, number
        assert "Stand: 20.11.2026" in page and "Beispiel Hosting GmbH" in page


def test_pdf_headings_stay_with_their_first_measure(example, draft_pdf):
    """A category heading never ends a page alone: its page also shows its first measure."""
    pages = [flat(page) for page in pdf_pages(draft_pdf)]
    document = build_annex(build(example, "de", OPTIONS), ANNEX)
    for category in document.sections[0].categories:
        title = category.heading.split(" (")[0]
        on = [i for i, page in enumerate(pages) if f"{title} (Art." in page]
        assert on, title
        first = category.measures[0].id if category.measures else category.empty_note
        assert first in pages[on[0]], f"{title} ends page {on[0] + 1} alone"


def test_pdf_long_words_and_long_texts(tmp_path):
    path = tmp_path / "long.tom.yaml"
    shutil.copy(EXAMPLE, path)
    loaded = load_assessment(path)
    url = "https://intranet.example/" + "abcdefghij" * 20
    record(loaded.assessment, loaded.catalogue, "ENT-02", Edit(note=url + " " + "Langer Text. " * 600 + "SCHLUSSWORT"))
    pages = pdf_pages(render(build(loaded, "de", OPTIONS), "pdf"))
    text = flat("\n".join(pages)).replace("\u200b", "").replace(" ", "")
    assert url.replace(" ", "") in text and "SCHLUSSWORT" in text  # wrapped, not cut


LONG_PIECES = {  # what an organisation writes, and whether it must stay one searchable word
    "Datenschutzfolgenabschätzungsdokumentation": True,
    "Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnung": True,  # 309 pt: it fits
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855": True,  # a SHA-256
    "(https://example.sharepoint.com/sites/isms/AllItems.aspx?id=%2Fsites%2Fisms%2FShared%20Documents%2FNachweise)":
        True,  # a URL, in parentheses too: Typst breaks it itself
    "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW": False,
    "Datenschutzfolgenabschätzungsdokumentationsaufbewahrungsfristenverwaltungssoftwarelizenz": False,
    # too wide: it breaks after "_" and "." only, its parts stay searchable
    "nachweise/sehr_langer_dateiname_ohne_leerzeichen_sehr_langer_dateiname_ohne_leerzeichen.pdf": False,
}


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_pdf_breaks_only_what_would_run_out_of_its_column(tmp_path):
    path = tmp_path / "words.tom.yaml"
    shutil.copy(EXAMPLE, path)
    loaded = load_assessment(path)
    for measure_id, piece in zip(("ENT-02", "ENT-04", "ENT-05", "ENT-06", "ENT-07", "ENT-08", "ENT-09"),
                                 LONG_PIECES, strict=True):
        record(loaded.assessment, loaded.catalogue, measure_id, Edit(note=f"Vorher {piece} nachher"))
    pdf = tmp_path / "words.pdf"
    pdf.write_bytes(render(build(loaded, "de", OPTIONS), "pdf"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    joined = re.sub(r"\n", "", text)
    for piece, whole in LONG_PIECES.items():
        assert (piece in joined) == whole, piece  # searchable in the PDF as typed, or broken
        assert piece in joined.replace("\u200b", "")  # and nothing lost
    assert "\u200bdateiname_\u200b" in joined and "leerzeichen.\u200bpdf" in joined
    assert "\u200b" not in subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"],
                                           capture_output=True, text=True, check=True).stdout.split("ENT-02")[0]
    # no word runs into the status column
    words = [(w.x0, w.x1, w.text.replace("\u200b", "")) for w in pdf_words(pdf)]
    status_left = min(x0 for x0, _, word in words if word == "Umgesetzt")
    ours = [(x1, word) for x0, x1, word in words if x0 < status_left and len(word) > 6
            and any(word in piece for piece in LONG_PIECES)]
    assert len(ours) >= 8
    assert all(x1 <= status_left for x1, _ in ours), [w for x1, w in ours if x1 > status_left]


@given(st.text(alphabet=st.sampled_from("aW_./\\-: ß\n"), max_size=300))
@settings(max_examples=300, deadline=None)
def test_pdf_break_opportunities_add_nothing_visible(text):
    from tom_audit.export.annex_pdf import _breakable

    assert _breakable(text).replace("\u200b", "") == text


@pytest.mark.parametrize("where", ["note", "contract"])
def test_pdf_with_text_no_font_can_draw_is_refused_clearly_or_drawn(tmp_path, capsys, where):
    from tom_audit.cli.main import main

    path = tmp_path / "cjk.tom.yaml"
    shutil.copy(EXAMPLE, path)
    text = "Büro Tokio: 東京オフィス"
    if where == "note":
        assert main(["set", str(path), "ENT-02", "--note", text]) == 0
    out = tmp_path / "annex.pdf"
    code = main(["export", str(path), "-o", str(out), *(["--contract", text] if where == "contract" else [])])
    err = capsys.readouterr().err
    if code == 0:  # a font on this machine has the glyphs: they are drawn, not dropped
        assert "東京オフィス" in flat("\n".join(pdf_pages(out.read_bytes())))
    else:  # exit 2, the character and where it is, what to do; nothing written
        assert code == 2 and not out.exists() and "Traceback" not in err
        assert "U+6771" in err and "-o anlage.docx" in err
        assert ("ENT-02" in err) == (where == "note")


def test_pdf_never_ends_a_page_with_a_measure_title_whose_long_text_follows(tmp_path):
    path = tmp_path / "long.tom.yaml"
    shutil.copy(EXAMPLE, path)
    loaded = load_assessment(path)
    a, c = loaded.assessment, loaded.catalogue
    long_ids = [m.id for m in c.measures if a.answer(m.id).status in ("implemented", "partial")][:18]
    for measure_id in long_ids:  # first paragraphs too long to be kept whole with the title
        record(a, c, measure_id, Edit(note="Die Sicherung läuft täglich verschlüsselt. " * 30 + measure_id))
    pages = pdf_pages(render(build(loaded, "de", OPTIONS), "pdf"))
    def bare(text: str) -> str:  # line breaks after hyphens differ between extractors
        return re.sub(r"[\s\-\u00ad]", "", text)

    titles = {m: bare(c.measure_by_id[m].title("de")) for m in long_ids}
    checked = 0
    for number, page in enumerate(pages, 1):
        text = bare(page)
        for measure_id, title in titles.items():
            at = text.find(title)
            if at >= 0:  # its text starts on the same page
                assert text[at + len(title):].startswith("DieSicherung"), (number, measure_id)
                checked += 1
    assert checked >= len(long_ids)


def test_pdf_measure_ids_too_wide_for_the_number_column_may_break():
    from tom_audit.export.annex_pdf import _breakable

    data = _breakable({"id": "ACMEHOSTINGWARTUNG01", "status": "implemented_with_a_long_status_id",
                       "text": ["ENT-02"]})
    assert data["id"].replace("\u200b", "") == "ACMEHOSTINGWARTUNG01" and "\u200b" in data["id"]
    assert data["status"] == "implemented_with_a_long_status_id"  # the template looks it up
    assert _breakable({"id": "ENT-02"}) == {"id": "ENT-02"} and _breakable({"id": "GC.1.2"}) == {"id": "GC.1.2"}


def test_pdf_of_an_approved_assessment_has_no_draft_mark(approved):
    pages = pdf_pages(render(build(approved, "de", OPTIONS), "pdf"))
    assert not any("ENTWURF" in page or "Entwurf" in page for page in pages)
    assert "Version 1.1, freigegeben am 21.11.2026" in flat("\n".join(pages))


def test_pdf_is_reproducible_and_pdfa(example, draft_pdf):
    again = render(build(example, "de", OPTIONS), "pdf", ANNEX)
    assert again == draft_pdf
    reader = PdfReader(BytesIO(draft_pdf))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b"pdfaid:part" in xmp and b"2" in xmp.split(b"pdfaid:part")[1][:8]
    assert reader.metadata.title.startswith("Anlage 2: Technische und organisatorische Maßnahmen")


def test_pdf_in_english_with_typography(example):
    pages = pdf_pages(render(build(example, "en", OPTIONS), "pdf", AnnexOptions()))
    text = flat("\n".join(pages))
    assert "Technical and organisational measures under Art. 32 GDPR" in text
    assert "Physical entry control (Art. 32(1)(b) GDPR)" in text or "Physical entry control" in text
    assert "Draft – changed since version 1.0" in text  # an en dash, not a hyphen
    assert f"Page 1 of {len(pages)}" in pages[0] and "DRAFT" in pages[-1]


INJECTIONS = {
    "ENT-02": '#import "evil.typ": * ] $x^2$ @ref <label> // comment',
    "ENT-04": "*bold* _emph_ `raw` \\ backslash \\n #set page(fill: red) = Heading",
    "ENT-05": "- MFA für VPN",
    "ENT-06": "+49 341 000",
    "ENT-07": "„Zitat“ – 5 € – Straße {page} {pages}",
}


@pytest.fixture
def hostile(tmp_path):
    path = tmp_path / "hostile.tom.yaml"
    shutil.copy(EXAMPLE, path)
    loaded = load_assessment(path)
    for measure_id, note in INJECTIONS.items():
        record(loaded.assessment, loaded.catalogue, measure_id, Edit(note=note, add_evidence=[
            Evidence(ref="https://wiki.example/#x", kind="policy", description="#let x = 1 ]")]))
    loaded.assessment.organisation.name = "Evil ] #pagebreak() GmbH"
    save_assessment(path, loaded.assessment)
    return load_assessment(path)


def test_pdf_prints_user_text_literally(hostile):
    data = render(build(hostile, "de", OPTIONS), "pdf", AnnexOptions(contract="#strong[nope] $y$"))
    pages = pdf_pages(data)
    text = re.sub(r"\s+", " ", "\n".join(pages))
    for note in INJECTIONS.values():
        assert note in text or flat(note) in flat(text), note
    assert "#let x = 1 ]" in text and "#strong[nope] $y$" in text
    assert all("Evil ] #pagebreak() GmbH" in page for page in pages)


# -- Word ----------------------------------------------------------------------------------------


def test_docx_structure(draft_docx):
    doc = Document(BytesIO(draft_docx))
    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == ("Title", "Technische und organisatorische Maßnahmen nach Art. 32 DSGVO")
    level2 = [text for style, text in headings if style == "Heading 2"]
    assert level2[0] == "Zutrittskontrolle (Art. 32 Abs. 1 lit. b DSGVO)" and len(level2) == 12
    for name in ("Heading 1", "Heading 2"):
        assert doc.styles[name].paragraph_format.keep_with_next
    goals = [p for p in doc.paragraphs if p.text.startswith("Unbefugte erhalten keinen")]
    assert goals and goals[0].paragraph_format.keep_with_next
    text = docx_text(doc)
    for measure_id in PRESENT:
        assert measure_id in text
    for measure_id in ABSENT:
        assert measure_id not in text
    for word in INTERNAL:
        assert word not in text, word
    measure_tables = [t for t in doc.tables if t.rows[0].cells[0].text == "Nr."]
    assert len(measure_tables) >= 10
    for table in measure_tables:
        first = table.rows[0]._tr.trPr
        assert first.find(qn("w:tblHeader")) is not None  # repeats on every page
        for row in table.rows:
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None  # title never parted from text
        title = table.rows[1].cells[1].paragraphs[0]  # the measure's title: a style, kept with its text
        assert title.style.name == "Annex Measure Title"
        assert title.style.font.bold and title.style.paragraph_format.keep_with_next


def test_docx_header_footer_and_properties(draft_docx):
    doc = Document(BytesIO(draft_docx))
    section = doc.sections[0]
    assert "ENTWURF" in section.header.paragraphs[0].text
    footer = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "NUMPAGES" in footer and "Seite " in footer and " von " in footer
    assert "Beispiel Hosting GmbH" in section.footer.paragraphs[0].text
    props = doc.core_properties
    assert props.title.startswith("Anlage 2: Technische") and props.language == "de-DE"
    assert props.created == datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)  # the "Stand", not now
    assert round(section.page_width.cm, 1) == 21.0


def test_docx_is_reproducible(example, draft_docx):
    assert render(build(example, "de", OPTIONS), "docx", ANNEX) == draft_docx


def test_docx_prints_user_text_literally(hostile):
    doc = Document(BytesIO(render(build(hostile, "de", OPTIONS), "docx", AnnexOptions())))
    text = docx_text(doc)
    for note in INJECTIONS.values():
        assert note in text, note
    assert "Evil ] #pagebreak() GmbH" in doc.sections[0].footer.paragraphs[0].text


def test_docx_of_an_approved_assessment_has_no_draft_mark(approved):
    doc = Document(BytesIO(render(build(approved, "de", OPTIONS), "docx")))
    assert "ENTWURF" not in doc.sections[0].header.paragraphs[0].text
    assert "Entwurf" not in docx_text(doc)


def _measure_rows(doc, measure_id: str) -> list:
    """The table rows (w:tr) of a measure: the row whose first cell reads `measure_id`, and
    the row below it if that continues it (its first cell merged with the one above)."""
    for table in doc.tables:
        trs = table._tbl.tr_lst
        for index, tr in enumerate(trs):
            if _cell_text(tr.tc_lst[0]) == measure_id:
                below = trs[index + 1:index + 2]
                merge = [tc.tcPr.find(qn("w:vMerge")) for tc in below[0].tc_lst[:1]] if below else [None]
                return [tr, *below] if merge[0] is not None and merge[0].get(qn("w:val")) is None else [tr]
    raise AssertionError(f"{measure_id} is not in the document")


def _cell_text(tc) -> str:
    """A cell's text as Word shows it: paragraphs and line breaks as line ends."""
    lines = []
    for p in tc.iter(qn("w:p")):
        lines.append("".join("\n" if el.tag == qn("w:br") else "\t" if el.tag == qn("w:tab") else el.text or ""
                             for el in p.iter(qn("w:t"), qn("w:br"), qn("w:tab"))))
    return "\n".join(lines)


def test_docx_a_measure_too_long_for_a_page_may_split_but_keeps_its_title_with_its_text(long_notes):
    loaded, notes = long_notes
    doc = Document(BytesIO(render(build(loaded, "de", OPTIONS), "docx")))
    for measure_id, note in notes.items():
        title_row, text_row = _measure_rows(doc, measure_id)
        assert title_row.trPr.find(qn("w:cantSplit")) is not None  # the title never splits ...
        for p in title_row.iter(qn("w:p")):  # ... and keeps with the text row (every paragraph, for LibreOffice)
            assert p.pPr.find(qn("w:keepNext")) is not None, measure_id
        assert text_row.trPr is None or text_row.trPr.find(qn("w:cantSplit")) is None  # the text may
        assert _cell_text(text_row.tc_lst[1]).startswith(note + "\nNachweise: ")  # whole, as typed, in one cell
        # one row to the eye: id and status span both rows, no line between title and text
        assert [tc.tcPr.find(qn("w:vMerge")).get(qn("w:val")) for tc in title_row.tc_lst[::2]] == ["restart"] * 2
        assert title_row.tc_lst[1].tcPr.find(qn("w:tcBorders")).find(qn("w:bottom")).get(qn("w:val")) == "nil"
    short = _measure_rows(doc, "ENT-01")  # everything else: one row that never splits
    assert len(short) == 1 and short[0].trPr.find(qn("w:cantSplit")) is not None


# -- the command -----------------------------------------------------------------------------------


def test_format_from_the_suffix_includes_documents():
    from tom_audit.cli.export_options import named_format

    assert named_format("anlage.pdf") == "pdf" and named_format("anlage.DOCX") == "docx"


@pytest.mark.slow
def test_cli_export_pdf_and_docx(cli, tmp_path):
    env = {"SOURCE_DATE_EPOCH": "1795000000"}
    pdf, docx = tmp_path / "anlage.pdf", tmp_path / "anlage.docx"
    result = cli("export", str(EXAMPLE), "-o", str(pdf), "--contract", "zum AVV mit Muster AG", "--annex-no", "3",
                 "--no-evidence", "--dpo-signature", env=env)
    assert result.returncode == 0, result.stderr
    text = flat("\n".join(pdf_pages(pdf.read_bytes())))
    assert "ANLAGE 3" in text and "zum AVV mit Muster AG" in text and "Nachweise:" not in text
    assert "Geprüft (Datenschutzbeauftragte/r)" in text
    result = cli("export", str(EXAMPLE), "-o", str(tmp_path / "plain"), "--format", "docx", "--lang", "en",
                 "--include-planned", env=env)
    assert result.returncode == 0, result.stderr
    doc = Document(tmp_path / "plain")
    assert "Planned by 2027-09-30" in docx_text(doc)
    assert cli("export", str(EXAMPLE), "-o", str(docx)).returncode == 0 and docx.read_bytes().startswith(b"PK")


# -- LibreOffice -----------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_renders_the_docx_with_draft_and_page_numbers(draft_docx, tmp_path):
    path = tmp_path / "anlage.docx"
    path.write_bytes(draft_docx)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=240)
    pages = pdf_pages((tmp_path / "anlage.pdf").read_bytes())
    assert len(pages) > 5
    for number, page in enumerate(pages, 1):
        assert "ENTWURF" in page and f"Seite {number} von {len(pages)}" in page, number


def _page_words(pdf) -> dict[str, list[int]]:
    """Every word LibreOffice printed, with the pages it is on."""
    pages: dict[str, list[int]] = {}
    for word in pdf_words(pdf):
        pages.setdefault(word.text, []).append(word.page)
    return pages


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or pdftotext is not installed")
def test_libreoffice_prints_long_notes_and_cards_of_the_docx_to_their_last_word(long_notes, tmp_path):
    """Notes of 5,000-9,000 characters (and a sub-processor card of 7,000) run over pages to
    their last word; each measure's title stands on the page where its text begins."""
    loaded, notes = long_notes
    card = Provider(id="lang", name="Langtext Cloud GmbH", service=long_note(9, 7000, True))
    loaded.assessment.providers.append(card)
    path = tmp_path / "anlage.docx"
    path.write_bytes(render(build(loaded, "de", OPTIONS), "docx", AnnexOptions(annex="both")))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=240)
    pages = _page_words(tmp_path / "anlage.pdf")
    for index, measure_id in enumerate(notes):
        assert f"END{index:02d}X" in pages, f"the end of the note of {measure_id} is cut off"
        assert pages[f"ANF{index:02d}X"][0] in pages[measure_id], f"{measure_id}: title and text on different pages"
    assert "END09X" in pages and pages["ANF09X"][0] in pages["Langtext"]  # the card, its name with its first line
