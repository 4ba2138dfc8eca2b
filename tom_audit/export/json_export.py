"""Everything in the workbook as JSON, for other tools: ids next to the localised labels,
dates as ISO strings, texts as typed (no spreadsheet escaping; through `safe_text`, which
changes only line ends and characters the loader refuses anyway)."""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from datetime import date
from typing import Any

from tom_audit import __version__
from tom_audit.export import review_layout
from tom_audit.export.content import ExportContent
from tom_audit.export.text import safe_text

FORMAT = "tom-audit/export"
FORMAT_VERSION = 1


def _safe(value: Any) -> Any:
    """Every string of a JSON document (keys too) through the export sanitiser."""
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, dict):
        return {_safe(k) if isinstance(k, str) else k: _safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_safe(v) for v in value]
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def as_document(content: ExportContent) -> dict[str, Any]:
    a, c = content.assessment, content.catalogue
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "generator": f"tom-audit {__version__}",
        "language": content.lang,
        "exported_on": content.options.exported_on.isoformat(timespec="seconds") if content.options.exported_on
        else None,
        "today": content.options.today.isoformat(),
        "include_planned": content.options.include_planned,
        "assessment": {
            "id": a.id, "stand": content.stand.isoformat(), "created": a.created, "updated": a.updated,
            "organisation": {"name": a.organisation.name, "address": a.organisation.address,
                             "contact": a.organisation.contact},
            "scope": {"service": a.scope.service, "protection_need": a.scope.protection_need,
                      "responsible": a.scope.responsible,
                      "review_interval_months": a.scope.review_interval_months},
            "scoping": dict(a.scoping),
        },
        "catalogue": {"id": c.id, "version": c.version, "sha256": c.sha256, "title": c.title(content.lang)},
        "approval": {
            "draft": content.draft, "approved": content.approval.approved,
            "version": content.approval.version or None, "date": content.approval.date or None,
            "by": content.approval.by or None, "forced": content.approval.forced,
            "open_items": list(content.approval.open_items),
            "changed_since_approval": content.approval.changed_since_approval, "label": content.cover.status,
        },
        "completeness": {
            "complete": content.completeness.complete, "lint_errors": content.completeness.lint_errors,
            "unanswered": content.completeness.unanswered, "open_reviews": content.completeness.open_reviews,
            "line": content.cover.notice,
        },
        "cover": {
            "fields": [{"label": f.label, "value": _plain(f.value)} for f in content.cover.fields],
            "scoping": [{"question": f.label, "answer": f.value} for f in content.cover.scoping],
            "counts": [{"label": f.label, "value": f.value} for f in content.cover.counts],
        },
        "summary": {
            "categories": [{"id": r.category_id, "title": r.title, "art32": r.art32, **r.counts.as_dict(),
                            "coverage": r.coverage} for r in content.summary],
            "overall": content.overall.as_dict(),
        },
        "annex": [_annex_row(r, since=content.changes is not None) for r in content.annex],
        "providers": _providers(content),
        "action_plan": [_plain(r) for r in content.actions],
        "evidence": [_plain(r) for r in content.evidence],
        "references": [_plain(r) for r in content.references],
        "review": {
            "layout_version": review_layout.LAYOUT_VERSION,
            "rows": [_plain(r) for r in content.review],
        },
        **({"changes": _changes(content)} if content.changes is not None else {}),
    }


def _providers(content: ExportContent) -> dict[str, Any]:
    """The register as stored (ids, ISO codes and dates) plus the transfer table it was
    checked against; the rows as shown are in the workbook and Markdown."""
    from tom_audit.logic.transfer_countries import table
    from tom_audit.store.providers_codec import provider_document

    t = table()
    return {"transfer_table": {"as_of": t.as_of, "source": t.source},
            "entries": [provider_document(p) for p in content.assessment.providers]}


def _annex_row(row, since: bool) -> dict[str, Any]:
    data = _plain(row)
    if not since:  # without --since the annex rows are as they always were
        del data["changed"]
    return data


def _changes(content: ExportContent) -> dict[str, Any] | None:
    """With --since: OLD, the change list as shown, and the comparison itself (ids, old and
    new values as stored) for tools."""
    changes = content.changes
    if changes is None:
        return None
    return {
        "since": {"file": changes.old_file, "stand": changes.since.isoformat(),
                  "approval_version": changes.old_approval or None},
        "measures_changed": changes.measures_changed,
        "summaries": dict(changes.summaries),
        "rows": [_plain(r) for r in changes.rows],
        "diff": changes.diff.as_dict(),
    }


def render_json(content: ExportContent) -> str:
    return json.dumps(_safe(as_document(content)), ensure_ascii=False, indent=2) + "\n"
