"""Every text of a catalogue in each of its languages: the check behind `languages:`.

The schema accepts a text with German or English or both; which are required depends on
the catalogue's `languages` (default both), so this check runs after the schema.
"""

from __future__ import annotations

from typing import Any, Iterator

from tom_audit.problems import Problem

# Keys whose values are texts ({de, en}); everything else is walked into.
TEXT_KEYS = frozenset({"title", "description", "goal", "question", "help", "label", "unit", "guidance",
                       "hint", "not_applicable_reason", "reason"})
DEFAULT_LANGUAGES = ("de", "en")


def _texts(value: Any, path: tuple) -> Iterator[tuple[tuple, dict]]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key in TEXT_KEYS and isinstance(item, dict):
                yield (*path, key), item
            elif key not in ("references", "applies_if"):
                yield from _texts(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, (*path, i))


def language_problems(doc, data: dict[str, Any]) -> list[Problem]:
    """One problem per text that lacks one of the catalogue's languages; each names the
    place (line) and the missing language."""
    languages = data.get("languages") or DEFAULT_LANGUAGES
    problems = []
    for path, text in _texts(data, ()):
        for lang in languages:
            if not text.get(lang):
                where = doc.index.position(path)
                problems.append(Problem(doc.shown, "catalogue.missing_language",
                                        {"lang": lang, "path": "/".join(map(str, path))}, **where))
    return problems
