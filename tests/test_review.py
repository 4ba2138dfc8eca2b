"""Review states, approval (versions, "changed since approval") and import-review from a
real workbook: built with openpyxl by the layout contract, produced by the real exporter,
and saved again by LibreOffice where it is installed. An import is all or nothing."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

from tom_audit.cli.main import main
from tom_audit.i18n import tr
from tom_audit.logic.answers import AnswerError, Edit, record
from tom_audit.logic.review import (
    answer_fingerprint, approval_state, approve, changed_since_approval, content_hash, next_version, objections, review_counts,
    review_order, set_review,
)
from tom_audit.store.assessment_store import load_assessment, save_assessment

openpyxl = pytest.importorskip("openpyxl")
layout = pytest.importorskip("tom_audit.export.review_layout")


def ids(catalogue, n: int) -> list[str]:
    return [m.id for m in catalogue.measures[:n]]


# -- review states -------------------------------------------------------------------------------


def test_set_review_and_the_order_for_it_staff(new_file):
    loaded = load_assessment(new_file)
    a, c = loaded.assessment, loaded.catalogue
    m = ids(c, 5)
    set_review(a, m[3], "rejected", reviewer="DSB", comment="Kein Nachweis.", day=date(2026, 3, 1), catalogue=c)
    set_review(a, m[1], "question", reviewer="DSB", comment="Wer prüft?", day="2026-03-01")
    set_review(a, m[0], "accepted", reviewer="DSB")
    order = [x.id for x in review_order(c, a)]
    assert order[:3] == [m[3], m[1], m[0]] and order[3] == m[2]
    assert objections(c, a) == [m[3], m[1]]
    counts = review_counts(c, a)
    assert (counts["rejected"], counts["question"], counts["accepted"]) == (1, 1, 1)
    assert counts["open"] == len(c.measures) - 3
    assert a.measures[m[3]].review.comment == "Kein Nachweis." and a.measures[m[0]].review.date == date.today().isoformat()
    save_assessment(new_file, a)
    again = load_assessment(new_file).assessment
    assert again.measures[m[3]].review == a.measures[m[3]].review


def test_set_review_refuses_bad_input_and_changes_nothing(new_file):
    loaded = load_assessment(new_file)
    a, c = loaded.assessment, loaded.catalogue
    with pytest.raises(AnswerError) as error:
        set_review(a, c.measures[0].id, "maybe", reviewer="DSB")
    assert error.value.key == "review.bad_state"
    with pytest.raises(AnswerError):
        set_review(a, "NOPE-99", "accepted", reviewer="DSB", catalogue=c)
    with pytest.raises(AnswerError):
        set_review(a, c.measures[0].id, "accepted", reviewer="DSB", day="1.3.2026")
    assert a.measures == {}


# -- approval -------------------------------------------------------------------------------------


def test_versions():
    assert next_version(None) == "1.0" and next_version("1.0") == "1.1" and next_version("2.9") == "2.10"


def test_approve_records_version_and_detects_later_changes(new_file):
    loaded = load_assessment(new_file)
    a, c = loaded.assessment, loaded.catalogue
    first = c.measures[0].id
    record(a, c, first, Edit(status="implemented", note="Zutritt per Chipkarte, 2 Türen"))
    assert approval_state(a) == "none" and not changed_since_approval(a)
    approval = approve(a, c, by="Dr. Daten", day=date(2026, 3, 1), force=True)  # the checklist: test_signoff
    assert (approval.version, approval.by, approval.date) == ("1.0", "Dr. Daten", "2026-03-01")
    assert approval.sha256 == content_hash(a) and approval_state(a) == "approved"
    save_assessment(new_file, a)
    reloaded = load_assessment(new_file).assessment
    assert reloaded.approval == approval and approval_state(reloaded) == "approved"  # stable across save/load
    set_review(reloaded, first, "accepted", reviewer="Dr. Daten")  # reviewing is not changing
    assert approval_state(reloaded) == "approved"
    record(reloaded, c, first, Edit(note="Zutritt per Chipkarte, 3 Türen"))
    assert approval_state(reloaded) == "changed" and changed_since_approval(reloaded)
    assert approve(reloaded, c, by="Dr. Daten", force=True).version == "1.1"
    assert approval_state(reloaded) == "approved"


def test_approve_refuses_and_changes_nothing(new_file):
    loaded = load_assessment(new_file)
    a, c = loaded.assessment, loaded.catalogue
    approve(a, c, by="DSB", version="2.0", force=True)
    for kwargs, key in (({"by": " "}, "review.approve_needs_name"),
                        ({"by": "DSB", "version": "2"}, "review.bad_version"),
                        ({"by": "DSB", "version": "1.9"}, "review.version_not_newer"),
                        ({"by": "DSB", "version": "2.0"}, "review.version_not_newer")):
        with pytest.raises(AnswerError) as error:
            approve(a, c, force=True, **kwargs)
        assert error.value.key == key
    assert a.approval.version == "2.0"
    set_review(a, c.measures[2].id, "rejected", reviewer="DSB", comment="Nein.")
    with pytest.raises(AnswerError) as error:
        approve(a, c, by="DSB")
    assert error.value.key == "approval.refused"
    rejected = next(b for b in error.value.blockers if b.kind == "review_rejected")
    assert rejected.items == (c.measures[2].id,)
    assert a.approval.version == "2.0"
    forced = approve(a, c, by="DSB", force=True)
    assert forced.version == "2.1" and forced.forced and f"review_rejected: {c.measures[2].id}" in forced.open_items


def test_cli_approve(cli, new_file):
    result = cli("approve", str(new_file), "--by", "Dr. Daten", "--lang", "en", "--force")
    assert result.returncode == 0, result.stderr
    assert "approved as version 1.0" in result.stdout
    assert load_assessment(new_file).assessment.approval.version == "1.0"
    before = new_file.read_bytes()
    result = cli("approve", str(new_file), "--by", "Dr. Daten", "--version", "0.9", "--force")
    assert result.returncode == 2 and "0.9" in result.stderr and "Traceback" not in result.stderr
    assert new_file.read_bytes() == before
    assert cli("approve", str(new_file)).returncode == 2  # --by is required


# -- import-review: workbooks built by the layout contract -------------------------------------------------


def review_workbook(path: Path, assessment_id: str, rows: list[tuple], *, lang: str = "de", extra_rows=(),
                    answers=None):
    """A review sheet as the exporter lays it out: hidden key in A, header in row 1, the hidden
    answer fingerprint in M (of `answers[measure id]`, else of an unanswered measure).
    `rows`: (measure id, state cell, reviewer, date cell, comment)."""
    wb = openpyxl.Workbook()
    wb.active.title = "Deckblatt"
    ws = wb.create_sheet(layout.sheet_title(lang))
    ws.append([tr(column.header_key, lang) for column in layout.REVIEW_COLUMNS])
    for measure_id, state, reviewer, day, comment in rows:
        values = {"key": layout.review_key(assessment_id, measure_id), "measure_id": measure_id,
                  "title": f"Titel {measure_id}", "status": "Umgesetzt", "review_state": state,
                  "reviewer": reviewer, "review_date": day, "comment": comment,
                  "fingerprint": answer_fingerprint((answers or {}).get(measure_id))}
        ws.append([values.get(column.id) for column in layout.REVIEW_COLUMNS])
    for row in extra_rows:
        ws.append(row)
    ws.column_dimensions[layout.KEY_COLUMN.letter].hidden = True
    wb.save(path)
    return path


def import_review(*args: str) -> int:
    return main(["import-review", *map(str, args)])


@pytest.fixture
def reviewed(new_file):
    """The assessment with one measure already accepted, and the first six measure ids."""
    loaded = load_assessment(new_file)
    m = ids(loaded.catalogue, 6)
    set_review(loaded.assessment, m[5], "accepted", reviewer="Alt", day="2026-01-01", comment="ok")
    save_assessment(new_file, loaded.assessment)
    return new_file, loaded.assessment.id, m


def test_import_review_round_trip(reviewed, tmp_path, capsys):
    path, aid, m = reviewed
    rows = [
        (m[0], "abgelehnt", "Dr. Daten", datetime(2026, 3, 2), "Nachweis fehlt."),
        (m[1], "Rückfrage", "Dr. Daten", "2026-03-02", "Wer ist verantwortlich?"),
        (m[2], "accepted", "", "02.03.2026", ""),  # English label, German date, no reviewer
        (m[3], "", "", None, ""),  # untouched
        (m[4], "offen", "", None, ""),  # untouched
        (m[5], "akzeptiert", "Alt", datetime(2026, 1, 1), "ok"),  # as recorded
    ]
    book = review_workbook(tmp_path / "review.xlsx", aid, rows)
    assert import_review(path, book, "--by", "Prüferin") == 0
    out = capsys.readouterr().out
    assert f"{m[0]} (Zeile 2): Prüfung offen → abgelehnt" in out and f"{m[2]} (Zeile 4)" in out
    assert "3 Prüfungen geändert, 3 unverändert" in out
    a = load_assessment(path).assessment
    assert (a.measures[m[0]].review.state, a.measures[m[0]].review.date) == ("rejected", "2026-03-02")
    assert a.measures[m[0]].review.comment == "Nachweis fehlt."
    assert a.measures[m[1]].review.state == "question"
    assert (a.measures[m[2]].review.state, a.measures[m[2]].review.reviewer,
            a.measures[m[2]].review.date) == ("accepted", "Prüferin", "2026-03-02")
    assert m[3] not in a.measures and m[4] not in a.measures
    assert a.measures[m[5]].review.reviewer == "Alt"


def test_reordered_rows_are_matched_by_key(reviewed, tmp_path):
    path, aid, m = reviewed
    rows = [(m[i], "abgelehnt" if i % 2 else "akzeptiert", "DSB", "2026-03-02", f"c{i}") for i in range(5)]
    book = review_workbook(tmp_path / "review.xlsx", aid, list(reversed(rows)))
    assert import_review(path, book) == 0
    a = load_assessment(path).assessment
    assert [a.measures[m[i]].review.comment for i in range(5)] == [f"c{i}" for i in range(5)]
    assert [a.measures[m[i]].review.state for i in range(5)] == ["accepted", "rejected"] * 2 + ["accepted"]


def test_removed_rows_are_reported_and_left_alone(reviewed, tmp_path, capsys, catalogue):
    path, aid, m = reviewed
    book = review_workbook(tmp_path / "review.xlsx", aid, [(m[0], "akzeptiert", "DSB", "2026-03-02", "")])
    assert import_review(path, book) == 0
    out = capsys.readouterr().out
    assert f"{len(catalogue.measures) - 1} Maßnahmen haben keine Zeile" in out and m[5] in out
    assert load_assessment(path).assessment.measures[m[5]].review.state == "accepted"


def refused(path: Path, book: Path, capsys, *expected: str) -> None:
    before = path.read_bytes()
    assert import_review(path, book) == 2
    err = capsys.readouterr().err
    for text in expected:
        assert text in err, err
    assert "Traceback" not in err
    assert path.read_bytes() == before  # byte for byte


def test_workbook_of_another_assessment_is_refused(reviewed, tmp_path, capsys):
    path, aid, m = reviewed
    other = "00000000-0000-4000-8000-000000000000"
    book = review_workbook(tmp_path / "other.xlsx", other, [(m[0], "abgelehnt", "DSB", "2026-03-02", "x")])
    refused(path, book, capsys, "gehört zu einer anderen Bewertung", other, aid)


def test_a_bad_row_refuses_the_whole_import(reviewed, tmp_path, capsys):
    path, aid, m = reviewed
    rows = [(m[0], "abgelehnt", "DSB", "2026-03-02", "gut"), (m[1], "vielleicht", "DSB", "2026-03-02", ""),
            (m[2], "akzeptiert", "DSB", "2026-13-40", ""), (m[3], "akzeptiert", "DSB", "2026-03-02", "")]
    book = review_workbook(tmp_path / "review.xlsx", aid, rows)
    refused(path, book, capsys, "Zeile 3", "vielleicht", "Zeile 4", "2026-13-40")


def test_added_duplicated_and_unknown_rows_are_refused_naming_the_row(reviewed, tmp_path, capsys):
    path, aid, m = reviewed
    rows = [(m[0], "abgelehnt", "DSB", "2026-03-02", ""), (m[1], "akzeptiert", "DSB", "2026-03-02", ""),
            (m[0], "akzeptiert", "DSB", "2026-03-02", ""), ("ZZZ-999", "akzeptiert", "DSB", "2026-03-02", "")]
    hand_added = [None, "NEU-1", "", "Von Hand ergänzt", "", "", "", "", "akzeptiert", "DSB", "", ""]
    book = review_workbook(tmp_path / "review.xlsx", aid, rows, extra_rows=[hand_added])
    refused(path, book, capsys, "Zeile 4 wiederholt", "aus Zeile 2", "Zeile 5: Der Katalog", "ZZZ-999",
            "Zeile 6 hat keinen Schlüssel")


def test_sheet_header_and_file_problems_are_refused(reviewed, tmp_path, capsys):
    path, aid, m = reviewed
    book = review_workbook(tmp_path / "review.xlsx", aid, [(m[0], "abgelehnt", "DSB", "2026-03-02", "")])
    wb = openpyxl.load_workbook(book)
    wb[layout.sheet_title("de")].title = "Sonstiges"
    wb.save(tmp_path / "nosheet.xlsx")
    refused(path, tmp_path / "nosheet.xlsx", capsys, "kein Prüfblatt", "Sonstiges")
    wb = openpyxl.load_workbook(book)
    state_header = wb[layout.sheet_title("de")].cell(1, layout.COLUMN["review_state"].index)
    state_header.value = "Ergebnis?"
    wb.save(tmp_path / "noheader.xlsx")
    refused(path, tmp_path / "noheader.xlsx", capsys, "fehlt in Zeile 1 die Spalte")
    (tmp_path / "fake.xlsx").write_text("not a workbook", encoding="utf-8")
    refused(path, tmp_path / "fake.xlsx", capsys, "nicht als Excel-Arbeitsmappe")
    refused(path, tmp_path / "missing.xlsx", capsys, "missing.xlsx")


def test_moved_columns_are_found_by_their_header(reviewed, tmp_path):
    path, aid, m = reviewed
    book = review_workbook(tmp_path / "review.xlsx", aid, [(m[0], "Rejected", "DSB", "2026-03-02", "moved")],
                           lang="en")
    wb = openpyxl.load_workbook(book)
    ws = wb[layout.sheet_title("en")]
    ws.insert_cols(3)  # a column inserted by the DPO
    wb.save(book)
    assert import_review(path, book) == 0
    assert load_assessment(path).assessment.measures[m[0]].review.comment == "moved"


def test_nothing_to_change_writes_nothing(reviewed, tmp_path, capsys):
    path, aid, m = reviewed
    book = review_workbook(tmp_path / "review.xlsx", aid, [(m[5], "akzeptiert", "Alt", "2026-01-01", "ok")])
    before = path.read_bytes()
    assert import_review(path, book) == 0
    assert "nichts geändert" in capsys.readouterr().out
    assert path.read_bytes() == before


# -- import-review: through the real exporter and the real CLI ------------------------------------------------


def edit_exported(book: Path, edits: dict[str, tuple[str, str]], lang: str = "de") -> dict[str, int]:
    """Set (state label, comment) on the rows of some measures; returns measure id -> row."""
    wb = openpyxl.load_workbook(book)
    ws = wb[layout.sheet_title(lang)]
    rows = {}
    for row in range(layout.FIRST_DATA_ROW, ws.max_row + 1):
        key = layout.parse_review_key(ws.cell(row, layout.KEY_COLUMN.index).value)
        if key and key[1] in edits:
            state, comment = edits[key[1]]
            ws.cell(row, layout.COLUMN["review_state"].index).value = state
            ws.cell(row, layout.COLUMN["comment"].index).value = comment
            ws.cell(row, layout.COLUMN["reviewer"].index).value = "Dr. Daten"
            rows[key[1]] = row
    wb.save(book)
    return rows


def test_real_export_edit_import(cli, new_file, tmp_path, catalogue):
    pytest.importorskip("tom_audit.export.xlsx")
    book = tmp_path / "annex.xlsx"
    result = cli("export", str(new_file), "-o", str(book))
    assert result.returncode == 0, result.stderr
    m = ids(catalogue, 3)
    label = layout.state_label
    rows = edit_exported(book, {m[0]: (label("rejected", "de"), "Größe prüfen;\nzweite Zeile."),
                                m[2]: (label("question", "de"), "Seit wann?")})
    result = cli("import-review", str(new_file), str(book))
    assert result.returncode == 0, result.stderr
    assert f"{m[0]} (Zeile {rows[m[0]]})" in result.stdout and "2 Prüfungen geändert" in result.stdout
    a = load_assessment(new_file).assessment
    assert (a.measures[m[0]].review.state, a.measures[m[0]].review.comment) == ("rejected", "Größe prüfen;\nzweite Zeile.")
    assert a.measures[m[2]].review.state == "question" and a.measures[m[2]].review.reviewer == "Dr. Daten"
    assert "keine Zeile" not in result.stdout  # the export has a row for every measure
    # the same workbook again: nothing left to change
    again = cli("import-review", str(new_file), str(book))
    assert again.returncode == 0 and "nichts geändert" in again.stdout


def test_real_export_of_another_assessment_is_refused(cli, new_file, tmp_path, catalogue):
    pytest.importorskip("tom_audit.export.xlsx")
    other = tmp_path / "other.tom.yaml"
    assert cli("new", str(other)).returncode == 0
    book = tmp_path / "other.xlsx"
    assert cli("export", str(other), "-o", str(book)).returncode == 0
    edit_exported(book, {catalogue.measures[0].id: (layout.state_label("rejected", "de"), "x")})
    before = new_file.read_bytes()
    result = cli("import-review", str(new_file), str(book))
    assert result.returncode == 2 and "anderen Bewertung" in result.stderr
    assert new_file.read_bytes() == before


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_round_trip(cli, new_file, tmp_path, catalogue):
    pytest.importorskip("tom_audit.export.xlsx")
    book = tmp_path / "annex.xlsx"
    assert cli("export", str(new_file), "-o", str(book), "--lang", "en").returncode == 0
    m = ids(catalogue, 2)
    edit_exported(book, {m[0]: (layout.state_label("rejected", "en"), "Needs the restore report."),
                         m[1]: (layout.state_label("accepted", "en"), "")}, lang="en")
    out_dir = tmp_path / "lo"
    out_dir.mkdir()
    profile = tmp_path / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "xlsx",
                    "--outdir", str(out_dir), str(book)], check=True, capture_output=True, timeout=180)
    saved = out_dir / "annex.xlsx"
    assert saved.is_file()
    result = cli("import-review", str(new_file), str(saved))
    assert result.returncode == 0, result.stderr
    a = load_assessment(new_file).assessment
    assert (a.measures[m[0]].review.state, a.measures[m[0]].review.comment) == ("rejected", "Needs the restore report.")
    assert a.measures[m[1]].review.state == "accepted"


def test_reviewing_replaces_the_answer_and_leaves_the_old_one_as_it_was(new_file):
    """A save thread may be writing the previous Answer object while the DPO reviews:
    the core stores a new one instead of changing it."""
    from tom_audit.logic.answers import Edit, record
    from tom_audit.logic.review import set_review

    loaded = load_assessment(new_file)
    record(loaded.assessment, loaded.catalogue, "ENT-02", Edit(status="implemented", note="VdS-Anlage"))
    before = loaded.assessment.measures["ENT-02"]
    set_review(loaded.assessment, "ENT-02", "rejected", reviewer="DSB", comment="Nachweis fehlt",
               catalogue=loaded.catalogue)
    after = loaded.assessment.measures["ENT-02"]
    assert after is not before and before.review is None
    assert (after.review.state, after.note) == ("rejected", "VdS-Anlage")
