"""Import a provider list a company already keeps in a spreadsheet (CSV or XLSX).

Columns are found by their header, in German or English ("Name", "Land"/"Country",
"Leistung"/"Service", "Transfergrundlage"/"Transfer basis", "AVV-Datum"/"DPA date", ...; see
HEADERS). Every cell goes through the same checks as `provider add` (logic/provider_form.py).
All or nothing: `read_provider_list` raises InputError with every problem, each with its row
and column, and the register is changed only by `merge_into` after a clean read.
"""

from __future__ import annotations

import csv
import io
import re
import stat
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from tom_audit.i18n import tr
from tom_audit.logic.provider_form import ProviderError, ProviderForm, apply_form, printable
from tom_audit.logic.providers import ID_PATTERN, new_id
from tom_audit.model.assessment import Assessment
from tom_audit.model.providers import Provider
from tom_audit.problems import WARNING, InputError, Problem, display_path
from tom_audit.text_rules import check_value

MAX_BYTES = 20 * 1024 * 1024

# form field -> header spellings (compared case-folded, without spaces and punctuation)
HEADERS: dict[str, tuple[str, ...]] = {
    "id": ("id", "kennung", "nr", "nummer", "no", "number"),
    "name": ("name", "unternehmen", "firma", "dienstleister", "anbieter", "unterauftragsverarbeiter", "company",
             "provider", "subprocessor", "vendor", "supplier"),
    "legal_entity": ("rechtsträger", "gesellschaft", "juristischeperson", "vertragspartner", "legalentity", "entity"),
    "address": ("adresse", "anschrift", "sitz", "address"),
    "service": ("leistung", "dienstleistung", "zweck", "tätigkeit", "leistungzweck", "service", "purpose",
                "servicepurpose", "description"),
    "data_categories": ("datenkategorien", "datenarten", "kategorienvondaten", "datacategories", "categoriesofdata"),
    "data_subjects": ("betroffene", "betroffenepersonen", "kategorienbetroffenerpersonen", "datasubjects",
                      "categoriesofdatasubjects"),
    "countries": ("land", "länder", "standort", "standorte", "ortderverarbeitung", "verarbeitungsort",
                  "verarbeitungsorte", "country", "countries", "location", "locations", "processinglocations"),
    "transfer": ("transfergrundlage", "transfer", "garantien", "geeignetegarantien", "rechtsgrundlagetransfer",
                 "transferbasis", "transfermechanism", "transfertool", "safeguard", "safeguards"),
    "scc_module": ("sccmodul", "modul", "sccmodule", "module"),
    "tia": ("tia", "transferfolgenabschätzung", "transferimpactassessment"),
    "avv_date": ("avv", "avvdatum", "avvvom", "avvabgeschlossen", "auftragsverarbeitungsvertrag", "dpa", "dpadate",
                 "dataprocessingagreement"),
    "avv_location": ("avvablage", "ablage", "ablageavv", "dpalocation", "dpakeptat", "dpastorage"),
    "certificates": ("zertifikate", "zertifikat", "zertifizierungen", "nachweise", "certificates", "certificate",
                     "certifications", "attestations"),
    "tom_checked": ("tomgeprüft", "tomprüfung", "letztetomprüfung", "tomchecked", "lasttomcheck", "tomreview"),
    "since": ("seit", "beauftragtseit", "beginn", "since", "engagedsince", "start"),
    "ended": ("beendet", "beendetam", "ende", "ended", "endedon", "end"),
    "kind": ("art", "typ", "kategorie", "kind", "type", "role", "rolle"),
    "ancillary": ("nebenleistung", "ancillary", "ancillaryservice"),
    "note": ("bemerkung", "bemerkungen", "notiz", "anmerkung", "note", "notes", "comment", "comments"),
}
KNOWN_COLUMNS = ("ID, Name/Unternehmen, Rechtsträger/Legal entity, Anschrift/Address, Leistung/Service, "
                 "Datenkategorien/Data categories, Betroffene/Data subjects, Land/Country, "
                 "Transfergrundlage/Transfer basis, SCC-Modul/SCC module, TIA, AVV-Datum/DPA date, "
                 "AVV-Ablage/DPA location, Zertifikate/Certificates, TOM geprüft/TOM checked, Seit/Since, "
                 "Beendet/Ended, Art/Type, Nebenleistung/Ancillary, Bemerkung/Note")
_LOOKUP = {alias: name for name, aliases in HEADERS.items() for alias in aliases}
# fields in the order they are applied (transfers need the countries, the module needs the transfers)
_ORDER = ("name", "legal_entity", "address", "service", "data_categories", "data_subjects", "countries",
          "transfer", "scc_module", "tia", "avv_date", "avv_location", "certificates", "tom_checked", "since",
          "ended", "kind", "ancillary", "note")
_DEPENDS = {"transfer": {"countries"}, "scc_module": {"countries", "transfer"}, "tia": {"countries", "transfer"}}
_SUBPROCESSOR_WORDS = {"unterauftragsverarbeiter", "uav", "subprocessor", "auftragsverarbeiter", "processor", "art28"}
_ANCILLARY_WORDS = {"nebenleistung", "ancillary", "ancillaryservice", "hilfsdienst", "sonstige", "other"}


def _squash(text: str) -> str:
    return re.sub(r"[^0-9a-zäöüß]", "", text.casefold())


@dataclass
class Row:
    number: int  # row (XLSX) or line (CSV), 1-based
    cells: dict[str, tuple[int, str]]  # field -> (column, text)


@dataclass
class ProviderList:
    source: str
    rows: list[tuple[Row, ProviderForm, str]] = field(default_factory=list)  # row, form, id given
    warnings: list[Problem] = field(default_factory=list)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _check_file(path: Path, shown: str) -> None:
    """Only a regular file of sensible size is read (a FIFO would block for ever)."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise InputError([Problem(shown, "file.missing", {})]) from None
    except OSError as error:
        raise InputError([Problem(shown, "file.unreadable", {"reason": error.strerror or str(error)})]) from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError([Problem(shown, "file.is_directory", {})])
    if not stat.S_ISREG(st.st_mode):
        raise InputError([Problem(shown, "file.not_regular", {})])
    if st.st_size > MAX_BYTES:
        raise InputError([Problem(shown, "file.too_large", {"size_mb": f"{st.st_size / 1e6:.1f}",
                                                            "limit_mb": MAX_BYTES // 2**20})])


def _read_grid(path: Path, shown: str) -> list[tuple[int, list[str]]]:
    """(row number, cell texts) for every row of the first sheet or the CSV file."""
    suffix = path.suffix.casefold()
    if suffix not in (".xlsx", ".xlsm", ".csv", ".txt", ".tsv"):
        raise InputError([Problem(shown, "provider_import.unknown_format", {})])
    _check_file(path, shown)
    if suffix in (".xlsx", ".xlsm"):
        from tom_audit.store.workbook_guard import PARSE_ERRORS, check_workbook

        check_workbook(path)  # a zip bomb is refused before openpyxl unpacks it
        from openpyxl import load_workbook

        try:
            workbook = load_workbook(path, read_only=True, data_only=True)
            try:
                sheet = workbook.worksheets[0]
                return [(n, [_text(v) for v in values])
                        for n, values in enumerate(sheet.iter_rows(values_only=True), start=1)]
            finally:
                workbook.close()
        except PARSE_ERRORS as error:
            raise InputError([Problem(shown, "provider_import.unreadable", {"reason": type(error).__name__})]) from None
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError([Problem(shown, "file.unreadable", {"reason": error.strerror or str(error)})]) from None
    if b"\x00" in raw:
        raise InputError([Problem(shown, "provider_import.unknown_format", {})])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # what German Excel writes as "CSV"
    first = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)  # an unclosed quote is an error
    rows, start = [], 1
    try:
        for cells in reader:
            rows.append((start, [c.strip() for c in cells]))
            start = reader.line_num + 1
    except csv.Error as error:
        raise InputError([Problem(shown, "provider_import.unreadable", {"reason": str(error)}, line=start)]) from None
    return rows


def _form_from(row: Row, shown: str, problems: list[Problem], headers: dict[int, str]) -> ProviderForm:
    form = ProviderForm()
    for name in _ORDER:
        if name not in row.cells:
            continue
        col, value = row.cells[name]
        if not value:
            continue
        if name == "kind":
            squashed = _squash(value)
            if squashed in _ANCILLARY_WORDS:
                form.ancillary = True
            elif squashed in _SUBPROCESSOR_WORDS or squashed.startswith("unterauftrag") or squashed.startswith("sub"):
                form.ancillary = False
            else:
                problems.append(Problem(shown, "provider_import.bad_value", {
                    "header": printable(headers[col]),
                    "message": tr("provider.bad_yes_no", field=printable(headers[col]), value=printable(value))},
                    line=row.number, col=col))
            continue
        if name == "ancillary":
            squashed = _squash(value)
            form.ancillary = squashed in ("ja", "j", "yes", "y", "x", "true", "1", "wahr")
            continue
        setattr(form, name, value)
    return form


def read_provider_list(path: Path | str) -> ProviderList:
    """Read and check a provider list; nothing is changed. Raises InputError with every
    problem (row and column) when any cell cannot be used."""
    path = Path(path)
    shown = display_path(path)
    grid = [(n, cells) for n, cells in _read_grid(path, shown) if any(cells)]
    result = ProviderList(source=shown)
    problems: list[Problem] = []
    if not grid:
        raise InputError([Problem(shown, "provider_import.empty", {})])
    header_row, header_cells = grid[0]
    columns: dict[int, str] = {}  # column (1-based) -> field
    headers: dict[int, str] = {}
    for col, header in enumerate(header_cells, start=1):
        if not header:
            continue
        name = _LOOKUP.get(_squash(header))
        if name is None:
            result.warnings.append(Problem(shown, "provider_import.unknown_column", {
                "header": printable(header), "known": KNOWN_COLUMNS},
                line=header_row, col=col, severity=WARNING))
            continue
        if name in columns.values():
            problems.append(Problem(shown, "provider_import.duplicate_column", {"header": printable(header), "field": name},
                                    line=header_row, col=col))
            continue
        columns[col], headers[col] = name, header
    if "name" not in columns.values():
        raise InputError([Problem(shown, "provider_import.no_header", {}, line=header_row, col=1)])
    seen: dict[str, int] = {}
    for number, cells in grid[1:]:
        row = Row(number, {columns[c]: (c, cells[c - 1]) for c in columns if c - 1 < len(cells)})
        refused = _refused_cells(row, shown)
        if refused:  # an escape or bidi override would be stored, then refused on every load
            problems += refused
            continue
        form = _form_from(row, shown, problems, headers)
        given_id = row.cells.get("id", (0, ""))[1]
        name_col, name = row.cells.get("name", (next(c for c, f in columns.items() if f == "name"), ""))
        if not name:
            problems.append(Problem(shown, "provider_import.bad_value", {
                "header": printable(headers[name_col]), "message": tr("provider.name_missing")}, line=number, col=name_col))
            continue
        if given_id and not ID_PATTERN.match(given_id):
            id_col = row.cells["id"][0]
            problems.append(Problem(shown, "provider_import.bad_value", {
                "header": printable(headers[id_col]), "message": tr("provider.bad_id", id=printable(given_id))}, line=number, col=id_col))
        key = given_id or name.casefold()
        if key in seen:
            problems.append(Problem(shown, "provider_import.duplicate_row", {"name": printable(given_id or name), "first": seen[key]},
                                    line=number, col=name_col))
        seen.setdefault(key, number)
        problems += _check_row(row, form, shown, headers)
        result.rows.append((row, form, given_id))
    if not result.rows and not problems:
        raise InputError([Problem(shown, "provider_import.empty", {})])
    if problems:
        problems.append(Problem(shown, "provider_import.nothing_imported", {"count": len(problems)}))
        raise InputError(result.warnings + problems)
    return result


def _refused_cells(row: Row, shown: str) -> list[Problem]:
    """A Problem (row, column) for each cell holding a character tom-audit refuses in any
    text (tom_audit.text_rules: control characters, bidi overrides, noncharacters)."""
    problems = []
    for col, value in row.cells.values():
        _, problem = check_value(value, shown, line=row.number, col=col)
        if problem:
            problems.append(problem)
    return problems


def _check_row(row: Row, form: ProviderForm, shown: str, headers: dict[int, str]) -> list[Problem]:
    """Every bad cell of the row: the form is applied field by field (in dependency order),
    so one bad cell does not hide the next."""
    problems = []
    provider = Provider(id="row")
    failed: set[str] = set()
    for name in _ORDER:
        value = getattr(form, name, None) if name not in ("kind", "ancillary") else None
        if value is None or name in _DEPENDS and _DEPENDS[name] & failed:
            continue  # a transfer cell is not judged against countries that could not be read
        try:
            provider = apply_form(provider, ProviderForm(**{name: value}))
        except ProviderError as error:
            failed.add(name)
            col = row.cells[name][0]
            problems.append(Problem(shown, "provider_import.bad_value", {
                "header": printable(headers[col]), "message": tr(error.key, **error.params)}, line=row.number, col=col))
    return problems


def merge_into(assessment: Assessment, provider_list: ProviderList) -> tuple[int, int]:
    """Add or update the register from a checked list: a row with a known id, or else a known
    name (case-insensitive), updates that entry (empty cells leave fields as they are); any
    other row becomes a new entry. Returns (added, updated). Raises ProviderError only if the
    register changed since the list was read (then nothing changes: call on a copy)."""
    by_id = {p.id: p for p in assessment.providers}
    by_name = {p.name.casefold(): p for p in assessment.providers}
    added = updated = 0
    new_list = list(assessment.providers)
    position = {id(p): i for i, p in enumerate(new_list)}  # kept as we go: a 100k-row list stays linear
    taken = {p.id for p in new_list}
    for _row, form, given_id in provider_list.rows:
        old = by_id.get(given_id) if given_id else by_name.get((form.name or "").casefold())
        if old is not None:
            new = apply_form(old, form)
            index = position.pop(id(old))
            new_list[index] = new
            updated += 1
        else:
            new = apply_form(Provider(id=given_id or new_id(form.name or "", taken)), form)
            index = len(new_list)
            new_list.append(new)
            added += 1
        position[id(new)] = index
        taken.add(new.id)
        by_id[new.id] = new
        by_name[new.name.casefold()] = new
    assessment.providers = new_list
    return added, updated
