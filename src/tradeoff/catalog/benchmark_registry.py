"""The benchmark registry (catalog/benchmarks.toml): what each benchmark measures and how
the sources spell it. Strict schema: an unknown key is an error naming file and field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import Field

from tradeoff.benchmark_records import Benchmark
from tradeoff.catalog.load import read_toml_file, validate
from tradeoff.catalog.schema import Strict
from tradeoff.errors import DataError

REGISTRY_FILE = "benchmarks.toml"
Category = Literal[
    "knowledge",
    "reasoning",
    "math",
    "coding",
    "agentic",
    "instruction-following",
    "long-context",
    "multimodal",
    "preference",
    "writing",
    "security",
    "composite",
]


class BenchmarkEntry(Strict):
    """One benchmark as written in catalog/benchmarks.toml."""

    name: str
    subset: str | None = None
    version: str | None = None
    metric: str
    unit: str
    higher_is_better: bool
    homepage: str | None = None
    category: Category
    # Spellings in sources, case-insensitive; "Name@v" means name Name with version column v.
    names: list[str] = Field(min_length=1)
    # Source metric spellings (case-insensitive) that mean `metric`; "" = metric not stated.
    metrics: list[str] = Field(default_factory=list)
    # Source subset (dataset column) spellings → the subset stored; unlisted ones are kept.
    subsets: dict[str, str] = Field(default_factory=dict)
    # Results of different versions of the harness (aider 0.69 vs 0.85) are one leaderboard.
    harness_versions_comparable: bool = False


class ReporterEntry(Strict):
    """Who ran the numbers a source URL (prefix) cites."""

    name: str
    kind: Literal["vendor", "independent", "unattributed"]  # records.REPORTED_KINDS


class RegistryFile(Strict):
    benchmarks: dict[str, BenchmarkEntry]
    reporters: dict[str, ReporterEntry] = Field(default_factory=dict)


@dataclass
class Registry:
    """The registry with its lookup tables built."""

    entries: dict[str, BenchmarkEntry]
    reporters: dict[str, ReporterEntry]
    by_spelling: dict[tuple[str, str], str] = field(default_factory=dict)

    def benchmark(self, benchmark_id: str) -> Benchmark:
        """The read-side record of one registered benchmark."""
        e = self.entries[benchmark_id]
        return Benchmark(
            id=benchmark_id,
            name=e.name,
            subset=e.subset,
            version=e.version,
            metric=e.metric,
            unit=e.unit,
            higher_is_better=e.higher_is_better,
            homepage=e.homepage,
            category=e.category,
        )

    def lookup(self, name: str, version: str) -> str | None:
        """The benchmark id a source's (name, version) means, or None when unregistered."""
        return self.by_spelling.get((name.strip().casefold(), version.strip().casefold()))

    def metric(self, benchmark_id: str, published: str) -> str:
        """The canonical metric when the registry knows this spelling, else as published."""
        entry = self.entries[benchmark_id]
        known = {m.casefold() for m in entry.metrics}
        return entry.metric if published.strip().casefold() in known else published.strip()

    def subset(self, benchmark_id: str, dataset: str) -> str:
        """The stored subset for a source's dataset column."""
        return self.entries[benchmark_id].subsets.get(dataset.strip(), dataset.strip())

    def reporter(self, url: str) -> ReporterEntry | None:
        """The reporter of the longest URL prefix that matches, if any."""
        # "https://x.ai" and "https://x.ai/" are one site: compare with a trailing slash.
        url = url if url.endswith("/") else url + "/"
        matches = [p for p in self.reporters if url.startswith(p)]
        return self.reporters[max(matches, key=len)] if matches else None


def load_registry(catalog_dir: Path) -> Registry:
    """Read and validate catalog/benchmarks.toml; a spelling claimed twice is an error."""
    path = catalog_dir / REGISTRY_FILE
    if not path.is_file():
        raise DataError("benchmark registry not found", path=path)
    parsed = validate(RegistryFile, read_toml_file(path), path)
    registry = Registry(dict(parsed.benchmarks), dict(parsed.reporters))
    for benchmark_id, entry in sorted(parsed.benchmarks.items()):
        for spelling in entry.names:
            name, _, version = spelling.partition("@")
            key = (name.strip().casefold(), version.strip().casefold())
            previous = registry.by_spelling.get(key)
            if previous is not None and previous != benchmark_id:
                raise DataError(
                    f"spelling {spelling!r} is claimed by {previous!r} and {benchmark_id!r}",
                    path=path,
                    field=f"benchmarks.{benchmark_id}.names",
                )
            registry.by_spelling[key] = benchmark_id
    return registry
