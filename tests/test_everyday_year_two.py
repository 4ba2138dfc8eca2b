"""Year two: carried answers say "carried over from 2025, please confirm", a key confirms
(and "confirm and next"), `set --confirm` does it from a script, `n` stops at them; diff and
export --since compare evidence by identity (SHA-256), not path text."""

from __future__ import annotations

import json

from tests.test_tui_flows import make_app, settle
from tom_audit.cli.main import main
from tom_audit.logic.diff import diff
from tom_audit.store.assessment_store import load_assessment, save_assessment
from tom_audit.tui.widgets.measure_detail import MeasureDetail
from tom_audit.tui.widgets.measure_table import MeasureTable


def _last_year(tmp_path, catalogue):
    """Last year's file in its own folder, with evidence beside it; this year's in another."""
    old_dir, new_dir = tmp_path / "2025", tmp_path / "2026"
    old_dir.mkdir()
    new_dir.mkdir()
    (old_dir / "evidence").mkdir()
    policy = old_dir / "evidence" / "policy.pdf"
    policy.write_bytes(b"the policy")
    last = old_dir / "tom.tom.yaml"
    ids = [m.id for m in catalogue.measures[:3]]
    assert main(["new", str(last), "--org", "Muster GmbH"]) == 0
    assert main(["set", str(last), ids[0], "--status", "implemented", "--evidence", str(policy)]) == 0
    assert main(["set", str(last), ids[2], "--status", "planned"]) == 0
    loaded = load_assessment(last)
    for answer in loaded.assessment.measures.values():  # answered last year
        answer.changed.at = "2025-03-02T09:30:00+01:00"
    save_assessment(last, loaded.assessment)
    this = new_dir / "tom.tom.yaml"
    assert main(["new", str(this), "--from", str(last)]) == 0
    return last, this, ids


def test_set_confirm(tmp_path, catalogue):
    last, this, ids = _last_year(tmp_path, catalogue)
    assert load_assessment(this).assessment.measures[ids[0]].to_confirm
    assert main(["set", str(this), ids[0], "--confirm"]) == 0
    answer = load_assessment(this).assessment.measures[ids[0]]
    assert not answer.to_confirm and answer.status == "implemented"


def test_diff_and_since_compare_evidence_by_hash_not_path(tmp_path, catalogue, capsys):
    last, this, ids = _last_year(tmp_path, catalogue)
    old, new = load_assessment(last).assessment, load_assessment(this).assessment
    assert old.measures[ids[0]].evidence[0].ref != new.measures[ids[0]].evidence[0].ref  # rewritten
    change = next((m for m in diff(old, new).measures if m.measure_id == ids[0]), None)
    assert change is None or not (change.evidence_added or change.evidence_removed or change.evidence_updated)
    capsys.readouterr()
    main(["diff", str(last), str(this), "--format", "json"])
    text = capsys.readouterr().out
    assert "evidence_added" not in text and "evidence_removed" not in text
    out = tmp_path / "since.md"
    assert main(["export", str(this), "-o", str(out), "--since", str(last)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Zu bestätigen" in text
    assert not any(word in text for word in ("Nachweis hinzugefügt", "Nachweis entfernt", "Nachweis aktualisiert"))


async def test_the_ui_says_carried_over_confirms_and_n_stops(tmp_path, catalogue):
    last, this, ids = _last_year(tmp_path, catalogue)
    app = make_app(this)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one(MeasureTable)
        table.select_measure(ids[0])
        await pilot.pause()
        text = str(app.screen.query_one("#detail-body").render())
        assert "Aus 2025 übernommen" in text and "Katalogtext" not in text
        await pilot.press("c")  # confirm
        await settle(app, pilot)
        assert not app.session.answer(ids[0]).to_confirm
        # n stops at the next one still to confirm (ids[2]), not only at unanswered ones
        await pilot.press("n")
        await pilot.pause()
        assert table.measure_id == ids[1]  # unanswered
        await pilot.press("n")
        await pilot.pause()
        assert table.measure_id == ids[2]  # carried over, to confirm
        await pilot.press("C")  # confirm and next
        await settle(app, pilot)
        assert not app.session.answer(ids[2]).to_confirm
        assert table.measure_id != ids[2]
    data = load_assessment(this).assessment
    assert not data.measures[ids[0]].to_confirm and not data.measures[ids[2]].to_confirm
    assert data.measures[ids[2]].status == "planned"
