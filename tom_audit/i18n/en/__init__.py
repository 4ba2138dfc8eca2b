"""English strings, one module per area; every key exists in the other language too."""

from tom_audit.i18n.en import core

STRINGS: dict[str, str] = {**core.STRINGS}
from tom_audit.i18n.en import lint as _lint  # noqa: E402  (lint, diff, review)
STRINGS.update(_lint.STRINGS)
from tom_audit.i18n.en import export as _export  # noqa: E402  (export)
STRINGS.update(_export.STRINGS)
from tom_audit.i18n.en import tui as _tui  # noqa: E402  (the UI, tom-audit open)
STRINGS.update(_tui.STRINGS)
