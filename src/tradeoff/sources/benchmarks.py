"""`tradeoff import benchmarks PATH`: normalized benchmark CSVs → catalog/benchmarks/*.json.

Benchmark names are mapped through the registry (unknown names are counted, not imported);
model names are kept as written and linked at compile time through the alias index. A file
whose source licence does not allow redistribution is refused unless the caller says the
catalog is for their own use.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from tradeoff.benchmark_records import INDEPENDENT, UNATTRIBUTED, VENDOR
from tradeoff.catalog.benchmark_files import ResultEntry, ResultsFile, Unregistered
from tradeoff.catalog.benchmark_registry import Registry
from tradeoff.catalog.schema import SourceEntry
from tradeoff.errors import DataError, UsageError

COLUMNS = (
    "model_id",
    "benchmark",
    "score",
    "metric",
    "harness",
    "source_url",
    "date",
    "source_repo_path",
    "source_model",
    "variant",
    "dataset",
    "version",
    "match",
    "provider_ref",
    "notes",
)


@dataclass(frozen=True)
class FileSource:
    """What a known CSV is: its catalog source and who ran its numbers by default."""

    source_id: str
    run_by: str | None = None  # None: decided per row (harness, URL)
    # LMArena ratings are comparable within one snapshot file only, not across snapshots.
    published_in_snapshot: bool = False


# The CSVs of ../shared/data/benchmarks (README.md there describes each).
KNOWN_FILES: dict[str, FileSource] = {
    "models-dev": FileSource("models-dev"),
    "epoch-benchmark-stitching": FileSource("epoch-benchmarks"),
    "aider-leaderboards": FileSource("aider-leaderboards", run_by="Aider"),
    "lmarena-arena-catalog": FileSource("lmarena", run_by="LMArena", published_in_snapshot=True),
    "swebench-leaderboard": FileSource("swebench", run_by="SWE-bench leaderboard"),
    "vendor-kimi-k2-instruct": FileSource("kimi-k2-model-card"),
}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_EFFORT = re.compile(r"\b(minimal|low|medium|high|xhigh|max)\b")
_SHOTS = re.compile(r"\b(\d+)-shot\b")
_BUDGET = re.compile(r"\b(\d+)\s*k\b|thinking_tokens=(\d+)")
_VERSION_TAIL = re.compile(r"\s+v?\d+(\.\d+)*\S*$")


def parse_settings(variant: str) -> dict[str, str]:
    """Settings that change a score, from a source's variant text.

    ``"reasoning effort: high"`` → reasoning_effort=high; ``"5-shot"`` → shots=5;
    ``"thinking 32k"`` → thinking=on, thinking_budget=32k; ``"no thinking"`` → thinking=off.
    Text not understood is kept whole as ``variant`` so it still only compares with itself.
    """
    text = variant.strip().lower()
    if not text:
        return {}
    settings: dict[str, str] = {}
    rest = text
    if shots := _SHOTS.search(text):
        settings["shots"] = shots.group(1)
        rest = rest.replace(shots.group(0), "")
    if re.search(r"\bno[ -]think(ing)?\b", text):
        settings["thinking"] = "off"
        rest = re.sub(r"\bno[ -]think(ing)?\b", "", rest)
    elif "think" in text:
        settings["thinking"] = "on"
        if budget := _BUDGET.search(text):
            tokens = budget.group(1) or str(round(int(budget.group(2)) / 1024))
            settings["thinking_budget"] = f"{tokens}k"
        rest = re.sub(r"thinking_tokens=\d+|\b\d+\s*k\b|thinking|think|budget|tokens?", "", rest)
    if effort := _EFFORT.search(text):
        settings["reasoning_effort"] = effort.group(1)
        rest = re.sub(r"reasoning[ _]effort[:=]?|\b" + effort.group(1) + r"\b", "", rest)
    if re.sub(r"[\s;:,=]+", "", rest):
        settings["variant"] = variant.strip()  # not fully understood: keep the whole text
    return settings


def harness_key(harness: str, versions_comparable: bool) -> str:
    """What of a harness must match: all of it, or its name without version."""
    key = harness.strip().lower()
    return _VERSION_TAIL.sub("", key) if versions_comparable else key


def _reporter(row: dict[str, str], known: FileSource, registry: Registry) -> tuple[str, str]:
    harness = row["harness"].strip()
    if harness.lower().startswith("vendor"):
        inside = harness[harness.find("(") + 1 : harness.rfind(")")] if "(" in harness else ""
        return inside or "the model's vendor", VENDOR
    if harness.startswith("Epoch AI"):
        return "Epoch AI", INDEPENDENT
    if known.run_by:
        return known.run_by, INDEPENDENT
    entry = registry.reporter(row["source_url"].strip())
    if entry is None:
        return "not stated", UNATTRIBUTED
    if entry.kind == VENDOR and row["source_url"].startswith("https://huggingface.co/"):
        org = row["source_url"].split("/")[3]
        return f"{org} (model card on Hugging Face)", VENDOR
    return entry.name, entry.kind


def _row_error(path: Path, line: int, message: str, field: str | None = None) -> DataError:
    return DataError(message, path=path, line=line, field=field)


def _on_the_calendar(text: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real year, month or day (not 2026-02-30)."""
    if not _DATE.match(text):
        return False
    year, month, day = [*text.split("-"), "1", "1"][:3]
    try:
        dt.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def read_csv(path: Path, registry: Registry, source_id: str) -> ResultsFile:
    """Parse one benchmark CSV; a malformed row raises an error naming file, line and column."""
    known = KNOWN_FILES[path.stem]
    results: list[ResultEntry] = []
    unregistered: Counter[tuple[str, str]] = Counter()
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            # strict: a file cut inside a quoted field is an error, not a shortened last row
            reader = csv.DictReader(handle, strict=True)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise DataError(f"missing columns: {', '.join(missing)}", path=path, line=1)
            for row in reader:
                line = reader.line_num
                if None in row or any(v is None for v in row.values()):
                    raise _row_error(path, line, "wrong number of fields")
                entry = _entry(path, line, row, registry, known)
                if entry is None:
                    unregistered[(row["benchmark"].strip(), row["version"].strip())] += 1
                else:
                    results.append(entry)
    except UnicodeDecodeError as exc:
        raise DataError(f"not UTF-8: {exc.reason}", path=path) from exc
    except csv.Error as exc:
        raise DataError(f"malformed CSV: {exc}", path=path) from exc
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror}", path=path) from exc
    return ResultsFile(
        source_id=source_id,
        file=path.name,
        results=results,
        unregistered=[
            Unregistered(benchmark=name, version=version, rows=n)
            for (name, version), n in sorted(unregistered.items())
        ],
    )


def _entry(
    path: Path, line: int, row: dict[str, str], registry: Registry, known: FileSource
) -> ResultEntry | None:
    name = row["benchmark"].strip()
    if not name:
        raise _row_error(path, line, "empty benchmark name", "benchmark")
    if not row["source_model"].strip():
        raise _row_error(path, line, "empty model name", "source_model")
    score = row["score"].strip()
    try:
        if not Decimal(score).is_finite():
            raise InvalidOperation
    except InvalidOperation:
        raise _row_error(path, line, f"score {score!r} is not a number", "score") from None
    date = row["date"].strip() or None
    if date is not None and not _on_the_calendar(date):
        raise _row_error(path, line, f"date {date!r} is not a date YYYY[-MM[-DD]]", "date")
    benchmark_id = registry.lookup(name, row["version"])
    if benchmark_id is None:
        return None
    entry = registry.entries[benchmark_id]
    run_by, reported = _reporter(row, known, registry)
    harness = row["harness"].strip()
    url = row["source_url"].strip()
    published_in = row["source_repo_path"].strip() if known.published_in_snapshot else url
    settings = parse_settings(row["variant"])
    for kind in ("pass", "avg"):
        if found := re.search(rf"\b{kind}@(\d+)", row["metric"], re.IGNORECASE):
            settings.setdefault("attempts", f"{kind}@{found.group(1)}")
    return ResultEntry(
        line=line,
        source_model=row["source_model"].strip(),
        model_id=row["model_id"].strip().lower() or None,
        provider_ref=row["provider_ref"].strip() or None,
        match=row["match"].strip() or None,
        benchmark=benchmark_id,
        subset=registry.subset(benchmark_id, row["dataset"]),
        metric=registry.metric(benchmark_id, row["metric"]),
        metric_as_published=row["metric"].strip(),
        score=score,
        harness=harness,
        harness_key=harness_key(harness, entry.harness_versions_comparable),
        settings=settings,
        run_by=run_by,
        reported=reported,
        date=date,
        source_url=url,
        published_in=published_in or row["source_repo_path"].strip(),
        source_repo_path=row["source_repo_path"].strip(),
    )


def csv_paths(path: Path) -> list[Path]:
    """The CSV files to import: PATH itself, or the known CSVs of a directory."""
    if path.is_file():
        files = [path]
    elif path.is_dir():
        files = sorted(p for p in path.glob("*.csv"))
        if not files:
            raise UsageError("no .csv files in directory", field="PATH", path=path)
    else:
        raise UsageError("no such file or directory", field="PATH", path=path)
    for file in files:
        if file.stem not in KNOWN_FILES:
            raise UsageError(
                f"unknown benchmark file {file.name!r}; known: "
                + ", ".join(f"{stem}.csv" for stem in sorted(KNOWN_FILES)),
                field="PATH",
                path=file,
            )
    return files


def gate(source_id: str, source: SourceEntry, allow_nonredistributable: bool) -> None:
    """Refuse a source whose licence does not allow shipping it, unless the user opted in."""
    if source.redistributable or allow_nonredistributable:
        return
    raise UsageError(
        f"{source_id}: licence {source.licence!r} does not allow redistribution, so it is not "
        "part of the bundled catalog; to import it into a catalog for your own use, pass "
        "--allow-nonredistributable (and do not publish the result)",
        field="PATH",
    )
