"""Where the real third-party files are: `../shared/data` beside the repository (CI), or one
level further up for a git worktree (`wt/NAME`), or TOM_AUDIT_SHARED_DATA. Never copied in."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def shared_data() -> Path:
    candidates = [Path(os.environ["TOM_AUDIT_SHARED_DATA"])] if os.environ.get("TOM_AUDIT_SHARED_DATA") else []
    candidates += [REPO.parent / "shared" / "data", REPO.parent.parent / "shared" / "data"]
    return next((c for c in candidates if c.is_dir()), candidates[0])


DATA = shared_data()
