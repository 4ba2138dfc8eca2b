"""What changed in a catalogue since an assessment last saw it, and adopting the new one.

Upgrading keeps every answer: scoping answers follow a question's `migrate_from` rule
(e.g. `own_premises = true` becomes `office = own_or_rented`), and a measure that carries
`replaces: [OLD-ID]` takes over the answer of the measure it renames, splits or merges.
Carried-over and reworded answers are marked "to confirm", never silently trusted.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from tom_audit.i18n import tr
from tom_audit.logic.applicability import applies
from tom_audit.model.assessment import Assessment
from tom_audit.model.catalogue import Catalogue


@dataclass(frozen=True)
class ScopingMove:
    """One scoping answer carried over: old question and value, new question and value."""

    old_question: str
    old_value: Any
    new_question: str
    new_value: Any


@dataclass(frozen=True)
class CatalogueChanges:
    old_version: str
    new_version: str
    added: tuple[str, ...]
    removed: tuple[str, ...]
    reworded: tuple[str, ...]
    carried: tuple[tuple[str, str], ...] = ()  # (new measure id, old measure id) whose answer it took
    scoping: tuple[ScopingMove, ...] = field(default=())

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.reworded) or self.old_version != self.new_version


def changes_since(assessment: Assessment, catalogue: Catalogue) -> CatalogueChanges | None:
    """None when the assessment was made against exactly this catalogue. Measures with
    `replaces:` count as added only if none of the measures they replace was known before."""
    if assessment.catalogue.sha256 == catalogue.sha256:
        return None
    before = assessment.fingerprints
    now = {m.id: m.fingerprint for m in catalogue.measures}
    moves = _scoping_plan(assessment.scoping, catalogue)
    scoping = dict(assessment.scoping) | {m.new_question: m.new_value for m in moves}
    return CatalogueChanges(
        old_version=assessment.catalogue.version,
        new_version=catalogue.version,
        added=tuple(m for m in now if m not in before) if before else (),
        removed=tuple(m for m in before if m not in now),
        reworded=tuple(m for m in now if m in before and before[m] != now[m]),
        carried=tuple(_carry_plan(assessment, catalogue, scoping)),
        scoping=tuple(moves),
    )


def _scoping_plan(scoping: dict[str, Any], catalogue: Catalogue) -> list[ScopingMove]:
    """The scoping answers `migrate_from` rules turn into answers to today's questions."""
    moves = []
    for question in catalogue.scoping:
        rule = question.migrate_from
        if rule is None or rule.question not in scoping:
            continue
        if question.id in scoping and question.accepts(scoping[question.id]) and rule.question != question.id:
            continue  # already answered in today's terms
        old = scoping[rule.question]
        if rule.question == question.id and question.accepts(old):
            continue  # a value that still exists stays as it is
        new = rule.value_for(old)
        if question.accepts(new):
            moves.append(ScopingMove(rule.question, old, question.id, new))
    return moves


def _carry_plan(assessment: Assessment, catalogue: Catalogue, scoping: dict[str, Any]) -> list[tuple[str, str]]:
    """(new id, old id) pairs: unanswered measures that take over a replaced measure's answer.
    A measure the (migrated) scoping answers rule out takes nothing: it is not applicable."""
    plan = []
    for measure in catalogue.measures:
        if not measure.replaces or assessment.answer(measure.id).status:
            continue
        if not applies(measure, scoping):
            continue
        source = next((old for old in measure.replaces
                       if old != measure.id and assessment.measures.get(old) and assessment.measures[old].status),
                      None)
        if source is not None:
            plan.append((measure.id, source))
    return plan


def migrate(assessment: Assessment, catalogue: Catalogue, changes: CatalogueChanges | None = None) -> None:
    """Carry scoping answers and answers of replaced measures over to this catalogue, in
    place. Idempotent. Old scoping keys that no question of the catalogue uses any more are
    dropped once carried over; answers of removed measures stay in the file (as orphans)."""
    changes = changes or changes_since(assessment, catalogue)
    if not changes:
        return
    known = set(catalogue.scoping_by_id)
    for move in changes.scoping:
        assessment.scoping[move.new_question] = move.new_value
    for move in changes.scoping:
        if move.old_question not in known:
            assessment.scoping.pop(move.old_question, None)
    for new_id, old_id in changes.carried:
        if assessment.answer(new_id).status:
            continue
        old = assessment.measures[old_id]
        assessment.measures[new_id] = replace(old, to_confirm=True, review=None)


def adopt(assessment: Assessment, catalogue: Catalogue, source: str) -> CatalogueChanges | None:
    """Record the catalogue as the one this assessment now follows. Scoping answers and the
    answers of replaced measures are carried over (`migrate`); answers to reworded measures
    are marked "to confirm": what was true of the old text may not be of the new."""
    changes = changes_since(assessment, catalogue)
    migrate(assessment, catalogue, changes)
    for measure_id in changes.reworded if changes else ():
        answer = assessment.measures.get(measure_id)
        if answer is not None and answer.status:
            assessment.measures[measure_id] = replace(answer, to_confirm=True)  # never in place
    assessment.catalogue.id = catalogue.id
    assessment.catalogue.version = catalogue.version
    assessment.catalogue.sha256 = catalogue.sha256
    assessment.catalogue.source = source
    assessment.fingerprints = {m.id: m.fingerprint for m in catalogue.measures}
    return changes


def _value_label(catalogue: Catalogue | None, question_id: str, value: Any, lang: str) -> str:
    if isinstance(value, bool):
        return tr("word.yes" if value else "word.no", lang)
    question = catalogue.scoping_by_id.get(question_id) if catalogue else None
    option = next((o for o in question.options if o.id == value), None) if question else None
    return f"{option.label(lang)} ({value})" if option else str(value)


def summary(changes: CatalogueChanges, catalogue: Catalogue, lang: str) -> list[str]:
    """What an upgrade means for the user, one line per category that changed, then one per
    carried-over scoping answer and measure answer, e.g. "Zutrittskontrolle: 3 neu (ENT-15,
    ENT-16, ENT-17); 1 geändert (ENT-01)". Reworded includes new levels and conditions."""
    lines = [tr("upgrade.head", lang, old=changes.old_version, new=changes.new_version)]
    for category in catalogue.categories:
        ids = {m.id for m in catalogue.measures_by_category.get(category.id, ())}
        parts = []
        for kind, listed in (("added", changes.added), ("reworded", changes.reworded)):
            mine = [m for m in listed if m in ids]
            if mine:
                parts.append(tr(f"upgrade.{kind}", lang, count=len(mine), ids=", ".join(mine)))
        if parts:
            lines.append(f"{category.title(lang)}: {'; '.join(parts)}")
    if changes.removed:
        lines.append(tr("upgrade.removed", lang, count=len(changes.removed), ids=", ".join(changes.removed)))
    for move in changes.scoping:
        lines.append(tr("upgrade.scoping", lang, old=move.old_question,
                        old_value=_value_label(None, move.old_question, move.old_value, lang),
                        new=move.new_question,
                        new_value=_value_label(catalogue, move.new_question, move.new_value, lang)))
    for new_id, old_id in changes.carried:
        lines.append(tr("upgrade.carried", lang, new=new_id, old=old_id))
    return lines
