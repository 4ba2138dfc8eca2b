"""The DPO's checks: what a data protection officer would send back, found before they do.

`lint(catalogue, assessment, today=..., evidence_base=...)` returns findings, each with a
stable rule id (TOM001...), a severity, the measure or category it concerns, and a message
key with parameters, so the same finding reads in German or English (`Finding.message`,
`Finding.hint`). The rules are listed in `RULES` and documented in docs/lint-rules.md.

No I/O except through `file_sha`, the one callable that looks at evidence files; tests
pass their own, and `evidence_base=None` leaves the file checks out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from tom_audit.i18n import current_language, has, tr
from tom_audit.logic.applicability import applies, effective
from tom_audit.logic.dates import add_months, parse_date
from tom_audit.logic import na_reasons
from tom_audit.logic.review import changed_since_approval, changed_since_review
from tom_audit.model.assessment import OPEN_GAP_STATES, Answer, Assessment, Evidence
from tom_audit.model.catalogue import Catalogue, Measure, Text

ERROR = "error"
WARNING = "warning"
INFO = "info"
SEVERITIES = (ERROR, WARNING, INFO)  # worst first

CLAIMED = ("implemented", "partial")  # statuses that put a measure into the annex as done
NOT_DONE = ("partial", "planned", "not_implemented")
# The sections real annexes most often miss: nothing implemented there is an error.
KEY_CATEGORIES = ("crypto", "recovery", "review")


@dataclass(frozen=True)
class Rule:
    id: str
    name: str  # message keys are lint.<name> and lint.<name>.hint
    severity: str  # the usual severity; a rule may raise it for a particular case


RULES: tuple[Rule, ...] = (
    Rule("TOM001", "vague_wording", WARNING),
    Rule("TOM002", "no_evidence", WARNING),
    Rule("TOM003", "evidence_expired", ERROR),
    Rule("TOM004", "evidence_stale", WARNING),
    Rule("TOM005", "evidence_file_missing", ERROR),
    Rule("TOM006", "evidence_hash_mismatch", ERROR),
    Rule("TOM007", "na_without_reason", ERROR),
    Rule("TOM008", "required_without_plan", ERROR),
    Rule("TOM009", "gap_overdue", ERROR),
    Rule("TOM010", "empty_category", WARNING),
    Rule("TOM011", "scoping_contradiction", ERROR),
    Rule("TOM012", "deprecated_practice", WARNING),
    Rule("TOM013", "review_overdue", WARNING),
    Rule("TOM014", "missing_numbers", WARNING),
    Rule("TOM015", "planned_without_date", WARNING),
    Rule("TOM016", "certificate_without_validity", INFO),
    Rule("TOM017", "not_confirmed", INFO),
    Rule("TOM018", "unanswered", INFO),
    Rule("TOM019", "changed_since_approval", INFO),
    Rule("TOM020", "annex_metadata_missing", WARNING),
    Rule("TOM021", "changed_since_review", WARNING),
    Rule("TOM022", "na_reason_unsupported", ERROR),
    Rule("TOM023", "na_suggestion_unconfirmed", INFO),
)
RULE_BY_ID = {rule.id: rule for rule in RULES}
_RULE_BY_NAME = {rule.name: rule for rule in RULES}


def _localise(value: Any, lang: str | None) -> Any:
    if isinstance(value, Text):
        return value(lang or current_language())
    return value


@dataclass(frozen=True)
class Finding:
    """One thing a DPO would object to. `params` may hold `Text` values (both languages),
    which are put in the asked language when the finding is rendered."""

    rule: str
    severity: str
    measure_id: str | None
    category_id: str | None
    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def _params(self, lang: str | None) -> dict[str, Any]:
        return {name: _localise(value, lang) for name, value in self.params.items()}

    def message(self, lang: str | None = None) -> str:
        return tr(self.key, lang, **self._params(lang))

    def hint(self, lang: str | None = None, *, ui: bool = False) -> str:
        """What to do. With ui=True, the questionnaire's wording (keys instead of commands)
        where the two differ."""
        key = f"{self.key}.hint.ui" if ui and has(f"{self.key}.hint.ui", lang) else f"{self.key}.hint"
        return tr(key, lang, **self._params(lang))

    def where(self) -> str:
        return self.measure_id or self.category_id or ""

    def render(self, lang: str | None = None) -> str:
        """`MEASURE: severity: message hint [TOM001]`, the measure or category left out
        for findings about the whole assessment."""
        where = self.where()
        head = f"{where}: " if where else ""
        return f"{head}{tr(f'severity.{self.severity}', lang)}: {self.message(lang)} {self.hint(lang)} [{self.rule}]"

    def as_dict(self, lang: str | None = None) -> dict[str, Any]:
        params = {
            name: {"de": value.de, "en": value.en} if isinstance(value, Text) else value
            for name, value in self.params.items()
        }
        return {"rule": self.rule, "severity": self.severity, "measure": self.measure_id,
                "category": self.category_id, "key": self.key, "params": params,
                "message": self.message(lang), "hint": self.hint(lang)}


FileSha = Callable[[Path], "str | None"]  # the file's SHA-256, or None when it is not there


def file_sha(path: Path) -> str | None:
    """The default evidence file check, through tom_audit.store.evidence_files."""
    from tom_audit.store.evidence_files import sha256_of

    try:
        return sha256_of(path) if path.is_file() else None
    except OSError:
        return None


# -- helpers ---------------------------------------------------------------------------------


def _both(key: str, **params: Any) -> Text:
    return Text(tr(key, "de", **params), tr(key, "en", **params))


def _join(texts: Iterable[Text]) -> Text:
    texts = list(texts)
    return Text(", ".join(t.de for t in texts), ", ".join(t.en for t in texts))


# Words and phrases that promise nothing checkable; German and English.
VAGUE = re.compile(
    r"\b(?:angemessen\w*|regelm(?:ä|ae|a)(?:ß|ss)ig\w*|periodisch\w*|soweit\s+m(?:ö|oe)glich|"
    r"wenn\s+m(?:ö|oe)glich|wo\s+m(?:ö|oe)glich|bei\s+bedarf|nach\s+bedarf|stand\s+der\s+technik|"
    r"geeignete?[nmrs]?|ausreichend\w*|zeitnah\w*|in\s+der\s+regel|grunds(?:ä|ae)tzlich|"
    r"sofern\s+erforderlich|falls\s+erforderlich|im\s+rahmen\s+der\s+m(?:ö|oe)glichkeiten|"
    r"state[\s-]+of[\s-]+the[\s-]+art|appropriate(?:ly)?|adequate(?:ly)?|regular(?:ly)?|"
    r"periodic(?:ally)?|as\s+needed|where\s+(?:possible|feasible|necessary)|if\s+(?:possible|necessary|needed)|"
    r"as\s+far\s+as\s+possible|when\s+(?:necessary|needed|required)|as\s+required|sufficient(?:ly)?|"
    r"timely|suitable|reasonable|best\s+practices?)\b",
    re.IGNORECASE,
)
# A note with one of these says something checkable: a number, or a fixed interval.
CONCRETE = re.compile(
    r"\d|\b(?:st(?:ü|ue)ndlich|t(?:ä|ae)glich|n(?:ä|ae)chtlich|w(?:ö|oe)chentlich|monatlich|"
    r"quartalsweise|viertelj(?:ä|ae)hrlich|halbj(?:ä|ae)hrlich|j(?:ä|ae)hrlich|"
    r"hourly|daily|nightly|weekly|fortnightly|monthly|quarterly|annually|yearly|half-yearly|semi-annually)\b",
    re.IGNORECASE,
)


def vague_phrases(note: str) -> list[str]:
    """The vague phrases in a note that has no number or fixed interval to back them."""
    if not note or CONCRETE.search(note):
        return []
    seen: list[str] = []
    for match in VAGUE.finditer(note):
        phrase = " ".join(match.group().split())
        if phrase.casefold() not in (s.casefold() for s in seen):
            seen.append(phrase)
    return seen


class _Collector:
    def __init__(self) -> None:
        self.findings: list[Finding] = []

    def add(self, name: str, measure: Measure | None = None, *, category: str | None = None,
            severity: str | None = None, key: str | None = None, **params: Any) -> None:
        rule = _RULE_BY_NAME[name]
        self.findings.append(Finding(
            rule=rule.id, severity=severity or rule.severity,
            measure_id=measure.id if measure else None,
            category_id=measure.category if measure else category,
            key=f"lint.{key or name}", params=params,
        ))


# -- the rules -------------------------------------------------------------------------------


def _check_note(out: _Collector, measure: Measure, answer: Answer) -> None:
    if not answer.status:
        return
    phrases = vague_phrases(answer.note)
    if phrases and not answer.answers:  # a typed answer (RPO hours, ...) is the concrete fact
        out.add("vague_wording", measure, phrases=Text(", ".join(f"„{p}“" for p in phrases),
                                                        ", ".join(f'"{p}"' for p in phrases)))


def _check_evidence(out: _Collector, measure: Measure, answer: Answer, *, today: date, months: int,
                    evidence_base: Path | None, sha_of: FileSha) -> None:
    if answer.status in CLAIMED and not answer.evidence:
        out.add("no_evidence", measure, status=_both(f"status.{answer.status}"))
    for item in answer.evidence:
        valid_until = parse_date(item.valid_until)
        produced = parse_date(item.date)
        if valid_until and valid_until < today:
            out.add("evidence_expired", measure, ref=item.ref, valid_until=item.valid_until)
        elif produced and add_months(produced, months) < today and not (valid_until and valid_until >= today):
            out.add("evidence_stale", measure, ref=item.ref, date=item.date, months=months)
        if item.kind == "certificate" and not item.valid_until:
            out.add("certificate_without_validity", measure, ref=item.ref)
        if evidence_base is not None and not item.is_url:
            _check_file(out, measure, item, evidence_base, sha_of)


def _check_file(out: _Collector, measure: Measure, item: Evidence, base: Path, sha_of: FileSha) -> None:
    path = Path(item.ref)
    if not path.is_absolute():
        path = base / path
    actual = sha_of(path)
    if actual is None:
        out.add("evidence_file_missing", measure, ref=item.ref)
    elif item.sha256 and actual != item.sha256:
        out.add("evidence_hash_mismatch", measure, ref=item.ref, recorded=item.sha256[:12], actual=actual[:12])


def _ruling_out(catalogue: Catalogue, measure: Measure, scoping: dict[str, Any]) -> tuple[str, Text]:
    """The scoping answer that rules the measure out, as (question id, the answer as text)."""
    for question_id, wanted in (measure.applies_if or {}).items():
        if question_id not in scoping:
            continue
        allowed = wanted if isinstance(wanted, list) else [wanted]
        value = scoping[question_id]
        if value not in allowed:
            if isinstance(value, bool):
                return question_id, _both("word.yes" if value else "word.no")
            question = catalogue.scoping_by_id.get(question_id)
            label = next((o.label for o in question.options if o.id == value), None) if question else None
            return question_id, label or Text(str(value), str(value))
    return "", Text("-", "-")


def _check_status(out: _Collector, catalogue: Catalogue, assessment: Assessment, measure: Measure,
                  answer: Answer, *, today: date) -> None:
    status = answer.status
    in_scope = applies(measure, assessment.scoping) and not measure.excluded_reason
    if status == "not_applicable" and not answer.note.strip() and in_scope:
        out.add("na_without_reason", measure)
    if status in CLAIMED and not in_scope:
        if measure.excluded_reason:
            out.add("scoping_contradiction", measure, key="excluded_contradiction",
                    status=_both(f"status.{status}"), reason=measure.excluded_reason)
        else:
            question, value = _ruling_out(catalogue, measure, assessment.scoping)
            out.add("scoping_contradiction", measure, status=_both(f"status.{status}"), question=question, value=value)
    if status in CLAIMED and measure.deprecated_reason:
        if measure.replaced_by:
            out.add("deprecated_practice", measure, key="deprecated_replaced", reason=measure.deprecated_reason,
                    replaced_by=measure.replaced_by)
        else:
            out.add("deprecated_practice", measure, reason=measure.deprecated_reason)
    if status in CLAIMED and measure.questions:
        missing = [q for q in measure.questions if q.id not in answer.answers]
        if missing:
            out.add("missing_numbers", measure, questions=_join(q.label for q in missing))
    gap = answer.gap
    planned_reported = False
    required = in_scope and not measure.deprecated_reason and measure.required_at(assessment.scope.protection_need, assessment.scoping)
    if status in NOT_DONE and required:
        if not (gap and gap.state == "risk_accepted"):
            missing = [] if gap and gap.state != "done" else ["action", "owner", "due"]
            if not missing:
                missing = [name for name in ("action", "owner", "due") if not getattr(gap, name).strip()]
            if missing:
                out.add("required_without_plan", measure, status=_both(f"status.{status}"),
                        level=_both(f"level.{assessment.scope.protection_need}"),
                        missing=_join(_both(f"lint.field.{name}") for name in missing))
                planned_reported = True
    if status == "planned" and not planned_reported and not measure.deprecated_reason and not (gap and gap.due.strip()):
        out.add("planned_without_date", measure)
    due = parse_date(gap.due) if gap else None
    if gap and due and due < today and gap.state in OPEN_GAP_STATES:
        out.add("gap_overdue", measure, due=gap.due, days=(today - due).days)


def _check_categories(out: _Collector, catalogue: Catalogue, assessment: Assessment) -> None:
    for category in catalogue.categories:
        states = [effective(m, assessment.answer(m.id), assessment.scoping)
                  for m in catalogue.measures_by_category.get(category.id, ())]
        in_scope = [s for s in states if s.status != "not_applicable"]
        if in_scope and not any(s.status == "implemented" for s in in_scope):
            out.add("empty_category", category=category.id, title=category.title,
                    severity=ERROR if category.id in KEY_CATEGORIES else WARNING)


def last_reviewed(assessment: Assessment) -> date | None:
    """When the assessment was last looked at as a whole: the approval, else the latest
    review of any measure, else the day it was created."""
    if assessment.approval and parse_date(assessment.approval.date):
        return parse_date(assessment.approval.date)
    reviews = [parse_date(a.review.date) for a in assessment.measures.values() if a.review and a.review.date]
    reviews = [d for d in reviews if d]
    if reviews:
        return max(reviews)
    return parse_date(assessment.created)


def _check_assessment(out: _Collector, catalogue: Catalogue, assessment: Assessment, *, today: date,
                      months: int) -> None:
    last = last_reviewed(assessment)
    if last and add_months(last, months) < today:
        out.add("review_overdue", last=last.isoformat(), months=months)
    missing = []
    if not assessment.organisation.name.strip():
        missing.append("organisation")
    if not assessment.scope.responsible.strip():
        missing.append("responsible")
    if not assessment.scope.service.strip():
        missing.append("service")
    if missing:
        out.add("annex_metadata_missing", fields=_join(_both(f"lint.field.{name}") for name in missing))
    if changed_since_approval(assessment):
        out.add("changed_since_approval", version=assessment.approval.version,
                date=assessment.approval.date or "-")
    known = catalogue.measure_by_id
    to_confirm = [mid for mid, a in assessment.measures.items() if a.to_confirm and a.status and mid in known]
    if to_confirm:
        out.add("not_confirmed", count=len(to_confirm), ids=_shorten(to_confirm))
    unanswered = [m.id for m in catalogue.measures if not m.deprecated_reason
                  and effective(m, assessment.answer(m.id), assessment.scoping).status is None]
    if unanswered:
        out.add("unanswered", count=len(unanswered), ids=_shorten(unanswered))


def _check_review(out: _Collector, measure: Measure, answer: Answer) -> None:
    if changed_since_review(answer):
        review = answer.review
        out.add("changed_since_review", measure, state=_both(f"review.state.{review.state}"),
                reviewer=review.reviewer or "-", date=review.date or "-")


def _check_na_reasons(out: _Collector, catalogue: Catalogue, assessment: Assessment) -> None:
    """TOM022: a "not applicable" reason that cites a measure which is not implemented;
    TOM023: the catalogue's suggested reasons nobody confirmed yet."""
    suggested = []
    for measure in catalogue.measures:
        state = effective(measure, assessment.answer(measure.id), assessment.scoping)
        if state.status != "not_applicable":
            continue
        if state.automatic:  # only a suggestion: not printed anyway; the UI tells what it leans on
            if not measure.deprecated_reason:
                suggested.append(measure.id)
            continue
        cited = na_reasons.unsupported(assessment.answer(measure.id).note, catalogue, assessment, measure.id)
        if cited:
            out.add("na_reason_unsupported", measure, ids=", ".join(cited))
    if suggested:
        out.add("na_suggestion_unconfirmed", count=len(suggested), ids=_shorten(suggested))


def _shorten(ids: list[str], limit: int = 8) -> str:
    return ", ".join(ids) if len(ids) <= limit else ", ".join(ids[:limit]) + f", … (+{len(ids) - limit})"


# -- entry point -----------------------------------------------------------------------------


def lint(catalogue: Catalogue, assessment: Assessment, *, today: date, evidence_base: Path | None = None,
         file_sha: FileSha = file_sha) -> list[Finding]:
    """Every finding, ordered for reading: the assessment as a whole first, then by category
    and measure in catalogue order; within one place the worst first.

    `evidence_base` is the folder evidence paths are relative to (the assessment's folder);
    None skips the checks that read evidence files. `file_sha` reads them (tests swap it).
    """
    out = _Collector()
    months = assessment.scope.review_interval_months or 12
    _check_assessment(out, catalogue, assessment, today=today, months=months)
    _check_categories(out, catalogue, assessment)
    _check_na_reasons(out, catalogue, assessment)
    for measure in catalogue.measures:
        answer = assessment.measures.get(measure.id)
        if answer is None:
            continue
        _check_status(out, catalogue, assessment, measure, answer, today=today)
        _check_review(out, measure, answer)
        _check_note(out, measure, answer)
        _check_evidence(out, measure, answer, today=today, months=months, evidence_base=evidence_base,
                        sha_of=file_sha)
    return sort_findings(out.findings, catalogue)


def sort_findings(findings: Iterable[Finding], catalogue: Catalogue) -> list[Finding]:
    category_index = {c.id: i for i, c in enumerate(catalogue.categories)}
    measure_index = {m.id: i for i, m in enumerate(catalogue.measures)}

    def key(f: Finding):
        place = -1 if f.category_id is None else category_index.get(f.category_id, len(category_index))
        return (place, f.measure_id is not None, measure_index.get(f.measure_id, -1),
                SEVERITIES.index(f.severity), f.rule)

    return sorted(findings, key=key)


def by_measure(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    """Findings grouped by measure id, for showing them beside the measures."""
    grouped: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.measure_id:
            grouped.setdefault(finding.measure_id, []).append(finding)
    return grouped


def by_category(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    """Findings about a whole category (no measure), by category id."""
    grouped: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.category_id and not finding.measure_id:
            grouped.setdefault(finding.category_id, []).append(finding)
    return grouped


def general(findings: Iterable[Finding]) -> list[Finding]:
    """Findings about the assessment as a whole."""
    return [f for f in findings if not f.measure_id and not f.category_id]


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    result = dict.fromkeys(SEVERITIES, 0)
    for finding in findings:
        result[finding.severity] += 1
    return result


def worst(findings: Iterable[Finding]) -> str | None:
    """The worst severity among the findings, or None for none."""
    present = {f.severity for f in findings}
    return next((s for s in SEVERITIES if s in present), None)


def fails(findings: Iterable[Finding]) -> bool:
    """True when a finding is a warning or worse: what makes `tom-audit lint` exit 1."""
    return any(f.severity in (ERROR, WARNING) for f in findings)
