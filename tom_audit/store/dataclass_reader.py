"""Dataclasses from a schema-valid document, keeping every key they do not know.

Shared by the assessment codec and the provider register's codec: a key we do not know goes
into the object's `extra` (written back unchanged) and is reported as a warning at its line."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from tom_audit.problems import WARNING, Problem
from tom_audit.store.yaml_load import NodeIndex


class DataclassReader:
    """In: the NodeIndex of the parsed file (for lines) and its shown name. `warnings`
    collects a Problem per unknown key."""

    def __init__(self, index: NodeIndex, shown: str):
        self.index = index
        self.shown = shown
        self.warnings: list[Problem] = []

    def split(self, cls: type, data: dict[str, Any], path: tuple) -> tuple[dict, dict]:
        """(the fields `cls` knows, the rest), warning once per unknown key at `path`."""
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
