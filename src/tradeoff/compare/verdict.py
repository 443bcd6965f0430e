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
        # Benchmark wins are one reason naming every benchmark, not one reason each.
        benches = [c.benchmark for c in mine if c.topic == "benchmark" and c.benchmark]
        plain = [c.reason for c in mine if c.topic != "benchmark"]
        if benches:
            plain.append(f"you weigh its better scores on {w.join(benches)}")
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
