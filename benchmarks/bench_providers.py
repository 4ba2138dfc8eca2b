"""The provider register at 500 entries: open, lint and export (issue 12), each beside a
floor measured in the same run. Uses the shipped SaaS example with its 12 providers copied
to 500 (different ids and names); the catalogue is the bundled one (170 measures)."""

from __future__ import annotations

import copy
import io
from datetime import date
from pathlib import Path

import yaml

from benchmarks.common import Row, best_of

COUNT = 500
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "cloud-saas.tom.yaml"


def _bare_parse(path):
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle.read(), Loader=yaml.CSafeLoader)


def run(ctx) -> list[Row]:
    from openpyxl import Workbook

    from tom_audit.export import ExportOptions
    from tom_audit.export.content import build as build_content
    from tom_audit.export.markdown_providers import providers_section
    from tom_audit.export.providers_table import provider_rows
    from tom_audit.export.xlsx_providers import providers_sheet
    from tom_audit.logic.lint import lint
    from tom_audit.store.assessment_store import load_assessment, render

    loaded = load_assessment(EXAMPLE)
    base = loaded.assessment.providers
    providers = []
    for i in range(COUNT):
        p = copy.deepcopy(base[i % len(base)])
        p.id, p.name = f"{p.id}-{i}", f"{p.name} {i}"
        providers.append(p)
    loaded.assessment.providers = providers
    path = ctx.work / "providers-500.tom.yaml"
    path.write_text(render(loaded.assessment), encoding="utf-8")
    size = len(loaded.catalogue.measures)
    today = date(2026, 11, 30)
    rows = [Row(size, f"open with {COUNT} providers (load+validate)", best_of(lambda: load_assessment(path)),
                "yaml.load(CSafeLoader)", best_of(lambda: _bare_parse(path)))]

    big = load_assessment(path)
    empty = copy.copy(big.assessment)
    empty.providers = []
    rows.append(Row(size, f"lint with {COUNT} providers", best_of(lambda: lint(big.catalogue, big.assessment, today=today)),
                    "lint, register empty", best_of(lambda: lint(big.catalogue, empty, today=today))))

    content = build_content(big, "de", ExportOptions(today=today))
    subs, ancillary = provider_rows(big.assessment.providers, "de", today)
    cells = [r.cells() for r in subs + ancillary]

    def ours_sheet():
        wb = Workbook(write_only=True)
        providers_sheet(wb, content)
        wb.save(io.BytesIO())

    def bare_sheet():
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("x")
        for row in cells:
            ws.append(row)
        wb.save(io.BytesIO())

    rows.append(Row(size, f"xlsx sheet of {COUNT} providers (rows+styles)", best_of(ours_sheet),
                    "openpyxl append same values", best_of(bare_sheet)))
    rows.append(Row(size, f"markdown section of {COUNT} providers", best_of(
        lambda: providers_section(big.assessment.providers, "de", today)),
        "rows as labels (provider_rows)", best_of(lambda: provider_rows(big.assessment.providers, "de", today))))
    return rows
