"""Read a third-party file (OSCAL JSON or YAML, CISO Assistant YAML) and say what it is.

Problems found while converting carry a path into the document (`("catalog", "groups", 3)`);
`problems_at` turns them into `Problem`s with the JSON pointer and, where the file can be
indexed, its line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tom_audit.problems import InputError, Problem
from tom_audit.store.textfile import TextFile, read_text_file
from tom_audit.store.yaml_load import NodeIndex, parse_yaml

KINDS = ("catalog", "profile", "ciso")


@dataclass
class Source:
    file: TextFile
    data: dict[str, Any]
    kind: str  # one of KINDS
    _index: NodeIndex | None = field(default=None, init=False)

    @property
    def shown(self) -> str:
        return self.file.shown

    def problem(self, path: tuple, key: str, **params: Any) -> Problem:
        """A problem at `path` inside this file: the JSON pointer in the message, the line
        where the file can be indexed (JSON is YAML, so one indexer serves both)."""
        if self._index is None:
            self._index = NodeIndex(self.file.text)
        where = self._index.position(path) if path else {"line": 1, "col": 1}
        return Problem(self.shown, key, {"pointer": pointer(path), **params}, **where)


def pointer(path: tuple) -> str:
    """RFC 6901 JSON pointer of a path: ("catalog", "groups", 0) -> "/catalog/groups/0"."""
    return "".join("/" + str(step).replace("~", "~0").replace("/", "~1") for step in path) or "/"


def parse_file(file: TextFile) -> Any:
    if file.path.suffix.lower() == ".json" or file.text.lstrip().startswith(("{", "[")):
        try:
            return json.loads(file.text)
        except json.JSONDecodeError as exc:
            raise InputError([Problem(file.shown, "interop.json_syntax", {"detail": exc.msg},
                                      line=exc.lineno, col=exc.colno)]) from None
        except RecursionError:  # thousands of nested [ or {: no catalogue is built like that
            raise InputError([Problem(file.shown, "interop.json_syntax", {"detail": "nesting too deep"},
                                      line=1)]) from None
        except ValueError as exc:  # a number of more than 4300 digits (Python's int limit)
            raise InputError([Problem(file.shown, "interop.json_syntax", {"detail": str(exc).split(":")[0]},
                                      line=1)]) from None
    if file.path.suffix.lower() == ".xml" or file.text.lstrip().startswith("<"):
        raise InputError([Problem(file.shown, "interop.xml", {}, line=1)])
    return parse_yaml(file.text, file.shown)


def kind_of(data: Any) -> str | None:
    if not isinstance(data, dict):
        return None
    if isinstance(data.get("catalog"), dict):
        return "catalog"
    if isinstance(data.get("profile"), dict):
        return "profile"
    objects = data.get("objects")
    if isinstance(objects, dict) and isinstance(objects.get("framework"), dict):
        return "ciso"
    return None


def read_source(path: Path | str) -> Source:
    """The parsed file and its kind; an InputError if it is unreadable or none of KINDS."""
    file = read_text_file(path)
    data = parse_file(file)
    kind = kind_of(data)
    if kind is None:
        if isinstance(data, dict) and str(data.get("format", "")).startswith("tom-audit/"):
            raise InputError([Problem(file.shown, "interop.already_ours", {}, line=1)])
        raise InputError([Problem(file.shown, "interop.unknown_kind", {}, line=1)])
    return Source(file, data, kind)


def as_dict(value: Any) -> dict:
    """`value` if it is an object, else an empty one: a third-party file may put anything
    anywhere, and a wrong shape means "not given" (ids are checked where they are used)."""
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list:
    return value if isinstance(value, list) else []


def dicts(value: Any) -> list[dict]:
    """The objects of a list; anything else in it, or a non-list, is left out."""
    return [item for item in as_list(value) if isinstance(item, dict)]


def as_str(value: Any) -> str:
    """Strings as they are, numbers as written; anything else is no text."""
    if isinstance(value, bool) or value is None:
        return ""
    return str(value) if isinstance(value, (str, int, float)) else ""
