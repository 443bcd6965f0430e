"""Verdict, deep dive and "choose A when … / B when …", assembled only from claims."""

from collections.abc import Mapping, Sequence
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


def _para(title: str, claims: Sequence[Claim]) -> Paragraph:
    return Paragraph(title, tuple(c.id for c in claims), " ".join(c.text for c in claims))


def _pick(claims: Mapping[str, Claim], *prefixes: str) -> list[Claim]:
    return [c for cid, c in claims.items() if cid.startswith(prefixes)]


def choose_when(
    model_ids: Sequence[str], names: Mapping[str, str], claims: Sequence[Claim]
) -> tuple[ChooseWhen, ...]:
    """ "Choose X when …" for each model, only from claims that favour it over another."""
    out = []
    for m in model_ids:
        mine = [
            c for c in claims if m in c.favours and len(c.favours) < len(model_ids) and c.reason
        ]
        plain = [_reason(c, m, names) for c in mine if c.topic != "benchmark"]
        plain += _benchmark_reasons(m, names, [c for c in mine if c.topic == "benchmark"])
        reasons = tuple(dict.fromkeys(plain))
        if reasons:
            text = f"Choose {names[m]} when {w.join(list(reasons), 'or')}."
        else:
            text = (
                f"No price, availability, context-window, weights or capability difference in "
                f"these tables favours {names[m]}."
            )
        out.append(ChooseWhen(m, tuple(c.id for c in mine), reasons, text))
    return tuple(out)


# claims whose reason compares amounts ("more providers", "a longer context window"): with
# 3–4 models several can share the top, and each must not read as if it had more than the other
COMPARATIVE = ("availability.count", "spec.context_tokens")


def _reason(claim: Claim, model_id: str, names: Mapping[str, str]) -> str:
    """A claim's "choose X when" reason, naming the models X shares the top value with."""
    others = [names[m] for m in claim.favours if m != model_id]
    if claim.id in COMPARATIVE and others:
        return f"{claim.reason} (tied with {w.join(others)})"
    return claim.reason


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
    by_id = {c.id: c for c in claims}
    # Models of different kinds: the page says so first, before any other sentence.
    differ = _pick(by_id, "kind.")
    summary = _para("Summary", differ + _pick(by_id, "spec.identity", "spec.release_date"))
    headline = differ + _pick(by_id, "price.cheapest", "price.unpriced", "price.first_party")
    headline = [
        c for c in headline if c.id not in ("price.cheapest.input", "price.cheapest.output")
    ]
    headline += _pick(by_id, "availability.count", "spec.context_tokens", "capability.summary")
    verdict = _para("Verdict", headline)
    deep = (
        _para("Cost", differ + _pick(by_id, "price.")),
        _para("Availability", _pick(by_id, "availability.")),
        _para(
            "Capabilities",
            [c for c in _pick(by_id, "capability.") if c.id != "capability.summary"],
        ),
        _para("Specs", _pick(by_id, "spec.")),
        _para("Benchmarks", _pick(by_id, "benchmark.")),
    )
    return Verdict(
        summary,
        verdict,
        tuple(p for p in deep if p.claim_ids),
        choose_when(model_ids, names, claims),
    )
