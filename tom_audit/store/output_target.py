"""An output file never takes the place of one of the command's own inputs (a catalogue
exported onto its source, a mapping written over itself): the input would be lost without
a backup."""

from __future__ import annotations

import os
from pathlib import Path

from tom_audit.problems import InputError, Problem, display_path


def refuse_overwriting_inputs(out: Path | str, *inputs: Path | str | None) -> None:
    """Raise InputError (naming `out`) if `out` is the same file as any of `inputs` (through
    symlinks and hard links); inputs that are None or do not exist are skipped."""
    for source in inputs:
        if source is None:
            continue
        try:
            same = os.path.samefile(out, source)
        except (OSError, ValueError):  # either one missing (or not a name the OS takes)
            same = False
        if same:
            raise InputError([Problem(display_path(Path(out)), "interop.out_is_source", {})])
