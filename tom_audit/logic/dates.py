"""Dates as tom-audit stores them: ISO text (YYYY-MM-DD), read leniently, checked strictly."""

from __future__ import annotations

import calendar
import re
from datetime import date

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}\Z")  # \Z: "$" would let a final newline through


def is_date(value: str) -> bool:
    """Exactly YYYY-MM-DD and a real day: what an answer may store."""
    return bool(_DATE.match(value)) and parse_date(value) is not None


def parse_date(text: str) -> date | None:
    """An ISO date (or the date part of an ISO timestamp); None when empty or invalid."""
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def add_months(day: date, months: int) -> date:
    """`months` later, on the same day or the month's last day (Jan 31 + 1 = Feb 28)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
