"""Find, load and check catalogues: bundled by id, or a file; extensions via `extends:`.

Parsing a large catalogue's YAML is the slowest thing tom-audit does, so a validated
catalogue is cached as JSON under its SHA-256: the second open skips YAML and schema alike.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

from tom_audit import __version__
from tom_audit.locations import cache_dir, catalogues_dir
from tom_audit.model.catalogue import (
    Catalogue, Text, category_from_data, measure_fingerprint, measure_from_data, scoping_from_data,
    translate_condition,
)
from tom_audit.problems import InputError, Problem, display_path
from tom_audit.store.atomic import atomic_write
from tom_audit.store.catalogue_languages import language_problems
from tom_audit.store.documents import check_schema, parse_document
from tom_audit.store.textfile import TextFile, read_text_file

BUNDLED = "bundled"
FINGERPRINTS = "_fingerprints"  # added to the cached document; not a key of the file format


def bundled_ids() -> list[str]:
    return sorted(p.stem for p in catalogues_dir().glob("*.yaml"))


def bundled_path(catalogue_id: str) -> Path:
    return catalogues_dir() / f"{catalogue_id}.yaml"


def _looks_like_path(ref: str) -> bool:
    return ref.endswith((".yaml", ".yml", ".json")) or "/" in ref or os.sep in ref


def resolve(ref: str, base_dir: Path | None = None) -> tuple[Path, str]:
    """The file for a catalogue reference and how to record it ("bundled" or the path)."""
    if not _looks_like_path(ref):
        path = bundled_path(ref)
        if path.is_file():
            return path, BUNDLED
        known = bundled_ids()
        close = difflib.get_close_matches(ref, known, n=1)
        raise InputError([Problem(ref, "catalogue.unknown_id", {
            "id": ref, "known": ", ".join(known), "suggestion": close[0] if close else known[0] if known else "",
        })])
    path = Path(ref)
    if base_dir is not None and not path.is_absolute():
        path = base_dir / path
    return path, str(path)


# -- cache ---------------------------------------------------------------------------------


def _cache_file(sha: str) -> Path | None:
    folder = cache_dir()
    if not str(folder):
        return None
    return folder / "catalogues" / f"{sha}-{__version__}.json"


def _cached(sha: str) -> dict[str, Any] | None:
    file = _cache_file(sha)
    if file is None:
        return None
    try:
        with open(file, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return None


def _store(sha: str, data: dict[str, Any]) -> None:
    file = _cache_file(sha)
    if file is None:
        return
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(file, json.dumps(data, ensure_ascii=False).encode(), backup=False)
    except (OSError, InputError):  # InputError: atomic_write refused the target (read-only, not a file)
        pass  # a cache that cannot be written only costs time


# -- checks the schema cannot express ------------------------------------------------------


def _semantic_problems(doc, data: dict[str, Any], base: Catalogue | None) -> list[Problem]:
    problems: list[Problem] = []
    shown, index = doc.shown, doc.index

    def at(path: tuple, key: str, **params) -> None:
        problems.append(Problem(shown, key, params, **index.position(path)))

    # question id -> (type, option ids), from the base catalogue and this file
    scoping = {q.id: (q.type, [o.id for o in q.options]) for q in (base.scoping if base else ())}
    categories = set(base.category_by_id) if base else set()
    measures = set(base.measure_by_id) if base else set()
    for i, question in enumerate(data.get("scoping", [])):
        if question["id"] in scoping:
            at(("scoping", i, "id"), "catalogue.duplicate_id", id=question["id"])
        scoping[question["id"]] = (question.get("type", "bool"), [o["id"] for o in question.get("options", [])])
    for i, category in enumerate(data.get("categories", [])):
        if category["id"] in categories:
            at(("categories", i, "id"), "catalogue.duplicate_id", id=category["id"])
        categories.add(category["id"])
    own = set()
    for i, measure in enumerate(data.get("measures", [])):
        if measure["id"] in measures or measure["id"] in own:
            at(("measures", i, "id"), "catalogue.duplicate_id", id=measure["id"])
        own.add(measure["id"])
    all_measures = measures | own
    for i, measure in enumerate(data.get("measures", [])):
        if measure["category"] not in categories:
            at(("measures", i, "category"), "catalogue.unknown_category", id=measure["id"],
               category=measure["category"], known=", ".join(sorted(categories)))
        conditions = [(("measures", i, "applies_if"), measure.get("applies_if") or {})]
        conditions += [(("measures", i, "level_if", j, "if"), rule["if"])
                       for j, rule in enumerate(measure.get("level_if") or ())]
        for where, condition in conditions:
            for qid, wanted in condition.items():
                if qid not in scoping:
                    at((*where, qid), "catalogue.unknown_scoping", id=measure["id"],
                       question=qid, known=", ".join(scoping))
                    continue
                values = wanted if isinstance(wanted, list) else [wanted]
                question_type, options = scoping[qid]
                if question_type == "bool":
                    valid = all(isinstance(v, bool) for v in values)
                    allowed = "true, false"
                else:
                    valid = all(v in options for v in values)
                    allowed = ", ".join(options)
                if not valid:
                    at((*where, qid), "catalogue.bad_condition", id=measure["id"],
                       question=qid, allowed=allowed)
        for key in ("see",):
            for j, ref in enumerate(measure.get(key) or ()):
                if ref not in all_measures:
                    at(("measures", i, key, j), "catalogue.unknown_measure", id=ref)
        seen_questions: set[str] = set()
        for j, question in enumerate(measure.get("questions", [])):
            if question["id"] in seen_questions:
                at(("measures", i, "questions", j, "id"), "catalogue.duplicate_id", id=question["id"])
            seen_questions.add(question["id"])
        replaced_by = (measure.get("deprecated") or {}).get("replaced_by")
        if replaced_by and replaced_by not in all_measures:
            at(("measures", i, "deprecated", "replaced_by"), "catalogue.unknown_measure", id=replaced_by)
    for i, question in enumerate(data.get("scoping", [])):
        migration = question.get("migrate_from") or {}
        question_type, options = scoping[question["id"]]
        for j, rule in enumerate(migration.get("values") or ()):
            target = rule["to"]
            if isinstance(target, bool) if question_type == "bool" else target in options:
                continue
            at(("scoping", i, "migrate_from", "values", j, "to"), "catalogue.bad_condition", id=question["id"],
               question=question["id"], allowed="true, false" if question_type == "bool" else ", ".join(options))
    for i, item in enumerate(data.get("exclude", [])):
        if item["id"] not in measures:
            at(("exclude", i, "id"), "catalogue.unknown_measure", id=item["id"])
    if data.get("exclude") and base is None:
        at(("exclude",), "catalogue.exclude_without_extends")
    return problems


# -- loading -------------------------------------------------------------------------------


def _checked_data(file: TextFile, base: Catalogue | None, sha: str) -> dict[str, Any]:
    """The validated document, with each measure's fingerprint under FINGERPRINTS."""
    cached = _cached(sha)
    if cached is not None:
        return cached
    doc = parse_document(file.path, expected="catalogue", file=file)
    check_schema(doc)
    if base is not None:  # an extension written against an earlier version of its base
        for measure in doc.data.get("measures", []):
            if measure.get("applies_if"):
                measure["applies_if"] = translate_condition(measure["applies_if"], base.scoping)
            for rule in measure.get("level_if") or ():
                rule["if"] = translate_condition(rule["if"], base.scoping)
    problems = language_problems(doc, doc.data) + _semantic_problems(doc, doc.data, base)
    if problems:
        raise InputError(problems)
    doc.data[FINGERPRINTS] = {m["id"]: measure_fingerprint(m) for m in doc.data.get("measures", [])}
    _store(sha, doc.data)
    return doc.data


def _base_of(file: TextFile, seen: tuple[Path, ...]) -> Catalogue | None:
    """The catalogue a file extends, read from its first lines without a full parse."""
    for line in file.text.splitlines()[:80]:
        if line.startswith("extends:"):
            ref = line.split(":", 1)[1].split("#", 1)[0].strip().strip("\"'")
            if ref:
                base_path, _ = resolve(ref, file.path.parent)
                if base_path.resolve() in seen:
                    raise InputError([Problem(file.shown, "catalogue.extends_cycle", {"ref": ref}, line=1)])
                return load_catalogue_file(base_path, _seen=(*seen, base_path.resolve()))
    return None


def load_catalogue_file(path: Path, source: str | None = None, _seen: tuple[Path, ...] = ()) -> Catalogue:
    path = Path(path)
    return catalogue_from_text(read_text_file(path), source or str(path), _seen)


def catalogue_from_text(file: TextFile, source: str, _seen: tuple[Path, ...] = ()) -> Catalogue:
    """The catalogue in `file` (read from disk, or about to be written by an import), with
    every check a catalogue file gets; raises InputError with all problems."""
    path = file.path
    base = _base_of(file, (*_seen, path.resolve()))
    sha = hashlib.sha256(file.raw + (base.sha256.encode() if base else b"")).hexdigest()
    data = _checked_data(file, base, sha)
    return _build(data, sha, base, source)


def load_catalogue(ref: str, base_dir: Path | None = None) -> Catalogue:
    path, source = resolve(ref, base_dir)
    return load_catalogue_file(path, source)


def _build(data: dict[str, Any], sha: str, base: Catalogue | None, source: str) -> Catalogue:
    measures = list(base.measures) if base else []
    excluded = {e["id"]: Text.of(e["reason"]) for e in data.get("exclude", [])}
    if excluded:
        measures = [replace(m, excluded_reason=excluded[m.id]) if m.id in excluded else m for m in measures]
    fingerprints = data.get(FINGERPRINTS, {})
    measures += [measure_from_data(m, fingerprints.get(m["id"])) for m in data.get("measures", [])]
    return Catalogue(
        id=data["id"],
        version=data["version"],
        title=Text.of(data["title"]),
        description=Text.of(data.get("description")),
        languages=tuple(data.get("languages", ("de", "en"))),
        sha256=sha,
        scoping=(base.scoping if base else ()) + tuple(scoping_from_data(q) for q in data.get("scoping", [])),
        categories=(base.categories if base else ()) + tuple(category_from_data(c) for c in data.get("categories", [])),
        measures=tuple(measures),
        extends=data.get("extends"),
        source=source,
    )


def catalogue_source_for(catalogue: Catalogue, assessment_path: Path) -> str:
    """How an assessment records its catalogue: 'bundled', or the path relative to itself."""
    if catalogue.source == BUNDLED:
        return BUNDLED
    try:
        relative = os.path.relpath(Path(catalogue.source).resolve(), assessment_path.resolve().parent)
        return Path(relative).as_posix()
    except ValueError:
        return str(Path(catalogue.source).resolve())


__all__ = ["BUNDLED", "bundled_ids", "load_catalogue", "load_catalogue_file", "resolve",
           "catalogue_source_for", "display_path"]
