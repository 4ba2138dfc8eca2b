"""The provider register <-> the `providers:` list of an assessment file (format version 2).
Unknown keys survive in `extra` and are reported as warnings, like everywhere else."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from tom_audit.model.providers import Certificate, Provider, Transfer
from tom_audit.problems import WARNING, Problem
from tom_audit.store.dataclass_reader import DataclassReader
from tom_audit.store.yaml_emit import emit_lines
from tom_audit.store.yaml_load import NodeIndex


def _empty(value: Any) -> bool:
    return value is None or value is False or value == "" or (isinstance(value, (list, dict)) and not value)


def _plain(obj: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(obj):
        if f.name == "extra":
            continue
        value = getattr(obj, f.name)
        if isinstance(value, list) and value and not isinstance(value[0], str):
            value = [_plain(item) for item in value]
        elif isinstance(value, list):
            value = list(value)
        if not _empty(value):
            out[f.name] = value
    out.update(obj.extra)
    return out


def provider_document(provider: Provider) -> dict[str, Any]:
    """One entry as a plain dict in field order, empty fields left out (also for JSON export)."""
    return _plain(provider)


def provider_lines(providers: list[Provider], out: list[str]) -> None:
    """Append `providers:` and its entries; nothing for an empty register."""
    if providers:
        emit_lines({"providers": [_plain(p) for p in providers]}, "", out)


class _Builder(DataclassReader):
    def provider(self, data: dict[str, Any], path: tuple) -> Provider:
        provider = self.build(Provider, data, path)
        provider.locations = list(provider.locations)
        provider.transfers = [self.build(Transfer, t, (*path, "transfers", i)) for i, t in enumerate(provider.transfers)]
        provider.certificates = [self.build(Certificate, c, (*path, "certificates", i))
                                 for i, c in enumerate(provider.certificates)]
        return provider


def read_providers(data: list[dict[str, Any]] | None, index: NodeIndex, shown: str) -> tuple[list[Provider], list[Problem]]:
    """The register from a schema-valid `providers:` list, and warnings for unknown keys."""
    builder = _Builder(index, shown)
    providers = [builder.provider(item, ("providers", i)) for i, item in enumerate(data or [])]
    seen: set[str] = set()
    for i, provider in enumerate(providers):
        if provider.id in seen:  # answers and notices would point at the first one only
            builder.warnings.append(Problem(shown, "provider.duplicate_in_file", {"id": provider.id}, severity=WARNING,
                                            **index.position(("providers", i, "id"))))
        seen.add(provider.id)
    return providers, builder.warnings
