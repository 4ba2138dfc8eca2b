"""The JSON Schemas are valid schemas, the bundled files validate, and every string
exists in German and English."""

from __future__ import annotations

import re
import string

import pytest
from jsonschema import Draft202012Validator

from tom_audit.i18n import table
from tom_audit.locations import catalogues_dir
from tom_audit.store import schema
from tom_audit.store.catalogue_store import load_catalogue_file


@pytest.mark.parametrize("name", schema.SCHEMAS)
def test_schema_is_a_valid_2020_12_schema(name):
    Draft202012Validator.check_schema(schema.schema(name))


@pytest.mark.parametrize("path", sorted(catalogues_dir().rglob("*.yaml")), ids=lambda p: p.name)
def test_bundled_and_example_catalogues_load(path):
    catalogue = load_catalogue_file(path)
    assert catalogue.measures


def test_both_languages_have_the_same_strings():
    de, en = table("de"), table("en")
    assert sorted(set(de) - set(en)) == []
    assert sorted(set(en) - set(de)) == []


def test_placeholders_match_between_languages():
    de, en = table("de"), table("en")
    # {count|Frage|Fragen} is the field count with its singular and plural words
    fields = lambda text: sorted({f.split("|")[0] for _, f, _, _ in string.Formatter().parse(text) if f})
    mismatched = [k for k in de if fields(de[k]) != fields(en[k])]
    assert mismatched == []


def test_every_problem_key_has_a_hint():
    de = table("de")
    messages = [k for k in de if k.startswith("problem.") and not k.endswith(".hint")]
    assert [k for k in messages if f"{k}.hint" not in de] == []


def test_every_key_used_in_the_core_exists():
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "tom_audit"
    used = set()
    for path in root.rglob("*.py"):
        if "tui" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'\btr\(\s*"([a-z0-9_.]+)"', text))
        used |= {f"problem.{k}" for k in re.findall(r'Problem\([^,]+,\s*"([a-z0-9_.]+)"', text)}
    de = table("de")
    assert sorted(k for k in used if k not in de) == []


def test_no_string_key_is_defined_by_two_areas():
    from tom_audit.i18n import de, en

    for package in (de, en):
        seen: dict[str, str] = {}
        for area, strings in package.AREAS.items():
            for key in strings:
                assert key not in seen, f"{key} in {seen.get(key)} and {area}"
                seen[key] = area
