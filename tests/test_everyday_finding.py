"""Finding things: an exact id first in `/` search, the palette jumps to a measure, filters
say their scope; "my measures" and gaps by due date; status --owner and agenda (text, JSON,
iCalendar read back)."""

from __future__ import annotations

import json
from datetime import date, timedelta

from tests.test_tui_flows import make_app, settle, type_text
from tom_audit.cli.main import main
from tom_audit.logic.answers import Edit, record
from tom_audit.model.assessment import Evidence, Gap
from tom_audit.store.assessment_store import load_assessment, save_assessment
from tom_audit.tui.widgets.measure_table import MeasureTable


async def test_an_exact_id_comes_first_and_is_selected(new_file, catalogue):
    mentioning = [m.id for m in catalogue.measures if "REC-01" in (m.guidance.de + m.guidance.en) and m.id != "REC-01"]
    app = make_app(new_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "REC-01")
        await pilot.pause()
        table = app.screen.query_one(MeasureTable)
        assert table.measure_ids[0] == "REC-01" and table.measure_id == "REC-01"
        assert set(mentioning) <= set(table.measure_ids)
        assert "alle Kategorien" in app.screen.view_label()


async def test_the_palette_jumps_to_a_measure(new_file, catalogue):
    target = catalogue.measures[-1]
    app = make_app(new_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, target.id)
        await pilot.pause(0.5)
        await pilot.press("down", "enter")
        await settle(app, pilot)
        assert app.screen.query_one(MeasureTable).measure_id == target.id


def _with_owners(path, catalogue):
    loaded = load_assessment(path)
    a, c = loaded.assessment, loaded.catalogue
    ids = [m.id for m in c.measures]
    soon = (date.today() + timedelta(days=20)).isoformat()
    late = (date.today() - timedelta(days=3)).isoformat()
    record(a, c, ids[0], Edit(status="implemented", owner="Anna Schmidt",
                              add_evidence=[Evidence("https://ca.example/cert", kind="certificate", valid_until=soon)]))
    record(a, c, ids[1], Edit(status="planned", gap=Gap(description="Kein Test", action="Test planen",
                                                        owner="Bernd Weber", due=late)))
    record(a, c, ids[2], Edit(status="partial", owner="Anna Schmidt",
                              gap=Gap(description="Halb", action="Rest umsetzen", owner="Anna Schmidt",
                                      due=(date.today() + timedelta(days=60)).isoformat())))
    save_assessment(path, a)
    return ids


async def test_my_measures_and_gaps_by_due_date(new_file, catalogue):
    ids = _with_owners(new_file, catalogue)
    app = make_app(new_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("M")
        await pilot.pause()
        field = app.screen.query_one("#owner-name")
        field.value = ""
        await type_text(pilot, "schmidt")
        await pilot.press("enter")
        await settle(app, pilot)
        table = app.screen.query_one(MeasureTable)
        assert app.screen.filter == "mine" and table.measure_ids == [ids[0], ids[2]]
        app.screen.set_filter("due")
        await pilot.pause()
        assert table.measure_ids == [ids[1], ids[2]]  # the overdue one first


def test_status_owner(new_file, catalogue, capsys):
    ids = _with_owners(new_file, catalogue)
    assert main(["status", str(new_file), "--owner", "Schmidt"]) == 0
    out = capsys.readouterr().out
    assert ids[0] in out and ids[2] in out and ids[1] not in out.split("Schmidt")[-1]
    assert main(["status", str(new_file), "--owner", "Weber", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [m["id"] for m in data["owner"]["measures"]] == [ids[1]]


def test_agenda_text_json_and_ics(new_file, catalogue, capsys, tmp_path):
    from icalendar import Calendar

    ids = _with_owners(new_file, catalogue)
    assert main(["agenda", str(new_file)]) == 0
    out = capsys.readouterr().out
    assert out.index(ids[1]) < out.index(ids[0]) < out.index(ids[2])  # by date
    assert "überfällig" in out
    assert main(["agenda", str(new_file), "--json", "--owner", "Anna"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(i["measure"], i["kind"]) for i in data] == [(ids[0], "evidence"), (ids[2], "gap")]
    ics = tmp_path / "due.ics"
    assert main(["agenda", str(new_file), "-o", str(ics)]) == 0
    calendar = Calendar.from_ical(ics.read_bytes())
    events = [c for c in calendar.walk("VEVENT")]
    assert len(events) == 3
    starts = sorted(e.decoded("dtstart") for e in events)
    assert starts[0] == date.today() - timedelta(days=3)
    assert any(ids[1] in str(e.get("summary")) for e in events)
    assert len({str(e.get("uid")) for e in events}) == 3
    assert main(["agenda", str(new_file), "-o", str(tmp_path / "due.txt")]) == 2
