"""What a newcomer ran into walking through the questionnaire at 80x24 and 120x40."""

from __future__ import annotations

import pytest

from tests.test_tui_flows import make_app, settle
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
