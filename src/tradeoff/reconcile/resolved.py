"""The reconciled catalog (``Resolved``) and the precedence rule every merge uses."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from tradeoff.catalog.alias_schema import DistinctModels, FloatingId
from tradeoff.catalog.schema import ImportedModelFacts
from tradeoff.reconcile.aliases import AliasIndex
from tradeoff.reconcile.mislabelled import Key, Rule
from tradeoff.records import (
    MODEL_FACT_FIELDS,
    Conflict,
    DroppedValue,
    Lab,
    Model,
    Offering,
    Provider,
    Source,
)

Stated = list[tuple[ImportedModelFacts, str]]  # facts and the id of the source stating them

# Lower is stronger. Sources not listed rank after all listed ones.
SOURCE_RANK: dict[str, int] = {
    "models-dev": 10,
    "genai-prices": 20,
    "litellm": 30,
    "openrouter": 40,
}
# The source that is a provider's own first-party data for that provider's offerings.
FIRST_PARTY_SOURCE: dict[str, str] = {"openrouter": "openrouter"}
# The origin of offerings written by hand (catalog/providers/<id>.toml); also their link kind.
HAND_WRITTEN = "hand-written"
HAND_WRITTEN_RANK = -1  # above first-party data (0) and every dataset, like a curated fact
OFFERING_FIELDS = ("context_tokens", "max_output_tokens")
MODEL_FACTS = MODEL_FACT_FIELDS


@dataclass(frozen=True)
class UnlinkedOffering:
    source_id: str
    provider_id: str
    provider_model_id: str
    reason: str


@dataclass
class Resolved:
    """The reconciled catalog, ready to compile."""

    sources: dict[str, Source] = field(default_factory=dict)
    labs: dict[str, Lab] = field(default_factory=dict)
    providers: dict[str, Provider] = field(default_factory=dict)
    models: dict[str, Model] = field(default_factory=dict)
    offerings: list[Offering] = field(default_factory=list)
    aliases: dict[str, tuple[str, str]] = field(default_factory=dict)  # alias → (model, how)
    conflicts: list[Conflict] = field(default_factory=list)
    dropped: list[DroppedValue] = field(default_factory=list)
    unlinked: list[UnlinkedOffering] = field(default_factory=list)
    skipped_models: dict[str, str] = field(default_factory=dict)  # id → reason
    # docs/identity.md: floating id → its recorded target (or why unknown); reviewed pairs of
    # different checkpoints (the duplicate detector leaves them alone)
    floating_ids: dict[str, FloatingId] = field(default_factory=dict)
    distinct_models: list[DistinctModels] = field(default_factory=list)
    index: AliasIndex = field(default_factory=AliasIndex)  # for linking other data (benchmarks)
    provider_alias: dict[str, str] = field(default_factory=dict)  # dataset id → provider id
    # source → Counter(offerings=…, linked=…): each import's own offerings, after merging
    source_stats: dict[str, Counter[str]] = field(default_factory=dict)
    # source → provider ids that neither providers.toml nor its aliases know → offering count
    unmapped_providers: dict[str, Counter[str]] = field(default_factory=dict)
    # curated lifecycle entries (catalog/lifecycle/) that matched no offering: 'file entries.N'
    lifecycle_unmatched: list[str] = field(default_factory=list)
    # per source and offering, the token prices read as no text price (reconcile.mislabelled):
    # the history reads that source's dated states with the same rule
    mislabelled: dict[Key, Rule] = field(default_factory=dict)


@dataclass
class Claim:
    value: object
    source_id: str
    checked: str
    rank: tuple[int, str]  # (precedence, inverted date) — sorted ascending = strongest first


def rank(
    source_id: str, checked: str, first_party: bool = False, hand_written: bool = False
) -> tuple[int, str]:
    """Precedence of a claim: hand-written, first-party, dataset rank, then newer checked."""
    if hand_written:
        base = HAND_WRITTEN_RANK
    else:
        base = 0 if first_party else SOURCE_RANK.get(source_id, 90)
    inverted = "".join(chr(ord("9") - ord(c) + ord("0")) if c.isdigit() else c for c in checked)
    return (base, inverted)
