"""How a merged offering's price fields are decided where several origins state them: the
free flag, context tiers, price history and whose price it is.

A hand-written offering that states prices decides these; a dataset that disagrees is a
conflict or a dropped value, never the value shown (docs/architecture.md "Precedence").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from decimal import Decimal

from tradeoff.catalog.exclusion_schema import ExcludedPrices
from tradeoff.catalog.price_schema import ImportedPrices, ImportedUnitPrice
from tradeoff.catalog.schema import ImportedOffering, SourceEntry
from tradeoff.errors import DataError
from tradeoff.reconcile.mislabelled import key, note
from tradeoff.reconcile.resolved import Resolved
from tradeoff.reconcile.statements import Statement
from tradeoff.records import PRICE_FIELDS, DroppedValue, PricePoint, UnitPrice
from tradeoff.units import TEXT_TOKEN_FIELDS, price_key

Pick = Callable[[str, Sequence[tuple[object, str, str]], bool], object]

TIER_BASE = ("input_per_mtok", "output_per_mtok", "cache_read_per_mtok", "cache_write_per_mtok")
NEWER_PRICE = "a newer dataset price disagrees with the hand-written price"


def tiers_statement(statements: list[Statement], chosen: dict[str, object]) -> Statement | None:
    """The statement whose context tiers are shown: one whose every base price is the one
    shown (never mixed sources), and never a dataset's under a hand-written base price."""
    hand = statements[0] if statements[0].hand_written else None
    if hand is not None and any(name in hand.cited for name in TIER_BASE):
        return None  # a hand-written file states no tiers; a dataset's belong to its prices
    for statement in statements:
        prices = statement.offering.prices
        if not prices.tiers or prices.input_per_mtok is None or prices.output_per_mtok is None:
            continue
        stated = [(name, getattr(prices, name)) for name in TIER_BASE]
        if all(chosen.get(name) == value for name, value in stated if value is not None):
            return statement
    return None


def history_of(
    statements: list[Statement], chosen: dict[str, object], entity: str, out: Resolved
) -> list[PricePoint]:
    """Every origin's earlier prices; a dataset's point dated after the hand-written price was
    checked that disagrees with it is left out of the history and recorded as dropped."""
    hand = statements[0] if statements[0].hand_written else None
    dates = [
        hand.cited[n][1] for n in ("input_per_mtok", "output_per_mtok") if hand and n in hand.cited
    ]
    if hand is None or not dates:
        return [point for s in statements for point in s.history]
    checked = min(dates)
    history = list(hand.history)
    for statement in statements[1:]:
        for point in statement.history:
            newer = point.effective > checked
            disagrees = any(
                value is not None and value != chosen.get(name)
                for name, value in (
                    ("input_per_mtok", point.input_per_mtok),
                    ("output_per_mtok", point.output_per_mtok),
                )
            )
            if not (newer and disagrees):
                history.append(point)
                continue
            out.dropped.append(
                DroppedValue(
                    statement.origin,
                    entity,
                    "history",
                    f"{point.effective}: input {point.input_per_mtok}, "
                    f"output {point.output_per_mtok}",
                    f"{NEWER_PRICE} (input {chosen.get('input_per_mtok')}, output "
                    f"{chosen.get('output_per_mtok')}, {hand.source_id}, checked {checked}): "
                    "check the provider's page and update the hand-written file",
                )
            )
    return history


def price_origin(statements: Sequence[Statement], input_source: str | None) -> str | None:
    """Whose published price the chosen input price is: the provider the stating dataset
    says it copied it from (``ImportedOffering.price_origin``), else None (its own)."""
    for s in statements:
        if input_source is not None and s.source_of("input_per_mtok")[0] == input_source:
            return s.offering.price_origin
    return None


def free_flag(statements: list[Statement], pick: Pick) -> bool:
    """A hand-written offering that states prices states whether it is free (its cited flag,
    else not free): a dataset saying free is then a conflict, never the value shown."""
    hand = statements[0] if statements[0].hand_written else None
    if hand is None or not any(n in hand.cited for n in (*PRICE_FIELDS, "free")):
        cited = next((s for s in statements if "free" in s.cited), None)
        if cited is not None:
            return cited.offering.prices.free
        return any(s.offering.prices.free for s in statements)
    stating = [
        s
        for s in statements[1:]
        if s.offering.prices.free
        or any(getattr(s.offering.prices, n) is not None for n in PRICE_FIELDS)
    ]
    present = [(s.offering.prices.free, *s.source_of("free")) for s in (hand, *stating)]
    return bool(pick("free", present, False))


def unit_prices_of(
    statements: list[Statement], pick: Pick, price_sources: dict[str, str]
) -> tuple[UnitPrice, ...]:
    """Each price sold in a unit other than text tokens — one per (component, unit, variant)
    — from the strongest statement that states it; a disagreement is a conflict. Its source
    is cited as ``price_sources["unit.<key>"]`` (its database row carries it too)."""
    stated: dict[tuple[str, str, str], list[tuple[object, str, str]]] = {}
    for statement in statements:
        for price in statement.offering.prices.unit_prices:
            key = price_key(price.component, price.unit, price.variant)
            present = stated.setdefault((price.component, price.unit, price.variant or ""), [])
            present.append((price.usd, *statement.source_of(f"unit.{key}")))
    out: list[UnitPrice] = []
    for (component, unit, variant), present in sorted(stated.items()):
        key = price_key(component, unit, variant or None)
        usd = pick(f"unit.{key}", present, False)
        price_sources[f"unit.{key}"] = present[0][1]
        checked = present[0][2]  # the date of the statement shown (pick's first)
        out.append(UnitPrice(component, unit, usd, variant or None, checked))  # type: ignore[arg-type]
    return tuple(out)


def without_token_prices(
    offering: ImportedOffering,
    entity: str,
    exclusion: ExcludedPrices,
    source_id: str,
    out: Resolved,
) -> ImportedOffering:
    """The offering with its token prices dropped (``[[excluded_prices]]``): each stated
    value reported with the reason; prices in other units stay. Each side whose token price
    is dropped is billed in the exclusion's ``billed_in`` unit, when it names one: a unit
    price whose price is not held (None, never $0). With ``sides``, only those sides' token
    prices go (and a context tier, whose prices span both sides, stays)."""
    prices = offering.prices
    why = f"excluded (catalog/exclusions.toml): {exclusion.reason}"
    sides = TEXT_TOKEN_FIELDS if exclusion.sides is None else exclusion.sides
    names = {name for side in sides for name in TEXT_TOKEN_FIELDS[side]}
    if exclusion.sides is None:  # every token price, whatever its side
        names |= set(prices.model_dump(exclude={"free", "tiers", "unit_prices"}))
    for name in sorted(names, key=list(type(prices).model_fields).index):
        value = getattr(prices, name)
        if value is not None:
            out.dropped.append(DroppedValue(source_id, entity, name, str(value), why))
            pid = out.provider_alias.get(offering.provider.lower(), offering.provider)
            note(out.mislabelled, key(source_id, pid, offering.provider_model_id), name)
    if prices.tiers and exclusion.sides is None:
        out.dropped.append(DroppedValue(source_id, entity, "tiers", str(len(prices.tiers)), why))
    billed = [
        ImportedUnitPrice(component=side, unit=exclusion.billed_in, usd=None)
        for side in sides
        if exclusion.billed_in is not None
        and any(getattr(prices, name) is not None for name in TEXT_TOKEN_FIELDS[side])
        and not any(u.component == side and u.unit == exclusion.billed_in
                    for u in prices.unit_prices)
    ]  # fmt: skip
    if exclusion.sides is None:
        kept = ImportedPrices(free=prices.free, unit_prices=[*prices.unit_prices, *billed])
    else:
        kept = prices.model_copy(
            update={**dict.fromkeys(names), "unit_prices": [*prices.unit_prices, *billed]}
        )
    return offering.model_copy(update={"prices": kept})


def cite_billing(
    statement: Statement, exclusion: ExcludedPrices, sources: Mapping[str, SourceEntry]
) -> Statement:
    """The statement with its billed-in unit prices cited to the exclusion's source (the
    provider's page that says how it bills), not to the dataset whose conversion was dropped."""
    if exclusion.billing_source is None or exclusion.billed_in is None:
        return statement
    source = sources.get(exclusion.billing_source)
    if source is None:
        raise DataError(
            f"billing_source {exclusion.billing_source!r} is not a declared source",
            path="catalog/exclusions.toml",
        )
    cited = dict(statement.cited)
    for price in statement.offering.prices.unit_prices:
        if price.unit == exclusion.billed_in and price.usd is None:
            key = price_key(price.component, price.unit, price.variant)
            cited[f"unit.{key}"] = (exclusion.billing_source, source.retrieved.isoformat())
    return replace(statement, cited=cited)


def _money_key(value: Decimal | None) -> tuple[bool, Decimal]:
    return (value is None, Decimal(0) if value is None else value)


def ordered_history(points: Iterable[PricePoint]) -> tuple[PricePoint, ...]:
    """Distinct price points by date, then source, then prices: a total order, so that the
    build does not depend on the hash seed (two same-day points of one source sorted by date
    and source alone came out of a set in hash order, changing the database and downloads
    from one build to the next)."""
    return tuple(
        sorted(
            set(points),
            key=lambda p: (
                p.effective,
                p.source_id,
                _money_key(p.input_per_mtok),
                _money_key(p.output_per_mtok),
            ),
        )
    )
