"""Hostile and broken sources for `catalogue import`, `catalogue map` and the open-format
exports: each is refused with FILE:LINE, the JSON pointer and what to do (exit 2), and the
output file stays exactly as it was (or is never created)."""

from __future__ import annotations

import json

import pytest

from tom_audit.cli.main import main

GOOD = {"catalog": {"uuid": "x", "metadata": {"title": "T", "version": "1"},
                    "groups": [{"id": "g", "title": "G", "controls": [{"id": "G.1", "title": "One"}]}]}}


def _bad(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content, indent=1), encoding="utf-8")
    return path


CASES = {
    "syntax.json": ('{"catalog": {', "JSON-Syntaxfehler"),
    "list.json": ("[1, 2]", "Weder ein OSCAL-Katalog"),
    "other.json": ({"component-definition": {}}, "Weder ein OSCAL-Katalog"),
    "catalog.xml": ("<catalog/>", "XML"),
    "ours.yaml": ("format: tom-audit/catalogue\nformat_version: 1\n", "bereits eine tom-audit-Datei"),
    "bad-id.json": ({"catalog": {"metadata": {"title": "T"}, "groups": [
        {"id": "g", "title": "G", "controls": [{"id": "rm -rf /", "title": "x"}]}]}}, "/catalog/groups/0/controls/0/id"),
    "escape-id.json": ({"catalog": {"metadata": {"title": "T"}, "groups": [
        {"id": "g", "title": "G", "controls": [{"id": "A\u001b[31m", "title": "x"}]}]}}, "taugt nicht"),
    "dup.json": ({"catalog": {"metadata": {"title": "T"}, "groups": [
        {"id": "g", "title": "G", "controls": [{"id": "A.1", "title": "x"}, {"id": "A.1", "title": "y"}]}]}},
        "/catalog/groups/0/controls/1/id"),
    "group-not-object.json": ({"catalog": {"metadata": {"title": "T"}, "groups": ["x"]}}, "/catalog/groups/0"),
    "empty.json": ({"catalog": {"metadata": {"title": "T"}, "groups": []}}, "keine einzige Anforderung"),
    "profile.json": ({"profile": {"metadata": {"title": "P"}, "imports": [{"href": "missing-catalog.json", "include-all": {}}]}},
                     "/profile/imports/0/href"),
    "profile-none.json": ({"profile": {"metadata": {"title": "P"}}}, "importiert keinen Katalog"),
    "ciso.yaml": ("objects:\n  framework:\n    requirement_nodes:\n      - {urn: a, assessable: true, ref_id: 'x y'}\n",
                  "/objects/framework/requirement_nodes/0/ref_id"),
    "ciso-parent.yaml": ("objects:\n  framework:\n    requirement_nodes:\n      - {urn: a, parent_urn: zz, assessable: true, ref_id: A1}\n",
                         "parent_urn"),
    "ciso-empty.yaml": ("objects:\n  framework:\n    name: x\n", "requirement_nodes"),
    "dup-key.yaml": ("objects: {}\nobjects: {}\n", "doppelt"),
    "binary.json": ("\x00\x01", "Binärdaten"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_import_refuses_and_leaves_the_target_alone(name, tmp_path, capsys):
    content, expected = CASES[name]
    source = _bad(tmp_path, name, content)
    target = tmp_path / "out.yaml"
    target.write_bytes(b"previous: content\n")
    assert main(["catalogue", "import", str(source), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert expected in err
    assert "Traceback" not in err and "interner Fehler" not in err.lower()
    assert f"{source.name}:" in err  # the file is named, with a line where there is one
    assert target.read_bytes() == b"previous: content\n"


def test_import_never_creates_a_partial_file(tmp_path):
    source = _bad(tmp_path, "dup.json", CASES["dup.json"][0])
    assert main(["catalogue", "import", str(source), "-o", str(tmp_path / "new.yaml")]) == 2
    assert not (tmp_path / "new.yaml").exists()


def test_import_refuses_to_overwrite_an_assessment_or_its_source(new_file, tmp_path, capsys):
    source = _bad(tmp_path, "good.json", GOOD)
    before = new_file.read_bytes()
    assert main(["catalogue", "import", str(source), "-o", str(new_file)]) == 2
    assert new_file.read_bytes() == before
    assert main(["catalogue", "import", str(source), "-o", str(source)]) == 2
    assert "dieselbe Datei" in capsys.readouterr().err
    assert json.loads(source.read_text(encoding="utf-8")) == GOOD


@pytest.mark.parametrize("option", [["--level-map", "erhöht"], ["--level-map", "erhöht=extrem"], ["--resolve", "x"]])
def test_bad_options_are_named(option, tmp_path, capsys):
    source = _bad(tmp_path, "good.json", GOOD)
    assert main(["catalogue", "import", str(source), "-o", str(tmp_path / "o.yaml"), *option]) == 2
    assert option[0] in capsys.readouterr().err
    assert not (tmp_path / "o.yaml").exists()


def test_an_id_that_is_no_reference_of_that_kind_is_not_claimed(tmp_path):
    source = _bad(tmp_path, "good.json", {"catalog": {"metadata": {"title": "T"}, "groups": [
        {"id": "g", "title": "G", "controls": [{"id": "x", "title": "One"}]}]}})
    assert main(["catalogue", "import", str(source), "-o", str(tmp_path / "o.yaml"), "--ref-key", "gspp"]) == 0
    from tom_audit.store.catalogue_store import load_catalogue_file

    assert load_catalogue_file(tmp_path / "o.yaml").measures[0].references == {}  # `x` is no Grundschutz++ id


def test_map_refuses_a_non_mapping_and_keeps_the_target(tmp_path, capsys):
    not_mapping = _bad(tmp_path, "m.json", {"catalog": {}})
    target = tmp_path / "o.yaml"
    target.write_bytes(b"x: 1\n")
    assert main(["catalogue", "map", "tom-art32", str(not_mapping), "-o", str(target)]) == 2
    assert "mapping-collection" in capsys.readouterr().err
    assert target.read_bytes() == b"x: 1\n"


def test_soa_needs_an_xlsx_name(new_file, tmp_path, capsys):
    assert main(["export", str(new_file), "-o", str(tmp_path / "soa.md"), "--soa", "iso27001"]) == 2
    assert ".xlsx" in capsys.readouterr().err
    assert not (tmp_path / "soa.md").exists()


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tom_audit.interop.catalogue_import import convert  # noqa: E402
from tom_audit.problems import InputError  # noqa: E402

_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=8),
                     st.sampled_from(["A.1", "5.15", "x", "statement", "guidance", "sec_level", "erhöht", "#u"]))
_json = st.recursive(_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.sampled_from(["id", "title", "groups", "controls", "parts", "props", "name", "value",
                                     "prose", "params", "metadata", "imports", "href", "include-all",
                                     "include-controls", "with-ids", "requirement_nodes", "urn", "parent_urn",
                                     "ref_id", "assessable", "back-matter", "resources", "rlinks", "ns"]),
                    inner, max_size=5)), max_leaves=25)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(["catalog", "profile", "ciso"]), body=_json)
def test_any_shape_of_source_is_imported_or_refused_never_crashes(tmp_path_factory, kind, body):
    folder = tmp_path_factory.mktemp("fuzz")
    document = {"objects": {"framework": body}} if kind == "ciso" else {kind: body}
    source = folder / "source.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    try:
        convert(source, folder / "out.yaml")
    except InputError as error:
        assert error.problems and all(p.file for p in error.problems)
    assert not (folder / "out.yaml").exists()  # convert never writes


_ODD = [5, "x", None, [], {}, [5], ["x"], {"a": 1}, True]
_CONTROL = {"id": "A.1", "title": "t", "props": [{"name": "sec_level", "value": "x"}],
            "parts": [{"name": "statement", "prose": "p"}], "params": [{"id": "p1", "label": "L"}], "controls": []}


def _shapes(value):
    """Every place of each source kind given `value` instead of what belongs there."""
    for key in _CONTROL:
        yield {"catalog": {"metadata": {"title": "T"}, "groups": [{"id": "g", "title": "G", "controls": [{**_CONTROL, key: value}]}]}}
    yield {"catalog": {"metadata": value, "groups": [{"id": "g", "title": value, "controls": [_CONTROL], "props": value,
                                                      "parts": value, "groups": value}]}}
    yield {"catalog": {"metadata": {"title": "T"}, "groups": value, "controls": value}}
    yield {"profile": {"metadata": value, "imports": [{"href": value, "include-controls": value,
                                                      "exclude-controls": value}], "modify": value, "back-matter": value}}
    yield {"profile": {"imports": value}}
    node = {"urn": "a", "assessable": True, "ref_id": "A1"}
    for key in ("name", "description", "implementation_groups", "translations", "parent_urn", "urn", "ref_id"):
        yield {"locale": value, "objects": {"framework": {"name": value, "requirement_nodes": [{**node, key: value}]}}}


@pytest.mark.parametrize("value", _ODD, ids=repr)
def test_wrong_shapes_in_every_place_are_refused_or_read_never_crash(value, tmp_path):
    for i, document in enumerate(_shapes(value)):
        source = tmp_path / f"s{i}.json"
        source.write_text(json.dumps(document), encoding="utf-8")
        try:
            convert(source, tmp_path / "out.yaml")
        except InputError as error:
            assert error.problems


def test_terminal_escapes_and_bidi_overrides_never_reach_the_catalogue(tmp_path):
    source = _bad(tmp_path, "esc.json", {"catalog": {"metadata": {"title": "T\u001b]0;pwned\u0007"}, "groups": [
        {"id": "g", "title": "G\u202e", "controls": [
            {"id": "A.1", "title": "Titel\u001b[2J", "parts": [{"name": "statement", "prose": "Tu\u001b[31mdas\r\njetzt\t!"}]}]}]}})
    result = convert(source, tmp_path / "out.yaml")
    measure = result.catalogue.measures[0]
    assert measure.title("de") == "Titel[2J: Tu[31mdas\njetzt !"  # ESC gone, the rest is plain text
    assert result.catalogue.title("de") == "T]0;pwned"
    assert "\u202e" not in result.catalogue.categories[0].title("de")
    assert "\x1b" not in result.text and "\\u001b" not in result.text


@pytest.mark.parametrize("command", [["new", "OUT.tom.yaml", "--catalogue"], ["catalogue", "show"], ["validate"],
                                     ["status"], ["open"], ["lint"]])
@pytest.mark.parametrize("name,document,kind", [
    ("lib.yaml", "objects:\n  framework:\n    requirement_nodes: []\n", "CISO-Assistant-Bibliothek"),
    ("kernel-catalog.json", json.dumps(GOOD), "OSCAL-Katalog"),
    ("p.json", json.dumps({"profile": {"imports": []}}), "OSCAL-Profil")])
def test_a_framework_given_where_our_file_belongs_says_how_to_import_it(command, name, document, kind, tmp_path,
                                                                        capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text(document, encoding="utf-8")
    args = [a.replace("OUT", str(tmp_path / "out")) for a in command] + [name]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert kind in err and f"tom-audit catalogue import {name}" in err, err
    assert not (tmp_path / "out.tom.yaml").exists()
