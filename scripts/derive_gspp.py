"""Derive candidate Grundschutz++ control ids for each measure of a tom-audit catalogue.

Not part of the package: a maintainer's tool, so the `references.gspp` lists in
`catalogues/tom-art32.yaml` can be reproduced and reviewed.

Input: the BSI's Stand-der-Technik-Bibliothek (OSCAL JSON, CC BY-SA 4.0), by default from
`../shared/data/bsi-stand-der-technik/` relative to the repository:
- `ISO27001-AnnexA-to-GS++-mapping_collection.json`: ISO/IEC 27001:2022 Annex A -> GS++ ids
- `ITGS-to-GS++-mapping_collection.json`: Kompendium 2023 requirements (ORP.4.A8) -> GS++ ids
- `BSI-Stand-der-Technik-Kernel-catalog.json` and `BSI-Methodik-Grundschutz++-catalog.json`:
  the controls, whose titles and statements are read to rank the candidates.

Method, per measure: every control the BSI maps from one of the measure's ISO 27001 controls
is a candidate (weight 3); every control mapped from a requirement of one of its Kompendium
modules adds weight 2 (modules map to many controls, so only candidates found both ways or
matching the measure's wording rank high); words shared by the measure's German title and
guidance and the control's title and statement add to the score. The best three Kernel
controls are proposed (Methodik controls only when no Kernel control scores). Then a person
reads each proposed control and corrects the pick in OVERRIDES below.

Usage:
    python scripts/derive_gspp.py              # table: measure, proposed ids, control titles
    python scripts/derive_gspp.py --write      # write the ids into the catalogue's references
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
# ../shared/data next to the repository (CI), or further up (a worktree inside a workspace)
DATA = next((d / "shared" / "data" / "bsi-stand-der-technik" for d in ROOT.parents
             if (d / "shared" / "data" / "bsi-stand-der-technik").is_dir()),
            ROOT.parent / "shared" / "data" / "bsi-stand-der-technik")
CATALOGUE = ROOT / "catalogues" / "tom-art32.yaml"

# Reviewed corrections: measure id -> the ids chosen after reading the controls.
OVERRIDES: dict[str, list[str]] = {
    "ENT-01": ["GEB.3.3", "GEB.3.3.1", "GEB.3.3.2"],
    "ENT-02": ["GEB.3.6"],
    "ENT-03": ["GEB.3.1", "GEB.3.1.1"],
    "ENT-04": ["GEB.6.2", "GEB.6.2.1"],
    "ENT-05": ["GEB.7.1", "GEB.7.2", "GEB.7.3"],
    "ENT-06": ["GEB.3.3.3", "GEB.3.2"],
    "ENT-07": ["PERS.3.1", "BES.4.4"],
    "ENT-08": ["GEB.3.3", "GEB.4.1"],
    "ENT-09": ["DLS.3.1.1", "GEB.6.4"],
    "ENT-10": ["GEB.3.5"],
    "ENT-12": ["BER.5.14", "GEB.7.3"],
    "ENT-13": ["SENS.8.2"],
    "ENT-14": ["SENS.9.3"],
    "ENT-15": ["GEB.3.3.1", "GEB.3.3.2"],
    "ENT-16": ["SENS.8.4"],
    "ENT-17": ["GEB.3.4"],
    "ENT-18": ["GEB.3.1.1"],
    "ENT-19": ["GEB.2.1"],
    "ENT-20": ["GEB.6.2", "GEB.9.7"],
    "ACC-01": ["BER.2.1", "BER.3.14"],
    "ACC-02": ["BER.5.8", "BER.5.9"],
    "ACC-03": ["BER.3.7", "BER.5.8"],
    "ACC-04": ["BER.6.3", "BER.6.5"],
    "ACC-05": ["BER.6.1", "SENS.4.1.4"],
    "ACC-06": ["BER.3.12", "BER.3.13"],
    "ACC-07": ["BER.3.10", "BER.3.11"],
    "ACC-08": ["BER.5.1", "BER.4.8", "PERS.6.1"],
    "ACC-11": ["KONF.3.2", "KONF.3.6"],
    "ACC-12": ["KONF.3.8", "ASST.3.11.1"],
    "ACC-13": ["KONF.5.1", "BER.2.1"],
    "ACC-14": ["BER.5.8", "ARCH.5.1.5"],
    "ACC-15": ["BER.6.5"],
    "ACC-16": ["KONF.4.3", "KONF.4.4", "ASST.5.6"],
    "ACC-17": ["BER.3.15", "BER.2.6"],
    "ACC-18": ["BER.5.13", "BER.5.2"],
    "ACC-19": ["BER.3.15", "BER.2.6"],
    "ACC-20": ["DEV.2.5", "KONF.1.5", "BER.6.1"],
    "ACC-21": ["BER.3.11", "DEV.2.1"],
    "ACC-22": ["KONF.4.3", "KONF.4.4", "ASST.5.6"],
    "ACC-23": ["BER.5.9", "BER.3.6"],
    "ACC-24": ["ARCH.3.4", "ARCH.4.1"],
    "ACC-25": ["KONF.2.1", "KONF.2.3", "KONF.2.4"],
    "ACC-26": ["BER.4.1", "BER.5.9", "KONF.2.5"],
    "ACC-27": ["KONF.3.6", "SENS.8.3"],
    "ACC-28": ["ARCH.5.1", "ARCH.5.1.6", "KONF.2.3"],
    "AUT-01": ["BER.4.1", "BER.4.1.1", "BER.4.2"],
    "AUT-02": ["BER.4.4", "BER.4.4.1"],
    "AUT-03": ["BER.3.6", "SENS.10.2"],
    "AUT-04": ["BER.4.1.2", "BER.3.6", "DET.3.1.8"],
    "AUT-05": ["BER.5.12", "PERS.2.3"],
    "AUT-06": ["DET.3.1.12", "DET.3.1.7"],
    "AUT-08": ["BER.4.1.1", "KONF.6.2"],
    "AUT-09": ["BER.5.11", "KONF.6.13"],
    "AUT-10": ["BER.3.22", "BER.3.23"],
    "AUT-11": ["ASST.7.3", "ASST.7.5"],
    "AUT-12": ["ASST.7.3", "ASST.7.3.2", "ASST.6.4"],
    "AUT-13": ["ASST.7.3"],
    "AUT-14": ["DEV.2.4", "DEV.4.10"],
    "AUT-15": ["BER.4.1.1", "BER.5.11"],
    "AUT-16": ["ASST.7.3", "ASST.7.5", "SENS.5.6"],
    "AUT-17": ["BER.5.11", "KONF.6.13"],
    "AUT-18": ["ASST.7.2", "BER.5.11"],
    "SEP-01": ["KONF.6.6.1", "KONF.6.13"],
    "SEP-02": ["KONF.6.6", "KONF.6.6.1"],
    "SEP-04": ["TEST.3.1.4"],
    "SEP-05": ["ARCH.2.1", "ARCH.2.2", "ARCH.2.2.3"],
    "SEP-06": ["ARCH.2.1", "ARCH.2.2", "ARCH.5.1.6"],
    "SEP-07": ["ARCH.2.1", "ARCH.2.2"],
    "SEP-08": ["ASST.2.4", "BER.7.9"],
    "SEP-09": ["ASST.7.3", "BES.6.3"],
    "SEP-10": ["ARCH.7.3", "ARCH.2.2.8"],
    "SEP-11": ["PERS.2.3.4", "ARCH.7.3"],
    "SEP-12": ["BER.5.11", "BER.4.1"],
    "SEP-13": ["ASST.2.1", "ASST.2.1.1"],
    "CRY-01": ["KONF.14.1", "KONF.14.1.1", "KONF.2.2"],
    "CRY-02": ["KONF.11.8", "KONF.2.2"],
    "CRY-03": ["KONF.3.2", "KONF.5.1.2"],
    "CRY-04": ["NOT.4.6", "KONF.11.8"],
    "CRY-05": ["BER.7.4", "BER.7.14", "BER.7.15"],
    "CRY-06": ["BER.7.1", "BER.7.2", "BER.7.8"],
    "CRY-07": ["KONF.14.1.2", "KONF.13.4"],
    "CRY-08": ["KONF.13.11", "KONF.13.10"],
    "CRY-09": ["ASST.3.7"],
    "CRY-10": ["ASST.3.7", "ASST.3.2"],
    "CRY-11": ["DEV.3.4"],
    "CRY-12": ["DEV.7.2", "BER.7.14", "DET.4.8"],
    "CRY-13": ["KONF.11.8", "KONF.10.2"],
    "CRY-14": ["BES.4.6.2", "DLS.2.3"],
    "CRY-15": ["ASST.3.7"],
    "TRF-01": ["KONF.14.1", "DLS.2.2"],
    "TRF-02": ["ASST.4.5", "ASST.4.2"],
    "TRF-03": ["ASST.4.1", "ARCH.2.4"],
    "TRF-04": ["DET.3.1.12", "DET.4.5"],
    "TRF-05": ["ASST.4.2"],
    "TRF-06": ["DET.4.5"],
    "TRF-07": ["ASST.4.2", "SENS.6.2"],
    "TRF-08": ["ASST.4.2"],
    "TRF-09": ["KONF.11.1", "KONF.11.1.2"],
    "TRF-10": ["ASST.4.3", "KONF.11.4"],
    "TRF-11": ["ASST.3.10", "ASST.3.1"],
    "TRF-12": ["BER.5.13", "SENS.7.8"],
    "TRF-13": ["ARCH.6.2", "KONF.14.1"],
    "TRF-14": ["KONF.13.5", "KONF.13.6", "KONF.13.9"],
    "INP-01": ["DET.3.1.7", "DET.3.1.12"],
    "INP-02": ["DET.3.1", "DET.3.4"],
    "INP-04": ["DET.3.4", "ASST.7.2"],
    "INP-05": ["DET.4.2", "DET.4.1"],
    "INP-06": ["DET.4.1"],
    "INP-07": ["DET.3.1.8", "DET.3.1.2"],
    "INP-08": ["DET.3.1", "DET.3.1.7"],
    "INP-09": ["DEV.2.6.1", "DEV.2.6.2"],
    "INP-10": ["ASST.2.1"],
    "INP-11": ["KONF.2.1.1", "KONF.2.6"],
    "INP-12": ["DET.3.2"],
    "INP-13": ["BER.4.1.1", "DET.3.1.12"],
    "AVL-01": ["NOT.4.2", "NOT.4.3", "NOT.4.10"],
    "AVL-02": ["NOT.4.4", "NOT.4.16"],
    "AVL-03": ["NOT.4.10", "NOT.4.12"],
    "AVL-04": ["NOT.4.14", "NOT.4.6"],
    "AVL-05": ["GEB.9.1", "GEB.9.1.3"],
    "AVL-06": ["GEB.10.1", "GEB.10.1.2"],
    "AVL-07": ["GEB.10.2.5", "GEB.10.3.2"],
    "AVL-08": ["GEB.10.2.6"],
    "AVL-09": ["ARCH.8.3", "ARCH.8.1"],
    "AVL-10": ["NOT.4.12", "ARCH.8.3"],
    "AVL-11": ["DET.4.12", "DET.4.16"],
    "AVL-12": ["DET.5.10", "DET.5.1"],
    "AVL-13": ["ARCH.9.5", "KONF.15.3"],
    "AVL-14": ["DET.4.17", "ARCH.9.1"],
    "AVL-15": ["NOT.1.1", "NOT.3.1"],
    "AVL-16": ["BES.5.2", "DLS.3.1.1"],
    "AVL-17": ["ASST.2.3", "BES.2.1.6", "DET.5.10"],
    "AVL-18": ["KONF.12.1", "ARCH.5.1.2"],
    "REC-01": ["NOT.3.1", "NOT.4.15"],
    "REC-02": ["NOT.4.16.1", "NOT.4.16"],
    "REC-03": ["NOT.3.1"],
    "REC-04": ["NOT.3.1", "NOT.3.2"],
    "REC-05": ["KONF.2.6", "NOT.4.15"],
    "REC-06": ["NOT.3.1", "NOT.1.1.1"],
    "REC-07": ["BER.3.22", "BER.3.23"],
    "REC-08": ["BES.2.1.6", "ASST.3.14"],
    "REC-09": ["REA.2.6", "NOT.4.14", "NOT.4.15"],
    "REC-10": ["NOT.4.15"],
    "REC-11": ["NOT.3.2"],
    "REC-12": ["NOT.4.12", "ARCH.8.3"],
    "REC-13": ["NOT.4.15", "NOT.4.3"],
    "REC-14": ["ASST.7.3", "NOT.4.15"],
    "PRC-01": ["BES.4.4", "BES.7.4.9", "BES.1.3"],
    "PRC-02": ["DLS.3.1.1", "DLS.3.2"],
    "PRC-03": ["BES.5.12"],
    "PRC-04": ["PERS.3.2", "BES.4.4"],
    "PRC-05": ["PERS.3.1", "PERS.3.3"],
    "PRC-06": ["BER.4.1.2", "BER.4.2"],
    "PRC-07": ["BES.6.2", "BES.5.14", "BES.6.3"],
    "PRC-08": ["BES.2.3", "BES.2.2"],
    "PRC-09": ["ASST.3.10", "ASST.3.11", "ASST.2.2.1"],
    "PRC-10": ["BES.5.12"],
    "PRC-11": ["BES.5.12", "PERS.3.2"],
    "PRC-12": ["BES.5.11"],
    "PRC-13": ["BES.2.3", "NOT.4.13"],
    "PRC-14": ["ASST.2.1"],
    "PRC-15": ["PERS.3.2", "PERS.4.2"],
    "PRC-16": ["ASST.3.1.1", "BER.7.9"],
    "PRC-17": ["BES.5.12", "BES.6.3"],
    "PRC-18": ["DLS.3.1.1", "BES.7.4.10"],
    "REV-01": ["PERF.4.1", "PERF.4.1.5"],
    "REV-02": ["PERF.3.1", "PERF.3.1.2", "PERS.2.3.3"],
    "REV-03": ["DLS.3.1.1", "PERF.3.1"],
    "REV-04": ["DET.5.4"],
    "REV-05": ["DET.5.3", "DET.5.2"],
    "REV-06": ["REA.1.1", "REA.2.6.2", "BES.5.10.2"],
    "REV-07": ["DET.2.1", "SENS.2.8"],
    "REV-08": ["REA.2.6", "REA.3.1"],
    "REV-09": ["TEST.4.1", "TEST.2.2"],
    "REV-10": ["TEST.2.2", "DEV.4.9"],
    "REV-11": ["DEV.4.11", "DEV.4.5"],
    "REV-12": ["PERF.4.2"],
    "REV-13": ["SENS.7.8", "PERS.4.2"],
    "REV-14": ["KONF.2.5", "KONF.2.5.1", "KONF.10.5.1"],
    "REV-15": ["DET.5.8", "DET.5.8.1"],
    "REV-16": ["DEV.4.3", "ASST.2.3.2", "DEV.4.5"],
    "ORG-01": ["GC.9.1.1", "PERS.2.2"],
    "ORG-02": ["GC.9.1.1.1", "GC.9.1.1.3"],
    "ORG-03": ["GC.1.2", "GC.9.1"],
    "ORG-04": ["SENS.1.1", "PERS.4.2"],
    "ORG-05": ["ASST.3.1", "SENS.2.6"],
    "ORG-06": ["PERS.6.1", "BES.6.6", "ASST.6.2"],
    "ORG-07": ["ASST.2.2", "ASST.2.3"],
    "ORG-08": ["ASST.7.2", "ASST.7.3"],
    "ORG-09": ["ASST.7.3", "ASST.7.3.2"],
    "ORG-10": ["SENS.9.1", "SENS.9.3", "SENS.9.4"],
    "ORG-11": ["PERS.3.5", "PERS.3.6"],
    "ORG-12": ["ASST.2.4", "ASST.3.3"],
    "ORG-13": ["PERS.3.3", "PERS.4.2"],
    "ORG-14": ["KONF.7.9", "KONF.7.10"],
    "ORG-15": ["GC.1.1", "GC.11.1"],
    "ORG-16": ["GC.9.1.1.2", "PERS.2.4"],
    "ORG-17": ["PERS.5.1", "VRB.7.1"],
    "ORG-18": ["ASST.3.10", "ASST.3.1.1"],
}

STOP = set("""aller alle allen dabei damit diese dieser dieses durch einer eines einem einen keine
kein nicht nur oder sowie sind wird werden wenn wird über unter prüfen zwischen jeder jedes jede
mindestens eigene eigenen eigener organisation institution auftragsdaten""".split())


def _controls(path: Path) -> dict[str, tuple[str, str]]:
    """id -> (title, statement prose) for every control, nested ones included."""
    catalog = json.loads(path.read_text(encoding="utf-8"))["catalog"]
    out: dict[str, tuple[str, str]] = {}

    def walk(controls):
        for control in controls:
            statement = next((p.get("prose", "") for p in control.get("parts", []) if p["name"] == "statement"), "")
            out[control["id"]] = (control.get("title", ""), statement)
            walk(control.get("controls", []))

    def groups(group):
        walk(group.get("controls", []))
        for sub in group.get("groups", []):
            groups(sub)

    for group in catalog.get("groups", []):
        groups(group)
    return out


def _mapping(path: Path) -> dict[str, list[str]]:
    """source control id -> target control ids, over all mappings of a collection."""
    data = json.loads(path.read_text(encoding="utf-8"))["mapping-collection"]
    out: dict[str, list[str]] = defaultdict(list)
    for mapping in data["mappings"]:
        for item in mapping["maps"]:
            for source in item["sources"]:
                out[source["id-ref"]] += [t["id-ref"] for t in item["targets"]]
    return out


def _words(text: str) -> set[str]:
    return {w[:7] for w in re.findall(r"[a-zäöüß]{5,}", text.lower()) if w not in STOP}


def load(data_dir: Path = DATA):
    kernel = _controls(data_dir / "BSI-Stand-der-Technik-Kernel-catalog.json")
    method = _controls(data_dir / "BSI-Methodik-Grundschutz++-catalog.json")
    iso = _mapping(data_dir / "ISO27001-AnnexA-to-GS++-mapping_collection.json")
    itgs = _mapping(data_dir / "ITGS-to-GS++-mapping_collection.json")
    by_module: dict[str, Counter] = defaultdict(Counter)
    for requirement, targets in itgs.items():
        module = re.sub(r"\.A\d+.*$", "", requirement)
        by_module[module].update(targets)
    return kernel, method, iso, by_module


def propose(measure: dict, kernel, method, iso, by_module, top: int = 3) -> list[str]:
    refs = measure.get("references") or {}
    scores: Counter = Counter()
    for control in refs.get("iso27001", []):
        for target in iso.get(control.removeprefix("A."), []):
            scores[target] += 3
    for module in refs.get("bsi", []):
        counts = by_module.get(re.sub(r"\.A\d+$", "", module), Counter())
        for target, _count in counts.items():
            scores[target] += 2 if target in scores else 0.5
    words = _words(measure["title"]["de"] + " " + measure["guidance"]["de"])
    ranked = []
    for target, score in scores.items():
        title, statement = kernel.get(target) or method.get(target) or ("", "")
        if not title:
            continue
        overlap = len(words & _words(title + " " + statement))
        ranked.append((score + 1.5 * overlap, target in kernel, target))
    ranked.sort(key=lambda r: (-r[0], not r[1], r[2]))
    chosen = [t for s, in_kernel, t in ranked if in_kernel and s >= 3.5][:top]
    if not chosen:
        chosen = [t for s, _k, t in ranked][:1]
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--write", action="store_true", help="write the ids into the catalogue")
    args = parser.parse_args(argv)
    kernel, method, iso, by_module = load(args.data)
    catalogue = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    chosen = {}
    for measure in catalogue["measures"]:
        ids = OVERRIDES.get(measure["id"]) or propose(measure, kernel, method, iso, by_module)
        chosen[measure["id"]] = ids
        titles = "; ".join(f"{i} {(kernel.get(i) or method.get(i) or ('?',))[0]}" for i in ids)
        print(f"{measure['id']}\t{measure['title']['de'][:60]}\t{titles}")
    if args.write:
        write(chosen)
    return 0


def write(chosen: dict[str, list[str]]) -> None:
    """Put `gspp: [...]` into each measure's references, after `bsi:` or, without one, after
    `iso27001:`; an existing gspp line is replaced."""
    lines = [line for line in CATALOGUE.read_text(encoding="utf-8").split("\n") if not line.startswith("      gspp:")]
    out: list[str] = []
    current, anchor = None, None  # measure id; index in `out` of the line gspp goes after
    for line in lines + ["  - id: END"]:
        match = re.match(r"  - id: (\S+)$", line)
        if match or line.startswith("  # ---"):
            if current in chosen and anchor is not None:
                out.insert(anchor + 1, f"      gspp: [{', '.join(chosen[current])}]")
            current, anchor = (match.group(1) if match else None), None
        if line.startswith("      iso27001:") and anchor is None:
            anchor = len(out)
        if line.startswith("      bsi:"):
            anchor = len(out)
        out.append(line)
    CATALOGUE.write_text("\n".join(out[:-1]), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
