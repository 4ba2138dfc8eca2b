"""diff: per measure status, evidence, gap, note, owner, typed answers, review; the
assessment's fields, scoping and approval; catalogue changes told by fingerprints; the
"changed since" summary for the export; the command's text, JSON and exit codes."""

from __future__ import annotations

import copy
import json
import shutil

import pytest

from tom_audit.logic.diff import changed_since, diff, summarise
from tom_audit.logic.review import approve, set_review
from tom_audit.model.assessment import Answer, Evidence, Gap
from tom_audit.store.assessment_store import load_assessment, save_assessment

from tests.conftest import EXAMPLE


@pytest.fixture
def pair(new_file):
    loaded = load_assessment(new_file)
    old, c = loaded.assessment, loaded.catalogue
    m = [x.id for x in c.measures[:8]]
    old.measures[m[0]] = Answer(status="planned", note="Geplant", gap=Gap(action="Einführen", owner="IT", due="2026-09-01"))
    old.measures[m[1]] = Answer(status="implemented", note="Seit 2024", owner="IT",
                                evidence=[Evidence("a.pdf", date="2025-01-01", sha256="a" * 64),
                                          Evidence("b.pdf", date="2025-01-01")])
    old.measures[m[2]] = Answer(status="partial", note="x", gap=Gap(action="Rest", owner="IT", due="2026-01-01"))
    old.measures[m[5]] = Answer(status="implemented", note="gleich")
    new = copy.deepcopy(old)
    new.measures[m[0]].status = "implemented"
    new.measures[m[0]].gap.state = "done"
    new.measures[m[1]].evidence = [Evidence("a.pdf", date="2026-01-01", sha256="b" * 64), Evidence("c.pdf")]
    new.measures[m[1]].owner = "Betrieb"
    new.measures[m[2]].gap.due = "2026-03-01"
    new.measures[m[3]] = Answer(status="not_implemented", note="fehlt", gap=Gap(action="Kaufen", owner="IT", due="2027-01-01"))
    new.measures[m[4]] = Answer(answers={"x": 1})
    new.scope.protection_need = "hoch"
    new.scoping["own_premises"] = True
    new.updated = "2030-01-01T00:00:00+00:00"  # timestamps are no difference
    return old, new, c, m


def test_no_differences(pair):
    old, _, c, _ = pair
    result = diff(old, copy.deepcopy(old), catalogue_old=c, catalogue_new=c)
    assert not result and result.measures == [] and result.same_assessment


def test_measure_changes(pair):
    old, new, c, m = pair
    result = diff(old, new, catalogue_old=c, catalogue_new=c)
    assert result and [d.measure_id for d in result.measures] == m[:5]  # catalogue order
    first = result.measure(m[0])
    assert (first.status.old, first.status.new, first.gap) == ("planned", "implemented", "closed")
    second = result.measure(m[1])
    assert [e.ref for e in second.evidence_added] == ["c.pdf"] and [e.ref for e in second.evidence_removed] == ["b.pdf"]
    assert [(a.sha256[:1], b.sha256[:1]) for a, b in second.evidence_updated] == [("a", "b")]
    assert (second.owner.old, second.owner.new) == ("IT", "Betrieb") and second.status is None
    assert result.measure(m[2]).gap == "changed"
    assert result.measure(m[3]).gap == "opened" and result.measure(m[3]).status.old is None
    assert [(a.field, a.old, a.new) for a in result.measure(m[4]).answers] == [("answers.x", None, 1)]
    assert result.measure(m[5]) is None
    assert {(f.field, f.old, f.new) for f in result.fields} == {("scope.protection_need", "normal", "hoch")}
    assert [(f.field, f.old, f.new) for f in result.scoping] == [("scoping.own_premises", None, True)]


def test_review_approval_and_confirmation_changes(pair):
    old, new, c, m = pair
    new = copy.deepcopy(old)
    set_review(new, m[5], "rejected", reviewer="DSB", comment="Nachweis?")
    new.measures[m[1]].to_confirm = True
    approve(new, c, by="DSB", force=True)
    result = diff(old, new)
    assert (result.measure(m[5]).review.old, result.measure(m[5]).review.new) == ("open", "rejected")
    assert result.measure(m[5]).kinds() == ["review"] and result.measure(m[1]).kinds() == ["to_confirm"]
    assert result.approval.old is None and result.approval.new["version"] == "1.0"
    assert summarise(result.measure(m[5]), "en") == "Review: open → rejected"


def test_catalogue_changes_by_fingerprints(pair):
    old, new, c, m = pair
    new.fingerprints = dict(old.fingerprints)
    new.fingerprints[m[6]] = "0123456789ab"  # reworded
    del new.fingerprints[m[7]]  # removed from the catalogue
    new.fingerprints["NEW-01"] = "fedcba987654"
    new.catalogue.version = "2027.1"
    result = diff(old, new)
    cat = result.catalogue
    assert (cat.added, cat.removed, cat.reworded) == (["NEW-01"], [m[7]], [m[6]])
    assert (cat.old_version, cat.new_version) == (old.catalogue.version, "2027.1")
    marks = {d.measure_id: d.catalogue for d in result.measures if d.catalogue}
    assert marks == {m[6]: "reworded", m[7]: "removed", "NEW-01": "added"}
    assert summarise(result.measure("NEW-01"), "de") == "neu im Katalog"


def test_fingerprints_of_the_catalogues_stand_in_when_none_were_recorded(pair):
    old, new, c, m = pair
    old.fingerprints = {}
    new.fingerprints = {}
    assert diff(old, new).catalogue is None
    assert diff(old, new, catalogue_old=c, catalogue_new=c).catalogue is None


def test_changed_since_summary_for_the_export(pair):
    old, new, c, m = pair
    summary = changed_since(old, new, "de")
    assert set(summary) == set(m[:5])
    assert summary[m[0]] == "Status: Geplant → Umgesetzt; Lücke geschlossen"
    assert summary[m[1]] == "Nachweise: 1 neu, 1 entfernt, 1 aktualisiert; Verantwortlich: IT → Betrieb"
    assert changed_since(old, new, "en")[m[3]] == "Status: Open → Not implemented; Gap opened; Note changed"


def test_json_shape_is_serialisable(pair):
    old, new, c, m = pair
    data = json.loads(json.dumps(diff(old, new).as_dict(), ensure_ascii=False))
    assert set(data) == {"differ", "same_assessment", "ids", "fields", "scoping", "approval", "catalogue", "measures"}
    first = data["measures"][0]
    assert first["measure"] == m[0] and first["kinds"] == ["status", "gap"]
    assert first["status"] == {"old": "planned", "new": "implemented"} and first["gap"]["change"] == "closed"


def test_cli_diff_exit_codes_text_and_json(cli, pair, tmp_path):
    old, new, c, m = pair
    a, b = tmp_path / "old.tom.yaml", tmp_path / "new.tom.yaml"
    save_assessment(a, old)
    save_assessment(b, new)
    same = cli("diff", str(a), str(a))
    assert same.returncode == 0 and same.stdout.strip() == "Keine Unterschiede."
    result = cli("diff", str(a), str(b), "--lang", "en")
    assert result.returncode == 1, result.stderr
    assert f"  {m[0]} " in result.stdout and "Status: Planned → Implemented; Gap closed" in result.stdout
    assert "scope.protection_need: normal → hoch" in result.stdout
    result = cli("diff", str(a), str(b), "--format", "json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["differ"] is True and [x["measure"] for x in data["measures"]] == m[:5]
    assert cli("diff", str(a), str(tmp_path / "missing.tom.yaml")).returncode == 2


@pytest.mark.skipif(not EXAMPLE.is_file(), reason="the shipped example is not there")
def test_diff_on_the_shipped_example(cli, tmp_path):
    folder = tmp_path / "ex"
    shutil.copytree(EXAMPLE.parent, folder)
    old = folder / EXAMPLE.name
    new = folder / "next.tom.yaml"
    loaded = load_assessment(old)
    changed = next(mid for mid, a in loaded.assessment.measures.items() if a.status == "partial")
    loaded.assessment.measures[changed].status = "implemented"
    save_assessment(new, loaded.assessment)
    result = cli("diff", str(old), str(new), "--format", "json")
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert [x["measure"] for x in data["measures"]] == [changed]
    assert data["measures"][0]["status"] == {"old": "partial", "new": "implemented"}
