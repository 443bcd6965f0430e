"""The public API's documented examples run (doctest) on the test catalog.

docs/api.md, the README's Python section and ``tradeoff.api``'s docstring: every ``>>>``
example is run against tests/fixtures/catalog-slice (the autouse fixture of tests/conftest.py
points $TRADEOFF_CATALOG / $TRADEOFF_DB at it), offline and in well under a second.
"""

from __future__ import annotations

import doctest
import sys
from pathlib import Path

import pytest

import tradeoff
from tradeoff import api
from tradeoff.db.queries import Catalog

ROOT = Path(__file__).resolve().parents[1]
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


@pytest.mark.parametrize("name", ["docs/api.md", "README.md"])
def test_documented_examples_run(name: str) -> None:
    result = doctest.testfile(str(ROOT / name), module_relative=False, optionflags=FLAGS)
    assert result.attempted >= 3, f"{name}: no examples found"
    assert result.failed == 0


def test_the_api_module_examples_run() -> None:
    result = doctest.testmod(api, optionflags=FLAGS)
    assert result.attempted >= 3
    assert result.failed == 0


def test_the_names_stay_the_api_after_the_engine_is_imported() -> None:
    import tradeoff.compare.engine  # sets the package's ``compare`` attribute: the engine

    assert vars(tradeoff)["compare"] is sys.modules["tradeoff.compare"]
    assert tradeoff.comparison is api.comparison
    assert tradeoff.cost is api.cost


def test_open_catalog_takes_a_text_tree_or_a_database(
    catalog_dir: Path, catalog_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRADEOFF_DB", str(tmp_path / "from-text.sqlite"))
    from_text = tradeoff.open_catalog(catalog_dir)
    assert isinstance(from_text, Catalog)
    assert from_text.path == tmp_path / "from-text.sqlite"
    assert tradeoff.open_catalog(catalog_db).version == from_text.version


def test_a_single_string_is_not_a_list_of_models() -> None:
    with pytest.raises(TypeError, match="models: a sequence of names"):
        tradeoff.comparison("kimi-k2-instruct")
