"""A fast reader for exactly the YAML subset that yaml_emit writes.

Our assessment files are block mappings and sequences indented by two spaces, with
double-quoted (JSON-compatible) strings, literal blocks, numbers, booleans and null. This
reader handles that subset line by line, about ten times faster than PyYAML's C loader,
and gives up (`NotOurs`) at the first line outside it: a comment after the header, a plain
string, a flow collection, a duplicate key. The caller then uses the full YAML loader, so
hand-edited files read exactly as before, only slower. A property test checks that both
readers agree on everything the emitter writes.
"""

from __future__ import annotations

import json
import re
from typing import Any

_KEY = re.compile(r'([A-Za-z][A-Za-z0-9_-]*):(?: |$)')
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*|[0-9]+(?:\.[0-9]*)?[eE][-+]?[0-9]+)$")
# Raw characters a YAML reader treats differently from JSON inside a quoted string.
_YAML_SPECIAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff\t]")
_SCALARS = {"true": True, "false": False, "null": None, "{}": None, "[]": None}
_RESERVED_KEYS = {"true", "false", "null"}
_decode = json.JSONDecoder().raw_decode


class NotOurs(Exception):
    """The text leaves the subset; use the full YAML loader."""


_SURROGATE = re.compile("[\ud800-\udfff]")


def _string(text: str, start: int = 0) -> tuple[str, int]:
    if _YAML_SPECIAL.search(text):
        raise NotOurs
    try:
        value, end = _decode(text, start)
    except ValueError:
        raise NotOurs from None
    if "\\u" in text and _SURROGATE.search(value):
        raise NotOurs  # JSON takes "\ud800", YAML does not: the full loader says where
    return value, end


def _scalar(text: str) -> Any:
    if text.startswith('"'):
        value, end = _string(text)
        if end != len(text):
            raise NotOurs
        return value
    if text in _SCALARS:
        return {} if text == "{}" else [] if text == "[]" else _SCALARS[text]
    if _INT.match(text):
        return int(text)
    if _FLOAT.match(text):
        return float(text)
    raise NotOurs


def _key(body: str) -> tuple[str, str] | None:
    """Split `key: rest`; None if the line is not a mapping entry."""
    if body.startswith('"'):
        key, end = _string(body)
        if body[end:end + 1] != ":" or body[end + 1:end + 2] not in ("", " "):
            return None
        return key, body[end + 2:]
    match = _KEY.match(body)
    if match is None:
        return None
    key = match.group(1)
    if key.lower() in _RESERVED_KEYS:
        raise NotOurs
    return key, body[match.end():]


class _Reader:
    def __init__(self, text: str):
        self.lines = text.split("\n")
        if self.lines and self.lines[-1] == "":
            self.lines.pop()
        self.indents = [len(line) - len(line.lstrip(" ")) for line in self.lines]
        self.i = 0

    def literal(self, indent: int) -> str:
        pad = " " * indent
        out = []
        lines = self.lines
        while self.i < len(lines) and (lines[self.i].startswith(pad) or lines[self.i] == ""):
            out.append(lines[self.i][indent:])
            self.i += 1
        while out and out[-1] == "":
            out.pop()  # strip chomping; the emitter never ends a literal with a blank line
            self.i -= 1
        if not out or out[0][:1] in (" ", "\t", ""):
            raise NotOurs
        text = "\n".join(out)
        if _YAML_SPECIAL.search(text.replace("\t", " ")):
            raise NotOurs  # e.g. U+2028, which YAML reads as a line break
        return text

    def value(self, rest: str, indent: int) -> Any:
        """The value after `key:` or `-`, read from `rest` or the following lines."""
        if rest == "":
            if self.i >= len(self.lines) or self.indents[self.i] != indent + 2:
                raise NotOurs  # the emitter writes {} and [] for empty collections
            return self.block(indent + 2)
        if rest == "|-":
            return self.literal(indent + 2)
        return _scalar(rest)

    def block(self, indent: int) -> Any:
        line = self.lines[self.i]
        body = line[indent:]
        if body == "-" or body.startswith("- "):
            return self.sequence(indent)
        return self.mapping(indent)

    def mapping(self, indent: int, first: str | None = None) -> dict[str, Any]:
        result: dict[str, Any] = {}
        lines, indents = self.lines, self.indents
        while self.i < len(lines):
            if first is None:
                if indents[self.i] < indent:
                    break
                line = lines[self.i]
                if indents[self.i] > indent or line.startswith("#"):
                    raise NotOurs
                body = line[indent:]
            else:
                body, first = first, None
            entry = _key(body)
            if entry is None:
                raise NotOurs
            key, rest = entry
            if key in result:
                raise NotOurs  # the full loader names the duplicate and its line
            self.i += 1
            result[key] = self.value(rest, indent)
        return result

    def sequence(self, indent: int) -> list[Any]:
        result: list[Any] = []
        lines, indents = self.lines, self.indents
        while self.i < len(lines):
            if indents[self.i] < indent:
                break
            line = lines[self.i]
            body = line[indent:]
            if indents[self.i] > indent or not (body == "-" or body.startswith("- ")):
                raise NotOurs
            rest = body[2:]
            if rest and _key(rest) is not None:
                result.append(self.mapping(indent + 2, first=rest))
            else:
                self.i += 1
                result.append(self.value(rest, indent))
        return result

    def document(self) -> Any:
        while self.i < len(self.lines) and self.lines[self.i].startswith("#"):
            self.i += 1
        if self.i >= len(self.lines):
            raise NotOurs
        result = self.mapping(0)
        if self.i != len(self.lines):
            raise NotOurs
        return result


def fast_parse(text: str) -> Any:
    """The document, if `text` is in the emitter's subset; raises NotOurs otherwise."""
    if "\r" in text:
        raise NotOurs
    return _Reader(text).document()
