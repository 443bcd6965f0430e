"""Price claims: each holds the numbers it states; its wording is computed from them.

Every sentence of the verdict, deep dive and FAQ is a claim's text (or joins claim texts), so
a consistency test can check each stated number against the tables it came from.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from decimal import Decimal

from tradeoff.compare import wording as w
from tradeoff.compare.claim import Claim, Number, new_claim, new_number
from tradeoff.compare.first_party import NO_LAB_PRICE
from tradeoff.compare.image_output import image_output_claims
from tradeoff.compare.like_for_like import prices_comparable
from tradeoff.compare.money_claim import money_claim
from tradeoff.compare.pricing import ModelPricing, Quote
from tradeoff.compare.workload import Blend
from tradeoff.units import NOT_PER_TOKEN_ROUTE, PARTLY_PRICED_ROUTE, unit_label


def price_claims(
    model_ids: Sequence[str],
    names: Mapping[str, str],
    pricing: Mapping[str, ModelPricing],
    blend: Blend,
    kinds: Mapping[str, str | None] | None = None,
    image_models: Collection[str] = (),
    unknown_images: Collection[str] = (),
) -> list[Claim]:
    """Blended price on the cheapest route and at the first-party APIs, plus input/output;
    for models that output images (``image_models``), first what an image costs
    (``compare.image_output``), and the blend is said to be per text token (``unknown_images``:
    models whether they output images is not yet sourced).

    Like for like (``compare.like_for_like``): models not of one known kind get no claim that
    sets their prices against each other — only what each one's own pricing says."""
    claims: list[Claim] = []
    comparable = kinds is None or prices_comparable(kinds)
    blend_text = f"blended {blend.label} input/output, USD per 1M tokens"
    images = comparable and any(m in image_models for m in model_ids)
    # an image model's blend is of its text tokens only: the words say so, and it is not
    # "the lowest price" of what such a model is bought for
    per_text = "per text token " if images else ""
    lowest = "the lowest text-token price" if images else "the lowest price"
    if images:
        claims += image_output_claims(model_ids, names, pricing, image_models, unknown_images)
    cheapest = {m: pricing[m].cheapest for m in model_ids}
    for m in model_ids:
        if cheapest[m] is None:
            claims.append(_unpriced_claim(m, names[m], pricing[m]))
    priced: dict[str, Quote] = {m: q for m, q in cheapest.items() if q is not None}
    # a kind without output tokens (an embedding) is priced by input alone: no blend, no sides
    input_only = any(not q.output_applicable for q in priced.values())
    if input_only:
        blend_text = "input price, USD per 1M tokens (this kind has no output tokens to blend)"
    if not comparable:
        priced = {}
    if len(priced) >= 2:

        def entries(field: str) -> list[tuple[str, Decimal, str]]:
            out = []
            for m, q in priced.items():
                value = getattr(q, field)
                assert value is not None
                out.append((m, value, q.provider_name))
            return out

        claims.append(
            money_claim(
                "price.cheapest",
                f"{per_text}on the cheapest comparable route",
                "cheapest.blended_per_mtok",
                entries("blended_per_mtok"),
                names,
                "headline route: the cheapest comparable offering (active provider selling per "
                "use, GA, paid, full or the lab's own precision, no promotion, not an unverified "
                f"price far off list, the documented context), {blend_text}",
                f"{lowest} matters most",
            )
        )
        for side in () if input_only else ("input", "output"):
            claims.append(
                money_claim(
                    f"price.cheapest.{side}",
                    f"per {side} token on those routes",
                    f"cheapest.{side}_per_mtok",
                    [(m, v, "") for m, v, _ in entries(f"{side}_per_mtok")],
                    names,
                    f"{side} price of the same cheapest offerings, USD per 1M tokens",
                    f"the workload is {side}-heavy",
                )
            )
    elif len(priced) == 1 and len(model_ids) > 1:
        # the others have no comparable price (each says why): still state the one known
        ((m, q),) = priced.items()
        value = q.input_per_mtok if input_only else q.blended_per_mtok
        assert value is not None
        field = "cheapest.input_per_mtok" if input_only else "cheapest.blended_per_mtok"
        claims.append(
            new_claim(
                "price.cheapest.only",
                "price",
                f"{names[m]} costs {w.usd(value)} on its cheapest comparable route "
                f"({q.provider_name}, {blend_text}); there is no other price to compare it with.",
                "headline route: the cheapest comparable offering",
                (new_number("pricing", m, field, value),),
            )
        )
    first = {m: pricing[m].first_party for m in model_ids}
    first_priced = [
        (m, q.blended_per_mtok, q.provider_name)
        for m, q in first.items()
        if q is not None and q.blended_per_mtok is not None
    ]
    if len(first_priced) >= 2 and comparable:
        claims.append(
            money_claim(
                "price.first_party",
                f"{per_text}at each lab's own API",
                "first_party.blended_per_mtok",
                first_priced,
                names,
                f"first-party offering (the lab's own API), {blend_text}",
                "you buy directly from the lab's own API",
            )
        )
    missing = [m for m in model_ids if first[m] is None]
    if missing:
        claims.append(
            new_claim(
                "price.first_party.missing",
                "price",
                _first_party_missing_text(missing, names, pricing),
                "providers of kind first-party whose lab made the model",
                tuple(new_number("pricing", m, "first_party", None) for m in missing),
            )
        )
    even = [] if input_only else _break_even(priced, names)
    claims.extend(c for c, _ in even)
    # Individual input/output sides are detail for the deep dive, not separate "choose" reasons
    # unless they point in different directions (then the workload shape decides, and where
    # the two prices meet is the threshold the reasons state).
    sides = {c.id: c for c in claims if c.id in _SIDES}
    split = (
        len(sides) == 2
        and all(c.favours for c in sides.values())
        and len({c.favours for c in sides.values()}) == 2
    )
    if not sides or (split and not even):
        return claims
    out = []
    for c in claims:
        if c.id in _SIDES:
            if not split:
                c = _reasoned(c, (), "")
            else:
                c = _reasoned(c, c.favours, _side_reason(c.id, even[0][1]))
        out.append(c)
    return out


def _reasoned(c: Claim, favours: tuple[str, ...], reason: str) -> Claim:
    """``c._replace(favours=favours, reason=reason)``, made field by field (``_replace`` maps
    over every field by name: twice the cost, on every page)."""
    return new_claim(
        c.id, c.topic, c.text, c.basis, c.numbers, favours, c.tie, c.lists, reason, c.benchmark,
        c.leaders,
    )  # fmt: skip


_SIDES = ("price.cheapest.input", "price.cheapest.output")
_SOME_PRICE = (NOT_PER_TOKEN_ROUTE, PARTLY_PRICED_ROUTE)


def _first_party_missing_text(
    missing: Sequence[str], names: Mapping[str, str], pricing: Mapping[str, ModelPricing]
) -> str:
    """Why each model has no first-party price (``compare.first_party``): a reason the catalog
    states (the lab's own offering retired on D) model by model, then, together, the models
    of which the catalog holds no offering of the lab's own API — the catalog's gap, not a
    fact about the lab (it may sell the model)."""
    gap = [m for m in missing if pricing[m].first_party_missing in (None, NO_LAB_PRICE)]
    said = [
        f"{names[m]} has no first-party price: {pricing[m].first_party_missing}."
        for m in missing
        if m not in gap
    ]
    if gap:
        said.append(
            f"The catalog has no price of {w.join([names[m] for m in gap])} at "
            + ("its own lab's API." if len(gap) == 1 else "their own labs' APIs.")
        )
    return " ".join(said)


def _unpriced_claim(model_id: str, name: str, p: ModelPricing) -> Claim:
    """Why a model has no headline route: no comparable priced route (each route's reason),
    only free variants, or no price sourced at all."""
    number = (new_number("pricing", model_id, "cheapest", None),)
    basis = "offerings on active providers"
    # routes with a price but no total per token (``compare.route_gap``): not per token, or
    # partly priced (a token price on one side, the other stated in no unit)
    other_units = [q for q in p.providers if (g := q.gap) is not None and g.kind in _SOME_PRICE]
    if other_units and not any(q.priced for q in p.providers):
        if not any(map(_token_priced, other_units)):  # no side of any such route per token
            units = dict.fromkeys(unit_label(u) for q in other_units for u in q.other_units)
            at = w.join(list(dict.fromkeys(q.provider_name for q in other_units)))
            return new_claim(
                f"price.unpriced.{model_id}",
                "price",
                # "text token": a model sold per 1M audio tokens is sold per token, of another kind
                f"{name} is sold {w.join(list(units))} (at {at}), not per text token: no "
                "per-token price verdict is made, and prices in different units are never "
                "compared.",
                f"{basis}; prices are compared only within one unit",
                number,
            )
        return _per_side_claim(model_id, name, other_units, number, basis)
    excluded = [
        f"{q.provider_name}: {q.excluded_reason}"
        for q in (*p.providers, *p.other_routes)
        if q.priced and not q.free and q.excluded_reason
    ]
    if excluded:
        return new_claim(
            f"price.unpriced.{model_id}",
            "price",
            f"{name} has no comparable priced route in the catalog; its priced routes are "
            f"not like for like ({'; '.join(excluded)}).",
            basis,
            number,
        )
    free = tuple(q.provider_name for q in p.providers if q.free)
    if free:
        return new_claim(
            f"price.unpriced.{model_id}",
            "price",
            f"{name} has only a free variant on an active provider in the catalog "
            f"({w.join(list(free))}); no paid price is sourced.",
            basis,
            number,
        )
    return new_claim(
        f"price.unpriced.{model_id}",
        "price",
        f"{name} has no priced offering on an active provider in the catalog, "
        "so its price is not yet sourced.",
        basis,
        number,
    )


def _token_priced(q: Quote) -> bool:
    return q.input_per_mtok is not None or q.output_per_mtok is not None


def _sides_text(q: Quote) -> str:
    """ "output sold per 1M image tokens, input $2.00 per 1M tokens": each side of a route
    without a total per token as its table cells read (a side sold otherwise, then a side
    priced per token, then a side stated in no unit); "sold per image" when no side has a
    token price."""
    if not _token_priced(q):
        return "sold " + w.join(list(dict.fromkeys(map(unit_label, q.other_units))))
    sides = [("input", q.input_per_mtok), ("output", q.output_per_mtok)][: 1 + q.output_applicable]
    missing = [s for s, v in sides if v is None]
    sold = [(s, [unit_label(u) for u in q.units_of((s,))]) for s in missing]
    return ", ".join(
        [f"{s} sold {w.join(units)}" for s, units in sold if units]
        + [f"{s} {w.usd(v)} per 1M tokens" for s, v in sides if v is not None]
        + [f"{s} price not yet sourced" for s, units in sold if not units]
    )


def _per_side_claim(
    model_id: str, name: str, routes: Sequence[Quote], number: tuple[Number, ...], basis: str
) -> Claim:
    """The claim of a model whose routes have a token price on one side and the other sold in
    another unit (gpt-image-1-mini: input per 1M tokens, output per 1M image tokens) or in no
    unit (partly priced): each route's sides, never "not per text token" nor "no priced
    offering" beside the table's token price."""
    at: dict[str, list[str]] = {}
    for q in routes:
        at.setdefault(_sides_text(q), []).append(q.provider_name)
    stated = tuple(
        new_number("pricing", model_id, f"providers.{q.provider_id}.{s}_per_mtok", v)
        for q in routes
        for s, v in (("input", q.input_per_mtok), ("output", q.output_per_mtok))
        if v is not None
    )
    groups = "; ".join(f"{text} (at {w.join(names)})" for text, names in at.items())
    return new_claim(
        f"price.unpriced.{model_id}",
        "price",
        f"{name} has no total per text token: {groups}. No per-token price verdict is made, "
        "and prices in different units are never compared.",
        f"{basis}; prices are compared only within one unit",
        number + stated,
    )


def _side_reason(claim_id: str, pct: int) -> str:
    """The "choose when" reason of an input/output price claim, at the break-even share."""
    side = "more" if claim_id == "price.cheapest.input" else "less"
    return f"input is {side} than {pct}% of your tokens"


def _break_even(priced: Mapping[str, Quote], names: Mapping[str, str]) -> list[tuple[Claim, int]]:
    """For two models whose input and output prices point opposite ways: the input share
    (whole percent) at which their blended prices on the cheapest routes are equal."""
    if len(priced) != 2:
        return []
    (a, qa), (b, qb) = sorted(priced.items())
    ia, oa, ib, ob = qa.input_per_mtok, qa.output_per_mtok, qb.input_per_mtok, qb.output_per_mtok
    assert ia is not None and oa is not None and ib is not None and ob is not None
    if w.is_tie(ia, ib) or w.is_tie(oa, ob) or (ia < ib) == (oa < ob):
        return []
    # share*ia + (1-share)*oa == share*ib + (1-share)*ob
    share = (ob - oa) / ((ia - oa) - (ib - ob))
    pct = w.whole_percent(share)
    if not 0 < pct < 100:
        return []
    input_cheap, output_cheap = (a, b) if ia < ib else (b, a)
    text = (
        f"On these routes the two prices meet at a {pct}/{100 - pct} input/output blend: with "
        f"an input share above {pct}% {names[input_cheap]} is cheaper, below it "
        f"{names[output_cheap]} is."
    )
    numbers = (
        new_number("pricing", a, "cheapest.input_per_mtok", ia),
        new_number("pricing", a, "cheapest.output_per_mtok", oa),
        new_number("pricing", b, "cheapest.input_per_mtok", ib),
        new_number("pricing", b, "cheapest.output_per_mtok", ob),
    )
    claim = new_claim(
        "price.break_even",
        "price",
        text,
        "input and output prices of each model's cheapest route",
        numbers,
    )
    return [(claim, pct)]
