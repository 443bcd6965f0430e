"""The change records behind /changes, its feeds and `tradeoff changes` (pure)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from support.compare_helpers import model, offering

from tradeoff.compare import changes as ch
from tradeoff.compare.as_of import known_range, offering_as_of
from tradeoff.records import PricePoint

D = Decimal


def _points(*prices: tuple[str, str | None, str | None]) -> tuple[PricePoint, ...]:
    return tuple(
        PricePoint(day, None if i is None else D(i), None if o is None else D(o), "src")
        for day, i, o in prices
    )


def test_consecutive_points_make_cuts_rises_and_mixed_changes() -> None:
    o = replace(
        offering("lab/m", "host", "1", "4"),
        history=_points(
            ("2026-01-01", "2", "8"),
            ("2026-02-01", "2", "8"),  # no move: nothing
            ("2026-03-01", "1", "8"),  # cut
            ("2026-04-01", None, None),  # unpriced: skipped, not a change
            ("2026-05-01", "1.5", "6"),  # mixed (input up, output down)
            ("2026-06-01", "2", "7"),  # rise
        ),
    )
    found = ch.price_changes(o, "lab")
    assert [(c.day, c.kind) for c in found] == [
        ("2026-03-01", ch.PRICE_CUT),
        ("2026-05-01", ch.PRICE_CHANGE),
        ("2026-06-01", ch.PRICE_RISE),
    ]
    assert (found[0].input_before, found[0].input_after) == (D("2"), D("1"))
    assert ch.percent(D("2"), D("1")) == D("-50.0")
    assert ch.percent(None, D("1")) is None and ch.percent(D("0"), D("1")) is None
    # a tiny move keeps its sign and size: never "0.0%" (shown as "−0.0%") for a change
    assert ch.percent(D("4.75"), D("4.7481")) == D("-0.04")
    assert ch.percent(D("1"), D("1.0004")) == D("0.04")
    assert ch.percent(D("1"), D("1")) == D("0.0")


def test_identity_names_the_change_not_its_position() -> None:
    o = replace(
        offering("lab/m", "host", "1", "4", pmid="m-1"),
        history=_points(("2026-01-01", "2", "8"), ("2026-03-01", "1", "4")),
        retired_on="2026-09-01",
    )
    m = model("lab/m", release_date="2025-07-11")
    alone = ch.catalog_changes({"lab/m": m}, [o])
    other = replace(o, provider_id="zzz", provider_model_id="x")
    crowded = ch.catalog_changes({"lab/m": m}, [other, o])
    ids = {c.identity for c in alone}
    assert ids <= {c.identity for c in crowded}
    assert "price-cut/2026-03-01/host/m-1" in ids
    assert "retirement/2026-09-01/host/m-1" in ids
    assert "new-model/2025-07-11//lab/m" in ids
    assert [c.day for c in alone] == sorted((c.day for c in alone), reverse=True)


def test_a_release_known_only_to_the_month_is_not_a_dated_change() -> None:
    assert ch.release_change(model("lab/m", release_date="2025-07")) is None


def test_select_applies_every_filter() -> None:
    o = replace(
        offering("lab/m", "host", "1", "4"),
        history=_points(("2026-01-01", "2", "8"), ("2026-03-01", "1", "4")),
        deprecated_on="2026-05-01",
    )
    found = ch.catalog_changes({"lab/m": model("lab/m", lab="lab")}, [o])
    assert [c.kind for c in ch.select(found, kinds=[ch.PRICE_CUT])] == [ch.PRICE_CUT]
    assert [c.kind for c in ch.select(found, since="2026-04-01")] == [ch.DEPRECATION]
    assert [c.kind for c in ch.select(found, until="2026-02-01")] == []
    assert ch.select(found, provider="other") == []
    assert len(ch.select(found, lab="lab", model="lab/m", provider="host")) == 2


@dataclass(frozen=True)
class Record:
    """The shape of the history import's ``PriceChange`` records."""

    provider_id: str
    provider_model_id: str
    model_id: str | None
    date: str
    kind: str
    detail: str
    before_input: Decimal | None
    before_output: Decimal | None
    after_input: Decimal | None
    after_output: Decimal | None
    source_id: str
    fields: tuple[str, ...] = ("input", "output")


def test_history_records_replace_price_points_and_corrections_never_show() -> None:
    o = replace(
        offering("lab/m", "host", "1", "4"),
        history=_points(("2026-01-01", "2", "8"), ("2026-03-01", "1", "4")),
    )
    records = [
        Record(
            "host",
            "lab/m",
            "lab/m",
            "2026-02-10",
            "price",
            "cut",
            D("2"),
            D("8"),
            D("1"),
            D("4"),
            "models-dev-history",
        ),
        Record(
            "host",
            "lab/m",
            "lab/m",
            "2026-01-05",
            "correction",
            "unit-fix",
            D("2000"),
            D("8000"),
            D("2"),
            D("8"),
            "models-dev-history",
        ),
        Record(
            "host",
            "lab/m",
            "lab/m",
            "2025-12-01",
            "lifecycle",
            "appeared",
            None,
            None,
            D("2"),
            D("8"),
            "models-dev-history",
        ),
    ]
    found = ch.catalog_changes({"lab/m": model("lab/m")}, [o], records)
    assert [(c.day, c.kind) for c in found] == [
        ("2026-02-10", ch.PRICE_CUT),  # from the record, not from the points (2026-03-01)
        ("2025-12-01", ch.NEW_OFFERING),
    ]
    assert found[1].input_after is None  # a lifecycle event states no price move


def test_as_of_prices_with_the_point_in_force() -> None:
    o = replace(
        offering("lab/m", "host", "1", "4", cache_read=D("0.1")),
        history=_points(("2026-01-01", "2", "8"), ("2026-03-01", "1", "4")),
        retired_on="2026-09-01",
        deprecated_on="2026-06-01",
        lifecycle="retired",
    )
    assert offering_as_of(o, "2025-12-31") is None  # not yet known at a price
    then = offering_as_of(o, "2026-02-15")
    assert then is not None
    assert (then.prices.input_per_mtok, then.prices.output_per_mtok) == (D("2"), D("8"))
    assert then.prices.cache_read_per_mtok is None  # not known for that day: not today's
    assert then.lifecycle == "ga" and then.checked == "2026-01-01"
    later = offering_as_of(o, "2026-07-01")
    assert later is not None and later.lifecycle == "deprecated"
    assert later.prices.cache_read_per_mtok == D("0.1")  # today's prices were in force
    assert offering_as_of(o, "2026-09-01") is None  # retired that day
    plain = offering("lab/m", "other", "3", "3")
    assert offering_as_of(plain, "2020-01-01") == plain  # no recorded change: today's price
    assert known_range([o, plain]) == ("2026-01-01", "2026-03-01")
    assert known_range([plain]) is None
