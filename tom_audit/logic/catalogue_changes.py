"""What changed in a catalogue since an assessment last saw it, and adopting the new one."""

from __future__ import annotations

from dataclasses import dataclass, replace

from tom_audit.model.assessment import Assessment
from tom_audit.model.catalogue import Catalogue


@dataclass(frozen=True)
class CatalogueChanges:
    old_version: str
    new_version: str
    added: tuple[str, ...]
    removed: tuple[str, ...]
    reworded: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.reworded) or self.old_version != self.new_version


def changes_since(assessment: Assessment, catalogue: Catalogue) -> CatalogueChanges | None:
    """None when the assessment was made against exactly this catalogue."""
    if assessment.catalogue.sha256 == catalogue.sha256:
        return None
    before = assessment.fingerprints
    now = {m.id: m.fingerprint for m in catalogue.measures}
    return CatalogueChanges(
        old_version=assessment.catalogue.version,
        new_version=catalogue.version,
        added=tuple(m for m in now if m not in before) if before else (),
        removed=tuple(m for m in before if m not in now),
        reworded=tuple(m for m in now if m in before and before[m] != now[m]),
    )


def adopt(assessment: Assessment, catalogue: Catalogue, source: str) -> CatalogueChanges | None:
    """Record the catalogue as the one this assessment now follows. Answers to reworded
    measures are marked "to confirm": what was true of the old text may not be of the new."""
    changes = changes_since(assessment, catalogue)
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
