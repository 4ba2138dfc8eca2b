"""F1 / ?: the keys of the screen below, read from its real bindings, and what markers mean."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Label, Static

from tom_audit.i18n import tr
from tom_audit.logic.lint import SEVERITIES
from tom_audit.model.assessment import REVIEW_STATES, STATUSES
from tom_audit.tui.bindings import Translated, key_rows
from tom_audit.tui.look import FINDING_MARKERS, MARKERS, REVIEW_MARKERS, TO_CONFIRM


def help_rows(screen: Screen, app) -> list[tuple[str, str, bool]]:
    """(keys, what they do, is it moving about) for every binding that works on `screen`."""
    return [(row.keys, row.description + (f" – {row.tooltip}" if row.tooltip else ""), row.navigation)
            for row in key_rows(screen, app)]


class HelpScreen(Translated, ModalScreen[None]):
    BINDINGS = [
        Binding("escape,f1,question_mark,q", "close", "tui.key.close"),
        Binding("l", "app.toggle_language", "tui.key.language"),
    ]

    def __init__(self, under: Screen):
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-wide", id="help"):
            yield Label(classes="dialog-title", id="help-title")
            yield DataTable(id="help-keys", cursor_type="row", show_header=True, zebra_stripes=True)
            yield Static(id="help-legend")
            yield Static(id="help-footer")

    def on_mount(self) -> None:
        self.fill()
        self.query_one("#help-keys", DataTable).focus()

    def fill(self) -> None:
        """All texts from the current language and the bindings of the screen below."""
        self.query_one("#help-title", Label).update(tr("tui.help.title"))
        table = self.query_one("#help-keys", DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        rows = help_rows(self.under, self.app)
        keys_width = max([len(tr("tui.help.col.keys")), *(len(keys) for keys, _, _ in rows)])
        table.add_column(tr("tui.help.col.keys"), key="keys", width=keys_width)
        # the descriptions wrap inside the dialog instead of running off its right edge (80x24)
        table.add_column(tr("tui.help.col.action"), key="action", width=self._action_width(keys_width))
        moving = False
        for keys, text, navigation in rows:
            if navigation and not moving:
                moving = True
                table.add_row(Text(""), Text(tr("tui.help.moving"), style="bold"))
            table.add_row(Text(keys, style="bold"), Text(text), height=None)
        table.move_cursor(row=min(row, table.row_count - 1))
        nbsp = "\u00a0"  # a marker and its word stay on one line
        legend = [f"{MARKERS[s]}{nbsp}{(tr(f'status.{s}') if s else tr('status.open')).replace(' ', nbsp)}"
                  for s in (None, *STATUSES)]
        legend.append(f"{TO_CONFIRM}{nbsp}{tr('tui.help.to_confirm')}")
        findings = [f"{FINDING_MARKERS[s]}{nbsp}{tr(f'severity.{s}')}" for s in SEVERITIES]
        reviews = [f"{REVIEW_MARKERS[s]}{nbsp}{tr(f'review.state.{s}').replace(' ', nbsp)}"
                   for s in REVIEW_STATES if s != "open"]
        self.query_one("#help-legend", Static).update(Content.assemble(
            (tr("tui.help.legend") + ": ", "bold"), "   ".join(legend), "\n",
            (tr("tui.help.findings") + ": ", "bold"), "   ".join(findings), "     ",
            (tr("tui.help.review") + ": ", "bold"), "   ".join(reviews)))
        self.query_one("#help-footer", Static).update(Content.styled(tr("tui.help.footer"), "$text-muted"))

    def _action_width(self, keys_width: int) -> int:
        """Cells left for the description: the table's width less the keys column, the cell
        padding (1 each side of both columns) and the vertical scrollbar."""
        table = self.query_one("#help-keys", DataTable)
        width = table.size.width or min(100, self.app.size.width) - 6
        return max(20, width - keys_width - 4 - table.styles.scrollbar_size_vertical)

    def on_resize(self) -> None:
        self.call_after_refresh(self.fill)

    def refresh_language(self) -> None:
        self.fill()

    def action_close(self) -> None:
        self.dismiss(None)
