"""The register of sub-processors and other providers (key p on the main screen, or the
palette): the list, the selected entry with its findings, and the add / edit form.

Every change goes through the core (`logic.providers`: add_provider, update_provider,
remove_provider, with `apply_form`'s checks), exactly like `tom-audit provider`; a refused
change shows its message in the form and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Checkbox, DataTable, Input, Label, Static

from tom_audit.i18n import current_language, tr
from tom_audit.logic.answers import AnswerError
from tom_audit.logic.provider_form import ProviderError, ProviderForm
from tom_audit.logic.provider_text import (
    avv_label, certificate_label, kind_label, locations_label, transfer_label,
)
from tom_audit.logic.providers import (
    add_provider, is_active, remove_provider, set_inherited, update_provider, users_of,
)
from tom_audit.model.providers import Provider
from tom_audit.tui.bindings import Translated
from tom_audit.tui.look import FINDING_MARKERS, FINDING_STYLES, finding_style
from tom_audit.tui.screens.dialogs import FormDialog
from tom_audit.tui.session import Session

# (form field, label key, width class); the order of the form
TEXT_FIELDS = (
    ("name", "tui.providers.field.name"), ("legal_entity", "tui.providers.field.legal_entity"),
    ("address", "tui.providers.field.address"), ("service", "tui.providers.field.service"),
    ("data_categories", "tui.providers.field.data_categories"),
    ("data_subjects", "tui.providers.field.data_subjects"),
    ("countries", "tui.providers.field.countries"), ("transfer", "tui.providers.field.transfer"),
    ("scc_module", "tui.providers.field.scc_module"), ("tia", "tui.providers.field.tia"),
    ("avv_date", "tui.providers.field.avv_date"), ("avv_location", "tui.providers.field.avv_location"),
    ("certificates", "tui.providers.field.certificates"), ("tom_checked", "tui.providers.field.tom_checked"),
    ("since", "tui.providers.field.since"), ("ended", "tui.providers.field.ended"),
    ("note", "tui.providers.field.note"),
)


def form_values(provider: Provider | None) -> dict[str, str]:
    """The form's text for an entry, in the syntax the form reads back (apply_form)."""
    if provider is None:
        return {name: "" for name, _ in TEXT_FIELDS}
    bases = [t for t in provider.transfers if t.basis]
    modules = {t.scc_module for t in provider.transfers if t.basis == "scc" and t.scc_module}
    tia = next((t for t in provider.transfers if t.tia), None)
    return {
        "name": provider.name, "legal_entity": provider.legal_entity, "address": provider.address,
        "service": provider.service, "data_categories": provider.data_categories,
        "data_subjects": provider.data_subjects, "countries": ", ".join(provider.locations),
        "transfer": "; ".join(f"{t.country}={t.basis}" for t in bases),
        "scc_module": str(modules.pop()) if len(modules) == 1 else "",
        "tia": (tia.tia_date or "ja") if tia else "",
        "avv_date": provider.avv_date, "avv_location": provider.avv_location,
        "certificates": "; ".join(
            " ".join(filter(None, [tr(f"provider.cert.{c.kind}", "en"), f"({c.scope})" if c.scope else "",
                                   c.valid_until])) for c in provider.certificates),
        "tom_checked": provider.tom_checked, "since": provider.since, "ended": provider.ended, "note": provider.note,
    }


class ProviderDialog(FormDialog):
    """Add or edit one entry. `apply_form` takes a ProviderForm and returns None, or raises
    ProviderError (the field is focused and the message shown)."""

    title_key = "tui.providers.add_title"

    def __init__(self, provider: Provider | None, store: Callable[[ProviderForm], None]):
        super().__init__()
        self.provider, self._store = provider, store
        if provider is not None:
            self.title_key = "tui.providers.edit_title"

    def title_text(self) -> str:
        return tr(self.title_key, name=self.provider.name if self.provider else "")

    def body(self) -> ComposeResult:
        values = form_values(self.provider)
        for name, label in TEXT_FIELDS:
            yield Label(tr(label), classes="field-label")
            hint = f"tui.providers.field.{name}.placeholder"
            placeholder = tr(hint)
            yield Input(values[name], id=f"pf-{name}", placeholder="" if placeholder == hint else placeholder)
        yield Checkbox(tr("tui.providers.field.ancillary"), bool(self.provider and self.provider.ancillary),
                       id="pf-ancillary")

    def on_mount(self) -> None:
        self.query_one("#pf-name", Input).focus()

    def form(self) -> ProviderForm:
        values = {name: self.query_one(f"#pf-{name}", Input).value for name, _ in TEXT_FIELDS}
        before = form_values(self.provider)
        changed = {name: value for name, value in values.items() if self.provider is None or value != before[name]}
        return ProviderForm(**changed, ancillary=self.query_one("#pf-ancillary", Checkbox).value)

    def apply(self) -> str | None:
        try:
            self._store(self.form())
        except ProviderError as error:
            field = error.field
            if field and self.query(f"#pf-{field}"):
                self.query_one(f"#pf-{field}").focus()
            return tr(error.key, **error.params)
        except AnswerError as error:
            return tr(error.key, **error.params)
        return None


class RemoveDialog(FormDialog):
    """Remove an entry: asked once more, refused (with the reason) while measures use it."""

    title_key = "tui.providers.remove_title"
    save_key = "tui.providers.remove_button"

    def __init__(self, provider: Provider, remove: Callable[[], None]):
        super().__init__()
        self.provider, self._remove = provider, remove

    def title_text(self) -> str:
        return tr(self.title_key, name=self.provider.name)

    def body(self) -> ComposeResult:
        yield Static(tr("tui.providers.remove_hint"), classes="hint")

    def apply(self) -> str | None:
        try:
            self._remove()
        except AnswerError as error:
            return tr(error.key, **error.params)
        return None


class InheritDialog(FormDialog):
    """Which measures this provider covers ("inherited"): their ids, comma separated. The
    annex then prints the provider and its certificate for them."""

    title_key = "tui.providers.inherit_title"

    def __init__(self, provider: Provider, current: list[str], apply: Callable[[list[str]], None]):
        super().__init__()
        self.provider, self.current, self._apply = provider, current, apply

    def title_text(self) -> str:
        return tr(self.title_key, name=self.provider.name)

    def body(self) -> ComposeResult:
        yield Label(tr("tui.providers.inherit_label"), classes="field-label")
        yield Input(", ".join(self.current), id="pf-measures", placeholder="ENT-09, AVL-10")
        yield Static(tr("tui.providers.inherit_hint"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#pf-measures", Input).focus()

    def apply(self) -> str | None:
        text = self.query_one("#pf-measures", Input).value
        wanted = [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]
        try:
            self._apply(wanted)
        except AnswerError as error:
            return tr(error.key, **error.params)
        return None


class ProvidersTable(DataTable):
    BINDINGS = [Binding("enter", "select_cursor", "tui.key.providers.edit")]


class ProvidersScreen(Translated, ModalScreen[bool]):
    """The register; gives back True when something changed (saved as it happens)."""

    DEFAULT_CSS = """
    #providers { height: 90%; }
    #providers-table { height: 1fr; min-height: 6; }
    #providers-detail { height: auto; max-height: 40%; padding-top: 1; overflow-y: auto; }
    """

    BINDINGS = [
        Binding("escape,p", "close", "tui.key.close"),
        Binding("a", "add", "tui.key.providers.add", id="provider-add"),
        Binding("e", "edit", "tui.key.providers.edit", id="provider-edit"),
        Binding("d,delete", "remove", "tui.key.providers.remove", id="provider-remove"),
        Binding("i", "inherit", "tui.key.providers.inherit", id="provider-inherit"),
        Binding("l", "app.toggle_language", "tui.key.language"),
    ]

    def __init__(self, session: Session, on_change: Callable[[], None] | None = None):
        super().__init__()
        self.session = session
        self.on_change = on_change or (lambda: None)
        self.changed = False

    @property
    def providers(self) -> list[Provider]:
        return self.session.assessment.providers

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-wide", id="providers"):
            yield Label(classes="dialog-title", id="providers-title")
            yield ProvidersTable(id="providers-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="providers-detail")
            yield Static(tr("tui.providers.footer"), id="providers-footer", classes="hint")

    def on_mount(self) -> None:
        self.fill()
        self.query_one("#providers-table", DataTable).focus()
        self.call_after_refresh(self.fill)  # again once the table knows its width (column_widths)

    def fill(self, keep: str | None = None) -> None:
        lang = current_language()
        table = self.query_one("#providers-table", DataTable)
        if keep is None and self.providers and 0 <= table.cursor_row < table.row_count:
            keep = self.current_id()
        self.query_one("#providers-title", Label).update(
            tr("tui.providers.title", count=len(self.providers)) if self.providers else tr("tui.providers.empty"))
        table.clear(columns=True)
        widths = self.column_widths(lang)
        table.add_column(" ", key="flag", width=1)
        for key, width in widths.items():
            table.add_column(tr(f"cli.provider.col.{key}"), key=key, width=width)
        today = self.session_today()
        worst = self._worst_by_provider()
        for p in self.providers:
            transfers = "; ".join(f"{t.country}: {tr(f'provider.basis.{t.basis}') if t.basis else '—'}"
                                  for t in p.transfers) or "—"
            ended = not is_active(p, today)
            style = "dim" if ended else ""
            severity = worst.get(p.id)
            table.add_row(
                Text(FINDING_MARKERS[severity], style=finding_style(self.app, severity)) if severity else "",
                Text(p.name, style=style or "bold", no_wrap=True, overflow="ellipsis"),
                Text(", ".join(p.locations), style=style), Text(transfers, style=style, no_wrap=True,
                                                                overflow="ellipsis"),
                *([Text(p.avv_date or "—", style=style)] if "avv" in widths else []),
                Text(tr("provider.ended_on", date=p.ended) if ended else tr(
                    "tui.providers.kind.ancillary" if p.ancillary else "tui.providers.kind.subprocessor"),
                     style=style, no_wrap=True, overflow="ellipsis"),
                key=p.id,
            )
        if self.providers:
            index = next((i for i, p in enumerate(self.providers) if p.id == keep), 0)
            table.move_cursor(row=index, animate=False, scroll=True)
        self.show_detail()

    def column_widths(self, lang: str) -> dict[str, int]:
        """Widths of the list's columns so that every column fits the dialog (no sideways
        scrolling): below 90 cells the AVV date moves to the detail only, and the transfer
        basis takes what is left (ellipsis; the detail below shows it in full)."""
        table = self.query_one("#providers-table", DataTable)
        available = (table.size.width or min(self.app.size.width - 6, 94)) - 2  # the scrollbar
        narrow = available < 90
        longest = lambda values, cap: max([len(v) for v in values] + [4])  # noqa: E731
        kinds = [tr("provider.ended_on", date="2000-01-01"), tr("tui.providers.kind.ancillary"),
                 tr("tui.providers.kind.subprocessor")]
        widths = {"name": min(longest([p.name for p in self.providers], 0), 18 if narrow else 24),
                  "countries": min(longest([", ".join(p.locations) for p in self.providers], 0), 10 if narrow else 12),
                  "transfer": 0}
        if not narrow:
            widths["avv"] = 10
        widths["kind"] = min(max(len(k) for k in kinds), 13 if narrow else 21)
        padding = 2 * (len(widths) + 1) + 1  # each column's cell padding, and the flag column
        widths["transfer"] = max(12, available - padding - sum(widths.values()))
        return widths

    def on_resize(self) -> None:
        if self.is_mounted:
            self.fill()

    def session_today(self):
        from datetime import date

        return date.today()

    def _findings(self, provider_id: str) -> list:
        return [f for f in self.session.findings if f.measure_id is None and f.params.get("id") == provider_id]

    def _worst_by_provider(self) -> dict[str, str]:
        order = ("error", "warning", "info")
        worst: dict[str, str] = {}
        for f in self.session.findings:
            pid = f.params.get("id") if f.measure_id is None else None
            if pid and (pid not in worst or order.index(f.severity) < order.index(worst[pid])):
                worst[pid] = f.severity
        return worst

    def current_id(self) -> str | None:
        table = self.query_one("#providers-table", DataTable)
        if not self.providers or not 0 <= table.cursor_row < len(self.providers):
            return None
        return self.providers[table.cursor_row].id

    def current(self) -> Provider | None:
        pid = self.current_id()
        return next((p for p in self.providers if p.id == pid), None)

    def show_detail(self) -> None:
        detail = self.query_one("#providers-detail", Static)
        p = self.current()
        if p is None:
            detail.update(tr("tui.providers.empty_hint") if not self.providers else "")
            return
        lang = current_language()
        lines = [(f"{p.name}", "bold"), (f"  [{p.id}] · {kind_label(p, lang)}\n", "$text-muted")]
        for f in self._findings(p.id):
            lines.append((f"{FINDING_MARKERS[f.severity]} {f.message(lang)} [{f.rule}]\n", FINDING_STYLES[f.severity]))
        entity = ", ".join(filter(None, [p.legal_entity, p.address.replace("\n", ", ")]))
        if entity:
            lines.append(entity + "\n")
        if p.service:
            lines.append(p.service + "\n")
        if p.locations:
            lines.append(f"{tr('tui.providers.field.countries')}: {locations_label(p, lang)}\n")
        for t in p.transfers:
            lines.append(f"  {t.country}: {transfer_label(t, lang)}\n")
        avv = avv_label(p, lang)
        if avv:
            lines.append(avv + "\n")
        for c in p.certificates:
            lines.append(f"{certificate_label(c, lang)}\n")
        if p.tom_checked:
            lines.append(f"{tr('tui.providers.field.tom_checked')}: {p.tom_checked}\n")
        covered = users_of(self.session.assessment, p.id)
        if covered:
            lines.append(f"{tr('tui.providers.covers', measures=', '.join(covered))}\n")
        detail.update(Content.assemble(*lines))

    @on(DataTable.RowHighlighted, "#providers-table")
    def row_highlighted(self) -> None:
        self.show_detail()

    @on(DataTable.RowSelected, "#providers-table")
    def row_selected(self) -> None:
        self.action_edit()

    # -- changes ------------------------------------------------------------------------

    def _changed(self, keep: str | None) -> None:
        self.changed = True
        self.session.touch()
        self.on_change()
        self.fill(keep)

    def action_add(self) -> None:
        added: list[str] = []

        def store(form: ProviderForm) -> None:
            added.append(add_provider(self.session.assessment, form).id)

        self.app.push_screen(ProviderDialog(None, store), lambda ok: ok and self._changed(added[-1]))

    def action_edit(self) -> None:
        provider = self.current()
        if provider is None:
            self.action_add()
            return

        def store(form: ProviderForm) -> None:
            update_provider(self.session.assessment, provider.id, form)

        self.app.push_screen(ProviderDialog(provider, store), lambda ok: ok and self._changed(provider.id))

    def action_remove(self) -> None:
        provider = self.current()
        if provider is None:
            return
        self.app.push_screen(RemoveDialog(provider, lambda: remove_provider(self.session.assessment, provider.id)),
                             lambda ok: ok and self._changed(None))

    def action_inherit(self) -> None:
        provider = self.current()
        if provider is None:
            return
        session = self.session
        current = users_of(session.assessment, provider.id)

        def apply(wanted: list[str]) -> None:
            # check every id first (find_measure raises): nothing changes unless all are known
            from tom_audit.logic.answers import find_measure

            wanted = [find_measure(session.catalogue, mid).id for mid in wanted]
            set_inherited(session.assessment, session.catalogue, [m for m in wanted if m not in current],
                          provider.id, by=session.by)
            set_inherited(session.assessment, session.catalogue, [m for m in current if m not in wanted], None,
                          by=session.by)

        self.app.push_screen(InheritDialog(provider, current, apply), lambda ok: ok and self._changed(provider.id))

    def refresh_language(self) -> None:
        self.query_one("#providers-footer", Static).update(tr("tui.providers.footer"))
        self.fill()

    def refresh_findings(self) -> None:
        self.fill()

    def action_close(self) -> None:
        self.dismiss(self.changed)


HOSTED = ("saas_only", "iaas_paas", "colocation")  # the catalogue's hosting answers run by a provider


def offer_hosting_provider(node, session: Session) -> None:
    """After the setup: hosting at a cloud or data-centre provider, and no sub-processor in
    the register yet? Say how to record that provider (key p, then a)."""
    hosting = session.assessment.scoping.get("hosting")
    if hosting in HOSTED and not any(p.is_subprocessor for p in session.assessment.providers):
        node.notify(tr("tui.providers.hosting_offer", kind=tr(f"tui.providers.hosting.{hosting}")), timeout=10)
