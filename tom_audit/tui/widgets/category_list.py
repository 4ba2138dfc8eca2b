"""The categories, each with its findings and progress ("Zutrittskontrolle  !3  7/12")."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tom_audit.logic.progress import Counts
from tom_audit.model.catalogue import Category
from tom_audit.tui.look import FINDING_MARKERS

# the worst finding of a category (its measures' and its own) and how many there are
Flags = dict[str, tuple[str, int]]


class CategoryList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "tui.nav.down", show=False),
        Binding("k", "cursor_up", "tui.nav.up", show=False),
    ]

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.category_ids: list[str] = []
        self.by_user = False  # the next highlight comes from the user's key or click

    def take_by_user(self) -> bool:
        """Whether the highlight just reported was the user's doing (and forget it)."""
        by_user, self.by_user = self.by_user, False
        return by_user

    def action_cursor_up(self) -> None:
        self.by_user = True
        super().action_cursor_up()

    def action_cursor_down(self) -> None:
        self.by_user = True
        super().action_cursor_down()

    def action_first(self) -> None:
        self.by_user = True
        super().action_first()

    def action_last(self) -> None:
        self.by_user = True
        super().action_last()

    def action_page_up(self) -> None:
        self.by_user = True
        super().action_page_up()

    def action_page_down(self) -> None:
        self.by_user = True
        super().action_page_down()

    async def _on_click(self, event) -> None:
        self.by_user = True
        await super()._on_click(event)

    def show(self, rows: list[tuple[Category, Counts]], lang: str, flags: Flags | None = None,
             styles: dict[str, object] | None = None) -> None:
        """Fill or update the list, keeping the highlighted category (or none, while a work
        list across all categories is shown)."""
        flags, styles = flags or {}, styles or {}
        prompts = [self._prompt(category, counts, lang, flags.get(category.id), styles) for category, counts in rows]
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
    def _prompt(category: Category, counts: Counts, lang: str, flag: tuple[str, int] | None,
                styles: dict[str, object]) -> Table:
        """The title on its own line (wrapped when narrow, never cut: "Zutrittskont…" says
        little), findings and count right below it: readable at any width."""
        done = counts.open == 0 and counts.total > 0
        grid = Table.grid(expand=True, padding=(0, 0, 0, 1))
        grid.add_column(ratio=1, overflow="fold")
        found = Text("")
        if flag is not None:
            severity, number = flag
            found = Text(f"{FINDING_MARKERS[severity]}{number} ", style=styles.get(severity, ""))
        grid.add_row(Text(category.title(lang), overflow="fold"))
        grid.add_row(Text.assemble(found, (f"{counts.answered}/{counts.total}", "bold" if done else "dim"),
                                   justify="right"))
        return grid

    @property
    def category_id(self) -> str | None:
        if self.highlighted is None or not self.category_ids:
            return None
        return self.category_ids[self.highlighted]

    def select_category(self, category_id: str) -> None:
        if category_id in self.category_ids:
            self.highlighted = self.category_ids.index(category_id)

    def clear_highlight(self) -> None:
        """No category is shown: a work list across all of them is."""
        self.highlighted = None
