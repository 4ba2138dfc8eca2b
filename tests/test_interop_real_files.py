"""The real third-party files (../shared/data, never copied into the repo) through the whole
path a user takes: import, new assessment, a few answers, lint, every export, SoA.

Skipped where the data folder is missing (it sits beside the repository in CI)."""

from __future__ import annotations

import json
from datetime import date

import openpyxl
import pytest
from trestle.oscal.assessment_results import AssessmentResults
from trestle.oscal.catalog import Catalog

from tom_audit.cli.main import main
from tom_audit.logic.lint import lint
from tom_audit.store.assessment_store import load_assessment
from tom_audit.store.catalogue_store import load_catalogue_file

from tests.shared_data import DATA  # noqa: E402
BSI = DATA / "bsi-stand-der-technik"
CISO = DATA / "ciso-assistant-libraries"

pytestmark = pytest.mark.skipif(not DATA.is_dir(), reason="../shared/data is not there")

KERNEL_G0 = "BSI-Stand-der-Technik-Kernel-G0-catalog.json"  # the profile's name for the Kernel catalog

# source, import options, expected measures, languages, (measure, status) answers to give
CASES = {
    "kernel": (BSI / "BSI-Stand-der-Technik-Kernel-catalog.json",
               ["--level-map", "erhöht=hoch", "--ref-key", "gspp"], 901, ("de",),
               [("ASST.1.1.1", "implemented"), ("KONF.2.2", "partial"), ("ASST.1.1", "planned")]),
    "profile": (BSI / "Grundschutz++-profile.json",
                ["--resolve", f"{KERNEL_G0}={BSI / 'BSI-Stand-der-Technik-Kernel-catalog.json'}", "--skip-missing",
                 "--ref-key", "gspp"], 901 + 95, ("de",),
                [("GC.1.1", "implemented"), ("ASST.1.1.1", "implemented")]),
    "tls": (BSI / "Entwurf-Mindeststandard-TLS-catalog.json", [], 17, ("de",), [("KONF.2.2", "implemented")]),
    "orp": (CISO / "bs-it-gs-2023-orp-organisation-und-personal.yaml", ["--level-map", "E=hoch", "--ref-key", "bsi"],
            229, ("de",), [("ORP.1.A1.1", "implemented"), ("ORP.4.A8.1", "partial")]),
    "c5": (CISO / "bsi-c5-2020.yaml", [], 121, ("en",), [("OIS-01", "implemented"), ("OIS-02", "not_implemented")]),
}


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """Each source imported once through the CLI: name -> catalogue path."""
    folder = tmp_path_factory.mktemp("imported")
    paths = {}
    for name, (source, options, *_rest) in CASES.items():
        out = folder / f"{name}.yaml"
        assert main(["catalogue", "import", str(source), "-o", str(out), *options]) == 0, name
        paths[name] = out
    return paths


@pytest.mark.parametrize("name", list(CASES))
def test_import_keeps_source_ids_and_works_end_to_end(name, imported, tmp_path, capsys):
    source, _options, count, languages, answers = CASES[name]
    catalogue = load_catalogue_file(imported[name])
    assert len(catalogue.measures) == count
    assert catalogue.languages == languages
    for measure_id, _status in answers:
        assert measure_id in catalogue.measure_by_id  # the source's own id, exactly
    file = tmp_path / "a.tom.yaml"
    assert main(["new", str(file), "--catalogue", str(imported[name]), "--org", "Muster GmbH"]) == 0
    evidence = tmp_path / "policy.pdf"
    evidence.write_bytes(b"%PDF-1.4 policy")
    for measure_id, status in answers:
        assert main(["set", str(file), measure_id, "--status", status, "--note", f"Umsetzung {measure_id}",
                     "--evidence", str(evidence)]) == 0
    loaded = load_assessment(file)
    assert {m: loaded.assessment.measures[m].status for m, _ in answers} == dict(answers)
    findings = lint(loaded.catalogue, loaded.assessment, today=date.today(), evidence_base=None)
    assert not [f for f in findings if f.rule in ("TOM003", "TOM005", "TOM006")]  # nothing broken, only gaps
    assert main(["lint", str(file)]) in (0, 1)
    capsys.readouterr()

    for suffix in ("xlsx", "md", "json"):
        out = tmp_path / f"out.{suffix}"
        assert main(["export", str(file), "-o", str(out)]) == 0
        assert out.stat().st_size > 0
    first_id = answers[0][0]
    assert first_id in (tmp_path / "out.md").read_text(encoding="utf-8")
    workbook = openpyxl.load_workbook(tmp_path / "out.xlsx", read_only=True)
    cells = {str(c) for ws in workbook.worksheets for row in ws.iter_rows(values_only=True) for c in row if c}
    assert first_id in cells or any(first_id in c for c in cells)
    assert first_id in (tmp_path / "out.json").read_text(encoding="utf-8")

    oscal = tmp_path / "a.oscal.json"
    assert main(["export", str(file), "-o", str(oscal)]) == 0
    results = json.loads(oscal.read_text(encoding="utf-8"))["assessment-results"]
    AssessmentResults.model_validate(results)
    found = {f["target"]["target-id"]: f["target"]["implementation-status"]["state"] for f in results["results"][0]["findings"]}
    assert found == {m: s.replace("_", "-") for m, s in answers}

    catalog = tmp_path / "catalog.oscal.json"
    assert main(["catalogue", "export", str(imported[name]), "-o", str(catalog)]) == 0
    Catalog.model_validate(json.loads(catalog.read_text(encoding="utf-8"))["catalog"])


def test_kernel_levels_come_from_the_level_map(imported):
    catalogue = load_catalogue_file(imported["kernel"])
    levels = {m.level for m in catalogue.measures}
    assert levels == {"normal", "hoch"}
    raw = json.loads((BSI / "BSI-Stand-der-Technik-Kernel-catalog.json").read_text(encoding="utf-8"))
    erhoht = set()

    def walk(controls):
        for control in controls:
            if any(p["name"] == "sec_level" and p["value"] == "erhöht" for p in control.get("props", [])):
                erhoht.add(control["id"])
            walk(control.get("controls", []))

    def groups(items):
        for group in items:
            walk(group.get("controls", []))
            groups(group.get("groups", []))

    groups(raw["catalog"]["groups"])
    assert {m.id for m in catalogue.measures if m.level == "hoch"} == erhoht


def test_profile_parameters_are_filled_in(imported):
    catalogue = load_catalogue_file(imported["profile"])
    assert "{{" not in "".join(m.title("de") + m.guidance("de") for m in catalogue.measures)
    assert "BSI Grundschutz++" in catalogue.measure_by_id["GC.1.1"].title("de")  # set-parameters of the profile


def test_ciso_groups_and_parents(imported):
    catalogue = load_catalogue_file(imported["orp"])
    assert [c.id for c in catalogue.categories] == ["orp-1", "orp-2", "orp-3", "orp-4", "orp-5"]
    measure = catalogue.measure_by_id["ORP.1.A1.1"]
    assert measure.category == "orp-1"
    assert "ORP.1.A1" in measure.guidance("de")  # the parent requirement names the context
    assert measure.references == {"bsi": ("ORP.1.A1",)}  # the Kompendium requirement CISO split up
    c5 = load_catalogue_file(imported["c5"])
    assert c5.measure_by_id["OIS-01"].title("en") == "Information Security Management System (ISMS)"
    assert c5.measure_by_id["OIS-01"].title("de") == c5.measure_by_id["OIS-01"].title("en")  # falls back


def test_import_is_deterministic(imported, tmp_path):
    source, options, *_ = CASES["kernel"]
    again = tmp_path / "again.yaml"
    assert main(["catalogue", "import", str(source), "-o", str(again), *options]) == 0
    assert again.read_bytes() == imported["kernel"].read_bytes()


def test_soa_for_grundschutz_lists_kernel_controls(imported, tmp_path):
    file = tmp_path / "a.tom.yaml"
    assert main(["new", str(file), "--catalogue", str(imported["kernel"])]) == 0
    assert main(["set", str(file), "ASST.1.1.1", "--status", "implemented", "--note", "Wiki"]) == 0
    out = tmp_path / "soa.xlsx"
    assert main(["export", str(file), "-o", str(out), "--soa", "gspp",
                 "--controls", str(BSI / "BSI-Stand-der-Technik-Kernel-catalog.json")]) == 0
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    by_id = {r[0]: r for r in rows if r[0] and r[2] in ("ja", "nein", "nicht abgedeckt")}
    assert len(by_id) == 901
    assert by_id["ASST.1.1.1"][4] == "umgesetzt"
    assert by_id["ASST.1.1.2"][4] == "offen"


def test_iso_soa_for_a_kernel_assessment_through_the_reverse_mapping(imported, tmp_path):
    mapped = tmp_path / "kernel-iso.yaml"
    assert main(["catalogue", "map", str(imported["kernel"]),
                 str(BSI / "ISO27001-AnnexA-to-GS++-mapping_collection.json"), "-o", str(mapped), "--reverse"]) == 0
    catalogue = load_catalogue_file(mapped)
    assert any(m.references.get("iso27001") for m in catalogue.measures)
    file = tmp_path / "a.tom.yaml"
    assert main(["new", str(file), "--catalogue", str(mapped)]) == 0
    out = tmp_path / "soa.xlsx"
    assert main(["export", str(file), "-o", str(out), "--soa", "iso27001"]) == 0
    rows = [r for r in openpyxl.load_workbook(out).active.iter_rows(values_only=True) if r[2] in ("ja", "nein", "nicht abgedeckt")]
    assert len(rows) == 93


def test_bundled_catalogue_gains_grundschutz_ids_from_the_iso_mapping(tmp_path):
    out = tmp_path / "mapped.yaml"
    assert main(["catalogue", "map", "tom-art32", str(BSI / "ISO27001-AnnexA-to-GS++-mapping_collection.json"),
                 "-o", str(out)]) == 0
    mapping = json.loads((BSI / "ISO27001-AnnexA-to-GS++-mapping_collection.json").read_text(encoding="utf-8"))
    expected = set()
    for entry in mapping["mapping-collection"]["mappings"]:
        for item in entry["maps"]:
            if any(s["id-ref"] == "8.5" for s in item["sources"]):
                expected |= {t["id-ref"] for t in item["targets"]}
    catalogue = load_catalogue_file(out)
    with_85 = [m for m in catalogue.measures if "A.8.5" in m.references.get("iso27001", ())]
    assert with_85 and all(expected <= set(m.references["gspp"]) for m in with_85)
