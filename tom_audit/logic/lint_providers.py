"""Lint rules TOM030-TOM039 over the provider register (docs/lint-rules.md).

Sources: Art. 28 (2) and (4) GDPR (sub-processors and their contracts), Art. 44-49 GDPR
(transfers), the Commission's adequacy decisions (logic/transfer_countries.py), EDPB
Recommendations 01/2020 (transfer impact assessment for SCC transfers).
Nothing is fetched: the DPF rule only reminds to check the certification.
"""

from __future__ import annotations

from datetime import date

from tom_audit.i18n import tr
from tom_audit.logic.countries import country_name
from tom_audit.logic.dates import add_months, parse_date
from tom_audit.logic.provider_text import certificate_label
from tom_audit.logic.providers import is_active
from tom_audit.logic.transfer_countries import adequacy, in_eea, table
from tom_audit.model.assessment import Assessment
from tom_audit.model.catalogue import Catalogue, Text
from tom_audit.model.providers import Provider, Transfer, provider_by_id

# (id, name, severity); lint.py turns them into Rule objects
RULES = (
    ("TOM030", "third_country_without_basis", "error"),
    ("TOM031", "basis_not_available", "error"),
    ("TOM032", "subprocessor_without_avv", "error"),
    ("TOM033", "provider_certificate_expired", "error"),
    ("TOM034", "provider_certificate_expiring", "warning"),
    ("TOM035", "tom_check_overdue", "warning"),
    ("TOM036", "inherited_ended", "error"),
    ("TOM037", "scc_without_tia", "warning"),
    ("TOM038", "dpf_reminder", "info"),
    ("TOM039", "provider_incomplete", "warning"),
)
EXPIRY_WARNING_DAYS = 30


def _both(key: str, **params) -> Text:
    return Text(tr(key, "de", **params), tr(key, "en", **params))


def _country(code: str) -> Text:
    return Text(country_name(code, "de"), country_name(code, "en"))


def _name(provider: Provider) -> str:
    return provider.name or provider.id


def _check_transfers(out, p: Provider) -> None:
    for t in (p.transfer(code) or Transfer(country=code) for code in p.locations if not in_eea(code)):
        where = dict(provider=_name(p), id=p.id, code=t.country, country=_country(t.country))
        decision = adequacy(t.country)
        if not t.basis:
            if decision is not None:
                scope = Text(f"; {decision.scope_de}" if decision.scope_de else "",
                             f"; {decision.scope_en}" if decision.scope_en else "")
                out.add("third_country_without_basis", key="third_country_adequate", decision=decision.decision,
                        date=decision.date, scope=scope, basis=decision.framework or "adequacy", **where)
            else:
                out.add("third_country_without_basis", **where)
        elif t.basis == "dpf" and t.country != "US":
            out.add("basis_not_available", key="dpf_not_us", **where)
        elif t.basis == "adequacy" and (decision is None or decision.framework):
            out.add("basis_not_available", basis=_both("provider.basis.adequacy"), as_of=table().as_of, **where)
        elif t.basis == "scc":
            if not t.tia:
                out.add("scc_without_tia", **where)
            if not t.scc_module:
                out.add("scc_without_tia", key="scc_without_module", **where)
        if t.basis == "dpf" and t.country == "US":
            out.add("dpf_reminder", **where)


def _check_provider(out, p: Provider, *, today: date, months: int) -> None:
    _check_transfers(out, p)
    name = _name(p)
    if p.is_subprocessor and not p.avv_date:
        out.add("subprocessor_without_avv", provider=name, id=p.id)
    for cert in p.certificates:
        until = parse_date(cert.valid_until)
        if until is None:
            continue
        label = Text(certificate_label(cert, "de", validity=False), certificate_label(cert, "en", validity=False))
        if until < today:
            out.add("provider_certificate_expired", provider=name, id=p.id, certificate=label, date=cert.valid_until)
        elif (until - today).days <= EXPIRY_WARNING_DAYS:
            out.add("provider_certificate_expiring", provider=name, id=p.id, certificate=label,
                    date=cert.valid_until, days=(until - today).days)
    if p.is_subprocessor:
        checked = parse_date(p.tom_checked)
        if checked is None:
            out.add("tom_check_overdue", key="tom_check_missing", provider=name, id=p.id)
        elif add_months(checked, months) < today:
            out.add("tom_check_overdue", provider=name, id=p.id, date=p.tom_checked, months=months)
        missing = [f for f in ("legal_entity", "address", "service", "locations") if not getattr(p, f)]
        if missing:
            out.add("provider_incomplete", provider=name, id=p.id,
                    fields=Text(", ".join(tr(f"provider.field.{f}", "de") for f in missing),
                                ", ".join(tr(f"provider.field.{f}", "en") for f in missing)))


def _check_inherited(out, catalogue: Catalogue, assessment: Assessment, *, today: date) -> None:
    for measure in catalogue.measures:
        answer = assessment.measures.get(measure.id)
        if answer is None or not answer.provider:
            continue
        provider = provider_by_id(assessment.providers, answer.provider)
        if provider is None:
            out.add("inherited_ended", measure, key="inherited_unknown", id=answer.provider)
        elif not is_active(provider, today):
            out.add("inherited_ended", measure, provider=_name(provider),
                    date=provider.ended)
        else:
            dates = [parse_date(c.valid_until) for c in provider.certificates if c.valid_until]
            dates = [d for d in dates if d]
            if dates and max(dates) < today:
                out.add("inherited_ended", measure, key="inherited_lapsed", provider=_name(provider),
                        date=max(dates).isoformat())


def check(out, catalogue: Catalogue, assessment: Assessment, *, today: date, months: int) -> None:
    """Add the register's findings to `out` (lint._Collector): per engaged provider, then per
    measure that inherits from one. Ended entries are history and are not checked."""
    for provider in assessment.providers:
        if is_active(provider, today):
            _check_provider(out, provider, today=today, months=months)
    _check_inherited(out, catalogue, assessment, today=today)
