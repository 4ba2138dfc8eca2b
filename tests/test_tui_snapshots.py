"""Pictures of the main screens at 80x24 and 120x40 (pytest-textual-snapshot).

Everything time-dependent is fixed: answers carry a fixed timestamp, lint and reviews see a
fixed day, the cursor does not blink, the file name is the same in every run, and the
pictures are taken after lint has reported. `pytest --snapshot-update` renews them; look at
the SVGs' text before committing new ones.
"""

from __future__ import annotations

import datetime

import pytest
from textual.widgets import Input, TextArea

from tom_audit.logic.answers import Edit, record
from tom_audit.logic.review import set_review
from tom_audit.model.assessment import Evidence, Gap
from tom_audit.store.assessment_store import load_assessment, save_assessment
from tom_audit.tui.app import TomAuditApp
from tom_audit.tui.session import Session

AT = "2026-03-02T09:30:00+01:00"
TODAY = datetime.date(2026, 3, 9)
SIZES = [(80, 24), (120, 40)]


class _FixedDate(datetime.date):
    @classmethod
    def today(cls):
        return TODAY


@pytest.fixture(autouse=True)
def _fixed_day(monkeypatch):
    """Findings (overdue gaps, stale evidence) as on one fixed day."""
    import tom_audit.tui.session

    monkeypatch.setattr(tom_audit.tui.session, "date", _FixedDate)


@pytest.fixture
def answered(new_file):
    """The bundled catalogue with a few answers, as a user might have left it."""
    loaded = load_assessment(new_file)
    assessment, catalogue = loaded.assessment, loaded.catalogue
    assessment.scope.service = "Lohnabrechnung"
    assessment.scope.protection_need = "hoch"
    assessment.scoping.update({"office": "own_or_rented", "hosting": "iaas_paas", "paper_records": False})
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


async def still(pilot):
    await pilot.app.workers.wait_for_complete()  # lint has reported
    await pilot.pause()
    pilot.app.clear_notifications()  # they time out: not part of the picture
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    for widget in pilot.app.screen.query(TextArea):
        widget.cursor_blink = False


def app_for(path, reviewer=None, **kwargs) -> TomAuditApp:
    return TomAuditApp(Session.open(path, by="tester", reviewer=reviewer), watch_disk=False, **kwargs)


@pytest.fixture
def reviewed(answered):
    """The same, after the DPO has looked at part of it."""
    loaded = load_assessment(answered)
    assessment = loaded.assessment
    set_review(assessment, "ENT-01", "accepted", reviewer="Dr. Eva Schmidt", day="2026-03-05")
    set_review(assessment, "ENT-02", "rejected", reviewer="Dr. Eva Schmidt", day="2026-03-05",
               comment="Bitte den Termin für das Obergeschoss mit dem Vermieter bestätigen lassen.")
    save_assessment(answered, assessment)
    return answered


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_main_screen(snap_compare, answered, size):
    assert snap_compare(app_for(answered), terminal_size=size, run_before=still)


def test_main_screen_light(snap_compare, answered):
    async def light(pilot):
        pilot.app.theme = "textual-light"
        await pilot.pause()
        await still(pilot)

    assert snap_compare(app_for(answered), terminal_size=(120, 40), press=["j"], run_before=light)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_setup_screen(snap_compare, new_file, size):
    assert snap_compare(app_for(new_file, new=True), terminal_size=size, run_before=still)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help_screen(snap_compare, answered, size):
    assert snap_compare(app_for(answered), terminal_size=size, press=["f1"], run_before=still)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_review_mode(snap_compare, reviewed, size):
    """The DPO's view: findings first, the review beside each measure."""
    assert snap_compare(app_for(reviewed, reviewer="Dr. Eva Schmidt", mode="review"), terminal_size=size,
                        run_before=still)


def test_objections_first(snap_compare, reviewed):
    """IT staff after the review: the rejected measure first, with the DPO's comment."""
    assert snap_compare(app_for(reviewed), terminal_size=(120, 40), run_before=still)


def test_findings_list(snap_compare, answered):
    assert snap_compare(app_for(answered), terminal_size=(120, 40), press=["F"], run_before=still)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_answer_form(snap_compare, answered, size):
    """Enter on a measure: every field reachable (the body scrolls), the buttons on screen."""
    async def open_form(pilot):
        await pilot.press("enter")
        await still(pilot)  # after the dialog is up: its cursors do not blink

    assert snap_compare(app_for(answered), terminal_size=size, run_before=open_form)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_not_applicable_dialog(snap_compare, answered, size):
    """5 on a measure: the question wraps instead of being cut."""
    async def open_dialog(pilot):
        await pilot.press("j", "5")
        await still(pilot)  # after the dialog is up: its cursor does not blink

    assert snap_compare(app_for(answered), terminal_size=size, run_before=open_dialog)


@pytest.fixture
def cloud_register(tmp_path):
    """The shipped cloud example: a dozen providers, third countries, one ended, one expired."""
    import shutil
    from pathlib import Path

    path = tmp_path / "cloud-saas.tom.yaml"
    shutil.copy(Path(__file__).resolve().parent.parent / "examples" / "cloud-saas.tom.yaml", path)
    return path


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_provider_screen(snap_compare, cloud_register, size):
    """p: the register, its list beside the selected provider's detail; nothing cut at 80x24."""
    async def open_register(pilot):
        await pilot.press("p")
        await still(pilot)

    assert snap_compare(app_for(cloud_register), terminal_size=size, run_before=open_register)
