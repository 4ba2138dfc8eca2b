"""The main screen, what is shown: the view (filter, search, category), the overview (category
progress, status bar), the table and the selected measure's detail."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList

from tom_audit.i18n import tr
from tom_audit.logic.lint import SEVERITIES, counts
from tom_audit.model.catalogue import Measure
from tom_audit.tui.look import FINDING_MARKERS, FINDING_STYLES, REVIEW_MARKERS, REVIEW_STYLES
from tom_audit.tui.session import QUEUES
from tom_audit.tui.widgets.category_list import CategoryList
from tom_audit.tui.widgets.measure_detail import MeasureDetail
from tom_audit.tui.widgets.measure_table import MeasureTable
from tom_audit.tui.widgets.status_bar import StatusBar

# work lists whose members or order depend on the findings (refilled when lint reports)
FINDING_QUEUES = ("review", "findings", "unreviewed")


class ShownMixin:
    """Part of MainScreen: builds what the screen shows from the session."""

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
            reviewed = (total - review_counts["open"] - review_counts["changed"], total)
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
        for state in ("rejected", "question", "changed"):
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
