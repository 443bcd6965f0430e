"""The comparison's summary cards: every mark is read off the claim comparing its row.

Invariants (hypothesis over random prices, contexts and weights of 2 to 4 models): a row
marks at most one model ``better``; equal values are ties; an unknown value is marked
``unknown`` and never ``better``; a card's number is the number its claim states; models of
different kinds get no price mark at all.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from support.compare_helpers import PROVIDERS, model, offering

from tradeoff.compare import wording as w
from tradeoff.compare.engine import CatalogView, compare
from tradeoff.compare.glance import BETTER, NONE, NOT_COMPARED, TIE, UNKNOWN, row_marks
from tradeoff.db.queries import Catalog
from tradeoff.pages.comparison import compare_context
from tradeoff.pages.comparison.benchmarks import BenchmarksEntry, benchmarks_section
from tradeoff.pages.comparison.cards import ROWS, SummaryCard, summary_cards, verdict_line
from tradeoff.pages.comparison.pricing import blend_entry, pricing_section
from tradeoff.pages.comparison.sources import numbering
from tradeoff.pages.comparison.specs import specs_section
from tradeoff.records import Lab, Model, Offering, Source

Price = tuple[str, str] | None
PRICES = st.sampled_from([None, ("1", "2"), ("1", "2"), ("0.5", "4"), ("1.005", "2"), ("3", "1")])
CONTEXTS = st.sampled_from([None, 8192, 131072, 131072])
WEIGHTS = st.sampled_from([None, True, False])
SPEC = st.tuples(PRICES, PRICES, CONTEXTS, WEIGHTS)


def _cards(
    specs: list[tuple[Price, Price, int | None, bool | None]], kinds: list[str] | None = None
) -> tuple[list[SummaryCard], dict[str, dict[str, Decimal]]]:
    """Cards of models m0… with the given headline-host price, lab price, context and weights;
    and the prices each price claim states, by claim id."""
    models: dict[str, Model] = {}
    offerings: dict[str, list[Offering]] = {}
    for i, (host, lab, context, weights) in enumerate(specs):
        mid = f"lab/m{i}"
        kind = kinds[i] if kinds else "text-generation"
        models[mid] = model(mid, context_tokens=context, open_weights=weights, kind=kind)
        offerings[mid] = [offering(mid, "host", *host)] if host else []
        offerings[mid] += [offering(mid, "lab-api", *lab)] if lab else []
    view = CatalogView(
        models=models,
        offerings=offerings,
        providers=PROVIDERS,
        labs={"lab": Lab("lab", "Lab")},
        sources={"src": Source("src", "Src", "dataset", "https://x.test", "MIT", "2026-01-01")},
    )
    result = compare(list(models.values()), view)
    n = numbering(result)
    cards = summary_cards(
        [(m.id, m.name) for m in result.models],
        pricing_section(result, n),
        specs_section(result, n),
        benchmarks_section(result, n),
        blend_entry(result.blend),
        result.claims,
    )
    stated = {
        c.id: {x.model_id: x.value for x in c.numbers if isinstance(x.value, Decimal)}
        for c in result.claims
        if c.id in ("price.cheapest", "price.first_party")
    }
    return cards, stated


def _row(cards: list[SummaryCard], key: str) -> list[tuple[object, str]]:
    """(value, mark) of one row on every card."""
    return [next((r["value"], r["mark"]) for r in c["rows"] if r["key"] == key) for c in cards]


def _number(value: object) -> Decimal:
    return Decimal(str(value))


@settings(max_examples=150, deadline=None)
@given(st.lists(SPEC, min_size=2, max_size=4))
def test_marks_follow_the_claims(specs: list[tuple[Price, Price, int | None, bool | None]]) -> None:
    cards, stated = _cards(specs)
    for key in ROWS:
        if key == "benchmark":
            continue  # no benchmark results in this view: "none comparable", not compared
        row = _row(cards, key)
        marks = [m for _, m in row]
        assert marks.count(BETTER) <= 1, (key, row)
        for value, mark in row:
            assert (value is None) == (mark == UNKNOWN), (key, row)
        known = [(_number(v), m) for v, m in row if v is not None and key != "weights"]
        if key == "weights":
            known = [(Decimal(bool(v)), m) for v, m in row if v is not None]
        if len(known) < 2:
            assert all(m in (NOT_COMPARED, UNKNOWN) for m in marks), (key, row)
            continue
        values = [v for v, _ in known]
        if len(set(values)) == 1:
            assert all(m == TIE for _, m in known), (key, row)
        for v, m in known:
            if m != BETTER:
                continue
            others = values.copy()
            others.remove(v)
            if key in ("headline", "first_party"):
                assert all(v < o and not w.is_tie(v, o) for o in others), (key, row)
            else:  # larger context, open weights
                assert all(v > o for o in others), (key, row)
        if any(m == TIE for _, m in known):
            assert BETTER not in marks, (key, row)
    assert {m for _, m in _row(cards, "benchmark")} == {NOT_COMPARED}
    # a card's price is the number its claim states (no second computation)
    for key, claim_id in (("headline", "price.cheapest"), ("first_party", "price.first_party")):
        if claim_id in stated:
            shown = {c["model"]: r["value"] for c in cards for r in c["rows"] if r["key"] == key}
            assert {m: _number(shown[m]) for m in stated[claim_id]} == stated[claim_id]


def test_models_of_different_kinds_get_no_price_mark() -> None:
    cards, stated = _cards(
        [(("1", "2"), ("1", "2"), 8192, True), (("0.5", "0"), ("0.5", "0"), 8192, True)],
        kinds=["text-generation", "embedding"],
    )
    assert not stated
    for key in ("headline", "first_party"):
        assert {m for _, m in _row(cards, key)} == {NOT_COMPARED}
    assert {m for _, m in _row(cards, "context")} == {TIE}


def test_row_marks_never_mark_an_unknown_value() -> None:
    from tradeoff.compare.claim import Claim

    claim = Claim("x", "spec", "", "", (), leaders=("a", "b"))
    marks = row_marks(["a", "b", "c"], {"a": True, "b": False, "c": True}, claim)
    assert marks == {"a": BETTER, "b": UNKNOWN, "c": NONE}
    assert row_marks(["a", "b"], {"a": True, "b": True}, None) == dict.fromkeys("ab", NOT_COMPARED)


def test_the_page_cards_state_the_tables_numbers(catalog: Catalog) -> None:
    ctx = compare_context(catalog, ["kimi-k2-instruct", "mixtral-8x22b-instruct"])
    for card, pricing in zip(ctx["summary_cards"], ctx["pricing"], strict=True):
        rows = {r["key"]: r for r in card["rows"]}
        assert pricing["cheapest"] and pricing["first_party"]
        assert rows["headline"]["value"] == pricing["cheapest"]["blended_per_mtok"]
        assert rows["first_party"]["value"] == pricing["first_party"]["blended_per_mtok"]
        assert pricing["cheapest"]["provider_name"] in rows["headline"]["detail"]
        context = next(r for r in ctx["specs"] if r["key"] == "context_tokens")
        cell = next(c for c in context["cells"] if c["model"] == card["model"])
        assert rows["context"]["value"] == cell["value"]
    marks = {
        c["model_name"]: {r["key"]: r["mark"] for r in c["rows"]} for c in ctx["summary_cards"]
    }
    assert marks["Mixtral 8x22B Instruct v0.1"]["headline"] == BETTER
    assert marks["Kimi K2 Instruct"]["context"] == BETTER
    assert ctx["verdict_line"].startswith("Kimi K2 Instruct has the lower first-party price")


def test_the_verdict_line_says_the_marks() -> None:
    cards, _ = _cards(
        [
            (("1", "2"), None, 8192, True),
            (("3", "4"), None, 131072, True),
            (("3", "4"), None, 8192, False),
        ]
    )
    line = verdict_line(cards, [], benchmarks_section_empty())
    assert line == (
        "M0 has the lowest headline price; M1 has the largest context window; "
        "M0 and M1 tie on open weights."
    )
    two, _ = _cards([(("1", "2"), None, 8192, False), (("1", "2"), None, 8192, False)])
    assert verdict_line(two, [], benchmarks_section_empty()) == (
        "Both tie on headline price, context window and closed weights."
    )


def test_a_context_tie_within_1_percent_says_its_basis_on_the_verdict_line() -> None:
    # 100,000 and 99,100 tie (within 1% of the largest); 98,500 is 1.5% below the largest but
    # 0.6% below 99,100: "M0 and M1 tie on context window" alone hid the basis of the tie
    cards, _ = _cards([(("1", "2"), None, tokens, None) for tokens in (100_000, 99_100, 98_500)])
    assert [mark for _, mark in _row(cards, "context")] == [TIE, TIE, NONE]
    line = verdict_line(cards, [], benchmarks_section_empty())
    assert "M0 and M1 tie on context window (within 1% of the largest)" in line, line
    equal, _ = _cards([(("1", "2"), None, 100_000, None), (("1", "2"), None, 100_000, None)])
    assert "(within" not in verdict_line(equal, [], benchmarks_section_empty())


def benchmarks_section_empty() -> BenchmarksEntry:
    return BenchmarksEntry(
        in_catalog=False,
        shared=[],
        result_counts={},
        excluded=[],
        excluded_by_rule=[],
        without_counterpart=0,
        statement=None,
    )
