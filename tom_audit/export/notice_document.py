"""The change notice (Art. 28 (2) GDPR, see logic/provider_notice.py) as an annex document,
so `provider notice -o notice.pdf|notice.docx` goes through the same writers as the annex
(`annex_pdf`, `annex_docx`): added sub-processors as cards, removed ones by name, changed ones
with old and new value per field, the objection deadline, then the complete list after the
change. A notice is a letter, not a contract annex: no draft mark, no signature block.
"""

from __future__ import annotations

from tom_audit.export.annex_model import (
    AnnexDocument, AnnexEntry, AnnexSection, DocumentProperties, Field, page_frame, user_text,
)
from tom_audit.export.annex_providers import provider_entries, provider_entry
from tom_audit.export.providers_table import provider_rows
from tom_audit.export.text import format_date
from tom_audit.i18n import tr
from tom_audit.logic.provider_notice import ChangedProvider, Notice
from tom_audit.model.providers import Provider


def _removed(provider: Provider, lang: str) -> AnnexEntry:
    fields = [Field(tr("providers.export.col.legal_entity", lang), user_text(provider.legal_entity)),
              Field(tr("providers.export.col.service", lang), user_text(provider.service))]
    return AnnexEntry(user_text(provider.name), [f for f in fields if f.value.strip()])


def _changed(change: ChangedProvider, lang: str) -> AnnexEntry:
    old, new = tr("notice.col.old", lang), tr("notice.col.new", lang)
    fields = [Field(tr(f"notice.field.{c.field}", lang),
                    f"{old}: {user_text(c.old[lang]) or '–'}\n{new}: {user_text(c.new[lang]) or '–'}")
              for c in change.fields]
    return AnnexEntry(user_text(change.new.name), fields)


def notice_sections(notice: Notice, lang: str) -> list[AnnexSection]:
    """The notice's parts in reading order; parts without content are left out."""
    d = lambda day: format_date(day, lang)  # noqa: E731
    if notice.empty:
        sections = [AnnexSection("entries", tr("subannex.notice.summary", lang),
                                 tr("notice.none", lang, old=d(notice.old_stand)))]
    else:
        service = user_text(notice.service or notice.organisation) or "-"
        sections = [AnnexSection("entries", tr("subannex.notice.summary", lang),
                                 tr("notice.intro", lang, service=service))]
        if notice.added:
            rows = provider_rows(notice.added, lang, notice.planned)[0]
            sections.append(AnnexSection("entries", tr("notice.added", lang), "",
                                         entries=[provider_entry(r, lang, numbered=False) for r in rows]))
        if notice.removed:
            sections.append(AnnexSection("entries", tr("notice.removed", lang), "",
                                         entries=[_removed(p, lang) for p in notice.removed]))
        if notice.changed:
            sections.append(AnnexSection("entries", tr("notice.changed", lang), "",
                                         entries=[_changed(c, lang) for c in notice.changed]))
        key = "notice.objection" if notice.contact else "notice.objection_nocontact"
        sections.append(AnnexSection("entries", tr("subannex.notice.objection_title", lang), tr(
            key, lang, deadline=d(notice.deadline), days=notice.period_days, contact=user_text(notice.contact))))
    sections.append(AnnexSection("entries", tr("notice.current", lang), "",
                                 entries=provider_entries(notice.current, lang, notice.planned),
                                 empty_note=tr("providers.export.none", lang)))
    return sections


def build_notice_document(notice: Notice, lang: str) -> AnnexDocument:
    """The notice of `notice` (from `build_notice`) in `lang` as an AnnexDocument. Pure."""
    d = lambda day: format_date(day, lang)  # noqa: E731
    org = user_text(notice.organisation)
    title = tr("notice.title", lang)
    kicker = tr("subannex.notice.kicker", lang)
    fields = [Field(tr("export.cover.organisation", lang), org),
              Field(tr("subannex.notice.date", lang), d(notice.notice_date)),
              Field(tr("subannex.notice.compared", lang), d(notice.old_stand)),
              Field(tr("subannex.notice.planned", lang), d(notice.planned))]
    if not notice.empty:
        fields.append(Field(tr("subannex.notice.deadline", lang), d(notice.deadline)))
    frame = page_frame(header=f"{kicker} · {title}", organisation=org,
                       stand=tr("export.footer.stand", lang, date=d(notice.notice_date)),
                       page_label=tr("annex.page", lang), draft_mark="")
    properties = DocumentProperties(
        title=title + (f" – {org}" if org else ""), subject=title, author=org or "tom-audit",
        keywords=tr("export.properties.keywords", lang), language="de-DE" if lang == "de" else "en-GB",
        stand=notice.notice_date)
    labels = {key: tr(f"annex.label.{key}", lang) for key in ("evidence", "draft_note")}
    return AnnexDocument(
        lang=lang, kicker=kicker, title=title, contract="", title_fields=[f for f in fields if f.value.strip()],
        draft=False, sections=notice_sections(notice, lang), closing=None, frame=frame, properties=properties,
        labels=labels)
