"""OSCAL profile resolution with small hand-made catalogs: which controls a profile selects,
where its imports are found, what set-parameters do."""

from __future__ import annotations

import hashlib
import json

from tom_audit.cli.main import main
from tom_audit.store.catalogue_store import load_catalogue_file


def _control(cid, children=(), prose=None, params=()):
    control = {"id": cid, "title": f"Titel {cid}",
               "parts": [{"id": f"{cid}_stm", "name": "statement", "prose": prose or f"{cid} MUSS umgesetzt werden."}]}
    if children:
        control["controls"] = [_control(c) for c in children]
    if params:
        control["params"] = [{"id": p, "label": "ein Wert"} for p in params]
    return control


CATALOG = {"catalog": {"uuid": "c", "metadata": {"title": "Kat", "version": "1"}, "groups": [
    {"id": "AA", "title": "Gruppe A", "controls": [
        _control("AA.1", ["AA.1.1", "AA.1.2"]),
        _control("AA.2", prose="AA.2 MUSS {{ insert: param, aa.2-prm1 }} nutzen.", params=["aa.2-prm1"])]},
    {"id": "BB", "title": "Gruppe B", "controls": [_control("BB.1"), _control("BB.2")]}]}}


def _write(folder, name, document):
    path = folder / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _profile(imports, modify=None, resources=()):
    profile = {"uuid": "p", "metadata": {"title": "Profil", "version": "1"}, "imports": imports}
    if modify:
        profile["modify"] = modify
    if resources:
        profile["back-matter"] = {"resources": list(resources)}
    return {"profile": profile}


def _ids(folder, profile, *options):
    source = _write(folder, "profile.json", profile)
    out = folder / "out.yaml"
    assert main(["catalogue", "import", str(source), "-o", str(out), *options]) == 0
    return [m.id for m in load_catalogue_file(out).measures], load_catalogue_file(out)


def test_include_with_ids_without_and_with_children(tmp_path):
    _write(tmp_path, "kat.json", CATALOG)
    ids, _ = _ids(tmp_path, _profile([{"href": "kat.json", "include-controls": [{"with-ids": ["AA.1", "BB.2"]}]}]))
    assert ids == ["AA.1", "BB.2"]
    ids, _ = _ids(tmp_path, _profile([{"href": "kat.json", "include-controls": [
        {"with-ids": ["AA.1"], "with-child-controls": "yes"}]}]))
    assert ids == ["AA.1", "AA.1.1", "AA.1.2"]


def test_include_all_minus_excluded_and_matching(tmp_path):
    _write(tmp_path, "kat.json", CATALOG)
    ids, catalogue = _ids(tmp_path, _profile([{"href": "kat.json", "include-all": {},
                                               "exclude-controls": [{"matching": [{"pattern": "AA.1*"}]}]}]))
    assert ids == ["AA.2", "BB.1", "BB.2"]
    assert [c.id for c in catalogue.categories] == ["aa", "bb"]


def test_set_parameters_fill_the_statement(tmp_path):
    _write(tmp_path, "kat.json", CATALOG)
    _, catalogue = _ids(tmp_path, _profile([{"href": "kat.json", "include-all": {}}],
                                           modify={"set-parameters": [{"param-id": "aa.2-prm1", "values": ["TLS 1.3"]}]}))
    assert catalogue.measure_by_id["AA.2"].title("de") == "Titel AA.2: AA.2 MUSS TLS 1.3 nutzen."
    _, unset = _ids(tmp_path, _profile([{"href": "kat.json", "include-all": {}}]))
    assert unset.measure_by_id["AA.2"].title("de") == "Titel AA.2: AA.2 MUSS ein Wert nutzen."  # the param's label


def test_back_matter_href_found_beside_the_profile_and_digest_checked(tmp_path, capsys):
    path = _write(tmp_path, "kat.json", CATALOG)
    digest = hashlib.md5(path.read_bytes()).hexdigest()  # noqa: S324 - the profile's own choice of hash
    resource = {"uuid": "r1", "rlinks": [{"href": "../catalogs/elsewhere/kat.json",
                                          "hashes": [{"algorithm": "MD5", "value": digest}]}]}
    ids, _ = _ids(tmp_path, _profile([{"href": "#r1", "include-all": {}}], resources=[resource]))
    assert len(ids) == 6
    assert "Prüfsumme" not in capsys.readouterr().err
    resource["rlinks"][0]["hashes"][0]["value"] = "0" * 32
    _ids(tmp_path, _profile([{"href": "#r1", "include-all": {}}], resources=[resource]))
    assert "Prüfsumme weicht ab" in capsys.readouterr().err


def test_resolve_points_an_import_at_a_file(tmp_path):
    other = tmp_path / "sub"
    other.mkdir()
    _write(other, "anders.json", CATALOG)
    ids, _ = _ids(tmp_path, _profile([{"href": "missing.json", "include-all": {}}]),
                  "--resolve", f"missing.json={other / 'anders.json'}")
    assert len(ids) == 6


def test_profile_of_a_profile(tmp_path):
    _write(tmp_path, "kat.json", CATALOG)
    _write(tmp_path, "inner.json", _profile([{"href": "kat.json", "include-controls": [{"with-ids": ["BB.1"]}]}]))
    ids, _ = _ids(tmp_path, _profile([{"href": "inner.json", "include-all": {}}]))
    assert ids == ["BB.1"]


def test_a_profile_importing_itself_is_refused(tmp_path, capsys):
    source = _write(tmp_path, "self.json", _profile([{"href": "self.json", "include-all": {}}]))
    assert main(["catalogue", "import", str(source), "-o", str(tmp_path / "o.yaml")]) == 2
    assert "importiert sich" in capsys.readouterr().err
    assert not (tmp_path / "o.yaml").exists()


def test_an_imported_catalogue_can_be_extended_and_used_everywhere(tmp_path, capsys):
    source = _write(tmp_path, "kat.json", CATALOG)
    assert main(["catalogue", "import", str(source), "-o", str(tmp_path / "kat.yaml"), "--id", "kat"]) == 0
    (tmp_path / "acme.yaml").write_text(
        "format: tom-audit/catalogue\nformat_version: 1\nid: acme\nversion: '1'\ntitle: {de: ACME}\n"
        "languages: [de]\nextends: kat.yaml\nexclude:\n  - {id: BB.2, reason: {de: Kein Bedarf}}\n"
        "measures:\n  - {id: ACME-01, category: aa, kind: technical, title: {de: Eigene Maßnahme},"
        " guidance: {de: So.}, level: hoch, references: {}}\n", encoding="utf-8")
    one, two = tmp_path / "1.tom.yaml", tmp_path / "2.tom.yaml"
    assert main(["new", str(one), "--catalogue", str(tmp_path / "acme.yaml")]) == 0
    assert main(["set", str(one), "AA.1.1", "--status", "implemented", "--note", "ja"]) == 0
    two.write_bytes(one.read_bytes())
    assert main(["set", str(two), "ACME-01", "--status", "planned", "--note", "Q3"]) == 0
    assert main(["diff", str(one), str(two)]) == 1
    assert "ACME-01" in capsys.readouterr().out
    assert main(["lint", str(two)]) in (0, 1)
    assert main(["export", str(two), "-o", str(tmp_path / "x.oscal.json")]) == 0
    document = json.loads((tmp_path / "x.oscal.json").read_text(encoding="utf-8"))
    states = {f["target"]["target-id"]: f["target"]["implementation-status"]["state"]
              for f in document["assessment-results"]["results"][0]["findings"]}
    assert states == {"AA.1.1": "implemented", "ACME-01": "planned", "BB.2": "not-applicable"}
