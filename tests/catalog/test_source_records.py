"""One record per source: a second definition anywhere is an error naming the file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tradeoff.catalog.load import load_catalog, write_import
from tradeoff.errors import DataError
from tradeoff.sources.models_dev import import_tree

FIXTURES = Path(__file__).parents[1] / "fixtures"
DATASET_COPY = """
[sources.models-dev]
name = "models.dev"
kind = "dataset"
url = "https://github.com/anomalyco/models.dev"
licence = "MIT"
retrieved = 2026-07-02
"""
CARD_COPY = """
[sources.widget-1-card]
name = "Widget 1 model card"
kind = "model-card"
url = "https://acme.example/widget-1"
licence = "facts"
retrieved = 2026-11-29
"""


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    root = tmp_path / "catalog"
    shutil.copytree(FIXTURES / "catalog-mini", root)
    write_import(import_tree(FIXTURES / "models-dev-mini"), root / "imports" / "models-dev.json")
    return root


def test_an_imported_dataset_is_its_header(mini: Path) -> None:
    text = load_catalog(mini)
    assert "models-dev" not in text.declared_sources
    assert text.sources["models-dev"] == text.imports[0].source


def test_a_dataset_declared_by_hand_too_names_the_copy(mini: Path) -> None:
    sources = mini / "sources.toml"
    sources.write_text(sources.read_text() + DATASET_COPY)
    with pytest.raises(DataError) as caught:
        load_catalog(mini)
    error = caught.value
    assert (error.path, error.field) == (str(sources), "sources.models-dev")
    assert error.line == 3  # the [sources.models-dev] header
    assert "imports/models-dev.json" in error.message and "delete this copy" in error.message


def test_a_source_declared_twice_by_hand_names_both_files(mini: Path) -> None:
    sources = mini / "sources.toml"
    sources.write_text(sources.read_text() + CARD_COPY)
    curated = mini / "curated" / "acme" / "widget-1.toml"
    with pytest.raises(DataError) as caught:
        load_catalog(mini)
    assert caught.value.path == str(curated)
    assert f"already declared in {sources}" in caught.value.message


def test_an_import_named_after_another_source_is_refused(mini: Path) -> None:
    (mini / "imports" / "models-dev.json").rename(mini / "imports" / "litellm.json")
    with pytest.raises(DataError, match="does not match the file name") as caught:
        load_catalog(mini)
    assert caught.value.field == "source_id"


def test_hand_written_facts_may_not_cite_a_dataset_import(mini: Path) -> None:
    curated = mini / "curated" / "acme" / "widget-1.toml"
    text = curated.read_text()
    curated.write_text(
        text.replace('architecture = { value = "dense", source = "widget-1-card"',
                     'architecture = { value = "dense", source = "models-dev"')
    )  # fmt: skip
    with pytest.raises(DataError) as caught:
        load_catalog(mini)
    error = caught.value
    assert (error.path, error.field) == (str(curated), "facts.architecture.source")
    assert "dataset import" in error.message
    assert (
        error.line is not None
        and "architecture" in curated.read_text().splitlines()[error.line - 1]
    )
