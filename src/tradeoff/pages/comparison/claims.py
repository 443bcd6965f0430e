"""The comparison's prose: claims (each with the numbers it states), verdict, deep dive, FAQ.

Everything here comes from ``compare.claim`` records (``compare.verdict``, ``compare.faq``):
the page never says what its tables do not show.
"""

from collections.abc import Sequence
from typing import Any, TypedDict

from tradeoff.compare.engine import Comparison
from tradeoff.pages.jsonable import Json, jsonable


class NumberEntry(TypedDict):
    """A value a claim states, and the table cell it comes from."""

    table: str
    model: str
    field: str
    value: Json


class ClaimEntry(TypedDict):
    """One statement, its basis, the numbers it states and whom it favours."""

    id: str
    topic: str
    text: str
    basis: str
    numbers: list[NumberEntry]
    favours: list[str]
    tie: bool
    lists: dict[str, list[str]]


class ParagraphEntry(TypedDict):
    """A deep-dive paragraph and the claims it is made of."""

    title: str
    text: str
    claims: list[str]


class ChooseEntry(TypedDict):
    """ "Choose X when …", only from real differences."""

    model: str
    text: str
    reasons: list[str]
    claims: list[str]


class FaqEntry(TypedDict):
    """A question and its answer, from the same claims."""

    question: str
    answer: str
    claims: list[str]


# what most stated values are, JSON-ready as they are (``jsonable`` returns them unchanged)
_AS_IS = (str, int, type(None))


def claims_section(result: Comparison) -> list[ClaimEntry]:
    """Every claim with the numbers it states."""
    out: list[ClaimEntry] = []
    for c in result.claims:
        stated: Sequence[tuple[str, str, str, Any]] = c.numbers  # a Number unpacked
        numbers: list[NumberEntry] = [
            # most values are already plain (str, int, None): jsonable only for the rest
            {
                "table": table,
                "model": model,
                "field": field,
                "value": value if type(value) in _AS_IS else jsonable(value),
            }
            for table, model, field, value in stated
        ]
        out.append(
            {
                "id": c.id,
                "topic": c.topic,
                "text": c.text,
                "basis": c.basis,
                "numbers": numbers,
                "favours": list(c.favours),
                "tie": c.tie,
                "lists": {k: list(items) for k, items in c.lists} if c.lists else {},
            }
        )
    return out


def deep_dive_section(result: Comparison) -> list[ParagraphEntry]:
    """The deep dive on cost and availability."""
    return [
        {"title": p.title, "text": p.text, "claims": list(p.claim_ids)}
        for p in result.verdict.deep_dive
    ]


def choose_section(result: Comparison) -> list[ChooseEntry]:
    """When to pick each model."""
    return [
        {
            "model": c.model_id,
            "text": c.text,
            "reasons": list(c.reasons),
            "claims": list(c.claim_ids),
        }
        for c in result.verdict.choose
    ]


def faq_section(result: Comparison) -> list[FaqEntry]:
    """The FAQ."""
    return [
        {"question": f.question, "answer": f.answer, "claims": list(f.claim_ids)}
        for f in result.faq
    ]
