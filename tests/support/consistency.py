"""Consistency of a comparison: every claim's numbers equal the tables, counts equal lists.

Shared by the engine tests on the test catalog and the bundled-catalog sweep over random pairs.
"""

from __future__ import annotations

from decimal import Decimal

from tradeoff.compare import wording as w
from tradeoff.compare.capabilities import CapabilityRow
from tradeoff.compare.engine import Comparison, compare
from tradeoff.compare.headline import PER_USE_KINDS
from tradeoff.compare.pricing import ModelPricing
from tradeoff.compare.workload import blend_of
from tradeoff.db.queries import Catalog
from tradeoff.kinds import has_output_price
from tradeoff.pages.comparison import benchmark_section, catalog_view
from tradeoff.records import Tri
from tradeoff.units import NOT_PER_TOKEN_ROUTE, PARTLY_PRICED_ROUTE, unit_of_field


def compare_ids(catalog: Catalog, ids: list[str], blend: tuple[int, int] = (70, 30)) -> Comparison:
    """The comparison of the models ``ids`` of ``catalog``, as the pages build it."""
    models = [catalog.models[i] for i in ids]
    return compare(
        models, catalog_view(catalog), blend_of(*blend), benchmark_section(catalog, models)
    )


def pricing_of(c: Comparison, model_id: str) -> ModelPricing:
    """The pricing block of one compared model."""
    return next(p for p in c.pricing if p.model_id == model_id)


def state_of(row: CapabilityRow, model_id: str) -> Tri:
    """The tri-state of one model in a capability row."""
    return next(cell.state for cell in row.cells if cell.model_id == model_id)


def table_value(c: Comparison, table: str, model_id: str, field: str) -> object:
    """The value the tables show for a claim's number."""
    if table == "pricing":
        p = pricing_of(c, model_id)
        head, _, attr = field.partition(".")
        if head == "providers":  # "providers.azure.input_per_mtok": a row of the routes table
            provider_id, _, attr = attr.rpartition(".")
            return getattr(next(q for q in p.providers if q.provider_id == provider_id), attr)
        q = getattr(p, head)
        return None if q is None and not attr else getattr(q, attr)
    if table == "availability":
        if model_id == "*":
            return len(c.shared_providers)
        p = pricing_of(c, model_id)
        return {
            "provider_count": p.provider_count,
            # a route sold only in other units (per character, per minute of audio) shows
            # "not per token" in the table, not "unpriced"
            "unpriced_count": len(p.unpriced_providers),
            "not_per_token_count": len(p.providers_without_total(NOT_PER_TOKEN_ROUTE)),
            "partly_priced_count": len(p.providers_without_total(PARTLY_PRICED_ROUTE)),
            "defunct_count": len({q.provider_name for q in p.defunct}),
        }[field]
    if table == "specs":
        cell = next(r for r in c.specs if r.key == field).cell(model_id)
        return (
            cell.value
            if isinstance(cell.value, int) and not isinstance(cell.value, bool)
            else cell.display
        )
    if table == "capabilities":
        if model_id == "*":
            rows = c.capabilities
            if field == "difference_count":
                return sum(r.differs for r in rows)
            return sum(any(x.state is Tri.UNKNOWN for x in r.cells) for r in rows)
        capability = next(r for r in c.capabilities if r.key == field)
        return state_of(capability, model_id).value
    if table == "benchmarks":
        if field == "result_count":
            return dict(c.benchmarks.result_counts)[model_id]
        benchmark = next(r for r in c.benchmarks.rows if r.key == field)
        return next(s.score for s in benchmark.scores if s.model_id == model_id)
    raise AssertionError(f"unknown table {table}")


def check_consistency(c: Comparison) -> None:
    """Numbers equal the tables, counts equal lists, capability claims match the table; no
    claim sets the prices of two kinds or two units against each other or states a
    not-applicable price."""
    names = {m.id: m.name for m in c.models}
    kinds = {m.id: m.kind.value for m in c.models}
    for claim in c.claims:
        priced = {n.model_id for n in claim.numbers if n.table == "pricing" and n.value is not None}
        if len(priced) >= 2:
            assert len({kinds[m] for m in priced}) == 1 and kinds[next(iter(priced))], claim.id
        # one unit per claim: a price per minute of audio is never set against one per token
        money = [n for n in claim.numbers if n.table == "pricing" and isinstance(n.value, Decimal)]
        assert len({unit_of_field(n.field) for n in money}) <= 1, claim.id
        for n in claim.numbers:
            if n.table == "pricing" and "output_per_mtok" in n.field:
                assert has_output_price(kinds[n.model_id]), (claim.id, n)
        for n in claim.numbers:
            assert table_value(c, n.table, n.model_id, n.field) == n.value, (claim.id, n)
            if (
                n.table == "pricing"
                and isinstance(n.value, Decimal)
                and claim.id != "price.break_even"
            ):
                assert w.usd(n.value) in claim.text, (claim.id, n.value, claim.text)
        counted = {(n.model_id, n.field): n.value for n in claim.numbers}
        for label, items in claim.lists:
            if label.startswith("providers:"):
                m = label.split(":", 1)[1]
                assert list(items) == [q.provider_name for q in pricing_of(c, m).providers]
                if (m, "provider_count") in counted:
                    assert counted[(m, "provider_count")] == len(items)
            elif label.startswith("unpriced:"):
                assert counted[(label.split(":", 1)[1], "unpriced_count")] == len(items)
            elif label.startswith("not_per_token:"):
                assert counted[(label.split(":", 1)[1], "not_per_token_count")] == len(items)
            elif label.startswith("partly_priced:"):
                assert counted[(label.split(":", 1)[1], "partly_priced_count")] == len(items)
            elif label.startswith("defunct:"):
                assert counted[(label.split(":", 1)[1], "defunct_count")] == len(items)
            else:
                assert counted[("*", label)] == len(items), (claim.id, label)
        if claim.tie:
            assert not claim.favours and "less than" not in claim.text
        if claim.topic == "benchmark" and len(claim.leaders) > 1 and not claim.tie:
            # some of 3–4 models tie at the top: the sentence names them as tied
            tied = w.join([names[m] for m in claim.leaders])
            endings = (f": {tied} tie at the top within 1%.", f": {tied} share the top score.")
            assert claim.text.endswith(endings), claim.text
        if claim.topic == "price" and "% less than" in claim.text:
            values = sorted(n.value for n in claim.numbers if isinstance(n.value, Decimal))
            assert f"{w.percent_less(values[0], values[-1])} less" in claim.text
        if claim.topic == "capability" and claim.id != "capability.summary":
            row = next(r for r in c.capabilities if f"capability.{r.key}" == claim.id)
            for m in claim.favours:
                assert state_of(row, m) is Tri.YES and row.differs
            for cell in row.cells:
                if cell.state is Tri.UNKNOWN and not all(x.state is Tri.UNKNOWN for x in row.cells):
                    assert names[cell.model_id] in claim.text
    for choose in c.verdict.choose:
        by_id = {x.id: x for x in c.claims}
        for cid in choose.claim_ids:
            assert choose.model_id in by_id[cid].favours
            shared = by_id[cid].topic == "benchmark" and len(by_id[cid].leaders) > 1
            assert not shared or "it shares on" in choose.text, (cid, choose.text)
            if cid in ("availability.count", "spec.context_tokens") and len(by_id[cid].favours) > 1:
                assert f"{by_id[cid].reason} (tied with" in choose.text, (cid, choose.text)
        benches = [by_id[cid] for cid in choose.claim_ids if by_id[cid].topic == "benchmark"]
        if all(len(x.leaders) > 1 for x in benches):
            assert "better score" not in choose.text, choose.text  # a tie is never better
    for p in c.pricing:
        assert p.provider_count == len(p.providers) == len({q.provider_id for q in p.providers})
        assert all(q.defunct_since is None for q in p.providers)
        assert all(q.provider_kind in PER_USE_KINDS for q in p.providers)
        assert all(q.excluded_reason for q in p.not_per_use + p.other_routes)
        comparable = [
            q.blended_per_mtok
            for q in p.providers
            if q.priced and not q.free and q.excluded_reason is None
        ]
        assert None not in comparable  # a priced route has a blended price
        if p.cheapest is not None:
            assert p.cheapest.excluded_reason is None  # the headline is comparable
            assert p.cheapest.blended_per_mtok == min(b for b in comparable if b is not None)
        else:
            assert not comparable  # never a silent fallback to a non-comparable route
    for faq in c.faq:
        assert faq.answer, faq.question


# Price comparisons are worded cheapest first, so their text is order-free; other claims follow
# the order the user gave and only their numbers, favours and ties must mirror.
RANKED = {"price.cheapest", "price.cheapest.input", "price.cheapest.output", "price.first_party"}


def signature(c: Comparison) -> dict[str, tuple[object, ...]]:
    """What must not change when the models are given in another order."""
    return {
        x.id: (
            x.text if x.id in RANKED else None,
            tuple(sorted(map(repr, x.numbers))),
            tuple(sorted(x.favours)),
            x.tie,
        )
        for x in c.claims
    }
