"""The questionnaire: categories with progress, their measures, the selected measure's detail.

Every change goes through `Session.record` (that is, `logic.answers.record`), a review through
`Session.set_review`, an approval through `Session.approve`; then the app saves (and lints) in
a thread. The screen only decides what is shown and which measure a key acts on.

Two modes: "normal" for IT staff answering (the DPO's objections first, if any), and "review"
for the DPO (`tom-audit review`): the answer keys give way to review keys, and the measures
come with findings first.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, OptionList

from textual.content import Content

from tom_audit.i18n import current_language, tr
from tom_audit.logic.answers import AnswerError, Edit
from tom_audit.logic.lint import SEVERITIES, Finding, counts
from tom_audit.model.catalogue import Measure
from tom_audit.tui.bindings import Translated
from tom_audit.tui.look import FINDING_MARKERS, FINDING_STYLES, REVIEW_MARKERS, REVIEW_STYLES
from tom_audit.tui.screens.dialogs import ReasonDialog
from tom_audit.tui.screens.edit_dialogs import AnswerDialog, EvidenceDialog, GapDialog
from tom_audit.tui.screens.findings import FindingsScreen
from tom_audit.tui.screens.review_dialogs import NEEDS_COMMENT, ApproveDialog, ReviewDialog
from tom_audit.tui.session import APPROVAL, FILTERS, QUEUES, REVIEW_FILTERS, Session
from tom_audit.tui.widgets.category_list import CategoryList
from tom_audit.tui.widgets.measure_detail import MeasureDetail
from tom_audit.tui.widgets.measure_table import MeasureTable
from tom_audit.tui.widgets.status_bar import StatusBar

STATUS_KEYS = {"1": "implemented", "2": "partial", "3": "planned", "4": "not_implemented"}
STATUS_GROUP = Binding.Group("tui.key.status_group", compact=True)
REVIEW_KEYS = {"a": "accepted", "r": "rejected", "q": "question", "o": "open"}
REVIEW_GROUP = Binding.Group("tui.key.review_group", compact=True)
FINDINGS_GROUP = Binding.Group("tui.key.findings_group", compact=True)
# what only IT staff do (answering), and what only the DPO does (reviewing, approving)
ANSWER_ACTIONS = {"set_status", "not_applicable", "evidence", "gap", "setup"}
REVIEW_ACTIONS = {"review", "approve"}
# work lists whose members or order depend on the findings (refilled when lint reports)
FINDING_QUEUES = ("review", "findings", "unreviewed")
SEARCH_AT_ONCE = 500  # measures; larger catalogues search after a short pause in typing
SEARCH_DELAY = 0.15  # seconds


class MainScreen(Translated, Screen):
    AUTO_FOCUS = "#measures"
    BINDINGS = [
        *(Binding(key, f"set_status('{status}')", f"tui.key.{status}", group=STATUS_GROUP, id=f"status-{key}")
          for key, status in STATUS_KEYS.items()),
        Binding("5", "not_applicable", "tui.key.not_applicable", group=STATUS_GROUP, id="status-5"),
        Binding("e", "evidence", "tui.key.evidence", id="evidence"),
        Binding("g", "gap", "tui.key.gap", id="gap"),
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

    # -- what is shown -----------------------------------------------------------------

    def view(self) -> list[Measure]:
        session = self.session
        if self.filter in FINDING_QUEUES and not self._linted:
            return []  # their order comes with the findings: one fill, not two of 2,000 rows
        if self.filter in QUEUES:  # a work list across all categories (a search narrows it)
            pool = session.queue(self.filter)
            query = self.query_text.strip()
            return [m for m in pool if session.matches(m, query)] if query else pool
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
        session = self.session
        progress = session.progress()
        categories = self.query_one(CategoryList)
        flags: dict[str, tuple[str, int]] = {}
        for finding in session.findings:
            if finding.category_id:
                severity, number = flags.get(finding.category_id, (finding.severity, 0))
                flags[finding.category_id] = (min(severity, finding.severity, key=SEVERITIES.index), number + 1)
        styles = {name: self.app.theme_variables.get(f"text-{colour}", "")
                  for name, colour in (("error", "error"), ("warning", "warning"), ("info", "accent"))}
        if self.filter in QUEUES:  # no category is shown, but a work list across them
            with categories.prevent(OptionList.OptionHighlighted):
                categories.show(progress.categories, self.lang, flags, styles)
                categories.clear_highlight()
        else:
            categories.show(progress.categories, self.lang, flags, styles)
        assessment = session.assessment
        reviewed = None
        approval = ""
        if self.review_mode:
            review_counts = session.review_counts()
            total = sum(review_counts.values())
            reviewed = (total - review_counts["open"], total)
            approval_state = session.approval_state()
            approval = tr(f"tui.status.approval.{approval_state}",
                          version=assessment.approval.version if assessment.approval else "")
        nothing_left = (reviewed[0] == reviewed[1]) if reviewed is not None else progress.overall.open == 0
        if nothing_left != self._nothing_left:
            self._nothing_left = nothing_left
            self.refresh_bindings()
        status_bar = self.query_one(StatusBar)
        status_bar.show(
            organisation=assessment.organisation.name, service=assessment.scope.service,
            need=assessment.scope.protection_need, file_name=session.path.name,
            overall=progress.overall, findings=self.findings_summary(),
            reviewed=reviewed, approval=approval,
        )

    def findings_summary(self) -> Content:
        """‼5 !15 i2, and the DPO's objections ✗1 ?2: what is left to do, at a glance."""
        totals = counts(self.session.findings)
        parts: list = []
        for severity, number in totals.items():
            if number:
                parts += [(f"{FINDING_MARKERS[severity]}{number}", FINDING_STYLES[severity]), " "]
        review_counts = self.session.review_counts()
        for state in ("rejected", "question"):
            if review_counts[state]:
                parts += [(f"{REVIEW_MARKERS[state]}{review_counts[state]}", REVIEW_STYLES[state]), " "]
        return Content.assemble(*parts[:-1]) if parts else Content("")

    def view_label(self) -> str:
        """What the list shows, beside its heading: a filter (other than all of a category),
        a search."""
        parts = []
        if self.filter != "all":
            parts.append(tr(f"tui.filter.{self.filter}"))
        if self.query_text.strip():
            parts.append(tr("tui.status.search", query=self.query_text.strip()))
        return " · ".join(parts)

    def fill_table(self, keep: str | None = None, row: int | None = None) -> None:
        """Fill the table from the view; the cursor on `keep`, else on `row`, else the first."""
        measures = self.view()
        table = self.query_one(MeasureTable)
        table.show(self.session, measures, self.lang, keep=keep, row=row, heading=self.view_label())
        self.show_detail()

    def show_detail(self, keep_scroll: bool = False) -> None:
        measure_id = self.current_id()
        measure = self.session.measure(measure_id) if measure_id else None
        waiting = measure is None and self.filter in FINDING_QUEUES and not self._linted
        self.query_one(MeasureDetail).show(self.session, measure, self.lang, review_mode=self.review_mode,
                                           keep_scroll=keep_scroll,
                                           empty="tui.detail.linting" if waiting else "tui.detail.nothing")

    def refill(self, keep: str | None, row: int | None) -> None:
        """The view changed members: drop rows if that is all, else fill the table again."""
        table = self.query_one(MeasureTable)
        if table.drop(self.view(), keep, row):
            self.show_detail()
        else:
            self.fill_table(keep, row=row)

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
        table = self.query_one(MeasureTable)
        if self.filter in QUEUES and [m.id for m in self.view()] != table.measure_ids:
            # the change moved it into or out of the work list: the next one takes its row
            self.refill(self.current_id(), table.cursor_row)
        else:
            table.update_measure(measure)
        self.refresh_overview()
        self.show_detail()
        self.app.request_save()

    def findings_changed(self) -> None:
        """Lint reported (after the start and after changes): markers, counts, detail."""
        table = self.query_one(MeasureTable)
        first = not self._linted
        self._linted = True
        if self.filter in FINDING_QUEUES and [m.id for m in self.view()] != table.measure_ids:
            # the first findings put the measures that have some on top: start there
            self.refill(None if first else self.current_id(), 0 if first else table.cursor_row)
        else:
            table.update_markers()
            self.show_detail(keep_scroll=True)
        self.refresh_overview()

    # -- events ------------------------------------------------------------------------

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
        if measure_id == APPROVAL:
            self.refresh_overview()
            self.app.request_save()
            self.notify(tr("tui.notify.approval_undone"))
            return
        self.go_to(measure_id)
        self.after_change(measure_id)
        self.notify(tr("tui.notify.undone", id=measure_id))

    # -- reviewing (review mode) ---------------------------------------------------------

    def record_review(self, measure_id: str, state: str, comment: str = "") -> str | None:
        """Record the DPO's review through the core; None if it worked, else the message."""
        try:
            self.session.set_review(measure_id, state, comment)
        except AnswerError as error:
            return tr(error.key, **error.params)
        self.after_change(measure_id)
        if state != "open":
            self.call_after_refresh(self.advance, measure_id)
        return None

    def action_review(self, state: str) -> None:
        if state in NEEDS_COMMENT:
            self.review_form(state)
            return
        measure = self.current()
        if measure is None:
            return
        error = self.record_review(measure.id, state)
        if error:
            self.notify(error, severity="error")

    def review_form(self, state: str | None = None) -> None:
        """The review dialog: state (preset) and comment."""
        measure = self.current()
        if measure is None:
            return
        self.app.push_screen(ReviewDialog(
            self.session, measure, self.lang, state or self.session.review_state(measure.id),
            lambda chosen, comment: self.record_review(measure.id, chosen, comment)))

    def advance(self, reviewed: str) -> None:
        """After a review, on to the next measure: in a work list the reviewed one left, the
        one that took its row; else the next one below not reviewed yet; else the next in the
        DPO's walk (findings first), wherever it is."""
        table = self.query_one(MeasureTable)
        ids = table.measure_ids
        if reviewed not in ids:
            if ids:
                return  # it left the work list: the cursor is on the one that took its row
        elif self.current_id() != reviewed:
            return  # the user moved on already
        else:
            below = ids[ids.index(reviewed) + 1:]
            following = next((m for m in below if self.session.review_state(m) == "open"), None)
            if following is not None:
                table.select_measure(following)
                return
        target = self.session.next_unreviewed(reviewed)
        if target is None:
            self.notify(tr("tui.notify.all_reviewed"), timeout=6)
            return
        self.go_to(target.id)

    def action_approve(self) -> None:
        self.app.push_screen(ApproveDialog(self.session, self.approve))

    def approve(self, by: str, version: str) -> str | None:
        try:
            approval = self.session.approve(by, version or None)
        except AnswerError as error:
            key = f"tui.approve.refused.{error.key}"
            message = tr(key, **error.params)
            return message if message != key else tr(error.key, **error.params)
        self.refresh_overview()
        self.app.request_save()
        self.notify(tr("tui.notify.approved", version=approval.version, date=approval.date, by=approval.by),
                    timeout=8)
        return None

    # -- findings ------------------------------------------------------------------------

    def action_next_finding(self) -> None:
        target = self.session.next_finding(self.current_id())
        if target is None:
            self.notify(tr("tui.notify.no_findings"))
            return
        self.go_to(target.id)
        self.query_one(MeasureTable).focus()

    def action_findings(self) -> None:
        self.app.push_screen(FindingsScreen(self.session, self.current_id()), self._finding_chosen)

    def _finding_chosen(self, finding: Finding | None) -> None:
        if finding is None:
            return
        if finding.measure_id:
            self.go_to(finding.measure_id)
        elif finding.category_id:
            self.go_to_category(finding.category_id)
        self.query_one(MeasureTable).focus()

    # -- moving ------------------------------------------------------------------------

    def go_to(self, measure_id: str) -> None:
        """Select a measure, switching category and dropping a search or filter that hides it."""
        measure = self.session.measure(measure_id)
        if measure_id in self.query_one(MeasureTable).measure_ids:
            self.query_one(MeasureTable).select_measure(measure_id)
            return
        if self.query_text:
            self._clear_search(refill=False)
        if self.filter in QUEUES and self.session.shows(measure, self.filter):
            self.fill_table(measure_id)  # in the work list, though not listed when it was filled
            self.refresh_overview()
            return
        if not self.session.shows(measure, self.filter) or self.filter in QUEUES:
            self.filter = "all"
            self.refresh_bindings()
        self._show_category(measure.category, measure_id)

    def go_to_category(self, category_id: str) -> None:
        """Show a category (a finding about it as a whole), all of its measures."""
        if self.query_text:
            self._clear_search(refill=False)
        self.filter = "all"
        self.refresh_bindings()
        self._show_category(category_id, "")

    def _show_category(self, category_id: str, keep: str) -> None:
        categories = self.query_one(CategoryList)
        if categories.category_id != category_id:
            self._keep = keep
            categories.select_category(category_id)  # refills through category_highlighted
        else:
            self.fill_table(keep)
            self.refresh_overview()

    def action_next_open(self) -> None:
        if self.review_mode:
            target = self.session.next_unreviewed(self.current_id())
            done = "tui.notify.all_reviewed"
        else:
            target = self.session.next_open(self.current_id())
            done = "tui.notify.all_answered"
        if target is None:
            self.notify(tr(done))
            return
        self.go_to(target.id)
        self.query_one(MeasureTable).focus()

    def action_cycle_filter(self) -> None:
        filters = self.filters
        following = filters[(filters.index(self.filter) + 1) % len(filters)] if self.filter in filters else filters[0]
        self.set_filter(following)
        self.notify(tr("tui.notify.filter", filter=tr(f"tui.filter.{self.filter}")), timeout=2)

    def set_filter(self, name: str) -> None:
        """Show a filter; the selected measure stays selected if the new view lists it."""
        keep = self.current_id()
        self.filter = name
        self.refresh_bindings()
        if name in QUEUES:
            self.fill_table(keep)
            self.refresh_overview()  # takes the highlight off the categories
            return
        categories = self.query_one(CategoryList)
        category_id = categories.category_id
        if category_id is None:  # coming from a work list: the category of the measure it showed
            category_id = self.session.measure(keep).category if keep else self.session.catalogue.categories[0].id
        self._show_category(category_id, keep or "")

    def action_search(self) -> None:
        if self.filter in QUEUES:  # a search looks through everything, not a work list
            self.set_filter("all")
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
            keep = self.current_id()
            if keep and self.filter not in QUEUES:  # stay on the measure found: in its category
                self._show_category(self.session.measure(keep).category, keep)
            else:
                self.fill_table(keep)
                self.refresh_overview()

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
