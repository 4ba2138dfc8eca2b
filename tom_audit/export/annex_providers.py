"""The sub-processor list (Art. 28 (2) and (4) GDPR) as sections of the annex document.

From the rows of `providers_table.provider_rows` (the same rows as the workbook sheet and
Markdown, so every format says the same): engagements ended on the export day are left out,
ancillary services (no processing on behalf, e.g. cleaning, telecom) get their own section.
Per sub-processor one card: name, then legal entity and address, service / purpose, data
categories and data subjects, processing locations (country names from `pycountry`), for third
countries the transfer basis (SCC module, transfer impact assessment), the AVV and certificates.
"""

from __future__ import annotations

from datetime import date

from tom_audit.export.annex_model import AnnexError, AnnexEntry, AnnexSection, Field, user_text
from tom_audit.export.providers_table import ProviderRow, provider_rows
from tom_audit.export.text import format_date
from tom_audit.i18n import tr
from tom_audit.model.providers import Provider

# The row's fields a contract list prints, in order (labels: providers.export.col.*)
CARD_FIELDS = ("legal_entity", "service", "data", "locations", "transfer", "avv", "certificates")


def provider_entry(row: ProviderRow, lang: str, *, numbered: bool = True) -> AnnexEntry:
    """One card of `row`; fields left empty by the user are left out (nothing is invented)."""
    fields = [Field(tr(f"providers.export.col.{name}", lang), user_text(getattr(row, name)))
              for name in CARD_FIELDS]
    title = user_text(row.name)
    return AnnexEntry(f"{row.no}. {title}" if numbered else title, [f for f in fields if f.value.strip()])


def provider_entries(providers: list[Provider], lang: str, today: date) -> list[AnnexEntry]:
    """Cards of the sub-processors (not ancillary) of `providers` engaged on `today`."""
    return [provider_entry(row, lang) for row in provider_rows(providers, lang, today)[0]]


def provider_sections(providers: list[Provider], lang: str, today: date, *, stand: date,
                      none_engaged: bool, new_page: bool = False) -> list[AnnexSection]:
    """The sub-processor annex: the list, then ancillary services (only when there are any).
    `today`: the export day, deciding which engagements are current (since / ended);
    `stand`: the assessment's date, the one the list is "as of" (as in the title block);
    `none_engaged`: the organisation said it engages no sub-processor (scoping), the only
    case an empty list may say so; `new_page`: the list starts on a new page (after the TOM
    in one document). Raises AnnexError when the list is empty without that answer: the
    annex would state a fact nobody gave (Art. 28 (2), (4) GDPR: the list binds)."""
    subs, ancillary = provider_rows(providers, lang, today)
    if not subs and not none_engaged:
        raise AnnexError("subannex.empty_register")
    sections = [AnnexSection(
        "entries", tr("subannex.section", lang), tr("providers.export.intro", lang, date=format_date(stand, lang)),
        entries=[provider_entry(row, lang) for row in subs], empty_note=tr("providers.export.none", lang),
        new_page=new_page)]
    if ancillary:
        sections.append(AnnexSection(
            "entries", tr("providers.export.ancillary_title", lang), tr("subannex.ancillary_intro", lang),
            entries=[provider_entry(row, lang) for row in ancillary], level=2))
    return sections
