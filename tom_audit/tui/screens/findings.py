"""All findings of lint in one list (the whole assessment, categories, measures); Enter goes
to the measure or category a finding is about."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static

from tom_audit.i18n import current_language, tr
from tom_audit.logic.lint import Finding, counts
from tom_audit.tui.bindings import Translated
from tom_audit.tui.look import FINDING_MARKERS, FINDING_STYLES, finding_style
from tom_audit.tui.session import Session

WHERE_WIDTH = 18


class FindingsTable(DataTable):
    BINDINGS = [Binding("enter", "select_cursor", "tui.key.goto_finding")]


class FindingsScreen(Translated, ModalScreen["Finding | None"]):
    """Gives back the finding chosen with Enter (the caller goes to its place), or None."""

    BINDINGS = [
        Binding("escape,F", "close", "tui.key.close"),
        Binding("l", "app.toggle_language", "tui.key.language"),
        Binding("question_mark,f1", "app.help", "tui.key.help"),  # a modal screen hides the app's keys
    ]

    def __init__(self, session: Session, current: str | None = None):
        super().__init__()
        self.session = session
        self.current = current  # the selected measure: the list starts at its first finding
        self.findings: list[Finding] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-wide", id="findings"):
            yield Label(classes="dialog-title", id="findings-title")
            yield FindingsTable(id="findings-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="findings-detail")
            yield Static(id="findings-footer", classes="hint")

    def on_mount(self) -> None:
        self.fill()
        self.query_one("#findings-table", DataTable).focus()
        self.call_after_refresh(self._fit)  # the message column to the table's width, once it has one

    def fill(self) -> None:
        """From the session's last lint run, in the current language; keeps the cursor."""
        lang = current_language()
        table = self.query_one("#findings-table", DataTable)
        keep = table.cursor_row if self.findings else None
        self.findings = list(self.session.findings)
        totals = counts(self.findings)
        self.query_one("#findings-title", Label).update(
            tr("tui.findings.title", **totals) if self.findings else tr("tui.findings.none"))
        table.clear(columns=True)
        table.add_column(" ", key="severity", width=1)
        table.add_column(tr("tui.findings.col.where"), key="where", width=WHERE_WIDTH)
        table.add_column(tr("tui.findings.col.rule"), key="rule", width=6)
        table.add_column(tr("tui.findings.col.finding"), key="finding", width=self._finding_width(table))
        for index, finding in enumerate(self.findings):
            table.add_row(
                Text(FINDING_MARKERS[finding.severity], style=finding_style(self.app, finding.severity)),
                Text(self._where(finding, lang), no_wrap=True, overflow="ellipsis"),
                Text(finding.rule, style="dim"),
                Text(finding.message(lang), no_wrap=True, overflow="ellipsis"),
                key=str(index),
            )
        if keep is None and self.current is not None:
            keep = next((i for i, f in enumerate(self.findings) if f.measure_id == self.current), 0)
        if self.findings:
            table.move_cursor(row=min(keep or 0, len(self.findings) - 1), animate=False, scroll=True)
        self.show_detail()
        self.query_one("#findings-footer", Static).update(tr("tui.findings.footer"))

    @staticmethod
    def _finding_width(table: DataTable) -> int | None:
        """The message column takes the rest of the table (cut with …), so that nothing
        scrolls sideways; None (as wide as the text) before the table has a size."""
        width = table.size.width
        # four columns with one cell of padding either side, and room for a scrollbar
        return max(20, width - 1 - WHERE_WIDTH - 6 - 8 - 2) if width else None

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit)

    def _fit(self) -> None:
        table = self.query_one("#findings-table", DataTable)
        column = table.columns.get("finding")
        if column is not None and column.width != self._finding_width(table):
            self.fill()

    def _where(self, finding: Finding, lang: str) -> str:
        if finding.measure_id:
            return finding.measure_id
        if finding.category_id:
            category = self.session.catalogue.category_by_id.get(finding.category_id)
            return category.title(lang) if category else finding.category_id
        return tr("tui.findings.general")

    def highlighted(self) -> Finding | None:
        table = self.query_one("#findings-table", DataTable)
        if not self.findings or not 0 <= table.cursor_row < len(self.findings):
            return None
        return self.findings[table.cursor_row]

    def show_detail(self) -> None:
        finding = self.highlighted()
        detail = self.query_one("#findings-detail", Static)
        if finding is None:
            detail.update("")
            return
        lang = current_language()
        severity = tr(f"severity.{finding.severity}")
        detail.update(Content.assemble(
            (f"{FINDING_MARKERS[finding.severity]} {severity[:1].upper()}{severity[1:]} · {finding.rule} · "
             f"{tr(f'lint.title.{finding.rule}')}\n", FINDING_STYLES[finding.severity]),
            finding.message(lang) + "\n",
            (finding.hint(lang, ui=True), "$text-muted"),
        ))

    @on(DataTable.RowHighlighted, "#findings-table")
    def row_highlighted(self) -> None:
        self.show_detail()

    @on(DataTable.RowSelected, "#findings-table")
    def row_selected(self) -> None:
        finding = self.highlighted()
        if finding is None:
            return
        if finding.measure_id is None and finding.category_id is None:
            self.notify(tr("tui.findings.general_hint"), timeout=4)
            return
        self.dismiss(finding)

    def refresh_language(self) -> None:
        self.fill()

    def refresh_findings(self) -> None:
        self.fill()

    def action_close(self) -> None:
        self.dismiss(None)
