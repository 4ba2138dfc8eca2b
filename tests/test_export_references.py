"""The ISO/BSI/SDM/Grundschutz++ references of every measure reach each export format."""

from __future__ import annotations

import json

import openpyxl

from tom_audit.cli.main import main


def test_references_in_xlsx_md_and_json(new_file, tmp_path, catalogue):
    measure = next(m for m in catalogue.measures if m.references.get("iso27001") and m.references.get("bsi"))
    assert main(["set", str(new_file), measure.id, "--status", "implemented", "--note", "ja"]) == 0
    for suffix in ("xlsx", "md", "json"):
        assert main(["export", str(new_file), "-o", str(tmp_path / f"x.{suffix}")]) == 0
    document = json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))
    row = next(r for r in document["references"] if r["measure_id"] == measure.id)
    assert row["iso27001"] == ", ".join(measure.references["iso27001"])
    assert row["bsi"] == ", ".join(measure.references["bsi"])
    assert row["status_label"] == "umgesetzt"
    markdown = (tmp_path / "x.md").read_text(encoding="utf-8")
    assert "# Bezüge zu ISO/IEC 27001" in markdown
    line = next(line for line in markdown.splitlines() if line.startswith(f"| {measure.id} ") and "A." in line)
    assert measure.references["iso27001"][0] in line and measure.references["bsi"][0] in line
    # the workbook carries them in the annex's references column (no sheet of their own)
    book = openpyxl.load_workbook(tmp_path / "x.xlsx")
    assert "Bezüge" not in book.sheetnames
    rows = {r[0]: r for r in book["Anlage TOM"].iter_rows(values_only=True)}
    assert all(ref in rows[measure.id][-1] for ref in measure.references["iso27001"] + measure.references["bsi"])
