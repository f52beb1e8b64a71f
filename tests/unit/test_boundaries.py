"""The core never depends on the web or the database."""

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[2] / "assessments"
FORBIDDEN = ("flask", "flask_", "sqlalchemy", "werkzeug", "app")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", sorted(CORE.rglob("*.py")), ids=lambda p: p.name)
def test_core_module_imports_no_web_or_database_code(path):
    offending = {
        name
        for name in imported_modules(path)
        if name.split(".")[0] in FORBIDDEN or name.startswith("flask_")
    }
    assert not offending, f"{path.name} imports {sorted(offending)}"


def test_the_check_sees_the_core():
    assert len(list(CORE.rglob("*.py"))) >= 3
