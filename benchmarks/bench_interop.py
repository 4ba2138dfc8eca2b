"""Importing the Grundschutz++ Kernel catalog (about 900 controls, 3.8 MB of OSCAL JSON) and
opening an assessment against it, each beside the bare `json.load` of the same file.

Skipped when ../shared/data (the BSI's files, never copied into the repo) is not there."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from benchmarks.common import Row, best_of

REPO = Path(__file__).resolve().parents[1]


def _kernel() -> Path | None:
    for base in (REPO.parent / "shared" / "data", REPO.parent.parent / "shared" / "data"):
        path = base / "bsi-stand-der-technik" / "BSI-Stand-der-Technik-Kernel-catalog.json"
        if path.is_file():
            return path
    return None


def run(ctx) -> list[Row]:
    kernel = _kernel()
    if kernel is None:
        return []
    from tom_audit.interop.catalogue_import import import_catalogue
    from tom_audit.interop.draft import ImportOptions
    from tom_audit.interop.oscal_export import assessment_to_results
    from tom_audit.interop.soa import soa_rows
    from tom_audit.store.creating import create_assessment as create
    from tom_audit.logic.answers import Edit, record
    from tom_audit.store.assessment_store import load_assessment, save_assessment

    cache = ctx.work / "cache-interop"
    os.environ["TOM_AUDIT_CACHE_DIR"] = str(cache)
    options = ImportOptions(level_map={"erhöht": "hoch"}, reference_key="gspp")
    out = ctx.work / "kernel.yaml"

    def bare():
        with open(kernel, encoding="utf-8") as handle:
            return json.load(handle)

    def do_import():
        shutil.rmtree(cache, ignore_errors=True)
        import_catalogue(kernel, out, options)

    floor = best_of(bare)
    size = 901
    rows = [Row(size, "import Kernel catalog (OSCAL -> checked YAML)", best_of(do_import), "json.load(Kernel)", floor)]
    assessment = ctx.work / "kernel.tom.yaml"
    if assessment.exists():
        assessment.unlink()
    create(assessment, str(out), "Bench GmbH", "de")
    loaded = load_assessment(assessment)
    for measure in loaded.catalogue.measures[::3]:
        record(loaded.assessment, loaded.catalogue, measure.id, Edit(status="implemented", note="ok"), by="bench")
    save_assessment(assessment, loaded.assessment)

    def cold_open():
        shutil.rmtree(cache, ignore_errors=True)
        load_assessment(assessment)

    rows.append(Row(size, "open assessment on Kernel, catalogue not cached", best_of(cold_open), "json.load(Kernel)", floor))
    load_assessment(assessment)
    rows.append(Row(size, "open assessment on Kernel, catalogue cached", best_of(lambda: load_assessment(assessment)),
                    "json.load(Kernel)", floor))
    loaded = load_assessment(assessment)
    rows.append(Row(size, "OSCAL assessment-results of it", best_of(lambda: assessment_to_results(loaded, "de")),
                    "json.load(Kernel)", floor))
    rows.append(Row(size, "SoA rows (gspp) of it", best_of(lambda: soa_rows(loaded.catalogue, loaded.assessment, "gspp", "de")),
                    "json.load(Kernel)", floor))
    return rows
