"""Hand-edited registers: whatever the `providers:` part of the SaaS example holds, once it
loads (or fails to), no command ends in "internal error" (exit 3), and a refused change
leaves the file as it was. Hypothesis changes one to three places of the register."""

from __future__ import annotations

import copy
import os
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tom_audit.cli.main import main

SAAS = Path(__file__).resolve().parents[1] / "examples" / "cloud-saas.tom.yaml"
_SEED = yaml.safe_load(SAAS.read_text(encoding="utf-8"))

texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=20)
scalars = st.one_of(texts, st.integers(-10**6, 10**6), st.booleans(), st.none(),
                    st.sampled_from(["US", "DE", "ZZ", "scc", "dpf", "adequacy", "2026-02-30", "2026-01-01", "", "nimbus"]))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                       st.dictionaries(texts, inner, max_size=2)), max_leaves=5)


def _places(node, path):
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _places(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _places(value, (*path, index))


_PLACES = [p for p in _places(_SEED["providers"], ("providers",))] + [("measures", "ENT-09", "provider")]


@st.composite
def mutated(draw):
    data = copy.deepcopy(_SEED)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_PLACES))
        target = data
        try:
            for step in path[:-1]:
                target = target[step]
            target[path[-1]] = draw(values)
        except (KeyError, IndexError, TypeError):
            pass
    return data


COMMANDS = [
    ["lint", "F"], ["export", "F", "-o", "OUT.xlsx"], ["export", "F", "-o", "OUT.md"], ["provider", "list", "F"],
    ["provider", "set", "F", "nimbus", "--service", "neu"], ["provider", "add", "F", "--name", "Neu", "--country", "US"],
    ["provider", "remove", "F", "altwolke"], ["provider", "notice", "F", "--since", "GOOD", "-o", "OUT.md"],
    ["provider", "notice", "GOOD", "--since", "F", "-o", "OUT.json"],
]
WRITERS = {"set", "add", "remove"}


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    shutil.copy(SAAS, folder / "good.tom.yaml")
    return folder


@settings(max_examples=int(os.environ.get("TOM_AUDIT_FUZZ_EXAMPLES", "5")), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=mutated())
def test_no_provider_command_ends_in_an_internal_error(data, workdir, capsys):
    target = workdir / "fuzz.tom.yaml"
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    for argv in COMMANDS:
        target.write_text(text, encoding="utf-8")
        args = [str(target) if a == "F" else a.replace("GOOD", str(workdir / "good.tom.yaml"))
                .replace("OUT", str(workdir / "out")) for a in argv]
        code = main(args)
        err = capsys.readouterr().err
        assert code in (0, 1, 2), f"{' '.join(argv)}: exit {code}\n{err}"
        assert "Traceback" not in err
        if code == 2 and len(argv) > 1 and argv[1] in WRITERS:
            assert target.read_text(encoding="utf-8") == text, f"{argv} changed a file it refused"
