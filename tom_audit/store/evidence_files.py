"""Evidence given as a file or URL: files are recorded with SHA-256, size and date."""

from __future__ import annotations

import hashlib
import os
from datetime import date
from pathlib import Path

from tom_audit.model.assessment import Evidence
from tom_audit.problems import InputError, Problem, display_path
from tom_audit.text_rules import redact_url, url_has_password, url_problem


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def relative_ref(path: Path, assessment_path: Path) -> str:
    """The file as seen from the assessment's folder, so the pair can move together."""
    try:
        return Path(os.path.relpath(path.resolve(), assessment_path.resolve().parent)).as_posix()
    except ValueError:  # another drive
        return path.resolve().as_posix()


def evidence_for(target: str, assessment_path: Path, *, kind: str = "other", description: str = "",
                 valid_until: str = "") -> Evidence:
    if "://" in target:
        if url_has_password(target):  # it would be published in the annex
            raise InputError([url_problem(target, redact_url(target))])
        return Evidence(ref=target, kind=kind, description=description, date=date.today().isoformat(),
                        valid_until=valid_until)
    path = Path(target)
    if not path.is_file():
        key = "evidence.is_directory" if path.is_dir() else "evidence.missing"
        raise InputError([Problem(display_path(path), key, {})])
    try:
        sha = sha256_of(path)
        stat = path.stat()
    except OSError as exc:
        raise InputError([Problem(display_path(path), "file.unreadable", {"reason": exc.strerror or str(exc)})]) from None
    return Evidence(
        ref=relative_ref(path, assessment_path), kind=kind, description=description,
        date=date.fromtimestamp(stat.st_mtime).isoformat(), valid_until=valid_until,
        sha256=sha, size=stat.st_size,
    )


def resolve_ref(evidence: Evidence, assessment_path: Path) -> Path | None:
    """The local file an evidence item points to, or None for a URL."""
    if evidence.is_url:
        return None
    path = Path(evidence.ref)
    return path if path.is_absolute() else assessment_path.resolve().parent / path
