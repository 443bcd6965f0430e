"""Token prices the live record reads as no price per 1M text tokens, kept for the history.

The reconcile drops a dataset's text price that is another unit's rate under a text name
(``other_unit_rates``: the same number as an image rate another source states apart) and the
sides a reviewed ``[[excluded_prices]]`` entry excludes. It records each here, per source and
offering; the history (``history_link.Linker.text_sides``) reads that source's dated states
of the offering with the same rule, so a dated point never sets an image rate as a text
price and a move is computed between text prices only (docs/history.md "Units").
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

# (source id, provider id, provider model id lowercased)
Key = tuple[str, str, str]
# price field → the numbers read as another unit's rate; None: every number of that field
Rule = dict[str, set[Decimal] | None]
EVERY_NUMBER = None


def key(source_id: str, provider_id: str, provider_model_id: str) -> Key:
    return (source_id, provider_id, provider_model_id.lower())


def note(table: dict[Key, Rule], at: Key, name: str, number: Decimal | None = EVERY_NUMBER) -> None:
    """Record that ``name`` of the offering at ``at`` is not a text price: ``number`` (the
    same number on any date is the same rate), or every number (the side is never one)."""
    rule = table.setdefault(at, {})
    numbers = rule.get(name, set())
    if number is EVERY_NUMBER or numbers is EVERY_NUMBER:
        rule[name] = EVERY_NUMBER
    else:
        rule[name] = numbers | {number}


def is_mislabelled(
    rule: Mapping[str, set[Decimal] | None], name: str, value: Decimal | None
) -> bool:
    """Whether ``value`` of the field ``name`` is, by the rule, not a price per 1M text tokens."""
    if value is None or name not in rule:
        return False
    numbers = rule[name]
    return numbers is EVERY_NUMBER or value in numbers
