"""The measures of the selected category (or of a search, or a work list): markers (status,
worst finding, the DPO's review), id, title, required."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from tom_audit.i18n import tr
from tom_audit.model.catalogue import Measure
from tom_audit.logic.lint import worst
from tom_audit.tui.look import FINDING_MARKERS, MARKERS, REVIEW_MARKERS, TO_CONFIRM, finding_style, review_style, status_style
from tom_audit.tui.session import Session

NEED_WIDTH = 8
MARK_WIDTH = 3  # status, worst finding, review


class MeasureTable(DataTable):
    BINDINGS = [
        Binding("enter", "select_cursor", "tui.key.answer", tooltip="tui.key.answer.tip"),
        Binding("j", "cursor_down", "tui.nav.down", show=False),
        Binding("k", "cursor_up", "tui.nav.up", show=False),
    ]

    def __init__(self, **kwargs):
        super().__init__(cursor_type="row", zebra_stripes=False, **kwargs)
        self.measure_ids: list[str] = []
        self._measures: list[Measure] = []
        self._session: Session | None = None
        self._lang = "de"
        self._title_width = 0
        self._id_width = 6
        self._heading = ""

    def show(self, session: Session, measures: list[Measure], lang: str, keep: str | None = None,
             row: int | None = None, heading: str = "") -> None:
        """Fill the table; the cursor goes to `keep` if listed, else to `row` (kept within the
        table), else to the first row. `heading` (a filter, a search) follows the title's
        column name."""
        self._session, self._measures, self._lang = session, measures, lang
        self._id_width = max([len(tr("tui.col.id"))] + [len(m.id) for m in session.catalogue.measures])
        self._title_width = self._fit_title_width()
        self.clear(columns=True)
        self.add_column(" ", key="mark", width=MARK_WIDTH)
        self.add_column(tr("tui.col.id"), key="id", width=self._id_width)
        self._heading = heading
        title = tr("tui.col.title") + (f" · {heading}" if heading else "")
        self.add_column(Text(title, no_wrap=True, overflow="ellipsis"), key="title", width=self._title_width)
        self.add_column(tr("tui.col.need"), key="need", width=NEED_WIDTH)
        self.measure_ids = [m.id for m in measures]
        self.add_rows_with_keys(measures)
        if measures:
            if keep in self.measure_ids:
                row = self.measure_ids.index(keep)
            else:
                row = min(max(row or 0, 0), len(measures) - 1)
            self.move_cursor(row=row, animate=False, scroll=True)

    def drop(self, measures: list[Measure], keep: str | None = None, row: int | None = None) -> bool:
        """Show `measures` by removing the rows no longer listed, when the others keep their
        order: much cheaper than refilling a work list of 2,000. False when it takes a refill."""
        new = [m.id for m in measures]
        old = self.measure_ids
        remaining = iter(old)
        if len(new) >= len(old) or not all(any(o == n for o in remaining) for n in new):
            return False
        for measure_id in set(old) - set(new):
            self.remove_row(measure_id)
        self.measure_ids, self._measures = new, measures
        if new:
            target = new.index(keep) if keep in new else min(max(row or 0, 0), len(new) - 1)
            self.move_cursor(row=target, animate=False, scroll=True)
        return True

    def add_rows_with_keys(self, measures: list[Measure]) -> None:
        for measure in measures:
            self.add_row(*self._cells(measure), key=measure.id)

    def _fit_title_width(self) -> int:
        width = self.size.width or 60
        # four columns, each with one cell of padding either side, and room for a scrollbar
        return max(12, width - MARK_WIDTH - self._id_width - NEED_WIDTH - 8 - 2)

    def _mark(self, measure: Measure) -> Text:
        session = self._session
        state = session.effective(measure)
        marker = TO_CONFIRM if session.answer(measure.id).to_confirm else MARKERS[state.status]
        mark = Text(marker, style=status_style(self.app, state.status))
        severity = worst(session.findings_by_measure.get(measure.id, ()))
        mark.append(FINDING_MARKERS.get(severity, " "), style=finding_style(self.app, severity))
        review = session.review_state(measure.id)
        mark.append(REVIEW_MARKERS[review], style=review_style(self.app, review))
        return mark

    def _cells(self, measure: Measure) -> tuple[Text, Text, Text, Text]:
        session = self._session
        state = session.effective(measure)
        mark = self._mark(measure)
        review = session.review_state(measure.id)
        title = Text(measure.title(self._lang), no_wrap=True, overflow="ellipsis")
        if review in ("rejected", "question"):  # the DPO wants an answer: stands out for IT staff
            title.stylize(review_style(self.app, review))
        elif state.status == "not_applicable":
            title.stylize("dim")
        if state.status == "not_applicable":
            need = Text(tr("tui.need.na_short"), style="dim")
        elif measure.deprecated_reason:  # neither required nor recommended
            need = Text(tr("tui.need.deprecated_short"), style="dim")
        elif session.required(measure):
            need = Text(tr("tui.need.required_short"))
        else:
            need = Text(tr("tui.need.recommended_short"), style="dim")
        return mark, Text(measure.id, no_wrap=True, overflow="ellipsis"), title, need

    def update_measure(self, measure: Measure) -> None:
        if measure.id not in self.measure_ids:
            return
        for column, cell in zip(("mark", "id", "title", "need"), self._cells(measure)):
            self.update_cell(measure.id, column, cell)

    def update_markers(self) -> None:
        """New findings: rewrite the marker cells that changed (cheap on 2,000 rows)."""
        for measure in self._measures:
            mark = self._mark(measure)
            if self.get_cell(measure.id, "mark") != mark:
                self.update_cell(measure.id, "mark", mark)

    @property
    def measure_id(self) -> str | None:
        if not self.measure_ids or self.cursor_row < 0 or self.cursor_row >= len(self.measure_ids):
            return None
        return self.measure_ids[self.cursor_row]

    def select_measure(self, measure_id: str) -> None:
        if measure_id in self.measure_ids:
            self.move_cursor(row=self.measure_ids.index(measure_id), animate=False, scroll=True)

    def on_resize(self) -> None:
        width = self._fit_title_width()
        if self._session is not None and width != self._title_width:
            self.show(self._session, self._measures, self._lang, keep=self.measure_id, heading=self._heading)
