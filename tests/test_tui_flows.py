"""The questionnaire driven with keys (Textual Pilot); every test re-reads the saved file."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tom_audit.i18n import current_language
from tom_audit.store.assessment_store import load_assessment, save_assessment
from tom_audit.tui.app import TomAuditApp
from tom_audit.tui.screens.dialogs import ConflictDialog, ReasonDialog
from tom_audit.tui.screens.edit_dialogs import AnswerDialog, EvidenceDialog, GapDialog
from tom_audit.tui.screens.help import HelpScreen
from tom_audit.tui.screens.main import MainScreen
from tom_audit.tui.screens.setup import SetupScreen
from tom_audit.tui.session import Session
from tom_audit.tui.widgets.category_list import CategoryList
from tom_audit.tui.widgets.measure_table import MeasureTable

SIZE = (120, 40)


def make_app(path: Path, **kwargs) -> TomAuditApp:
    return TomAuditApp(Session.open(path, by="tester"), watch_disk=False, **kwargs)


async def settle(app, pilot) -> None:
    """Let messages run and the save thread finish."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def type_text(pilot, text: str) -> None:
    await pilot.press(*text)


async def click(app, pilot, selector: str) -> None:
    """Click a widget as the user would, after scrolling it into view."""
    widget = app.screen.query_one(selector)
    widget.scroll_visible(animate=False, immediate=True)
    await pilot.pause()
    assert await pilot.click(widget)


def table(app) -> MeasureTable:
    return app.screen.query_one(MeasureTable)


def saved(path: Path):
    return load_assessment(path).assessment


async def test_first_measure_is_selected_and_keys_answer(new_file):
    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert table(app).measure_id == "ENT-01"
        assert app.focused is table(app)
        await pilot.press("1", "j", "2", "j", "3", "down", "4")
        await settle(app, pilot)
        assert "gespeichert" in str(app.screen.query_one("#sb-saved").render())
    measures = saved(new_file).measures
    assert {m: a.status for m, a in measures.items()} == {
        "ENT-01": "implemented", "ENT-02": "partial", "ENT-03": "planned", "ENT-04": "not_implemented"}
    assert measures["ENT-01"].changed.by == "tester"


async def test_setup_of_a_new_assessment(new_file, catalogue):
    app = make_app(new_file, new=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        screen = app.screen
        screen.query_one("#organisation").value = ""
        await pilot.click("#organisation")
        await type_text(pilot, "Beispiel AG")
        await pilot.press("tab")
        await type_text(pilot, "Lohnabrechnung")
        await click(app, pilot, "#need--hoch")
        for question_id in ("paper_records", "mobile_work"):
            await click(app, pilot, f"#{question_id}--false")
        await click(app, pilot, "#office--none_remote")
        await click(app, pilot, "#hosting--saas_only")
        await pilot.pause()
        summary = str(screen.query_one("#setup-summary").render())
        assert "entfallen" in summary and "(0 entfallen)" not in summary
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
        # measures for own premises drop out, with the catalogue's reason
        assert table(app).measure_id is not None
    data = saved(new_file)
    assert data.organisation.name == "Beispiel AG"
    assert data.scope.service == "Lohnabrechnung"
    assert data.scope.protection_need == "hoch"
    assert data.scoping == {"office": "none_remote", "paper_records": False, "mobile_work": False,
                            "hosting": "saas_only"}
    assert data.measures == {}  # dropping out is derived, not written as answers
    from tom_audit.logic.applicability import effective_of

    dropped = [m for m in catalogue.measures if effective_of(data, m).automatic]
    assert dropped and all(effective_of(data, m).status == "not_applicable" for m in dropped)


async def test_setup_can_be_reopened_and_cancelled(new_file):
    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        await click(app, pilot, "#office--none_remote")
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
    assert saved(new_file).scoping == {}


async def test_not_applicable_asks_for_a_reason(new_file):
    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        assert isinstance(app.screen, ReasonDialog)
        await pilot.press("enter")  # empty: refused, the dialog stays
        await pilot.pause()
        assert isinstance(app.screen, ReasonDialog)
        assert "Grund" in str(app.screen.query_one(".dialog-error").render())
        await type_text(pilot, "Kein eigener Serverraum")
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
        await pilot.press("j", "5", "escape")  # cancelled: nothing recorded
        await settle(app, pilot)
    answer = saved(new_file).measures["ENT-01"]
    assert (answer.status, answer.note) == ("not_applicable", "Kein eigener Serverraum")
    assert "ENT-02" not in saved(new_file).measures


async def test_evidence_file_is_hashed(new_file, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    evidence = tmp_path / "docs" / "zutritt.pdf"
    evidence.parent.mkdir()
    evidence.write_bytes(b"%PDF-1.4 Zutrittsprotokoll\n" * 50)
    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EvidenceDialog)
        await type_text(pilot, "docs/missing.pdf")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EvidenceDialog)  # a missing file is refused in the dialog
        app.screen.query_one("#target").value = ""
        await type_text(pilot, "docs/zutritt.pdf")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
        await pilot.press("e")
        await pilot.pause()
        await type_text(pilot, "https://wiki.example.org/zutritt")
        await pilot.press("enter")
        await settle(app, pilot)
    items = saved(new_file).measures["ENT-01"].evidence
    assert [i.ref for i in items] == ["docs/zutritt.pdf", "https://wiki.example.org/zutritt"]
    assert items[0].sha256 == hashlib.sha256(evidence.read_bytes()).hexdigest()
    assert items[0].size == evidence.stat().st_size
    assert items[1].sha256 == ""
    assert "sha256: \"" + items[0].sha256 in new_file.read_text(encoding="utf-8")


async def test_gap_is_recorded(new_file):
    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "g")
        await pilot.pause()
        assert isinstance(app.screen, GapDialog)
        await type_text(pilot, "Keine Protokolle")
        dialog = app.screen
        dialog.query_one("#gap-risk").value = "high"
        dialog.query_one("#gap-action").value = "Protokollierung einschalten"
        dialog.query_one("#gap-owner").value = "IT-Leitung"
        dialog.query_one("#gap-due").value = "2026-13-01"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GapDialog)  # a bad date is refused with its message
        assert "2026-13-01" in str(app.screen.query_one(".dialog-error").render())
        dialog.query_one("#gap-due").value = "2026-09-30"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
    gap = saved(new_file).measures["ENT-01"].gap
    assert (gap.description, gap.risk, gap.action, gap.owner, gap.due, gap.state) == (
        "Keine Protokolle", "high", "Protokollierung einschalten", "IT-Leitung", "2026-09-30", "open")


async def test_answer_form(new_file):
    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AnswerDialog)
        dialog = app.screen
        dialog.query_one("#status").value = "implemented"
        dialog.query_one("#note").text = "Transponder seit 2021, Protokolle 90 Tage."
        dialog.query_one("#owner").value = "Haustechnik"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
    answer = saved(new_file).measures["ENT-01"]
    assert (answer.status, answer.note, answer.owner) == (
        "implemented", "Transponder seit 2021, Protokolle 90 Tage.", "Haustechnik")


async def test_undo_restores_the_previous_answer(new_file):
    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "2")
        await settle(app, pilot)
        assert saved(new_file).measures["ENT-01"].status == "partial"
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert saved(new_file).measures["ENT-01"].status == "implemented"
        await pilot.press("j", "ctrl+z")  # undo acts on the measure changed last, wherever the cursor is
        await settle(app, pilot)
        assert table(app).measure_id == "ENT-01"
        await pilot.press("ctrl+z")  # nothing left
        await settle(app, pilot)
    assert saved(new_file).measures == {}


async def test_filter_cycles(new_file):
    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "j", "4")
        await settle(app, pilot)
        all_rows = list(table(app).measure_ids)
        await pilot.press("f")  # open
        await pilot.pause()
        assert app.screen.filter == "open"
        assert "ENT-01" not in table(app).measure_ids and "ENT-02" not in table(app).measure_ids
        await pilot.press("f")  # gaps
        await pilot.pause()
        assert table(app).measure_ids == ["ENT-02"]
        await pilot.press("f")  # required
        await pilot.pause()
        need = app.screen.session.assessment.scope.protection_need
        assert all(app.screen.session.measure(m).required_at(need) for m in table(app).measure_ids)
        await pilot.press("f")  # the DPO's objections (none yet): a list across all categories
        await pilot.pause()
        assert app.screen.filter == "objections" and table(app).measure_ids == []
        await pilot.press("f")  # measures with findings, across all categories
        await pilot.pause()
        assert app.screen.filter == "findings"
        assert set(table(app).measure_ids) == set(app.session.findings_by_measure)
        await pilot.press("f")  # all again, in the category of before
        await pilot.pause()
        assert table(app).measure_ids == all_rows
    assert saved(new_file).measures["ENT-02"].status == "not_implemented"


async def test_search_finds_ids_and_both_languages(new_file):
    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "backup")  # English and German texts both say it
        await pilot.pause()
        hits = table(app).measure_ids
        assert hits and len({app.screen.session.measure(m).category for m in hits}) >= 1
        assert all(app.screen.session.matches(app.screen.session.measure(m), "backup") for m in hits)
        app.screen.query_one("#search").value = ""
        await type_text(pilot, "intruder alarm")  # only in the English title of ENT-02
        await pilot.pause()
        assert "ENT-02" in table(app).measure_ids
        await pilot.press("enter")  # to the list; the keys answer the hit
        await pilot.press("3")
        await settle(app, pilot)
        answered = table(app).measure_id
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.query_one("#search").display
        assert len(table(app).measure_ids) > 1
        assert table(app).measure_id == answered  # the search ends on the measure found, in its category
    assert saved(new_file).measures[answered].status == "planned"


async def test_language_switch(new_file):
    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        detail = app.screen.query_one("#detail-body")
        assert "Worum es geht" in str(detail.render())
        await pilot.press("l")
        await pilot.pause()
        assert current_language() == "en"
        assert "What it is about" in str(app.screen.query_one("#detail-body").render())
        assert table(app).columns["title"].label.plain == "Measure"
        footer = {b.binding.description for b in app.screen.active_bindings.values()}
        assert "Evidence" in footer and "Deutsch" in footer
        await pilot.press("1")
        await settle(app, pilot)
        await pilot.press("l")
        await pilot.pause()
        assert current_language() == "de"
    data = saved(new_file)
    assert data.measures["ENT-01"].status == "implemented"
    assert data.language == "de"  # the UI language is not a change to the file


async def test_next_open_jumps_across_categories(new_file, catalogue):
    first = [m.id for m in catalogue.measures_by_category[catalogue.categories[0].id]]
    second = catalogue.measures_by_category[catalogue.categories[1].id][0].id
    session = Session.open(new_file, by="tester")
    from tom_audit.logic.answers import Edit

    for measure_id in first[:-1]:
        session.record(measure_id, Edit(status="implemented"))
    session.save()
    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert table(app).measure_id == first[-1]
        await pilot.press("1", "n")
        await settle(app, pilot)
        assert table(app).measure_id == second
        assert app.screen.query_one(CategoryList).category_id == catalogue.categories[1].id
    assert saved(new_file).measures[first[-1]].status == "implemented"


async def test_external_change_asks_and_keep_mine_writes(new_file):
    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        other = load_assessment(new_file).assessment
        other.organisation.name = "Geändert im Editor"
        save_assessment(new_file, other)
        await pilot.press("1")
        await settle(app, pilot)
        assert isinstance(app.screen, ConflictDialog)
        # nothing of ours was written over the other version
        on_disk = saved(new_file)
        assert on_disk.organisation.name == "Geändert im Editor" and on_disk.measures == {}
        await pilot.click("#keep")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
    on_disk = saved(new_file)
    assert on_disk.measures["ENT-01"].status == "implemented"
    backup = load_assessment(new_file.with_name(new_file.name + ".bak")).assessment
    assert backup.organisation.name == "Geändert im Editor"


async def test_external_change_reload(new_file):
    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await settle(app, pilot)
        other = load_assessment(new_file).assessment
        other.organisation.name = "Aus git pull"
        save_assessment(new_file, other)
        app.check_disk()  # what the interval timer and the app regaining focus do
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("r")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.session.assessment.organisation.name == "Aus git pull"
        await pilot.press("j", "2")
        await settle(app, pilot)
    data = saved(new_file)
    assert data.organisation.name == "Aus git pull"
    assert data.measures["ENT-02"].status == "partial"


async def test_touched_but_unchanged_file_is_no_conflict(new_file):
    import os

    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        os.utime(new_file, (1, 1))
        await pilot.press("1")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
    assert saved(new_file).measures["ENT-01"].status == "implemented"


async def test_help_lists_the_real_bindings(new_file):
    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        help_table = app.screen.query_one("#help-keys")
        keys = " ".join(str(help_table.get_row_at(i)[0]) for i in range(help_table.row_count))
        actions = " ".join(str(help_table.get_row_at(i)[1]) for i in range(help_table.row_count))
        from tom_audit.tui.screens.main import REVIEW_ACTIONS

        for binding in MainScreen.BINDINGS:
            if binding.action.split("(")[0] in REVIEW_ACTIONS:  # the DPO's keys: review mode only
                assert "akzeptieren" not in actions and "Freigeben" not in actions
            elif binding.action != "escape":
                assert app.get_key_display(binding) in keys, binding.key
        from textual.binding import Binding

        for key in ("ctrl+z", "ctrl+q", "f1", "question_mark", "l", "slash", "ctrl+p"):
            assert app.get_key_display(Binding(key, "x")) in keys, key
        await pilot.press("l")  # the help follows the language
        await pilot.pause()
        assert str(app.screen.query_one("#help-title").render()) == "Keys"
        assert "Evidence" in " ".join(str(help_table.get_row_at(i)[1]) for i in range(help_table.row_count))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_command_palette_offers_screen_actions(new_file):
    from tom_audit.tui.commands import ScreenActions

    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        provider = ScreenActions(app.screen)
        found = [hit async for hit in provider.discover()]
        texts = [str(hit.display) for hit in found]
        assert any("Nachweis" in t for t in texts) and any("umgesetzt" in t for t in texts)
        hits = [hit async for hit in provider.search("nächste")]
        assert hits
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "teilweise")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(app, pilot)
    assert saved(new_file).measures["ENT-01"].status == "partial"


async def test_changed_catalogue_is_adopted_before_the_first_save(new_file, catalogue):
    text = new_file.read_text(encoding="utf-8").replace(catalogue.sha256, "0" * 64)
    text = text.replace(f'version: "{catalogue.version}"', 'version: "2020.1"', 1)
    new_file.write_text(text, encoding="utf-8")
    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.session.changes is not None  # and it was shown
        assert any("2020.1" in str(n.message) for n in app._notifications)
        await pilot.press("1")
        await settle(app, pilot)
    loaded = load_assessment(new_file)
    assert loaded.catalogue_changes is None
    assert loaded.assessment.catalogue.sha256 == catalogue.sha256
    assert loaded.assessment.catalogue.version == catalogue.version


async def test_quit_writes_pending_work(new_file):
    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "ctrl+q")
        await pilot.pause()
    assert saved(new_file).measures["ENT-01"].status == "implemented"


@pytest.mark.parametrize("size", [(80, 24)])
async def test_small_terminal_still_works(new_file, size):
    app = make_app(new_file)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert table(app).measure_id == "ENT-01"
        await pilot.press("z")
        await pilot.pause()
        assert app.screen.maximized is not None
        await pilot.press("2", "escape")
        await settle(app, pilot)
        assert app.screen.maximized is None
    assert saved(new_file).measures["ENT-01"].status == "partial"


async def test_start_screen_new_then_setup(tmp_path, monkeypatch):
    from tom_audit.tui.screens.start import NewDialog, StartScreen

    monkeypatch.chdir(tmp_path)
    app = TomAuditApp(watch_disk=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NewDialog)
        app.screen.query_one("#new-path").value = "kunde"
        app.screen.query_one("#new-org").value = "Kunde GmbH"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, SetupScreen)
        assert app.screen.query_one("#organisation").value == "Kunde GmbH"
        await pilot.press("escape")  # "later"
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
        await pilot.press("1")
        await settle(app, pilot)
    data = saved(tmp_path / "kunde.tom.yaml")
    assert data.organisation.name == "Kunde GmbH" and data.measures["ENT-01"].status == "implemented"


async def test_start_screen_shows_the_problems_of_a_bad_file(tmp_path):
    from tom_audit.store import recent
    from tom_audit.tui.screens.dialogs import ProblemsDialog
    from tom_audit.tui.screens.start import OpenDialog

    bad = tmp_path / "kaputt.tom.yaml"
    bad.write_text("format: tom-audit/assessment\nformat_version: 1\nmeasures: [\n", encoding="utf-8")
    recent.remember(bad)
    app = TomAuditApp(watch_disk=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # the recent file
        await pilot.pause()
        assert isinstance(app.screen, ProblemsDialog)
        text = " ".join(str(w.render()) for w in app.screen.query(".problem"))
        assert "kaputt.tom.yaml:" in text and "YAML" in text
        await pilot.press("escape", "o")
        await pilot.pause()
        assert isinstance(app.screen, OpenDialog)
        app.screen.query_one("#open-path").value = str(bad)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OpenDialog)  # stays, with the problems shown
        assert "kaputt.tom.yaml:" in str(app.screen.query_one(".dialog-error").render())


async def test_mouse_picks_category_and_measure(new_file, catalogue):
    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#categories", offset=(2, 2))  # the third category
        await pilot.pause()
        third = catalogue.categories[2].id
        assert app.screen.query_one(CategoryList).category_id == third
        first_of_third = catalogue.measures_by_category[third][0].id
        await pilot.click("#measures", offset=(12, 2))  # second row under the header
        await pilot.pause()
        second = catalogue.measures_by_category[third][1].id
        assert table(app).measure_id == second
        await pilot.press("3")
        await settle(app, pilot)
    measures = saved(new_file).measures
    assert measures[second].status == "planned" and first_of_third not in measures


async def test_large_catalogue_searches_after_typing_pauses(tmp_path):
    from benchmarks.generate import write_catalogue
    from tom_audit.store.creating import create_assessment as create

    catalogue = write_catalogue(tmp_path / "big.yaml", 2_000)
    path = tmp_path / "big.tom.yaml"
    create(path, str(catalogue), "Groß GmbH", "de")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert len(table(app).measure_ids) > 100  # one category of 2,000 measures
        await pilot.press("slash", *"G1-1999")
        await pilot.press("enter")  # Enter searches at once, without waiting
        await pilot.pause()
        assert table(app).measure_ids == ["G1-1999"]
        await pilot.press("2")
        await settle(app, pilot)
    assert saved(path).measures["G1-1999"].status == "partial"
