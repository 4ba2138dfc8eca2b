"""Inputs for the benchmarks: a catalogue of N measures and a filled assessment of it."""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

from benchmarks.common import bundled_data

STATUSES = ("implemented", "partial", "planned", "not_implemented", "implemented")


def write_catalogue(path: Path, size: int) -> Path:
    """The bundled catalogue's measures, repeated with new ids until there are `size`."""
    data = copy.deepcopy(bundled_data())
    base = data["measures"]
    measures = []
    for i in range(size):
        measure = copy.deepcopy(base[i % len(base)])
        measure["id"] = f"G{i // 9999 + 1}-{i % 9999 + 1:04d}"
        measure.get("deprecated", {}).pop("replaced_by", None)
        measure.pop("see", None)  # ids of the bundled catalogue, renamed here
        measure.pop("replaces", None)
        measure["title"] = {lang: f"{text} ({i})" for lang, text in measure["title"].items()}
        measures.append(measure)
    data["measures"] = measures
    data["id"] = f"bench-{size}"
    path.write_text(yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def write_assessment(path: Path, catalogue_path: Path) -> Path:
    """Every measure answered; a note each, evidence, and gaps and reviews on a share."""
    from tom_audit.logic.answers import Edit, record
    from tom_audit.model.assessment import Evidence, Gap, Review
    from tom_audit.store.assessment_store import new_assessment, save_assessment
    from tom_audit.store.catalogue_store import load_catalogue_file

    catalogue = load_catalogue_file(catalogue_path)
    assessment = new_assessment(catalogue, source=str(catalogue_path), organisation="Bench GmbH", now="2026-01-01T00:00:00+00:00")
    for i, measure in enumerate(catalogue.measures):
        status = STATUSES[i % len(STATUSES)]
        edit = Edit(
            status=status,
            note=f"Umsetzung für {measure.id}: dokumentiert im Betriebshandbuch, Kapitel {i % 40 + 1}.\nZweite Zeile.",
            owner="IT-Betrieb",
            add_evidence=[Evidence(ref=f"https://wiki.example.org/tom/{measure.id}", kind="policy",
                                   description="Richtlinie", date="2026-01-15")],
        )
        if status in ("planned", "not_implemented", "partial"):
            edit.gap = Gap(description="Lücke", risk="medium", action="Umsetzen", owner="CISO", due="2026-06-30")
        record(assessment, catalogue, measure.id, edit, by="bench", at="2026-01-01T00:00:00+00:00")
        if i % 3 == 0:
            assessment.measures[measure.id].review = Review(state="accepted", reviewer="DSB", date="2026-02-01")
    save_assessment(path, assessment)
    return path
