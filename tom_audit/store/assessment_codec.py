"""Assessment <-> plain document (dicts in file order). Unknown keys survive in `extra`."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from tom_audit.model.assessment import (
    FORMAT, Answer, Approval, Assessment, CatalogueRef, Change, Evidence, Gap, Organisation, Review, Scope,
)
from tom_audit.problems import WARNING, Problem
from tom_audit.store.yaml_load import NodeIndex

# -- writing -------------------------------------------------------------------------------


def _plain(obj: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """A dataclass as a dict in field order, leaving out empty values and `extra` merged last."""
    out: dict[str, Any] = {}
    for f in fields(obj):
        if f.name == "extra" or f.name in skip:
            continue
        value = getattr(obj, f.name)
        if value is None or value == "" or value == [] or value == {} or value is False:
            continue
        if hasattr(value, "__dataclass_fields__"):
            value = _plain(value)
        elif isinstance(value, list):
            value = [_plain(v) if hasattr(v, "__dataclass_fields__") else v for v in value]
        out[f.name] = value
    out.update(obj.extra)
    return out


def to_document(assessment: Assessment) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "format": FORMAT,
        "format_version": assessment.format_version,
        "id": assessment.id,
        "catalogue": _plain(assessment.catalogue),
        "organisation": _plain(assessment.organisation),
        "scope": _plain(assessment.scope) | {"protection_need": assessment.scope.protection_need},
        "language": assessment.language,
    }
    if assessment.created:
        doc["created"] = assessment.created
    if assessment.updated:
        doc["updated"] = assessment.updated
    if assessment.approval is not None:
        doc["approval"] = _plain(assessment.approval)
    doc["scoping"] = dict(assessment.scoping)
    doc["measures"] = {
        measure_id: _plain(answer)
        for measure_id, answer in assessment.measures.items()
        if not answer.is_empty()
    }
    doc.update(assessment.extra)
    doc["fingerprints"] = dict(assessment.fingerprints)
    return doc


# -- reading -------------------------------------------------------------------------------


class _Reader:
    """Builds dataclasses from a schema-valid document, noting every key it does not know."""

    def __init__(self, index: NodeIndex, shown: str):
        self.index = index
        self.shown = shown
        self.warnings: list[Problem] = []

    def split(self, cls: type, data: dict[str, Any], path: tuple) -> tuple[dict, dict]:
        known = {f.name for f in fields(cls)} - {"extra"}
        kwargs = {k: v for k, v in data.items() if k in known}
        extra = {k: v for k, v in data.items() if k not in known}
        for name in extra:
            where = self.index.position((*path, name), key=True)
            self.warnings.append(Problem(self.shown, "assessment.unknown_key", {"key": name}, severity=WARNING, **where))
        return kwargs, extra

    def build(self, cls: type, data: dict[str, Any] | None, path: tuple):
        kwargs, extra = self.split(cls, data or {}, path)
        return cls(**kwargs, extra=extra)

    def answer(self, data: dict[str, Any], path: tuple) -> Answer:
        kwargs, extra = self.split(Answer, data, path)
        if "evidence" in kwargs:
            kwargs["evidence"] = [
                self.build(Evidence, item, (*path, "evidence", i)) for i, item in enumerate(kwargs["evidence"])
            ]
        for name, cls in (("gap", Gap), ("review", Review), ("changed", Change)):
            if name in kwargs:
                kwargs[name] = self.build(cls, kwargs[name], (*path, name))
        if "answers" in kwargs:
            kwargs["answers"] = dict(kwargs["answers"])
        return Answer(**kwargs, extra=extra)


TOP_LEVEL = ("format", "format_version", "id", "catalogue", "organisation", "scope", "language",
             "created", "updated", "approval", "scoping", "measures", "fingerprints")


def from_document(data: dict[str, Any], index: NodeIndex, shown: str) -> tuple[Assessment, list[Problem]]:
    reader = _Reader(index, shown)
    extra = {k: v for k, v in data.items() if k not in TOP_LEVEL}
    for name in extra:
        reader.warnings.append(
            Problem(shown, "assessment.unknown_key", {"key": name}, severity=WARNING, **index.position((name,), key=True))
        )
    assessment = Assessment(
        catalogue=reader.build(CatalogueRef, data["catalogue"], ("catalogue",)),
        id=data.get("id", ""),
        organisation=reader.build(Organisation, data.get("organisation"), ("organisation",)),
        scope=reader.build(Scope, data.get("scope"), ("scope",)),
        language=data.get("language", "de"),
        created=data.get("created", ""),
        updated=data.get("updated", ""),
        approval=reader.build(Approval, data["approval"], ("approval",)) if "approval" in data else None,
        scoping=dict(data.get("scoping") or {}),
        measures={
            str(mid): reader.answer(answer or {}, ("measures", mid))
            for mid, answer in (data.get("measures") or {}).items()
        },
        fingerprints=dict(data.get("fingerprints") or {}),
        format_version=data["format_version"],
        extra=extra,
    )
    return assessment, reader.warnings
