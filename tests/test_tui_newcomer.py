"""What a newcomer ran into walking through the questionnaire at 80x24 and 120x40."""

from __future__ import annotations

import pytest

from tests.test_tui_flows import make_app, settle
from tom_audit.i18n import current_language, set_language
from tom_audit.tui.screens.help import HelpScreen
from tom_audit.tui.widgets.measure_table import MeasureTable


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_help_descriptions_wrap_instead_of_running_off_the_dialog(new_file, size):
    app = make_app(new_file)
    async with app.run_test(size=size) as pilot:
        await pilot.press("question_mark")
        await settle(app, pilot)
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("#help-keys")
        assert table.max_scroll_x == 0  # nothing hidden to the right
        answer_row = next(i for i in range(table.row_count) if "Zusatzfragen" in str(table.get_row_at(i)[1]))
        assert table.rows[table.ordered_rows[answer_row].key].height >= (2 if size[0] == 80 else 1)
        await pilot.press("l")  # the other language refills the table with the same widths
        await settle(app, pilot)
        assert table.max_scroll_x == 0


async def test_palette_puts_the_measure_typed_by_its_exact_id_first(new_file):
    """ctrl+p, "REC-03", Enter went to TRF-13 ("…nach BSI TR-02102-3" scored higher)."""
    app = make_app(new_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"REC-03")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen.query_one(MeasureTable).measure_id == "REC-03"


@pytest.mark.parametrize("reviewer", [None, "Dr. Eva Schmidt (DSB)"])
async def test_review_mode_greeting_names_the_reviewer_or_says_the_name_is_asked(new_file, reviewer):
    """`tom-audit review FILE` without --by greeted "Prüfmodus als ?"."""
    from tests.test_tui_review import make_app as make_review_app
    from tests.test_tui_review import settle as review_settle

    app = make_review_app(new_file, mode="review", reviewer=reviewer)
    async with app.run_test(size=(80, 24)) as pilot:
        await review_settle(app, pilot)
        messages = " ".join(str(n.message) for n in app._notifications)
        assert "Prüfmodus" in messages and "als ?" not in messages
        assert (f"als {reviewer}" if reviewer else "fragt das Programm nach Ihrem Namen") in messages


def test_key_names_in_texts_are_written_as_the_footer_shows_them():
    """The footer says "Strg+P" / "Ctrl+P"; texts said "ctrl+s" (German too) and "Ctrl+z"."""
    import re

    from tom_audit.i18n import table

    for lang, prefix in (("de", "Strg+"), ("en", "Ctrl+")):
        for key, text in table(lang).items():
            for name in re.findall(r"(?i)\b(?:ctrl|strg)\+\w+", text):
                assert name.startswith(prefix) and name[len(prefix):].isupper(), (lang, key, name)


async def test_approve_anyway_is_readable_whole_at_80x24(new_file):
    """The checkbox label ran on past the dialog ("…vermerkt und" then cut off)."""
    from textual.widgets import Checkbox

    from tests.test_tui_review import make_app as make_review_app
    from tests.test_tui_review import settle as review_settle
    from tom_audit.tui.screens.review_dialogs import ApproveDialog

    app = make_review_app(new_file, mode="review", reviewer="Dr. Eva Schmidt (DSB)")
    async with app.run_test(size=(80, 24)) as pilot:
        await review_settle(app, pilot)
        await pilot.press("A")
        await review_settle(app, pilot)
        assert isinstance(app.screen, ApproveDialog)
        box = app.screen.query_one("#approve-force", Checkbox)
        dialog = box.parent
        label = str(box.label)
        assert box.region.width >= len(label) + 6 and box.region.right <= dialog.content_region.right
        note = app.screen.query_one("#approve-force-note")
        assert "Deckblatt" in str(note.render())
        assert note.region.height >= 1


@pytest.mark.parametrize("opener", ["p", "F"])
async def test_help_and_language_work_over_the_register_and_the_findings(new_file, opener):
    """`?` did nothing over the provider register and the findings list (a modal screen hides
    the app's keys), and `l` in the register was shown but switched off."""
    from tom_audit.tui.screens.findings import FindingsScreen
    from tom_audit.tui.screens.providers import ProvidersScreen

    app = make_app(new_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press(opener)
        await settle(app, pilot)
        opened = type(app.screen)
        assert opened in (ProvidersScreen, FindingsScreen)
        await pilot.press("question_mark")
        await settle(app, pilot)
        assert isinstance(app.screen, HelpScreen)
        keys = " ".join(str(app.screen.query_one("#help-keys").get_row_at(i)[1])
                        for i in range(app.screen.query_one("#help-keys").row_count))
        assert "Sprache" in keys  # the help lists the register's / the list's own keys
        await pilot.press("escape")
        await settle(app, pilot)
        assert type(app.screen) is opened
        await pilot.press("l")
        await settle(app, pilot)
        assert current_language() == "en"
        set_language("de")


async def test_f1_shows_the_keys_of_a_form(new_file):
    from tom_audit.tui.screens.edit_dialogs import AnswerDialog

    app = make_app(new_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, AnswerDialog)
        await pilot.press("f1")
        await settle(app, pilot)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, AnswerDialog)
