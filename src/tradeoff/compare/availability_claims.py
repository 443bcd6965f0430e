"""Availability claims: how many active providers serve each model, which are shared, which
are gone — each count stated from the provider list it counts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tradeoff.compare import wording as w
from tradeoff.compare.claim import Claim, new_claim, new_number
from tradeoff.compare.pricing import ModelPricing, Quote
from tradeoff.compare.route_gap import partly_priced_text
from tradeoff.units import NOT_PER_TOKEN_ROUTE, PARTLY_PRICED_ROUTE, unit_label


def _providers(n: int) -> str:
    """ "3 active providers", "1 active provider", "no active provider" (never "0 …")."""
    return w.count(n, "active provider") if n else "no active provider"


def availability_claims(
    model_ids: Sequence[str],
    names: Mapping[str, str],
    pricing: Mapping[str, ModelPricing],
    shared: Sequence[str],
    provider_names: Mapping[str, str],
) -> list[Claim]:
    """Provider counts (equal to their lists), shared providers, concentration, defunct."""
    listed = {m: provider_list(pricing[m]) for m in model_ids}
    shared_names = tuple([provider_names[p] for p in shared])
    claims = availability_across(model_ids, names, listed, shared_names)
    for m in model_ids:
        claims += model_availability(m, names[m], pricing[m])
    return claims


def provider_list(p: ModelPricing) -> tuple[str, ...]:
    """The model's active providers by name, in the routes table's order (headline route
    first, ``pricing.route_order``): what its counts count."""
    return tuple([q.provider_name for q in p.providers])


def availability_across(
    model_ids: Sequence[str],
    names: Mapping[str, str],
    listed: Mapping[str, tuple[str, ...]],
    shared_names: tuple[str, ...],
) -> list[Claim]:
    """What sets the models side by side: their provider counts (each model's ``listed``
    providers) and the providers (``shared_names``) that serve every one of them."""
    claims: list[Claim] = []
    counts = {m: len(listed[m]) for m in model_ids}  # ``ModelPricing.provider_count``
    lists = tuple([(f"providers:{m}", listed[m]) for m in model_ids])
    numbers = tuple([new_number("availability", m, "provider_count", counts[m]) for m in model_ids])
    top = max(counts.values())
    leaders = [m for m in model_ids if counts[m] == top]
    if len(set(counts.values())) == 1:
        every = w.both_or_all(len(model_ids)).capitalize()
        text = f"{every} run on {w.count(top, 'active provider')} each."
        if top == 0:
            none = "Neither" if len(model_ids) == 2 else f"None of the {len(model_ids)} models"
            text = f"{none} runs on an active provider."
        favours: tuple[str, ...] = ()
    else:
        parts = [f"{names[m]} on {_providers(counts[m])}" for m in model_ids]
        parts[0] = f"{names[model_ids[0]]} runs on {_providers(counts[model_ids[0]])}"
        text = f"{w.join(parts)}."
        favours = tuple(leaders) if len(leaders) < len(model_ids) else ()
    claims.append(
        new_claim(
            "availability.count",
            "availability",
            text,
            "active providers with at least one offering; defunct providers and retired "
            "offerings are not counted",
            numbers,
            favours,
            len(set(counts.values())) == 1,
            lists,
            "you want more providers to choose from or fail over to",
        )
    )
    n = len(shared_names)
    if n:
        verb = "serves" if n == 1 else "serve"
        every = w.both_or_all(len(model_ids))
        text = f"{w.count(n, 'provider')} {verb} {every}: {w.join(list(shared_names))}."
    else:
        text = f"No active provider serves {w.both_or_all(len(model_ids))}."
    claims.append(
        new_claim(
            "availability.shared",
            "availability",
            text,
            "providers in every model's list",
            (new_number("availability", "*", "shared_provider_count", n),),
            lists=(("shared_provider_count", shared_names),),
        )
    )
    return claims


def model_availability(m: str, name: str, p: ModelPricing) -> list[Claim]:
    """What one model's availability says of it alone: its provider list, a single
    provider's risk, routes not priced per token or not at all, what is not counted. The
    same on every page that shows it."""
    listed = provider_list(p)
    claims = [
        new_claim(
            f"availability.list.{m}",
            "availability",
            f"{name} ({w.count(len(listed), 'provider')}): {w.join(listed)}."
            if listed
            else f"{name} has no active provider in the catalog.",
            "active providers, headline route first",
            (new_number("availability", m, "provider_count", len(listed)),),
            lists=((f"providers:{m}", listed),),
        )
    ]
    if len(listed) == 1:
        only = p.providers[0].provider_name
        claims.append(
            new_claim(
                f"availability.single.{m}",
                "availability",
                f"{name} runs on a single active provider ({only}): "
                "a concentration risk if that provider changes price or stops serving it.",
                "active providers",
                (new_number("availability", m, "provider_count", 1),),
                lists=((f"providers:{m}", (only,)),),
            )
        )
    # Routes without a total per token, each in one class by the rule of every page
    # (``route_gap``; the calculator counts by it too): a route sold in another unit (per
    # character, per minute of audio) has a price, just not per token, never "no sourced
    # price"; a route with half a price names the side it lacks.
    otherwise = p.providers_without_total(NOT_PER_TOKEN_ROUTE)
    partly = p.providers_without_total(PARTLY_PRICED_ROUTE)
    unpriced = tuple([q.provider_name for q in p.unpriced_providers])
    of_listed = w.count(len(listed), "provider")
    if otherwise:
        sold = [_sold_otherwise(q) for q in otherwise]
        claims.append(
            _class_claim(
                m,
                "not_per_token",
                f"For {name}, {len(sold)} of {of_listed} "
                f"{'is' if len(sold) == 1 else 'are'} not priced per token: {w.join(sold)}.",
                "offerings with a side sold only in units other than text tokens",
                tuple(q.provider_name for q in otherwise),
                len(listed),
            )
        )
    if partly:
        halves = [f"{q.provider_name} ({_partly(q)})" for q in partly]
        claims.append(
            _class_claim(
                m,
                "partly_priced",
                f"For {name}, {len(partly)} of {of_listed} "
                f"{'states' if len(partly) == 1 else 'state'} a price for one side only, "
                f"so no total: {w.join(halves)}.",
                "offerings with a token price on one side and no price in any unit on the other",
                tuple(q.provider_name for q in partly),
                len(listed),
            )
        )
    if unpriced:
        claims.append(
            _class_claim(
                m,
                "unpriced",
                f"For {name}, {len(unpriced)} of {of_listed} "
                f"{'has' if len(unpriced) == 1 else 'have'} no sourced price: "
                f"{w.join(list(unpriced))}.",
                "offerings with no price at all: no token price on either side, none in "
                "another unit",
                unpriced,
                len(listed),
            )
        )
    gone = tuple(sorted({q.provider_name for q in p.defunct}))
    if gone:
        claims.append(
            new_claim(
                f"availability.defunct.{m}",
                "availability",
                f"Not counted for {name}: "
                f"{w.join([_gone_phrase(p, gone_name) for gone_name in gone])}.",
                "providers marked defunct, offerings marked retired",
                (new_number("availability", m, "defunct_count", len(gone)),),
                lists=((f"defunct:{m}", gone),),
            )
        )
    return claims


def _gone_phrase(p: ModelPricing, name: str) -> str:
    """One provider's uncounted offerings and why: "Anyscale (provider defunct since …)",
    "Vertex (offerings a and b retired on …)", or — when the provider still counts for an
    active offering — "Databricks's offering x (retired on …; Databricks is counted for its
    active offering)", so a counted provider is never said to be gone."""
    quotes = [q for q in p.defunct if q.provider_name == name]
    since = next((q.defunct_since for q in quotes if q.defunct_since), None)
    if since:
        return f"{name} (provider defunct since {since})"
    ids = list(dict.fromkeys(q.provider_model_id for q in quotes))
    offerings = "offering" if len(ids) == 1 else "offerings"
    dates = {q.retired_on for q in quotes}
    if len(dates) == 1:
        # one date: "offerings a and b retired on D"
        listed, when = w.join(ids), _retired(next(iter(dates)))
    else:
        # dates differ: "offerings a (retired on D1) and b (retired on D2)"
        listed = w.join([f"{q.provider_model_id} ({_retired(q.retired_on)})" for q in quotes])
        when = ""
    row = next((q for q in p.providers if q.provider_name == name), None)
    if row is None:
        return f"{name} ({offerings} {listed}{' ' + when if when else ''})"
    active = "offering" if row.offering_count == 1 else "offerings"
    counted = f"{name} is counted for its active {active}"
    return f"{name}'s {offerings} {listed} ({when + '; ' if when else ''}{counted})"


def _retired(day: str | None) -> str:
    return f"retired on {day}" if day else "retired"


def _sold_otherwise(q: Quote) -> str:
    """ "fal (per image)": a route with no token price, in its units; "Azure (output per 1M
    image tokens; input per token)": a route with a token price on one side (no total per
    token all the same), each side's unit named."""
    gap = q.gap
    sides = () if gap is None else gap.sides
    if len(sides) == (2 if q.output_applicable else 1):
        units = q.other_units
        return f"{q.provider_name} ({w.join(list(dict.fromkeys(map(unit_label, units))))})"
    parts = [f"{side} {w.join([unit_label(u) for u in q.units_of((side,))])}" for side in sides]
    priced = [side for side in ("input", "output") if side not in sides]
    return f"{q.provider_name} ({'; '.join(parts)}; {w.join(priced)} per token)"


def _partly(q: Quote) -> str:
    gap = q.gap
    return "" if gap is None else partly_priced_text(gap)


def _class_claim(
    m: str, kind: str, text: str, basis: str, providers: tuple[str, ...], listed: int
) -> Claim:
    """The claim listing a model's routes of one class without a total per token
    (``route_gap``: ``not_per_token``, ``partly_priced``, ``unpriced``), its count beside the
    count of active providers."""
    return new_claim(
        f"availability.{kind}.{m}",
        "availability",
        text,
        basis,
        (
            new_number("availability", m, f"{kind}_count", len(providers)),
            new_number("availability", m, "provider_count", listed),
        ),
        lists=((f"{kind}:{m}", providers),),
    )
