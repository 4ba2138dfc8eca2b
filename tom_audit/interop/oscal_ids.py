"""Ids, uuids and timestamps for the OSCAL we write: stable, so the same input gives the
same bytes (RFC 9562 uuid5 from content, never random)."""

from __future__ import annotations

import re
import uuid
from datetime import datetime, timezone

OSCAL_VERSION = "1.1.3"  # what the BSI's files declare; trestle's models validate it
# Our own props and parts (level, kind, references, evidence hints) live in this namespace.
TOM_NS = "https://github.com/tom-audit/tom-audit/ns/oscal"
_NAMESPACE = uuid.UUID("6f1d2a8e-3c4b-5d6e-8f90-a1b2c3d4e5f6")
# OSCAL token: a letter or underscore first (https://pages.nist.gov/OSCAL/reference/datatypes/#token)
_TOKEN = re.compile(r"^[_A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF][_A-Za-z0-9.\-\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF]*$")
FIXED_TIME = "2000-01-01T00:00:00+00:00"  # catalogues carry no date; documented in the README


def stable_uuid(*parts: str) -> str:
    """uuid5 of the parts joined; same parts, same uuid."""
    return str(uuid.uuid5(_NAMESPACE, "\x1f".join(parts)))


def control_id(measure_id: str) -> str:
    """An OSCAL token for a measure id: as it is, or with `_` before a leading digit (`5.15`
    -> `_5.15`); the original stays in the control's `label` prop, which import reads back."""
    return measure_id if _TOKEN.match(measure_id) else f"_{measure_id}"


def is_token(value: str) -> bool:
    return bool(_TOKEN.match(value))


def timestamp(value: str, fallback: str = FIXED_TIME) -> str:
    """An OSCAL date-time-with-timezone from our ISO date or date-time (UTC when none given)."""
    if not value:
        return fallback
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return fallback
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed.isoformat()
