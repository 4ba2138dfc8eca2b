"""The export's rows, checked without opening Excel: annex, action plan, evidence register,
review rows, summary, Markdown and JSON, on the shipped example of a hosting company."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

import pytest

from tom_audit.export import review_layout as layout
from tom_audit.export.content import ExportOptions, build
from tom_audit.export.json_export import render_json
from tom_audit.export.markdown import md_cell, render_markdown
from tom_audit.export.text import cell_text, escape_cell_text, unescape_cell_text
from tom_audit.logic.applicability import effective_of
from tom_audit.logic.progress import progress
from tom_audit.store.assessment_store import load_assessment

from tests.conftest import EXAMPLE
TODAY = date(2026, 11, 21)
STAMP = datetime(2026, 11, 21, 9, 30, tzinfo=timezone.utc)


@pytest.fixture
def example():
    return load_assessment(EXAMPLE)


@pytest.fixture
def content(example):
    return build(example, "de", ExportOptions(today=TODAY, exported_on=STAMP))


def statuses(loaded):
    return {m.id: effective_of(loaded.assessment, m) for m in loaded.catalogue.measures}


# -- the example itself ----------------------------------------------------------------------


def test_the_example_is_a_complete_valid_assessment(example):
    assert example.warnings == [], "the catalogue changed: re-run examples/make_example.py"
    counts = progress(example.catalogue, example.assessment)
    assert counts.overall.open == 0  # every measure answered or decided by scoping
    assert all(c.total and c.answered == c.total for _, c in counts.categories)  # every category
    s = counts.overall.by_status
    assert s["implemented"] > 100 and s["partial"] >= 3 and s["planned"] >= 2 and s["not_implemented"] >= 2
    by_user = [a for a in example.assessment.measures.values() if a.status == "not_applicable"]
    assert by_user and all(a.note for a in by_user)  # N/A with reasons
    gaps = [a.gap for a in example.assessment.measures.values() if a.gap]
    assert len(gaps) >= 5 and all(g.owner and g.risk for g in gaps)
    assert any(g.due and date.fromisoformat(g.due) < TODAY and g.state in ("open", "in_progress") for g in gaps)
    items = [e for a in example.assessment.measures.values() for e in a.evidence]
    assert any(e.is_url for e in items) and any(e.sha256 for e in items)
    assert any(e.kind == "certificate" and e.valid_until and date.fromisoformat(e.valid_until) < TODAY for e in items)
    assert any(answer.answers for answer in example.assessment.measures.values())  # typed extra answers


def test_example_evidence_files_exist_and_match_their_hashes(example):
    from tom_audit.store.evidence_files import resolve_ref, sha256_of

    for answer in example.assessment.measures.values():
        for item in answer.evidence:
            path = resolve_ref(item, EXAMPLE)
            if path is not None:
                assert path.is_file(), item.ref
                assert sha256_of(path) == item.sha256, f"{item.ref}: re-run examples/make_example.py"


# -- annex ---------------------------------------------------------------------------------


def test_annex_lists_implemented_partial_and_na_only(example, content):
    state = statuses(example)
    listed = [r.measure_id for r in content.annex if r.role == "measure"]
    expected = [m.id for m in example.catalogue.measures
                if state[m.id].status in ("implemented", "partial", "not_applicable")]
    assert listed == expected
    assert not any(r.status == "planned" for r in content.annex)
    headings = [r.category_id for r in content.annex if r.role == "heading"]
    assert headings == [c.id for c in example.catalogue.categories]
    assert all(r.goal for r in content.annex if r.role == "heading")


def test_annex_rows_of_the_example(content, example):
    rows = {r.measure_id: r for r in content.annex if r.role == "measure"}
    assert rows["ACC-04"].status_label == "Umgesetzt"
    assert "Mindestlänge" in rows["ACC-04"].description and "12 Zeichen" in rows["ACC-04"].description
    assert rows["ACC-04"].evidence == "Richtlinie: Passwort- und Anmelderichtlinie v2.1"
    rec = rows["REC-01"].description
    assert "24 Std." in rec and "8 Std." in rec  # typed answers with their unit
    assert rows["AUT-04"].status == "partial" and rows["AUT-04"].status_label == "Teilweise"
    # N/A by the user: the reason and where the control lives instead
    assert rows["ACC-15"].status == "not_applicable" and "ACC-04" in rows["ACC-15"].description
    # N/A by scoping (no own server room): the catalogue's reason, as confirmed by the organisation
    reason = example.catalogue.measure_by_id["ENT-01"].not_applicable_reason.de
    assert not rows["ENT-01"].automatic and rows["ENT-01"].description == reason
    assert rows["ENT-01"].evidence == ""
    # an expired certificate is shown with its validity, not hidden
    assert "30.06.2026" in rows["ENT-09"].evidence


def test_annex_has_no_gap_details(example, content):
    text = "\n".join(f"{r.title} {r.description} {r.evidence} {r.status_label}" for r in content.annex)
    for answer in example.assessment.measures.values():
        if answer.gap:
            for secret in (answer.gap.description, answer.gap.action):
                if secret:
                    assert secret not in text
    for answer in example.assessment.measures.values():  # nor the DPO's review
        if answer.review and answer.review.comment:
            assert answer.review.comment not in text


def test_planned_measures_only_with_include_planned_and_then_with_their_date(example):
    content = build(example, "de", ExportOptions(include_planned=True, today=TODAY))
    planned = [r for r in content.annex if r.status == "planned"]
    ids = {r.measure_id for r in planned}
    assert {"SEP-08", "INP-05", "REC-04", "REV-03"} <= ids
    row = next(r for r in planned if r.measure_id == "REV-03")
    assert row.target_date == date(2027, 9, 30) and row.status_label == "Geplant bis 30.09.2027"
    english = build(example, "en", ExportOptions(include_planned=True, today=TODAY))
    row = next(r for r in english.annex if r.measure_id == "REV-03")
    assert row.status_label == "Planned by 2027-09-30"


def test_planned_without_a_date_says_so(new_file, catalogue):
    from tom_audit.logic.answers import Edit, record

    loaded = load_assessment(new_file)
    record(loaded.assessment, catalogue, "ACC-01", Edit(status="planned", note="Kommt."))
    row = next(r for r in build(loaded, "de", ExportOptions(include_planned=True)).annex if r.measure_id == "ACC-01")
    assert row.target_date is None and row.status_label == "Geplant (ohne Zieltermin)"


def test_a_category_with_nothing_to_show_says_so(new_file):
    content = build(load_assessment(new_file), "de", ExportOptions())
    assert [r.role for r in content.annex[:3]] == ["heading", "empty", "heading"]


# -- action plan, evidence, review -----------------------------------------------------------------


def test_action_plan_sorted_by_risk_then_due_date(content):
    rows = content.actions
    order = {"critical": 0, "high": 1, "medium": 2, "low": 3, "": 4}
    keys = [(order[r.risk], r.due or date.max) for r in rows]
    assert keys == sorted(keys)
    assert [r.measure_id for r in rows[:3]] == ["AUT-04", "PRC-02", "INP-05"]  # high: by due date


def test_action_plan_overdue_rows(content):
    overdue = {r.measure_id for r in content.actions if r.overdue}
    assert overdue == {"ENT-09", "AUT-04", "AUT-07", "REC-04"}
    accepted = next(r for r in content.actions if r.measure_id == "CRY-07")
    assert accepted.state == "risk_accepted" and not accepted.overdue and accepted.due is None


def test_action_plan_has_every_gap_and_every_shortfall(example, content):
    state = statuses(example)
    expected = {m.id for m in example.catalogue.measures
                if state[m.id].status in ("partial", "planned", "not_implemented")
                or example.assessment.answer(m.id).gap}
    assert {r.measure_id for r in content.actions} == expected
    row = next(r for r in content.actions if r.measure_id == "ENT-09")  # implemented, with a gap
    assert row.status_label == "Umgesetzt" and row.required_label == "Pflicht" and row.owner


def test_evidence_register(example, content):
    total = sum(len(a.evidence) for m in example.catalogue.measures for a in [example.assessment.answer(m.id)])
    assert len(content.evidence) == total
    expired = [r for r in content.evidence if r.expired]
    assert [r.ref for r in expired] == ["evidence/rz-leipzig-iso27001-zertifikat.txt"]
    assert expired[0].valid_until == date(2026, 6, 30) and expired[0].kind_label == "Zertifikat/Testat"
    assert all(len(r.sha256) == 64 for r in content.evidence if not r.is_url)


def test_review_rows_one_per_measure_with_stable_keys(example, content):
    assert [r.measure_id for r in content.review] == [m.id for m in example.catalogue.measures]
    first = content.review[0]
    assert first.key == f"{example.assessment.id}/{first.measure_id}"
    assert layout.parse_review_key(first.key) == (example.assessment.id, first.measure_id)
    by_id = {r.measure_id: r for r in content.review}
    assert by_id["ACC-06"].review_state == "rejected" and by_id["ACC-06"].review_state_label == "abgelehnt"
    assert by_id["ACC-06"].reviewer.startswith("Dr. Katrin Vogel") and by_id["ACC-06"].review_date == date(2026, 11, 10)
    assert by_id["ACC-09"].review_state_label == "offen" and by_id["ACC-09"].evidence_count == 1
    assert by_id["ENT-01"].note == example.catalogue.measure_by_id["ENT-01"].not_applicable_reason.de  # confirmed


def test_review_layout_contract():
    letters = [c.letter for c in layout.REVIEW_COLUMNS]
    assert letters == list("ABCDEFGHIJKLM")
    assert [c.id for c in layout.REVIEW_COLUMNS] == [
        "key", "measure_id", "category", "title", "required", "status", "note", "evidence_count",
        "review_state", "reviewer", "review_date", "comment", "fingerprint"]
    assert layout.SHEET_TITLES == {"de": "Prüfung", "en": "Review"}
    assert layout.state_from_label("Rückfrage") == "question" and layout.state_from_label(" Accepted ") == "accepted"
    assert layout.state_from_label("vielleicht") is None and layout.state_from_label("") is None
    assert layout.parse_review_key("no key") is None and layout.parse_review_key(None) is None
    assert layout.parse_review_key("'abc/X-1") == ("'abc", "X-1")  # no formula trigger: kept as is
    assert layout.parse_review_key("/X-1") == ("", "X-1")


def test_summary_equals_progress(example, content):
    expected = progress(example.catalogue, example.assessment)
    assert [(r.category_id, r.counts.as_dict()) for r in content.summary] == \
        [(c.id, counts.as_dict()) for c, counts in expected.categories]
    assert content.overall.as_dict() == expected.overall.as_dict()
    entry = content.summary[0]
    assert entry.coverage == entry.counts.by_status["implemented"] / entry.applicable


def test_cover(content):
    fields = {f.label: f.value for f in content.cover.fields}
    assert fields["Organisation (Auftragsverarbeiter)"] == "Beispiel Hosting GmbH"
    assert fields["Stand"] == date(2026, 11, 20)
    assert fields["Schutzbedarf"] == "hoch"
    assert "tom-art32" in fields["Katalog"] and "2026.2" in fields["Katalog"]
    assert fields["Version / Freigabe"] == "Entwurf: geändert seit der Freigabe von Version 1.0 am 28.11.2025"
    assert content.cover.draft and content.cover.status == fields["Version / Freigabe"]
    assert fields["Vollständigkeit"].startswith("Unvollständig: 5 Fehler laut Prüfung (lint)")
    assert fields["Prüfstand (Datenschutz)"].startswith("18 akzeptiert, 1 abgelehnt, 3 mit Rückfrage")
    assert fields["Überprüfung"] == "alle 12 Monate, nächste bis 20.11.2027"
    assert fields["Exportiert am"] == "21.11.2026 09:30"
    counts = {f.label: f.value for f in content.cover.counts}
    assert counts["Offene Lücken"].endswith("(davon 4 überfällig)")
    assert counts["Nachweise"].endswith("(davon 1 abgelaufen)")


def test_same_input_same_rows(example):
    options = ExportOptions(today=TODAY, exported_on=STAMP)
    assert build(example, "en", options) == build(load_assessment(EXAMPLE), "en", options)


# -- escaping --------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-5", "@SUM(A1)", "\tx", "\rx", "=1+1"])
def test_formula_triggers_are_escaped_and_unescaped(text):
    escaped = escape_cell_text(text)
    assert escaped == "'" + text and unescape_cell_text(escaped) == text


@pytest.mark.parametrize("text", ["Normal", "", "'quoted", "a=b", "1-2", "E-Mail", "'plain"])
def test_harmless_text_is_unchanged(text):
    assert escape_cell_text(text) == text and unescape_cell_text(text) == text


def test_cell_text_drops_what_xlsx_cannot_hold():
    assert cell_text("a\x00b\x1fc\nd\te") == "a\ufffdb\ufffdc\nd\te"
    assert len(cell_text("x" * 40_000)) == 32_767 and cell_text("=" * 40_000).startswith("'=")


# -- Markdown and JSON -------------------------------------------------------------------------


def test_markdown_has_annex_and_action_plan(content):
    text = render_markdown(content)
    assert text.startswith("# Anlage: Technische und organisatorische Maßnahmen nach Art. 32 DSGVO\n")
    assert "## Zutrittskontrolle (Art. 32 Abs. 1 lit. b DSGVO)" in text
    assert "| ACC-04 | Passwortrichtlinie" in text
    assert "# Maßnahmenplan" in text and "**in Arbeit · überfällig**" in text
    annex, plan = text.split("# Maßnahmenplan")
    assert "| SEP-08 |" not in annex and "| SEP-08 |" in plan  # planned: in the plan, not the annex
    assert all(line.count("|") >= 7 for line in text.splitlines() if line.startswith("| "))


def test_markdown_cells_cannot_break_the_table():
    assert md_cell("a | b\nc <script>") == "a \\| b<br>c &lt;script&gt;"


def test_json_has_everything_with_ids_and_labels(example, content):
    data = json.loads(render_json(content))
    assert data["format"] == "tom-audit/export" and data["language"] == "de"
    assert data["assessment"]["id"] == example.assessment.id
    assert data["summary"]["overall"] == progress(example.catalogue, example.assessment).overall.as_dict()
    assert len(data["review"]["rows"]) == len(example.catalogue.measures)
    assert data["action_plan"][0]["measure_id"] == "AUT-04" and data["action_plan"][0]["due"] == "2026-10-31"
    assert data["exported_on"] == "2026-11-21T09:30:00+00:00"
    expired = [e for e in data["evidence"] if e["expired"]]
    assert expired[0]["valid_until"] == "2026-06-30"


def test_json_keeps_user_text_as_typed(new_file, catalogue):
    from tom_audit.logic.answers import Edit, record

    loaded = load_assessment(new_file)
    record(loaded.assessment, catalogue, "ACC-01", Edit(status="implemented", note="=1+1"))
    data = json.loads(render_json(build(loaded, "en", ExportOptions())))
    assert next(r for r in data["annex"] if r["measure_id"] == "ACC-01")["description"] == "=1+1"
