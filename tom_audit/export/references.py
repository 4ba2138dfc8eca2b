"""A measure's references to the standards, as a DPO or auditor reads them.

The catalogue keys (`references:` of a measure): `iso27001` (ISO/IEC 27001:2022 Annex A
controls), `bsi` (IT-Grundschutz-Kompendium 2023 modules and requirements), `sdm`
(Standard-Datenschutzmodell protection goals) and `gspp` (Grundschutz++ control ids). Keys
we do not know are shown with their own name, so nothing the catalogue says is dropped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tom_audit.i18n import has, tr

ORDER = ("iso27001", "bsi", "gspp", "sdm")


def reference_lines(references: Mapping[str, Sequence[str]], lang: str, short: bool = False) -> list[str]:
    """One line per standard, e.g. "ISO/IEC 27001:2022: A.5.15, A.8.5", in a fixed order
    (known keys first, then the rest alphabetically); SDM goals in words. `short`: the
    names of a narrow column ("ISO 27001", "BSI")."""
    keys = [k for k in ORDER if references.get(k)] + sorted(k for k in references if k not in ORDER and references[k])
    lines = []
    for key in keys:
        ids = [str(i) for i in references[key]]
        if key == "sdm":
            ids = [tr(f"ref.sdm.{i}", lang) if has(f"ref.sdm.{i}", lang) else i for i in ids]
        name = f"ref.short.{key}" if short and has(f"ref.short.{key}", lang) else f"ref.{key}"
        label = tr(name, lang) if has(name, lang) else key
        lines.append(f"{label}: {', '.join(ids)}")
    return lines


def reference_text(references: Mapping[str, Sequence[str]], lang: str, short: bool = False) -> str:
    return "\n".join(reference_lines(references, lang, short))
