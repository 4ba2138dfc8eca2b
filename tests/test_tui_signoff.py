"""Sign-off in the UI (issue 10), typed through with Pilot and checked in the saved file: a
verdict on a changed answer shows as changed, the reviewer is asked for (never the login
name), N/A suggestions are confirmed with c / C, deprecated practices show their replacement
first."""

from __future__ import annotations

from tom_audit.logic.answers import Edit, record
from tom_audit.store.assessment_store import load_assessment, save_assessment
from tom_audit.tui.screens.main import MainScreen
from tom_audit.tui.screens.review_dialogs import ReviewerDialog
from tom_audit.tui.widgets.measure_table import MeasureTable
from tests.test_tui_review import make_app, settle  # the review tests' app: lint at once

SIZE = (120, 40)
DPO = "Dr. Eva Schmidt"




def detail_text(app) -> str:
    return str(app.screen.query_one("#detail-body").render())


def mark(app, measure_id: str) -> str:
    return app.screen.query_one(MeasureTable).get_cell(measure_id, "mark").plain


def saved(path):
    return load_assessment(path).assessment


async def test_accept_then_change_the_answer_shows_changed(new_file):
    loaded = load_assessment(new_file)
    record(loaded.assessment, loaded.catalogue, "ENT-01", Edit(status="implemented", note="Transponder seit 2021."))
    save_assessment(new_file, loaded.assessment)
    app = make_app(new_file, mode="review", reviewer=DPO)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.screen.go_to("ENT-01")
        await pilot.pause()
        await pilot.press("a")
        await settle(app, pilot)
        assert "✓" in mark(app, "ENT-01")
    assert saved(new_file).measures["ENT-01"].review.state == "accepted"
    app = make_app(new_file)  # IT staff change the answer
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.screen.go_to("ENT-01")
        await pilot.pause()
        await pilot.press("2")  # partial
        await settle(app, pilot)
        assert "≠" in mark(app, "ENT-01") and "✓" not in mark(app, "ENT-01")
        text = detail_text(app)
        assert "seit Prüfung geändert" in text and "damals: akzeptiert" in text
        assert "TOM021" in text  # lint says it too
    from tom_audit.logic.review import review_state

    assert review_state(saved(new_file).measures["ENT-01"]) == "changed"


async def test_review_mode_without_a_name_asks_for_it(new_file, monkeypatch):
    monkeypatch.setenv("USER", "os-user")
    monkeypatch.setenv("LOGNAME", "os-user")
    loaded = load_assessment(new_file)
    record(loaded.assessment, loaded.catalogue, "ENT-01", Edit(status="implemented", note="Transponder seit 2021."))
    save_assessment(new_file, loaded.assessment)
    app = make_app(new_file, mode="review")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.screen.go_to("ENT-01")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ReviewerDialog)
        await pilot.press("ctrl+s")  # no name: refused, the dialog stays
        await pilot.pause()
        assert isinstance(app.screen, ReviewerDialog)
        assert "Namen" in str(app.screen.query_one(".dialog-error").render())
        await pilot.press(*"Dr. Nora Prüf")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
    review = saved(new_file).measures["ENT-01"].review
    assert (review.state, review.reviewer) == ("accepted", "Dr. Nora Prüf")


async def test_confirm_na_suggestions_with_c_and_all_with_shift_c(new_file):
    loaded = load_assessment(new_file)
    catalogue = loaded.catalogue
    for measure in catalogue.measures:  # rule out what the scoping answers can rule out
        for question_id, wanted in (measure.applies_if or {}).items():
            allowed = wanted if isinstance(wanted, list) else [wanted]
            question = catalogue.scoping_by_id[question_id]
            options = [True, False] if question.type == "bool" else [o.id for o in question.options]
            loaded.assessment.scoping.setdefault(question_id, next(o for o in options if o not in allowed))
    save_assessment(new_file, loaded.assessment)
    from tom_audit.logic import na_reasons

    suggested = [m.id for m in catalogue.measures if na_reasons.suggestion(catalogue, loaded.assessment, m)
                 and not na_reasons.unsupported(na_reasons.suggestion(catalogue, loaded.assessment, m).de,
                                                catalogue, loaded.assessment, m.id)]
    first = suggested[0]
    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.screen.go_to(first)
        await pilot.pause()
        assert "Vorschlag des Katalogs (noch nicht bestätigt)" in detail_text(app)
        await pilot.press("c")
        await settle(app, pilot)
        assert "Vorschlag des Katalogs" not in detail_text(app)
        answer = saved(new_file).measures[first]
        assert answer.status == "not_applicable"
        assert answer.note == catalogue.measure_by_id[first].not_applicable_reason.de
        await pilot.press("N")
        await settle(app, pilot)
    after = saved(new_file)
    assert all(after.measures[mid].status == "not_applicable" for mid in suggested)


async def test_deprecated_measure_shows_the_replacement_first(new_file):
    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.screen.go_to("ACC-15")
        await pilot.pause()
        text = detail_text(app)
        assert "Überholte Praxis: weder Pflicht noch empfohlen" in text
        assert text.index("Stattdessen: ACC-04") < text.index("Offen")
        assert "Pflicht" not in app.screen.query_one(MeasureTable).get_cell("ACC-15", "need").plain
