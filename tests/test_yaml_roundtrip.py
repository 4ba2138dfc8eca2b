"""Load and save are exact inverses, whatever users type: umlauts, emoji, multi-line notes,
and strings that YAML would like to turn into something else."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tom_audit.model.assessment import (
    Answer, Assessment, CatalogueRef, Change, Evidence, Gap, Organisation, Review, Scope,
)
from tom_audit.store.assessment_store import read_document, render, save_assessment
from tom_audit.store.yaml_emit import dump
from tom_audit.store.yaml_fast import NotOurs, fast_parse
from tom_audit.store.yaml_load import _Loader, parse_yaml
from tom_audit.text_rules import REFUSED, clean_line_ends, url_has_password

import yaml

TRICKY = ["yes", "no", "on", "off", "null", "~", "true", "NULL", "1.0", "1e3", "0123", "0x1F", "2026-01-01",
          "- x", ": ", "a: b", "#comment", "&anchor", "*alias", "!tag", "|", ">", "'", '"', "\\", "%",
          "@", "`", "{}", "[]", "", " ", " leading", "trailing ", "tab\there", "\ttab", "line\nbreak",
          "ends with newline\n", "\n", "crlf\r\n", "nel\x85x", "ls\u2028x", "bom\ufeff", "del\x7f",
          "ü ö ä ß", "😀 emoji", "=HYPERLINK(\"x\")", "multi\n\n  indented\nlines", "ende\n\n"]

raw_text = st.one_of(st.sampled_from(TRICKY), st.text(max_size=40),
                     st.lists(st.sampled_from(TRICKY), max_size=4).map("".join))
# What the loader accepts (tom_audit.text_rules): CR LF is stored as LF, and control
# characters, surrogates and noncharacters are refused where text enters, so a file never
# holds them (tests/test_text_safety.py checks that they are refused).
text = raw_text.map(lambda t: REFUSED.sub("", clean_line_ends(t)))
ident = st.from_regex(r"[A-Z]{2,4}-[0-9]{2}", fullmatch=True)
date = st.dates().map(lambda d: d.isoformat())
number = st.one_of(st.integers(-10**9, 10**9), st.floats(allow_nan=False, allow_infinity=False, width=64))


@st.composite
def answers(draw):
    return Answer(
        status=draw(st.sampled_from([None, "implemented", "partial", "planned", "not_implemented", "not_applicable"])),
        to_confirm=draw(st.booleans()),
        note=draw(text), owner=draw(text),
        answers=draw(st.dictionaries(st.from_regex(r"[a-z][a-z_]{0,10}", fullmatch=True),
                                     st.one_of(number, text), max_size=3)),
        evidence=draw(st.lists(st.builds(
            Evidence, ref=text.filter(lambda t: t and not url_has_password(t)), kind=st.sampled_from(["policy", "log", "other"]),
            description=text, date=st.one_of(st.just(""), date), valid_until=st.one_of(st.just(""), date),
            sha256=st.one_of(st.just(""), st.from_regex(r"[0-9a-f]{64}", fullmatch=True)),
            size=st.one_of(st.none(), st.integers(0, 10**12)),
        ), max_size=2)),
        gap=draw(st.one_of(st.none(), st.builds(Gap, description=text, risk=st.sampled_from(["", "low", "high"]),
                                                action=text, owner=text, due=st.one_of(st.just(""), date)))),
        review=draw(st.one_of(st.none(), st.builds(Review, state=st.sampled_from(["open", "rejected"]),
                                                   reviewer=text, date=st.one_of(st.just(""), date), comment=text))),
        changed=draw(st.one_of(st.none(), st.builds(Change, by=text, at=st.just("2026-11-21T10:00:00+01:00")))),
    )


@st.composite
def assessments(draw):
    return Assessment(
        id="7f0c6a2e-0000-4000-8000-000000000001",
        previous=draw(st.one_of(st.just(""), st.uuids().map(str))),
        catalogue=CatalogueRef(id="tom-art32", version=draw(text), sha256="a" * 64,
                               source=draw(st.one_of(st.just("bundled"), text.filter(bool)))),
        organisation=Organisation(name=draw(text), address=draw(text)),
        scope=Scope(service=draw(text), protection_need=draw(st.sampled_from(["normal", "hoch", "sehr_hoch"]))),
        language=draw(st.sampled_from(["de", "en"])),
        scoping=draw(st.dictionaries(st.from_regex(r"[a-z_]{1,12}", fullmatch=True),
                                     st.one_of(st.booleans(), st.from_regex(r"[a-z_]{1,8}", fullmatch=True)), max_size=4)),
        measures={k: v for k, v in draw(st.dictionaries(ident, answers(), max_size=4)).items() if v != Answer()},
        fingerprints=draw(st.dictionaries(ident, st.from_regex(r"[0-9a-f]{12}", fullmatch=True), max_size=4)),
        extra=draw(st.dictionaries(st.from_regex(r"x_[a-z]{1,6}", fullmatch=True), text, max_size=2)),
    )


def _same_numbers(a, b):
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    return a == b


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(assessments())
def test_assessment_survives_save_and_load(tmp_path, assessment):
    path = tmp_path / "a.tom.yaml"
    save_assessment(path, assessment)
    loaded, warnings, _ = read_document(path)
    assert loaded == assessment
    assert [w.params["key"] for w in warnings] == list(assessment.extra)  # unknown keys: kept and reported


documents = st.recursive(
    st.one_of(st.none(), st.booleans(), number, raw_text),
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.one_of(raw_text, ident), inner, max_size=3)),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.one_of(raw_text, ident), documents, max_size=4))
def test_fast_reader_agrees_with_yaml_on_everything_we_write(document):
    written = dump(document, "header line")
    assert yaml.load(written, Loader=_Loader) == document
    assert parse_yaml(written, "x") == document
    try:
        assert fast_parse(written) == document
    except NotOurs:
        pass  # allowed: the full loader then reads it, as the line above shows


def test_fast_reader_reads_what_the_emitter_writes(new_file):
    # the ordinary case must take the fast path, or opening large files gets slow again
    text = new_file.read_text(encoding="utf-8")
    assert fast_parse(text)["format"] == "tom-audit/assessment"


def test_hand_written_yaml_keeps_strings_as_written(tmp_path, new_file):
    text = new_file.read_text(encoding="utf-8").replace(
        "measures: {}",
        "measures:\n  ENT-01:\n    status: implemented\n    note: no\n    owner: 1.10\n"
        "    evidence:\n      - ref: 2026-01-01\n        date: 2026-01-01\n",
    )
    new_file.write_text(text, encoding="utf-8")
    assessment, warnings, _ = read_document(new_file)
    answer = assessment.measures["ENT-01"]
    assert answer.note == "no"
    assert answer.owner == "1.10"
    assert answer.evidence[0].ref == "2026-01-01"
    assert answer.evidence[0].date == "2026-01-01"
    assert warnings == []


def test_render_is_stable(new_file):
    assessment, _, _ = read_document(new_file)
    assert render(assessment) == new_file.read_text(encoding="utf-8")
