"""The register of sub-processors and other providers (Art. 28 (2) and (4) GDPR), kept in the
assessment file under `providers:`.

A `Provider` is one company the processor engages: what it does, where it processes, and
for each location outside the EU/EEA the transfer tool (Art. 44-49 GDPR). An `ancillary`
provider (cleaning, telecom carrier, post) is not a sub-processor in the Art. 28 sense and is
kept out of the contract annex. Unknown keys survive in `extra`, as everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Art. 45 adequacy decision; EU-US Data Privacy Framework certification (an adequacy decision
# for certified US organisations only); standard contractual clauses 2021/914 (Art. 46 (2) c);
# binding corporate rules (Art. 47); a derogation for specific situations (Art. 49).
TRANSFER_BASES = ("adequacy", "dpf", "scc", "bcr", "art49")
# Commission Implementing Decision (EU) 2021/914: 1 controller-controller, 2 controller-processor,
# 3 processor-processor (the usual one for a sub-processor), 4 processor-controller.
SCC_MODULES = (1, 2, 3, 4)
CERTIFICATE_KINDS = ("iso27001", "iso27017", "iso27018", "iso27701", "bsi_c5", "soc2_type2", "soc2_type1",
                     "tisax", "pci_dss", "other")


@dataclass
class Transfer:
    """The safeguard for processing in one third country."""

    country: str  # ISO 3166-1 alpha-2
    basis: str = ""  # one of TRANSFER_BASES; "" = none recorded
    scc_module: int | None = None  # with basis "scc"
    tia: bool = False  # a transfer impact assessment exists
    tia_date: str = ""  # ISO date of that assessment
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Certificate:
    """A certificate or attestation; it counts only for its scope and until `valid_until`."""

    kind: str = "other"  # one of CERTIFICATE_KINDS
    scope: str = ""
    valid_until: str = ""  # ISO date
    issuer: str = ""
    ref: str = ""  # where it is kept: a path or URL
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Provider:
    id: str  # stable, never reused; what answers and change notices point at
    name: str = ""
    legal_entity: str = ""  # the contracting company, e.g. "Example Cloud EMEA S.à r.l."
    address: str = ""
    service: str = ""  # service / purpose for the processor
    data_categories: str = ""
    data_subjects: str = ""
    locations: list[str] = field(default_factory=list)  # ISO 3166-1 alpha-2, incl. remote access
    transfers: list[Transfer] = field(default_factory=list)  # one per third-country location
    avv_date: str = ""  # date of its own data processing agreement (Art. 28 (4))
    avv_location: str = ""  # where that agreement is kept
    certificates: list[Certificate] = field(default_factory=list)
    tom_checked: str = ""  # when we last checked its TOM
    since: str = ""  # engaged since
    ended: str = ""  # engagement ended on
    ancillary: bool = False  # an ancillary service, not a sub-processor under Art. 28
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def transfer(self, country: str) -> Transfer | None:
        return next((t for t in self.transfers if t.country == country), None)

    @property
    def is_subprocessor(self) -> bool:
        return not self.ancillary


def provider_by_id(providers: list[Provider], provider_id: str) -> Provider | None:
    return next((p for p in providers if p.id == provider_id), None)
