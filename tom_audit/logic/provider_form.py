"""Provider fields as people type them (CLI options, a TUI form, a spreadsheet cell) turned
into the register's values: country names or codes, transfer tools in German or English,
dates as 2026-03-31 or 31.03.2026, certificates as "ISO 27001 bis 2027-03-31".

`ProviderForm` holds the typed text of each field (None = leave unchanged); `apply_form`
checks all of it and returns a new `Provider`, or raises `ProviderError` naming the field.
The CLI, the TUI and the import all go through it, so they accept and refuse the same.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, fields
from datetime import date

from tom_audit.logic.answers import AnswerError
from tom_audit.logic.countries import country_code, country_name
from tom_audit.logic.dates import is_date
from tom_audit.logic.transfer_countries import in_eea
from tom_audit.model.providers import CERTIFICATE_KINDS, SCC_MODULES, TRANSFER_BASES, Certificate, Provider, Transfer


def printable(text: str) -> str:
    """Text a user typed, safe to show in a terminal: control characters (the start of an
    escape sequence) become U+FFFD. For messages only; the register keeps what was typed."""
    return "".join(ch if ch.isprintable() or ch in " \n" else "\ufffd" for ch in text)


class ProviderError(AnswerError):
    """A provider field that cannot be stored; `field` names it (a ProviderForm field).
    Text parameters are made printable, since they echo what the user typed."""

    def __init__(self, key: str, field: str = "", **params):
        params = {k: printable(v) if isinstance(v, str) else v for k, v in params.items()}
        super().__init__(key, field=field, **params)
        self.field = field


TEXT_FIELDS = ("name", "legal_entity", "address", "service", "data_categories", "data_subjects", "avv_location",
               "note")
DATE_FIELDS = ("avv_date", "tom_checked", "since", "ended")


@dataclass
class ProviderForm:
    """One provider's fields as text; None leaves a field as it is, "" clears it."""

    name: str | None = None
    legal_entity: str | None = None
    address: str | None = None
    service: str | None = None
    data_categories: str | None = None
    data_subjects: str | None = None
    countries: str | None = None  # "DE, US" or "Deutschland; Vereinigte Staaten"
    transfer: str | None = None  # "scc" (every third country) or "US=scc; IN=art49"
    scc_module: str | None = None  # "3"
    tia: str | None = None  # "ja" / "no" / a date
    avv_date: str | None = None
    avv_location: str | None = None
    certificates: str | None = None  # "ISO 27001 bis 2027-03-31 (Rechenzentren); BSI C5 2026-12-31"
    tom_checked: str | None = None
    since: str | None = None
    ended: str | None = None
    ancillary: bool | None = None
    note: str | None = None

    def given(self) -> list[str]:
        return [f.name for f in fields(self) if getattr(self, f.name) is not None]


# -- single values ---------------------------------------------------------------------------

_GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_ANY_DATE = re.compile(r"(\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4})")


def parse_day(text: str, field: str) -> str:
    """ISO date from "2026-03-31" or "31.03.2026"; "" for empty. Raises ProviderError."""
    value = text.strip()
    if not value:
        return ""
    german = _GERMAN_DATE.match(value)
    if german:
        day, month, year = (int(g) for g in german.groups())
        try:
            value = date(year, month, day).isoformat()
        except ValueError:
            raise ProviderError("provider.bad_date", field, value=text) from None
    if not is_date(value):
        raise ProviderError("provider.bad_date", field, value=text)
    return value


_YES = {"ja", "j", "yes", "y", "x", "true", "1", "wahr", "vorhanden", "done"}
_NO = {"nein", "n", "no", "false", "0", "falsch", "-", "keine", "none"}


def parse_yes_no(text: str, field: str) -> bool:
    value = text.strip().casefold()
    if value in _YES:
        return True
    if value in _NO or not value:
        return False
    raise ProviderError("provider.bad_yes_no", field, value=text)


def _squash(text: str) -> str:
    return re.sub(r"[^0-9a-zäöüß]", "", text.casefold())


_BASES = {
    "adequacy": "adequacy", "angemessenheit": "adequacy", "angemessenheitsbeschluss": "adequacy",
    "art45": "adequacy", "adequacydecision": "adequacy",
    "dpf": "dpf", "dataprivacyframework": "dpf", "euusdataprivacyframework": "dpf", "dpfzertifizierung": "dpf",
    "scc": "scc", "sccs": "scc", "standardvertragsklauseln": "scc", "standardcontractualclauses": "scc",
    "svk": "scc", "art46": "scc",
    "bcr": "bcr", "bindingcorporaterules": "bcr", "verbindlicheinternedatenschutzvorschriften": "bcr", "art47": "bcr",
    "art49": "art49", "ausnahme": "art49", "derogation": "art49", "ausnahmeart49": "art49",
}


def parse_basis(text: str, field: str = "transfer") -> str:
    basis = _BASES.get(_squash(text))
    if basis is None:
        raise ProviderError("provider.bad_basis", field, value=text, allowed=", ".join(TRANSFER_BASES))
    return basis


def parse_countries(text: str, field: str = "countries") -> list[str]:
    """Alpha-2 codes, in order, without repeats, from codes or names separated by , ; / or lines."""
    codes: list[str] = []
    for part in re.split(r"[,;/|\n]", text):
        if not part.strip():
            continue
        code = country_code(part)
        if code is None:
            raise ProviderError("provider.bad_country", field, value=part.strip())
        if code not in codes:
            codes.append(code)
    return codes


_CERT_KINDS = {
    "iso27001": "iso27001", "isoiec27001": "iso27001", "27001": "iso27001", "iso27001aufbasisvonitgrundschutz": "iso27001",
    "iso27017": "iso27017", "isoiec27017": "iso27017", "iso27018": "iso27018", "isoiec27018": "iso27018",
    "iso27701": "iso27701", "isoiec27701": "iso27701",
    "c5": "bsi_c5", "bsic5": "bsi_c5", "c5testat": "bsi_c5", "bsic5testat": "bsi_c5", "c5attestation": "bsi_c5",
    "soc2": "soc2_type2", "soc2typeii": "soc2_type2", "soc2type2": "soc2_type2",
    "soc2typei": "soc2_type1", "soc2type1": "soc2_type1",
    "tisax": "tisax", "pcidss": "pci_dss", "pci": "pci_dss", "other": "other", "sonstiges": "other",
    "othercertificate": "other", "sonstigeszertifikat": "other",
}
_CERT_ITEM = re.compile(
    r"^(?P<kind>.*?)\s*(?:\((?P<scope>[^)]*)\))?\s*"
    r"(?:(?:bis|gültig bis|gueltig bis|valid until|until|:|,)\s*)?(?P<date>\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4})?\s*"
    r"(?:\((?P<scope2>[^)]*)\))?$", re.IGNORECASE)


def parse_certificate_kind(text: str, field: str = "certificates") -> str:
    kind = text.strip() if text.strip() in CERTIFICATE_KINDS else _CERT_KINDS.get(_squash(text))
    if kind is None:
        raise ProviderError("provider.bad_certificate", field, value=text,
                            allowed="ISO 27001, ISO 27017, ISO 27018, ISO 27701, BSI C5, SOC 2 Type II, SOC 2 Type I, "
                                    "TISAX, PCI DSS, other")
    return kind


def parse_certificates(text: str, field: str = "certificates") -> list[Certificate]:
    """Certificates separated by ";" or lines: "KIND [(SCOPE)] [bis|until] [DATE] [(SCOPE)]"."""
    out = []
    for part in re.split(r"[;\n]", text):
        if not part.strip():
            continue
        match = _CERT_ITEM.match(part.strip())
        if not match or not match.group("kind").strip():
            raise ProviderError("provider.bad_certificate", field, value=part.strip(), allowed="ISO 27001 bis 2027-03-31")
        kind = parse_certificate_kind(match.group("kind"), field)
        valid_until = parse_day(match.group("date") or "", field)
        scope = (match.group("scope") or match.group("scope2") or "").strip()
        out.append(Certificate(kind=kind, scope=scope, valid_until=valid_until))
    return out


def parse_transfers(text: str, locations: list[str], field: str = "transfer") -> dict[str, str]:
    """{country: basis} from "scc" (every third-country location) or "US=scc; IN=art49"."""
    result: dict[str, str] = {}
    for part in re.split(r"[,;\n]", text):
        if not part.strip():
            continue
        country_text, sep, basis_text = part.partition("=")
        if not sep:
            country_text, sep, basis_text = part.partition(":")
        if not sep:
            basis = parse_basis(part, field)
            for code in locations:
                if not in_eea(code):
                    result[code] = basis
            continue
        code = country_code(country_text)
        if code is None:
            raise ProviderError("provider.bad_country", field, value=country_text.strip())
        if in_eea(code):
            raise ProviderError("provider.transfer_in_eea", field, country=code, name=country_name(code))
        if code not in locations:
            raise ProviderError("provider.transfer_not_location", field, country=code)
        result[code] = parse_basis(basis_text, field)
    return result


# -- the whole form --------------------------------------------------------------------------


def apply_form(provider: Provider, form: ProviderForm) -> Provider:
    """A new Provider: `provider` with the form's given fields applied and checked. The
    transfers follow the locations: one entry per third-country location, kept when the
    location stays. Raises ProviderError (field, message key) for the first bad field."""
    new = copy.deepcopy(provider)
    for name in TEXT_FIELDS:
        value = getattr(form, name)
        if value is not None:
            setattr(new, name, value.strip() if name != "note" else value)
    if form.name is not None and not new.name:
        raise ProviderError("provider.name_missing", "name")
    for name in DATE_FIELDS:
        value = getattr(form, name)
        if value is not None:
            setattr(new, name, parse_day(value, name))
    if form.ancillary is not None:
        new.ancillary = form.ancillary
    if form.countries is not None:
        new.locations = parse_countries(form.countries)
    third = [code for code in new.locations if not in_eea(code)]
    kept = {t.country: t for t in new.transfers if t.country in third}
    new.transfers = [kept.get(code) or Transfer(country=code) for code in third]
    if form.transfer is not None:
        if form.transfer.strip() and not third:
            raise ProviderError("provider.transfer_without_third_country", "transfer")
        bases = parse_transfers(form.transfer, new.locations)
        for transfer in new.transfers:
            if transfer.country in bases:
                transfer.basis = bases[transfer.country]
                if transfer.basis != "scc":
                    transfer.scc_module = None
    if form.scc_module is not None:
        text = form.scc_module.strip()
        module = None
        if text:
            if not (text.isascii() and text.isdigit()) or int(text) not in SCC_MODULES:
                raise ProviderError("provider.bad_scc_module", "scc_module", value=form.scc_module)
            module = int(text)
        targets = [t for t in new.transfers if t.basis == "scc"]
        if module is not None and not targets:
            raise ProviderError("provider.scc_module_without_scc", "scc_module")
        for transfer in targets:
            transfer.scc_module = module
    if form.tia is not None:
        text = form.tia.strip()
        tia_date = parse_day(text, "tia") if _ANY_DATE.fullmatch(text) else ""
        tia = True if tia_date else parse_yes_no(text, "tia")
        if tia and not new.transfers:
            raise ProviderError("provider.transfer_without_third_country", "tia")
        for transfer in new.transfers:
            transfer.tia, transfer.tia_date = tia, tia_date
    if form.certificates is not None:
        new.certificates = parse_certificates(form.certificates)
    if new.since and new.ended and new.ended < new.since:
        raise ProviderError("provider.ended_before_since", "ended", since=new.since, ended=new.ended)
    if not new.name:
        raise ProviderError("provider.name_missing", "name")
    return new
