"""The EU/EEA states and the European Commission's adequacy decisions (GDPR Art. 45), read
from the one data table `tom_audit/data/transfer_countries.yaml` (with its "as of" date and
source). Everything else is a third country: a transfer there needs an Art. 46-49 tool.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tom_audit.store.yaml_load import parse_yaml

TABLE = Path(__file__).resolve().parent.parent / "data" / "transfer_countries.yaml"


@dataclass(frozen=True)
class Adequacy:
    country: str  # ISO 3166-1 alpha-2
    decision: str  # e.g. "(EU) 2023/1795"
    date: str  # ISO date of the decision
    framework: str = ""  # "dpf": adequate only for organisations certified under the framework
    scope_de: str = ""  # a limit of the decision's scope, if any
    scope_en: str = ""

    def scope(self, lang: str) -> str:
        return self.scope_de if lang == "de" else self.scope_en


@dataclass(frozen=True)
class TransferTable:
    as_of: str
    source: str
    eu: frozenset[str]
    eea: frozenset[str]  # EEA members outside the EU
    adequacy: dict[str, Adequacy]


@cache
def table() -> TransferTable:
    """The table as shipped. Raises OSError/InputError only if the installation is broken.
    Read with YAML 1.2 typing: under YAML 1.1 Norway's code `NO` would be read as false."""
    data = parse_yaml(TABLE.read_text(encoding="utf-8"), str(TABLE))
    return TransferTable(
        as_of=str(data["as_of"]), source=str(data["source"]),
        eu=frozenset(data["eu"]), eea=frozenset(data["eea"]),
        adequacy={entry["country"]: Adequacy(**{k: str(v) for k, v in entry.items()}) for entry in data["adequacy"]},
    )


def in_eea(code: str) -> bool:
    """True for EU and EEA member states, where the GDPR itself applies."""
    t = table()
    return code in t.eu or code in t.eea


def is_third_country(code: str) -> bool:
    return not in_eea(code)


def adequacy(code: str) -> Adequacy | None:
    """The adequacy decision for a third country, or None. For the USA it covers only
    organisations certified under the EU-US Data Privacy Framework (`framework == "dpf"`)."""
    return table().adequacy.get(code)
