"""Create an assessment file: the one step `tom-audit new` and the UI's "new" share.

Both shells check the path themselves (their messages differ in form), then call these.
"""

from __future__ import annotations

from pathlib import Path

from tom_audit.logic.answers import now_iso
from tom_audit.model.assessment import Assessment
from tom_audit.model.catalogue import Catalogue
from tom_audit.store.assessment_store import Loaded, load_assessment, new_assessment, save_new_assessment
from tom_audit.store.catalogue_store import catalogue_source_for, load_catalogue


def create_assessment(path: Path, catalogue_ref: str, organisation: str, language: str) -> tuple[Assessment, Catalogue]:
    """Create and save a new, empty assessment at `path` over the catalogue `catalogue_ref`
    (a bundled id or a file path). Returns (assessment, catalogue).

    Raises InputError if the catalogue cannot be used or `path` exists (even if created a
    moment ago by another program); OSError if the file cannot be written."""
    catalogue = load_catalogue(catalogue_ref)
    assessment = new_assessment(
        catalogue, source=catalogue_source_for(catalogue, path), organisation=organisation,
        language=language, now=now_iso(),
    )
    save_new_assessment(path, assessment)
    return assessment, catalogue


def create_reassessment(path: Path, last_path: Path, organisation: str = "") -> tuple[Assessment, Loaded]:
    """Next year's assessment at `path` from last year's file `last_path` (see
    logic.reassess: carried answers are "to confirm"). Returns (assessment, Loaded of last
    year's file, whose `warnings` the caller reports).

    Raises InputError if last year's file cannot be used; OSError if the file cannot be written."""
    from tom_audit.logic.reassess import reassess

    last = load_assessment(last_path)
    assessment = reassess(last.assessment, now=now_iso(), catalogue=last.catalogue,
                          source=catalogue_source_for(last.catalogue, path),
                          old_dir=last_path.resolve().parent, new_dir=path.resolve().parent)
    if organisation:
        assessment.organisation.name = organisation
    save_new_assessment(path, assessment)
    return assessment, last
