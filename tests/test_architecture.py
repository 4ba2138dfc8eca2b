"""Pure core, thin shells: nothing outside tom_audit/tui imports Textual, and the core
commands start without loading Textual, openpyxl or jsonschema."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "tom_audit"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_nothing_outside_the_tui_imports_textual():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "tui" not in path.relative_to(PACKAGE).parts and {"textual", "rich"} & _imports(path)
    ]
    assert offenders == []


def test_core_commands_start_without_heavy_libraries():
    code = (
        "import sys; from tom_audit.cli.main import build_parser; build_parser();"
        "import tom_audit.store.assessment_store, tom_audit.logic.progress;"
        "print(sorted(m for m in ('textual', 'openpyxl', 'jsonschema') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def _mentions(path: Path, package: str) -> bool:
    """`path` imports `package` (statically, or by naming it, as a lazy import would)."""
    text = path.read_text(encoding="utf-8")
    tree = ast.parse(text)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(a.name == package or a.name.startswith(package + ".")
                                                for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == package or node.module.startswith(package + "."):
                return True
            parent, _, last = package.rpartition(".")
            if node.module == parent and any(a.name == last for a in node.names):
                return True
    return f"{package}." in text or f'"{package}"' in text


def test_the_tui_never_imports_the_cli():
    offenders = [str(p.relative_to(PACKAGE)) for p in (PACKAGE / "tui").rglob("*.py") if _mentions(p, "tom_audit.cli")]
    assert offenders == []


def test_the_cli_never_imports_the_tui():
    offenders = [str(p.relative_to(PACKAGE)) for p in (PACKAGE / "cli").rglob("*.py") if _mentions(p, "tom_audit.tui")]
    assert offenders == []


def test_both_shells_commands_share_one_command_line():
    from tom_audit.cli.main import COMMANDS

    names = {module.NAME for module in COMMANDS}
    assert {"open", "review", "new", "lint"} <= names
