"""CISO Assistant framework library (YAML) -> tom-audit catalogue.

Library layout (intuitem/ciso-assistant-community, backend/library/libraries/):
`objects.framework.requirement_nodes` is a flat list; each node has `urn`, `depth`,
`parent_urn`, `assessable`, and optionally `ref_id`, `name`, `description`, `annotation`,
`implementation_groups` and `translations: {LANG: {name, description, annotation}}`.

- Every top node (no parent) becomes a category; its id is made from its `ref_id` or name.
- Every assessable node becomes a measure in its top node's category, with its `ref_id` as id
  (the urn's last part when it has none). Title: its name, else its description; guidance:
  the description (when the name is the title) and the annotation, else the nearest parent's
  "ref_id name".
- `implementation_groups` map to levels through `--level-map` (`E=hoch`).
- The library's `locale` is the catalogue's language; a second language is added only when
  `translations` give it for every text.
"""

from __future__ import annotations

from typing import Any

from tom_audit.interop.draft import Draft, clean
from tom_audit.interop.source import Source, as_dict, as_list, as_str
from tom_audit.model.ids import slug

OTHER = {"de": "en", "en": "de"}


def library_language(source: Source) -> str | None:
    locale = as_str(source.data.get("locale")).split("-")[0].casefold()
    return locale if locale in OTHER else None


def _texts(node: dict, lang: str) -> dict[str, str]:
    if lang == "_own":
        return {k: clean(node.get(k)) for k in ("name", "description", "annotation")}
    translated = as_dict(node.get("translations")).get(lang)
    if not isinstance(translated, dict):
        return {}
    return {k: clean(translated.get(k)) for k in ("name", "description", "annotation")}


def _title_guidance(texts: dict[str, str], context: str) -> tuple[str, str]:
    if texts.get("name"):
        guidance = "\n\n".join(t for t in (texts.get("description"), texts.get("annotation")) if t)
        return texts["name"], guidance or context
    guidance = texts.get("annotation") or context
    return texts.get("description", ""), guidance


def read_library(draft: Draft, source: Source) -> None:
    """Add the framework's categories and measures to `draft`; problems go to the draft."""
    framework = source.data["objects"]["framework"]
    nodes = framework.get("requirement_nodes")
    base = ("objects", "framework", "requirement_nodes")
    if not isinstance(nodes, list) or not nodes:
        draft.problems.append(source.problem(base[:2], "interop.ciso_no_nodes"))
        return
    by_urn: dict[str, dict] = {}
    for i, node in enumerate(nodes):
        if not isinstance(node, dict) or not as_str(node.get("urn")):
            draft.problems.append(source.problem((*base, i), "interop.ciso_bad_node"))
            continue
        node = {**node, "urn": as_str(node["urn"]), "parent_urn": as_str(node.get("parent_urn"))}
        nodes[i] = node
        by_urn[node["urn"]] = node

    other = OTHER[draft.lang]
    complete = True
    second: dict[int, tuple[str, str]] = {}

    def top_of(node: dict) -> dict:
        seen = set()
        while node.get("parent_urn") in by_urn and node["urn"] not in seen:
            seen.add(node["urn"])
            node = by_urn[node["parent_urn"]]
        return node

    def context(node: dict, lang: str) -> str:
        parent = by_urn.get(node.get("parent_urn"))
        if not parent:
            return ""
        texts = _texts(parent, lang)
        return " ".join(t for t in (as_str(parent.get("ref_id")), texts.get("name") or texts.get("description") or "") if t)

    categories: dict[str, str] = {}
    fallback: str | None = None
    for i, node in enumerate(nodes):
        if not isinstance(node, dict) or not isinstance(node.get("urn"), str) or node["urn"] not in by_urn:
            continue
        if node.get("parent_urn") and node["parent_urn"] not in by_urn:
            draft.problems.append(source.problem((*base, i, "parent_urn"), "interop.ciso_unknown_parent",
                                                 urn=str(node["parent_urn"])))
            continue
        top = top_of(node)
        if top is node and not node.get("assessable"):
            texts = _texts(node, "_own")
            title = " ".join(t for t in (as_str(node.get("ref_id")), texts["name"] or texts["description"]) if t)
            wanted = slug(as_str(node.get("ref_id")) or texts["name"] or node["urn"].rsplit(":", 1)[-1], "group")
            categories[node["urn"]] = draft.add_category(wanted, title or wanted, texts["description"] or title)
            continue
        if not node.get("assessable"):
            continue
        category = categories.get(top["urn"])
        if category is None:
            if fallback is None:
                name = clean(framework.get("name")) or "Framework"
                fallback = draft.add_category(slug(as_str(framework.get("ref_id")) or name, "framework"), name, name)
            category = fallback
        texts = _texts(node, "_own")
        title, guidance = _title_guidance(texts, context(node, "_own"))
        measure_id = node.get("ref_id") or node["urn"].rsplit(":", 1)[-1]
        groups = [as_str(g) for g in as_list(node.get("implementation_groups"))]
        before = len(draft.measures)
        draft.add_measure(source, (*base, i, "ref_id" if node.get("ref_id") else "urn"),
                          measure_id=measure_id, category=category, title=title or str(measure_id),
                          guidance=guidance or title, level=draft.options.level_of(groups))
        translated = _texts(node, other)
        if len(draft.measures) > before:
            if translated.get("name") or translated.get("description"):
                second[before] = _title_guidance(translated, context(node, other))
            else:
                complete = False
    if complete and second and len(second) == len(draft.measures):
        for index, (title, guidance) in second.items():
            measure = draft.measures[index]
            measure["title"][other] = title or measure["title"][draft.lang]
            measure["guidance"][other] = guidance or title
        _translate_categories(draft, by_urn, other)


def _translate_categories(draft: Draft, by_urn: dict[str, Any], other: str) -> None:
    """Both languages only if every category has the second one too; else German/English only."""
    by_title = {}
    for node in by_urn.values():
        translated = _texts(node, other)
        if not node.get("parent_urn") and (translated.get("name") or translated.get("description")):
            by_title[clean(node.get("name")) or clean(node.get("description"))] = translated
    pending = []
    for category in draft.categories:
        own = category["title"][draft.lang]
        match = next((t for key, t in by_title.items() if key and own.endswith(key)), None)
        if match is None:
            for measure in draft.measures:  # incomplete: back to one language
                measure["title"].pop(other, None)
                measure["guidance"].pop(other, None)
            return
        pending.append((category, match))
    for category, match in pending:
        category["title"][other] = match.get("name") or match.get("description")
        category["goal"][other] = match.get("description") or category["title"][other]
    draft.note("interop.note.translated", lang=other)
