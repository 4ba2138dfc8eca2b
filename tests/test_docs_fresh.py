"""docs/catalogue.md is generated from the bundled YAML; regenerate with `make docs`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tom_audit.render.catalogue_text import catalogue_markdown
from tom_audit.store.catalogue_store import load_catalogue

DOCS = Path(__file__).resolve().parents[1] / "docs"


@pytest.mark.parametrize(("lang", "name"), [("de", "catalogue.md"), ("en", "catalogue.en.md")])
def test_catalogue_reference_is_up_to_date(lang, name):
    expected = catalogue_markdown(load_catalogue("tom-art32"), lang)
    assert (DOCS / name).read_text(encoding="utf-8") == expected, "stale: run `make docs`"
