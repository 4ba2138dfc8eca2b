"""The annex and the action plan as Markdown: readable in a git review or a pull request."""

from __future__ import annotations

import re

from tom_audit.export.content import ExportContent
from tom_audit.export.reference_table import markdown as references_markdown
from tom_audit.export.text import format_date, safe_text
from tom_audit.i18n import tr


# Characters with a meaning in Markdown inline text: emphasis, code, links and images
# ([...](...), ![...](...)), strike-through, table cells; a backslash shows them as they are.
_INLINE = re.compile(r"([\\`*_\[\]~|])")
_LIST_NUMBER = re.compile(r"^(\d+)([.)])")


class Strong(str):
    """A cell text we set in bold ourselves (the text inside is still escaped)."""


def md_inline(text: object) -> str:
    """User text as literal Markdown: through the export sanitiser (`safe_text`), HTML
    disarmed (& < > as entities) and every inline syntax character backslash-escaped, so no
    text a user typed becomes a link, an image, emphasis, code or a tag."""
    value = safe_text(text)
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _INLINE.sub(r"\\\1", value)


def md_cell(text: object) -> str:
    """Text for one Markdown table cell: no line breaks, no table, link or HTML syntax of its own."""
    value = "<br>".join(part.strip() for part in md_inline(text).splitlines()) or " "
    return f"**{value}**" if isinstance(text, Strong) and value.strip() else value


def md_text(text: str) -> str:
    """A line of running text: inline syntax and HTML disarmed, line breaks joined, and a
    leading heading, quote or list marker escaped."""
    value = md_inline(text).replace("\n", " ").strip()
    if value[:1] in ("#", "-", "+", "*", "=") and not value.startswith("\\"):
        value = "\\" + value
    return _LIST_NUMBER.sub(r"\1\\\2", value)


def _table(headers: list[str], rows: list[list[object]]) -> list[str]:
    # headers carry a break hint for narrow spreadsheet columns ("Pflicht/ Empfohlen")
    out = ["| " + " | ".join(md_cell(h.replace("/ ", "/")) for h in headers) + " |", "|" + "---|" * len(headers)]
    out += ["| " + " | ".join(md_cell(c) for c in row) + " |" for row in rows]
    return out


def _changes(content: ExportContent) -> list[str]:
    """With --since: the change list, one table row per change."""
    lang = content.lang
    changes = content.changes
    since = format_date(changes.since, lang)
    out = [f"# {md_text(tr('export.changes.title', lang, date=since))}", ""]
    approval = tr("export.changes.meta_approval", lang, version=changes.old_approval) if changes.old_approval else ""
    out += [md_text(tr("export.changes.meta", lang, file=changes.old_file, old=since, approval=approval,
                       new=format_date(content.stand, lang))), ""]
    if not changes.rows:
        return out + [md_text(tr("export.changes.none", lang, date=since)), ""]
    out += [md_text(tr("export.changes.counts", lang, measures=changes.measures_changed, changes=len(changes.rows))),
            ""]
    headers = [tr("export.col.id", lang), tr("export.changes.col.subject", lang), tr("export.changes.col.change", lang),
               tr("export.changes.col.old", lang), tr("export.changes.col.new", lang)]
    out += _table(headers, [[r.measure_id, r.title, r.kind_label, r.old, r.new] for r in changes.rows])
    return out + [""]


def render_markdown(content: ExportContent) -> str:
    from tom_audit.export.markdown_providers import providers_section  # it uses md_cell from here
    from tom_audit.export.providers_table import says_none_engaged

    lang = content.lang
    a = content.assessment
    out = [f"# {md_text(tr('export.annex.title', lang))}", ""]
    status = md_text(content.cover.status)
    out += [f"**{status}**", ""]
    if content.approval.approved and content.approval.forced:  # what was open when it was forced
        out += [f"- {md_text(item)}" for item in content.approval.open_item_texts(lang)] + [""]
    if content.cover.notice:
        out += [md_text(content.cover.notice), ""]
    head = a.organisation.name + (f" · {a.scope.service}" if a.scope.service else "")
    if head:
        out += [md_text(head), ""]
    out += [md_text(tr("export.md.stand_line", lang, date=format_date(content.stand, lang),
                       catalogue=content.catalogue.id, version=content.catalogue.version,
                       responsible=a.scope.responsible or "-", months=a.scope.review_interval_months)), ""]
    out += [md_text(tr("export.annex.intro_planned" if content.options.include_planned else "export.annex.intro",
                       lang)), ""]
    headers = [tr("export.col.id", lang), tr("export.col.measure", lang), tr("export.col.kind", lang),
               tr("export.col.status", lang), tr("export.col.implementation", lang), tr("export.col.evidence", lang)]
    since = content.changes is not None
    if since:
        headers.append(tr("export.col.changed_since", lang, date=format_date(content.changes.since, lang)))
    rows: list[list[object]] = []

    def flush():
        nonlocal rows
        if rows:
            out.extend(_table(headers, rows))
            out.append("")
        rows = []

    for r in content.annex:
        if r.role == "heading":
            flush()
            out += [f"## {md_text(r.title)}", "", f"*{md_text(r.goal)}*", ""]
        elif r.role == "empty":
            out += [f"*{md_text(r.title)}*", ""]
        else:
            rows.append([r.measure_id, r.title, r.kind, r.status_label, r.description, r.evidence]
                        + ([r.changed] if since else []))
    flush()
    out += providers_section(a.providers, lang, content.options.today, stand=content.stand,
                             none_engaged=says_none_engaged(a))
    if since:
        out += _changes(content)

    out += [f"# {md_text(tr('export.sheet.actions', lang))}", ""]
    if not content.actions:
        out += [md_text(tr("export.md.no_actions", lang)), ""]
    else:
        overdue = tr("export.overdue", lang)
        headers = [tr("export.col.id", lang), tr("export.col.measure", lang), tr("export.col.required", lang),
                   tr("export.col.status", lang), tr("export.col.risk", lang), tr("export.col.gap", lang),
                   tr("export.col.action", lang), tr("export.col.owner", lang), tr("export.col.due", lang),
                   tr("export.col.gap_state", lang)]
        rows = [[r.measure_id, r.title, r.required_label, r.status_label, r.risk_label, r.description, r.action,
                 r.owner, format_date(r.due, lang) if r.due else r.due_text,
                 Strong(f"{r.state_label} · {overdue}") if r.overdue else r.state_label]
                for r in content.actions]
        out += _table(headers, rows)
        out.append("")
    out += references_markdown(content.references, lang, _table)
    return "\n".join(out)
