"""Strict schema of the normalized result files (catalog/benchmarks/<file-stem>.json).

One result per line so that a re-import reads as a reviewable diff. Scores are decimal strings
(never floats). Model names are stored as the source wrote them and linked at compile time.
"""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator

from tradeoff.catalog.files import only_files, pinned_folder
from tradeoff.catalog.load import atomic_write_text, read_json_model
from tradeoff.catalog.schema import Strict

RESULTS_DIR = "benchmarks"


class ResultEntry(Strict):
    """One result as imported: names as written, benchmark id mapped through the registry."""

    line: int = Field(ge=2, description="line of the row in the source CSV")
    source_model: str = Field(min_length=1)
    model_id: str | None = None  # models.dev canonical id from the CSV, lower-cased
    provider_ref: str | None = None  # first-party provider entry, or floating:<id>
    match: str | None = None  # how the CSV's author matched model_id/provider_ref
    benchmark: str
    subset: str = ""
    metric: str
    metric_as_published: str = ""
    score: str
    harness: str = ""
    harness_key: str = ""
    settings: dict[str, str] = Field(default_factory=dict)
    run_by: str
    reported: Literal["independent", "vendor", "unattributed"]
    date: str | None = None
    source_url: str = ""
    published_in: str
    source_repo_path: str = ""
    # A preview/experimental checkpoint the source says was run (e.g.
    # "gemini-2.5-pro-preview-06-05"); "" when the run names no preview.
    checkpoint: str = ""
    # The source's own withdrawal of the result, as a reason ("withdrawn by Epoch: …"); "" if none.
    withdrawn: str = ""
    # Where the settings class came from when the row does not state it itself (a copy of a
    # leaderboard row, e.g. models.dev quoting Aider); "" when the row states its own.
    settings_from: str = ""

    @field_validator("score")
    @classmethod
    def _decimal(cls, value: str) -> str:
        try:
            number = Decimal(value)
        except InvalidOperation as exc:
            raise ValueError(f"score {value!r} is not a decimal number") from exc
        if not number.is_finite():
            raise ValueError(f"score {value!r} is not finite")
        return value


class Unregistered(Strict):
    """Rows whose benchmark name the registry does not know (not imported)."""

    benchmark: str
    version: str = ""
    rows: int = Field(ge=1)


class ResultsFile(Strict):
    """A normalized benchmark file: one source, its results and what was left out.

    The source (licence, commit, retrieved date) is named by id only: its one record is in
    sources.toml, or the header of the dataset's import file.
    """

    source_id: str
    file: str  # name of the CSV it was made from
    results: list[ResultEntry]
    unregistered: list[Unregistered] = Field(default_factory=list)


def read_results_file(path: Path) -> ResultsFile:
    """Read and validate one normalized result file."""
    return read_json_model(ResultsFile, path)


def results_files(catalog_dir: Path) -> list[Path]:
    """The committed result files (those of the pinned snapshot, if any), in a stable order."""
    pinned = pinned_folder(catalog_dir / RESULTS_DIR, ".json")
    if pinned is not None:
        return pinned
    return only_files((catalog_dir / RESULTS_DIR).glob("*.json"))


def write_results_file(results: ResultsFile, path: Path) -> None:
    """Write one result per line, keys sorted, atomically."""
    atomic_write_text(path, results_text(results))


def results_text(results: ResultsFile) -> str:
    """A result file's text: one result per line, keys sorted."""
    data = results.model_dump(mode="json")
    lines = ["{"]
    for key in ("source_id", "file"):
        lines.append(f"{json.dumps(key)}: {json.dumps(data[key], ensure_ascii=False)},")
    for key in ("results", "unregistered"):
        items = data[key]
        lines.append(f"{json.dumps(key)}: [")
        lines += [
            json.dumps(item, sort_keys=True, ensure_ascii=False)
            + ("," if i < len(items) - 1 else "")
            for i, item in enumerate(items)
        ]
        lines.append("]," if key == "results" else "]")
    lines.append("}")
    return "\n".join(lines) + "\n"
