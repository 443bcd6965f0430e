"""Every name the docs import from tradeoff exists: a documented ``from tradeoff.x import y``
in a Python block of README.md or docs/*.md imports (docs/compare.md once named a
``render_compare_body`` that never existed)."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"```python\n(.*?)```", re.S)
IMPORT = re.compile(r"^\s*(?:>>> )?from (tradeoff[\w.]*) import ([\w, ]+)$", re.M)


def documented_imports() -> list[tuple[str, str, str]]:
    found = []
    for doc in DOCS:
        for block in BLOCK.findall(doc.read_text(encoding="utf-8")):
            for module, names in IMPORT.findall(block):
                for name in names.split(","):
                    found.append((doc.name, module, name.strip()))
    return found


def test_the_docs_do_import_something() -> None:
    assert len(documented_imports()) >= 5


@pytest.mark.parametrize(("doc", "module", "name"), documented_imports())
def test_a_documented_import_exists(doc: str, module: str, name: str) -> None:
    assert hasattr(importlib.import_module(module), name), f"{doc}: {module}.{name}"
