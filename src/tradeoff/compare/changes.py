"""What changed in the catalog, as a list of dated change records (pure, over records).

One ``Change`` is one dated event of one offering or model: a price cut or rise, a new model,
a deprecation or retirement. ``/changes``, its feeds and ``tradeoff changes`` read only this
list, so where the records come from can change without touching them:

- price moves come from each offering's dated price points (``Offering.history``, the
  ``price_history`` table): two consecutive points with different prices per 1M input or
  output tokens make one change, dated by the later point. Points whose prices are both
  unknown are skipped (nothing to compare);
- new models from each model's release date, when it is known to the day;
- deprecations and retirements from each offering's lifecycle dates.

A change's ``identity`` names what changed and when, never its position in a list: feed entry
ids are made from it, so they stay the same when other changes come and go.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from tradeoff.records import Model, Offering, PricePoint

PRICE_CUT = "price-cut"
PRICE_RISE = "price-rise"
PRICE_CHANGE = "price-change"  # input and output moved in opposite directions
NEW_MODEL = "new-model"
NEW_OFFERING = "new-offering"
DEPRECATION = "deprecation"
RETIREMENT = "retirement"
# Every kind, in the order filters list them; what each means in words.
KINDS: dict[str, str] = {
    PRICE_CUT: "price cut",
    PRICE_RISE: "price rise",
    PRICE_CHANGE: "price change",
    NEW_MODEL: "new model",
    NEW_OFFERING: "new offering",
    DEPRECATION: "deprecation",
    RETIREMENT: "retirement",
}
PRICE_KINDS = frozenset({PRICE_CUT, PRICE_RISE, PRICE_CHANGE})


@dataclass(frozen=True)
class Change:
    """One dated change of the catalog."""

    day: str  # ISO date the change took effect (or was first observed)
    kind: str  # one of KINDS
    model_id: str | None
    lab_id: str | None
    provider_id: str | None = None  # None: a change of the model itself (a release)
    provider_model_id: str | None = None
    input_before: Decimal | None = None  # USD per 1M input tokens, price changes only
    input_after: Decimal | None = None
    output_before: Decimal | None = None
    output_after: Decimal | None = None
    source_id: str | None = None
    # the price fields that moved besides input and output ("cache_read"): a move of those
    # alone is a cut or a rise whose input and output prices did not change
    other_fields: tuple[str, ...] = ()

    @property
    def identity(self) -> str:
        """What changed and when: stable whatever else changed (feed entry ids)."""
        parts = [self.kind, self.day, self.provider_id or "", self.provider_model_id or ""]
        if self.provider_id is None:
            parts[3] = self.model_id or ""
        return "/".join(parts)


def price_changes(offering: Offering, lab_id: str | None) -> list[Change]:
    """The price moves of one offering, from its consecutive dated price points."""
    points = [p for p in offering.history if (p.input_per_mtok, p.output_per_mtok) != (None, None)]
    out = []
    for before, after in itertools.pairwise(points):
        kind = _price_kind(before, after)
        if kind is None:
            continue
        out.append(
            Change(
                day=after.effective[:10],
                kind=kind,
                model_id=offering.model_id,
                lab_id=lab_id,
                provider_id=offering.provider_id,
                provider_model_id=offering.provider_model_id,
                input_before=before.input_per_mtok,
                input_after=after.input_per_mtok,
                output_before=before.output_per_mtok,
                output_after=after.output_per_mtok,
                source_id=after.source_id,
            )
        )
    return out


def _price_kind(before: PricePoint, after: PricePoint) -> str | None:
    """Cut, rise, change (one side down, the other up) or None (nothing comparable moved)."""
    moves = set()
    for old, new in (
        (before.input_per_mtok, after.input_per_mtok),
        (before.output_per_mtok, after.output_per_mtok),
    ):
        if old is None or new is None or old == new:
            continue
        moves.add(PRICE_CUT if new < old else PRICE_RISE)
    if not moves:
        return None
    return moves.pop() if len(moves) == 1 else PRICE_CHANGE


def lifecycle_changes(offering: Offering, lab_id: str | None) -> list[Change]:
    """An offering's deprecation and retirement, each on its date."""
    out = []
    for kind, day in ((DEPRECATION, offering.deprecated_on), (RETIREMENT, offering.retired_on)):
        if day:
            out.append(
                Change(
                    day=day[:10],
                    kind=kind,
                    model_id=offering.model_id,
                    lab_id=lab_id,
                    provider_id=offering.provider_id,
                    provider_model_id=offering.provider_model_id,
                    source_id=offering.price_sources.get(
                        "retired_on" if kind == RETIREMENT else "deprecated_on",
                        offering.source_id,
                    ),
                )
            )
    return out


def release_change(model: Model) -> Change | None:
    """A model's release, when its date is known to the day."""
    released = model.release_date.value
    if released is None or len(released.iso) != len("2025-01-01"):
        return None
    return Change(
        day=released.iso,
        kind=NEW_MODEL,
        model_id=model.id,
        lab_id=model.lab_id,
        source_id=model.release_date.source_id,
    )


class HistoryChange(Protocol):
    """A classified change of the dated price history (the history import's records,
    ``PriceChange``: kind price | correction | limit | lifecycle, with a detail)."""

    @property
    def provider_id(self) -> str: ...
    @property
    def provider_model_id(self) -> str: ...
    @property
    def model_id(self) -> str | None: ...
    @property
    def date(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def detail(self) -> str: ...
    @property
    def before_input(self) -> Decimal | None: ...
    @property
    def before_output(self) -> Decimal | None: ...
    @property
    def after_input(self) -> Decimal | None: ...
    @property
    def after_output(self) -> Decimal | None: ...
    @property
    def source_id(self) -> str: ...
    @property
    def fields(self) -> tuple[str, ...]: ...


# the history's price fields besides input and output (``PriceChange.fields`` also names
# limits and lifecycle: context, max_output, status)
OTHER_PRICE_FIELDS = ("cache_read", "cache_write", "reasoning", "input_audio", "output_audio")

# (history kind, detail) → the change shown; corrections and limit changes are not shown: a
# data fix is never a cut or a rise.
HISTORY_KINDS = {
    ("price", "cut"): PRICE_CUT,
    ("price", "rise"): PRICE_RISE,
    ("price", "mixed"): PRICE_CHANGE,
    ("lifecycle", "appeared"): NEW_OFFERING,
    ("lifecycle", "deprecated"): DEPRECATION,
    ("lifecycle", "retired"): RETIREMENT,
}


def history_change(record: HistoryChange, lab_id: str | None) -> Change | None:
    """A history record as a shown change, or None (a correction, a limit, a rename)."""
    kind = HISTORY_KINDS.get((record.kind, record.detail))
    if kind is None:
        return None
    return Change(
        day=record.date[:10],
        kind=kind,
        model_id=record.model_id,
        lab_id=lab_id,
        provider_id=record.provider_id,
        provider_model_id=record.provider_model_id,
        input_before=record.before_input if kind in PRICE_KINDS else None,
        input_after=record.after_input if kind in PRICE_KINDS else None,
        output_before=record.before_output if kind in PRICE_KINDS else None,
        output_after=record.after_output if kind in PRICE_KINDS else None,
        source_id=record.source_id,
        other_fields=tuple(f for f in record.fields if f in OTHER_PRICE_FIELDS)
        if kind in PRICE_KINDS
        else (),
    )


def catalog_changes(
    models: Mapping[str, Model],
    offerings: Iterable[Offering],
    history: Iterable[HistoryChange] = (),
) -> list[Change]:
    """Every change of the catalog, newest first (then by kind, provider, offering, model).

    An offering with classified history records (``history``) takes its price moves from
    them; the others from their dated price points. The same change found twice is kept once.
    """
    found: list[Change] = []
    covered: set[tuple[str, str]] = set()
    for record in history:
        model = models.get(record.model_id or "")
        covered.add((record.provider_id, record.provider_model_id))
        change = history_change(record, model.lab_id if model else None)
        if change is not None:
            found.append(change)
    for offering in offerings:
        model = models.get(offering.model_id or "")
        lab_id = model.lab_id if model else None
        if (offering.provider_id, offering.provider_model_id) not in covered:
            found += price_changes(offering, lab_id)
        found += lifecycle_changes(offering, lab_id)
    found += [c for m in models.values() if (c := release_change(m)) is not None]
    unique = list({c.identity: c for c in found}.values())
    unique.sort(key=lambda c: c.identity)
    unique.sort(key=lambda c: c.day, reverse=True)
    return unique


def parse_day(text: str) -> dt.date:
    """An ISO date given by a user; ValueError says what was expected."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def select(
    changes: Iterable[Change],
    *,
    since: str | None = None,
    until: str | None = None,
    kinds: Iterable[str] = (),
    provider: str | None = None,
    lab: str | None = None,
    model: str | None = None,
) -> list[Change]:
    """The changes matching every filter given (dates inclusive, ISO text)."""
    wanted = set(kinds)
    return [
        c
        for c in changes
        if (since is None or c.day >= since)
        and (until is None or c.day <= until)
        and (not wanted or c.kind in wanted)
        and (provider is None or c.provider_id == provider)
        and (lab is None or c.lab_id == lab)
        and (model is None or c.model_id == model)
    ]


def percent(before: Decimal | None, after: Decimal | None) -> Decimal | None:
    """The move from ``before`` to ``after`` in percent of ``before``: one decimal, or as
    many as it takes for a change not to read as 0.0 (4.75 → 4.7481: -0.04)."""
    if before is None or after is None or before == 0:
        return None
    exact = (after - before) / before * 100
    for places in range(1, 9):
        shown = exact.quantize(Decimal(1).scaleb(-places))
        if shown or not exact:
            return shown
    return exact
