"""The categories, each with its progress ("Zutrittskontrolle  7/12")."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tom_audit.logic.progress import Counts
from tom_audit.model.catalogue import Category


class CategoryList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "tui.nav.down", show=False),
        Binding("k", "cursor_up", "tui.nav.up", show=False),
    ]

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.category_ids: list[str] = []

    def show(self, rows: list[tuple[Category, Counts]], lang: str) -> None:
        """Fill or update the list, keeping the highlighted category."""
        prompts = [self._prompt(category, counts, lang) for category, counts in rows]
        ids = [category.id for category, _ in rows]
        if ids == self.category_ids:
            for index, prompt in enumerate(prompts):
                self.replace_option_prompt_at_index(index, prompt)
            return
        highlighted = self.highlighted
        self.category_ids = ids
        self.set_options(Option(prompt, id=cid) for prompt, cid in zip(prompts, ids))
        self.highlighted = highlighted if highlighted is not None and highlighted < len(ids) else 0

    @staticmethod
    def _prompt(category: Category, counts: Counts, lang: str) -> Table:
        """Title left (cut with … when narrow), count right: fits whatever the width."""
        done = counts.open == 0 and counts.total > 0
        grid = Table.grid(expand=True, padding=(0, 0, 0, 1))
        grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        grid.add_column(justify="right", no_wrap=True)
        grid.add_row(Text(category.title(lang), no_wrap=True, overflow="ellipsis"),
                     Text(f"{counts.answered}/{counts.total}", style="bold" if done else "dim"))
        return grid

    @property
    def category_id(self) -> str | None:
        if self.highlighted is None or not self.category_ids:
            return None
        return self.category_ids[self.highlighted]

    def select_category(self, category_id: str) -> None:
        if category_id in self.category_ids:
            self.highlighted = self.category_ids.index(category_id)
