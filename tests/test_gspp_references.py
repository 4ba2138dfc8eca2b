"""Grundschutz++ references of the bundled catalogue: every measure names BSI Grundschutz++
control ids (`references.gspp`), each id exists in the BSI's OSCAL catalogs, and the ids are
what `scripts/derive_gspp.py` derives (so the derivation stays reproducible).

The BSI data (Stand-der-Technik-Bibliothek, CC BY-SA 4.0) is not shipped; it lives in
`../shared/data/bsi-stand-der-technik/` beside the repository. Tests skip where it is missing.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT / "catalogues" / "tom-art32.yaml"
DATA = next((d / "shared" / "data" / "bsi-stand-der-technik" for d in ROOT.parents
             if (d / "shared" / "data" / "bsi-stand-der-technik").is_dir()), None)
needs_data = pytest.mark.skipif(DATA is None, reason="BSI Stand-der-Technik data not found beside the repository")


def _measures() -> list[dict]:
    return yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))["measures"]


def _control_ids(path: Path) -> set[str]:
    ids: set[str] = set()

    def walk(controls):
        for control in controls:
            ids.add(control["id"])
            walk(control.get("controls", []))

    def groups(group):
        walk(group.get("controls", []))
        for sub in group.get("groups", []):
            groups(sub)

    for group in json.loads(path.read_text(encoding="utf-8"))["catalog"]["groups"]:
        groups(group)
    return ids


def test_every_measure_has_gspp_ids():
    missing = [m["id"] for m in _measures() if not (m.get("references") or {}).get("gspp")]
    assert not missing, f"measures without Grundschutz++ ids: {missing}"


def test_every_measure_keeps_a_2023_kompendium_or_iso_reference():
    bare = [m["id"] for m in _measures() if not (m["references"].get("bsi") or m["references"].get("iso27001"))]
    assert not bare


@needs_data
def test_every_gspp_id_exists_in_the_bsi_catalogs():
    kernel = _control_ids(DATA / "BSI-Stand-der-Technik-Kernel-catalog.json")
    method = _control_ids(DATA / "BSI-Methodik-Grundschutz++-catalog.json")
    assert len(kernel) > 800 and "BER.5.9" in kernel
    unknown = [(m["id"], ref) for m in _measures() for ref in m["references"].get("gspp", ())
               if ref not in kernel and ref not in method]
    assert not unknown, f"Grundschutz++ ids found in neither the Kernel nor the Methodik catalog: {unknown}"
    kernel_share = sum(ref in kernel for m in _measures() for ref in m["references"]["gspp"])
    total = sum(len(m["references"]["gspp"]) for m in _measures())
    assert kernel_share / total > 0.9, "most references should be Kernel practices, not method controls"


@needs_data
def test_the_derivation_script_reproduces_the_catalogue():
    spec = importlib.util.spec_from_file_location("derive_gspp", ROOT / "scripts" / "derive_gspp.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    kernel, method, iso, by_module = module.load(DATA)
    differing = []
    for measure in _measures():
        derived = module.OVERRIDES.get(measure["id"]) or module.propose(measure, kernel, method, iso, by_module)
        if derived != measure["references"]["gspp"]:
            differing.append((measure["id"], derived, measure["references"]["gspp"]))
    assert not differing, f"run `python scripts/derive_gspp.py --write`: {differing}"


def test_a_wrong_id_is_caught(tmp_path):
    fake = {"catalog": {"groups": [{"id": "X", "controls": [{"id": "X.1", "controls": [{"id": "X.1.1"}]}]}]}}
    path = tmp_path / "c.json"
    path.write_text(json.dumps(fake))
    assert _control_ids(path) == {"X.1", "X.1.1"}
