"""Upgrading an assessment to catalogue 2026.2 keeps every answer: scoping answers follow
`migrate_from`, split measures take over answers via `replaces`, the user sees what changed
per category, and extension catalogues written against 2026.1 still load."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tom_audit.logic.catalogue_changes import adopt, changes_since, summary
from tom_audit.model.assessment import Answer
from tom_audit.store.assessment_store import load_assessment, render, save_assessment
from tom_audit.store.catalogue_store import load_catalogue, load_catalogue_file
from tom_audit.store.documents import parse_document

HERE = Path(__file__).resolve().parent
OLD_EXAMPLE = HERE / "data" / "hosting-gmbh-2026.1.tom.yaml"  # the shipped example as of 2026.1
OLD_CATALOGUE = HERE / "data" / "tom-art32-2026.1.yaml"


@pytest.fixture()
def old_file(tmp_path):
    target = tmp_path / "hosting-gmbh.tom.yaml"
    shutil.copy(OLD_EXAMPLE, target)
    shutil.copytree(HERE.parent / "examples" / "evidence", tmp_path / "evidence")
    return target


def _answers(data: dict) -> dict:
    """What the user said per measure, as written in the file."""
    keep = ("status", "note", "owner", "answers", "evidence", "gap", "review")

    def said(key, value):  # a review's fingerprint is recorded by the tool, not said by the user
        return {k: v for k, v in value.items() if k != "fingerprint"} if key == "review" else value

    return {mid: {k: said(k, v) for k, v in answer.items() if k in keep} for mid, answer in data["measures"].items()}


def test_the_2026_1_example_moves_to_2026_2_with_every_answer_kept(old_file):
    before = parse_document(old_file, expected="assessment").data
    loaded = load_assessment(old_file)
    assert before["catalogue"]["version"] == "2026.1" and loaded.catalogue.version == "2026.2"
    assert loaded.catalogue_changes and loaded.catalogue_changes.scoping
    assert not [w for w in loaded.warnings if w.key in ("assessment.unknown_scoping", "assessment.bad_scoping")]
    loaded.adopt_catalogue()
    save_assessment(old_file, loaded.assessment)

    after = parse_document(old_file, expected="assessment").data
    assert after["catalogue"]["version"] == "2026.2"
    old, new = _answers(before), _answers(after)
    lost = {mid: answer for mid, answer in old.items() if new.get(mid) != answer}
    assert not lost, f"answers changed or lost on upgrade: {sorted(lost)}"
    assert after["scoping"] == {**{k: v for k, v in before["scoping"].items() if k != "own_premises"},
                                "office": "own_or_rented"}
    reloaded = load_assessment(old_file)
    assert not reloaded.orphans and not reloaded.catalogue_changes
    # reworded measures ask for confirmation; untouched ones do not
    reworded = loaded.catalogue.measure_by_id
    assert after["measures"]["REV-06"].get("to_confirm") is True  # the deadline's maximum fell to 48 h
    assert not after["measures"]["ACC-01"].get("to_confirm")
    assert render(reloaded.assessment) == old_file.read_text(encoding="utf-8")
    assert reworded  # the catalogue is the new one


def test_the_user_sees_what_changed_per_category(old_file):
    loaded = load_assessment(old_file)
    lines = summary(loaded.catalogue_changes, loaded.catalogue, "de")
    assert lines[0] == "Katalog 2026.1 → 2026.2:"
    entry = next(line for line in lines if line.startswith("Zutrittskontrolle:"))
    assert "6 neu (ENT-15, ENT-16, ENT-17, ENT-18, ENT-19, ENT-20)" in entry
    assert "ENT-01" in entry  # now asked only for an own server room: reworded, to confirm
    english = summary(loaded.catalogue_changes, loaded.catalogue, "en")
    assert any(line.startswith("Physical entry control: 6 new") for line in english)
    assert any("own_premises = yes becomes office = Own or rented office (own_or_rented)" in line for line in english)


def test_cli_shows_the_changes_without_saving(old_file, capsys):
    from tom_audit.cli.main import main

    raw = old_file.read_bytes()
    assert main(["catalogue", "changes", str(old_file), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Catalogue 2026.1 → 2026.2:" in out and "Processor" not in out.splitlines()[0]
    assert old_file.read_bytes() == raw


@pytest.mark.parametrize(("old", "new"), [
    ({"own_premises": True, "hosting": "own_datacenter"}, {"office": "own_or_rented", "hosting": "own_server_room"}),
    ({"own_premises": False, "hosting": "cloud_only"}, {"office": "none_remote", "hosting": "iaas_paas"}),
    ({"hosting": "colocation"}, {"hosting": "colocation"}),
])
def test_scoping_answers_are_mapped(old, new):
    catalogue = load_catalogue("tom-art32")
    assessment = _assessment_on_old_catalogue(old)
    adopt(assessment, catalogue, "bundled")
    assert assessment.scoping == new


def _assessment_on_old_catalogue(scoping, answers=None):
    from tom_audit.store.assessment_store import new_assessment

    old = load_catalogue_file(OLD_CATALOGUE)
    assessment = new_assessment(old, source="bundled")
    assessment.scoping = dict(scoping)
    for measure_id, status in (answers or {}).items():
        assessment.measures[measure_id] = Answer(status=status, note=f"{measure_id} note")
    return assessment


def test_a_split_measure_takes_over_the_answer_where_it_applies():
    catalogue = load_catalogue("tom-art32")
    with_paper = _assessment_on_old_catalogue({"paper_records": True}, {"AUT-11": "implemented"})
    changes = changes_since(with_paper, catalogue)
    assert ("AUT-16", "AUT-11") in changes.carried
    adopt(with_paper, catalogue, "bundled")
    assert with_paper.measures["AUT-16"].status == "implemented"
    assert with_paper.measures["AUT-16"].note == "AUT-11 note" and with_paper.measures["AUT-16"].to_confirm
    assert with_paper.measures["AUT-11"].status == "implemented"  # the old measure keeps its answer too
    without_paper = _assessment_on_old_catalogue({"paper_records": False}, {"AUT-11": "implemented"})
    adopt(without_paper, catalogue, "bundled")
    assert "AUT-16" not in without_paper.measures  # not applicable: nothing to carry over


def test_an_extension_written_against_2026_1_still_loads(tmp_path):
    extension = tmp_path / "old-extension.yaml"
    extension.write_text("""format: tom-audit/catalogue
format_version: 1
id: old-ext
version: "1"
title: {de: "Alt", en: "Old"}
extends: tom-art32
measures:
  - id: OLD-01
    category: entry
    kind: technical
    title: {de: "Serverraumtür", en: "Server room door"}
    guidance: {de: "Prüfen: Tür.", en: "Check: door."}
    evidence: [{kind: other, hint: {de: "Foto", en: "Photo"}}]
    level: normal
    applies_if: {hosting: own_datacenter, own_premises: true}
    not_applicable_reason: {de: "Kein Serverraum.", en: "No server room."}
    references: {iso27001: [A.7.1]}
  - id: OLD-02
    category: entry
    kind: technical
    title: {de: "Cloud", en: "Cloud"}
    guidance: {de: "Prüfen: Cloud.", en: "Check: cloud."}
    evidence: [{kind: other, hint: {de: "Foto", en: "Photo"}}]
    level: normal
    applies_if: {hosting: cloud_only, own_premises: false}
    not_applicable_reason: {de: "Keine Cloud.", en: "No cloud."}
    references: {iso27001: [A.7.1]}
""", encoding="utf-8")
    catalogue = load_catalogue_file(extension)
    assert catalogue.measure_by_id["OLD-01"].applies_if == {"hosting": "own_server_room", "office": "own_or_rented"}
    assert catalogue.measure_by_id["OLD-02"].applies_if == {"hosting": ["iaas_paas", "saas_only"],
                                                            "office": ["none_remote", "shared_coworking"]}


def test_level_depends_on_team_size():
    catalogue = load_catalogue("tom-art32")
    audits = catalogue.measure_by_id["REV-02"]
    assert audits.required_at("normal", {"team_size": "medium"})
    assert not audits.required_at("normal", {"team_size": "small"})
    assert audits.required_at("hoch", {"team_size": "small"})
    assert not audits.required_at("normal", {})  # unanswered: the catalogue's own level (hoch)


def test_the_regenerated_example_keeps_every_2026_1_answer():
    """`examples/make_example.py` builds the shipped example afresh on 2026.2; what it says for
    the measures 2026.1 had is what the 2026.1 example said."""
    old = _answers(parse_document(OLD_EXAMPLE, expected="assessment").data)
    example = parse_document(HERE.parent / "examples" / "hosting-gmbh.tom.yaml", expected="assessment").data
    assert example["catalogue"]["version"] == "2026.2"
    new = _answers(example)
    changed = sorted(mid for mid in old if new.get(mid) != old[mid])
    assert not changed, f"the example's answers differ from 2026.1 for {changed}"
