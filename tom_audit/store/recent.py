"""The assessments opened lately, for the start screen: a small JSON file in the state folder.

A damaged or missing list is no error: the start screen then shows an empty list. Files
that no longer exist are dropped when the list is read.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from tom_audit.locations import state_dir
from tom_audit.problems import InputError
from tom_audit.store.atomic import atomic_write

FILE_NAME = "recent.json"
LIMIT = 12


def recent_file() -> Path:
    return state_dir() / FILE_NAME


def _read() -> list[dict]:
    try:
        data = json.loads(recent_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    items = data.get("files") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return []
    return [i for i in items if isinstance(i, dict) and isinstance(i.get("path"), str)]


def recent(*, existing_only: bool = True) -> list[tuple[Path, str]]:
    """(path, when last opened as ISO text), newest first."""
    out = []
    for item in _read():
        path = Path(item["path"])
        if existing_only and not path.is_file():
            continue
        out.append((path, str(item.get("opened", ""))))
    return out


def remember(path: Path | str, *, now: str | None = None) -> None:
    """Put `path` at the top of the list. Failing to write the list never stops work."""
    resolved = str(Path(path).resolve())
    items = [i for i in _read() if i["path"] != resolved]
    items.insert(0, {"path": resolved, "opened": now or datetime.now().astimezone().isoformat(timespec="seconds")})
    data = {"format": "tom-audit/recent", "files": items[:LIMIT]}
    try:
        recent_file().parent.mkdir(parents=True, exist_ok=True)
        atomic_write(recent_file(), json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"), backup=False)
    except (OSError, InputError):  # InputError: atomic_write refused the target (read-only, not a file)
        pass


def forget(path: Path | str) -> None:
    resolved = str(Path(path).resolve())
    items = [i for i in _read() if i["path"] != resolved]
    try:
        atomic_write(recent_file(), json.dumps({"format": "tom-audit/recent", "files": items},
                                               ensure_ascii=False, indent=1).encode("utf-8"), backup=False)
    except (OSError, InputError):  # InputError: atomic_write refused the target (read-only, not a file)
        pass
