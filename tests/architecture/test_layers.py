"""The package layout is the data flow: every import points down the layer table, no cycles.

docs/architecture.md holds the same table; this test parses every import (including those
inside functions) of every module under src/tradeoff.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "tradeoff"
DOC = Path(__file__).resolve().parents[2] / "docs" / "architecture.md"

# Layer of each top-level part of the package, in flow order (lower imports nothing higher).
LAYERS: dict[str, int] = {
    "__init__": 0,
    "records": 0,
    "offering_records": 0,
    "benchmark_records": 0,
    "history_records": 0,
    "kinds": 0,
    "units": 0,
    "errors": 0,
    "escape": 0,
    "money": 0,
    "normalize": 0,
    "names": 0,
    "urls": 0,
    "catalog": 1,
    "sources": 2,
    "reconcile": 3,
    "db": 4,
    "compare": 5,
    "pages": 6,
    "render": 7,
    "maintain": 8,
    "web": 9,
    "cli": 10,
    "api": 10,
}

# The one import allowed up the table: the package re-exports its public API (``tradeoff.api``,
# a shell like ``cli``) lazily, on first attribute access (PEP 562), so ``import tradeoff`` —
# which every layer does for ``__version__`` — imports nothing above layer 0.
LAZY_PUBLIC_API = ("tradeoff", "tradeoff.api")
# ``records`` names the offering records on first use (PEP 562); they import ``records``.
LAZY_OFFERING_RECORDS = ("tradeoff.records", "tradeoff.offering_records")


def module_name(path: Path) -> str:
    """``src/tradeoff/db/build.py`` → ``tradeoff.db.build``; a package's ``__init__`` → it."""
    parts = ["tradeoff", *path.relative_to(SRC).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def all_modules() -> dict[str, Path]:
    """Every module of the package by dotted name."""
    return {module_name(p): p for p in sorted(SRC.rglob("*.py"))}


def imported(path: Path, modules: dict[str, Path]) -> Iterator[str]:
    """Project modules ``path`` imports; ``from pkg import sub`` counts as importing ``pkg.sub``."""
    me = module_name(path)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names = [
                f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names
            ]
        else:
            continue
        for name in names:
            if name.startswith("tradeoff"):
                yield name


def layer(module: str) -> int:
    """The layer of a dotted module name."""
    parts = module.split(".")
    return LAYERS[parts[1] if len(parts) > 1 else "__init__"]


def graph() -> dict[str, set[str]]:
    """Module → project modules it imports (itself excluded)."""
    modules = all_modules()
    return {
        name: {
            dep
            for dep in imported(path, modules)
            if dep != name and (name, dep) not in (LAZY_PUBLIC_API, LAZY_OFFERING_RECORDS)
        }
        for name, path in modules.items()
    }


def test_every_top_level_part_has_a_layer() -> None:
    parts = {
        p.stem if p.is_file() else p.name
        for p in SRC.iterdir()
        if p.suffix == ".py" or (p.is_dir() and p.name != "__pycache__" and any(p.rglob("*.py")))
    }
    assert parts <= set(LAYERS), (
        f"add these to LAYERS and docs/architecture.md: {parts - set(LAYERS)}"
    )


def test_no_import_runs_up_a_layer() -> None:
    upward = sorted(
        f"{module} (layer {layer(module)}) imports {dep} (layer {layer(dep)})"
        for module, deps in graph().items()
        for dep in deps
        if layer(dep) > layer(module)
    )
    assert upward == []


def test_no_import_cycle() -> None:
    edges = graph()
    seen: dict[str, int] = {}  # 1: on the current path, 2: done
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        seen[node] = 1
        for dep in sorted(edges.get(node, ())):
            if seen.get(dep) == 1:
                cycles.append([*path[path.index(dep) :], dep] if dep in path else [node, dep])
            elif dep not in seen:
                visit(dep, [*path, dep])
        seen[node] = 2

    for start in sorted(edges):
        if start not in seen:
            visit(start, [start])
    assert cycles == []


def test_the_lazy_public_api_is_imported_only_on_first_use() -> None:
    """The exception above holds only while ``tradeoff/__init__`` imports the API inside a
    function (or for type checkers): never at import time."""
    tree = ast.parse((SRC / "__init__.py").read_text(encoding="utf-8"))
    top_level = [
        node
        for node in tree.body
        if isinstance(node, ast.Import | ast.ImportFrom)
        and any("tradeoff" in (getattr(node, "module", None) or a.name) for a in node.names)
    ]
    assert top_level == []
    code = "import sys, tradeoff; print(sorted(m for m in sys.modules if m.startswith('tradeoff')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['tradeoff']"


def test_records_name_the_offering_records_only_on_first_use() -> None:
    """The second exception holds only while ``records`` imports ``offering_records`` inside
    a function (or for type checkers): importing ``records`` does not define them."""
    tree = ast.parse((SRC / "records.py").read_text(encoding="utf-8"))
    top_level = [
        node
        for node in tree.body
        if isinstance(node, ast.Import | ast.ImportFrom)
        and any("offering_records" in (getattr(node, "module", None) or a.name) for a in node.names)
    ]
    assert top_level == []
    code = (
        "import sys, tradeoff.records as r; print('tradeoff.offering_records' in sys.modules);"
        " print(r.Offering.__module__, 'tradeoff.offering_records' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "tradeoff.offering_records", "True"]


def test_architecture_doc_states_the_same_layers() -> None:
    table = re.findall(r"^\| (\d+) \| ([^|]+) \|", DOC.read_text(encoding="utf-8"), re.MULTILINE)
    documented = {
        part.strip("` "): int(number) for number, cell in table for part in cell.split(",")
    }
    assert documented == LAYERS


def test_runtime_sql_lives_in_db() -> None:
    """Only ``tradeoff.db`` opens SQLite: every other package reads records through it."""
    outside = sorted(
        module
        for module, path in all_modules().items()
        if not module.startswith("tradeoff.db")
        and any(
            isinstance(node, ast.Import | ast.ImportFrom)
            and any(
                (alias.name if isinstance(node, ast.Import) else node.module or "") == "sqlite3"
                for alias in node.names
            )
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        )
    )
    assert outside == []
