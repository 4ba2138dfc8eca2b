"""English strings, one module per area; every key exists in the other language too."""

import importlib
import pkgutil

# Every module of this package is an area (core, lint, export, tui, ...): a new area is a new
# file, and no key may be defined by two areas (a test checks it).
AREAS: dict[str, dict[str, str]] = {
    info.name: importlib.import_module(f"{__name__}.{info.name}").STRINGS
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name)
}
STRINGS: dict[str, str] = {key: text for area in AREAS.values() for key, text in area.items()}
