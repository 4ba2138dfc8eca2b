"""Sign-off you can trust (issue 10): a verdict is bound to the answer it judged, approval is a
checklist, the annex states only what the organisation said, deprecated practices are never
required, and an export says what it leaves out. Core, CLI and workbook read-back."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tom_audit.cli.main import main
from tom_audit.export import ExportOptions, build, export
from tom_audit.logic import na_reasons
from tom_audit.logic.answers import Edit, record
from tom_audit.logic.approval import ApprovalRefused, approval_state, approve, blockers, completeness
from tom_audit.logic.lint import lint
from tom_audit.logic.review import answer_fingerprint, review_state, set_review
from tom_audit.model.assessment import Evidence
from tom_audit.store.assessment_store import load_assessment, save_assessment

openpyxl = pytest.importorskip("openpyxl")
layout = pytest.importorskip("tom_audit.export.review_layout")

DPO = "Dr. Daten (DSB)"
TODAY = date(2026, 6, 1)
OPTIONS = ExportOptions(today=TODAY)


def complete(loaded, *, review: bool = True):
    """Fill an assessment so that nothing blocks the approval: the annex details, every
    measure answered (deprecated practices: not implemented, the good answer), every answer
    accepted by the DPO."""
    a, c = loaded.assessment, loaded.catalogue
    a.organisation.name = "Muster GmbH"
    a.scope.service = "Lohnabrechnung"
    a.scope.responsible = "Erika Mustermann"
    for measure in c.measures:
        if measure.deprecated_reason:
            edit = Edit(status="not_implemented", note=f"Abgeschafft 2024; ersetzt durch {measure.replaced_by}.")
        else:
            edit = Edit(status="implemented", note="Seit 2024 umgesetzt, zuletzt am 10.01.2026 geprüft.")
        record(a, c, measure.id, edit, by="it")
    if review:
        for measure in c.measures:
            set_review(a, measure.id, "accepted", reviewer=DPO, day="2026-05-01")
    return loaded


def kinds(items) -> list[str]:
    return [b.kind for b in items]


# -- 1. a verdict is bound to the content it judged -------------------------------------------------


def test_accept_then_change_the_answer_shows_changed_everywhere(new_file):
    loaded = load_assessment(new_file)
    a, c = loaded.assessment, loaded.catalogue
    record(a, c, "ACC-02", Edit(status="implemented", note="MFA is enforced for all accounts"))
    set_review(a, "ACC-02", "accepted", reviewer=DPO)
    assert review_state(a.measures["ACC-02"]) == "accepted"
    save_assessment(new_file, a)
    loaded = load_assessment(new_file)  # the fingerprint survives the file
    a = loaded.assessment
    assert review_state(a.measures["ACC-02"]) == "accepted"
    record(a, c, "ACC-02", Edit(status="partial", note="MFA only for admins"))
    assert review_state(a.measures["ACC-02"]) == "changed"
    assert a.measures["ACC-02"].review.state == "accepted"  # what was said stays on record
    findings = [f for f in lint(c, a, today=TODAY) if f.measure_id == "ACC-02"]
    assert "TOM021" in {f.rule for f in findings}
    row = next(r for r in build(loaded, "de", OPTIONS).review if r.measure_id == "ACC-02")
    assert row.review_state == "changed" and row.review_state_label == "seit Prüfung geändert"
    assert "review_changed" in kinds(blockers(c, a, today=TODAY))


@pytest.mark.parametrize("edit", [
    Edit(note="anders"), Edit(answers={}), Edit(gap=None, clear_gap=True),
])
def test_what_the_fingerprint_covers(new_file, tmp_path, edit):
    loaded = load_assessment(new_file)
    a, c = loaded.assessment, loaded.catalogue
    record(a, c, "REC-01", Edit(status="partial", note="Backup nächtlich",
                                gap=__import__("tom_audit.model.assessment", fromlist=["Gap"]).Gap(action="x")))
    before = answer_fingerprint(a.measures["REC-01"])
    record(a, c, "REC-01", edit)
    after = answer_fingerprint(a.measures["REC-01"])
    assert (before != after) == (edit.note is not None or edit.clear_gap)
    # an evidence file counts by its hash, a link by its URL; the owner does not count
    base = answer_fingerprint(a.measures["REC-01"])
    record(a, c, "REC-01", Edit(owner="Neue Person"))
    assert answer_fingerprint(a.measures["REC-01"]) == base
    record(a, c, "REC-01", Edit(add_evidence=[Evidence(ref="doc.pdf", sha256="a" * 64)]))
    with_file = answer_fingerprint(a.measures["REC-01"])
    assert with_file != base
    a.measures["REC-01"].evidence[0].sha256 = "b" * 64  # the file was replaced
    assert answer_fingerprint(a.measures["REC-01"]) != with_file


def test_a_verdict_without_fingerprint_is_not_trusted(new_file):
    text = new_file.read_text(encoding="utf-8").replace(
        "measures: {}", 'measures:\n  ENT-01:\n    status: "implemented"\n    note: "x"\n'
                        '    review:\n      state: "accepted"\n      reviewer: "Hand"\n')
    new_file.write_text(text, encoding="utf-8")
    loaded = load_assessment(new_file)
    assert review_state(loaded.assessment.measures["ENT-01"]) == "changed"


def test_set_review_needs_a_name(new_file):
    loaded = load_assessment(new_file)
    with pytest.raises(Exception) as error:
        set_review(loaded.assessment, "ENT-01", "accepted", reviewer="  ")
    assert error.value.key == "review.needs_reviewer" and loaded.assessment.measures == {}


# -- 2. approval is a checklist ----------------------------------------------------------------------


def test_a_complete_assessment_has_no_blocker_and_is_approved(new_file):
    loaded = complete(load_assessment(new_file))
    a, c = loaded.assessment, loaded.catalogue
    assert blockers(c, a, today=TODAY) == []
    approval = approve(a, c, by=DPO, day=TODAY)
    assert not approval.forced and approval.open_items == []
    state = approval_state(loaded)
    assert state.approved and state.label("de") == f"Version 1.0, freigegeben am 01.06.2026 von {DPO}"
    assert state.label("en") == f"Version 1.0, approved on 2026-06-01 by {DPO}"


@pytest.mark.parametrize("spoil, kind, concerned", [
    (lambda a, c: setattr(a.organisation, "name", ""), "metadata_missing", "organisation"),
    (lambda a, c: setattr(a.scope, "responsible", ""), "metadata_missing", "responsible"),
    (lambda a, c: record(a, c, "CRY-01", Edit(status="not_implemented")), "lint_errors", "CRY-01"),
    (lambda a, c: a.measures.pop("ACC-04"), "unanswered_required", "ACC-04"),
    (lambda a, c: (a.measures.pop("ENT-11"), a.scoping.update(paper_records=False)), "na_unconfirmed", "ENT-11"),
    (lambda a, c: set_review(a, "ACC-01", "rejected", reviewer=DPO, comment="Nein"), "review_rejected", "ACC-01"),
    (lambda a, c: set_review(a, "ACC-01", "question", reviewer=DPO, comment="?"), "review_question", "ACC-01"),
    (lambda a, c: record(a, c, "ACC-01", Edit(note="anders")), "review_changed", "ACC-01"),
    (lambda a, c: set_review(a, "ACC-01", "open", reviewer=DPO), "review_open", "ACC-01"),
])
def test_approve_is_refused_per_blocker_then_forced_and_recorded(new_file, spoil, kind, concerned):
    loaded = complete(load_assessment(new_file))
    a, c = loaded.assessment, loaded.catalogue
    spoil(a, c)
    with pytest.raises(ApprovalRefused) as refused:
        approve(a, c, by=DPO, day=TODAY)
    assert a.approval is None
    found = {b.kind: b for b in refused.value.blockers}
    assert kind in found and concerned in found[kind].items
    assert concerned in found[kind].reason("de") and found[kind].reason("en")
    approval = approve(a, c, by=DPO, day=TODAY, force=True)
    assert approval.forced and any(line.startswith(f"{kind}: ") and concerned in line for line in approval.open_items)
    state = approval_state(a)
    assert state.approved and state.forced and "erzwungen" in state.label("de")


def test_cli_approve_lists_every_blocker_and_leaves_the_file_alone(cli, new_file, tmp_path):
    before = new_file.read_bytes()
    result = cli("approve", str(new_file), "--by", DPO, "--lang", "en")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "Details for the annex are missing: service, responsible" in result.stderr
    assert "applicable required measures are unanswered" in result.stderr
    assert new_file.read_bytes() == before
    result = cli("approve", str(new_file), "--by", DPO, "--force", "--lang", "en")
    assert result.returncode == 0, result.stderr
    approval = load_assessment(new_file).assessment.approval
    assert approval.forced and any(item.startswith("unanswered_required: ") for item in approval.open_items)
    out = tmp_path / "out.xlsx"
    assert cli("export", str(new_file), "-o", str(out)).returncode == 0
    cover = openpyxl.load_workbook(out)["Deckblatt"]
    texts = [str(v) for row in cover.iter_rows(values_only=True) for v in row if v]
    assert any(t.startswith("Version 1.0, freigegeben am") and "erzwungen" in t for t in texts)
    assert any("Pflichtmaßnahmen sind unbeantwortet" in t for t in texts)  # what was open, on the cover


def test_exports_say_draft_or_approved(new_file, tmp_path):
    loaded = complete(load_assessment(new_file))
    md, js, xl = tmp_path / "a.md", tmp_path / "a.json", tmp_path / "a.xlsx"
    export(loaded, md, fmt="md", lang="de", options=OPTIONS)
    assert "**Entwurf (nicht freigegeben)**" in md.read_text(encoding="utf-8")
    export(loaded, xl, fmt="xlsx", lang="de", options=OPTIONS)
    book = openpyxl.load_workbook(xl)
    assert book["Deckblatt"]["A3"].value == "Entwurf (nicht freigegeben)"
    assert book["Anlage TOM"]["A1"].value.endswith("· Entwurf (nicht freigegeben)")
    assert "ENTWURF" in book["Anlage TOM"].oddHeader.center.text  # on every printed page
    approve(loaded.assessment, loaded.catalogue, by=DPO, day=TODAY)
    export(loaded, js, fmt="json", lang="en", options=OPTIONS)
    doc = json.loads(js.read_text(encoding="utf-8"))
    assert doc["approval"]["draft"] is False and doc["approval"]["version"] == "1.0"
    assert doc["approval"]["label"] == f"Version 1.0, approved on 2026-06-01 by {DPO}"
    assert doc["completeness"]["complete"] is True
    export(loaded, xl, fmt="xlsx", lang="en", options=OPTIONS)
    book = openpyxl.load_workbook(xl)
    assert book["Cover"]["A3"].value == f"Version 1.0, approved on 2026-06-01 by {DPO}"
    assert not book["TOM annex"].oddHeader.center.text
    record(loaded.assessment, loaded.catalogue, "ACC-01", Edit(note="geändert"))
    export(loaded, md, fmt="md", lang="en", options=OPTIONS)
    assert "**Draft: changed since version 1.0 was approved on 2026-06-01**" in md.read_text(encoding="utf-8")


# -- import-review: stale rows, a key that does not match the row, no reviewer --------------------------


@pytest.fixture
def exported(new_file, tmp_path):
    """An assessment with two answers and the workbook exported from it."""
    loaded = load_assessment(new_file)
    a, c = loaded.assessment, loaded.catalogue
    record(a, c, "ACC-02", Edit(status="implemented", note="MFA is enforced for all accounts"))
    record(a, c, "ACC-03", Edit(status="implemented", note="Passwortrichtlinie v2"))
    save_assessment(new_file, a)
    book = tmp_path / "review.xlsx"
    export(load_assessment(new_file), book, fmt="xlsx", lang="de", options=OPTIONS)
    return new_file, book


def dpo_fills(book, verdicts: dict[str, tuple[str, str]], *, swap_visible: tuple[str, str] | None = None):
    wb = openpyxl.load_workbook(book)
    ws = wb[layout.sheet_title("de")]
    col = {c.id: c.index for c in layout.REVIEW_COLUMNS}
    for row in ws.iter_rows(min_row=layout.FIRST_DATA_ROW):
        measure_id = row[col["measure_id"] - 1].value
        if measure_id in verdicts:
            row[col["review_state"] - 1].value, row[col["reviewer"] - 1].value = verdicts[measure_id]
        if swap_visible and measure_id == swap_visible[0]:
            row[col["measure_id"] - 1].value = swap_visible[1]
    assert ws.column_dimensions[layout.FINGERPRINT_COLUMN.letter].hidden
    wb.save(book)


def test_stale_row_is_refused_or_skipped_with_a_warning(exported, capsys):
    path, book = exported
    dpo_fills(book, {"ACC-02": ("akzeptiert", DPO), "ACC-03": ("akzeptiert", DPO)})
    main(["set", str(path), "ACC-02", "--status", "partial", "--note", "MFA only for admins", "--by", "it"])
    before = path.read_bytes()
    capsys.readouterr()
    assert main(["import-review", str(path), str(book)]) == 2
    err = capsys.readouterr().err
    assert "ACC-02" in err and "seit dem Export der Arbeitsmappe geändert" in err and "ACC-03" not in err
    assert path.read_bytes() == before
    assert main(["import-review", str(path), str(book), "--skip-stale"]) == 0
    err = capsys.readouterr().err
    assert "1 Zeilen übersprungen" in err and "ACC-02" in err
    a = load_assessment(path).assessment
    assert review_state(a.measures["ACC-03"]) == "accepted" and a.measures["ACC-03"].review.reviewer == DPO
    assert a.measures["ACC-02"].review is None  # the verdict on the old text was not applied


def test_key_that_does_not_match_the_visible_id_is_refused(exported, capsys):
    path, book = exported
    dpo_fills(book, {"ACC-02": ("abgelehnt", DPO)}, swap_visible=("ACC-02", "ENT-01"))
    before = path.read_bytes()
    assert main(["import-review", str(path), str(book)]) == 2
    err = capsys.readouterr().err
    assert "gehört zu ACC-02, die Zeile zeigt aber ENT-01" in err
    assert path.read_bytes() == before


def test_a_verdict_needs_a_reviewer_never_the_login_name(exported, capsys, monkeypatch):
    monkeypatch.setenv("USER", "os-user")
    monkeypatch.setenv("LOGNAME", "os-user")
    path, book = exported
    dpo_fills(book, {"ACC-02": ("akzeptiert", None)})
    before = path.read_bytes()
    assert main(["import-review", str(path), str(book)]) == 2
    assert "nennt keine prüfende Person" in capsys.readouterr().err
    assert path.read_bytes() == before
    assert main(["import-review", str(path), str(book), "--by", DPO]) == 0
    review = load_assessment(path).assessment.measures["ACC-02"].review
    assert review.reviewer == DPO and review_state(load_assessment(path).assessment.measures["ACC-02"]) == "accepted"


def test_a_re_verdict_on_a_changed_answer_rebinds_it(exported):
    path, book = exported
    loaded = load_assessment(path)
    set_review(loaded.assessment, "ACC-02", "accepted", reviewer=DPO)
    record(loaded.assessment, loaded.catalogue, "ACC-02", Edit(note="MFA für alle Konten, auch Dienstkonten"))
    save_assessment(path, loaded.assessment)
    fresh = path.parent / "fresh.xlsx"
    export(load_assessment(path), fresh, fmt="xlsx", lang="de", options=OPTIONS)
    state = next(r for r in openpyxl.load_workbook(fresh)["Prüfung"].iter_rows(values_only=True) if r[1] == "ACC-02")
    assert state[8] == "seit Prüfung geändert"
    assert main(["import-review", str(path), str(fresh)]) == 0  # the mark left as it is: nothing changes
    assert review_state(load_assessment(path).assessment.measures["ACC-02"]) == "changed"
    wb = openpyxl.load_workbook(fresh)
    row = next(r for r in wb["Prüfung"].iter_rows(min_row=2) if r[1].value == "ACC-02")
    row[layout.COLUMN["comment"].index - 1].value = "Dienstkonten?"  # a comment, but no verdict
    wb.save(fresh)
    before = path.read_bytes()
    assert main(["import-review", str(path), str(fresh), "--by", DPO]) == 2
    assert path.read_bytes() == before
    dpo_fills(fresh, {"ACC-02": ("akzeptiert", DPO)})
    assert main(["import-review", str(path), str(fresh)]) == 0
    assert review_state(load_assessment(path).assessment.measures["ACC-02"]) == "accepted"


# -- 3. the annex states only what the organisation said ----------------------------------------------


def test_suggested_na_is_open_until_confirmed(new_file, cli):
    loaded = load_assessment(new_file)
    a, c = loaded.assessment, loaded.catalogue
    for measure in c.measures:  # rule out everything that can be ruled out
        if measure.applies_if:
            for key, value in _ruling_out(c, measure).items():
                a.scoping.setdefault(key, value)
    save_assessment(new_file, a)
    loaded = load_assessment(new_file)
    rows = {r.measure_id: r for r in build(loaded, "de", OPTIONS).annex if r.role == "measure"}
    suggested = [m.id for m in c.measures if na_reasons.suggestion(c, loaded.assessment, m) is not None]
    citing = [mid for mid in suggested if na_reasons.unsupported(
        na_reasons.suggestion(c, loaded.assessment, c.measure_by_id[mid]).de, c, loaded.assessment, mid)]
    suggested = [mid for mid in suggested if mid not in citing]
    assert suggested and citing
    before = new_file.read_bytes()
    result = cli("confirm-na", str(new_file), citing[0])  # its claim leans on a measure nobody answered
    assert result.returncode == 2 and "nicht umgesetzte" in result.stderr and new_file.read_bytes() == before
    first = suggested[0]
    assert rows[first].status == "open" and rows[first].description == ""
    assert "nur vom Katalog vorgeschlagen" in rows[first].status_label
    assert "TOM023" in {f.rule for f in lint(c, loaded.assessment, today=TODAY)}
    result = cli("confirm-na", str(new_file), first)
    assert result.returncode == 0, result.stderr
    loaded = load_assessment(new_file)
    rows = {r.measure_id: r for r in build(loaded, "de", OPTIONS).annex if r.role == "measure"}
    reason = c.measure_by_id[first].not_applicable_reason.de
    assert rows[first].status == "not_applicable" and rows[first].description == reason
    result = cli("confirm-na", str(new_file), suggested[1], "--reason", "Wir haben keine Büros; alle arbeiten remote.")
    assert result.returncode == 0, result.stderr
    assert load_assessment(new_file).assessment.measures[suggested[1]].note.startswith("Wir haben keine Büros")
    before = new_file.read_bytes()
    assert cli("confirm-na", str(new_file), "ACC-01").returncode == 2  # nothing to confirm there
    assert cli("confirm-na", str(new_file)).returncode == 2
    assert new_file.read_bytes() == before


def test_a_reason_citing_an_unimplemented_measure_is_not_printed(new_file, cli):
    loaded = load_assessment(new_file)
    a, c = loaded.assessment, loaded.catalogue
    record(a, c, "ACC-15", Edit(status="not_applicable", note="Wird nicht gemacht (siehe ACC-04)."))
    findings = [f for f in lint(c, a, today=TODAY) if f.measure_id == "ACC-15"]
    assert "TOM022" in {f.rule for f in findings}
    row = next(r for r in build(loaded, "de", OPTIONS).annex if r.measure_id == "ACC-15")
    assert row.status == "open" and "ACC-04" in row.status_label and "siehe ACC-04" not in row.description
    record(a, c, "ACC-04", Edit(status="implemented", note="Passwortrichtlinie v2.1"))
    row = next(r for r in build(loaded, "de", OPTIONS).annex if r.measure_id == "ACC-15")
    assert row.status == "not_applicable" and row.description == "Wird nicht gemacht (siehe ACC-04)."
    assert "TOM022" not in {f.rule for f in lint(c, a, today=TODAY) if f.measure_id == "ACC-15"}


def _ruling_out(catalogue, measure) -> dict:
    """Scoping answers that rule `measure` out."""
    answers = {}
    for question_id, wanted in measure.applies_if.items():
        allowed = wanted if isinstance(wanted, list) else [wanted]
        question = catalogue.scoping_by_id[question_id]
        options = [True, False] if question.type == "bool" else [o.id for o in question.options]
        answers[question_id] = next(o for o in options if o not in allowed)
    return answers


def test_confirm_all_leaves_suggestions_that_lean_on_open_measures(new_file, cli, catalogue):
    # a suggestion saying the control lives elsewhere (catalogue `see:`), nothing of it implemented
    measure = next(m for m in catalogue.measures if m.see and m.applies_if and m.not_applicable_reason)
    loaded = load_assessment(new_file)
    loaded.assessment.scoping.update(_ruling_out(catalogue, measure))
    save_assessment(new_file, loaded.assessment)
    result = cli("confirm-na", str(new_file), "--all", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert f"{measure.id}: not confirmed" in result.stderr and measure.see[0] in result.stderr
    assert measure.id not in load_assessment(new_file).assessment.measures
    row = next(r for r in build(load_assessment(new_file), "en", OPTIONS).annex if r.measure_id == measure.id)
    assert row.status == "open" and row.description == ""
    # once one of the places it names is implemented, the suggestion can be confirmed
    loaded = load_assessment(new_file)
    record(loaded.assessment, loaded.catalogue, measure.see[0], Edit(status="implemented", note="Seit 2024."))
    save_assessment(new_file, loaded.assessment)
    result = cli("confirm-na", str(new_file), measure.id)
    assert result.returncode == 0, result.stderr
    row = next(r for r in build(load_assessment(new_file), "en", OPTIONS).annex if r.measure_id == measure.id)
    assert row.status == "not_applicable" and row.description == measure.not_applicable_reason.de


# -- 4. deprecated practices are never required -------------------------------------------------------


def test_deprecated_not_implemented_is_the_good_answer(new_file):
    loaded = load_assessment(new_file)
    a, c = loaded.assessment, loaded.catalogue
    measure = c.measure_by_id["ACC-15"]
    assert measure.deprecated_reason and not measure.required_at("sehr_hoch")
    record(a, c, "ACC-15", Edit(status="not_implemented", note="Kein erzwungener Wechsel (BSI ORP.4)."))
    content = build(loaded, "de", OPTIONS)
    assert "ACC-15" not in {r.measure_id for r in content.actions}
    assert {r.measure_id: r for r in content.review}["ACC-15"].required_label == "überholt"
    assert not {"TOM008", "TOM015"} & {f.rule for f in lint(c, a, today=TODAY) if f.measure_id == "ACC-15"}
    from tom_audit.logic.progress import progress

    overall = progress(c, a).overall
    before = overall.required
    a.measures.pop("ACC-15")
    assert progress(c, a).overall.required == before  # never in the required counts


# -- 5. export tells what it leaves out -------------------------------------------------------------


def test_export_prints_one_line_about_what_it_leaves_out(cli, new_file, tmp_path):
    result = cli("export", str(new_file), "-o", str(tmp_path / "a.md"), "--lang", "en")
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if "Incomplete:" in line]
    assert len(lines) == 1 and "applicable measures unanswered" in lines[0]
    assert "Incomplete:" in (tmp_path / "a.md").read_text(encoding="utf-8")
    loaded = complete(load_assessment(new_file))
    assert completeness(loaded.catalogue, loaded.assessment, today=TODAY).complete
    save_assessment(new_file, loaded.assessment)
    result = cli("export", str(new_file), "-o", str(tmp_path / "b.md"), "--lang", "en")
    assert result.returncode == 0 and "Incomplete" not in result.stderr
