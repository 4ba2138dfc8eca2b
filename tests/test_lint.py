"""Lint: every rule with a case that fires and one that does not, on a small catalogue
written here (so the bundled catalogue may change freely); messages in both languages;
the command's text and JSON output and exit codes through the real CLI."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from tom_audit.i18n import de, en, has
from tom_audit.logic import lint as lint_module
from tom_audit.logic.dates import add_months
from tom_audit.logic.lint import (
    ERROR, INFO, RULES, WARNING, Finding, by_category, by_measure, counts, fails, general, lint,
    vague_phrases,
)
from tom_audit.logic.review import approve
from tom_audit.model.assessment import Answer, Approval, Evidence, Gap, Review
from tom_audit.store.assessment_store import new_assessment, save_assessment
from tom_audit.store.catalogue_store import load_catalogue_file

REPO = Path(__file__).resolve().parents[1]
TODAY = date(2026, 6, 15)
SHA_A = "a" * 64
SHA_B = "b" * 64

CATALOGUE_YAML = """\
format: tom-audit/catalogue
format_version: 1
id: lint-test
version: "1"
title: {de: "Lint-Test", en: "Lint test"}
scoping:
  - id: own_premises
    question: {de: "Eigene Büros?", en: "Own offices?"}
  - id: hosting
    type: choice
    question: {de: "Wo?", en: "Where?"}
    options:
      - {id: own_datacenter, label: {de: "Eigener Serverraum", en: "Own server room"}}
      - {id: cloud_only, label: {de: "Nur Cloud", en: "Cloud only"}}
categories:
  - {id: entry, title: {de: "Zutrittskontrolle", en: "Physical entry control"}, goal: {de: "Z", en: "Z"}}
  - {id: crypto, title: {de: "Verschlüsselung", en: "Encryption"}, goal: {de: "V", en: "V"}}
  - {id: recovery, title: {de: "Wiederherstellung", en: "Recovery"}, goal: {de: "W", en: "W"}}
  - {id: review, title: {de: "Überprüfung", en: "Review"}, goal: {de: "Ü", en: "R"}}
measures:
  - id: ENT-01
    category: entry
    kind: technical
    title: {de: "Schließanlage Büro", en: "Office locks"}
    guidance: {de: "G", en: "G"}
    evidence: [{kind: policy, hint: {de: "H", en: "H"}}]
    level: normal
    references: {}
    applies_if: {own_premises: true}
    not_applicable_reason: {de: "Keine eigenen Büros.", en: "No own offices."}
  - id: ENT-02
    category: entry
    kind: technical
    title: {de: "Bewachter Serverraum", en: "Guarded server room"}
    guidance: {de: "G", en: "G"}
    evidence: [{kind: policy, hint: {de: "H", en: "H"}}]
    level: normal
    references: {}
    applies_if: {hosting: own_datacenter}
    not_applicable_reason: {de: "Kein eigener Serverraum.", en: "No own server room."}
  - id: CRY-01
    category: crypto
    kind: technical
    title: {de: "TLS", en: "TLS"}
    guidance: {de: "G", en: "G"}
    evidence: [{kind: config, hint: {de: "H", en: "H"}}]
    level: normal
    references: {}
  - id: REC-01
    category: recovery
    kind: organisational
    title: {de: "RPO festgelegt", en: "RPO defined"}
    guidance: {de: "G", en: "G"}
    evidence: [{kind: policy, hint: {de: "H", en: "H"}}]
    level: normal
    references: {}
    questions:
      - {id: rpo_hours, type: number, label: {de: "RPO in Stunden", en: "RPO in hours"}, min: 0}
  - id: REC-02
    category: recovery
    kind: organisational
    title: {de: "Georedundanz", en: "Geo-redundancy"}
    guidance: {de: "G", en: "G"}
    evidence: [{kind: report, hint: {de: "H", en: "H"}}]
    level: hoch
    references: {}
  - id: REV-01
    category: review
    kind: organisational
    title: {de: "Passwortwechsel alle 90 Tage", en: "Password change every 90 days"}
    guidance: {de: "G", en: "G"}
    evidence: [{kind: policy, hint: {de: "H", en: "H"}}]
    level: normal
    references: {}
    deprecated:
      reason: {de: "Erzwungener Wechsel schwächt Passwörter.", en: "Forced change weakens passwords."}
      replaced_by: REV-02
  - id: REV-02
    category: review
    kind: organisational
    title: {de: "Jährliche TOM-Prüfung", en: "Annual TOM review"}
    guidance: {de: "G", en: "G"}
    evidence: [{kind: report, hint: {de: "H", en: "H"}}]
    level: normal
    references: {}
"""


@pytest.fixture
def small(tmp_path):
    path = tmp_path / "lint-test.yaml"
    path.write_text(CATALOGUE_YAML, encoding="utf-8")
    return load_catalogue_file(path)


def good_evidence(**kw) -> Evidence:
    return Evidence(**{"ref": "https://intranet.example/doc", "kind": "policy", "date": "2026-05-01", **kw})


def done(note: str = "Konfiguriert am 2026-05-01, geprüft durch IT.", **kw) -> Answer:
    return Answer(**{"status": "implemented", "note": note, "evidence": [good_evidence()], **kw})


def clean(small):
    """An assessment on the small catalogue with no finding at all."""
    a = new_assessment(small, source="lint-test.yaml", organisation="Muster GmbH", now="2026-05-01T10:00:00+02:00")
    a.scope.responsible = "Erika Mustermann"
    a.scope.service = "Lohnabrechnung"
    a.scoping = {"own_premises": True, "hosting": "cloud_only"}
    a.measures = {
        "ENT-01": done(),
        "CRY-01": done(),
        "REC-01": done(answers={"rpo_hours": 24}),
        "REC-02": Answer(status="not_implemented", note="Nicht erforderlich bei Schutzbedarf normal."),
        "REV-01": Answer(status="not_implemented", note="Abgeschafft 2024; ersetzt durch REV-02."),
        "REV-02": done(),
        # ruled out by the scoping answers; the catalogue's suggested reason, confirmed (TOM023)
        "ENT-02": Answer(status="not_applicable", note="Kein eigener Serverraum; Hosting nur in der Cloud."),
    }
    return a


def run(small, a, **kw) -> list[Finding]:
    return lint(small, a, today=kw.pop("today", TODAY), **kw)


def rules(findings, measure: str | None = "*") -> set[str]:
    return {f.rule for f in findings if measure == "*" or f.measure_id == measure}


def test_the_clean_assessment_has_no_finding(small):
    assert run(small, clean(small)) == []


def test_rule_ids_are_unique_and_documented():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"TOM\d{3}", i) for i in ids)
    doc = (REPO / "docs" / "lint-rules.md").read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| (TOM\d{3}) \| (error|warning|info)", doc, flags=re.M))
    assert table == {r.id: r.severity for r in RULES}


def test_every_rule_has_title_message_and_hint_in_both_languages():
    for rule in RULES:
        for table in (de.STRINGS, en.STRINGS):
            assert f"lint.title.{rule.id}" in table
            assert f"lint.{rule.name}" in table and f"lint.{rule.name}.hint" in table


def test_lint_review_diff_strings_match_across_languages():
    from tom_audit.i18n.de import lint as de_lint
    from tom_audit.i18n.en import lint as en_lint

    assert set(de_lint.STRINGS) == set(en_lint.STRINGS)
    field = re.compile(r"{(\w+)")
    for key, text in de_lint.STRINGS.items():
        assert set(field.findall(text)) == set(field.findall(en_lint.STRINGS[key])), key
        assert key.split(".")[0] in ("lint", "diff", "review", "problem"), key
    assert set(de_lint.STRINGS) <= set(de.STRINGS) and set(en_lint.STRINGS) <= set(en.STRINGS)


# -- TOM001 vague wording ----------------------------------------------------------------------


@pytest.mark.parametrize("note", [
    "Backups werden regelmäßig erstellt.", "Angemessene Maßnahmen nach dem Stand der Technik.",
    "Soweit möglich verschlüsselt.", "Updates bei Bedarf.", "Regular backups are taken.",
    "Appropriate measures, state of the art.",
])
def test_vague_wording_fires(small, note):
    a = clean(small)
    a.measures["CRY-01"].note = note
    findings = [f for f in run(small, a) if f.rule == "TOM001"]
    assert [f.measure_id for f in findings] == ["CRY-01"] and findings[0].severity == WARNING


@pytest.mark.parametrize("note", [
    "Backups regelmäßig, alle 24 Stunden.", "Täglich um 02:00 gesichert.", "Weekly restore test.",
    "TLS 1.2 und 1.3 auf allen Endpunkten.", "Verschlüsselt mit dem KMS des Anbieters.",
])
def test_vague_wording_does_not_fire_with_a_fact(small, note):
    a = clean(small)
    a.measures["CRY-01"].note = note
    assert "TOM001" not in rules(run(small, a))


def test_a_typed_answer_is_the_concrete_fact(small):
    a = clean(small)
    a.measures["REC-01"].note = "Backups regelmäßig."
    assert "TOM001" not in rules(run(small, a), "REC-01")
    a.measures["REC-01"].answers = {}
    assert "TOM001" in rules(run(small, a), "REC-01")


def test_vague_phrases_are_reported_once_each():
    assert vague_phrases("angemessen und angemessen, regelmäßig") == ["angemessen", "regelmäßig"]
    assert vague_phrases("") == [] and vague_phrases("regelmäßig, jährlich") == []


# -- TOM002 evidence -----------------------------------------------------------------------------


def test_no_evidence(small):
    a = clean(small)
    a.measures["CRY-01"].evidence = []
    a.measures["REC-02"] = Answer(status="planned", gap=Gap(due="2026-12-01"))
    findings = run(small, a)
    assert rules(findings, "CRY-01") == {"TOM002"}
    assert "TOM002" not in rules(findings, "REC-02")  # planned: nothing claimed yet
    a.measures["CRY-01"].status = "partial"
    a.measures["CRY-01"].gap = Gap(action="Rest", owner="IT", due="2026-09-01")
    assert "TOM002" in rules(run(small, a), "CRY-01")


def test_hints_name_keys_in_the_ui_and_commands_on_the_command_line(small):
    a = clean(small)
    a.measures["CRY-01"].evidence = []
    finding = next(f for f in run(small, a) if f.rule == "TOM002")
    assert "tom-audit set" in finding.hint("de") and "Taste e" not in finding.hint("de")
    assert "Taste e" in finding.hint("de", ui=True) and "key e" in finding.hint("en", ui=True)
    a.measures["REC-02"] = Answer(status="not_applicable")  # TOM007 has no UI wording
    other = next(f for f in run(small, a) if f.rule == "TOM007")
    assert not has(f"{other.key}.hint.ui", "de")
    assert other.hint("de", ui=True) == other.hint("de")


# -- TOM003/TOM004/TOM016 evidence age and validity --------------------------------------------------


def test_evidence_expired(small):
    a = clean(small)
    a.measures["CRY-01"].evidence = [good_evidence(valid_until="2026-06-14")]
    assert rules(run(small, a), "CRY-01") == {"TOM003"}
    a.measures["CRY-01"].evidence = [good_evidence(valid_until="2026-06-15")]
    assert rules(run(small, a), "CRY-01") == set()


def test_evidence_older_than_the_review_interval(small):
    a = clean(small)
    a.measures["CRY-01"].evidence = [good_evidence(date="2025-06-14")]
    assert rules(run(small, a), "CRY-01") == {"TOM004"}
    a.measures["CRY-01"].evidence = [good_evidence(date="2025-06-15")]
    assert rules(run(small, a), "CRY-01") == set()
    a.measures["CRY-01"].evidence = [good_evidence(date="2024-01-01", valid_until="2027-01-01")]
    assert rules(run(small, a), "CRY-01") == set()  # a valid certificate may be old
    a.measures["CRY-01"].evidence = [good_evidence(date="2024-01-01")]
    a.scope.review_interval_months = 36
    assert rules(run(small, a), "CRY-01") == set()


def test_certificate_without_validity(small):
    a = clean(small)
    a.measures["CRY-01"].evidence = [good_evidence(kind="certificate")]
    findings = run(small, a)
    assert rules(findings, "CRY-01") == {"TOM016"} and findings[0].severity == INFO
    assert not fails(findings)
    a.measures["CRY-01"].evidence = [good_evidence(kind="certificate", valid_until="2027-01-01")]
    assert rules(run(small, a), "CRY-01") == set()


# -- TOM005/TOM006 evidence files ----------------------------------------------------------------------


def test_evidence_file_checks_go_through_the_injected_reader(small, tmp_path):
    a = clean(small)
    a.measures["CRY-01"].evidence = [
        good_evidence(ref="evidence/missing.pdf", sha256=SHA_A),
        good_evidence(ref="evidence/changed.pdf", sha256=SHA_A),
        good_evidence(ref="evidence/same.pdf", sha256=SHA_A),
        good_evidence(ref="https://example.org/report"),
    ]
    files = {tmp_path / "evidence" / "changed.pdf": SHA_B, tmp_path / "evidence" / "same.pdf": SHA_A}
    seen = []

    def fake_sha(path: Path):
        seen.append(path)
        return files.get(path)

    findings = run(small, a, evidence_base=tmp_path, file_sha=fake_sha)
    got = {(f.rule, f.params["ref"]) for f in findings if f.measure_id == "CRY-01"}
    assert got == {("TOM005", "evidence/missing.pdf"), ("TOM006", "evidence/changed.pdf")}
    assert len(seen) == 3  # never for a URL
    assert rules(run(small, a, evidence_base=None, file_sha=fake_sha), "CRY-01") == set()


def test_evidence_file_checks_on_real_files(small, tmp_path):
    from tom_audit.store.evidence_files import sha256_of

    doc = tmp_path / "policy.pdf"
    doc.write_bytes(b"%PDF- policy")
    a = clean(small)
    a.measures["CRY-01"].evidence = [good_evidence(ref="policy.pdf", sha256=sha256_of(doc))]
    assert rules(run(small, a, evidence_base=tmp_path), "CRY-01") == set()
    doc.write_bytes(b"%PDF- policy, edited")
    assert rules(run(small, a, evidence_base=tmp_path), "CRY-01") == {"TOM006"}
    doc.unlink()
    assert rules(run(small, a, evidence_base=tmp_path), "CRY-01") == {"TOM005"}


# -- TOM007 not applicable without a reason ----------------------------------------------------------


def test_not_applicable_without_reason(small):
    a = clean(small)
    a.measures["CRY-01"] = Answer(status="not_applicable", note="  ")
    findings = run(small, a)
    assert "TOM007" in rules(findings, "CRY-01")
    assert [f.severity for f in findings if f.rule == "TOM007"] == [ERROR]
    a.measures["CRY-01"].note = "Verschlüsselung durch den Hosting-Anbieter (Unterauftragnehmer)."
    assert "TOM007" not in rules(run(small, a))


def test_automatic_not_applicable_has_its_reason(small):
    a = clean(small)
    a.scoping["own_premises"] = False
    del a.measures["ENT-01"]  # automatic N/A by scoping: the catalogue's suggestion, not yet confirmed
    assert rules(run(small, a)) == {"TOM023"}
    a.measures["ENT-01"] = Answer(status="not_applicable")  # said by hand, but scoping gives the reason
    assert "TOM007" not in rules(run(small, a))


# -- TOM008 required without a gap plan; TOM015 planned without a date; TOM009 overdue ---------------


def test_required_not_implemented_needs_a_gap_plan(small):
    a = clean(small)
    a.measures["CRY-01"] = Answer(status="not_implemented", note="Noch offen.")
    finding = next(f for f in run(small, a) if f.rule == "TOM008")
    assert finding.measure_id == "CRY-01" and finding.severity == ERROR
    assert "action, owner, due date" in finding.message("en")
    a.measures["CRY-01"].gap = Gap(action="TLS einführen", owner="IT", due="2026-09-30")
    assert "TOM008" not in rules(run(small, a))
    a.measures["CRY-01"].gap = Gap(action="TLS einführen", due="2026-09-30")
    finding = next(f for f in run(small, a) if f.rule == "TOM008")
    assert finding.message("en").endswith("lacks: owner.")
    a.measures["CRY-01"].gap = Gap(state="risk_accepted", description="Nur interne Daten.")
    assert "TOM008" not in rules(run(small, a))


def test_a_measure_above_the_protection_need_needs_no_plan(small):
    a = clean(small)
    a.measures["REC-02"] = Answer(status="not_implemented", note="Nicht vorhanden.")
    assert "TOM008" not in rules(run(small, a))
    a.scope.protection_need = "hoch"
    assert "TOM008" in rules(run(small, a), "REC-02")


def test_planned_needs_a_target_date(small):
    a = clean(small)
    a.measures["REC-02"] = Answer(status="planned", note="Zweites Rechenzentrum.")
    assert rules(run(small, a), "REC-02") == {"TOM015"}
    a.measures["REC-02"].gap = Gap(due="2026-12-31")
    assert rules(run(small, a), "REC-02") == set()
    a.measures["CRY-01"] = Answer(status="planned", note="TLS 1.3")  # required: TOM008 says it all
    assert rules(run(small, a), "CRY-01") == {"TOM008"}


def test_gap_past_its_due_date(small):
    a = clean(small)
    a.measures["CRY-01"] = Answer(status="partial", note="TLS 1.2 extern, intern noch nicht.",
                                  evidence=[good_evidence()],
                                  gap=Gap(action="Intern TLS", owner="IT", due="2026-06-14"))
    finding = next(f for f in run(small, a) if f.rule == "TOM009")
    assert finding.params["days"] == 1 and finding.severity == ERROR
    a.measures["CRY-01"].gap.due = "2026-06-15"
    assert "TOM009" not in rules(run(small, a))
    a.measures["CRY-01"].gap.due = "2026-01-01"
    a.measures["CRY-01"].gap.state = "done"
    assert "TOM009" not in rules(run(small, a))


# -- TOM010 category with nothing implemented ------------------------------------------------------------


def test_category_with_nothing_implemented(small):
    a = clean(small)
    a.measures["CRY-01"] = Answer(status="not_implemented", note="x", gap=Gap(action="a", owner="o", due="2026-12-01"))
    a.measures["ENT-01"] = Answer(status="partial", note="Schlösser, 3 Türen", evidence=[good_evidence()])
    findings = [f for f in run(small, a) if f.rule == "TOM010"]
    assert {(f.category_id, f.severity) for f in findings} == {("crypto", ERROR), ("entry", WARNING)}
    assert all(f.measure_id is None for f in findings)
    assert by_category(findings).keys() == {"crypto", "entry"}
    assert "Encryption" in next(f for f in findings if f.category_id == "crypto").message("en")


def test_a_category_that_does_not_apply_is_not_empty(small):
    a = clean(small)
    a.scoping["own_premises"] = False
    del a.measures["ENT-01"]
    assert "TOM010" not in rules(run(small, a))


# -- TOM011 contradiction with the scoping answers -----------------------------------------------------


def test_claimed_measure_ruled_out_by_scoping(small):
    a = clean(small)
    a.measures["ENT-02"] = done()  # hosting: cloud_only, yet a guarded server room
    finding = next(f for f in run(small, a) if f.rule == "TOM011")
    assert finding.measure_id == "ENT-02" and finding.severity == ERROR
    assert "hosting = Cloud only" in finding.message("en") and "hosting = Nur Cloud" in finding.message("de")
    a.scoping["hosting"] = "own_datacenter"
    assert "TOM011" not in rules(run(small, a))
    del a.scoping["hosting"]  # not answered yet: nothing ruled out
    assert "TOM011" not in rules(run(small, a))


def test_no_own_premises_yet_office_locks(small):
    a = clean(small)
    a.scoping["own_premises"] = False
    finding = next(f for f in run(small, a) if f.rule == "TOM011")
    assert finding.measure_id == "ENT-01" and "own_premises = no" in finding.message("en")


# -- TOM012 deprecated practice -----------------------------------------------------------------------------


def test_deprecated_practice_claimed(small):
    a = clean(small)
    a.measures["REV-01"] = done()
    finding = next(f for f in run(small, a) if f.rule == "TOM012")
    assert finding.measure_id == "REV-01" and "REV-02" in finding.hint("en")
    assert "Forced change" in finding.message("en") and "Erzwungener" in finding.message("de")
    a.measures["REV-01"] = Answer(status="not_implemented", note="Abgeschafft 2024.")
    assert "TOM012" not in rules(run(small, a))


# -- TOM013 not reviewed within the interval ---------------------------------------------------------------


def test_assessment_not_reviewed_within_its_interval(small):
    a = clean(small)
    a.created = "2025-06-01T09:00:00+02:00"
    finding = next(f for f in run(small, a) if f.rule == "TOM013")
    assert finding.params == {"last": "2025-06-01", "months": 12} and finding.measure_id is None
    a.measures["CRY-01"].review = Review(state="accepted", reviewer="DSB", date="2026-01-10")
    assert "TOM013" not in rules(run(small, a))
    a.measures["CRY-01"].review = None
    a.scope.review_interval_months = 24
    assert "TOM013" not in rules(run(small, a))


def test_approval_counts_as_review(small):
    a = clean(small)
    a.created = "2024-01-01"
    approve(a, small, by="DSB", day=date(2026, 2, 1), force=True)
    assert "TOM013" not in rules(run(small, a))
    assert "TOM013" in rules(run(small, a, today=date(2027, 2, 2)))


# -- TOM014 figures missing ----------------------------------------------------------------------------------


def test_implemented_without_its_figures(small):
    a = clean(small)
    a.measures["REC-01"].answers = {}
    a.measures["REC-01"].note = "Festgelegt im Notfallhandbuch, Kapitel 4."
    finding = next(f for f in run(small, a) if f.rule == "TOM014")
    assert finding.measure_id == "REC-01" and "RPO in hours" in finding.message("en")
    a.measures["REC-01"].answers = {"rpo_hours": 4}
    assert "TOM014" not in rules(run(small, a))


# -- TOM017/TOM018/TOM019/TOM020: the assessment as a whole ----------------------------------------------------


def test_carried_over_answers_not_confirmed(small):
    a = clean(small)
    a.measures["CRY-01"].to_confirm = True
    a.measures["REC-01"].to_confirm = True
    finding = next(f for f in run(small, a) if f.rule == "TOM017")
    assert finding.params["count"] == 2 and finding.severity == INFO
    assert not fails([finding])


def test_unanswered_measures(small):
    a = clean(small)
    del a.measures["REC-02"]
    finding = next(f for f in run(small, a) if f.rule == "TOM018")
    assert finding.params == {"count": 1, "ids": "REC-02"}


def test_changed_since_approval(small):
    a = clean(small)
    approve(a, small, by="DSB", day=date(2026, 6, 1), force=True)
    assert "TOM019" not in rules(run(small, a))
    a.measures["CRY-01"].review = Review(state="accepted", reviewer="DSB", date="2026-06-02")  # reviewing is no change
    assert "TOM019" not in rules(run(small, a))
    a.measures["CRY-01"].note = "TLS 1.3 überall."
    finding = next(f for f in run(small, a) if f.rule == "TOM019")
    assert finding.params == {"version": "1.0", "date": "2026-06-01"}


def test_annex_names_organisation_service_and_responsible(small):
    a = clean(small)
    a.scope.responsible = ""
    a.organisation.name = ""
    finding = next(f for f in run(small, a) if f.rule == "TOM020")
    assert finding.message("en") == "The annex does not name: organisation, responsible person."
    assert finding.message("de") == "Die Anlage nennt nicht: Organisation, Verantwortliche Person."


# -- order, grouping, rendering -------------------------------------------------------------------------------


def test_findings_are_ordered_and_grouped_for_the_ui(small):
    a = clean(small)
    a.scope.responsible = ""
    a.measures["REV-01"] = done()
    a.measures["CRY-01"] = Answer(status="not_implemented", note="angemessen")
    findings = run(small, a)
    assert findings[0].rule == "TOM020"  # the assessment first
    places = [(f.category_id, f.measure_id) for f in findings]
    assert places.index(("crypto", None)) < places.index(("crypto", "CRY-01")) < places.index(("review", "REV-01"))
    cry = by_measure(findings)["CRY-01"]
    assert [f.severity for f in cry] == sorted((f.severity for f in cry), key=[ERROR, WARNING, INFO].index)
    assert [f.rule for f in general(findings)] == ["TOM020"]
    assert counts(findings)[ERROR] == len([f for f in findings if f.severity == ERROR])


def test_every_finding_renders_in_both_languages(small):
    a = clean(small)
    a.created = "2024-01-01"
    a.organisation.name = ""
    a.scoping["own_premises"] = False
    a.measures["CRY-01"] = Answer(status="planned", note="angemessen", to_confirm=True,
                                  evidence=[good_evidence(kind="certificate", date="2020-01-01", valid_until="2021-01-01")],
                                  gap=Gap(due="2026-01-01"))
    a.measures["REV-01"] = Answer(status="implemented", note="regelmäßig")
    a.measures["REC-01"] = Answer(status="not_applicable")
    a.approval = Approval(version="1.0", by="DSB", date="2024-01-01", sha256=SHA_A)
    findings = run(small, a, evidence_base=Path("/nonexistent"))
    for finding in findings:
        for lang in ("de", "en"):
            text = finding.render(lang)
            assert "lint." not in text and "{" not in text, text
        json.dumps(finding.as_dict("en"), ensure_ascii=False)
    assert len(rules(findings)) >= 12


def test_add_months_clamps_to_the_end_of_month():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2025, 11, 15), 14) == date(2027, 1, 15)


def test_core_module_imports_no_ui_or_excel():
    import subprocess
    import sys

    code = ("import sys, tom_audit.logic.lint, tom_audit.logic.diff, tom_audit.logic.review, "
            "tom_audit.logic.reassess; print(any(m.split('.')[0] in ('textual', 'openpyxl') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
    assert lint_module.file_sha.__module__ == "tom_audit.logic.lint"


# -- the command ----------------------------------------------------------------------------------------------


@pytest.fixture
def clean_file(small, tmp_path):
    path = tmp_path / "clean.tom.yaml"
    a = clean(small)
    a.catalogue.source = "lint-test.yaml"
    a.created = date.today().isoformat()
    for answer in a.measures.values():
        for item in answer.evidence:
            item.date = date.today().isoformat()
    save_assessment(path, a)
    return path


def test_cli_clean_file_exits_0(cli, clean_file):
    result = cli("lint", str(clean_file), "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("no findings.")


def test_cli_findings_exit_1_with_text_and_json(cli, clean_file):
    text = clean_file.read_text(encoding="utf-8").replace("Lohnabrechnung", "")
    clean_file.write_text(text, encoding="utf-8")
    result = cli("lint", str(clean_file))
    assert result.returncode == 1, result.stderr
    assert "Warnung: Die Anlage nennt nicht: Dienst." in result.stdout and "[TOM020]" in result.stdout
    result = cli("lint", str(clean_file), "--format", "json", "--lang", "en")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert set(data) == {"file", "assessment", "catalogue", "counts", "findings"}
    assert data["counts"] == {"error": 0, "warning": 1, "info": 0}
    assert data["findings"] == [{
        "rule": "TOM020", "severity": "warning", "measure": None, "category": None,
        "key": "lint.annex_metadata_missing", "params": {"fields": {"de": "Dienst", "en": "service"}},
        "message": "The annex does not name: service.",
        "hint": "Fill them in; a DPO rejects an annex without them.",
    }]


def test_cli_only_notes_exit_0(cli, clean_file):
    text = clean_file.read_text(encoding="utf-8").replace('status: "implemented"', 'status: "implemented"\n    to_confirm: true', 1)
    clean_file.write_text(text, encoding="utf-8")
    result = cli("lint", str(clean_file), "--format", "json")
    assert result.returncode == 0, result.stdout
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == ["TOM017"]


def test_cli_bad_input_exits_2(cli, tmp_path):
    result = cli("lint", str(tmp_path / "missing.tom.yaml"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    bad = tmp_path / "bad.tom.yaml"
    bad.write_text("format: tom-audit/assessment\nformat_version: 1\n", encoding="utf-8")
    assert cli("lint", str(bad)).returncode == 2


def test_cli_on_the_bundled_catalogue(cli, new_file):
    result = cli("lint", str(new_file), "--format", "json")
    assert result.returncode == 1
    findings = json.loads(result.stdout)["findings"]
    assert {"TOM018", "TOM020", "TOM010"} <= {f["rule"] for f in findings}
