"""Read a tom-audit file up to a schema-valid document: the steps both file kinds share."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tom_audit import text_rules
from tom_audit.problems import InputError, Problem
from tom_audit.store import schema
from tom_audit.store.textfile import TextFile, read_text_file
from tom_audit.store.yaml_load import NodeIndex, parse_yaml

FORMATS = {"tom-audit/catalogue": "catalogue", "tom-audit/assessment": "assessment"}


@dataclass
class Document:
    file: TextFile
    data: dict[str, Any]
    index: NodeIndex
    kind: str  # "catalogue" or "assessment"

    @property
    def shown(self) -> str:
        return self.file.shown


def parse_document(path: Path | str, expected: str | None = None, file: TextFile | None = None) -> Document:
    """Read and parse; check that it is one of our files and, if given, of the expected kind."""
    file = file or read_text_file(path)
    data = parse_yaml(file.text, file.shown)
    index = NodeIndex(file.text)
    if not isinstance(data, dict):
        raise InputError([Problem(file.shown, "format.not_mapping", {}, line=1, col=1)])
    declared = data.get("format")
    kind = FORMATS.get(declared) if isinstance(declared, str) else None
    if kind is None:
        from tom_audit.interop.source import kind_of as framework_kind  # OSCAL, CISO Assistant

        foreign = framework_kind(data)
        if foreign is not None:  # a framework to import, not to open: say how
            raise InputError([Problem(file.shown, f"format.foreign_{foreign}", {"file": file.shown}, line=1, col=1)])
        where = index.position(("format",)) if "format" in data else {"line": 1, "col": 1}
        key = "format.unknown" if "format" in data else "format.missing"
        raise InputError([Problem(file.shown, key, {"value": str(declared)}, **where)])
    if expected and kind != expected:
        raise InputError([Problem(file.shown, f"format.{kind}_not_{expected}", {}, **index.position(("format",)))])
    if text_rules.needs_check(file.text):  # control characters and the like: refused where text enters
        problems = text_rules.check_tree(data, file.shown, index.position)
        if problems:
            raise InputError(problems)
    return Document(file=file, data=data, index=index, kind=kind)


_FORMAT_LINE = re.compile(r'^format:[ \t]*["\']?(tom-audit/[a-z]+)["\']?[ \t]*(?:#.*)?$', re.MULTILINE)


def kind_of(path: Path | str) -> str:
    """"catalogue" or "assessment", from the top-level `format:` line without parsing the
    whole file; a file without one is parsed, for a message that says what is wrong."""
    file = read_text_file(path)
    match = _FORMAT_LINE.search(file.text)
    if match and match.group(1) in FORMATS:
        return FORMATS[match.group(1)]
    return parse_document(path, file=file).kind


def check_schema(document: Document) -> None:
    problems = schema.validate(document.kind, document.data, document.index, document.shown)
    if problems:
        raise InputError(problems)
