"""The six questions of a comparison page, answered from the same claims as the verdict."""

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from tradeoff.compare import wording as w
from tradeoff.compare.claim import Claim
from tradeoff.compare.verdict import ChooseWhen


class FaqEntry(NamedTuple):
    """One question and its answer, with the claims the answer rests on."""

    question: str
    answer: str
    claim_ids: tuple[str, ...]


def _answer(question: str, claims: Sequence[Claim | None], extra: str = "") -> FaqEntry:
    used = [c for c in claims if c is not None]
    text = " ".join([c.text for c in used]) + (f" {extra}" if extra else "")
    return _new(FaqEntry, (question, text.strip(), tuple([c.id for c in used])))


_new = tuple.__new__  # a record made without its NamedTuple's Python __new__ (claim.new_claim)


def build_faq(
    model_ids: Sequence[str],
    names: Mapping[str, str],
    claims: Sequence[Claim],
    choose: Sequence[ChooseWhen],
    benchmark_note: Claim | None,
) -> tuple[FaqEntry, ...]:
    """Which is cheaper; open weights and licences; reasoning; structured outputs; where to run
    them; when to pick the first over the others."""
    by_id = {c.id: c for c in claims}
    listed = [names[m] for m in model_ids]
    either = w.join(listed, "or")
    both = w.join(listed)
    # models of different kinds: the answer says first that their prices are not compared;
    # one pass sorts the ids it may use (the rest of a page's claims are not price claims)
    differ: list[str] = []
    headline: list[str] = []  # unpriced and cheapest, but the input and output sides
    first_party: list[str] = []
    for cid in by_id:
        if cid.startswith("kind."):
            differ.append(cid)
        elif cid.startswith(("price.unpriced", "price.cheapest")):
            if cid not in ("price.cheapest.input", "price.cheapest.output"):
                headline.append(cid)
        elif cid.startswith("price.first_party"):
            first_party.append(cid)
    price_ids = differ + headline + first_party
    price_ids += ["price.break_even"] if "price.break_even" in by_id else []
    first = model_ids[0]
    pick = next(c for c in choose if c.model_id == first)
    others = [c for c in choose if c.model_id != first]
    # short and its own: the counts, the shared providers and any single-provider risk; the
    # full lists (and what is not counted) are the Availability section's, not repeated here
    where_ids = ["availability.count", "availability.shared"]
    where_ids += [cid for cid in by_id if cid.startswith("availability.single.")]
    return (
        _answer(f"Which is cheaper, {either}?", [by_id[c] for c in price_ids]),
        _answer(
            f"Is {either} open source?",
            [by_id.get("spec.open_weights")],
            "Open weights are not the same as an open-source licence: read each licence "
            "before self-hosting or redistributing.",
        ),
        _answer(
            f"Which is better for reasoning, {either}?",
            [by_id.get("capability.reasoning"), benchmark_note],
        ),
        _answer(
            f"Which is better for structured outputs, {either}?",
            [by_id.get("capability.structured_output")],
            _undecided(by_id.get("capability.structured_output")),
        ),
        _answer(
            f"Where can I run {both}?",
            [by_id.get(c) for c in where_ids],
            "Each model's providers, headline route first, and the offerings not counted are "
            "listed under Availability.",
        ),
        FaqEntry(
            f"When should I pick {names[first]} over "
            f"{w.join([names[m] for m in model_ids[1:]], 'or')}?",
            " ".join([pick.text] + [c.text for c in others]),
            tuple(dict.fromkeys([*pick.claim_ids, *[i for c in others for i in c.claim_ids]])),
        ),
    )


def _undecided(claim: Claim | None) -> str:
    """Say so when a capability row cannot separate the models."""
    if claim is None or claim.favours:
        return ""
    if any(n.value == "unknown" for n in claim.numbers):
        return "The catalog cannot separate them on this until it is sourced for every model."
    return "The capability table shows no difference between them on this."
