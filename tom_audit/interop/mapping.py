"""Apply an OSCAL mapping-collection (the BSI's ISO/IEC 27001:2022 Annex A -> Grundschutz++ or
IT-Grundschutz 2023 -> Grundschutz++) to a catalogue's references: a measure that names
`A.5.15` (iso27001) or `ORP.4.A8` (bsi) gains the Grundschutz++ ids mapped from them (gspp).

Matching: ISO ids are compared without the `A.` prefix (the BSI writes `5.15`); a Kompendium
reference matches the mapped requirement itself and its parts (`ORP.4.A8` matches
`ORP.4.A8` and `ORP.4.A8-UA.2`); a module reference (`ORP.4`) matches every requirement of
the module. Every relationship (equivalent-to, subset-of, intersects-with, ...) counts: the
mapping says the controls are related, and the reference list says no more than that.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tom_audit.interop.source import parse_file
from tom_audit.problems import InputError, Problem
from tom_audit.store.textfile import read_text_file


@dataclass
class Mapping:
    source_key: str  # our reference key the sources are ("iso27001", "bsi")
    target_key: str  # our reference key the targets are ("gspp")
    pairs: dict[str, set[str]] = field(default_factory=dict)  # source id -> target ids

    def reversed(self) -> Mapping:
        """The same pairs read from target to source: a Grundschutz++ measure gains the ISO
        controls (or Kompendium requirements) mapped to it."""
        pairs: dict[str, set[str]] = {}
        for source_id, targets in self.pairs.items():
            for target in targets:
                pairs.setdefault(target, set()).add(source_id)
        if self.source_key == "iso27001":
            pairs = {k: {f"A.{v}" for v in values} for k, values in pairs.items()}
        return Mapping(self.target_key, self.source_key, pairs)

    def targets_for(self, reference: str) -> set[str]:
        ref = reference.removeprefix("A.") if self.source_key == "iso27001" else reference
        found: set[str] = set(self.pairs.get(ref, ()))
        if self.source_key == "bsi":
            for source_id, targets in self.pairs.items():
                if source_id.startswith((ref + "-", ref + ".")):
                    found |= targets
        return found


def _guess_key(href: str) -> str | None:
    lowered = href.casefold()
    if "iso27001" in lowered or "iso-27001" in lowered or "annexa" in lowered:
        return "iso27001"
    if "itgs" in lowered or "kompendium" in lowered:
        return "bsi"
    if "grundschutz" in lowered or "stand-der-technik" in lowered or "kernel" in lowered:
        return "gspp"
    return None


def read_mapping(path: Path | str, source_key: str | None = None, target_key: str | None = None) -> Mapping:
    """The pairs of a mapping-collection file; keys guessed from the resources' hrefs unless
    given. Raises InputError (file, pointer, what to do) for anything else."""
    file = read_text_file(path)
    data = parse_file(file)
    collection = data.get("mapping-collection") if isinstance(data, dict) else None
    if not isinstance(collection, dict) or not isinstance(collection.get("mappings"), list):
        raise InputError([Problem(file.shown, "interop.not_mapping", {}, line=1)])
    mapping: Mapping | None = None
    for entry in collection["mappings"]:
        if not isinstance(entry, dict):
            continue
        src_key = source_key or _guess_key(str((entry.get("source-resource") or {}).get("href", "")))
        dst_key = target_key or _guess_key(str((entry.get("target-resource") or {}).get("href", ""))) or "gspp"
        if src_key is None:
            raise InputError([Problem(file.shown, "interop.mapping_unknown_source", {
                "href": str((entry.get("source-resource") or {}).get("href", ""))}, line=1)])
        if mapping is None:
            mapping = Mapping(src_key, dst_key)
        for item in entry.get("maps") or ():
            if not isinstance(item, dict):
                continue
            targets = {str(t.get("id-ref")) for t in item.get("targets") or () if isinstance(t, dict) and t.get("id-ref")}
            for src in item.get("sources") or ():
                if isinstance(src, dict) and src.get("id-ref"):
                    mapping.pairs.setdefault(str(src["id-ref"]), set()).update(targets)
    if mapping is None:
        raise InputError([Problem(file.shown, "interop.not_mapping", {}, line=1)])
    return mapping


def apply_mapping(data: dict[str, Any], mapping: Mapping) -> tuple[int, int]:
    """Add mapped target ids to each measure's references in a catalogue document (in place,
    sorted, no duplicates). Returns (ids added, measures changed)."""
    added = changed = 0
    for measure in data.get("measures") or ():
        references = measure.setdefault("references", {})
        wanted: set[str] = set()
        for reference in references.get(mapping.source_key) or ():
            wanted |= mapping.targets_for(str(reference))
        have = set(references.get(mapping.target_key) or ())
        new = wanted - have
        if new:
            references[mapping.target_key] = sorted(have | wanted, key=_natural)
            added += len(new)
            changed += 1
    return added, changed


def _natural(control_id: str) -> tuple:
    return tuple((0, int(p), "") if p.isascii() and p.isdigit() else (1, 0, p) for p in control_id.replace("-", ".").split("."))


@dataclass
class MapResult:
    added: int
    measures: int
    target_key: str
    text: str


def map_catalogue(catalogue_ref: str, mapping_path: Path | str, out: Path | str,
                  source_key: str | None = None, target_key: str | None = None,
                  reverse: bool = False) -> MapResult:
    """Write to `out` the catalogue `catalogue_ref` (bundled id or file) with the mapping's
    target ids added to its own measures' references (`reverse`: source ids added to
    measures that reference targets). The result is checked like any
    catalogue and written atomically, or not at all."""
    import os

    from tom_audit.problems import display_path
    from tom_audit.store.atomic import atomic_write
    from tom_audit.store.catalogue_store import catalogue_from_text, resolve
    from tom_audit.store.output_target import refuse_overwriting_inputs
    from tom_audit.store.documents import parse_document
    from tom_audit.store.textfile import TextFile
    from tom_audit.store.yaml_emit import dump

    mapping = read_mapping(mapping_path, source_key, target_key)
    if reverse:
        mapping = mapping.reversed()
    path, _ = resolve(catalogue_ref)
    out = Path(out)
    refuse_overwriting_inputs(out, path, mapping_path)
    doc = parse_document(path, expected="catalogue")
    data = doc.data
    if isinstance(data.get("extends"), str) and ("/" in data["extends"] or data["extends"].endswith((".yaml", ".yml"))):
        base = (path.parent / data["extends"]).resolve()
        data["extends"] = Path(os.path.relpath(base, out.resolve().parent)).as_posix()
    added, changed = apply_mapping(data, mapping)
    header = (f"{path.name} with {mapping.target_key} references added by `tom-audit catalogue map` from "
              f"{Path(mapping_path).name}.")
    text = dump(data, header)
    file = TextFile(path=out, shown=display_path(out), raw=text.encode("utf-8"), text=text)
    catalogue_from_text(file, str(out))
    atomic_write(out, file.raw, output=True)
    return MapResult(added, changed, mapping.target_key, text)
