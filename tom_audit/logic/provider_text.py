"""Register values as text for people: transfer tools, certificates, countries, in de or en.
Used by every export, the change notice and the UI, so they all say the same."""

from __future__ import annotations

from tom_audit.i18n import tr
from tom_audit.logic.dates import parse_date
from tom_audit.logic.countries import country_name
from tom_audit.model.providers import Certificate, Provider, Transfer


def day_label(text: str, lang: str) -> str:
    """A stored ISO date as people read it: 31.03.2027 in German, 2027-03-31 in English."""
    day = parse_date(text)
    if day is None:
        return text
    return day.strftime("%d.%m.%Y") if lang == "de" else day.isoformat()


def transfer_label(transfer: Transfer, lang: str) -> str:
    """E.g. "Standardvertragsklauseln (Modul 3), TIA 2026-02-01" / "none recorded"."""
    if not transfer.basis:
        return tr("provider.basis.none", lang)
    text = tr(f"provider.basis.{transfer.basis}", lang)
    if transfer.basis == "scc" and transfer.scc_module:
        text += " " + tr("provider.scc_module_label", lang, module=transfer.scc_module)
    if transfer.tia:
        text += ", " + (tr("provider.tia_on", lang, date=day_label(transfer.tia_date, lang)) if transfer.tia_date
                        else tr("provider.tia_yes", lang))
    return text


def locations_label(provider: Provider, lang: str) -> str:
    """Countries by name, e.g. "Deutschland, Vereinigte Staaten (US)"."""
    return ", ".join(f"{country_name(code, lang)} ({code})" for code in provider.locations)


def transfers_label(provider: Provider, lang: str) -> str:
    """One line per third-country location: "Vereinigte Staaten: Standardvertragsklauseln ...";
    "" when all locations are in the EU/EEA."""
    return "\n".join(f"{country_name(t.country, lang)}: {transfer_label(t, lang)}" for t in provider.transfers)


def certificate_label(certificate: Certificate, lang: str, *, validity: bool = True) -> str:
    """E.g. "ISO/IEC 27001 (Rechenzentren FRA) gültig bis 2027-03-31"."""
    text = tr(f"provider.cert.{certificate.kind}", lang)
    if certificate.scope:
        text += f" ({certificate.scope})"
    if certificate.valid_until and validity:
        text += " " + tr("provider.valid_until", lang, date=day_label(certificate.valid_until, lang))
    return text


def certificates_label(provider: Provider, lang: str) -> str:
    return "\n".join(certificate_label(c, lang) for c in provider.certificates)


def kind_label(provider: Provider, lang: str) -> str:
    return tr("provider.kind.ancillary" if provider.ancillary else "provider.kind.subprocessor", lang)


def avv_label(provider: Provider, lang: str) -> str:
    if not provider.avv_date:
        return tr("provider.avv.none", lang) if not provider.ancillary else ""
    text = tr("provider.avv.dated", lang, date=day_label(provider.avv_date, lang))
    return f"{text} ({provider.avv_location})" if provider.avv_location else text


def inherited_line(providers: list[Provider], provider_id: str, lang: str) -> str:
    """What the annex says for a measure covered by a provider: "Abgedeckt durch NAME
    (LEGAL ENTITY) – ISO/IEC 27001 (scope) gültig bis DATE", exactly as recorded."""
    provider = next((p for p in providers if p.id == provider_id), None)
    if provider is None:
        return tr("provider.inherited", lang, provider=provider_id)
    name = provider.name
    if provider.legal_entity and provider.legal_entity != provider.name:
        name += f" ({provider.legal_entity})"
    certificates = "; ".join(certificate_label(c, lang) for c in provider.certificates)
    line = tr("provider.inherited", lang, provider=name)
    return f"{line} – {certificates}" if certificates else line
