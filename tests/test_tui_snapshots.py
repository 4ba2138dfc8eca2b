"""Pictures of the main screens at 80x24 and 120x40 (pytest-textual-snapshot).

Everything time-dependent is fixed: answers carry a fixed timestamp, the cursor does not
blink, the file name is the same in every run. `pytest --snapshot-update` renews them; look
at the SVGs' text before committing new ones.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea

from tom_audit.logic.answers import Edit, record
from tom_audit.model.assessment import Evidence, Gap
from tom_audit.store.assessment_store import load_assessment, save_assessment
from tom_audit.tui.app import TomAuditApp
from tom_audit.tui.session import Session

AT = "2026-03-02T09:30:00+01:00"
SIZES = [(80, 24), (120, 40)]


@pytest.fixture
def answered(new_file):
    """The bundled catalogue with a few answers, as a user might have left it."""
    loaded = load_assessment(new_file)
    assessment, catalogue = loaded.assessment, loaded.catalogue
    assessment.scope.service = "Lohnabrechnung"
    assessment.scope.protection_need = "hoch"
    assessment.scoping.update({"own_premises": True, "hosting": "cloud_only", "paper_records": False})
    edits = {
        "ENT-01": Edit(status="implemented", note="Transponder seit 2021; Protokolle 90 Tage.", owner="Haustechnik",
                       add_evidence=[Evidence(ref="https://wiki.example.org/zutritt", kind="policy",
                                              description="Zutrittsrichtlinie", date="2026-01-15")]),
        "ENT-02": Edit(status="partial", note="Nur im Erdgeschoss.",
                       gap=Gap(description="Obergeschoss ohne Meldeanlage", risk="medium", action="Nachrüsten",
                               owner="Facility", due="2026-09-30")),
        "ENT-05": Edit(status="not_applicable", note="Keine Schlüssel, nur Transponder."),
        "ENT-06": Edit(status="planned"),
    }
    for measure_id, edit in edits.items():
        record(assessment, catalogue, measure_id, edit, by="tester", at=AT)
    save_assessment(new_file, assessment)
    return new_file


def still(pilot):
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    for widget in pilot.app.screen.query(TextArea):
        widget.cursor_blink = False


def app_for(path, **kwargs) -> TomAuditApp:
    return TomAuditApp(Session.open(path, by="tester"), watch_disk=False, **kwargs)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_main_screen(snap_compare, answered, size):
    assert snap_compare(app_for(answered), terminal_size=size, run_before=still)


def test_main_screen_light(snap_compare, answered):
    async def light(pilot):
        pilot.app.theme = "textual-light"
        await pilot.pause()
        still(pilot)

    assert snap_compare(app_for(answered), terminal_size=(120, 40), press=["j"], run_before=light)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_setup_screen(snap_compare, new_file, size):
    assert snap_compare(app_for(new_file, new=True), terminal_size=size, run_before=still)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help_screen(snap_compare, answered, size):
    assert snap_compare(app_for(answered), terminal_size=size, press=["f1"], run_before=still)
