"""The package layout is the flow from a unit's file to the LKjIP, and imports only run downward:

    base modules ← store ← collect ← ingest, engine ← present ← reports ← web, demo ← cli

A module may import from its own package and from any layer below it, never from a layer above or
from its sibling (ingest and engine do not know each other). Streamlit lives in kinerja.web only.
"""
import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "kinerja"
LAYERS = {"store": 1, "collect": 2, "ingest": 3, "engine": 3, "present": 4, "reports": 5, "web": 6,
          "demo": 6, "cli": 7, "sql": 0}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every kinerja module a file imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kinerja"):
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names
                         if (PACKAGE.parent / f"{node.module}.{a.name}".replace(".", "/")).with_suffix(".py").exists())
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("kinerja"))
    return found


def layer(module: str) -> tuple[int, str]:
    """(rank, stage) of a module: base modules directly in kinerja/ are rank 0."""
    parts = module.split(".")
    stage = parts[1] if len(parts) > 1 and parts[1] in LAYERS else ""
    return LAYERS.get(stage, 0), stage


MODULES = {module_name(p): imports(p) for p in sorted(PACKAGE.rglob("*.py"))}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_a_module_imports_only_from_below_or_its_own_stage(module):
    rank, stage = layer(module)
    upward = [imported for imported in MODULES[module]
              if layer(imported)[1] != stage and layer(imported)[0] >= rank and imported != "kinerja"]
    assert not upward, f"{module} imports from its own layer or above: {upward}"


def test_there_is_no_import_cycle():
    graph = {m: {i for i in deps if i in MODULES and i != m} for m, deps in MODULES.items()}
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        assert module not in path, f"import cycle: {' → '.join(path[path.index(module):] + [module])}"
        if module in done:
            return
        for dependency in graph[module]:
            visit(dependency, path + [module])
        done.add(module)

    for module in graph:
        visit(module, [])


def test_streamlit_is_imported_only_by_the_web_stage():
    users = [module_name(p) for p in PACKAGE.rglob("*.py")
             if "streamlit" in p.read_text(encoding="utf-8") and "import streamlit" in p.read_text(encoding="utf-8")]
    assert all(m.startswith("kinerja.web") for m in users), users
