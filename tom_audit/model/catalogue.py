"""A catalogue of measures, as read from YAML: categories, measures, scoping questions."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

LEVELS = ("normal", "hoch", "sehr_hoch")
KINDS = ("technical", "organisational")


@dataclass(frozen=True, slots=True)
class Text:
    """One text in German and English; a single-language catalogue (`languages: [de]`)
    leaves the other empty, and asking for it gives the language that is there."""

    de: str
    en: str

    def __call__(self, lang: str) -> str:
        return (self.en or self.de) if lang == "en" else (self.de or self.en)

    def matches(self, needle: str) -> bool:
        needle = needle.casefold()
        return needle in self.de.casefold() or needle in self.en.casefold()

    @classmethod
    def of(cls, data: dict[str, str] | None) -> Text | None:
        return cls(data.get("de", ""), data.get("en", "")) if data else None


@dataclass(frozen=True)
class Option:
    id: str
    label: Text


@dataclass(frozen=True)
class ScopingMigration:
    """How an answer to a question of an earlier catalogue version becomes an answer to this
    one: `question` is the old id (may equal the new one), `values` maps old to new values."""

    question: str
    values: tuple[tuple[Any, Any], ...] = ()
    covers: tuple[tuple[Any, tuple[Any, ...]], ...] = ()  # old value -> every new value it stood for

    def values_for_condition(self, old: Any) -> list[Any]:
        """All new values an old value stood for, to translate a condition written against
        an earlier version (`cloud_only` meant both SaaS and IaaS/PaaS)."""
        for before, after in self.covers:
            if before == old and type(before) is type(old):
                return list(after)
        return [self.value_for(old)]

    def value_for(self, old: Any) -> Any:
        """The new value for an old answer; the old one itself when no rule names it."""
        for before, after in self.values:
            if before == old and type(before) is type(old):
                return after
        return old


@dataclass(frozen=True)
class ScopingQuestion:
    id: str
    question: Text
    help: Text | None = None
    type: str = "bool"
    options: tuple[Option, ...] = ()
    migrate_from: ScopingMigration | None = None

    def accepts(self, value: Any) -> bool:
        if self.type == "bool":
            return isinstance(value, bool)
        return value in {o.id for o in self.options}


@dataclass(frozen=True)
class Category:
    id: str
    title: Text
    goal: Text
    art32: tuple[str, ...] = ()
    bdsg64: tuple[int, ...] = ()
    sdm: tuple[str, ...] = ()


@dataclass(frozen=True)
class EvidenceHint:
    kind: str
    hint: Text


@dataclass(frozen=True)
class Question:
    """A typed extra question asked with a measure, such as the RPO in hours."""

    id: str
    type: str  # number, choice, date, text
    label: Text
    unit: Text | None = None
    min: float | None = None
    max: float | None = None
    options: tuple[Option, ...] = ()


@dataclass(frozen=True)
class Measure:
    id: str
    category: str
    kind: str
    title: Text
    guidance: Text
    evidence: tuple[EvidenceHint, ...]
    level: str
    references: dict[str, tuple[str, ...]] = field(default_factory=dict)
    applies_if: dict[str, Any] | None = None
    not_applicable_reason: Text | None = None
    questions: tuple[Question, ...] = ()
    deprecated_reason: Text | None = None
    replaced_by: str | None = None
    excluded_reason: Text | None = None  # set when an extending catalogue does not use it
    fingerprint: str = ""  # short hash of the wording; tells a reworded measure
    level_if: tuple[tuple[dict[str, Any], str], ...] = ()  # (scoping condition, level), first match wins
    replaces: tuple[str, ...] = ()  # ids of earlier versions' measures whose answers this one takes over
    see: tuple[str, ...] = ()  # measures the not-applicable reason refers to (where the control lives)

    def level_for(self, scoping: dict[str, Any] | None = None) -> str:
        """The lowest protection need at which the measure is required for this organisation:
        the first `level_if` rule whose condition the scoping answers meet, else `level`.
        A rule whose questions are still unanswered does not match."""
        for condition, level in self.level_if:
            if scoping is not None and condition_met(condition, scoping, unanswered=False):
                return level
        return self.level

    def required_at(self, protection_need: str, scoping: dict[str, Any] | None = None) -> bool:
        """True when the measure is required at `protection_need` (normal, hoch, sehr_hoch),
        given the scoping answers (team size can lower or raise the level). Never for a
        deprecated practice: not doing it is the good answer, so it is neither required nor
        recommended."""
        if self.deprecated_reason:
            return False
        return LEVELS.index(self.level_for(scoping)) <= LEVELS.index(protection_need)


def condition_met(condition: dict[str, Any], scoping: dict[str, Any], unanswered: bool = True) -> bool:
    """Whether scoping answers meet a catalogue condition ({question: value or [values]}, all
    must hold). `unanswered` is what a question without an answer counts as."""
    for question_id, wanted in condition.items():
        if question_id not in scoping:
            if not unanswered:
                return False
            continue
        allowed = wanted if isinstance(wanted, list) else [wanted]
        value = scoping[question_id]
        if not any(value == a and type(value) is type(a) for a in allowed):
            return False
    return True


@dataclass
class Catalogue:
    id: str
    version: str
    title: Text
    sha256: str
    description: Text | None = None
    languages: tuple[str, ...] = ("de", "en")
    scoping: tuple[ScopingQuestion, ...] = ()
    categories: tuple[Category, ...] = ()
    measures: tuple[Measure, ...] = ()
    extends: str | None = None
    source: str = "bundled"  # "bundled" or the file's path

    @cached_property
    def measure_by_id(self) -> dict[str, Measure]:
        return {m.id: m for m in self.measures}

    @cached_property
    def category_by_id(self) -> dict[str, Category]:
        return {c.id: c for c in self.categories}

    @cached_property
    def scoping_by_id(self) -> dict[str, ScopingQuestion]:
        return {q.id: q for q in self.scoping}

    @cached_property
    def measures_by_category(self) -> dict[str, list[Measure]]:
        grouped: dict[str, list[Measure]] = {c.id: [] for c in self.categories}
        for measure in self.measures:
            grouped.setdefault(measure.category, []).append(measure)
        return grouped


def measure_fingerprint(data: dict[str, Any]) -> str:
    """A hash of what a measure asks, so a changed wording is noticed; ids and refs excluded."""
    keys = ("title", "guidance", "evidence", "level", "applies_if", "questions", "deprecated")
    wording = {k: data.get(k) for k in keys}
    if data.get("level_if"):  # only when present, so older fingerprints stay as they were
        wording["level_if"] = data["level_if"]
    blob = json.dumps(wording, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(blob).hexdigest()[:12]


def _options(items: list[dict] | None) -> tuple[Option, ...]:
    return tuple(Option(str(o["id"]), Text.of(o["label"])) for o in items or ())


def measure_from_data(data: dict[str, Any], fingerprint: str | None = None) -> Measure:
    deprecated = data.get("deprecated") or {}
    return Measure(
        id=data["id"],
        category=data["category"],
        kind=data["kind"],
        title=Text.of(data["title"]),
        guidance=Text.of(data["guidance"]),
        evidence=tuple(EvidenceHint(e["kind"], Text.of(e["hint"])) for e in data.get("evidence") or ()),
        level=data["level"],
        references={k: tuple(v) for k, v in (data.get("references") or {}).items()},
        applies_if=data.get("applies_if"),
        not_applicable_reason=Text.of(data.get("not_applicable_reason")),
        questions=tuple(
            Question(
                id=q["id"], type=q["type"], label=Text.of(q["label"]), unit=Text.of(q.get("unit")),
                min=q.get("min"), max=q.get("max"), options=_options(q.get("options")),
            )
            for q in data.get("questions") or ()
        ),
        deprecated_reason=Text.of(deprecated.get("reason")),
        replaced_by=deprecated.get("replaced_by"),
        fingerprint=fingerprint or measure_fingerprint(data),
        level_if=tuple((rule["if"], rule["level"]) for rule in data.get("level_if") or ()),
        replaces=tuple(data.get("replaces") or ()),
        see=tuple(data.get("see") or ()),
    )


def category_from_data(data: dict[str, Any]) -> Category:
    return Category(
        id=data["id"], title=Text.of(data["title"]), goal=Text.of(data["goal"]),
        art32=tuple(data.get("art32", ())), bdsg64=tuple(data.get("bdsg64", ())),
        sdm=tuple(data.get("sdm", ())),
    )


def scoping_from_data(data: dict[str, Any]) -> ScopingQuestion:
    migration = data.get("migrate_from")
    return ScopingQuestion(
        id=data["id"], question=Text.of(data["question"]), help=Text.of(data.get("help")),
        type=data.get("type", "bool"), options=_options(data.get("options")),
        migrate_from=ScopingMigration(
            question=migration["question"],
            values=tuple((v["from"], v["to"]) for v in migration.get("values") or ()),
            covers=tuple((v["from"], (v["to"], *v.get("also", ()))) for v in migration.get("values") or ()),
        ) if migration else None,
    )


def translate_condition(condition: dict[str, Any], scoping: tuple[ScopingQuestion, ...]) -> dict[str, Any]:
    """A condition written against an earlier catalogue version (old question ids or option
    values) in today's terms, using the questions' `migrate_from` rules; unknown keys stay."""
    by_old = {q.migrate_from.question: q for q in scoping if q.migrate_from}
    current = {q.id for q in scoping}
    out: dict[str, Any] = {}
    for question_id, wanted in condition.items():
        question = by_old.get(question_id)
        if question is None or (question_id in current and question.id != question_id):
            out[question_id] = wanted
            continue
        values = wanted if isinstance(wanted, list) else [wanted]
        mapped: list[Any] = []
        for value in values:
            keep = question_id == question.id and question.accepts(value)
            for new in [value] if keep else question.migrate_from.values_for_condition(value):
                if new not in mapped:
                    mapped.append(new)
        out[question.id] = mapped[0] if len(mapped) == 1 else mapped
    return out
