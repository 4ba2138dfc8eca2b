"""Evidence over time: one record per piece of evidence, its earlier versions in the answer's
`evidence_history`, and telling records apart.

A file is one piece of evidence however often it changes: re-attaching the same path replaces
its record (new hash, size, date) and the old record goes to the history with the day it was
retired. The same URL twice is one record. Removing a record also keeps it in the history, so
what was once shown to an auditor can still be named.
"""

from __future__ import annotations

import re
from dataclasses import replace

from tom_audit.model.assessment import Answer, Evidence

_HEX = re.compile(r"^[0-9a-f]{6,64}$")
SHORT_HASH = 8  # hex digits shown to tell records apart


def same_place(a: Evidence, b: Evidence) -> bool:
    """The same file path or the same URL (what re-attaching means)."""
    return _place(a) == _place(b)


def _place(item: Evidence) -> str:
    ref = item.ref.strip()
    if item.is_url:
        scheme, _, rest = ref.partition("://")
        return f"{scheme.lower()}://{rest.rstrip('/')}"
    return ref.replace("\\", "/").removeprefix("./")


def identity(item: Evidence) -> str:
    """What makes two records the same evidence across assessments in different folders: the
    SHA-256 of a file (paths are rewritten when a file moves), else its place."""
    return f"sha256:{item.sha256}" if item.sha256 else _place(item)


def attach(answer: Answer, item: Evidence, today: str) -> None:
    """Add `item` to the answer's evidence (changes `answer`, a copy the caller owns). A record
    of the same file or URL is replaced: the new one keeps the old kind and description
    unless given, and the old one moves to `evidence_history` retired on `today` (ISO)."""
    for index, old in enumerate(answer.evidence):
        if same_place(old, item):
            if item.kind == "other" and old.kind != "other":
                item = replace(item, kind=old.kind)
            if not item.description and old.description:
                item = replace(item, description=old.description)
            if item.review_months is None and old.review_months is not None:
                item = replace(item, review_months=old.review_months)
            if old != item:
                answer.evidence_history.append(replace(old, retired=today))
            answer.evidence[index] = item
            return
    answer.evidence.append(item)


def retire(answer: Answer, index: int, today: str) -> None:
    """Remove the record at `index`; it moves to `evidence_history` retired on `today`."""
    old = answer.evidence.pop(index)
    answer.evidence_history.append(replace(old, retired=today))


def matching(items: list[Evidence], refs: list[str]) -> list[int]:
    """Indexes of the records a user means by any text in `refs`: the path or URL as recorded,
    or the start of its SHA-256 (at least 6 hex digits) to tell alike records apart."""
    wanted = {_place(Evidence(ref=r)) for r in refs if r.strip()}
    hashes = [r.strip().lower() for r in refs if _HEX.match(r.strip().lower())]
    return [i for i, item in enumerate(items)
            if _place(item) in wanted or (item.sha256 and any(item.sha256.startswith(h) for h in hashes))]


def label(item: Evidence) -> str:
    """One line that tells a record apart from others that look alike: the path or URL, its
    date and the start of its hash, e.g. "docs/policy.pdf · 2026-03-01 · 1a2b3c4d"."""
    parts = [item.ref]
    if item.date:
        parts.append(item.date)
    if item.valid_until:
        parts.append(f"→ {item.valid_until}")
    if item.sha256:
        parts.append(item.sha256[:SHORT_HASH])
    return " · ".join(parts)
