"""Next year's re-assessment: every answer carried over "to confirm", evidence kept with
its date (and still found from another folder), scoping and scope kept, new id and dates,
no approval; "confirmed" progress; `tom-audit new --from`; the shipped example."""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest

from tom_audit.logic.answers import Edit, record
from tom_audit.logic.diff import diff
from tom_audit.logic.lint import lint
from tom_audit.logic.reassess import confirm, confirmation, reassess, rebase_evidence
from tom_audit.logic.review import approval_state, approve, set_review
from tom_audit.model.assessment import Evidence
from tom_audit.store.assessment_store import load_assessment, save_assessment

from tests.conftest import EXAMPLE


@pytest.fixture
def last_year(new_file):
    loaded = load_assessment(new_file)
    a, c = loaded.assessment, loaded.catalogue
    m = [x.id for x in c.measures[:3]]
    a.scope.responsible = "Erika Mustermann"
    a.scope.review_interval_months = 6
    a.scoping = {"own_premises": True, "hosting": "cloud_only"}
    record(a, c, m[0], Edit(status="implemented", note="Chipkarten, 2 Türen",
                            add_evidence=[Evidence("evidence/zutritt.pdf", kind="record", date="2025-03-01")]))
    record(a, c, m[1], Edit(status="partial", note="MFA für Admins"))
    record(a, c, m[2], Edit(note="Noch offen"))
    set_review(a, m[0], "accepted", reviewer="DSB", day="2025-03-10")
    approve(a, c, by="DSB", day=date(2025, 3, 10), force=True)
    save_assessment(new_file, a)
    return new_file, a, c, m


def test_reassess_carries_everything_over_to_confirm(last_year):
    _, last, c, m = last_year
    new = reassess(last, now="2026-03-01T09:00:00+01:00")
    assert new.id != last.id and (new.created, new.updated) == ("2026-03-01T09:00:00+01:00",) * 2
    assert new.approval is None and approval_state(new) == "none"
    assert set(new.measures) == set(last.measures) and all(a.to_confirm for a in new.measures.values())
    assert new.measures[m[0]].evidence == last.measures[m[0]].evidence  # kept, with its date
    assert new.measures[m[0]].review is None  # the DSB reviews the new year afresh
    assert (new.scoping, new.scope, new.organisation) == (last.scoping, last.scope, last.organisation)
    assert last.approval is not None and not any(a.to_confirm for a in last.measures.values())  # untouched


def test_confirmation_progress(last_year):
    _, last, c, m = last_year
    new = reassess(last, now="2026-03-01T09:00:00+01:00")
    assert confirmation(c, new).overall.as_dict() == {"answered": 2, "confirmed": 0, "to_confirm": 2}
    confirm(new, c, m[0], by="IT")
    assert confirmation(c, new).overall.as_dict() == {"answered": 2, "confirmed": 1, "to_confirm": 1}
    category = c.measures[0].category
    per_category = dict((cat.id, counts) for cat, counts in confirmation(c, new).categories)
    assert per_category[category].confirmed >= 1
    assert not new.measures[m[0]].to_confirm and new.measures[m[1]].to_confirm
    finding = next(f for f in lint(c, new, today=date(2026, 3, 2)) if f.rule == "TOM017")
    assert finding.params["count"] == 1 and m[1] in finding.params["ids"]


def test_changed_since_approval_after_an_edit(last_year):
    path, _, c, m = last_year
    loaded = load_assessment(path)
    assert approval_state(loaded.assessment) == "approved"
    record(loaded.assessment, c, m[1], Edit(status="implemented"))
    assert approval_state(loaded.assessment) == "changed"
    assert "TOM019" in {f.rule for f in lint(c, loaded.assessment, today=date(2025, 4, 1))}


def test_rebase_evidence_keeps_pointing_at_the_same_file(last_year, tmp_path):
    _, last, c, m = last_year
    new = reassess(last, now="2026-03-01", old_dir=tmp_path / "2025", new_dir=tmp_path / "2026" / "q1")
    assert new.measures[m[0]].evidence[0].ref == "../../2025/evidence/zutritt.pdf"
    new.measures[m[0]].evidence.append(Evidence("https://example.org/x"))
    rebase_evidence(new, tmp_path, tmp_path)  # same folder: unchanged
    assert new.measures[m[0]].evidence[1].ref == "https://example.org/x"


def test_new_from_through_the_cli(cli, last_year, tmp_path):
    path, last, c, m = last_year
    (path.parent / "evidence").mkdir()
    (path.parent / "evidence" / "zutritt.pdf").write_bytes(b"%PDF-1.4 Zutrittsprotokoll")
    (tmp_path / "2026").mkdir()
    target = tmp_path / "2026" / "assessment.tom.yaml"
    result = cli("new", str(target), "--from", str(path), "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "2 answers carried over" in result.stdout
    text = target.read_text(encoding="utf-8")
    assert "approval:" not in text and text.count("to_confirm: true") == 3
    new = load_assessment(target).assessment
    assert new.id != last.id and new.scope.review_interval_months == 6
    assert new.measures[m[0]].evidence[0].ref == "../evidence/zutritt.pdf"
    assert new.measures[m[0]].evidence[0].date == "2025-03-01"
    lint_result = json.loads(cli("lint", str(target), "--format", "json").stdout)
    rules = {(f["rule"], f["measure"]) for f in lint_result["findings"]}
    assert ("TOM005", m[0]) not in rules  # the evidence file is still found from the new folder
    assert ("TOM017", None) in rules
    # the two files differ in every carried-over answer's "to confirm" and in the approval
    changes = diff(last, new)
    assert {d.measure_id for d in changes.measures} >= {m[0], m[1]} and changes.approval is not None
    assert cli("new", str(target), "--from", str(path)).returncode == 2  # never overwrites
    assert cli("new", str(tmp_path / "x.tom.yaml"), "--from", str(tmp_path / "none.tom.yaml")).returncode == 2


@pytest.mark.skipif(not EXAMPLE.is_file(), reason="the shipped example is not there")
def test_reassess_the_shipped_example(cli, tmp_path):
    target = tmp_path / "next-year.tom.yaml"
    result = cli("new", str(target), "--from", str(EXAMPLE))
    assert result.returncode == 0, result.stderr
    last = load_assessment(EXAMPLE)
    new = load_assessment(target)
    carried = {mid for mid, a in last.assessment.measures.items() if a.status or a.note or a.evidence or a.gap}
    assert carried <= set(new.assessment.measures)
    assert all(new.assessment.measures[mid].to_confirm for mid in carried)
    counts = confirmation(new.catalogue, new.assessment).overall
    assert counts.confirmed == 0 and counts.to_confirm == counts.answered > 50
    for mid in carried:  # evidence kept, with its date, and still found
        assert [(e.date, e.sha256) for e in new.assessment.measures[mid].evidence] == [
            (e.date, e.sha256) for e in last.assessment.measures[mid].evidence]
    before = {f.rule for f in lint(last.catalogue, last.assessment, today=date.today(),
                                   evidence_base=EXAMPLE.parent) if f.rule in ("TOM005", "TOM006")}
    after = {f.rule for f in lint(new.catalogue, new.assessment, today=date.today(), evidence_base=tmp_path)
             if f.rule in ("TOM005", "TOM006")}
    assert after == before
    shutil.rmtree(tmp_path, ignore_errors=True)


def test_next_years_assessment_can_be_compared_with_last_year(tmp_path, capsys):
    """new --from gives a new identity but remembers its predecessor, so diff and
    export --since treat last year's file as an earlier version, not a stranger."""
    from tom_audit.cli.main import main

    last = tmp_path / "2026.tom.yaml"
    this = tmp_path / "2027.tom.yaml"
    assert main(["new", str(last), "--org", "Muster GmbH"]) == 0
    assert main(["set", str(last), "ENT-02", "--status", "planned"]) == 0
    assert main(["new", str(this), "--from", str(last)]) == 0
    old, new = load_assessment(last).assessment, load_assessment(this).assessment
    assert new.id != old.id and new.previous == old.id
    assert new.follows(old) and not old.follows(new)
    assert main(["set", str(this), "ENT-02", "--status", "implemented"]) == 0
    capsys.readouterr()
    assert main(["diff", str(last), str(this)]) == 1
    assert "verschiedene Bewertungen" not in capsys.readouterr().out
    out = tmp_path / "anlage.md"
    assert main(["export", str(this), "-o", str(out), "--since", str(last)]) == 0
    assert "Geplant → Umgesetzt" in out.read_text(encoding="utf-8")
    stranger = tmp_path / "other.tom.yaml"
    assert main(["new", str(stranger)]) == 0
    assert main(["export", str(this), "-o", str(out), "--since", str(stranger)]) == 2
