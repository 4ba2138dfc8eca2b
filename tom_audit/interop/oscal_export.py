"""tom-audit -> OSCAL: a catalogue as an OSCAL catalog, an assessment as OSCAL
assessment-results.

Why assessment-results: an assessment says, at a date, which measures this organisation has
implemented, with what evidence and what gaps. OSCAL's assessment-results carries exactly that
(findings per control with implementation status, observations with relevant evidence),
needing nothing we do not have. An SSP would also need system characteristics, information
types, users and components; a component-definition describes what a product offers, not what
an organisation does. Inventing those would say more than the user said.

Both are plain dicts ready for `json.dumps`; the tests validate them with compliance-trestle's
`trestle.oscal` models. Deterministic: uuids are uuid5 of content, times come from the
assessment (`updated`, `created`) or `oscal_ids.FIXED_TIME` for catalogues.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from tom_audit import __version__
from tom_audit.interop.oscal_ids import (
    OSCAL_VERSION, TOM_NS, control_id, stable_uuid, timestamp,
)
from tom_audit.logic.applicability import effective_of
from tom_audit.model.catalogue import Catalogue, Measure

# our status -> OSCAL implementation-status state (SP 800-53 / SSP vocabulary)
IMPLEMENTATION_STATE = {
    "implemented": "implemented", "partial": "partial", "planned": "planned",
    "not_implemented": "not-implemented", "not_applicable": "not-applicable",
}


def _line(text: str) -> str:
    """OSCAL titles are one line: whitespace runs, line breaks included, become one space."""
    return " ".join(text.split()) or "-"


def _prop(name: str, value: str) -> dict[str, str]:
    return {"name": name, "value": value, "ns": TOM_NS}


def _control(measure: Measure, lang: str) -> dict[str, Any]:
    cid = control_id(measure.id)
    props = [{"name": "label", "value": measure.id}, _prop("protection_need", measure.level), _prop("kind", measure.kind)]
    for key in sorted(measure.references):
        props += [_prop(key, str(value)) for value in measure.references[key]]
    parts: list[dict[str, Any]] = [
        {"id": f"{cid}_smt", "name": "statement", "prose": measure.title(lang)},
        {"id": f"{cid}_gdn", "name": "guidance", "prose": measure.guidance(lang)},
    ]
    for i, hint in enumerate(measure.evidence, 1):
        parts.append({"id": f"{cid}_evd{i}", "name": "evidence", "ns": TOM_NS,
                      "props": [_prop("evidence_kind", hint.kind)], "prose": hint.hint(lang)})
    control: dict[str, Any] = {"id": cid, "title": _line(measure.title(lang)), "props": props, "parts": parts}
    if measure.deprecated_reason:
        control["props"].append({"name": "status", "value": "withdrawn"})
    return control


def catalogue_to_catalog(catalogue: Catalogue, lang: str | None = None) -> dict[str, Any]:
    """`{"catalog": ...}` for a catalogue, texts in `lang` (default: its first language).
    Categories become groups (goal as the overview part), measures controls; level, kind,
    references and evidence hints are props/parts in the tom-audit namespace, which
    `catalogue import` reads back."""
    lang = lang or catalogue.languages[0]
    groups = []
    for category in catalogue.categories:
        measures = [m for m in catalogue.measures_by_category.get(category.id, []) if not m.excluded_reason]
        if not measures:
            continue
        groups.append({
            "id": category.id, "title": _line(category.title(lang)),
            "parts": [{"id": f"{category.id}_ovw", "name": "overview", "prose": category.goal(lang)}],
            "controls": [_control(m, lang) for m in measures],
        })
    metadata: dict[str, Any] = {
        "title": _line(catalogue.title(lang)), "last-modified": timestamp(""), "version": catalogue.version,
        "oscal-version": OSCAL_VERSION,
        "props": [_prop("catalogue_id", catalogue.id), _prop("language", lang)],
        "remarks": f"Exported by tom-audit {__version__} from catalogue {catalogue.id} {catalogue.version}.",
    }
    if catalogue.description:
        metadata["remarks"] += "\n\n" + catalogue.description(lang)
    return {"catalog": {"uuid": stable_uuid("catalog", catalogue.id, catalogue.version, catalogue.sha256, lang),
                        "metadata": metadata, "groups": groups}}


def _href(ref: str) -> str:
    return ref if "://" in ref else quote(ref, safe="/._-~")


def assessment_to_results(loaded, lang: str) -> dict[str, Any]:
    """`{"assessment-results": ...}` for a loaded assessment (`store.assessment_store.Loaded`):
    one result; per answered measure a finding (implementation status, the note, the gap) and,
    where evidence is recorded, an observation naming it. Unanswered measures are in the
    reviewed controls but have no finding: nothing is claimed for them."""
    assessment, catalogue = loaded.assessment, loaded.catalogue
    key = assessment.id or catalogue.id
    updated = timestamp(assessment.updated or assessment.created)
    started = timestamp(assessment.created or assessment.updated)
    observations, findings = [], []
    for measure in catalogue.measures:
        state = effective_of(assessment, measure)
        if state.status is None:
            continue
        answer = assessment.answer(measure.id)
        cid = control_id(measure.id)
        related = []
        if answer.evidence:
            obs_uuid = stable_uuid(key, "observation", measure.id)
            evidence = []
            for item in answer.evidence:
                entry: dict[str, Any] = {"href": _href(item.ref), "description": item.description or item.ref}
                props = [_prop("evidence_kind", item.kind)]
                if item.sha256:
                    props.append(_prop("sha256", item.sha256))
                if item.valid_until:
                    props.append(_prop("valid_until", item.valid_until))
                entry["props"] = props
                evidence.append(entry)
            dates = sorted(e.date for e in answer.evidence if e.date)
            observations.append({
                "uuid": obs_uuid, "title": _line(measure.id), "description": measure.title(lang),
                "methods": ["EXAMINE"], "relevant-evidence": evidence,
                "collected": timestamp(dates[-1] if dates else "", updated),
            })
            related = [{"observation-uuid": obs_uuid}]
        satisfied = state.status in ("implemented", "not_applicable")
        target: dict[str, Any] = {
            "type": "objective-id", "target-id": cid,
            "status": {"state": "satisfied" if satisfied else "not-satisfied"},
            "implementation-status": {"state": IMPLEMENTATION_STATE[state.status]},
        }
        reason = state.reason(lang) if state.reason else ""
        if reason:
            target["implementation-status"]["remarks"] = reason
        finding: dict[str, Any] = {
            "uuid": stable_uuid(key, "finding", measure.id), "title": _line(f"{measure.id} {measure.title(lang)}"),
            "description": answer.note or measure.title(lang), "target": target,
        }
        if related:
            finding["related-observations"] = related
        if answer.gap and answer.gap.description:
            gap = answer.gap
            finding["remarks"] = "\n".join(part for part in (
                gap.description, gap.action and f"action: {gap.action}", gap.owner and f"owner: {gap.owner}",
                gap.due and f"due: {gap.due}", gap.state and f"state: {gap.state}") if part)
        findings.append(finding)
    organisation = assessment.organisation.name
    metadata: dict[str, Any] = {
        "title": _line(f"TOM {organisation}" if organisation else f"TOM {catalogue.title(lang)}"),
        "last-modified": updated, "version": assessment.approval.version if assessment.approval else "draft",
        "oscal-version": OSCAL_VERSION,
        "props": [_prop("catalogue_id", catalogue.id), _prop("catalogue_version", catalogue.version),
                  _prop("catalogue_sha256", catalogue.sha256), _prop("protection_need", assessment.scope.protection_need)],
    }
    if organisation:
        party = stable_uuid(key, "party", organisation)
        metadata["parties"] = [{"uuid": party, "type": "organization", "name": organisation}]
    ap = stable_uuid(key, "assessment-plan")
    result: dict[str, Any] = {
        "uuid": stable_uuid(key, "result", updated), "title": metadata["title"],
        "description": assessment.scope.service or catalogue.title(lang), "start": started,
        "reviewed-controls": {"control-selections": [{"include-controls": [
            {"control-id": control_id(m.id)} for m in catalogue.measures]}]},
    }
    if observations:
        result["observations"] = observations
    if findings:
        result["findings"] = findings
    return {"assessment-results": {
        "uuid": stable_uuid(key, "assessment-results", updated),
        "metadata": metadata,
        "import-ap": {"href": f"#{ap}", "remarks": "A self-assessment with tom-audit; its plan is the catalogue."},
        "results": [result],
        "back-matter": {"resources": [{
            "uuid": ap, "title": _line(f"{catalogue.id} {catalogue.version}"),
            "description": "The tom-audit catalogue this assessment answers (its plan).",
            "props": [_prop("catalogue_sha256", catalogue.sha256)],
        }]},
    }}


def dumps(document: dict[str, Any]) -> str:
    """JSON as OSCAL tools write it: two-space indent, UTF-8, key order as built."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def export_assessment(loaded, out, lang: str) -> dict[str, Any]:
    """Write the assessment-results of `loaded` to `out` atomically; returns the document."""
    from tom_audit.store.atomic import atomic_write

    document = assessment_to_results(loaded, lang)
    atomic_write(out, dumps(document).encode("utf-8"), backup=False)
    return document
