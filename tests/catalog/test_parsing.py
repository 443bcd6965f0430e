"""Parsing catalog and dataset files: hostile nesting is a clear error, not a traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tradeoff.catalog.parsing import TOO_DEEP, parse_json, parse_toml
from tradeoff.errors import DataError
from tradeoff.sources import litellm, openrouter

DEPTH = 100_000


def test_deep_json_names_the_file() -> None:
    with pytest.raises(DataError, match=TOO_DEEP) as caught:
        parse_json("[" * DEPTH + "]" * DEPTH, Path("deep.json"))
    assert caught.value.path == "deep.json"


def test_deep_toml_names_the_file() -> None:
    with pytest.raises(DataError, match=TOO_DEEP):
        parse_toml("a = " + "[" * 20_000 + "]" * 20_000, Path("deep.toml"))


@pytest.mark.parametrize("importer", [litellm.import_file, openrouter.import_file])
def test_importers_refuse_deep_json(tmp_path: Path, importer: Callable[[Path], object]) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"a": ' + "[" * DEPTH + "]" * DEPTH + "}", encoding="utf-8")
    with pytest.raises(DataError, match=TOO_DEEP):
        importer(path)
