"""What is known about a model beyond one offering's statements, to tell whether a dataset's
text price is another unit's rate (reconcile/other_unit_rates.py).

- The model's modalities per side, as any source states them (curated facts, the datasets'
  model facts, every offering's facts): a price per 1M audio tokens can only be filed under
  a text name for a side that takes audio.
- The statements of the lab's own (first-party) offering of the model: a reseller copies the
  lab's list price, so its text price that equals the image rate the lab states beside a
  different text price is that image rate (302.AI's gemini-2.5-flash-image output $30).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from tradeoff.catalog.load import CatalogText
from tradeoff.reconcile.statements import Statement
from tradeoff.records import Provider

SIDES = ("input", "output")
# The token units a dataset's plain per-token price can be mistaken for, and their nouns.
TOKEN_UNITS = {"per_mtok_image": "image", "per_mtok_audio": "audio", "per_mtok_video": "video"}
NO_MODALITIES: Mapping[str, frozenset[str]] = {side: frozenset() for side in SIDES}


@dataclass(frozen=True)
class ModelEvidence:
    """One model's stated modalities per side, and its lab's own offering's statements."""

    modalities: Mapping[str, frozenset[str]] = field(default_factory=lambda: NO_MODALITIES)
    lab_id: str | None = None
    lab_statements: tuple[Statement, ...] = ()


def gather(
    text: CatalogText,
    providers: Mapping[str, Provider],
    groups: Iterable[tuple[str, str | None, list[Statement]]],
) -> dict[str, ModelEvidence]:
    """Model id → its evidence, from (provider id, linked model id, statements) groups."""
    labs = _labs(text)
    modalities: dict[str, dict[str, set[str]]] = {}
    lab_statements: dict[str, list[Statement]] = {}

    def add(model_id: str, facts: Mapping[str, object]) -> None:
        for side in SIDES:
            stated = facts.get(f"modalities_{side}")
            if isinstance(stated, list):
                sides = modalities.setdefault(model_id, {s: set() for s in SIDES})
                sides[side].update(str(m) for m in stated)

    for model_id, curated in text.curated.items():
        add(model_id, {name: fact.value for name, fact in curated.facts.items()})
    for imported in text.imports:
        for facts in imported.models:
            add(facts.id, facts.facts)
    for pid, linked, statements in groups:
        if linked is None:
            continue
        for statement in statements:
            add(linked, statement.offering.facts)
        provider = providers.get(pid)
        if (
            provider is not None
            and provider.kind == "first-party"
            and provider.lab_id == _lab_of(linked, labs)
        ):
            lab_statements.setdefault(linked, []).extend(
                s
                for s in statements
                if _states_token_rates(s)  # only these can tell
            )
    return {
        model_id: ModelEvidence(
            modalities={s: frozenset(modalities.get(model_id, {}).get(s, ())) for s in SIDES},
            lab_id=_lab_of(model_id, labs),
            lab_statements=tuple(lab_statements.get(model_id, ())),
        )
        for model_id in modalities.keys() | lab_statements.keys()
    }


def offering_modalities(
    evidence: ModelEvidence, statements: Iterable[Statement]
) -> dict[str, frozenset[str]]:
    """The model's modalities per side, with what this offering's own statements state."""
    found = {side: set(evidence.modalities.get(side, ())) for side in SIDES}
    for statement in statements:
        for side in SIDES:
            stated = statement.offering.facts.get(f"modalities_{side}")
            if isinstance(stated, list):
                found[side].update(str(m) for m in stated)
    return {side: frozenset(found[side]) for side in SIDES}


def _labs(text: CatalogText) -> dict[str, str]:
    """Model id → its lab, as curated or as a dataset names it."""
    labs = {model_id: curated.lab for model_id, curated in text.curated.items()}
    for imported in text.imports:
        for facts in imported.models:
            if facts.lab is not None:
                labs.setdefault(facts.id, facts.lab)
    return labs


def _lab_of(model_id: str, labs: Mapping[str, str]) -> str:
    return labs.get(model_id, model_id.split("/", 1)[0])  # canonical ids are <lab>/<slug>


def _states_token_rates(statement: Statement) -> bool:
    return any(p.unit in TOKEN_UNITS for p in statement.offering.prices.unit_prices)
