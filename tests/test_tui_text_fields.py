"""Long text in the questionnaire (issue 9, kind 10): a multi-line paste into the note, the
gap, its action, the N/A reason and the DPO's comment keeps every line in the saved file;
Esc in a form with typed text asks before throwing it away."""

from __future__ import annotations

from pathlib import Path

from textual import events

from tom_audit.store.assessment_store import load_assessment
from tom_audit.tui.screens.dialogs import DiscardDialog, ReasonDialog
from tom_audit.tui.screens.edit_dialogs import AnswerDialog, EvidenceDialog, GapDialog
from tom_audit.tui.screens.main import MainScreen
from tom_audit.tui.screens.review_dialogs import ReviewDialog
from tom_audit.tui.widgets.measure_table import MeasureTable
from tests.test_tui_review import make_app, settle  # the review tests' app: lint at once

SIZE = (120, 40)
PASTE = "Erste Zeile\r\nZweite Zeile mit | und <b>\n\nDritter Absatz\x1b[2J"
SAVED = "Erste Zeile\nZweite Zeile mit | und <b>\n\nDritter Absatz[2J"  # CR LF to LF, ESC dropped




async def paste(app, pilot, selector: str, text: str = PASTE) -> None:
    """Paste into a field as a terminal does (bracketed paste), after focusing it."""
    widget = app.screen.query_one(selector)
    widget.focus()
    await pilot.pause()
    app.post_message(events.Paste(text))  # as the terminal driver does; the app hands it to the focus
    await pilot.pause()


def saved(path: Path):
    return load_assessment(path).assessment


async def test_a_multi_line_paste_into_the_gap_keeps_every_line(new_file):
    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "g")
        await pilot.pause()
        assert isinstance(app.screen, GapDialog)
        await paste(app, pilot, "#gap-description")
        await paste(app, pilot, "#gap-action", "1. Protokolle einschalten\n2. Alarme einrichten")
        await pilot.press("enter")  # in a multi-line field, enter is a new line, not "save"
        assert isinstance(app.screen, GapDialog)
        app.screen.query_one("#gap-due").value = "2026-09-30"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
    gap = saved(new_file).measures["ENT-01"].gap
    assert gap.description == SAVED
    assert gap.action == "1. Protokolle einschalten\n2. Alarme einrichten"


async def test_a_multi_line_paste_into_the_note_and_the_na_reason(new_file):
    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AnswerDialog)
        await paste(app, pilot, "#note")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.press("j", "5")
        await pilot.pause()
        assert isinstance(app.screen, ReasonDialog)
        await paste(app, pilot, "#reason", "Kein eigener Serverraum.\nDer Betrieb liegt beim Rechenzentrum.")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    measures = saved(new_file).measures
    assert measures["ENT-01"].note == SAVED
    assert measures["ENT-02"].note == "Kein eigener Serverraum.\nDer Betrieb liegt beim Rechenzentrum."
    assert measures["ENT-02"].status == "not_applicable"


async def test_a_multi_line_paste_into_the_dpos_comment(new_file):
    app = make_app(new_file, mode="review", reviewer="Dr. Eva Schmidt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        measure_id = app.screen.query_one(MeasureTable).measure_id
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ReviewDialog)
        await paste(app, pilot, "#review-comment")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
    review = saved(new_file).measures[measure_id].review
    assert (review.state, review.comment) == ("question", SAVED)


async def test_esc_asks_before_discarding_typed_text(new_file):
    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "g")
        await pilot.pause()
        await paste(app, pilot, "#gap-description", "Lange Beschreibung,\ndie nicht verloren gehen darf")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DiscardDialog)  # asked, not thrown away
        await pilot.press("escape")  # Esc again: keep editing
        await pilot.pause()
        assert isinstance(app.screen, GapDialog)
        assert app.screen.query_one("#gap-description").text == "Lange Beschreibung,\ndie nicht verloren gehen darf"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")  # the default button keeps editing too
        await pilot.pause()
        assert isinstance(app.screen, GapDialog)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#discard")  # only an explicit choice discards
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
    assert saved(new_file).measures["ENT-01"].gap is None


async def test_esc_without_typing_closes_at_once(new_file):
    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        for key in ("g", "e", "enter"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, (GapDialog, EvidenceDialog, AnswerDialog))
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, MainScreen), key


async def test_esc_asks_in_every_form_with_typed_text(new_file):
    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        for key, field in (("e", "#description"), ("enter", "#owner"), ("5", "#reason")):
            await pilot.press(key)
            await pilot.pause()
            app.screen.query_one(field).focus()
            await pilot.press(*"abc")
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, DiscardDialog), key
            await pilot.click("#discard")
            await pilot.pause()
            assert isinstance(app.screen, MainScreen), key
    assert "ENT-01" not in saved(new_file).measures


async def test_esc_in_the_setup_asks_before_discarding_a_typed_name(new_file):
    from tom_audit.tui.screens.setup import SetupScreen

    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        await pilot.press("escape")  # nothing typed: closes at once
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("end", *" & Co. KG")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DiscardDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    assert saved(new_file).organisation.name == "Muster GmbH & Co. KG"


async def test_evidence_urls_with_a_password_are_refused_and_tokens_warned(new_file):
    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#target").value = "https://user:s3cret@wiki.example/x"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EvidenceDialog)  # refused in the dialog
        error = str(app.screen.query_one(".dialog-error").render())
        assert "Passwort entfernen" in error and "s3cret" not in error
        app.screen.query_one("#target").value = "https://wiki.example/x?access_token=abc"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
        assert any("Token" in str(n.message) for n in app._notifications)
    assert [e.ref for e in saved(new_file).measures["ENT-01"].evidence] == ["https://wiki.example/x?access_token=abc"]
