"""Statement of Applicability (ISO/IEC 27001:2022 clause 6.1.3 d): per control, whether it is
applicable and why, which measures implement it with their status, and the evidence.

Frameworks: "iso27001" (the 93 Annex A controls, `iso27001_annex_a`) and "gspp" (Grundschutz++
control ids: those of an OSCAL catalog or profile the user gives, else every id the catalogue's
measures reference). A measure implements a control when its `references` name it (ISO ids
with or without `A.`). Everything in a row comes from the catalogue and the answers:
- no measure names the control: "not covered", nothing else claimed;
- every naming measure is not applicable: not applicable, with their reasons;
- otherwise applicable; the implementation is "implemented" only if every applicable measure
  is, "open" while any is unanswered, "partial" if some are (partly) implemented, "planned"
  if all are planned, else "not implemented".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tom_audit.interop.iso27001_annex_a import CONTROLS
from tom_audit.logic.applicability import effective_of
from tom_audit.model.assessment import Assessment
from tom_audit.model.catalogue import Catalogue, Text

FRAMEWORKS = ("iso27001", "gspp")


@dataclass(frozen=True)
class Control:
    id: str
    title: Text | None  # None: the id is all we know


@dataclass
class Implementing:
    measure_id: str
    title: Text
    status: str | None  # effective status; None = not answered
    reason: str = ""  # why not applicable (answer note or catalogue reason)
    evidence: list[str] = field(default_factory=list)  # "description (ref)"


@dataclass
class SoaRow:
    control: Control
    applicable: str  # "yes", "no", "not_covered"
    implementation: str  # implemented, partial, planned, not_implemented, open, not_applicable, not_covered
    justification: list[str]
    measures: list[Implementing]


def _key(control_id: str) -> tuple:
    return tuple((0, int(p), "") if p.isascii() and p.isdigit() else (1, 0, p) for p in control_id.replace("-", ".").split("."))


def iso_controls() -> list[Control]:
    return [Control(cid, Text(de, en)) for cid, de, en in CONTROLS]


def controls_from_oscal(path: Path | str) -> list[Control]:
    """Every control id and title of an OSCAL catalog (or the catalogs a profile selects)."""
    from tom_audit.interop.catalogue_import import build_document
    from tom_audit.interop.draft import ImportOptions
    from tom_audit.interop.source import read_source

    source = read_source(path)
    document, draft = build_document(source, ImportOptions(skip_missing=True))
    return [Control(m["id"], Text.of(m["title"])) for m in document["measures"]]


def referenced_controls(catalogue: Catalogue, key: str) -> list[Control]:
    ids = {ref for m in catalogue.measures for ref in m.references.get(key, ())}
    return [Control(cid, None) for cid in sorted(ids, key=_key)]


def _normal(key: str, ref: str) -> str:
    return ref.removeprefix("A.") if key == "iso27001" else ref


def _overall(statuses: list[str | None]) -> str:
    applicable = [s for s in statuses if s != "not_applicable"]
    if not applicable:
        return "not_applicable"
    if all(s == "implemented" for s in applicable):
        return "implemented"
    if None in applicable:
        return "open"
    if any(s in ("implemented", "partial") for s in applicable):
        return "partial"
    if all(s == "planned" for s in applicable):
        return "planned"
    return "not_implemented"


def soa_rows(catalogue: Catalogue, assessment: Assessment, framework: str, lang: str,
             controls: list[Control] | None = None) -> list[SoaRow]:
    """One row per control of `framework` (in `controls`, or the defaults above)."""
    if controls is None:
        controls = iso_controls() if framework == "iso27001" else referenced_controls(catalogue, framework)
    by_control: dict[str, list] = {}
    for measure in catalogue.measures:
        for ref in measure.references.get(framework, ()):
            by_control.setdefault(_normal(framework, ref), []).append(measure)
    rows = []
    for control in controls:
        implementing = []
        for measure in by_control.get(_normal(framework, control.id), []):
            state = effective_of(assessment, measure)
            answer = assessment.answer(measure.id)
            reason = ""
            if state.status == "not_applicable":
                reason = answer.note or (state.reason(lang) if state.reason else "")
            evidence = [f"{e.description} ({e.ref})" if e.description else e.ref for e in answer.evidence]
            implementing.append(Implementing(measure.id, measure.title, state.status, reason, evidence))
        if not implementing:
            rows.append(SoaRow(control, "not_covered", "not_covered", [], []))
            continue
        overall = _overall([m.status for m in implementing])
        if overall == "not_applicable":
            reasons = [f"{m.measure_id}: {m.reason}" if m.reason else m.measure_id for m in implementing]
            rows.append(SoaRow(control, "no", overall, reasons, implementing))
        else:
            rows.append(SoaRow(control, "yes", overall, [], implementing))
    return rows
