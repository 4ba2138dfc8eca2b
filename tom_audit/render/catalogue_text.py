"""A catalogue as readable text: plain for the terminal, Markdown for docs/catalogue.md."""

from __future__ import annotations

from tom_audit.i18n import tr
from tom_audit.model.catalogue import Catalogue, Measure


def _condition(catalogue: Catalogue, measure: Measure, lang: str, condition: dict | None = None) -> str:
    parts = []
    for question_id, wanted in (measure.applies_if if condition is None else condition or {}).items():
        question = catalogue.scoping_by_id.get(question_id)
        values = wanted if isinstance(wanted, list) else [wanted]
        labels = []
        for value in values:
            if isinstance(value, bool):
                labels.append(tr("word.yes" if value else "word.no", lang))
            else:
                option = next((o for o in question.options if o.id == value), None) if question else None
                labels.append(option.label(lang) if option else str(value))
        parts.append(f"{question_id} = {' | '.join(labels)}")
    return "; ".join(parts)


def _references(measure: Measure) -> str:
    groups = [("ISO 27001", measure.references.get("iso27001", ())), ("BSI", measure.references.get("bsi", ())),
              ("GS++", measure.references.get("gspp", ())), ("SDM", measure.references.get("sdm", ()))]
    return "; ".join(f"{name} {', '.join(ids)}" for name, ids in groups if ids)


def _measure_facts(catalogue: Catalogue, measure: Measure, lang: str) -> list[tuple[str, str]]:
    facts = [
        (tr("catalogue.kind", lang), tr(f"kind.{measure.kind}", lang)),
        (tr("catalogue.level", lang), tr(f"level.{measure.level}", lang)),
    ]
    for condition, level in measure.level_if:
        facts.append((tr("catalogue.level_if", lang),
                      f"{_condition(catalogue, measure, lang, condition)} → {tr(f'level.{level}', lang)}"))
    if measure.applies_if:
        facts.append((tr("catalogue.applies_if", lang), _condition(catalogue, measure, lang)))
        if measure.not_applicable_reason:
            facts.append((tr("catalogue.na_reason", lang), measure.not_applicable_reason(lang)))
        if measure.see:
            facts.append((tr("catalogue.see", lang), ", ".join(measure.see)))
    if measure.replaces:
        facts.append((tr("catalogue.replaces", lang), ", ".join(measure.replaces)))
    for hint in measure.evidence:
        facts.append((tr("catalogue.evidence", lang), f"{tr(f'evidence.{hint.kind}', lang)}: {hint.hint(lang)}"))
    for question in measure.questions:
        unit = f" [{question.unit(lang)}]" if question.unit else ""
        options = f" ({', '.join(o.label(lang) for o in question.options)})" if question.options else ""
        facts.append((tr("catalogue.question", lang), f"{question.label(lang)}{unit}{options}"))
    refs = _references(measure)
    if refs:
        facts.append((tr("catalogue.references", lang), refs))
    if measure.deprecated_reason:
        replaced = f" → {measure.replaced_by}" if measure.replaced_by else ""
        facts.append((tr("catalogue.deprecated", lang), measure.deprecated_reason(lang) + replaced))
    return facts


def catalogue_text(catalogue: Catalogue, lang: str) -> str:
    out = [f"{catalogue.title(lang)} ({catalogue.id} {catalogue.version})"]
    if catalogue.description:
        out.append(catalogue.description(lang))
    out.append("")
    out.append(tr("catalogue.scoping", lang))
    for question in catalogue.scoping:
        out.append(f"  [{question.id}] {question.question(lang)}")
    for category in catalogue.categories:
        out += ["", f"== {category.title(lang)} [{category.id}]", f"   {category.goal(lang)}"]
        for measure in catalogue.measures_by_category.get(category.id, ()):
            out += ["", f"  {measure.id}  {measure.title(lang)}", f"      {measure.guidance(lang)}"]
            out += [f"      {label}: {value}" for label, value in _measure_facts(catalogue, measure, lang)]
    return "\n".join(out) + "\n"


def catalogue_markdown(catalogue: Catalogue, lang: str) -> str:
    out = [f"# {catalogue.title(lang)}", "",
           f"`{catalogue.id}` {tr('catalogue.col.version', lang)} {catalogue.version}"
           f" · {len(catalogue.categories)} {tr('catalogue.col.categories', lang)}"
           f" · {len(catalogue.measures)} {tr('catalogue.col.measures', lang)}", ""]
    if catalogue.description:
        out += [catalogue.description(lang), ""]
    out += [f"## {tr('catalogue.scoping', lang)}", ""]
    out += [f"- `{q.id}`: {q.question(lang)}" for q in catalogue.scoping]
    for category in catalogue.categories:
        out += ["", f"## {category.title(lang)} (`{category.id}`)", "", f"*{category.goal(lang)}*", ""]
        for measure in catalogue.measures_by_category.get(category.id, ()):
            out += [f"### {measure.id} {measure.title(lang)}", "", measure.guidance(lang), ""]
            out += [f"- **{label}:** {value}" for label, value in _measure_facts(catalogue, measure, lang)]
            out.append("")
    return "\n".join(out).rstrip() + "\n"
