"""The change notice (Art. 28 (2) GDPR) as Markdown or JSON; see logic/provider_notice.py."""

from __future__ import annotations

import json
from typing import Any

from tom_audit import __version__
from tom_audit.export.markdown import md_cell, md_text
from tom_audit.export.markdown_providers import provider_table
from tom_audit.export.providers_table import provider_rows
from tom_audit.export.text import format_date
from tom_audit.i18n import tr
from tom_audit.logic.provider_notice import Notice
from tom_audit.store.providers_codec import provider_document


def notice_markdown(notice: Notice, lang: str, *, source: str = "") -> str:
    d = lambda day: format_date(day, lang)  # noqa: E731
    out = [f"# {md_text(tr('notice.title', lang))}", ""]
    if notice.organisation:
        out += [f"**{md_text(notice.organisation)}**", ""]
    out += [md_text(tr("notice.meta", lang, date=d(notice.notice_date), old=d(notice.old_stand),
                       planned=d(notice.planned))), ""]
    if notice.empty:
        out += [md_text(tr("notice.none", lang, old=d(notice.old_stand))), ""]
    else:
        out += [md_text(tr("notice.intro", lang, service=notice.service or notice.organisation or "-")), ""]
        if notice.added:
            out += [f"## {md_text(tr('notice.added', lang))}", ""]
            out += provider_table(provider_rows(notice.added, lang, notice.planned)[0], lang) + [""]
        if notice.removed:
            out += [f"## {md_text(tr('notice.removed', lang))}", ""]
            out += [f"- {md_text(p.name)}" + (f" ({md_text(p.legal_entity)})" if p.legal_entity else "")
                    + (f" – {md_text(p.service)}" if p.service else "") for p in notice.removed]
            out.append("")
        if notice.changed:
            out += [f"## {md_text(tr('notice.changed', lang))}", ""]
            for change in notice.changed:
                out += [f"### {md_text(change.new.name)}", "",
                        f"| {md_cell(tr('notice.col.field', lang))} | {md_cell(tr('notice.col.old', lang))} | "
                        f"{md_cell(tr('notice.col.new', lang))} |", "|---|---|---|"]
                out += [f"| {md_cell(tr(f'notice.field.{c.field}', lang))} | {md_cell(c.old[lang] or '–')} | "
                        f"{md_cell(c.new[lang] or '–')} |" for c in change.fields]
                out.append("")
        key = "notice.objection" if notice.contact else "notice.objection_nocontact"
        out += [f"**{md_text(tr(key, lang, deadline=d(notice.deadline), days=notice.period_days, contact=notice.contact))}**",
                ""]
    out += [f"## {md_text(tr('notice.current', lang))}", ""]
    subs = provider_rows(notice.current, lang, notice.planned)[0]
    out += (provider_table(subs, lang) if subs else [md_text(tr("providers.export.none", lang))]) + [""]
    if source:
        out += [f"*{md_text(tr('notice.source', lang, file=source))}*", ""]
    return "\n".join(out)


def notice_document(notice: Notice, lang: str) -> dict[str, Any]:
    return {
        "format": "tom-audit/subprocessor-notice",
        "format_version": 1,
        "generator": f"tom-audit {__version__}",
        "language": lang,
        "organisation": notice.organisation,
        "notice_date": notice.notice_date.isoformat(),
        "compared_with": notice.old_stand.isoformat(),
        "period_days": notice.period_days,
        "objection_deadline": notice.deadline.isoformat(),
        "planned_date": notice.planned.isoformat(),
        "added": [provider_document(p) for p in notice.added],
        "removed": [provider_document(p) for p in notice.removed],
        "changed": [{"id": c.new.id, "name": c.new.name,
                     "fields": [{"field": f.field, "old": f.old[lang], "new": f.new[lang]} for f in c.fields]}
                    for c in notice.changed],
        "current": [provider_document(p) for p in notice.current],
    }


def notice_json(notice: Notice, lang: str) -> str:
    return json.dumps(notice_document(notice, lang), ensure_ascii=False, indent=2) + "\n"
