"""Assessment <-> plain document (dicts in file order). Unknown keys survive in `extra`."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from tom_audit.model.assessment import (
    FORMAT, Answer, Approval, Assessment, CatalogueRef, Change, Evidence, Gap, Organisation, Review, Scope,
)
from tom_audit.problems import WARNING, Problem
from tom_audit.store.dataclass_reader import DataclassReader
from tom_audit.store.providers_codec import provider_lines, read_providers
from tom_audit.store.yaml_emit import emit_lines, emit_text, key, needs_escape, quote, scalar
from tom_audit.store.yaml_load import NodeIndex

# -- writing -------------------------------------------------------------------------------
# Assessments are written field by field, straight from the dataclasses: a 2,000-measure
# file must save in a few milliseconds, and a generic walk over dicts is several times slower.


def _empty(value: Any) -> bool:
    return value is None or value is False or value == "" or (isinstance(value, (list, dict)) and not value)


def _plain(obj: Any) -> dict[str, Any]:
    """A small dataclass as a dict in field order, without empty values; `extra` merged last."""
    out = {f.name: getattr(obj, f.name) for f in fields(obj) if f.name != "extra"}
    out = {name: value for name, value in out.items() if not _empty(value)}
    out.update(obj.extra)
    return out


_FIELDS: dict[type, tuple[str, ...]] = {}


def _field_lines(obj: Any, indent: str, out: list[str]) -> None:
    """One line per non-empty field; the hot path of saving, so written out by hand."""
    names = _FIELDS.get(type(obj))
    if names is None:
        names = _FIELDS[type(obj)] = tuple(f.name for f in fields(obj) if f.name != "extra")
    append = out.append
    for name in names:
        value = getattr(obj, name)
        if value.__class__ is str:
            if not value:
                continue
            if "\n" in value or needs_escape(value):
                emit_text(f"{indent}{name}:", value, indent, out)
            else:
                append(f'{indent}{name}: "{value}"')
        elif value is not None and value is not False:
            append(f"{indent}{name}: {scalar(value)}")
    if obj.extra:
        emit_lines(obj.extra, indent, out)


def _answer_lines(measure_id: str, answer: Answer, out: list[str]) -> None:
    out.append(f"  {key(measure_id)}:")
    if answer.status:
        out.append(f"    status: {quote(answer.status)}")
    if answer.to_confirm:
        out.append("    to_confirm: true")
    if answer.owner:
        emit_text("    owner:", answer.owner, "    ", out)
    if answer.note:
        emit_text("    note:", answer.note, "    ", out)
    if answer.note_en:
        emit_text("    note_en:", answer.note_en, "    ", out)
    if answer.review_months is not None:
        out.append(f"    review_months: {scalar(answer.review_months)}")
    if answer.answers:
        out.append("    answers:")
        out.extend(f"      {key(q)}: {scalar(v)}" for q, v in answer.answers.items())
    for name in ("evidence", "evidence_history"):
        items = getattr(answer, name)
        if items:
            out.append(f"    {name}:")
            for item in items:
                first = len(out)
                _field_lines(item, "        ", out)
                out[first] = "      - " + out[first][8:]
    for name in ("gap", "review", "changed"):
        part = getattr(answer, name)
        if part is not None:
            out.append(f"    {name}:")
            before = len(out)
            _field_lines(part, "      ", out)
            if len(out) == before:
                out[-1] = f"    {name}: {{}}"
    if answer.provider:
        out.append(f"    provider: {quote(answer.provider)}")
    if answer.extra:
        emit_lines(answer.extra, "    ", out)


def catalogue_order(assessment: Assessment) -> list[tuple[str, Answer]]:
    """The answers in catalogue order, so that a file does not depend on the order in which
    measures were answered (two people, one merge). `fingerprints` lists the catalogue's
    measures in its order (load_assessment keeps it so); ids it lacks follow in their own order."""
    place = {measure_id: i for i, measure_id in enumerate(assessment.fingerprints)}
    last = len(place)
    items = list(assessment.measures.items())
    return sorted(items, key=lambda item: place.get(item[0], last))  # stable: unknown ids keep their order


def render_lines(assessment: Assessment, out: list[str]) -> None:
    head: dict[str, Any] = {
        "format": FORMAT,
        "format_version": assessment.format_version,
        **({"id": assessment.id} if assessment.id else {}),
        **({"previous": assessment.previous} if assessment.previous else {}),
        "catalogue": {"id": assessment.catalogue.id, "version": assessment.catalogue.version,
                      "sha256": assessment.catalogue.sha256} | _plain(assessment.catalogue),
        "organisation": _plain(assessment.organisation),
        "scope": _plain(assessment.scope) | {"protection_need": assessment.scope.protection_need},
        "language": assessment.language,
    }
    if assessment.created:
        head["created"] = assessment.created
    if assessment.updated:
        head["updated"] = assessment.updated
    if assessment.approval is not None:
        head["approval"] = _plain(assessment.approval)
    head["scoping"] = dict(assessment.scoping)
    emit_lines(head, "", out)
    provider_lines(assessment.providers, out)
    empty = Answer()
    answers = [(mid, a) for mid, a in catalogue_order(assessment) if a != empty]
    out.append("measures:" if answers else "measures: {}")
    for measure_id, answer in answers:
        _answer_lines(measure_id, answer, out)
    if assessment.extra:
        emit_lines(assessment.extra, "", out)
    out.append("fingerprints:" if assessment.fingerprints else "fingerprints: {}")
    out.extend(f"  {key(mid)}: {quote(fp)}" for mid, fp in assessment.fingerprints.items())


# -- reading -------------------------------------------------------------------------------


class _Reader(DataclassReader):
    """Builds the assessment's dataclasses from a schema-valid document, noting every key it
    does not know."""

    def answer(self, data: dict[str, Any], path: tuple) -> Answer:
        kwargs, extra = self.split(Answer, data, path)
        for name in ("evidence", "evidence_history"):
            if name in kwargs:
                kwargs[name] = [self.build(Evidence, item, (*path, name, i)) for i, item in enumerate(kwargs[name])]
        for name, cls in (("gap", Gap), ("review", Review), ("changed", Change)):
            if name in kwargs:
                kwargs[name] = self.build(cls, kwargs[name], (*path, name))
        if "answers" in kwargs:
            kwargs["answers"] = dict(kwargs["answers"])
        return Answer(**kwargs, extra=extra)


TOP_LEVEL = ("format", "format_version", "id", "previous", "catalogue", "organisation", "scope", "language",
             "created", "updated", "approval", "scoping", "providers", "measures", "fingerprints")


def from_document(data: dict[str, Any], index: NodeIndex, shown: str) -> tuple[Assessment, list[Problem]]:
    reader = _Reader(index, shown)
    providers, provider_warnings = read_providers(data.get("providers"), index, shown)
    reader.warnings += provider_warnings
    extra = {k: v for k, v in data.items() if k not in TOP_LEVEL}
    for name in extra:
        reader.warnings.append(
            Problem(shown, "assessment.unknown_key", {"key": name}, severity=WARNING, **index.position((name,), key=True))
        )
    assessment = Assessment(
        catalogue=reader.build(CatalogueRef, data["catalogue"], ("catalogue",)),
        id=data.get("id", ""),
        previous=data.get("previous", ""),
        organisation=reader.build(Organisation, data.get("organisation"), ("organisation",)),
        scope=reader.build(Scope, data.get("scope"), ("scope",)),
        language=data.get("language", "de"),
        created=data.get("created", ""),
        updated=data.get("updated", ""),
        approval=reader.build(Approval, data["approval"], ("approval",)) if "approval" in data else None,
        scoping=dict(data.get("scoping") or {}),
        providers=providers,
        measures={
            str(mid): reader.answer(answer or {}, ("measures", mid))
            for mid, answer in (data.get("measures") or {}).items()
        },
        fingerprints=dict(data.get("fingerprints") or {}),
        format_version=data["format_version"],
        extra=extra,
    )
    return assessment, reader.warnings
