"""Verdict, deep dive and "choose A when … / B when …", assembled only from claims."""

from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from tradeoff.compare import wording as w
from tradeoff.compare.claim import Claim


class Paragraph(NamedTuple):
    """A titled paragraph whose sentences are the texts of the listed claims."""

    title: str
    claim_ids: tuple[str, ...]
    text: str


class ChooseWhen(NamedTuple):
    """When to pick one model: reasons from claims that favour it (and only it)."""

    model_id: str
    claim_ids: tuple[str, ...]
    reasons: tuple[str, ...]
    text: str


class Verdict(NamedTuple):
    """The comparison's prose: summary, verdict, deep dive and when to choose which model."""

    summary: Paragraph
    verdict: Paragraph
    deep_dive: tuple[Paragraph, ...]
    choose: tuple[ChooseWhen, ...]


_new = tuple.__new__  # a record made without its NamedTuple's Python __new__ (claim.new_claim)


def _para(title: str, claims: Sequence[Claim]) -> Paragraph:
    ids = tuple([c.id for c in claims])
    return _new(Paragraph, (title, ids, " ".join([c.text for c in claims])))


def _topics(claims: Iterable[Claim]) -> dict[str, list[Claim]]:
    """The claims by the first part of their id with its dot ("price.", "spec."), in claim
    order: each paragraph then reads its own topic's few claims, not every claim again."""
    topics: dict[str, list[Claim]] = {}
    for c in claims:
        head, dot, _ = c.id.partition(".")
        topics.setdefault(head + dot, []).append(c)
    return topics


def _pick(claims: Sequence[Claim], *prefixes: str) -> list[Claim]:
    return [c for c in claims if c.id.startswith(prefixes)]


def choose_when(
    model_ids: Sequence[str], names: Mapping[str, str], claims: Sequence[Claim]
) -> tuple[ChooseWhen, ...]:
    """ "Choose X when …" for each model, only from claims that favour it over another."""
    out = []
    n = len(model_ids)
    # the claims that favour some models but not all, with a reason: each model's are among them
    favouring = [c for c in claims if c.reason and c.favours and len(c.favours) < n]
    for m in model_ids:
        mine = [c for c in favouring if m in c.favours]
        plain = [_reason(c, m, names) for c in mine if c.topic != "benchmark"]
        benchmarks = [c for c in mine if c.topic == "benchmark"]
        if benchmarks:
            plain += _benchmark_reasons(m, names, benchmarks)
        reasons = tuple(dict.fromkeys(plain))
        if reasons:
            text = f"Choose {names[m]} when {w.join(list(reasons), 'or')}."
        else:
            text = (
                f"No price, availability, context-window, weights or capability difference in "
                f"these tables favours {names[m]}."
            )
        out.append(ChooseWhen(m, tuple([c.id for c in mine]), reasons, text))
    return tuple(out)


# claims whose reason compares amounts ("more providers", "a longer context window"): with
# 3–4 models several can share the top, and each must not read as if it had more than the other
COMPARATIVE = ("availability.count", "spec.context_tokens")


def _reason(claim: Claim, model_id: str, names: Mapping[str, str]) -> str:
    """A claim's "choose X when" reason, naming the models X shares the top value with."""
    if claim.id not in COMPARATIVE:
        return claim.reason
    others = [names[m] for m in claim.favours if m != model_id]
    if not others:
        return claim.reason
    # leaders tied within 1% rather than equal: the tie's basis is said (ties do not chain)
    values = {n.value for n in claim.numbers if n.model_id in claim.favours}
    basis = f", {w.TIE_OF_LARGEST}" if len(values) > 1 else ""
    return f"{claim.reason} (tied with {w.join(others)}{basis})"


def _benchmark_reasons(
    model_id: str, names: Mapping[str, str], claims: Sequence[Claim]
) -> list[str]:
    """The benchmark rows a model leads, as at most two reasons: "its better scores on A and
    B" (it alone leads), and "the top score it shares on C (with X)" — with 3–4 models some
    can tie at the top, and a tie is never called better."""
    alone = [c.benchmark for c in claims if c.benchmark and c.leaders == (model_id,)]
    shared = [
        f"{c.benchmark} (with {w.join([names[m] for m in c.leaders if m != model_id])})"
        for c in claims
        if c.benchmark and len(c.leaders) > 1
    ]
    reasons = [f"you weigh its better {_scores(alone)} on {w.join(alone)}"] if alone else []
    if shared:
        reasons.append(f"you weigh the top {_scores(shared)} it shares on {w.join(shared)}")
    return reasons


def _scores(benches: Sequence[str]) -> str:
    return "score" if len(benches) == 1 else "scores"


def build_verdict(
    model_ids: Sequence[str], names: Mapping[str, str], claims: Sequence[Claim]
) -> Verdict:
    """Summary, verdict and deep-dive paragraphs; every sentence is a claim's text."""
    # one claim per id (the last given, at the first one's place, as a dict by id keeps them)
    unique = list({c.id: c for c in claims}.values())
    topics = _topics(unique)
    # Models of different kinds: the page says so first, before any other sentence.
    differ = topics.get("kind.", [])
    price = topics.get("price.", [])
    specs = topics.get("spec.", [])
    availability = topics.get("availability.", [])
    capability = topics.get("capability.", [])
    summary = _para("Summary", differ + _pick(specs, "spec.identity", "spec.release_date"))
    headline = differ + [
        c
        for c in _pick(price, "price.cheapest", "price.unpriced", "price.first_party")
        if c.id not in ("price.cheapest.input", "price.cheapest.output")
    ]
    headline += _pick(unique, "availability.count", "spec.context_tokens", "capability.summary")
    verdict = _para("Verdict", headline)
    deep = (
        _para("Cost", differ + price),
        _para("Availability", availability),
        _para("Capabilities", [c for c in capability if c.id != "capability.summary"]),
        _para("Specs", specs),
        _para("Benchmarks", topics.get("benchmark.", [])),
    )
    return Verdict(
        summary,
        verdict,
        tuple(p for p in deep if p.claim_ids),
        choose_when(model_ids, names, claims),
    )
