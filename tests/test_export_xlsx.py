"""The workbook, read back with openpyxl: sheets in both languages, cover, summary, annex,
action plan, evidence, review sheet, formula escaping, print settings, properties,
determinism; the `export` command; and a LibreOffice render of the example."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import date, datetime, timezone

import pytest
from openpyxl import load_workbook

from tom_audit.export import ExportOptions, export
from tom_audit.export import review_layout as layout
from tom_audit.export.content import build
from tom_audit.logic.answers import Edit, record
from tom_audit.logic.progress import progress
from tom_audit.model.assessment import Evidence, Gap
from tom_audit.store.assessment_store import load_assessment, save_assessment

from tests.conftest import EXAMPLE
TODAY = date(2026, 11, 21)
STAMP = datetime(2026, 11, 21, 9, 30, tzinfo=timezone.utc)
OPTIONS = ExportOptions(today=TODAY, exported_on=STAMP)
SHEETS = {"de": ["Deckblatt", "Übersicht", "Anlage TOM", "Maßnahmenplan", "Nachweise", "Prüfung"],
          "en": ["Cover", "Summary", "TOM annex", "Action plan", "Evidence", "Review"]}
ANNEX_HEADER_ROW = 5
ALERT_FILL = "FCE4E4"


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    """The example exported once per language (and once with planned measures)."""
    folder = tmp_path_factory.mktemp("books")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TOM_AUDIT_CACHE_DIR", str(folder / "cache"))
        loaded = load_assessment(EXAMPLE)
        paths = {}
        for name, lang, options in (("de", "de", OPTIONS), ("en", "en", OPTIONS),
                                    ("planned", "de", ExportOptions(include_planned=True, today=TODAY))):
            paths[name] = folder / f"{name}.xlsx"
            export(loaded, paths[name], fmt="xlsx", lang=lang, options=options)
    return loaded, paths


@pytest.fixture(scope="module")
def de(books):
    return load_workbook(books[1]["de"])


def values(ws, min_row=1):
    return [list(row) for row in ws.iter_rows(min_row=min_row, values_only=True)]


def annex_rows(wb, sheet="Anlage TOM"):
    """Measure rows of the annex as {id: (title, kind, status, implementation, evidence)}."""
    ws = wb[sheet]
    rows = {}
    for row in ws.iter_rows(min_row=ANNEX_HEADER_ROW + 1, values_only=True):
        if row[0] and row[1] and row[3]:
            rows[row[0]] = row[1:6]
    return rows


def test_sheet_names_in_both_languages(books, de):
    assert de.sheetnames == SHEETS["de"]
    assert load_workbook(books[1]["en"]).sheetnames == SHEETS["en"]


def test_cover_fields(de):
    cells = {row[0]: row[1] for row in values(de["Deckblatt"]) if row[0]}
    assert cells["Organisation (Auftragsverarbeiter)"] == "Beispiel Hosting GmbH"
    assert cells["Stand"] == datetime(2026, 11, 20)  # a real date cell
    assert cells["Schutzbedarf"] == "hoch"
    assert cells["Verantwortlich"].startswith("Sabine Krüger")
    assert "tom-art32" in cells["Katalog"] and "2026.2" in cells["Katalog"]
    assert cells["Exportiert am"] == "21.11.2026 09:30"
    assert cells["Kennung der Bewertung"] == "6f1c3b2a-8d4e-4f7a-9b21-5c0e7d9a4b13"
    right = {row[3]: row[4] for row in values(de["Deckblatt"]) if len(row) > 4 and row[3]}
    assert right["Maßnahmen im Katalog"] == 205 and right["Pflichtmaßnahmen umgesetzt"].endswith("von 174")
    assert "Unterschrift" not in right  # signatures belong to the annex, not beside internal counts
    assert de["Deckblatt"]["E1"].value is None


def test_summary_counts_equal_progress(books, de):
    loaded = books[0]
    expected = progress(loaded.catalogue, loaded.assessment)
    rows = values(de["Übersicht"], min_row=2)
    for (category, counts), row in zip(expected.categories, rows):
        s = counts.by_status
        assert row[0] == category.title("de")
        assert row[2:12] == [counts.total, s["implemented"], s["partial"], s["planned"], s["not_implemented"],
                             s["not_applicable"], counts.open, counts.required, counts.required_implemented,
                             counts.recommended]
    total = rows[len(expected.categories)]
    assert total[0] == "Gesamt" and total[2] == expected.overall.total == 205
    charts = de["Übersicht"]._charts
    assert len(charts) == 0 or charts  # openpyxl does not read charts back; see the render test


def test_annex_rows_of_the_example(books, de):
    rows = annex_rows(de)
    content = build(books[0], "de", OPTIONS)
    expected = [r.measure_id for r in content.annex if r.role == "measure"]
    assert list(rows) == expected
    statuses = {row[2] for row in rows.values()}
    assert statuses == {"Umgesetzt", "Teilweise", "Nicht zutreffend"}
    assert "SEP-08" not in rows and "REV-03" not in rows  # planned: not without --include-planned
    assert "NOT-IN-ANNEX" not in rows
    assert "ACC-15" in rows and "ACC-04" in rows["ACC-15"][3]  # N/A with reason and where instead
    assert rows["REC-01"][3].endswith("24 Std.\nZielwert für die Wiederherstellungszeit (RTO): 8 Std.") or \
        "24 Std." in rows["REC-01"][3]
    ws = de["Anlage TOM"]
    assert ws.cell(ANNEX_HEADER_ROW, 1).value == "Nr." and ws.cell(ANNEX_HEADER_ROW, 5).value == "Umsetzung"
    assert ws.cell(ANNEX_HEADER_ROW + 1, 1).value == "Zutrittskontrolle (Art. 32 Abs. 1 lit. b DSGVO)"
    text = "\n".join(str(v) for row in values(ws) for v in row if v)
    for secret in ("Hyper-V-Hosts über Teleport Desktop Access anbinden", "überfällig", "akzeptiert"):
        assert secret not in text  # no gap details, no review
    # the closing block: the version (here: changed since approval), review and signature lines
    assert "Entwurf – seit der Freigabe der Version 1.0 vom 28.11.2025 durch Dr. Katrin Vogel" in text
    assert "Für den Auftragsverarbeiter" in text and "Unterschrift" in text


def test_annex_with_planned_measures_shows_target_dates(books):
    rows = annex_rows(load_workbook(books[1]["planned"]))
    assert rows["REV-03"][2] == "Geplant bis 30.09.2027"
    assert rows["SEP-08"][2] == "Geplant bis 31.03.2027"


def test_action_plan_order_and_overdue_highlight(books, de):
    ws = de["Maßnahmenplan"]
    header = [c.value for c in ws[1]]
    assert header[:2] == ["Nr.", "Maßnahme"] and "Risiko" in header and "Fällig" in header
    risk_col, due_col, state_col = header.index("Risiko"), header.index("Fällig"), header.index("Bearbeitungsstand")
    rows = list(ws.iter_rows(min_row=2))
    order = {"kritisch": 0, "hoch": 1, "mittel": 2, "niedrig": 3, None: 4}
    keys = [(order[r[risk_col].value], r[due_col].value or datetime.max) for r in rows]
    assert keys == sorted(keys)
    overdue = {r[0].value for r in rows if r[0].fill.fgColor.rgb.endswith(ALERT_FILL)}
    assert overdue == {"ENT-09", "AUT-04", "AUT-07", "REC-04"}
    for r in rows:
        if r[0].value in overdue:
            assert r[state_col].value.endswith("überfällig") and r[due_col].value < datetime(2026, 11, 21)
            assert all(c.fill.fgColor.rgb.endswith(ALERT_FILL) for c in r if c.column != risk_col + 1)
    assert len(rows) == len(build(books[0], "de", OPTIONS).actions)


def test_evidence_register_with_expired_highlight(de):
    ws = de["Nachweise"]
    header = [c.value for c in ws[1]]
    assert header == ["Nr.", "Maßnahme", "Art", "Referenz (Datei oder URL)", "Beschreibung", "Datum", "Gültig bis",
                      "SHA-256", "Hinweis"]
    rows = list(ws.iter_rows(min_row=2))
    expired = [r for r in rows if r[8].value == "abgelaufen"]
    assert [r[3].value for r in expired] == ["evidence/rz-leipzig-iso27001-zertifikat.txt"]
    assert expired[0][6].value == datetime(2026, 6, 30) and expired[0][6].number_format == "DD.MM.YYYY"
    assert all(c.fill.fgColor.rgb.endswith(ALERT_FILL) for c in expired[0])
    fine = [r for r in rows if r[8].value is None]
    assert fine and not any(r[0].fill.fgColor.rgb.endswith(ALERT_FILL) for r in fine)
    links = [r[3] for r in rows if r[3].hyperlink]
    assert links and all(c.hyperlink.target == c.value for c in links)


def test_review_sheet_layout_and_hidden_key(books, de):
    loaded = books[0]
    ws = de[layout.sheet_title("de")]
    header = [c.value for c in ws[layout.HEADER_ROW]]
    from tom_audit.i18n import tr

    assert header == [tr(c.header_key, "de") for c in layout.REVIEW_COLUMNS]
    assert ws.column_dimensions[layout.KEY_COLUMN.letter].hidden
    rows = values(ws, min_row=layout.FIRST_DATA_ROW)
    assert [r[1] for r in rows] == [m.id for m in loaded.catalogue.measures]
    assert all(layout.parse_review_key(r[0]) == (loaded.assessment.id, r[1]) for r in rows)
    by_id = {r[1]: r for r in rows}
    col = {c.id: c.index - 1 for c in layout.REVIEW_COLUMNS}
    assert by_id["ACC-06"][col["review_state"]] == "abgelehnt"
    assert by_id["ACC-06"][col["review_date"]] == datetime(2026, 11, 10)
    assert by_id["ACC-09"][col["review_state"]] == "offen" and by_id["ACC-09"][col["evidence_count"]] == 1
    assert by_id["ENT-02"][col["status"]] == "Umgesetzt" and by_id["ENT-02"][col["required"]] == "Pflicht"
    validations = ws.data_validations.dataValidation
    assert len(validations) == 1
    dv = validations[0]
    assert dv.type == "list" and dv.formula1 == '"offen,akzeptiert,abgelehnt,Rückfrage"'
    assert str(dv.sqref) == f"I2:I{len(rows) + 1}"
    assert ws.freeze_panes == "C2"


def test_review_sheet_in_english(books):
    ws = load_workbook(books[1]["en"])["Review"]
    assert ws["I1"].value == "Review result"
    assert ws.data_validations.dataValidation[0].formula1 == '"open,accepted,rejected,question"'


def test_print_settings(de):
    for ws in de.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert ws.page_setup.paperSize == 9  # A4
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.oddFooter.left.text == "Beispiel Hosting GmbH"
        assert ws.oddFooter.center.text == "Stand: 20.11.2026"
        # every sheet counts its own pages, from 1, to a total known when it was written
        assert re.fullmatch(r"Seite &P von \d+", ws.oddFooter.right.text), ws.title
        assert ws.page_setup.firstPageNumber == 1 and ws.page_setup.useFirstPageNumber
        assert ws.oddHeader.center.text == "ENTWURF"
        if ws.title == "Anlage TOM":  # a document of its own, no "intern"
            assert ws.oddHeader.right.text == "&A"
        else:
            assert ws.oddHeader.right.text == "intern · &A", ws.title
    assert de["Deckblatt"].oddFooter.right.text == de["Übersicht"].oddFooter.right.text == "Seite &P von 1"
    annex = de["Anlage TOM"]
    assert annex.page_setup.fitToHeight == 0  # as many pages as needed, one page wide
    assert annex.print_title_rows == f"${ANNEX_HEADER_ROW}:${ANNEX_HEADER_ROW}"
    assert annex.freeze_panes == f"A{ANNEX_HEADER_ROW + 1}"
    assert annex.auto_filter.ref.startswith(f"A{ANNEX_HEADER_ROW}:G")  # G: references
    for title in ("Maßnahmenplan", "Nachweise", "Prüfung"):
        assert de[title].print_title_rows == "$1:$1" and de[title].auto_filter.ref
    assert de["Deckblatt"].page_setup.fitToHeight == 1


def test_column_widths_and_wrapping(de):
    ws = de["Anlage TOM"]
    widths = [ws.column_dimensions[letter].width for letter in "ABCDEF"]
    assert widths[0] < 12 and widths[4] >= 50  # the id narrow, the description wide
    cell = next(r[4] for r in ws.iter_rows(min_row=ANNEX_HEADER_ROW + 1) if r[0].value == "ACC-04")
    assert cell.alignment.wrap_text and cell.alignment.vertical == "top"
    assert ws.row_dimensions[cell.row].height > 15  # a wrapped row is tall enough for its text


def test_document_properties(books, de):
    props = de.properties
    assert props.title == "Technische und organisatorische Maßnahmen – Beispiel Hosting GmbH"
    assert "Anlage TOM" in props.subject and props.language == "de-DE"
    assert props.creator.startswith("Sabine Krüger")
    custom = {p.name: p.value for p in de.custom_doc_props.props}
    assert custom[layout.PROP_ASSESSMENT_ID] == books[0].assessment.id
    assert custom[layout.PROP_CATALOGUE_ID] == "tom-art32"
    assert custom[layout.PROP_LAYOUT_VERSION] == str(layout.LAYOUT_VERSION)
    assert load_workbook(books[1]["en"]).properties.language == "en-GB"


def test_same_assessment_same_cells(books, tmp_path):
    again = tmp_path / "again.xlsx"
    export(books[0], again, fmt="xlsx", lang="de", options=OPTIONS)
    first, second = load_workbook(books[1]["de"]), load_workbook(again)
    for a, b in zip(first.worksheets, second.worksheets, strict=True):
        assert values(a) == values(b), a.title
        assert [(c.width, c.hidden) for c in a.column_dimensions.values()] == \
            [(c.width, c.hidden) for c in b.column_dimensions.values()]


# -- formula injection -----------------------------------------------------------------------

NASTY = {
    "ACC-01": "=HYPERLINK(\"http://evil.example\",\"Klick\")",
    "ACC-02": "+1",
    "ACC-03": "@SUM(1+1)*cmd|' /C calc'!A0",
    "ACC-05": "-2+3",
    "ACC-07": "\t=1+1",
}


@pytest.fixture
def nasty(new_file, catalogue):
    loaded = load_assessment(new_file)
    a = loaded.assessment
    a.organisation.name = "=Evil GmbH & Co"
    a.scope.service = "+49 341 000"
    a.scope.responsible = "@admin"
    for measure_id, note in NASTY.items():
        record(a, catalogue, measure_id, Edit(status="implemented", note=note, owner="=owner()"))
    record(a, catalogue, "ACC-08", Edit(
        status="not_implemented", note="=2*3",
        add_evidence=[Evidence(ref="=cmd.txt", kind="other", description="-description")],
        gap=Gap(description="=gap", risk="high", action="+action", owner="@owner", due="2026-01-01")))
    save_assessment(new_file, a)
    return load_assessment(new_file)


def test_user_text_never_becomes_a_formula(nasty, tmp_path):
    """The cell shows exactly what the user wrote (no apostrophe), holds a string, and
    carries the quotePrefix mark, so neither opening nor editing it computes anything."""
    book = tmp_path / "nasty.xlsx"
    export(nasty, book, fmt="xlsx", lang="de", options=OPTIONS)
    wb = load_workbook(book)
    seen = set()
    texts = (*NASTY.values(), "=Evil GmbH & Co", "+49 341 000", "@admin", "=owner()", "=2*3",
             "=cmd.txt", "-description", "=gap", "+action", "@owner")
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate}: {cell.value!r}"
                if isinstance(cell.value, str):
                    assert not cell.value.startswith("'"), f"{ws.title}!{cell.coordinate}: {cell.value!r}"
                    if cell.value in texts:
                        seen.add(cell.value)
                    if cell.value.startswith(("=", "+", "-", "@", "\t", "\r")):
                        assert cell.data_type == "s" and cell.quotePrefix, f"{ws.title}!{cell.coordinate}"
    assert len(seen) >= 12
    annex = annex_rows(wb)
    assert annex["ACC-01"][3] == NASTY["ACC-01"] and annex["ACC-02"][3] == "+1"
    assert annex["ACC-03"][3] == NASTY["ACC-03"]
    assert annex["ACC-07"][3] == "=1+1"  # the note is trimmed; the formula under the tab is still marked
    # the review sheet's text reads back as typed
    review = {r[1]: r for r in values(wb["Prüfung"], min_row=2)}
    assert layout.read_text(review["ACC-02"][6]) == "+1"
    assert wb["Deckblatt"]["B5"].value == "=Evil GmbH & Co" and wb["Deckblatt"]["B5"].quotePrefix


def test_ordinary_text_carries_no_quote_prefix(de):
    cell = next(r[4] for r in de["Anlage TOM"].iter_rows(min_row=ANNEX_HEADER_ROW + 1) if r[0].value == "ACC-04")
    assert cell.value and not cell.quotePrefix and cell.data_type == "s"


# -- the command -------------------------------------------------------------------------------


def test_format_from_the_suffix():
    from tom_audit.cli.export_options import named_format

    assert named_format("a.xlsx") == "xlsx" and named_format("a.MD") == "md" and named_format("a.json") == "json"
    assert named_format("annex") is None and named_format("a.oscal.json") == "oscal"  # no guessing


def test_cli_export_all_formats(cli, tmp_path):
    env = {"SOURCE_DATE_EPOCH": "1795000000"}
    for name, check in (("annex.xlsx", b"PK"), ("annex.md", b"# Anlage"), ("annex.json", b"{")):
        out = tmp_path / name
        result = cli("export", str(EXAMPLE), "-o", str(out), env=env)
        assert result.returncode == 0, result.stderr
        assert out.read_bytes().startswith(check)
        assert f"{out} geschrieben" in result.stdout
        assert (out.stat().st_mode & 0o077) != 0 or os.name != "posix"  # not left private (0600)
    result = cli("export", str(EXAMPLE), "-o", str(tmp_path / "plain"), "--format", "md", "--lang", "en",
                 "--include-planned", env=env)
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "plain").read_text(encoding="utf-8")
    assert text.startswith("# Annex: Technical") and "Planned by 2027-09-30" in text
    assert not list(tmp_path.glob(".*.tmp"))  # no temporary files left behind


def test_cli_export_language_defaults_to_the_assessment(cli, tmp_path):
    out = tmp_path / "a.json"
    assert cli("export", str(EXAMPLE), "-o", str(out)).returncode == 0
    assert '"language": "de"' in out.read_text(encoding="utf-8")
    assert cli("export", str(EXAMPLE), "-o", str(out), env={"TOM_AUDIT_LANG": "en"}).returncode == 0
    assert '"language": "en"' in out.read_text(encoding="utf-8")


def test_cli_export_bad_input(cli, tmp_path, new_file):
    missing = cli("export", str(tmp_path / "nope.tom.yaml"), "-o", str(tmp_path / "x.xlsx"))
    assert missing.returncode == 2 and "gibt es nicht" in missing.stderr and "Traceback" not in missing.stderr
    folder = cli("export", str(new_file), "-o", str(tmp_path / "no" / "x.xlsx"))
    assert folder.returncode == 2 and "Verzeichnis" in folder.stderr
    same = cli("export", str(new_file), "-o", str(new_file))
    assert same.returncode == 2 and new_file.read_text(encoding="utf-8").startswith("# tom-audit")
    usage = cli("export", str(new_file))
    assert usage.returncode == 2  # -o is required
    broken = tmp_path / "broken.tom.yaml"
    broken.write_text("format: tom-audit/assessment\nformat_version: 1\nmeasures: [\n", encoding="utf-8")
    bad = cli("export", str(broken), "-o", str(tmp_path / "b.xlsx"))
    assert bad.returncode == 2 and "broken.tom.yaml:" in bad.stderr and not (tmp_path / "b.xlsx").exists()


def test_cli_does_not_load_openpyxl_at_start_up():
    code = ("import sys; from tom_audit.cli.main import build_parser; build_parser();"
            "import tom_audit.export, tom_audit.export.content, tom_audit.export.review_layout;"
            "print('openpyxl' in sys.modules, 'textual' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False False"


# -- LibreOffice -------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_renders_the_example_and_keeps_text_as_text(books, nasty, tmp_path):
    """One LibreOffice run for two workbooks: the example must give a sane number of A4
    landscape pages, and the escaped cells must print as text, not as computed values."""
    nasty_book = tmp_path / "nasty.xlsx"
    export(nasty, nasty_book, fmt="xlsx", lang="de", options=OPTIONS)
    example_book = tmp_path / "example.xlsx"
    shutil.copy(books[1]["de"], example_book)
    profile = tmp_path / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(example_book), str(nasty_book)],
                   check=True, capture_output=True, timeout=240)
    pdf = tmp_path / "example.pdf"
    data = pdf.read_bytes()
    pages = data.count(b"/Type /Page\n") or data.count(b"/Type/Page") or data.count(b"/Type /Page")
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
        size = next(line for line in info.splitlines() if line.startswith("Page size:"))
        width, height = (float(x) for x in size.split(":")[1].split("pts")[0].split(" x "))
        assert (round(width), round(height)) == (842, 595)  # A4 landscape, in points
    assert 8 <= pages <= 60  # cover 1, summary 1, annex ~20, plan 1, evidence 3, review ~9
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "nasty.pdf"), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert "=HYPERLINK(" in text and "+1" in text and "@SUM(1+1)" in text and "-2+3" in text
        assert "=2*3" in text and "=Evil GmbH & Co" in text and "'" + "=" not in text
        example = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "Seite 1 von" in example and "Stand: 20.11.2026" in example
        assert "Anlage: Technische und organisatorische Maßnahmen nach Art. 32 DSGVO" in example
        _assert_every_sheet_counts_its_own_pages(pdf)


def _assert_every_sheet_counts_its_own_pages(pdf: Path) -> None:
    """Printed whole, the workbook is a run of documents: each sheet's pages say "Seite k von n",
    k counting within the sheet and n its page count, whatever came before it (the sheet's
    name is in the page header)."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    runs: list[tuple[str, list[tuple[int, int]]]] = []
    for page in filter(str.strip, text.split("\f")):
        sheet = page.strip().splitlines()[0].split("·")[-1].split()[-1]  # header right: "intern · Nachweise"
        number = re.search(r"Seite (\d+) von (\d+)", page)
        assert number, page[:200]
        if not runs or runs[-1][0] != sheet:
            runs.append((sheet, []))
        runs[-1][1].append((int(number.group(1)), int(number.group(2))))
    assert [sheet for sheet, _ in runs][:3] == ["Deckblatt", "Übersicht", "TOM"]  # "Anlage TOM"
    assert len(runs) >= 6
    for sheet, pages in runs:
        assert pages == [(k, len(pages)) for k in range(1, len(pages) + 1)], sheet
