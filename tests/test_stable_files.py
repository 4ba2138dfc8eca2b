"""Two people answering the same measures in a different order save the same file: measures
are written in catalogue order, ids the catalogue lacks after them in their own order."""

from __future__ import annotations

import re

from tom_audit.cli.main import main
from tom_audit.store.assessment_store import load_assessment, save_assessment


def _measure_keys(text: str) -> list[str]:
    body = text.split("\nmeasures:", 1)[1].split("\nfingerprints:", 1)[0]
    return re.findall(r'^  "?([^":\s][^":]*)"?:\s*$', body, flags=re.M)


def test_answer_order_does_not_change_the_file(tmp_path, catalogue):
    ids = [m.id for m in catalogue.measures]
    picked = [ids[7], ids[0], ids[3]]
    files = []
    for name, order in (("a", picked), ("b", list(reversed(picked)))):
        path = tmp_path / f"{name}.tom.yaml"
        assert main(["new", str(path), "--org", "Muster GmbH"]) == 0
        for measure_id in order:
            assert main(["set", str(path), measure_id, "--status", "planned"]) == 0
        files.append(path)
    a, b = (re.sub(r'(id|created|updated|at): ".*"', "", f.read_text(encoding="utf-8")) for f in files)
    assert a == b
    assert _measure_keys(a) == sorted(picked, key=ids.index)


def test_unknown_ids_follow_in_their_own_order(tmp_path, catalogue):
    path = tmp_path / "a.tom.yaml"
    assert main(["new", str(path)]) == 0
    loaded = load_assessment(path)
    from tom_audit.model.assessment import Answer

    first, second = catalogue.measures[0].id, catalogue.measures[1].id
    measures = loaded.assessment.measures
    measures["ZZZ-02"] = Answer(status="planned")
    measures[second] = Answer(status="planned")
    measures["AAA-01"] = Answer(status="planned")
    measures[first] = Answer(status="implemented")
    save_assessment(path, loaded.assessment)
    assert _measure_keys(path.read_text(encoding="utf-8")) == [first, second, "ZZZ-02", "AAA-01"]


def test_a_hand_shuffled_file_is_saved_in_catalogue_order(tmp_path, catalogue):
    path = tmp_path / "a.tom.yaml"
    assert main(["new", str(path)]) == 0
    ids = [m.id for m in catalogue.measures]
    loaded = load_assessment(path)
    fingerprints = loaded.assessment.fingerprints
    loaded.assessment.fingerprints = dict(reversed(list(fingerprints.items())))  # as if edited by hand
    save_assessment(path, loaded.assessment)
    assert main(["set", str(path), ids[2], "--status", "planned"]) == 0
    assert main(["set", str(path), ids[1], "--status", "planned"]) == 0
    text = path.read_text(encoding="utf-8")
    assert _measure_keys(text) == [ids[1], ids[2]]
    assert list(load_assessment(path).assessment.fingerprints) == ids
