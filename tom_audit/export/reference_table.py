"""The references every measure carries (ISO/IEC 27001:2022 Annex A, IT-Grundschutz 2023,
Standard-Datenschutzmodell, Grundschutz++) with the measure's status: a table for the
Markdown and the JSON export, so an auditor can follow a measure to
the control it serves. Ids only; the standards' texts are not reproduced."""

from __future__ import annotations

from dataclasses import dataclass

from tom_audit.i18n import tr
from tom_audit.logic.applicability import effective_of
from tom_audit.model.assessment import Assessment
from tom_audit.model.catalogue import Catalogue

KEYS = ("iso27001", "bsi", "sdm", "gspp")


@dataclass(frozen=True)
class ReferenceRow:
    measure_id: str
    title: str
    status_label: str
    iso27001: str  # ids, comma-separated
    bsi: str
    sdm: str  # localised goal names
    gspp: str


def reference_rows(catalogue: Catalogue, assessment: Assessment, lang: str) -> list[ReferenceRow]:
    """One row per measure that names any reference, in catalogue order; measures an
    extension excluded are left out."""
    rows = []
    for measure in catalogue.measures:
        refs = measure.references
        if measure.excluded_reason or not any(refs.get(k) for k in KEYS):
            continue
        status = effective_of(assessment, measure).status
        rows.append(ReferenceRow(
            measure.id, measure.title(lang), tr(f"soa.status.{status or 'open'}", lang),
            ", ".join(refs.get("iso27001", ())), ", ".join(refs.get("bsi", ())),
            ", ".join(tr(f"references.sdm.{goal}", lang) for goal in refs.get("sdm", ())),
            ", ".join(refs.get("gspp", ())),
        ))
    return rows


def headers(lang: str) -> list[str]:
    return [tr("export.col.id", lang), tr("export.col.measure", lang), tr("export.col.status", lang),
            *(tr(f"references.col.{key}", lang) for key in KEYS)]


def cells(row: ReferenceRow) -> list[str]:
    return [row.measure_id, row.title, row.status_label, row.iso27001, row.bsi, row.sdm, row.gspp]


def markdown(rows: list[ReferenceRow], lang: str, table) -> list[str]:
    """The Markdown section; `table(headers, rows)` is the exporter's table writer."""
    if not rows:
        return []
    return [f"# {tr('references.title', lang)}", "", tr("references.intro", lang), "",
            *table(headers(lang), [cells(r) for r in rows]), ""]
