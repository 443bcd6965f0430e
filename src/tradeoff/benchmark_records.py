"""Frozen read-side records of the benchmark registry and of benchmark results."""

from decimal import Decimal
from typing import NamedTuple

# Who ran a result: the model's own vendor, an independent party, or not stated by the source.
VENDOR = "vendor"
INDEPENDENT = "independent"
UNATTRIBUTED = "unattributed"
REPORTED_KINDS = (INDEPENDENT, VENDOR, UNATTRIBUTED)


class Benchmark(NamedTuple):
    """One registered benchmark (catalog/benchmarks.toml)."""

    id: str
    name: str
    subset: str | None  # the subset/split the registry entry describes, when fixed
    version: str | None
    metric: str  # canonical metric name, e.g. "accuracy"
    unit: str  # "%", "Elo", "minutes", "score"
    higher_is_better: bool
    homepage: str | None
    category: str


class BenchmarkResult(NamedTuple):
    """One published score of one canonical model on one registered benchmark.

    ``settings`` is a sorted tuple of (key, value) pairs — reasoning effort, shots, attempts,
    thinking budget — that change the score; two results are comparable only when equal.
    ``harness_key`` is ``harness`` reduced to what must match (e.g. aider without version).
    ``published_in`` is the publication the number came from: the page the source cites, or
    the snapshot file when the page moves (LMArena ratings are comparable within one snapshot).
    """

    id: str  # "<file stem>#<row number>", stable within a catalog version
    model_id: str
    benchmark_id: str
    subset: str  # "" when the source states none
    metric: str  # canonical when the registry knows the source's spelling, else as published
    metric_as_published: str
    score: Decimal
    harness: str  # "" when the source does not say
    harness_key: str
    settings: tuple[tuple[str, str], ...]
    run_by: str
    reported: str  # one of REPORTED_KINDS
    date: str | None
    source_id: str
    source_url: str
    published_in: str
    licence: str
    source_model: str  # the model name exactly as the source wrote it
    matched_how: str  # how source_model was linked to model_id
    # The run used a preview/experimental checkpoint (its name) that is not the linked model's
    # own released checkpoint: it never stands for that model. "" when not a preview.
    checkpoint: str = ""
    # Why the source itself withdrew the result ("withdrawn by Epoch: run not in latest file").
    withdrawn: str = ""
    # Where the settings class was read when the row copies another publication's row.
    settings_from: str = ""

    @property
    def settings_text(self) -> str:
        """Settings for people: "reasoning_effort=high, shots=5", or "" when none."""
        return ", ".join(f"{k}={v}" for k, v in self.settings)

    @property
    def settings_class(self) -> str:
        """The run's settings class in words: "thinking run (32k budget)", "plain run"."""
        return settings_class(self.settings)

    @property
    def left_out_because(self) -> str | None:
        """Why this result is never compared with anything, or None when it may be."""
        if self.withdrawn:
            return self.withdrawn
        if self.checkpoint:
            return f"preview checkpoint ({self.checkpoint}): does not stand for the released model"
        return None


def settings_class(settings: tuple[tuple[str, str], ...]) -> str:
    """Settings that change a score, in words; "plain run" when the source states none.

    ``(("thinking", "on"), ("thinking_budget", "32k"))`` → "thinking run (32k budget)";
    ``(("reasoning_effort", "high"),)`` → "run with reasoning effort high".
    """
    given = dict(settings)
    head = ""
    if given.get("thinking") == "on":
        budget = given.get("thinking_budget")
        head = "thinking run" + (f" ({budget} budget)" if budget else "")
    elif given.get("thinking") == "off":
        head = "run without thinking"
    parts = []
    if "reasoning_effort" in given:
        parts.append(f"reasoning effort {given['reasoning_effort']}")
    if "shots" in given:
        parts.append(f"{given['shots']}-shot")
    if "attempts" in given:
        parts.append(given["attempts"])
    if "quantization" in given:
        parts.append(f"{given['quantization']} weights")
    if "variant" in given:
        parts.append(f"variant {given['variant']!r}")
    if not head and not parts:
        return "plain run"
    if not head:
        return "run with " + ", ".join(parts)
    return ", ".join([head, *parts])
