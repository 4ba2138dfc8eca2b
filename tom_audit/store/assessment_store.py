"""Create, load and save assessment files (`*.tom.yaml`)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path

from tom_audit.logic.catalogue_changes import CatalogueChanges, adopt, changes_since
from tom_audit.model.assessment import Assessment, CatalogueRef, Organisation, Scope
from tom_audit.model.catalogue import Catalogue
from tom_audit.problems import WARNING, InputError, Problem
from tom_audit.store import catalogue_store, migrations
from tom_audit.store.assessment_codec import from_document, render_lines
from tom_audit.store.atomic import atomic_write
from tom_audit.store.documents import Document, check_schema, parse_document
from tom_audit.store.yaml_emit import comment

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
    fingerprints = assessment.fingerprints  # in the catalogue's order: the order measures are saved in
    assessment.fingerprints = {m.id: fingerprints[m.id] for m in catalogue.measures if m.id in fingerprints} | fingerprints
    orphans = [mid for mid in assessment.measures if mid not in catalogue.measure_by_id]
    for measure_id in orphans:
        where = doc.index.position(("measures", measure_id), key=True)
        warnings.append(Problem(doc.shown, "assessment.orphan", {"id": measure_id, "catalogue": catalogue.id},
                                severity=WARNING, **where))
    warnings += _scoping_warnings(assessment, catalogue, doc)
    changes = changes_since(assessment, catalogue)
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


def save_assessment(path: Path | str, assessment: Assessment) -> None:
    """Write atomically; the previous version stays as FILE.bak."""
    atomic_write(Path(path), render(assessment).encode("utf-8"))
