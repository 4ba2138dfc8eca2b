"""Two languages in the answers: an English note (and gap action) entered next to the German,
used by `--lang en` exports where present; lint notes where a bilingual assessment lacks it."""

from __future__ import annotations

from datetime import date

from tests.test_tui_flows import click, make_app, settle, type_text
from tom_audit.cli.main import main
from tom_audit.logic.lint import lint
from tom_audit.store.assessment_store import load_assessment
from tom_audit.tui.screens.edit_dialogs import AnswerDialog


async def test_english_note_entered_in_the_form_and_exported(new_file, catalogue, tmp_path):
    measure = catalogue.measures[0].id
    assert main(["set", str(new_file), catalogue.measures[1].id, "--status", "implemented",
                 "--note", "Nur deutsch"]) == 0
    assert main(["set", str(new_file), measure, "--status", "implemented"]) == 0
    app = make_app(new_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AnswerDialog)
        app.screen.query_one("#note").text = "Chipkarten an allen Türen"
        await click(app, pilot, "#note-en")
        await type_text(pilot, "Smart cards on every door")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    answer = load_assessment(new_file).assessment.measures[measure]
    assert (answer.note, answer.note_en) == ("Chipkarten an allen Türen", "Smart cards on every door")
    english, german = tmp_path / "en.md", tmp_path / "de.md"
    assert main(["export", str(new_file), "-o", str(english), "--lang", "en"]) == 0
    assert main(["export", str(new_file), "-o", str(german), "--lang", "de"]) == 0
    assert "Smart cards on every door" in english.read_text(encoding="utf-8")
    assert "Chipkarten an allen Türen" not in english.read_text(encoding="utf-8")
    assert "Chipkarten an allen Türen" in german.read_text(encoding="utf-8")
    loaded = load_assessment(new_file)
    found = lint(loaded.catalogue, loaded.assessment, today=date.today())
    missing = [f for f in found if f.rule == "TOM043"]
    assert missing and catalogue.measures[1].id in missing[0].params["ids"]
    assert measure not in missing[0].params["ids"]


def test_set_note_en(new_file, catalogue):
    measure = catalogue.measures[0].id
    assert main(["set", str(new_file), measure, "--note", "Täglich", "--note-en", "Daily"]) == 0
    assert load_assessment(new_file).assessment.measures[measure].note_en == "Daily"


def test_top_level_help_is_german_throughout(capsys):
    """`tom-audit --help` (German by default) says what --version does in German too."""
    try:
        main(["--help"])
    except SystemExit:
        pass
    out = capsys.readouterr().out
    assert "die Version zeigen und beenden" in out
    assert "show program's version" not in out
