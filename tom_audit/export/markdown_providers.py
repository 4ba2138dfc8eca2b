"""The sub-processor list as a Markdown section (part of `export --format md`)."""

from __future__ import annotations

from datetime import date

from tom_audit.export.markdown import md_cell, md_text
from tom_audit.export.providers_table import ProviderRow, empty_list_text, provider_rows
from tom_audit.export.text import format_date
from tom_audit.i18n import tr
from tom_audit.logic.transfer_countries import table
from tom_audit.model.providers import Provider

MD_COLUMNS = ("no", "name", "legal_entity", "service", "locations", "transfer", "avv", "certificates")


def _cells(row: ProviderRow) -> dict[str, object]:
    return {"no": row.no, "name": row.name, "legal_entity": row.legal_entity, "service": row.service,
            "locations": row.locations, "transfer": row.transfer or "–", "avv": row.avv,
            "certificates": row.certificates}


def provider_table(rows: list[ProviderRow], lang: str) -> list[str]:
    out = ["| " + " | ".join(md_cell(tr(f"providers.export.col.{c}", lang)) for c in MD_COLUMNS) + " |",
           "|" + "---|" * len(MD_COLUMNS)]
    for row in rows:
        cells = _cells(row)
        out.append("| " + " | ".join(md_cell(cells[c]) for c in MD_COLUMNS) + " |")
    return out


def providers_section(providers: list[Provider], lang: str, today: date, *, stand: date,
                      none_engaged: bool) -> list[str]:
    """`# Unterauftragsverarbeiter`, the Art. 28 list (engaged on `today`, "as of" `stand`),
    then the ancillary services; [] when the register is empty (the TOM annex alone is then
    unchanged). `none_engaged`: the organisation said it engages none (`empty_list_text`)."""
    if not providers:
        return []
    subs, ancillary = provider_rows(providers, lang, today)
    out = [f"# {md_text(tr('providers.export.title', lang))}", "",
           md_text(tr("providers.export.intro", lang, date=format_date(stand, lang))), ""]
    out += provider_table(subs, lang) if subs else [md_text(empty_list_text(none_engaged, lang))]
    out.append("")
    if ancillary:
        out += [f"## {md_text(tr('providers.export.ancillary_title', lang))}", ""]
        out += provider_table(ancillary, lang) + [""]
    t = table()
    out += [f"*{md_text(tr('providers.export.as_of', lang, as_of=t.as_of, source=t.source))}*", ""]
    return out
