"""The main screen, moving: search, filters, "next open", go to a measure or category."""

from __future__ import annotations

from textual.widgets import Input

from tom_audit.i18n import tr
from tom_audit.tui.session import QUEUES
from tom_audit.tui.widgets.category_list import CategoryList
from tom_audit.tui.widgets.measure_table import MeasureTable

SEARCH_AT_ONCE = 500  # measures; larger catalogues search after a short pause in typing
SEARCH_DELAY = 0.15  # seconds


class MovingMixin:
    """Part of MainScreen: where the cursor goes, and what narrows the list."""

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
