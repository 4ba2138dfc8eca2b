"""The questionnaire: categories with progress, their measures, the selected measure's detail.

Every change goes through `Session.record` (that is, `logic.answers.record`), a review through
`Session.set_review`, an approval through `Session.approve`; then the app saves (and lints) in
a thread. The screen only decides what is shown and which measure a key acts on.

Two modes: "normal" for IT staff answering (the DPO's objections first, if any), and "review"
for the DPO (`tom-audit review`): the answer keys give way to review keys, and the measures
come with findings first.

The screen is split by concern, one mixin a module: `shown` (what is shown), `moving`
(search, filters, going to a measure), `recording` (answer keys and forms),
`reviewing` (review keys, approval, findings). This module holds the keys, the layout, the
event handlers and the screen-wide actions.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, OptionList

from tom_audit.i18n import current_language, tr
from tom_audit.tui.bindings import Translated
from tom_audit.tui.screens.main.moving import SEARCH_AT_ONCE, SEARCH_DELAY, MovingMixin
from tom_audit.tui.screens.main.recording import RecordingMixin
from tom_audit.tui.screens.main.reviewing import ReviewingMixin
from tom_audit.tui.screens.main.shown import FINDING_QUEUES, ShownMixin
from tom_audit.tui.session import FILTERS, QUEUES, REVIEW_FILTERS, Session
from tom_audit.tui.widgets.category_list import CategoryList
from tom_audit.tui.widgets.measure_detail import MeasureDetail
from tom_audit.tui.widgets.measure_table import MeasureTable
from tom_audit.tui.widgets.status_bar import StatusBar

__all__ = ["MainScreen", "ANSWER_ACTIONS", "REVIEW_ACTIONS", "FINDING_QUEUES", "SEARCH_AT_ONCE", "SEARCH_DELAY"]

STATUS_KEYS = {"1": "implemented", "2": "partial", "3": "planned", "4": "not_implemented"}
STATUS_GROUP = Binding.Group("tui.key.status_group", compact=True)
REVIEW_KEYS = {"a": "accepted", "r": "rejected", "q": "question", "o": "open"}
REVIEW_GROUP = Binding.Group("tui.key.review_group", compact=True)
FINDINGS_GROUP = Binding.Group("tui.key.findings_group", compact=True)
# what only IT staff do (answering), and what only the DPO does (reviewing, approving)
ANSWER_ACTIONS = {"set_status", "not_applicable", "evidence", "gap", "setup", "confirm_na", "confirm_all_na"}
REVIEW_ACTIONS = {"review", "approve"}


class MainScreen(ShownMixin, MovingMixin, RecordingMixin, ReviewingMixin, Translated, Screen):
    AUTO_FOCUS = "#measures"
    BINDINGS = [
        *(Binding(key, f"set_status('{status}')", f"tui.key.{status}", group=STATUS_GROUP, id=f"status-{key}")
          for key, status in STATUS_KEYS.items()),
        Binding("5", "not_applicable", "tui.key.not_applicable", group=STATUS_GROUP, id="status-5"),
        Binding("e", "evidence", "tui.key.evidence", id="evidence"),
        Binding("g", "gap", "tui.key.gap", id="gap"),
        Binding("c", "confirm_na", "tui.key.confirm_na", show=False, id="confirm-na"),
        Binding("C", "confirm_all_na", "tui.key.confirm_all_na", show=False, id="confirm-all-na"),
        *(Binding(key, f"review('{state}')", f"tui.key.review.{state}", group=REVIEW_GROUP, id=f"review-{key}")
          for key, state in REVIEW_KEYS.items()),
        Binding("n", "next_open", "tui.key.next_open", id="next-open"),
        Binding("exclamation_mark", "next_finding", "tui.key.next_finding", group=FINDINGS_GROUP, id="next-finding"),
        Binding("F", "findings", "tui.key.findings", group=FINDINGS_GROUP, id="findings"),
        Binding("slash", "search", "tui.key.search", id="search"),
        Binding("f", "cycle_filter", "tui.key.filter", id="filter"),
        Binding("A", "approve", "tui.key.approve", show=False, id="approve"),
        Binding("z", "zoom", "tui.key.zoom", show=False, id="zoom"),
        Binding("s", "setup", "tui.key.setup", show=False, id="setup"),
        Binding("ctrl+z", "undo", "tui.key.undo", show=False, id="undo"),
        Binding("escape", "escape", "tui.key.escape", show=False),
    ]

    def __init__(self, session: Session, mode: str = "normal"):
        super().__init__()
        self.session = session
        self.mode = mode
        self.filter = "all"
        self.query_text = ""
        self._keep: str | None = None  # the measure to select when the table is next filled
        self._search_timer = None
        self._linted = False  # the first findings arrived
        self._nothing_left = False  # every measure answered (in review mode: reviewed)

    @property
    def review_mode(self) -> bool:
        return self.mode == "review"

    @property
    def filters(self) -> tuple[str, ...]:
        return REVIEW_FILTERS if self.review_mode else FILTERS

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
        if self.review_mode:
            self.filter = "review"  # findings first, then the rest
        elif self.session.objections():
            self.filter = "objections"  # IT staff: what the DPO sent back comes first
        self.refresh_all()
        table = self.query_one(MeasureTable)
        table.focus()
        self.app.schedule_lint(0)  # the findings, once there is a screen to show them
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.refresh_all())

    @property
    def lang(self) -> str:
        return current_language()

    def binding_params(self) -> dict[str, str]:
        return {"filter": tr(f"tui.filter.{self.filter}"),
                "filters": ", ".join(tr(f"tui.filter.{name}") for name in self.filters)}

    def binding_aliases(self) -> dict[str, str]:
        """Keys that do the mode's own thing under the same key (Enter, n)."""
        if self.review_mode:
            return {"tui.key.answer": "tui.key.review_form", "tui.key.next_open": "tui.key.next_unreviewed"}
        return {}

    def footer_hides(self) -> set[str]:
        # the footer needs the room: search (/, as in less and vim) and the language are in the
        # help and the palette, and "next open" only shows while something is open
        return {"search", "toggle_language"} | ({"next_open"} if self._nothing_left else set())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ANSWER_ACTIONS:
            return not self.review_mode
        if action in REVIEW_ACTIONS:
            return self.review_mode
        return True

    # -- events (here, not in a mixin: Textual collects @on handlers from Screen subclasses only)

    @on(OptionList.OptionHighlighted, "#categories")
    def category_highlighted(self) -> None:
        categories = self.query_one(CategoryList)
        by_user = categories.take_by_user()
        if self._keep is None and self.filter in QUEUES and not by_user:
            # not the user (the list highlights its first entry when it is filled): the work
            # list across all categories stays
            with categories.prevent(OptionList.OptionHighlighted):
                categories.clear_highlight()
            return
        if self._keep is None:  # the user picked a category: leave a search or work list
            if self.query_text:
                self._clear_search(refill=False)
            if self.filter in QUEUES:
                self.filter = "all"
                self.refresh_bindings()
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
        if self.review_mode:
            self.review_form()
        else:
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

    # -- screen-wide --------------------------------------------------------------------

    def refresh_findings(self) -> None:
        self.findings_changed()

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
