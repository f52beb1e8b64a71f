"""The application's layers: the four phases stand side by side on shared
pieces, engagements and reports oversee them from above, and every import is
at the top of its module, so the order the modules load in is the map's order.

Read from the source (no app is created)."""

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[2] / "app"
PHASES = ("preparation", "planning", "design", "implementation")
#: The layer above the phases: it may read every phase, no phase reads it.
OVERSIGHT = ("app.engagements", "app.reports", "app.evidence")
#: Packages below the phases, which every phase may build on.
SHARED_PACKAGES = ("questionnaires", "measures", "models", "i18n")


def modules(tree: ast.AST) -> list[tuple[str, int]]:
    """Every absolute module the file imports, with its line."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, node.lineno))
            found += [
                (f"{node.module}.{alias.name}", node.lineno) for alias in node.names
            ]
    return found


def deferred_app_imports(tree: ast.AST) -> list[int]:
    """Lines of ``app`` imports inside a function or a class."""
    lines = []
    for scope in ast.walk(tree):
        if isinstance(scope, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            for node in ast.walk(scope):
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                    "app"
                ):
                    lines.append(node.lineno)
                elif isinstance(node, ast.Import) and any(
                    alias.name.split(".")[0] == "app" for alias in node.names
                ):
                    lines.append(node.lineno)
    return sorted(set(lines))


def phase_of(module: str) -> str | None:
    parts = module.split(".")
    return (
        parts[1]
        if len(parts) > 1 and parts[0] == "app" and parts[1] in PHASES
        else None
    )


def source_files() -> list[Path]:
    return sorted(APP.rglob("*.py"))


@pytest.mark.parametrize("path", source_files(), ids=lambda p: str(p.relative_to(APP)))
def test_every_app_import_is_at_the_top_of_its_module(path):
    lines = deferred_app_imports(ast.parse(path.read_text(encoding="utf-8")))
    assert not lines, f"{path.relative_to(APP)} imports app modules at lines {lines}"


def imports_of(package: str) -> list[tuple[str, str]]:
    """(file:line, module) for every absolute import in the package's files."""
    found = []
    for path in sorted((APP / package).rglob("*.py")):
        for module, line in modules(ast.parse(path.read_text(encoding="utf-8"))):
            found.append((f"{path.relative_to(APP)}:{line}", module))
    return found


@pytest.mark.parametrize("phase", PHASES)
def test_a_phase_reads_neither_oversight_nor_another_phase(phase):
    offending = [
        f"{where} {module}"
        for where, module in imports_of(phase)
        if module.startswith(OVERSIGHT) or phase_of(module) not in (None, phase)
    ]
    assert not offending, offending


@pytest.mark.parametrize("shared", SHARED_PACKAGES)
def test_the_shared_packages_read_no_phase_and_no_oversight(shared):
    offending = [
        f"{where} {module}"
        for where, module in imports_of(shared)
        if module.startswith(OVERSIGHT) or phase_of(module) is not None
    ]
    assert not offending, offending


def test_the_checks_see_the_source():
    """The checks find what they look for: in a module written to break both."""
    tree = ast.parse(
        "from app.models import User\n"
        "def view():\n"
        "    from app.engagements.routes import glance\n"
    )
    assert deferred_app_imports(tree) == [3]
    assert ("app.engagements.routes.glance", 3) in modules(tree)
    assert phase_of("app.planning.services") == "planning"
    assert phase_of("app.pdf") is None
    assert len(source_files()) > 50
