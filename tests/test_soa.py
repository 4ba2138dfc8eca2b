"""Statement of Applicability: every Annex A control listed, applicability and its reason from
the answers, implementing measures with status and evidence, uncovered controls named; read
back from the workbook."""

from __future__ import annotations

import time

import openpyxl

from tom_audit.cli.main import main
from tom_audit.interop.iso27001_annex_a import CONTROLS
from tom_audit.interop.soa import soa_rows
from tom_audit.store.assessment_store import load_assessment


def _rows(path):
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    header = next(i for i, r in enumerate(rows) if r[0] == "Anforderung")
    return {r[0]: r for r in rows[header + 1:]}, rows[:header]


def test_iso_soa_lists_all_93_controls_with_status_reason_and_evidence(new_file, tmp_path, catalogue):
    covering = {}
    for measure in catalogue.measures:
        for ref in measure.references.get("iso27001", ()):
            covering.setdefault(ref.removeprefix("A."), []).append(measure.id)
    control = next(c for c, ids in sorted(covering.items()) if len(ids) == 1)
    only = covering[control][0]
    evidence = tmp_path / "nachweis.pdf"
    evidence.write_bytes(b"%PDF")
    assert main(["set", str(new_file), only, "--status", "not_applicable", "--note", "=Kein eigener Betrieb"]) == 0
    pair = next(c for c, ids in sorted(covering.items()) if len(ids) >= 2 and c != control)
    first, second = covering[pair][:2]
    assert main(["set", str(new_file), first, "--status", "implemented", "--note", "ok", "--evidence", str(evidence),
                 "--evidence-description", "Richtlinie"]) == 0
    out = tmp_path / "soa.xlsx"
    assert main(["export", str(new_file), "-o", str(out), "--soa", "iso27001"]) == 0
    rows, head = _rows(out)
    assert list(rows) == [c[0] for c in CONTROLS]
    assert rows[control][2] == "nein" and rows[control][4] == "nicht anwendbar"
    assert rows[control][3] == f"{only}: =Kein eigener Betrieb"  # the user's reason, as text
    sheet = openpyxl.load_workbook(out).active
    assert not [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]  # no formula anywhere
    assert rows[pair][2] == "ja"
    assert rows[pair][4] in ("offen", "teilweise umgesetzt")  # one answered, the other not: no claim
    assert f"{first}: Richtlinie (nachweis.pdf)" in rows[pair][6]
    assert f"{second} " in rows[pair][5] and "offen" in rows[pair][5]
    uncovered = [c[0] for c in CONTROLS if c[0] not in covering]
    for cid in uncovered:
        assert rows[cid][2] == "nicht abgedeckt" and rows[cid][4] == "keine Maßnahme"
    assert any("durch keine Maßnahme abgedeckt" in str(r[0]) for r in head)


def test_overall_status_is_implemented_only_when_every_measure_is(new_file, catalogue):
    control = next(m.references["iso27001"][0] for m in catalogue.measures if m.references.get("iso27001"))
    measures = [m.id for m in catalogue.measures if control in m.references.get("iso27001", ())]
    for measure_id in measures:
        assert main(["set", str(new_file), measure_id, "--status", "implemented", "--note", "ja"]) == 0
    loaded = load_assessment(new_file)
    row = next(r for r in soa_rows(loaded.catalogue, loaded.assessment, "iso27001", "de")
               if r.control.id == control.removeprefix("A."))
    assert row.implementation == "implemented"
    assert main(["set", str(new_file), measures[0], "--status", "planned", "--note", "bald"]) == 0
    loaded = load_assessment(new_file)
    row = next(r for r in soa_rows(loaded.catalogue, loaded.assessment, "iso27001", "de")
               if r.control.id == control.removeprefix("A."))
    assert row.implementation in ("partial", "planned")


def test_gspp_soa_without_a_control_list_uses_the_referenced_ids(new_file, tmp_path, catalogue):
    out = tmp_path / "soa.xlsx"
    assert main(["export", str(new_file), "-o", str(out), "--soa", "gspp", "--lang", "en"]) == 0
    sheet = openpyxl.load_workbook(out).active
    referenced = {ref for m in catalogue.measures for ref in m.references.get("gspp", ())}
    ids = [r[0] for r in sheet.iter_rows(values_only=True) if r[2] in ("yes", "no", "not covered")]
    assert set(ids) == referenced


def test_soa_workbook_is_the_same_bytes_twice(new_file, tmp_path):
    one, two = tmp_path / "1.xlsx", tmp_path / "2.xlsx"
    assert main(["export", str(new_file), "-o", str(one), "--soa", "iso27001"]) == 0
    time.sleep(1.1)  # a clock stamp anywhere in the file would differ now
    assert main(["export", str(new_file), "-o", str(two), "--soa", "iso27001"]) == 0
    assert one.read_bytes() == two.read_bytes()
