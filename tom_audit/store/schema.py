"""JSON Schema validation: a fast yes/no first, then every error with its line.

fastjsonschema answers "valid?" in milliseconds but stops at the first error; jsonschema
finds them all and gives each a path, which NodeIndex turns into a line and column.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

import fastjsonschema

from tom_audit.locations import schemas_dir
from tom_audit.problems import Problem
from tom_audit.store.yaml_load import NodeIndex

SCHEMAS = ("catalogue", "assessment")


# `$` in a JSON Schema pattern means "end of text" to its authors, but Python's `$` (which
# both validators use, with re.search) also matches before a final newline: "ACC-01\n"
# would pass "^...$". So every unescaped `$` that ends a pattern or an alternative becomes
# `\Z` (end of text, and nothing else) as the schema is loaded. This is the one place for
# pattern semantics: the schema files keep their portable `^...$` form.
_END_ANCHOR = re.compile(r"(?<!\\)\$(?=\)*(?:\||$))")


def strict_pattern(pattern: str) -> str:
    """A JSON Schema `pattern` as a Python regex whose `$` means the end of the text."""
    return _END_ANCHOR.sub(r"\\Z", pattern)


def _strict(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: (strict_pattern(v) if k == "pattern" and isinstance(v, str) else _strict(v))
                for k, v in node.items()}
    if isinstance(node, list):
        return [_strict(v) for v in node]
    return node


@cache
def schema(name: str) -> dict[str, Any]:
    with open(schemas_dir() / f"{name}.schema.json", encoding="utf-8") as handle:
        return _strict(json.load(handle))


@cache
def _fast(name: str):
    return fastjsonschema.compile(schema(name))


@cache
def _full(name: str):
    from jsonschema import Draft202012Validator  # imported only when a file is invalid

    return Draft202012Validator(schema(name))


def is_valid(name: str, data: Any) -> bool:
    try:
        _fast(name)(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def _set(data: Any, path: list, value: Any) -> None:
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value


def _restore_strings(name: str, data: Any, index: NodeIndex) -> bool:
    """Give string fields that YAML typed as number, bool or null their text back.

    `note: 1.10` or `owner: null` are text the user wrote; we keep it as written."""
    changed = False
    for error in _full(name).iter_errors(data):
        expected = error.validator_value if error.validator == "type" else None
        wants_string = expected == "string" or (isinstance(expected, list) and "string" in expected)
        if wants_string and (error.instance is None or isinstance(error.instance, (bool, int, float))):
            path = list(error.absolute_path)
            raw = index.raw_text(tuple(path))
            if path and raw is not None:
                _set(data, path, raw)
                changed = True
    return changed


def _label(data: Any, path: list) -> str:
    """A readable name for a place in the document: measures[3] becomes measures[ENT-04]."""
    parts: list[str] = []
    node = data
    for step in path:
        if isinstance(step, int):
            item = node[step] if isinstance(node, list) and step < len(node) else None
            ident = item.get("id") if isinstance(item, dict) else None
            parts.append(f"[{ident}]" if isinstance(ident, str) else f"[{step + 1}]")
        else:
            parts.append(("." if parts else "") + str(step))
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            node = None
    return "".join(parts) or "/"


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return text if len(text) <= 60 else text[:57] + "..."


def _problem_for(error, data: Any, index: NodeIndex, shown: str) -> Problem:
    path = list(error.absolute_path)
    field = _label(data, path)
    kind = error.validator
    where = index.position(tuple(path))
    if kind == "required":
        missing = [k for k in error.validator_value if k not in (error.instance or {})]
        return Problem(shown, "schema.required", {"field": field, "missing": ", ".join(missing)}, **where)
    if kind in ("additionalProperties", "unevaluatedProperties"):
        allowed = set(error.schema.get("properties", {}))
        extra = [k for k in error.instance if k not in allowed] or ["?"]
        where = index.position((*path, extra[0]), key=True)
        known = ", ".join(sorted(allowed))
        return Problem(shown, "schema.unknown_key", {"field": field, "key": extra[0], "known": known}, **where)
    if kind in ("enum", "const"):
        allowed = error.validator_value if kind == "enum" else [error.validator_value]
        choices = ", ".join(_short(a) for a in allowed)
        return Problem(shown, "schema.enum", {"field": field, "value": _short(error.instance), "allowed": choices}, **where)
    if kind == "type":
        expected = error.validator_value
        expected = " / ".join(expected) if isinstance(expected, list) else expected
        return Problem(shown, "schema.type", {"field": field, "value": _short(error.instance), "expected": expected}, **where)
    if kind == "pattern":
        return Problem(shown, "schema.pattern", {"field": field, "value": _short(error.instance), "pattern": error.validator_value.replace("\\Z", "$")}, **where)
    if kind in ("minLength", "minItems", "minProperties"):
        return Problem(shown, "schema.empty", {"field": field}, **where)
    if kind in ("minimum", "maximum"):
        return Problem(shown, "schema.range", {"field": field, "value": _short(error.instance), "bound": error.validator_value}, **where)
    if kind == "uniqueItems":
        return Problem(shown, "schema.unique", {"field": field}, **where)
    return Problem(shown, "schema.invalid", {"field": field, "detail": error.message}, **where)


def validate(name: str, data: Any, index: NodeIndex, shown: str) -> list[Problem]:
    """Every schema problem in `data`, each with its line. Repairs YAML-typed strings in place."""
    if is_valid(name, data):
        return []
    if _restore_strings(name, data, index) and is_valid(name, data):
        return []
    errors = sorted(_full(name).iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    leaves = []
    for error in errors:
        # anyOf/oneOf/if-then report through their deepest sub-error, which names the real field
        while error.context:
            error = min(error.context, key=lambda e: -len(e.absolute_path))
        leaves.append(error)
    problems = [_problem_for(e, data, index, shown) for e in leaves]
    unique = {(p.line, p.col, p.key, repr(p.params)): p for p in problems}
    return sorted(unique.values(), key=lambda p: (p.line or 0, p.col or 0))
