"""Kind 6 of issue 9 by property: whatever a hand-edited assessment holds, once it loads (or
fails to), no command ends in "internal error" (exit 3). The seed is the shipped, fully
filled example; hypothesis changes one to three places in it to any YAML value (text with
odd characters, numbers, booleans, null, lists, mappings) and runs the file through every
command that reads an assessment: set, status, lint, validate, export (every format), diff,
approve, import-review. Each must end 0, 1 or 2; a refused change leaves the file as it was.
Six examples a run keep the suite fast; TOM_AUDIT_FUZZ_EXAMPLES=500 explores further."""

from __future__ import annotations

import copy
import os
import shutil

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLE
from tom_audit.cli.main import main

_SEED = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))

texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
scalars = st.one_of(texts, st.integers(-10**20, 10**20), st.floats(allow_nan=False, allow_infinity=False),
                    st.booleans(), st.none(), st.sampled_from(["implemented", "open", "2026-13-45", "ENT-01", "", "1.0"]))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                       st.dictionaries(texts, inner, max_size=3)), max_leaves=6)


def _places(node, path=()):
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _places(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _places(value, (*path, index))


_PLACES = [p for p in _places(_SEED) if p]  # every value of the example, at any depth


def _put(data, path, value):
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value


@st.composite
def mutated(draw):
    data = copy.deepcopy(_SEED)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_PLACES))
        try:
            _put(data, path, draw(values))
        except (KeyError, IndexError, TypeError):
            pass  # an earlier change removed this place
    return data


COMMANDS = [
    ["set", "F", "ENT-02", "--note", "neu"],
    ["set", "F", "ENT-04", "--status", "partial"],
    ["status", "F"],
    ["validate", "F"],
    ["lint", "F"],
    ["export", "F", "-o", "OUT.xlsx"],
    ["export", "F", "-o", "OUT.md"],
    ["export", "F", "-o", "OUT.json"],
    ["diff", "GOOD", "F"],
    ["diff", "F", "GOOD"],
    ["approve", "F", "--by", "DSB", "--force"],
    ["import-review", "F", "BOOK"],
]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(EXAMPLE.parent / "evidence", folder / "evidence", dirs_exist_ok=True) \
        if (EXAMPLE.parent / "evidence").is_dir() else None
    good = folder / "good.tom.yaml"
    shutil.copy(EXAMPLE, good)
    assert main(["export", str(good), "-o", str(folder / "book.xlsx")]) == 0
    return folder


@settings(max_examples=int(os.environ.get("TOM_AUDIT_FUZZ_EXAMPLES", "6")), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(data=mutated())
def test_no_command_ends_in_an_internal_error_whatever_the_file_holds(data, workdir, capsys):
    target = workdir / "fuzz.tom.yaml"
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    for argv in COMMANDS:
        target.write_text(text, encoding="utf-8")
        args = [a.replace("GOOD", str(workdir / "good.tom.yaml")).replace("BOOK", str(workdir / "book.xlsx"))
                .replace("OUT", str(workdir / "out")) for a in argv]
        args = [str(target) if a == "F" else a for a in args]
        code = main(args)
        err = capsys.readouterr().err
        assert code in (0, 1, 2), f"{' '.join(argv)}: exit {code}\n{err}\n--- file:\n{text[:3000]}"
        assert "Traceback" not in err
        if code == 2 and argv[0] in ("set", "approve", "import-review"):
            assert target.read_text(encoding="utf-8") == text, f"{argv[0]} changed a file it refused"


odd_texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=20) | st.sampled_from(
    ["2026-01-01\n", "1.0\n", "2027-02-30", " 2026-01-01", "null", "- x", "#x", "a: b", "\t", "x\r\ny", "\u2028"])


@settings(max_examples=int(os.environ.get("TOM_AUDIT_FUZZ_EXAMPLES", "6")) * 3, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(value=odd_texts, option=st.sampled_from(["--note", "--owner", "--valid-until", "--evidence-description",
                                                  "--answer", "--version", "--by"]))
def test_whatever_set_or_approve_accept_reads_back(value, option, workdir, capsys):
    """A value a command accepts must never make the file unreadable: `set --valid-until
    $'2026-01-01\\n'` passed the date check (Python's `$`) and every later command failed."""
    target = workdir / "readback.tom.yaml"
    shutil.copy(workdir / "good.tom.yaml", target)
    if option == "--version":
        argv = ["approve", str(target), "--by", "DSB", "--force", "--version", value]
    elif option == "--by":
        argv = ["approve", str(target), "--force", "--by", value]
    elif option == "--answer":
        argv = ["set", str(target), "ENT-02", "--answer", f"entry_rights_review_months={value}"]
    elif option in ("--valid-until", "--evidence-description"):
        argv = ["set", str(target), "ENT-02", "--evidence", "https://wiki.example/x", option, value]
    else:
        argv = ["set", str(target), "ENT-02", option, value]
    before = target.read_bytes()
    code = main(argv)
    err = capsys.readouterr().err
    assert code in (0, 2), err
    if code == 2:
        assert target.read_bytes() == before
    assert main(["validate", str(target)]) == 0, capsys.readouterr().err
