"""YAML loading with the C parser, YAML 1.2 core typing, and positions for every problem.

PyYAML's default (YAML 1.1) typing turns `no`, `on`, `2026-01-01` and `0123` into booleans,
dates and octal numbers. Our loader keeps everything a string except `true`/`false`, `null`,
and plain decimal numbers. Where a string field still receives one of those (a note that
reads `1.10`), `raw_text` gives back the scalar exactly as written.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from tom_audit.i18n import tr
from tom_audit.problems import InputError, Problem
from tom_audit.store.yaml_fast import NotOurs, fast_parse

Path_ = tuple[str | int, ...]


class _Loader(yaml.CSafeLoader):
    """CSafeLoader with YAML 1.2 core resolution, duplicate-key and alias detection."""

    def __init__(self, stream):
        super().__init__(stream)
        self.duplicate_keys: list[tuple[str, yaml.Mark]] = []
        self.alias_marks: list[yaml.Mark] = []
        self.bad_keys: list[yaml.Mark] = []
        self.non_text_keys: list[tuple[str, str, yaml.Mark]] = []

    def construct_object(self, node, deep=False):
        if node in self.constructed_objects and not isinstance(node, ScalarNode):
            # Aliases to collections can multiply a small file into an enormous document.
            self.alias_marks.append(node.start_mark)
        return super().construct_object(node, deep)

    def construct_mapping(self, node, deep=False):
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, Hashable) or isinstance(key, (list, dict)):
                self.bad_keys.append(key_node.start_mark)
                continue
            if not isinstance(key, str):
                # JSON Schema and our code know only text keys: `answers: {1: 2}` or `true:`
                self.non_text_keys.append((key_node.value, _kind(key), key_node.start_mark))
                key = key_node.value
            if key in mapping:
                self.duplicate_keys.append((str(key), key_node.start_mark))
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping

    def construct_yaml_int(self, node):
        return int(self.construct_scalar(node))

    def construct_yaml_float(self, node):
        return float(self.construct_scalar(node))


_Loader.yaml_implicit_resolvers = {}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
_Loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*|[0-9]+(?:\.[0-9]*)?[eE][-+]?[0-9]+)$"),
    list("-+.0123456789"),
)
_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_yaml_int)
_Loader.add_constructor("tag:yaml.org,2002:float", _Loader.construct_yaml_float)
# Only the plain JSON-like tags are ours; anything else (!!python/..., !!binary, !!set) is refused.
for _tag in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:binary", "tag:yaml.org,2002:set",
             "tag:yaml.org,2002:omap", "tag:yaml.org,2002:pairs", "tag:yaml.org,2002:merge"):
    _Loader.yaml_constructors.pop(_tag, None)


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    return "number" if isinstance(value, (int, float)) else type(value).__name__


MAX_DEPTH = 50  # far beyond any document of ours; deeper data would break the emitter and the reader


def too_deep(data: Any) -> Path_ | None:
    """The path to the first value nested deeper than MAX_DEPTH, or None. Iterative, so a
    deep document cannot exhaust Python's stack here."""
    stack: list[tuple[Any, Path_]] = [(data, ())]
    while stack:
        node, path = stack.pop()
        if len(path) > MAX_DEPTH:
            return path
        if isinstance(node, dict):
            stack.extend((v, (*path, k)) for k, v in node.items() if isinstance(v, (dict, list)))
        elif isinstance(node, list):
            stack.extend((v, (*path, i)) for i, v in enumerate(node) if isinstance(v, (dict, list)))
    return None


def _check_depth(data: Any, text: str, shown: str) -> None:
    path = too_deep(data)
    if path is not None:
        where = NodeIndex(text).position(path[:MAX_DEPTH + 1])
        raise InputError([Problem(shown, "yaml.too_deep", {"limit": MAX_DEPTH}, **where)])


def _position(mark: yaml.Mark | None) -> dict[str, int | None]:
    if mark is None:
        return {"line": None, "col": None}
    return {"line": mark.line + 1, "col": mark.column + 1}


def _place_in_scalar(line_before: str) -> int:
    """1-based place in a scalar of the character after `line_before` (the line up to it):
    after the key, a list dash and an opening quote."""
    start = re.match(r"\s*(?:-\s+)?(?:[^:\"']*:\s+)?[\"']?", line_before)
    return len(line_before) - (start.end() if start else 0) + 1


def _surrogate_problem(mark: yaml.Mark, text: str, shown: str) -> Problem:
    """A "\\udXXX" escape YAML refuses (a lone surrogate), at the escape."""
    lines = text.split("\n")
    line = lines[mark.line] if mark.line < len(lines) else ""
    escape = line.rfind("\\", 0, mark.column + 1)
    code = re.match(r"[uU]([0-9A-Fa-f]{4,8})", line[escape + 1:]) if escape >= 0 else None
    char = f"U+{code.group(1).upper()}" if code else "?"
    column = escape if escape >= 0 else mark.column
    return Problem(shown, "text.surrogate", {"char": char, "at": _place_in_scalar(line[:column]), "place": ""},
                   line=mark.line + 1, col=column + 1)


def _reader_problem(exc: yaml.reader.ReaderError, text: str, shown: str) -> Problem:
    """The character the YAML reader refused, at its line and column. The C reader counts
    the offset in UTF-8 bytes, the Python reader in characters."""
    from tom_audit.text_rules import find_bad

    char = chr(exc.character) if isinstance(exc.character, int) else "\x00"
    encoded = text.encode("utf-8", "surrogatepass")
    offset = exc.position
    if 0 <= offset <= len(encoded) and encoded[offset:offset + len(char.encode("utf-8", "surrogatepass"))] \
            == char.encode("utf-8", "surrogatepass"):
        before = encoded[:offset].decode("utf-8", "replace")
    else:
        before = text[:offset]
    line = before.count("\n") + 1
    col = len(before) - (before.rfind("\n") + 1) + 1
    bad = find_bad(char)
    if bad is not None:
        at = _place_in_scalar(before[before.rfind("\n") + 1:])
        return Problem(shown, f"text.{bad.kind}", {"char": bad.code, "at": at, "place": ""}, line=line, col=col)
    return Problem(shown, "yaml.syntax", {"detail": f"{exc.reason} (U+{ord(char):04X})"}, line=line, col=col)


def parse_yaml(text: str, shown: str) -> Any:
    """Parse one YAML document; every syntax, duplicate-key and alias problem at once."""
    gc_was_enabled = gc.isenabled()
    gc.disable()  # parsers allocate many small objects; collection cycles cost 2.5x
    try:
        data = fast_parse(text)  # our own files, as the emitter wrote them
    except NotOurs:
        pass
    else:
        _check_depth(data, text, shown)
        return data
    finally:
        if gc_was_enabled:
            gc.enable()
    gc.disable()
    loader = _Loader(text)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        detail = exc.problem or exc.context or "?"
        if exc.context_mark is not None and "end of stream" in detail:
            # an unclosed quote or bracket: where it was opened helps, not the end of the file
            mark, detail = exc.context_mark, f"{exc.context}, {detail}"
        if "invalid Unicode character escape" in detail and mark is not None:  # "\ud800": a lone surrogate
            raise InputError([_surrogate_problem(mark, text, shown)]) from None
        raise InputError([Problem(shown, "yaml.syntax", {"detail": detail}, **_position(mark))]) from None
    except yaml.reader.ReaderError as exc:  # a raw character YAML does not allow (a control character)
        raise InputError([_reader_problem(exc, text, shown)]) from None
    except yaml.YAMLError as exc:
        raise InputError([Problem(shown, "yaml.syntax", {"detail": str(exc).splitlines()[0]})]) from None
    finally:
        loader.dispose()
        if gc_was_enabled:
            gc.enable()
    problems = [
        Problem(shown, "yaml.duplicate_key", {"key": key}, **_position(mark))
        for key, mark in loader.duplicate_keys
    ]
    problems += [Problem(shown, "yaml.alias", {}, **_position(mark)) for mark in loader.alias_marks]
    problems += [Problem(shown, "yaml.bad_key", {}, **_position(mark)) for mark in loader.bad_keys]
    problems += [Problem(shown, "yaml.key_not_text", {"key": key, "kind": tr(f"yaml.kind.{kind}")}, **_position(mark))
                 for key, kind, mark in loader.non_text_keys]
    if problems:
        raise InputError(problems)
    _check_depth(data, text, shown)
    return data


@dataclass
class NodeIndex:
    """Positions of values in a document, composed only when a problem needs a line."""

    text: str
    _root: Any = field(default=None, init=False)
    _composed: bool = field(default=False, init=False)

    def _node(self) -> Any:
        if not self._composed:
            self._composed = True
            try:
                self._root = yaml.compose(self.text, Loader=_Loader)
            except yaml.YAMLError:
                self._root = None
        return self._root

    def find(self, path: Path_, *, key: bool = False) -> Any:
        """The node at `path` (the key's node with key=True); the deepest found ancestor else."""
        node = self._node()
        if node is None:
            return None
        for depth, step in enumerate(path):
            last = depth == len(path) - 1
            if isinstance(node, MappingNode):
                for key_node, value_node in node.value:
                    if isinstance(key_node, ScalarNode) and key_node.value == str(step):
                        node = key_node if (last and key) else value_node
                        break
                else:
                    return node
            elif isinstance(node, SequenceNode) and isinstance(step, int) and step < len(node.value):
                node = node.value[step]
            else:
                return node
        return node

    def position(self, path: Path_, *, key: bool = False) -> dict[str, int | None]:
        node = self.find(path, key=key)
        return _position(node.start_mark if node is not None else None)

    def raw_text(self, path: Path_) -> str | None:
        """The scalar at `path` exactly as written, or None if it is not a scalar."""
        node = self.find(path)
        if isinstance(node, ScalarNode):
            return node.value
        return None
