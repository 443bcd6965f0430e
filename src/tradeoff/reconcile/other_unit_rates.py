"""A per-text-token price that is another unit's price under a text name.

models.dev states Azure's gpt-image-1.5 as ``output = 32``: that is its price per 1M *image*
output tokens, which LiteLLM states apart (``output_cost_per_image_token``) beside the text
output price (10). A dataset's text price on a side that equals the price per 1M image (audio,
video) tokens another source states beside a different text price of its own — for the same
offering, or for the lab's own offering of the same model (a reseller copies the lab's list:
302.AI's gemini-2.5-flash-image ``output = 30`` is Google's image rate) — is dropped before
the merge, with its reason; the text price stated as such is then the one shown. A number
copied from the lab's offering is kept as the rate it is, cited to the dataset.

Only when it can be that rate: the model's modalities on that side must include the unit
(no audio rate hides in the text price of a side that takes no audio), and the dataset must
state no rate of its own in that unit (it then told the two apart). And only when the
source stating the rate decides (``decides``): it is at least as authoritative (hand-written,
then first-party data, then any dataset: on whether a number is a text price or another
unit's rate the datasets are peers, their order being about whose value wins a true
disagreement) and at least as recent as the number's source. A newer dataset's text price
that equals an older dataset's image rate may be a new text price, and a first-party text
price is not overruled by a dataset's: neither source decides, and both numbers stay with
their disagreement recorded as a conflict (by the merge for the same offering; here for a
number equal to the lab's own offering's rate, which the merge does not see). docs/units.md
"A side with no text" covers a side whose modalities hold no text; this covers a side that
holds both.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from tradeoff.catalog.schema import ImportedUnitPrice
from tradeoff.reconcile.mislabelled import is_mislabelled, key, note
from tradeoff.reconcile.resolved import Resolved
from tradeoff.reconcile.statements import Statement
from tradeoff.reconcile.unit_evidence import TOKEN_UNITS, ModelEvidence, offering_modalities
from tradeoff.records import Conflict, DroppedValue, PricePoint
from tradeoff.units import unit_label

SIDES = (("input", "input_per_mtok"), ("output", "output_per_mtok"))
# Authority on whether a number is a text price or another unit's rate (lower is stronger):
# hand-written (``resolved.HAND_WRITTEN_RANK``), first-party data (0), any dataset.
DATASET_AUTHORITY = 1
COPY_CONFLICT_RULE = (
    "text price equal to the rate per 1M {noun} tokens that {source} states for {where} "
    "apart from its text price ({own}); neither source is both as authoritative and as "
    "recent as the other: both kept"
)


@dataclass(frozen=True)
class Rate:
    """A price per 1M image / audio / video tokens one source states, and for what."""

    statement: Statement
    unit: str
    where: str  # "this offering", or "<lab>'s own offering of this model"

    @property
    def copied(self) -> bool:
        """Stated for another offering: the dataset's number is a copy of the lab's."""
        return self.where != "this offering"


Rates = dict[tuple[str, Decimal], list[Rate]]


def without_other_unit_rates(
    entity: str,
    statements: list[Statement],
    out: Resolved,
    evidence: ModelEvidence | None = None,
) -> list[Statement]:
    """The statements less each dataset's text price that is another source's price in
    another token unit for the same side; each one dropped is recorded with its reason."""
    evidence = evidence or ModelEvidence()
    stated: Rates = {}
    _add_rates(stated, statements, "this offering")
    if evidence.lab_statements:
        others = [s for s in evidence.lab_statements if all(s is not t for t in statements)]
        _add_rates(stated, others, f"{evidence.lab_id}'s own offering of this model")
    if not stated:
        return statements
    modalities = offering_modalities(evidence, statements)
    return [_without(entity, s, stated, modalities, out) for s in statements]


def _add_rates(stated: Rates, statements: list[Statement], where: str) -> None:
    for statement in statements:
        for price in statement.offering.prices.unit_prices:
            if price.unit in TOKEN_UNITS and price.usd is not None:
                key = (price.component, price.usd)
                stated.setdefault(key, []).append(Rate(statement, price.unit, where))


def _without(
    entity: str,
    statement: Statement,
    stated: Rates,
    modalities: Mapping[str, frozenset[str]],
    out: Resolved,
) -> Statement:
    if statement.hand_written:
        return statement  # a hand-written price is cited: it stands
    prices = statement.offering.prices
    dropped: dict[str, None] = {}
    kept: list[ImportedUnitPrice] = []
    for side, name in SIDES:
        value = getattr(prices, name)
        if value is None:
            continue
        undecided: Rate | None = None
        for rate in stated.get((side, value), []):
            own_text = getattr(rate.statement.offering.prices, name)
            if rate.statement is statement or own_text is None or own_text == value:
                # the same number as a text price too: believed; no text price beside the
                # other unit's: left to the modalities (reconcile/text_sides.py)
                continue
            if not _can_be(statement, side, rate.unit, modalities):
                continue  # a coincidence: both stay, the merge records the conflict
            if not decides(rate.statement, statement, name):
                undecided = undecided or rate  # another rate's source may still decide
                continue
            label = unit_label(rate.unit)
            out.dropped.append(
                DroppedValue(
                    statement.source_of(name)[0],
                    entity,
                    name,
                    str(value),
                    f"equals the {side} price {label} that {rate.statement.source_id} states "
                    f"for {rate.where} apart from its text price ({own_text}): a price per "
                    f"1M {TOKEN_UNITS[rate.unit]} tokens under a text-token name; kept as "
                    f"{side} {label}",
                )
            )
            dropped[name] = None
            note(out.mislabelled, _key(statement, out), name, value)
            if rate.copied:  # no other source states it for this offering: it is kept here
                kept.append(ImportedUnitPrice(component=side, unit=rate.unit, usd=value))
            break
        else:
            # no source decides: both stay; the merge records the disagreement with the same
            # offering's text price, this one that with the lab's own offering's rate
            if undecided is not None and undecided.copied:
                out.conflicts.append(_copy_conflict(entity, statement, name, undecided))
    if not dropped:
        return statement
    update: dict[str, object] = dict(dropped)
    if kept:
        update["unit_prices"] = [*prices.unit_prices, *kept]
    offering = statement.offering.model_copy(update={"prices": prices.model_copy(update=update)})
    rule = out.mislabelled[_key(statement, out)]
    history = tuple(
        point
        for point in (_point_without(p, rule) for p in statement.history)
        if point.input_per_mtok is not None or point.output_per_mtok is not None
    )
    return replace(statement, offering=offering, history=history)


def _key(statement: Statement, out: Resolved) -> tuple[str, str, str]:
    """The statement's offering as the history names it: source, provider id, model id."""
    o = statement.offering
    return key(
        statement.origin,
        out.provider_alias.get(o.provider.lower(), o.provider),
        o.provider_model_id,
    )


def authority(statement: Statement) -> int:
    """How strongly a statement speaks on a number's unit: hand-written (-1), first-party
    data (0), any dataset (``DATASET_AUTHORITY``); lower is stronger."""
    return min(statement.rank[0], DATASET_AUTHORITY)


def decides(rate_source: Statement, number_source: Statement, name: str) -> bool:
    """Whether the statement giving another unit's rate apart from its text price decides
    that an equal text price of ``number_source`` is that rate: it is at least as
    authoritative and at least as recent (ties go to it: it alone told the two apart)."""
    number_checked = number_source.source_of(name)[1]
    return (
        authority(rate_source) <= authority(number_source) and rate_source.checked >= number_checked
    )


def _copy_conflict(entity: str, statement: Statement, name: str, rate: Rate) -> Conflict:
    """The disagreement with the lab's own offering's rate, recorded (the number is kept)."""
    value = str(getattr(statement.offering.prices, name))
    own_text = getattr(rate.statement.offering.prices, name)
    source_id, checked = statement.source_of(name)
    rule = COPY_CONFLICT_RULE.format(
        noun=TOKEN_UNITS[rate.unit], source=rate.statement.source_id, where=rate.where, own=own_text
    )
    return Conflict(
        entity=entity,
        field=name,
        chosen=value,
        chosen_source_id=source_id,
        values=(
            (value, source_id, checked),
            (
                f"{own_text} (text), {value} {unit_label(rate.unit)}",
                rate.statement.source_id,
                rate.statement.checked,
            ),
        ),
        rule=rule,
    )


def _can_be(
    statement: Statement, side: str, unit: str, modalities: Mapping[str, frozenset[str]]
) -> bool:
    """Whether a text price of this side can be a rate in this unit: the model takes or
    gives that medium on the side, and the price's source states no rate of its own in it."""
    if TOKEN_UNITS[unit] not in modalities.get(side, frozenset()):
        return False
    return not any(
        p.component == side and p.unit == unit for p in statement.offering.prices.unit_prices
    )


def _point_without(point: PricePoint, rule: Mapping[str, set[Decimal] | None]) -> PricePoint:
    """A dated point less the same mislabelled number on a dropped side."""
    changes = {name: None for name in rule if is_mislabelled(rule, name, getattr(point, name))}
    return replace(point, **changes) if changes else point  # type: ignore[arg-type]
