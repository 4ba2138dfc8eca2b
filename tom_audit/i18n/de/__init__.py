"""Deutsche Texte, one module per area; every key exists in the other language too."""

from tom_audit.i18n.de import core

STRINGS: dict[str, str] = {**core.STRINGS}
