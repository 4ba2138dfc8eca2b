"""OSCAL catalog -> tom-audit catalogue (groups -> categories, controls -> measures).

Decisions (README, "Using Grundschutz++ or your own framework"):
- A category is the innermost group that holds controls; a nested group's title is led by
  its id (`ASST.1 Grundlagen`: short enough for a narrow list, and the id names the practice).
  Controls outside any group go to one category named after the catalog.
- Nested controls are flattened: each control, parent or child, is a measure of its own, and
  keeps the source's id exactly (`ASST.1.1` and `ASST.1.1.1`), so the parent stays visible in
  the child's id and order is parent first.
- Title: the control's title and the statement part's prose (parameters filled in: the
  profile's value, else the param's values, else its label), `Dokumentation: ... MUSS ...`;
  just the statement when it starts with the title, just the title when there is none.
  Guidance: the guidance part's prose, else the control's title.
- Level: the prop `options.level_prop` (BSI: `sec_level`) through `options.level_map`.
- A control with prop `status: withdrawn` becomes a deprecated measure.
- Props and parts in the tom-audit namespace (`oscal_ids.TOM_NS`: protection_need, kind,
  references, evidence hints), as `oscal_export` writes them, are read back, so our catalogue
  -> OSCAL -> our catalogue gives the same measures (in the exported language).
"""

from __future__ import annotations

import re
from typing import Any, Callable

from tom_audit.interop.draft import REFERENCE_KEYS, Draft, clean
from tom_audit.interop.oscal_ids import TOM_NS
from tom_audit.interop.source import as_dict, as_list, as_str, dicts
from tom_audit.model.assessment import EVIDENCE_KINDS
from tom_audit.model.catalogue import KINDS, LEVELS
from tom_audit.model.ids import is_measure_id, slug

_INSERT = re.compile(r"\{\{\s*insert:\s*param,\s*([^}\s]+)\s*\}\}")
Selector = Callable[[str], bool]


def _props(item: dict, name: str) -> list[str]:
    return [as_str(p.get("value")) for p in dicts(item.get("props")) if p.get("name") == name]


def _prose(part: dict) -> str:
    """A part's prose followed by its sub-parts' (statement items), one per line."""
    lines = [clean(part.get("prose"))]
    for sub in dicts(part.get("parts")):
        label = (_props(sub, "label") or [""])[0]
        text = _prose(sub)
        lines.append(f"{label} {text}".strip() if label else text)
    return "\n".join(line for line in lines if line)


def _part(control: dict, name: str) -> str:
    return "\n\n".join(_prose(p) for p in dicts(control.get("parts"))
                       if p.get("name") == name and p.get("ns") in (None, ""))


def _title(name: str, statement: str) -> str:
    """The statement, led by the control's name unless the statement already starts with it
    (`Dokumentation: Informationen und Assets MUSS ... dokumentieren.`): BSI statements all
    begin with the practice's name, so the control's own name is what tells them apart."""
    if not statement:
        return name
    if not name or " ".join(statement.split()).startswith(name):
        return statement
    return f"{name}: {statement}"


def _ours(control: dict) -> dict[str, list[str]]:
    """Props in the tom-audit namespace (written by `oscal_export`): name -> values."""
    found: dict[str, list[str]] = {}
    for prop in dicts(control.get("props")):
        if prop.get("ns") == TOM_NS and as_str(prop.get("name")):
            found.setdefault(as_str(prop["name"]), []).append(as_str(prop.get("value")))
    return found


def _evidence(control: dict) -> list[tuple[str, str]]:
    hints = []
    for part in dicts(control.get("parts")):
        if part.get("ns") == TOM_NS and part.get("name") == "evidence":
            kinds = [as_str(p.get("value")) for p in dicts(part.get("props")) if p.get("name") == "evidence_kind"]
            if clean(part.get("prose")):
                hints.append((kinds[0] if kinds and kinds[0] in EVIDENCE_KINDS else "other", clean(part.get("prose"))))
    return hints


def param_values(control: dict, set_values: dict[str, list[str]]) -> dict[str, str]:
    """Param id -> the text that replaces `{{ insert: param, id }}`."""
    values: dict[str, str] = {}
    for param in dicts(control.get("params")):
        pid = as_str(param.get("id"))
        if not pid:
            continue
        chosen = set_values.get(pid) or [as_str(v) for v in as_list(param.get("values"))]
        values[pid] = ", ".join(chosen) if any(chosen) else (as_str(param.get("label")) or pid)
    return values


def fill(text: str, values: dict[str, str], set_values: dict[str, list[str]]) -> str:
    def one(match: re.Match) -> str:
        pid = match.group(1)
        if pid in values:
            return values[pid]
        return ", ".join(set_values.get(pid) or [pid])
    return _INSERT.sub(one, text)


class CatalogReader:
    """Walk one catalog of `source` (a `source.Source`) at `base` (path of the catalog object)."""

    def __init__(self, draft: Draft, source, base: tuple, *, selected: Selector | None = None,
                 set_values: dict[str, list[str]] | None = None):
        self.draft = draft
        self.source = source
        self.base = base
        self.selected = selected or (lambda _id: True)
        self.set_values = set_values or {}

    def read(self, catalog: dict) -> None:
        title = clean(as_dict(catalog.get("metadata")).get("title")) or "Catalog"
        loose = dicts(catalog.get("controls"))
        if loose and self._any_selected(loose):
            category = self.draft.add_category(slug(title, "controls"), title, title)
            for i, control in enumerate(as_list(catalog.get("controls"))):
                self._control(control, (*self.base, "controls", i), category)
        for i, group in enumerate(as_list(catalog.get("groups"))):
            self._group(group, (*self.base, "groups", i), "", "")

    def _any_selected(self, controls: list[dict]) -> bool:
        for control in controls:
            if self.selected(as_str(control.get("id"))) or self._any_selected(dicts(control.get("controls"))):
                return True
        return False

    def _group(self, group: Any, path: tuple, parent_title: str, parent_goal: str) -> None:
        if not isinstance(group, dict):
            self.draft.problems.append(self.source.problem(path, "interop.not_object"))
            return
        group_id = as_str(group.get("id"))
        own_title = clean(group.get("title")) or group_id
        title = f"{group_id} {own_title}" if parent_title and group_id else own_title
        label_remarks = [clean(p.get("remarks")) for p in dicts(group.get("props"))
                         if p.get("name") == "label" and clean(p.get("remarks"))]
        goal = _part(group, "overview") or (label_remarks[0] if label_remarks else "") or parent_goal
        controls = dicts(group.get("controls"))
        if controls and self._any_selected(controls):
            wanted = slug(group_id or own_title or "group", "group")
            category = self.draft.add_category(wanted, title or wanted, goal or title or wanted)
            for i, control in enumerate(as_list(group.get("controls"))):
                self._control(control, (*path, "controls", i), category)
        for i, sub in enumerate(as_list(group.get("groups"))):
            self._group(sub, (*path, "groups", i), title, goal)

    def _control(self, control: Any, path: tuple, category: str) -> None:
        if not isinstance(control, dict):
            self.draft.problems.append(self.source.problem(path, "interop.not_object"))
            return
        control_id = control.get("id")
        if self.selected(as_str(control_id)):
            values = param_values(control, self.set_values)
            title = clean(control.get("title"))
            statement = fill(_part(control, "statement"), values, self.set_values)
            guidance = fill(_part(control, "guidance"), values, self.set_values)
            withdrawn = "withdrawn" in [v.casefold() for v in _props(control, "status")]
            labels = _props(control, "label")
            measure_id = control_id
            if not is_measure_id(control_id) and labels and is_measure_id(labels[0]):
                measure_id = labels[0]  # our export writes `_5.15` for 5.15 (OSCAL tokens)
            ours = _ours(control)
            level = ours.pop("protection_need", [None])[0]
            if level not in LEVELS:
                level = self.draft.options.level_of(_props(control, self.draft.options.level_prop))
            kind = ours.pop("kind", [None])[0]
            self.draft.add_measure(
                self.source, (*path, "id"), measure_id=measure_id, category=category,
                title=_title(title, statement) or str(control_id), guidance=guidance or title, level=level,
                deprecated=("withdrawn" if self.draft.lang == "en" else "zurückgezogen") if withdrawn else None,
                kind=kind if kind in KINDS else None,
                references={k: v for k, v in ours.items() if k in REFERENCE_KEYS},
                evidence=_evidence(control),
            )
        for i, child in enumerate(as_list(control.get("controls"))):
            self._control(child, (*path, "controls", i), category)
