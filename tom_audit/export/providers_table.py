"""The sub-processor list as rows, in the layout of an AVV annex: the same rows for the
workbook sheet, Markdown and the change notice, so all of them say the same."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tom_audit.i18n import tr
from tom_audit.logic.dates import parse_date
from tom_audit.logic.provider_text import (
    avv_label, certificate_label, kind_label, locations_label, transfers_label,
)
from tom_audit.logic.providers import is_active
from tom_audit.model.providers import Provider

COLUMNS = ("no", "name", "legal_entity", "service", "data", "locations", "transfer", "avv", "certificates",
           "tom_checked", "since", "kind", "id")


@dataclass(frozen=True)
class ProviderRow:
    no: int
    id: str
    name: str
    legal_entity: str  # legal entity and address, one per line
    service: str
    data: str  # data categories and data subjects
    locations: str
    transfer: str  # one line per third country; "" if all in the EU/EEA
    avv: str
    certificates: str  # one per line
    tom_checked: date | None
    since: date | None
    ended: date | None
    kind: str
    ancillary: bool
    certificate_expired: bool  # a certificate's validity has passed
    transfer_missing: bool  # a third country without a transfer tool

    def cells(self) -> list[object]:
        """The values in COLUMNS order (dates as date objects)."""
        return [self.no, self.name, self.legal_entity, self.service, self.data, self.locations, self.transfer,
                self.avv, self.certificates, self.tom_checked, self.since, self.kind, self.id]


def headers(lang: str) -> list[str]:
    return [tr(f"providers.export.col.{c}", lang) for c in COLUMNS]


def _row(no: int, p: Provider, lang: str, today: date) -> ProviderRow:
    data = "\n".join(filter(None, [p.data_categories, p.data_subjects]))
    expired = any((d := parse_date(c.valid_until)) is not None and d < today for c in p.certificates)
    certificates = "\n".join(certificate_label(c, lang) for c in p.certificates)
    return ProviderRow(
        no=no, id=p.id, name=p.name, legal_entity="\n".join(filter(None, [p.legal_entity, p.address])),
        service=p.service, data=data, locations=locations_label(p, lang), transfer=transfers_label(p, lang),
        avv=avv_label(p, lang),
        certificates=certificates, tom_checked=parse_date(p.tom_checked), since=parse_date(p.since),
        ended=parse_date(p.ended), kind=kind_label(p, lang), ancillary=p.ancillary, certificate_expired=expired,
        transfer_missing=any(not t.basis for t in p.transfers),
    )


def provider_rows(providers: list[Provider], lang: str, today: date) -> tuple[list[ProviderRow], list[ProviderRow]]:
    """(sub-processors, ancillary services) engaged on `today`, numbered 1.. in register order."""
    active = [p for p in providers if is_active(p, today)]
    subs = [_row(i, p, lang, today) for i, p in enumerate((p for p in active if not p.ancillary), start=1)]
    ancillary = [_row(i, p, lang, today) for i, p in enumerate((p for p in active if p.ancillary), start=1)]
    return subs, ancillary


SCOPING_QUESTION = "sub_processors"  # the bundled catalogue's "Setzt die Organisation Unterauftragsverarbeiter ein?"


def says_none_engaged(assessment) -> bool:
    """Whether the organisation said it engages no sub-processor (the scoping question
    answered no); unanswered, yes, or a catalogue without the question: False."""
    return assessment.scoping.get(SCOPING_QUESTION) is False


def empty_list_text(none_engaged: bool, lang: str) -> str:
    """What an empty sub-processor list says: that none are engaged only when the
    organisation said so (scoping `sub_processors` answered no), else that none are listed."""
    return tr("providers.export.none" if none_engaged else "providers.export.none_listed", lang)
