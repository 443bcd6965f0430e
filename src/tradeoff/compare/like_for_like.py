"""Like for like across model kinds: the one rule of which models' prices may be compared.

Prices are set against each other only between models of one known kind: a speech-to-text
model's price and a chat model's are sold in different units, and an unknown kind may be
either. When the compared models are not all of one known kind, the page says so first (the
``kind.differ`` claim) and makes no price verdict, blend, "% less", "×" or break-even claim
across them (``compare.price_claims`` asks ``prices_comparable``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tradeoff.compare import wording as w
from tradeoff.compare.claim import Claim, new_claim, new_number
from tradeoff.compare.specs import SpecRow
from tradeoff.kinds import KIND_LABELS
from tradeoff.records import Model

KIND_DIFFER = "kind.differ"


def kinds_of(models: Sequence[Model]) -> dict[str, str | None]:
    """Each model's kind by id (None: not yet sourced)."""
    return {m.id: m.kind.value for m in models}


def prices_comparable(kinds: Mapping[str, str | None]) -> bool:
    """May these models' prices be compared? Only when they share one known kind."""
    distinct = set(kinds.values())
    return len(distinct) == 1 and None not in distinct


def same_kind(a: Model, b: Model) -> bool:
    """Both of one known kind (related comparisons stay within a kind)."""
    return a.kind.value is not None and a.kind.value == b.kind.value


def kind_phrase(kind: str | None) -> str:
    """ "a speech-to-text model", "an embedding model"; unknown → "of a kind not yet sourced"."""
    if kind is None:
        return "of a kind not yet sourced"
    label = KIND_LABELS.get(kind, kind).lower()
    label = {"text generation": "text-generation", "speech to text": "speech-to-text"}.get(
        label, label.replace("text to speech", "text-to-speech")
    )
    return f"{'an' if label[0] in 'aeiou' else 'a'} {label} model"


def kind_differ_text(
    model_ids: Sequence[str], names: Mapping[str, str], kinds: Mapping[str, str | None]
) -> str | None:
    """ "A is a speech-to-text model and B is a text-generation model: their prices are sold in
    different units and are not compared." — or None when they share one known kind."""
    if prices_comparable(kinds):
        return None
    groups: dict[str | None, list[str]] = {}
    for m in model_ids:
        groups.setdefault(kinds[m], []).append(m)
    parts = []
    for kind, members in groups.items():
        phrase = kind_phrase(kind)
        if len(members) > 1:
            phrase = (
                "of kinds not yet sourced"
                if kind is None
                else phrase.split(" ", 1)[1].replace(" model", " models")
            )
        verb = "is" if len(members) == 1 else "are"
        parts.append(f"{w.join([names[m] for m in members])} {verb} {phrase}")
    if len(groups) == 1:  # every kind unknown
        reason = "their kinds are not yet sourced, so their prices are not compared"
    else:
        reason = "their prices are sold in different units and are not compared"
    return f"{w.join(parts)}: {reason}."


def kind_differ_claim(kind_row: SpecRow, names: Mapping[str, str]) -> Claim | None:
    """The page's first statement when the models are not of one known kind (from the spec
    table's kind row); else None."""
    ids = [c.model_id for c in kind_row.cells]
    text = kind_differ_text(ids, names, {c.model_id: c.value for c in kind_row.cells})
    if text is None:
        return None
    return new_claim(
        KIND_DIFFER,
        "kind",
        text,
        "spec table: kind (curated, the kind its offerings are sold as, or its modalities)",
        tuple(new_number("specs", c.model_id, "kind", c.display) for c in kind_row.cells),
    )
