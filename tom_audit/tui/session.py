"""One open assessment in the UI: the loaded document, the undo stack, and what is on disk.

Plain Python (no Textual), so the rules that keep work safe can be tested on their own:
every answer goes through `logic.answers.record`, every save through `save_assessment`, and a
save never replaces a file that someone else changed since we last read or wrote it.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tom_audit.logic import answers, lint, na_reasons, review
from tom_audit.logic.approval import blockers as approval_blockers
from tom_audit.logic.applicability import Effective, effective
from tom_audit.logic.catalogue_changes import CatalogueChanges
from tom_audit.logic.progress import Progress, progress
from tom_audit.model.assessment import Answer, Approval, Assessment, Review
from tom_audit.model.catalogue import Catalogue, Measure
from tom_audit.problems import Problem
from tom_audit.store.assessment_store import Loaded, load_assessment, save_assessment
from tom_audit.store.lock import assessment_lock

GAP_STATUSES = ("partial", "planned", "not_implemented")
# what `f` cycles through: IT staff answering, and the DPO reviewing
FILTERS = ("all", "open", "gaps", "required", "objections", "findings")
REVIEW_FILTERS = ("review", "findings", "unreviewed", "objections", "all")
# filters that list measures from every category (work lists), not those of one category
QUEUES = ("review", "findings", "unreviewed", "objections")
TO_REVIEW = ("open", review.CHANGED)  # no verdict yet, or one on an answer that changed since
APPROVAL = ":approval"  # the undo stack's key for a change of the approval, not of a measure


@dataclass(frozen=True)
class DiskState:
    """What the file looked like when we last read or wrote it."""

    mtime_ns: int
    size: int
    sha256: str

    @classmethod
    def of(cls, path: Path) -> DiskState | None:
        try:
            stat = path.stat()
            data = path.read_bytes()
        except OSError:
            return None
        return cls(stat.st_mtime_ns, stat.st_size, hashlib.sha256(data).hexdigest())

    def same_file(self, path: Path) -> bool:
        """True if the file still holds what we know. A touched but unchanged file is the same."""
        try:
            stat = path.stat()
        except OSError:
            return False
        if (stat.st_mtime_ns, stat.st_size) == (self.mtime_ns, self.size):
            return True
        current = DiskState.of(path)
        return current is not None and current.sha256 == self.sha256


class ExternalChange(Exception):
    """The file on disk is not what we last read or wrote: someone else changed it."""


def snapshot(assessment: Assessment) -> Assessment:
    """A copy that a save thread can serialise while the UI goes on changing the original.

    Cheap: the core never changes an Answer in place (`record` and `set_review` store a
    new one), so copying the containers is enough."""
    return dataclasses.replace(
        assessment,
        catalogue=copy.copy(assessment.catalogue),
        organisation=copy.copy(assessment.organisation),
        scope=copy.copy(assessment.scope),
        scoping=dict(assessment.scoping),
        measures=dict(assessment.measures),
        fingerprints=dict(assessment.fingerprints),
    )


class Session:
    def __init__(self, loaded: Loaded, *, by: str | None = None, reviewer: str | None = None):
        self.path: Path = loaded.path
        self.loaded = loaded
        self.assessment: Assessment = loaded.assessment
        self.catalogue: Catalogue = loaded.catalogue
        self.warnings: list[Problem] = list(loaded.warnings)
        self.changes: CatalogueChanges | None = None
        self.by = answers.current_user() if by is None else by
        # recorded with review states: only a name given for it (`review --by`, or asked for
        # at the first verdict), never the login name
        self.reviewer = (reviewer or "").strip()
        # (measure id or APPROVAL, what it was before): what ctrl+z puts back
        self.undo_stack: list[tuple[str, Answer | Approval | None]] = []
        self.findings: list[lint.Finding] = []  # the last lint run (set_findings)
        self.findings_by_measure: dict[str, list[lint.Finding]] = {}
        self._sha_cache: dict[Path, tuple[tuple[int, int], str | None]] = {}
        self.disk = DiskState.of(self.path)
        self.generation = 0  # bumped by every change; a save writes the newest one only
        self.saved_generation = 0
        self._lock = threading.Lock()
        self._haystack: dict[str, str] = {}
        # before the first save, as `load_assessment`'s warning promises (in memory: it is
        # written with the first change, like any other). Shown only if it matters.
        changes = loaded.adopt_catalogue()
        self.changes = changes if changes else None

    @classmethod
    def open(cls, path: Path | str, **kwargs) -> Session:
        return cls(load_assessment(Path(path)), **kwargs)

    # -- reading -----------------------------------------------------------------------

    def measure(self, measure_id: str) -> Measure:
        return self.catalogue.measure_by_id[measure_id]

    def answer(self, measure_id: str) -> Answer:
        return self.assessment.answer(measure_id)

    def effective(self, measure: Measure) -> Effective:
        return effective(measure, self.assessment.answer(measure.id), self.assessment.scoping)

    def progress(self) -> Progress:
        return progress(self.catalogue, self.assessment)

    def required(self, measure: Measure) -> bool:
        return measure.required_at(self.assessment.scope.protection_need, self.assessment.scoping)

    def shows(self, measure: Measure, filter_name: str) -> bool:
        if filter_name == "all":
            return True
        state = self.effective(measure)
        if filter_name == "open":
            return state.status is None or self.answer(measure.id).to_confirm
        if filter_name == "gaps":
            answer = self.answer(measure.id)
            return state.status in GAP_STATUSES or (answer.gap is not None and answer.gap.state != "done")
        if filter_name == "required":
            return state.status != "not_applicable" and self.required(measure)
        if filter_name == "objections":
            return self.review_state(measure.id) in review.OBJECTIONS
        if filter_name == "findings":
            return measure.id in self.findings_by_measure
        if filter_name == "unreviewed":
            return self.review_state(measure.id) in TO_REVIEW
        if filter_name == "review":
            return True
        raise ValueError(filter_name)

    def queue(self, filter_name: str) -> list[Measure]:
        """A work list across all categories (QUEUES): the DPO's walk puts measures with
        findings first, then the rest; objections come rejected first, then questions."""
        if filter_name == "objections":
            return [self.measure(measure_id) for measure_id in self.objections()]
        walk = self.review_walk()
        return [m for m in walk if self.shows(m, filter_name)]

    def review_walk(self) -> list[Measure]:
        """Every measure in the order the DPO reviews them: with findings first, then the rest."""
        order = self.ordered()
        flagged = self.findings_by_measure
        return [m for m in order if m.id in flagged] + [m for m in order if m.id not in flagged]

    def objections(self) -> list[str]:
        return review.objections(self.catalogue, self.assessment)

    def review_state(self, measure_id: str) -> str:
        return review.review_state(self.assessment.measures.get(measure_id))

    def review_counts(self) -> dict[str, int]:
        return review.review_counts(self.catalogue, self.assessment)

    def approval_state(self) -> str:
        return review.approval_state(self.assessment)

    def next_version(self) -> str:
        approval = self.assessment.approval
        return review.next_version(approval.version if approval else None)

    def next_finding(self, after: str | None) -> Measure | None:
        """The next measure with a finding after `after` (catalogue order, wrapping round)."""
        return self._next(after, lambda m: m.id in self.findings_by_measure)

    def next_unreviewed(self, after: str | None) -> Measure | None:
        """The next measure nobody has reviewed yet, in the DPO's walk, wrapping round."""
        return self._next(after, lambda m: self.review_state(m.id) in TO_REVIEW, self.review_walk())

    # -- findings ------------------------------------------------------------------------

    def lint(self, data: Assessment, today: date | None = None) -> list[lint.Finding]:
        """The core's findings for a prepared state (`prepare_save`); safe in a thread. Evidence
        files are hashed again only when their size or time changed."""
        return lint.lint(self.catalogue, data, today=today or date.today(),
                         evidence_base=self.path.resolve().parent, file_sha=self._file_sha)

    def _file_sha(self, path: Path) -> str | None:
        try:
            stat = path.stat()
        except OSError:
            return None
        key = (stat.st_mtime_ns, stat.st_size)
        cached = self._sha_cache.get(path)
        if cached is not None and cached[0] == key:
            return cached[1]
        sha = lint.file_sha(path)
        self._sha_cache[path] = (key, sha)
        return sha

    def set_findings(self, findings: list[lint.Finding]) -> None:
        self.findings = findings
        self.findings_by_measure = lint.by_measure(findings)

    def matches(self, measure: Measure, query: str) -> bool:
        """Ids and texts (title, guidance, evidence hints) in both languages."""
        text = self._haystack.get(measure.id)
        if text is None:
            parts = [measure.id, measure.title.de, measure.title.en, measure.guidance.de, measure.guidance.en]
            parts += [h.hint.de + "\n" + h.hint.en for h in measure.evidence]
            text = self._haystack[measure.id] = "\n".join(parts).casefold()
        return all(word in text for word in query.casefold().split())

    def ordered(self) -> list[Measure]:
        """Every measure in the order the UI lists them: by category, then catalogue order."""
        out: list[Measure] = []
        for category in self.catalogue.categories:
            out += self.catalogue.measures_by_category.get(category.id, ())
        return out

    def next_open(self, after: str | None) -> Measure | None:
        """The next measure still open after `after`, wrapping round; None if all are answered."""
        return self._next(after, lambda m: self.effective(m).status is None)

    def _next(self, after: str | None, wanted, order: list[Measure] | None = None) -> Measure | None:
        order = self.ordered() if order is None else order
        start = next((i for i, m in enumerate(order) if m.id == after), -1) + 1
        for measure in order[start:] + order[:start]:
            if wanted(measure):
                return measure
        return None

    # -- changing ----------------------------------------------------------------------

    def record(self, measure_id: str, edit: answers.Edit) -> Answer:
        """Change an answer (raises AnswerError, and then nothing changed) and remember the
        previous one for undo."""
        previous = copy.deepcopy(self.assessment.measures.get(measure_id))
        answer = answers.record(self.assessment, self.catalogue, measure_id, edit, by=self.by)
        self.undo_stack.append((measure_id, previous))
        self.generation += 1
        return answer

    def set_review(self, measure_id: str, state: str, comment: str = "") -> Review:
        """The DPO's review of one measure, through `logic.review.set_review` (raises
        AnswerError, and then nothing changed); undone like any other change."""
        previous = copy.deepcopy(self.assessment.measures.get(measure_id))
        result = review.set_review(self.assessment, measure_id, state, reviewer=self.reviewer,
                                   comment=comment, catalogue=self.catalogue)
        self.undo_stack.append((measure_id, previous))
        self.generation += 1
        return result

    def confirm_na(self, measure_id: str, text: str | None = None) -> Answer:
        """Make the catalogue's suggested "not applicable" reason (or `text`) the organisation's
        own (`logic.na_reasons.confirm`); undone like any other change."""
        previous = copy.deepcopy(self.assessment.measures.get(measure_id))
        answer = na_reasons.confirm(self.assessment, self.catalogue, measure_id, by=self.by, text=text)
        self.undo_stack.append((measure_id, previous))
        self.generation += 1
        return answer

    def confirm_all_na(self) -> tuple[list[str], list[str]]:
        """Confirm every suggestion that does not lean on an unimplemented measure; returns
        (confirmed, left) as `logic.na_reasons.confirm_all`. Each is undone on its own."""
        previous = {m.id: copy.deepcopy(self.assessment.measures.get(m.id)) for m in self.catalogue.measures
                    if na_reasons.suggestion(self.catalogue, self.assessment, m) is not None}
        done, left = na_reasons.confirm_all(self.assessment, self.catalogue, by=self.by)
        for measure_id in done:
            self.undo_stack.append((measure_id, previous[measure_id]))
        if done:
            self.generation += 1
        return done, left

    def blockers(self):
        """The approval checklist's open items (`logic.approval.blockers`)."""
        return approval_blockers(self.catalogue, self.assessment, evidence_base=self.path.resolve().parent)

    def approve(self, by: str, version: str | None = None, *, force: bool = False) -> Approval:
        """The DPO's sign-off through `logic.approval.approve`; refused with AnswerError (no
        name, an older version) or `ApprovalRefused` (the checklist's open items; `force`
        approves anyway and records them), and then nothing changed."""
        previous = self.assessment.approval
        approval = review.approve(self.assessment, self.catalogue, by=by, version=version, force=force,
                                  evidence_base=self.path.resolve().parent)
        self.undo_stack.append((APPROVAL, previous))
        self.generation += 1
        return approval

    def undo(self) -> str | None:
        """Put back what the last change replaced: the previous answer of the measure changed
        last (its id is returned), or the previous approval (APPROVAL); None if nothing."""
        if not self.undo_stack:
            return None
        measure_id, previous = self.undo_stack.pop()
        if measure_id == APPROVAL:
            self.assessment.approval = previous
        elif previous is None:
            self.assessment.measures.pop(measure_id, None)
        else:
            self.assessment.measures[measure_id] = previous
        self.generation += 1
        return measure_id

    def touch(self) -> None:
        """Mark a change made outside `record` (the setup: organisation, scope, scoping)."""
        self.generation += 1

    @property
    def dirty(self) -> bool:
        return self.generation != self.saved_generation

    # -- disk --------------------------------------------------------------------------

    def changed_on_disk(self) -> bool:
        return self.disk is not None and not self.disk.same_file(self.path)

    def prepare_save(self) -> tuple[int, Assessment]:
        """On the UI thread: the state to write, as a copy a save thread may serialise while
        the UI goes on changing the original."""
        return self.generation, snapshot(self.assessment)

    def write(self, generation: int, data: Assessment, *, force: bool = False) -> bool:
        """Write a prepared state (thread-safe). False if a newer state was written already,
        or exists and will be written by the save requested with it.

        Raises ExternalChange, without writing, if the file changed since we last read or
        wrote it, unless `force` (the user chose to keep their version); FileBusy (an
        InputError) if another writer holds the file's lock for longer than we wait."""
        with self._lock:
            if generation < self.saved_generation or (generation == self.saved_generation and not force):
                return False
            if generation < self.generation and not force:
                return False  # the UI asks for a save after every change: a newer one follows
            # under the file's lock, like every writer: nobody writes between our check and our save
            with assessment_lock(self.path):
                if not force and self.changed_on_disk():
                    raise ExternalChange(str(self.path))
                save_assessment(self.path, data)
                self.disk = DiskState.of(self.path)
            self.saved_generation = generation
            return True

    def save(self, *, force: bool = False) -> bool:
        """Prepare and write at once (tests, and the final save on quit)."""
        generation, data = self.prepare_save()
        return self.write(generation, data, force=force)

    def reload(self) -> None:
        """Read the file again, dropping our unsaved changes and the undo stack."""
        with self._lock:
            fresh = Session(load_assessment(self.path, self.catalogue), by=self.by, reviewer=self.reviewer)
            # generations keep rising, so that a save queued before the reload is dropped
            generation = max(self.generation, self.saved_generation) + 1
            self.__dict__.update({k: v for k, v in fresh.__dict__.items() if k != "_lock"})
            self.generation = self.saved_generation = generation
