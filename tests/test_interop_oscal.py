"""OSCAL out and back: our catalogue -> OSCAL catalog -> our catalogue gives the same
measures; assessment-results say what the user said and no more; both validate with
compliance-trestle's OSCAL models and come out byte-identical twice."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from trestle.oscal.assessment_results import AssessmentResults
from trestle.oscal.catalog import Catalog

from tom_audit.cli.main import main
from tom_audit.interop.catalogue_import import convert
from tom_audit.interop.oscal_export import assessment_to_results, catalogue_to_catalog, dumps
from tom_audit.store.assessment_store import load_assessment
from tom_audit.store.catalogue_store import load_catalogue_file


def _same_measures(ours, back, lang):
    assert [m.id for m in back.measures] == [m.id for m in ours.measures]
    assert [c.id for c in back.categories] == [c.id for c in ours.categories]
    for measure in ours.measures:
        other = back.measure_by_id[measure.id]
        assert (other.category, other.kind, other.level, other.references) == (
            measure.category, measure.kind, measure.level, measure.references)
        assert other.title(lang) == measure.title(lang).strip()
        assert other.guidance(lang) == measure.guidance(lang).strip()
        assert [(e.kind, e.hint(lang)) for e in other.evidence] == [(e.kind, e.hint(lang).strip()) for e in measure.evidence]


def test_bundled_catalogue_round_trips_through_oscal_in_each_language(catalogue, tmp_path):
    for lang in ("de", "en"):
        out = tmp_path / f"tom.{lang}.oscal.json"
        assert main(["catalogue", "export", "tom-art32", "-o", str(out), "--lang", lang]) == 0
        document = json.loads(out.read_text(encoding="utf-8"))
        Catalog.model_validate(document["catalog"])
        back = tmp_path / f"back.{lang}.yaml"
        assert main(["catalogue", "import", str(out), "-o", str(back), "--source-lang", lang]) == 0
        result = load_catalogue_file(back)
        assert result.id == "tom-art32" and result.languages == (lang,)
        _same_measures(catalogue, result, lang)


def test_catalog_export_is_deterministic(tmp_path):
    one, two = tmp_path / "1.json", tmp_path / "2.json"
    assert main(["catalogue", "export", "tom-art32", "-o", str(one)]) == 0
    assert main(["catalogue", "export", "tom-art32", "-o", str(two)]) == 0
    assert one.read_bytes() == two.read_bytes()


_ids = st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9._-]{0,10}[A-Za-z0-9]\Z")
_text = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85\ufeff"),
                min_size=1, max_size=40).filter(lambda t: t.strip() == t and t)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ids=st.lists(_ids, min_size=1, max_size=6, unique=True), titles=st.lists(_text, min_size=6, max_size=6),
       level=st.sampled_from(["normal", "hoch", "sehr_hoch"]))
def test_any_catalogue_round_trips(tmp_path_factory, ids, titles, level):
    """Ids the sources write (5.15, ORP.4.A8, OIS-01, x_1) and any one-line text survive."""
    folder = tmp_path_factory.mktemp("rt")
    lines = ["format: tom-audit/catalogue", "format_version: 1", "id: rt", 'version: "1"', "title: {de: T}",
             "languages: [de]", "categories:", "  - {id: c, title: {de: C}, goal: {de: G}}", "measures:"]
    for i, measure_id in enumerate(ids):
        lines += [f"  - id: {json.dumps(measure_id, ensure_ascii=False)}", "    category: c", "    kind: technical",
                  f"    title: {{de: {json.dumps(titles[i], ensure_ascii=False)}}}", f"    guidance: {{de: {json.dumps(titles[-1 - i], ensure_ascii=False)}}}",
                  f"    level: {level}", "    references: {iso27001: [A.5.15]}"]
    source = folder / "rt.yaml"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ours = load_catalogue_file(source)
    oscal = folder / "rt.oscal.json"
    oscal.write_text(dumps(catalogue_to_catalog(ours, "de")), encoding="utf-8")
    Catalog.model_validate(json.loads(oscal.read_text(encoding="utf-8"))["catalog"])
    back = convert(oscal, folder / "back.yaml").catalogue
    _same_measures(ours, back, "de")


def test_assessment_results_claim_only_what_was_answered(new_file, tmp_path, catalogue):
    evidence = tmp_path / "policy.pdf"
    evidence.write_bytes(b"%PDF-1.4")
    assert main(["set", str(new_file), "ENT-01", "--status", "implemented", "--note", "=HYPERLINK(\"x\")",
                 "--evidence", str(evidence), "--evidence-description", "Richtlinie"]) == 0
    assert main(["set", str(new_file), "ENT-02", "--status", "not_applicable", "--note", "Kein Serverraum"]) == 0
    out = tmp_path / "a.oscal.json"
    assert main(["export", str(new_file), "-o", str(out)]) == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    AssessmentResults.model_validate(document["assessment-results"])
    result = document["assessment-results"]["results"][0]
    findings = {f["target"]["target-id"]: f for f in result["findings"]}
    assert set(findings) == {"ENT-01", "ENT-02"}  # unanswered measures: no finding, nothing claimed
    assert findings["ENT-01"]["target"]["implementation-status"]["state"] == "implemented"
    assert findings["ENT-01"]["description"] == '=HYPERLINK("x")'  # JSON: text stays text
    assert findings["ENT-02"]["target"]["implementation-status"]["state"] == "not-applicable"
    observation = result["observations"][0]
    assert observation["relevant-evidence"][0]["href"] == "policy.pdf"
    assert observation["relevant-evidence"][0]["description"] == "Richtlinie"
    reviewed = result["reviewed-controls"]["control-selections"][0]["include-controls"]
    assert len(reviewed) == len(catalogue.measures)
    again = tmp_path / "b.oscal.json"
    assert main(["export", str(new_file), "-o", str(again)]) == 0
    assert again.read_bytes() == out.read_bytes()


def test_assessment_results_of_an_empty_assessment_validate(new_file):
    loaded = load_assessment(new_file)
    document = assessment_to_results(loaded, "en")
    AssessmentResults.model_validate(document["assessment-results"])
    assert "findings" not in document["assessment-results"]["results"][0]
