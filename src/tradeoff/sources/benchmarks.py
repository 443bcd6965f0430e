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
    # Quotes leaderboard rows without their settings (models.dev): see _COPIED_LEADERBOARDS.
    quotes_leaderboards: bool = False


# The CSVs of ../shared/data/benchmarks (README.md there describes each).
KNOWN_FILES: dict[str, FileSource] = {
    "models-dev": FileSource("models-dev", quotes_leaderboards=True),
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
# A preview or experimental checkpoint in a model name: "gemini-2.5-pro-preview-06-05",
# "gemini-exp-1206", "Gemini 2.0 Pro exp-02-05", "DeepSeek-V3.2-Exp (Chat)".
_PREVIEW = re.compile(r"\bpreview\b|\bexp\b|\bexperimental\b", re.IGNORECASE)
_TRAILING_NOTE = re.compile(r"\s*\([^)]*\)\W*$")
# Epoch's own runs: a run missing from the newest benchmarks_runs.csv was withdrawn by Epoch.
_EPOCH_WITHDRAWN = "run not in latest file"
_LAST_SEEN = re.compile(r"last seen at commit (\w+)")
# Leaderboards whose rows other datasets copy without their settings (models.dev quotes Aider
# scores with no "(32k thinking)" or "(high)"): the copy takes the leaderboard row's class.
_COPIED_LEADERBOARDS = {"https://aider.chat/": "aider-leaderboards.csv"}


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


def preview_checkpoint(source_model: str, *own_ids: str | None) -> str:
    """The preview/experimental checkpoint a source model name names, or "".

    ``own_ids`` are ids the row already links by (its model id, its provider entry): when the
    name is one of them, the preview id is how a provider serves that very model
    (``kimi-k2-0711-preview`` is Moonshot's id of Kimi K2 0711), so it is no other checkpoint.
    """
    name = _TRAILING_NOTE.sub("", source_model).strip()
    if not _PREVIEW.search(name):
        return ""
    tails = {i.rsplit("/", 1)[-1].lower() for i in own_ids if i}
    return "" if name.lower() in tails else name


def _withdrawn(known: FileSource, notes: str) -> str:
    if known.source_id != "epoch-benchmarks" or _EPOCH_WITHDRAWN not in notes:
        return ""
    seen = _LAST_SEEN.search(notes)
    return f"withdrawn by Epoch: {_EPOCH_WITHDRAWN}" + (
        f" (last seen at commit {seen.group(1)})" if seen else ""
    )


CopyKey = tuple[str, str, str]  # (benchmark name, normalized score, date)


def leaderboard_rows(directory: Path) -> dict[CopyKey, list[dict[str, str]]]:
    """Rows of the leaderboards others copy, by (benchmark, score, date), when present."""
    out: dict[CopyKey, list[dict[str, str]]] = {}
    for file in _COPIED_LEADERBOARDS.values():
        path = directory / file
        if not path.is_file():
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                out.setdefault(_copy_key(row), []).append(row)
    return out


def _copy_key(row: dict[str, str]) -> CopyKey:
    try:
        score = str(Decimal(row["score"].strip()).normalize())
    except InvalidOperation:
        score = row["score"].strip()
    return (row["benchmark"].strip(), score, row["date"].strip())


def _copied_from(
    row: dict[str, str], leaderboards: dict[CopyKey, list[dict[str, str]]]
) -> dict[str, str] | None:
    """The leaderboard row a dataset's row copies (same board, benchmark, score, date)."""
    if not any(row["source_url"].strip().startswith(u) for u in _COPIED_LEADERBOARDS):
        return None
    found = leaderboards.get(_copy_key(row), [])
    return found[0] if len(found) == 1 else None


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
    # A dataset that quotes leaderboards (models.dev) reads them from the same directory.
    leaderboards = leaderboard_rows(path.parent) if known.quotes_leaderboards else {}
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
                entry = _entry(path, line, row, registry, known, leaderboards)
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
    path: Path,
    line: int,
    row: dict[str, str],
    registry: Registry,
    known: FileSource,
    leaderboards: dict[CopyKey, list[dict[str, str]]],
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
    model_id = row["model_id"].strip().lower() or None
    provider_ref = row["provider_ref"].strip() or None
    run = row  # the row that says how the number was produced
    settings_from = ""
    if not row["variant"].strip() and (copied := _copied_from(row, leaderboards)) is not None:
        run = copied
        settings_from = f"{copied['source_model'].strip()!r} on {copied['source_url'].strip()}"
    variant = run["variant"]
    from_aider = known.run_by == "Aider" or run is not row  # copies are of Aider rows
    if not variant.strip() and "," in run["source_model"] and from_aider:
        # Aider names some runs "Qwen3 235B A22B diff, no think, Alibaba API"
        variant = run["source_model"].split(",", 1)[1]
    settings = parse_settings(variant)
    for kind in ("pass", "avg"):
        if found := re.search(rf"\b{kind}@(\d+)", row["metric"], re.IGNORECASE):
            settings.setdefault("attempts", f"{kind}@{found.group(1)}")
    return ResultEntry(
        line=line,
        source_model=row["source_model"].strip(),
        model_id=model_id,
        provider_ref=provider_ref,
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
        checkpoint=preview_checkpoint(run["source_model"], model_id, provider_ref),
        withdrawn=_withdrawn(known, row["notes"]),
        settings_from=settings_from,
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
