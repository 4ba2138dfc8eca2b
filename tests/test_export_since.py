"""`export --since OLD`: the annex's "changed since" column and the change list, in the
workbook (both languages, read back with openpyxl), Markdown and JSON; OLD identical to
FILE; OLD of another assessment or no assessment at all; user text in the change list stays
text. OLD is last year's version of the shipped example, made by changing answers in a copy."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tom_audit.export import export
from tom_audit.export.content import ExportOptions, build
from tom_audit.export.json_export import render_json
from tom_audit.export.markdown import render_markdown
from tom_audit.logic.answers import Edit, record
from tom_audit.logic.review import set_review
from tom_audit.model.assessment import Evidence, Gap
from tom_audit.problems import InputError
from tom_audit.store.assessment_store import load_assessment, save_assessment

from tests.conftest import EXAMPLE
TODAY = date(2026, 11, 21)
OPTIONS = ExportOptions(today=TODAY, exported_on=datetime(2026, 11, 21, 9, 30, tzinfo=timezone.utc))
LAST_YEAR = "2025-11-20T10:00:00+01:00"
ANNEX_HEADER_ROW = 5
CHANGES_HEADER_ROW = 4


def make_old(path: Path) -> Path:
    """Last year's version of the example: a few answers differ, through `record` as in the UI."""
    loaded = load_assessment(EXAMPLE)
    a, c = loaded.assessment, loaded.catalogue
    record(a, c, "ENT-02", Edit(status="planned", note="=1+1 kommt noch", remove_evidence=[0],
                                gap=Gap(description="Keine EMA", action="EMA einbauen", owner="Facility",
                                        due="2026-03-01", risk="high")), at=LAST_YEAR)
    record(a, c, "ENT-04", Edit(owner="-IT"), at=LAST_YEAR)
    record(a, c, "ENT-08", Edit(answers={"entry_rights_review_months": 12}), at=LAST_YEAR)
    record(a, c, "ACC-07", Edit(add_evidence=[Evidence("https://wiki.example/sperre", kind="screenshot",
                                                      description="Alte Wiki-Seite", date="2025-01-10")]),
           at=LAST_YEAR)
    set_review(a, "ENT-04", "question", reviewer="DSB", comment="@SUM(1) Wer genau?", day="2025-11-01")
    a.scope.protection_need = "normal"
    a.scoping["software_development"] = False
    del a.fingerprints["REC-01"]  # not yet in last year's catalogue
    a.fingerprints["ACC-02"] = "0" * 16  # reworded since
    a.updated = LAST_YEAR
    save_assessment(path, a)
    return path


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    folder = tmp_path_factory.mktemp("since")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TOM_AUDIT_CACHE_DIR", str(folder / "cache"))
        new = load_assessment(EXAMPLE)
        old = load_assessment(make_old(folder / "hosting-gmbh-2025.tom.yaml"))
    return old, new, folder


@pytest.fixture(scope="module")
def contents(pair):
    old, new, _ = pair
    return {lang: build(new, lang, OPTIONS, since=old) for lang in ("de", "en")}


@pytest.fixture(scope="module")
def books(pair):
    old, new, folder = pair
    paths = {}
    for lang in ("de", "en"):
        paths[lang] = folder / f"{lang}.xlsx"
        export(new, paths[lang], fmt="xlsx", lang=lang, options=OPTIONS, since=old)
    return {lang: load_workbook(path) for lang, path in paths.items()}


def sheet_rows(ws, min_row):
    return [list(row) for row in ws.iter_rows(min_row=min_row, values_only=True)]


def change_rows(ws):
    """The change list's table as (id, subject, change, before, after) tuples."""
    return [tuple(row[:5]) for row in sheet_rows(ws, CHANGES_HEADER_ROW + 1)]


# -- content -------------------------------------------------------------------------------


def test_annex_rows_say_what_changed(contents):
    annex = {r.measure_id: r for r in contents["de"].annex if r.role == "measure"}
    assert annex["ENT-02"].changed == ("Status: Geplant → Umgesetzt; Nachweise: 1 neu; Lücke geschlossen; "
                                       "Beschreibung geändert")
    assert annex["ENT-04"].changed == ("Verantwortlich: -IT → Thomas Berger (Facility Management); "
                                       "Prüfung: Rückfrage → akzeptiert")
    # typed answers under their label and in their unit, not as "entry_rights_review_months: 12 → 6"
    assert annex["ENT-08"].changed == "Intervall der Prüfung der Zutrittsrechte: 12 Monate → 6 Monate"
    assert annex["ACC-02"].changed == "Katalogtext geändert"
    assert annex["ENT-05"].changed == ""  # unchanged
    en = {r.measure_id: r for r in contents["en"].annex if r.role == "measure"}
    assert en["ENT-02"].changed.startswith("Status: Planned → Implemented")


def test_change_list_rows(contents):
    changes = contents["de"].changes
    assert changes.since == date(2025, 11, 20) and changes.old_file == "hosting-gmbh-2025.tom.yaml"
    assert changes.old_approval == "1.0" and changes.measures_changed == 6
    rows = [(r.section, r.measure_id, r.kind, r.old, r.new) for r in changes.rows]
    # the assessment first, then the measures in catalogue order
    assert rows[:2] == [("assessment", "", "field", "normal", "hoch"), ("assessment", "", "scoping", "nein", "ja")]
    measures = [r.measure_id for r in changes.rows if r.section == "measure"]
    assert list(dict.fromkeys(measures)) == ["ENT-02", "ENT-04", "ENT-08", "ACC-02", "ACC-07", "REC-01"]
    kinds = {(r.measure_id, r.kind): r for r in changes.rows}
    assert kinds[("ENT-02", "status")].old == "Geplant" and kinds[("ENT-02", "status")].new == "Umgesetzt"
    assert kinds[("ENT-02", "evidence_added")].new.startswith(
        "Richtlinie: Zutritts- und Schlüsselkonzept Büro v1.4 · vom 14.04.2026 · SHA-256 ")
    gap = kinds[("ENT-02", "gap_closed")]
    assert gap.old.splitlines()[:2] == ["Lücke: Keine EMA", "Geplante Schritte: EMA einbauen"] and gap.new == ""
    assert "Fällig: 01.03.2026" in gap.old and "Risiko: hoch" in gap.old
    assert kinds[("ENT-02", "note")].old == "=1+1 kommt noch"  # as typed; the writers escape
    assert (kinds[("ENT-04", "owner")].old, kinds[("ENT-04", "review")].old) == ("-IT", "Rückfrage")
    assert kinds[("ENT-04", "review_comment")].old == "@SUM(1) Wer genau?"
    answer = kinds[("ENT-08", "answer")]
    assert (answer.kind_label, answer.old, answer.new) == ("Angabe: Intervall der Prüfung der Zutrittsrechte",
                                                           "12 Monate", "6 Monate")
    assert kinds[("ACC-07", "evidence_removed")].old.startswith(
        "Bildschirmfoto: Alte Wiki-Seite (https://wiki.example/sperre) · vom 10.01.2025")
    assert kinds[("REC-01", "catalogue_added")].kind_label == "Neu im Katalog"
    assert kinds[("ACC-02", "catalogue_reworded")].kind_label == "Katalogtext geändert"


# -- workbook ------------------------------------------------------------------------------


def test_workbook_has_the_column_and_the_change_list_in_both_languages(books):
    de, en = books["de"], books["en"]
    assert de.sheetnames == ["Deckblatt", "Übersicht", "Anlage TOM", "Änderungen", "Maßnahmenplan", "Nachweise",
                             "Prüfung"]
    assert en.sheetnames[3] == "Changes"
    annex = de["Anlage TOM"]
    assert annex.cell(ANNEX_HEADER_ROW, 7).value == "Geändert seit 20.11.2025"
    assert en["TOM annex"].cell(ANNEX_HEADER_ROW, 7).value == "Changed since 2025-11-20"
    by_id = {row[0]: row for row in sheet_rows(annex, ANNEX_HEADER_ROW + 1) if row[0] and row[3]}
    assert by_id["ENT-08"][6] == "Intervall der Prüfung der Zutrittsrechte: 12 Monate → 6 Monate"
    assert by_id["ENT-05"][6] in (None, "")
    assert annex.auto_filter.ref.startswith(f"A{ANNEX_HEADER_ROW}:H")  # G: changed since, H: references
    ent02 = next(row for row in annex.iter_rows(min_row=ANNEX_HEADER_ROW + 1) if row[0].value == "ENT-02")
    assert ent02[6].fill.start_color.rgb.endswith("EAF1FB") and ent02[6].alignment.wrap_text  # marked, wrapped

    ws = de["Änderungen"]
    assert ws["A1"].value == "Änderungen seit Stand 20.11.2025"
    assert ws["A2"].value == ("Verglichen mit hosting-gmbh-2025.tom.yaml (Stand 20.11.2025, Freigabe Version 1.0) · "
                              "diese Fassung: Stand 20.11.2026")
    assert ws["A3"].value == "6 Maßnahmen geändert, 13 Änderungen insgesamt."
    headers = [c.value for c in ws[CHANGES_HEADER_ROW]]
    assert headers == ["Nr.", "Maßnahme bzw. Angabe", "Änderung", "Vorher", "Nachher"]
    rows = change_rows(ws)
    assert rows[0] == (None, "Schutzbedarf", "Angabe zur Bewertung", "normal", "hoch")
    assert rows[2][:4] == ("ENT-02", "Einbruchmeldeanlage mit Aufschaltung auf eine ständig besetzte Leitstelle",
                           "Status", "Geplant")
    assert rows[3][:3] == ("ENT-02", None, "Nachweis hinzugefügt")  # the title only on a measure's first row
    assert ("ENT-08", "Zutrittszonen mit schriftlich festgelegten Zutrittsrechten",
            "Angabe: Intervall der Prüfung der Zutrittsrechte", "12 Monate", "6 Monate") in rows
    assert ws.freeze_panes == f"A{CHANGES_HEADER_ROW + 1}"
    assert ws.print_title_rows == f"${CHANGES_HEADER_ROW}:${CHANGES_HEADER_ROW}"

    en_rows = change_rows(en["Changes"])
    assert en["Changes"]["A1"].value == "Changes since 2025-11-20"
    assert en_rows[0] == (None, "Protection need", "Assessment detail", "normal", "high")
    assert ("ENT-02", None, "Gap closed") in [r[:3] for r in en_rows]
    assert (en_rows[-1][0], en_rows[-1][2:]) == ("REC-01", ("New in the catalogue", None, None))


def test_user_text_in_the_change_list_stays_text(books):
    ws = books["de"]["Änderungen"]
    cells = {(row[0], row[2]): row for row in change_rows(ws)}
    note = cells[("ENT-02", "Beschreibung")]
    assert note[3] == "=1+1 kommt noch"  # as typed; the cell is marked as text (quotePrefix)
    assert cells[("ENT-04", "Verantwortlich")][3] == "-IT"
    assert cells[("ENT-04", "Prüfkommentar")][3] == "@SUM(1) Wer genau?"
    for row in ws.iter_rows(min_row=CHANGES_HEADER_ROW + 1):
        for cell in row:
            assert cell.data_type != "f"
            if isinstance(cell.value, str) and cell.value.startswith(("=", "-", "@", "+")):
                assert cell.quotePrefix and cell.data_type == "s"
    annex = {row[0]: row for row in sheet_rows(books["de"]["Anlage TOM"], ANNEX_HEADER_ROW + 1) if row[0]}
    assert annex["ENT-04"][6].startswith("Verantwortlich: -IT")


# -- Markdown and JSON ---------------------------------------------------------------------


def test_markdown_has_the_column_and_the_section(contents):
    text = render_markdown(contents["de"])
    assert "| Nr. | Maßnahme | Art | Status | Umsetzung | Nachweise | Geändert seit 20.11.2025 |" in text
    section = text.split("# Änderungen seit Stand 20.11.2025", 1)[1].split("# Maßnahmenplan", 1)[0]
    assert "6 Maßnahmen geändert, 13 Änderungen insgesamt." in section
    assert "| Nr. | Maßnahme bzw. Angabe | Änderung | Vorher | Nachher |" in section
    assert "| ENT-08 | Zutrittszonen mit schriftlich festgelegten Zutrittsrechten | Angabe: Intervall der Prüfung " \
           "der Zutrittsrechte | 12 Monate | 6 Monate |" in section
    assert "Lücke: Keine EMA<br>Geplante Schritte: EMA einbauen" in section
    english = render_markdown(contents["en"])
    assert "# Changes since 2025-11-20" in english and "| No. | Measure or item | Change | Before | After |" in english


def test_json_has_the_changes_key(contents):
    doc = json.loads(render_json(contents["en"]))
    changes = doc["changes"]
    assert changes["since"] == {"file": "hosting-gmbh-2025.tom.yaml", "stand": "2025-11-20", "approval_version": "1.0"}
    assert changes["measures_changed"] == 6 and len(changes["rows"]) == 13
    assert changes["summaries"]["ENT-02"].startswith("Status: Planned → Implemented")
    note = next(r for r in changes["rows"] if r["measure_id"] == "ENT-02" and r["kind"] == "note")
    assert note["old"] == "=1+1 kommt noch"  # JSON keeps the text as typed
    measures = {m["measure"]: m for m in changes["diff"]["measures"]}
    assert measures["ENT-02"]["status"] == {"old": "planned", "new": "implemented"}  # ids for tools
    assert changes["diff"]["catalogue"]["added"] == ["REC-01"]
    annex = {r["measure_id"]: r for r in doc["annex"] if r["role"] == "measure"}
    assert annex["ENT-08"]["changed"].startswith("Interval")


def test_without_since_the_export_is_as_before(pair):
    _, new, _ = pair
    content = build(new, "de", OPTIONS)
    assert content.changes is None
    doc = json.loads(render_json(content))
    assert "changes" not in doc and all("changed" not in r for r in doc["annex"])
    assert "Geändert seit" not in render_markdown(content)


# -- OLD identical, foreign, or not an assessment ------------------------------------------


def test_identical_old_gives_an_empty_column_and_no_changes(pair, tmp_path):
    _, new, _ = pair
    out = tmp_path / "same.xlsx"
    content = export(new, out, lang="de", options=OPTIONS, since=load_assessment(EXAMPLE))
    assert not content.changes and content.changes.rows == []
    wb = load_workbook(out)
    ws = wb["Änderungen"]
    assert ws["A1"].value == "Änderungen seit Stand 20.11.2026"
    assert ws["A3"].value == "Keine Änderungen seit Stand 20.11.2026." and ws.max_row == 3
    annex = wb["Anlage TOM"]
    assert annex.cell(ANNEX_HEADER_ROW, 7).value == "Geändert seit 20.11.2026"
    assert all(row[6] in (None, "") for row in sheet_rows(annex, ANNEX_HEADER_ROW + 1) if row[0] and row[3])
    assert "Keine Änderungen seit Stand 20.11.2026." in render_markdown(content)
    assert json.loads(render_json(content))["changes"]["rows"] == []


def test_the_export_with_since_is_deterministic(pair, contents):
    old, new, _ = pair
    again = build(new, "de", OPTIONS, since=old)
    assert render_json(again) == render_json(contents["de"])
    assert render_markdown(again) == render_markdown(contents["de"])


def test_old_of_another_assessment_is_refused(pair, new_file):
    _, new, _ = pair
    with pytest.raises(InputError) as raised:
        build(new, "de", OPTIONS, since=load_assessment(new_file))
    [problem] = raised.value.problems
    assert problem.key == "export.since.other_assessment"
    assert "6f1c3b2a-8d4e-4f7a-9b21-5c0e7d9a4b13" in problem.render("en")


def test_cli_export_since(cli, pair, new_file, tmp_path):
    old, _, _ = pair
    out = tmp_path / "annex.xlsx"
    ok = cli("export", str(EXAMPLE), "--since", str(old.path), "-o", str(out), "--lang", "en")
    assert ok.returncode == 0, ok.stderr
    assert load_workbook(out).sheetnames[3] == "Changes"

    foreign = cli("export", str(EXAMPLE), "--since", str(new_file), "-o", str(tmp_path / "f.xlsx"), "--lang", "en")
    assert foreign.returncode == 2 and "Traceback" not in foreign.stderr
    assert "is another assessment" in foreign.stderr and "Give --since an earlier version" in foreign.stderr
    assert not (tmp_path / "f.xlsx").exists()

    catalogue = Path(__file__).resolve().parents[1] / "catalogues" / "tom-art32.yaml"
    wrong = cli("export", str(EXAMPLE), "--since", str(catalogue), "-o", str(tmp_path / "c.md"))
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr
    assert "--since" in wrong.stderr and "Katalog, keine Bewertung" in wrong.stderr

    swapped = cli("export", str(old.path), "--since", str(EXAMPLE), "-o", str(tmp_path / "s.md"), "--lang", "en")
    assert swapped.returncode == 0 and "is newer than the assessment exported" in swapped.stderr
