"""The questionnaire: categories with progress, their measures, the selected measure's detail.

Every change goes through `Session.record` (that is, `logic.answers.record`), then the app
saves in a thread. The screen only decides what is shown and which measure a key acts on.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, OptionList

from tom_audit.i18n import current_language, tr
from tom_audit.logic.answers import AnswerError, Edit
from tom_audit.model.catalogue import Measure
from tom_audit.tui.bindings import Translated
from tom_audit.tui.screens.dialogs import ReasonDialog
from tom_audit.tui.screens.edit_dialogs import AnswerDialog, EvidenceDialog, GapDialog
from tom_audit.tui.session import FILTERS, Session
from tom_audit.tui.widgets.category_list import CategoryList
from tom_audit.tui.widgets.measure_detail import MeasureDetail
from tom_audit.tui.widgets.measure_table import MeasureTable
from tom_audit.tui.widgets.status_bar import StatusBar

STATUS_KEYS = {"1": "implemented", "2": "partial", "3": "planned", "4": "not_implemented"}
STATUS_GROUP = Binding.Group("tui.key.status_group", compact=True)
SEARCH_AT_ONCE = 500  # measures; larger catalogues search after a short pause in typing
SEARCH_DELAY = 0.15  # seconds


class MainScreen(Translated, Screen):
    BINDINGS = [
        *(Binding(key, f"set_status('{status}')", f"tui.key.{status}", group=STATUS_GROUP, id=f"status-{key}")
          for key, status in STATUS_KEYS.items()),
        Binding("5", "not_applicable", "tui.key.not_applicable", group=STATUS_GROUP, id="status-5"),
        Binding("e", "evidence", "tui.key.evidence", id="evidence"),
        Binding("g", "gap", "tui.key.gap", id="gap"),
        Binding("n", "next_open", "tui.key.next_open", id="next-open"),
        Binding("slash", "search", "tui.key.search", id="search"),
        Binding("f", "cycle_filter", "tui.key.filter", id="filter"),
        Binding("z", "zoom", "tui.key.zoom", show=False, id="zoom"),
        Binding("s", "setup", "tui.key.setup", show=False, id="setup"),
        Binding("ctrl+z", "undo", "tui.key.undo", show=False, id="undo"),
        Binding("escape", "escape", "tui.key.escape", show=False),
    ]

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.filter = "all"
        self.query_text = ""
        self._keep: str | None = None  # the measure to select when the table is next filled
        self._search_timer = None

    # -- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield StatusBar(id="status-bar")
        with Horizontal(id="body"):
            yield CategoryList(id="categories")
            with Vertical(id="right"):
                yield Input(id="search", placeholder=tr("tui.search.placeholder"), compact=True)
                yield MeasureTable(id="measures")
                yield MeasureDetail(id="detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#search", Input).display = False
        self.refresh_all()
        table = self.query_one(MeasureTable)
        table.focus()
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.refresh_all())

    @property
    def lang(self) -> str:
        return current_language()

    def binding_params(self) -> dict[str, str]:
        return {"filter": tr(f"tui.filter.{self.filter}")}

    # -- what is shown -----------------------------------------------------------------

    def view(self) -> list[Measure]:
        session = self.session
        if self.query_text.strip():
            pool = [m for m in session.ordered() if session.matches(m, self.query_text)]
        else:
            category_id = self.query_one(CategoryList).category_id
            pool = list(session.catalogue.measures_by_category.get(category_id, ())) if category_id else []
        return [m for m in pool if session.shows(m, self.filter)]

    def refresh_all(self, keep: str | None = None) -> None:
        """Rebuild everything from the session (after the setup, a reload, a language switch)."""
        self.refresh_overview()
        self.fill_table(keep or self.current_id())
        self.refresh_bindings()

    def refresh_overview(self) -> None:
        progress = self.session.progress()
        categories = self.query_one(CategoryList)
        categories.show(progress.categories, self.lang)
        assessment = self.session.assessment
        self.query_one(StatusBar).show(
            organisation=assessment.organisation.name, service=assessment.scope.service,
            need=assessment.scope.protection_need, file_name=self.session.path.name,
            overall=progress.overall, view=self.view_label(),
        )

    def view_label(self) -> str:
        parts = []
        if self.filter != "all":
            parts.append(tr("tui.status.filter", filter=tr(f"tui.filter.{self.filter}")))
        if self.query_text.strip():
            parts.append(tr("tui.status.search", query=self.query_text.strip()))
        return " · ".join(parts)

    def fill_table(self, keep: str | None = None) -> None:
        measures = self.view()
        table = self.query_one(MeasureTable)
        table.show(self.session, measures, self.lang, keep=keep)
        self.show_detail()

    def show_detail(self) -> None:
        measure_id = self.current_id()
        measure = self.session.measure(measure_id) if measure_id else None
        self.query_one(MeasureDetail).show(self.session, measure, self.lang)

    def current_id(self) -> str | None:
        try:
            return self.query_one(MeasureTable).measure_id
        except Exception:  # before compose
            return None

    def current(self) -> Measure | None:
        measure_id = self.current_id()
        if measure_id is None:
            self.notify(tr("tui.notify.no_measure"), severity="warning")
            return None
        return self.session.measure(measure_id)

    def after_change(self, measure_id: str) -> None:
        """One answer changed: update its row, the counts, the detail; then autosave."""
        measure = self.session.measure(measure_id)
        self.query_one(MeasureTable).update_measure(measure)
        self.refresh_overview()
        self.show_detail()
        self.app.request_save()

    # -- events ------------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#categories")
    def category_highlighted(self) -> None:
        if self._keep is None and self.query_text:
            self._clear_search(refill=False)
        keep, self._keep = self._keep, None
        self.fill_table(keep)
        self.refresh_overview()

    @on(OptionList.OptionSelected, "#categories")
    def category_selected(self) -> None:
        self.query_one(MeasureTable).focus()

    @on(DataTable.RowHighlighted, "#measures")
    def measure_highlighted(self) -> None:
        self.show_detail()

    @on(DataTable.RowSelected, "#measures")
    def measure_selected(self) -> None:
        self.action_answer()

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        if self._search_timer is not None:
            self._search_timer.stop()
        if len(self.session.catalogue.measures) < SEARCH_AT_ONCE:
            self._run_search()
        else:  # a large catalogue: search when typing pauses, so keys never queue up
            self._search_timer = self.set_timer(SEARCH_DELAY, self._run_search)

    def _run_search(self) -> None:
        self._search_timer = None
        self.fill_table(self.current_id())
        self.refresh_overview()

    @on(Input.Submitted, "#search")
    def search_submitted(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
            self._run_search()
        self.query_one(MeasureTable).focus()

    # -- recording ---------------------------------------------------------------------

    def record(self, measure_id: str, edit: Edit) -> str | None:
        """Record through the core; None if it worked, else the message (nothing changed)."""
        try:
            self.session.record(measure_id, edit)
        except AnswerError as error:
            return tr(error.key, **error.params)
        self.after_change(measure_id)
        return None

    def action_set_status(self, status: str) -> None:
        measure = self.current()
        if measure is None:
            return
        error = self.record(measure.id, Edit(status=status, confirm=True))
        if error:
            self.notify(error, severity="error")

    def action_not_applicable(self) -> None:
        measure = self.current()
        if measure is None:
            return
        hint = measure.not_applicable_reason(self.lang) if measure.not_applicable_reason else ""
        current = self.session.answer(measure.id).note
        self.app.push_screen(ReasonDialog(
            f"{measure.id} {measure.title(self.lang)}", current, hint,
            lambda reason: self.record(measure.id, Edit(status="not_applicable", note=reason, confirm=True)),
        ))

    def action_answer(self) -> None:
        measure = self.current()
        if measure is not None:
            self.app.push_screen(AnswerDialog(self.session, measure, self.lang,
                                              lambda edit: self.record(measure.id, edit)))

    def action_evidence(self) -> None:
        measure = self.current()
        if measure is not None:
            self.app.push_screen(EvidenceDialog(self.session, measure, self.lang,
                                                lambda edit: self.record(measure.id, edit)))

    def action_gap(self) -> None:
        measure = self.current()
        if measure is not None:
            self.app.push_screen(GapDialog(self.session, measure, self.lang,
                                           lambda edit: self.record(measure.id, edit)))

    def action_undo(self) -> None:
        measure_id = self.session.undo()
        if measure_id is None:
            self.notify(tr("tui.notify.nothing_to_undo"))
            return
        self.go_to(measure_id)
        self.after_change(measure_id)
        self.notify(tr("tui.notify.undone", id=measure_id))

    # -- moving ------------------------------------------------------------------------

    def go_to(self, measure_id: str) -> None:
        """Select a measure, switching category and dropping a search or filter that hides it."""
        measure = self.session.measure(measure_id)
        if measure_id in self.query_one(MeasureTable).measure_ids:
            self.query_one(MeasureTable).select_measure(measure_id)
            return
        if self.query_text:
            self._clear_search(refill=False)
        if not self.session.shows(measure, self.filter):
            self.filter = "all"
            self.refresh_bindings()
        categories = self.query_one(CategoryList)
        if categories.category_id != measure.category:
            self._keep = measure_id
            categories.select_category(measure.category)  # refills through category_highlighted
        else:
            self.fill_table(measure_id)
            self.refresh_overview()

    def action_next_open(self) -> None:
        target = self.session.next_open(self.current_id())
        if target is None:
            self.notify(tr("tui.notify.all_answered"))
            return
        self.go_to(target.id)
        self.query_one(MeasureTable).focus()

    def action_cycle_filter(self) -> None:
        self.filter = FILTERS[(FILTERS.index(self.filter) + 1) % len(FILTERS)]
        self.fill_table(self.current_id())
        self.refresh_overview()
        self.refresh_bindings()
        self.notify(tr("tui.notify.filter", filter=tr(f"tui.filter.{self.filter}")), timeout=2)

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        search.focus()

    def _clear_search(self, refill: bool = True) -> None:
        search = self.query_one("#search", Input)
        if self._search_timer is not None:
            self._search_timer.stop()
            self._search_timer = None
        self.query_text = ""
        with search.prevent(Input.Changed):
            search.value = ""
        search.display = False
        if refill:
            self.fill_table(self.current_id())
            self.refresh_overview()

    def action_escape(self) -> None:
        if self.maximized is not None:
            self.minimize()
        elif self.query_one("#search", Input).display:
            self._clear_search()
            self.query_one(MeasureTable).focus()

    def action_zoom(self) -> None:
        if self.maximized is not None:
            self.minimize()
        else:
            self.maximize(self.query_one(MeasureDetail))

    def action_setup(self) -> None:
        from tom_audit.tui.screens.setup import SetupScreen

        self.app.push_screen(SetupScreen(self.session, first=False), self._setup_done)

    def _setup_done(self, changed: bool | None) -> None:
        if changed:
            self.refresh_all()
            self.app.request_save()

    def refresh_language(self) -> None:
        self.query_one("#search", Input).placeholder = tr("tui.search.placeholder")
        self.refresh_all()
