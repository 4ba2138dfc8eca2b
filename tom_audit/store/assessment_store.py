"""Create, load and save assessment files (`*.tom.yaml`).

Every writer goes through this module: `update_assessment` (read-change-write of an existing
file, under the file's lock), `save_new_assessment` (a new file, never over one that appeared
meanwhile), or `save_assessment` (a prepared state, under the lock: the TUI, which checks
itself that the file did not change under it, see `tui.session`). None of them ever
writes a file it could not read back.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from tom_audit.logic.catalogue_changes import CatalogueChanges, adopt, changes_since, migrate
from tom_audit.model.assessment import Assessment, CatalogueRef, Organisation, Scope
from tom_audit.model.catalogue import Catalogue
from tom_audit.problems import WARNING, InputError, Problem, display_path
from tom_audit.store import catalogue_store, migrations
from tom_audit.store.assessment_codec import from_document, render_lines
from tom_audit.store.atomic import atomic_write
from tom_audit.store.documents import Document, check_schema, parse_document
from tom_audit.store.lock import assessment_lock
from tom_audit.store.yaml_emit import comment
from tom_audit.store.yaml_load import MAX_DEPTH, parse_yaml

HEADER = """tom-audit assessment: technical and organisational measures (Art. 32 GDPR).
Edit with `tom-audit open FILE`, or by hand: `tom-audit validate FILE` checks it."""


@dataclass
class Loaded:
    path: Path
    assessment: Assessment
    catalogue: Catalogue
    warnings: list[Problem] = field(default_factory=list)
    catalogue_changes: CatalogueChanges | None = None
    orphans: list[str] = field(default_factory=list)  # answered measures the catalogue lacks

    def adopt_catalogue(self) -> CatalogueChanges | None:
        """Before saving: record the catalogue as loaded now as the one this file follows
        (answers to reworded measures become "to confirm"), as the load warning promised."""
        if self.catalogue_changes is None:
            return None
        changes = adopt(self.assessment, self.catalogue, catalogue_store.catalogue_source_for(self.catalogue, self.path))
        self.catalogue_changes = None
        return changes


def new_assessment(catalogue: Catalogue, *, source: str, organisation: str = "", language: str = "de",
                   now: str = "") -> Assessment:
    return Assessment(
        id=str(uuid.uuid4()),
        catalogue=CatalogueRef(id=catalogue.id, version=catalogue.version, sha256=catalogue.sha256, source=source),
        organisation=Organisation(name=organisation),
        scope=Scope(),
        language=language,
        created=now,
        updated=now,
        fingerprints={m.id: m.fingerprint for m in catalogue.measures},
    )


def read_document(path: Path) -> tuple[Assessment, list[Problem], Document]:
    """Parse, migrate and schema-check an assessment file; no catalogue needed."""
    doc = parse_document(path, expected="assessment")
    try:
        doc.data = migrations.migrate(doc.data)
    except migrations.TooNew as too_new:
        where = doc.index.position(("format_version",))
        raise InputError([Problem(doc.shown, "assessment.too_new", {"version": too_new.args[0]}, **where)]) from None
    check_schema(doc)
    assessment, warnings = from_document(doc.data, doc.index, doc.shown)
    return assessment, warnings, doc


def _scoping_warnings(assessment: Assessment, catalogue: Catalogue, doc: Document) -> list[Problem]:
    warnings = []
    for question_id, value in assessment.scoping.items():
        question = catalogue.scoping_by_id.get(question_id)
        key = "assessment.unknown_scoping" if question is None else (
            None if question.accepts(value) else "assessment.bad_scoping")
        if key:
            where = doc.index.position(("scoping", question_id))
            warnings.append(Problem(doc.shown, key, {"question": question_id, "value": value}, severity=WARNING, **where))
    return warnings


def load_assessment(path: Path | str, catalogue: Catalogue | None = None) -> Loaded:
    path = Path(path)
    assessment, warnings, doc = read_document(path)
    if catalogue is None:
        ref = assessment.catalogue
        try:
            catalogue = catalogue_store.load_catalogue(
                ref.id if ref.source == catalogue_store.BUNDLED else ref.source, base_dir=path.parent)
        except InputError as error:
            where = doc.index.position(("catalogue", "source" if ref.source != "bundled" else "id"))
            lead = Problem(doc.shown, "assessment.catalogue_missing", {"id": ref.id, "source": ref.source}, **where)
            raise InputError([lead, *error.problems]) from None
    orphans = [mid for mid in assessment.measures if mid not in catalogue.measure_by_id]
    for measure_id in orphans:
        where = doc.index.position(("measures", measure_id), key=True)
        warnings.append(Problem(doc.shown, "assessment.orphan", {"id": measure_id, "catalogue": catalogue.id},
                                severity=WARNING, **where))
    changes = changes_since(assessment, catalogue)
    migrate(assessment, catalogue, changes)  # in memory: scoping and replaced measures' answers
    warnings += _scoping_warnings(assessment, catalogue, doc)
    if changes:
        warnings.append(Problem(doc.shown, "assessment.catalogue_changed", {
            "id": catalogue.id, "old": changes.old_version, "new": changes.new_version,
            "added": ", ".join(changes.added) or "-", "removed": ", ".join(changes.removed) or "-",
            "reworded": ", ".join(changes.reworded) or "-",
        }, severity=WARNING))
    return Loaded(path, assessment, catalogue, warnings, changes, orphans)


def render(assessment: Assessment) -> str:
    out = comment(HEADER)
    render_lines(assessment, out)
    return "\n".join(out) + "\n"


T = TypeVar("T")


class Unchanged:
    """What a `change` returns to say "nothing to save"; `value` goes back to the caller."""

    def __init__(self, value=None):
        self.value = value


def update_assessment(path: Path | str, change: Callable[[Loaded], T], *,
                      catalogue: Catalogue | None = None, timeout: float | None = None) -> T:
    """Read-change-write one assessment under its exclusive lock: every writer goes through this.

    Locks `path` (waits at most `timeout` seconds, then FileBusy: an InputError naming the
    holder), loads it, calls `change(loaded)` to change `loaded.assessment` in place,
    records the catalogue as loaded as the one followed (as the load warning promised),
    and saves atomically with FILE.bak. `change` may raise (InputError, AnswerError): then
    nothing is written. If it returns `Unchanged(value)`, nothing is written and `value`
    is returned; otherwise its return value is."""
    if not _looks_like_assessment(Path(path)):
        load_assessment(path, catalogue)  # says what is wrong, without a lock file beside it
    with assessment_lock(path, timeout):
        loaded = load_assessment(path, catalogue)
        result = change(loaded)
        if isinstance(result, Unchanged):
            return result.value
        loaded.adopt_catalogue()
        save_assessment(path, loaded.assessment)
        return result


def _looks_like_assessment(path: Path) -> bool:
    """A cheap first look (is a file, names our format early on) before the lock is taken,
    so that a missing file or a catalogue is reported as such, leaving no FILE.lock behind."""
    try:
        if not path.is_file():  # never open a FIFO: that would wait for a writer for ever
            return False
        with open(path, "rb") as handle:
            return b"tom-audit/assessment" in handle.read(4096)
    except OSError:
        return False


def save_new_assessment(path: Path | str, assessment: Assessment) -> None:
    """Write a new assessment file; raises InputError (exit 2) if `path` exists, even if
    another program created it a moment ago."""
    path = Path(path)
    with assessment_lock(path):
        _write_checked(path, assessment, exclusive=True)


def _write_checked(path: Path, assessment: Assessment, *, exclusive: bool = False) -> None:
    try:
        text = render(assessment)
    except RecursionError:  # nesting no loader would have let in; never half-written
        raise InputError([Problem(display_path(path), "save.unreadable", {"detail": "RecursionError"})]) from None
    _check_reads_back(path, text)
    atomic_write(path, text.encode("utf-8"), exclusive=exclusive)


# Reading back every save would double its cost, so the guarantee is by construction: every
# string is emitted quoted and escaped (yaml_emit), every key as text, and the loader lets in
# no nesting deeper than yaml_load.MAX_DEPTH. Only a text indented that deep (two spaces a
# level) is parsed again before it is written.
_DEEP_INDENT = re.compile(r"^ {%d,}" % (2 * MAX_DEPTH), re.MULTILINE)


def _check_reads_back(path: Path, text: str) -> None:
    """Never write a file we could not read again: raise InputError and leave the file as it is."""
    if not _DEEP_INDENT.search(text):
        return
    try:
        parse_yaml(text, display_path(path))
    except InputError as error:
        raise InputError([Problem(display_path(path), "save.unreadable",
                                  {"detail": error.problems[0].render("en") if error.problems else "?"})]) from None


def save_assessment(path: Path | str, assessment: Assessment) -> None:
    """Write atomically under the file's lock; the previous version stays as FILE.bak.
    Callers that read the file first use `update_assessment`, so that nobody writes in between."""
    path = Path(path)
    with assessment_lock(path):
        _write_checked(path, assessment)
