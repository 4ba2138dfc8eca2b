"""What every importer builds: a tom-audit catalogue document, category by category and
measure by measure, with the problems found on the way.

An importer never writes: `catalogue_import.import_catalogue` validates the finished draft
like any catalogue file and writes it only if nothing is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from tom_audit.model.catalogue import LEVELS
from tom_audit.model.ids import is_measure_id
from tom_audit.problems import Problem

REFERENCE_KEYS = ("iso27001", "bsi", "sdm", "gspp")


@dataclass(frozen=True)
class ImportOptions:
    """How to read a source.

    level_map: source level value -> our protection level (`{"erhöht": "hoch"}`); values not
        in it mean "normal". OSCAL: the value of the prop `level_prop` (default `sec_level`,
        the BSI's); CISO Assistant: the implementation groups (`{"E": "hoch"}`), the lowest
        mapped group wins (a measure is required from the lowest level that names it).
    language: the source's language ("de"/"en"); None = the CISO `locale`, else German.
    catalogue_id: our id for the catalogue; None = made from the source's file name.
    kind: "organisational" or "technical" for every measure (sources do not say).
    reference_key: also record each measure's own id under this `references` key (e.g.
        "gspp" for Grundschutz++ catalogs, so the SoA and `catalogue map` find them).
    resolve: profile import href (or its file name) -> local path.
    skip_missing: leave out profile imports whose file is not there (named in the notes).
    """

    level_map: dict[str, str] = field(default_factory=dict)
    level_prop: str = "sec_level"
    language: str | None = None
    catalogue_id: str | None = None
    kind: str = "organisational"
    reference_key: str | None = None
    resolve: dict[str, str] = field(default_factory=dict)
    skip_missing: bool = False

    def level_of(self, values: list[str]) -> str:
        mapped = [self.level_map[v] for v in values if v in self.level_map]
        return min(mapped, key=LEVELS.index) if mapped else "normal"


@dataclass
class Draft:
    """The catalogue document being built, in the language `lang`."""

    lang: str
    options: ImportOptions
    categories: list[dict[str, Any]] = field(default_factory=list)
    measures: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (message key, params)
    _category_ids: set[str] = field(default_factory=set)
    _measure_at: dict[str, Any] = field(default_factory=dict)

    def text(self, value: str) -> dict[str, str]:
        return {self.lang: value}

    def add_category(self, wanted_id: str, title: str, goal: str) -> str:
        """Add a category; returns its id, made unique if `wanted_id` is taken."""
        category_id, n = wanted_id, 2
        while category_id in self._category_ids:
            category_id, n = f"{wanted_id[:60]}-{n}", n + 1
        self._category_ids.add(category_id)
        self.categories.append({"id": category_id, "title": self.text(title),
                                "goal": self.text(goal or title)})
        return category_id

    def add_measure(self, source, path: tuple, *, measure_id: Any, category: str, title: str,
                    guidance: str, level: str, deprecated: str | None = None, kind: str | None = None,
                    references: dict[str, list[str]] | None = None,
                    evidence: list[tuple[str, str]] | None = None) -> None:
        """Add a measure whose id is the source's own; a bad or repeated id is a problem at
        `path` of `source` (a `source.Source`)."""
        if not is_measure_id(measure_id):
            self.problems.append(source.problem(path, "interop.bad_id", id=str(measure_id)))
            return
        if measure_id in self._measure_at:
            self.problems.append(source.problem(path, "interop.duplicate_id", id=measure_id))
            return
        self._measure_at[measure_id] = path
        measure: dict[str, Any] = {
            "id": measure_id, "category": category, "kind": kind or self.options.kind,
            "title": self.text(title), "guidance": self.text(guidance or title), "level": level,
            "references": {key: list(values) for key, values in sorted((references or {}).items())},
        }
        if evidence:
            measure["evidence"] = [{"kind": k, "hint": self.text(hint)} for k, hint in evidence]
        key = self.options.reference_key
        own = reference_form(key, measure_id) if key else None
        if own and own not in measure["references"].get(key, []):
            measure["references"].setdefault(key, []).append(own)
        if deprecated:
            measure["deprecated"] = {"reason": self.text(deprecated)}
        self.measures.append(measure)

    def note(self, key: str, **params: Any) -> None:
        self.notes.append((key, params))


@cache
def _reference_pattern(key: str) -> str | None:
    from tom_audit.store.schema import schema

    return schema("catalogue")["$defs"]["measure"]["properties"]["references"]["properties"][key]["items"].get("pattern")


def reference_form(key: str, measure_id: str) -> str | None:
    """The measure's id as a reference of kind `key`, per the catalogue schema's pattern for
    it: the id itself, else its longest dotted prefix that fits (CISO Assistant splits the
    Kompendium's ORP.1.A1 into ORP.1.A1.1, ORP.1.A1.2, ...), else None."""
    pattern = _reference_pattern(key)
    if pattern is None:
        return None
    parts = measure_id.split(".")
    for end in range(len(parts), 0, -1):
        candidate = ".".join(parts[:end])
        if re.fullmatch(pattern, candidate):
            return candidate
    return None


# Control characters (terminal escapes start with ESC) and the bidirectional overrides that
# make text display other than it reads: nothing from a third-party file reaches a terminal,
# a workbook or an annex with them. Tabs become spaces; line breaks stay.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def clean(text: Any) -> str:
    """One text for a catalogue: control characters and bidi overrides removed, stripped;
    lines kept, runs of blank lines cut to one. Anything but a string is no text."""
    if not isinstance(text, str):
        return ""
    text = _UNSAFE.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))
    lines = [line.rstrip() for line in text.strip().split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out)
