"""The comparison page's top: one summary card per model and a one-line verdict.

Every value on a card is a value the page's own sections already hold (the pricing section's
headline and first-party routes, the spec table's context, weights and licence cells, the
shared benchmark table's first row); every mark is read off the claim that compares the row
(``compare.glance.row_marks`` over ``Claim.leaders``). Nothing is computed a second time, so a
card cannot disagree with the table or the sentence below it.
"""

from collections.abc import Mapping, Sequence
from typing import TypedDict

from tradeoff.compare import wording as w
from tradeoff.compare.claim import Claim
from tradeoff.compare.glance import BETTER, NONE, NOT_COMPARED, TIE, UNKNOWN, row_marks
from tradeoff.compare.image_output import IMAGE_OUTPUT_CLAIM, IMAGE_UNIT_TEXT
from tradeoff.compare.like_for_like import KIND_DIFFER
from tradeoff.pages.comparison.benchmarks import BenchmarkRowEntry, BenchmarksEntry
from tradeoff.pages.comparison.image_rows import image_output_cells
from tradeoff.pages.comparison.pricing import (
    BlendEntry,
    PricingEntry,
    QuoteEntry,
    missing_route_text,
    route_price_text,
)
from tradeoff.pages.comparison.specs import CellEntry, SpecRowEntry
from tradeoff.pages.jsonable import Json
from tradeoff.units import unit_label

ROWS = ("headline", "first_party", "context", "weights", "benchmark")
# the rows of a page whose models output images: what an image costs follows the headline
IMAGE_ROWS = ("headline", "image_output", "first_party", "context", "weights", "benchmark")
LABELS = {
    "headline": "Headline price",
    "image_output": "Image output price",
    "first_party": "First-party price",
    "context": "Context window",
    "weights": "Open weights",
    "benchmark": "Shared benchmark",
}
# What "better" reads as on each row, and the verdict line's words for a win and a tie.
BETTER_TEXT = {
    "headline": "lower",
    "image_output": "lower",
    "first_party": "lower",
    "context": "larger",
    "weights": "open",
    "benchmark": "better score",
}
WIN_PHRASE = {
    "headline": "the lower headline price",
    "image_output": "the lower image-output price",
    "first_party": "the lower first-party price",
    "context": "the larger context window",
    "weights": "open weights",
}
TIE_NOUN = {
    "headline": "headline price",
    "image_output": "image-output price",
    "first_party": "first-party price",
    "context": "context window",
    "weights": "open weights",
}
MARK_TEXT = {TIE: "tie", UNKNOWN: "unknown", NOT_COMPARED: "not compared"}


class CardRow(TypedDict):
    """One number of a card: the value, what it is, and its mark against the other models."""

    key: str  # headline | image_output (models that output images) | first_party | context | …
    label: str
    value: Json  # the section's raw value (decimal string, int, bool); null: none to compare
    display: str  # the value as the section shows it ("$0.60", "131,072 tokens (128K)")
    detail: str  # its route and unit, licence, or benchmark and metric
    mark: str  # compare.glance.MARKS: better | tie | none | unknown | not_compared
    mark_text: str  # "lower", "tie", "unknown", "not compared", "" (no mark)
    claim: str | None  # the claim the mark is read from


class SummaryCard(TypedDict):
    """One compared model's card."""

    model: str
    model_name: str
    rows: list[CardRow]


# A card row's value, its display and its detail, before its mark (a tuple: a page makes ten).
_Row = tuple[Json, str, str]


def _route_row(
    q: QuoteEntry | None, key: str, p: PricingEntry, blend: BlendEntry, images: bool = False
) -> _Row:
    if q is None:
        return None, missing_route_text(key, p), ""
    display = route_price_text(q, "blended_per_mtok")
    if not q["output_applicable"]:
        value: Json = q["input_per_mtok"]
        unit = "USD per 1M input tokens (no output tokens)"
    elif images and p["outputs_images"]:  # an image model's blend is of its text tokens only
        value = q["blended_per_mtok"]
        unit = f"USD per 1M text tokens, blended {blend['label']}, image output not included"
    else:
        value = q["blended_per_mtok"]
        unit = f"USD per 1M tokens, blended {blend['label']}"
    if value is None:  # no blend: name what is priced, never a blend per token
        sold = w.join([unit_label(u) for u in q["other_units"]])
        stated = (("input", q["input_per_mtok"]), ("output", q["output_per_mtok"]))
        sides = [side for side, price in stated if price is not None]
        token = f"{w.join(sides)} priced per 1M tokens only" if sides else ""
        unit = "; ".join(x for x in (token, f"sold {sold}" if sold else "") if x)
        unit = unit or "no price per token"
    stage = "" if q["lifecycle"] == "ga" else f" ({q['lifecycle']})"
    return value, display, f"{unit}, at {q['provider_name']}{stage}"


def _image_row(p: PricingEntry) -> _Row:
    """What an image costs on the model's comparable routes, or why it is not comparable."""
    provider, price = image_output_cells(p)
    q = p["image_output"]
    if q is None:
        shown, why = price.split(": ", 1) if ": " in price else ("not comparable", price)
        return None, shown, why
    return q["output_per_mtok_image"], price, f"{IMAGE_UNIT_TEXT}, at {provider}"


# The spec rows a card reads, each model's cell of them (``_cells``).
_CARD_SPECS = ("context_tokens", "open_weights", "licence")
_Cells = Mapping[tuple[str, str], CellEntry]  # (spec key, model id) → the model's cell


def _cells(rows: Sequence[SpecRowEntry]) -> _Cells:
    return {(r["key"], c["model"]): c for r in rows if r["key"] in _CARD_SPECS for c in r["cells"]}


def _weights_row(cells: _Cells, model: str) -> _Row:
    weights, licence = cells["open_weights", model], cells["licence", model]
    value = weights["value"]
    shown = "yes" if value is True else "no" if value is False else weights["display"]
    lic = licence["display"] if licence["known"] else w.NOT_SOURCED
    return value, shown, f"licence {lic}"


def shared_benchmark(benchmarks: BenchmarksEntry) -> BenchmarkRowEntry | None:
    """The benchmark the cards show: the first shared row whose every score is independent,
    else the first shared row (same benchmark, subset, metric and settings only)."""
    rows = benchmarks["shared"]
    independent = [r for r in rows if all(s["reported"] == "independent" for s in r["scores"])]
    picked = independent or rows
    return picked[0] if picked else None


_NONE_COMPARABLE: _Row = (
    None,
    "none comparable",
    "no benchmark row compares them (see Benchmarks)",
)


def _benchmark_row(row: BenchmarkRowEntry | None, model: str) -> _Row:
    if row is None:
        # "none shared" read as if the models had no benchmark in common; often they do, run
        # at other settings or by another harness (the Benchmarks section lists them)
        return _NONE_COMPARABLE
    score = next(s for s in row["scores"] if s["model"] == model)
    better = "higher" if row["higher_is_better"] else "lower"
    return (
        score["score"],
        w.score_text(score["score"], row["unit"]),
        f"{row['label']}, {row['metric']} ({better} is better), {score['reported']}",
    )


def summary_cards(
    models: Sequence[tuple[str, str]],
    pricing: Sequence[PricingEntry],
    specs: Sequence[SpecRowEntry],
    benchmarks: BenchmarksEntry,
    blend: BlendEntry,
    claims: Sequence[Claim],
    images: bool = False,
) -> list[SummaryCard]:
    """One card per (model id, name), its rows in ``ROWS`` order (``IMAGE_ROWS`` when a
    compared model outputs images: ``images``), marks from the claims."""
    keys = IMAGE_ROWS if images else ROWS
    by_id = {c.id: c for c in claims}
    bench = shared_benchmark(benchmarks)
    prices = {p["model"]: p for p in pricing}
    cells = _cells(specs)
    values: dict[str, tuple[_Row, ...]] = {}  # each model's rows, in ``keys`` order
    for m, _ in models:
        p = prices[m]
        context = cells["context_tokens", m]
        rows_of: dict[str, _Row] = {
            "headline": _route_row(p["cheapest"], "cheapest", p, blend, images),
            "image_output": _image_row(p) if images else (None, "", ""),
            "first_party": _route_row(p["first_party"], "first_party", p, blend, images),
            "context": (context["value"], context["display"], ""),
            "weights": _weights_row(cells, m),
            "benchmark": _benchmark_row(bench, m),
        }
        values[m] = tuple([rows_of[key] for key in keys])
    claim_of = {
        "headline": "price.cheapest",
        "image_output": IMAGE_OUTPUT_CLAIM,
        "first_party": "price.first_party",
        "context": "spec.context_tokens",
        "weights": "spec.open_weights",
        "benchmark": f"benchmark.{bench['key']}" if bench else "",
    }
    claim_ids = [claim_of[key] for key in keys]
    ids = [m for m, _ in models]
    marks: list[dict[str, str]] = []  # each row's marks by model, in ``keys`` order
    for i, key in enumerate(keys):
        known = {m: values[m][i][0] is not None for m in ids}
        if key == "benchmark" and bench is None:
            known = dict.fromkeys(ids, True)  # nothing unknown: no benchmark is shared
        row_mark = row_marks(ids, known, by_id.get(claim_ids[i]))
        if key == "image_output":  # a rate in another unit, or none: not comparable
            row_mark = {m: NOT_COMPARED if v == UNKNOWN else v for m, v in row_mark.items()}
        marks.append(row_mark)
    shown_claims = [cid if cid in by_id else None for cid in claim_ids]
    cards: list[SummaryCard] = []
    for m, name in models:
        rows: list[CardRow] = []
        for i, key in enumerate(keys):
            (value, display, detail), mark = values[m][i], marks[i][m]
            rows.append(
                {
                    "key": key,
                    "label": LABELS[key],
                    "value": value,
                    "display": display,
                    "detail": detail,
                    "mark": mark,
                    "mark_text": _mark_text(key, mark, bench),
                    "claim": shown_claims[i],
                }
            )
        cards.append({"model": m, "model_name": name, "rows": rows})
    return cards


def _mark_text(key: str, mark: str, bench: BenchmarkRowEntry | None) -> str:
    if mark == BETTER:
        if key == "benchmark" and bench is not None:
            return "higher score" if bench["higher_is_better"] else "lower score"
        return BETTER_TEXT[key]
    return MARK_TEXT.get(mark, "")


def _superlative(phrase: str) -> str:
    for comparative, superlative in (
        ("lower", "lowest"),
        ("larger", "largest"),
        ("better", "best"),
    ):
        phrase = phrase.replace(f"the {comparative} ", f"the {superlative} ", 1)
    return phrase


def verdict_line(
    cards: Sequence[SummaryCard], claims: Sequence[Claim], benchmarks: BenchmarksEntry
) -> str:
    """The cards in one sentence: who has which better value, which rows tie."""
    bench = shared_benchmark(benchmarks)
    bench_name = bench["label"] if bench else ""
    phrases = {**WIN_PHRASE, "benchmark": f"the better {bench_name} score"}
    ties = {**TIE_NOUN, "benchmark": f"{bench_name} score"}
    if cards and any(r["key"] == "image_output" for r in cards[0]["rows"]):
        # beside an image-output price, the headline and first-party prices are text tokens'
        for key in ("headline", "first_party"):
            phrases[key] = phrases[key].replace("the lower ", "the lower text-token ")
            ties[key] = f"text-token {ties[key]}"
    # a value better than two or more others is the best of them ("the lowest headline price")
    compared: dict[str, int] = {}
    for c in cards:
        for r in c["rows"]:
            if r["mark"] in (BETTER, TIE, NONE):
                compared[r["key"]] = compared.get(r["key"], 0) + 1
    phrases = {k: _superlative(v) if compared.get(k, 0) > 2 else v for k, v in phrases.items()}
    parts = []
    for card in cards:
        wins = [phrases[r["key"]] for r in card["rows"] if r["mark"] == BETTER]
        if wins:
            parts.append(f"{card['model_name']} has {w.join(wins)}")
    # rows where every card ties are said together; a tie of some models names them
    groups: dict[tuple[str, ...], list[str]] = {}
    by_key = [(c["model_name"], {r["key"]: r for r in c["rows"]}) for c in cards]
    for key in [r["key"] for r in cards[0]["rows"]] if cards else ():
        tied = [(name, rows[key]) for name, rows in by_key if rows[key]["mark"] == TIE]
        if not tied:
            continue
        noun = ties[key]
        if key == "weights" and tied[0][1]["value"] is False:
            noun = "closed weights"
        if key == "context" and len({r["value"] for _, r in tied}) > 1:
            # windows tied within 1% rather than equal: the basis, as the claim says it
            noun += f" ({w.TIE_OF_LARGEST})"
        everyone = len(tied) == len(cards)
        groups.setdefault(() if everyone else tuple(n for n, _ in tied), []).append(noun)
    for names, nouns in groups.items():
        who = w.join(list(names)) if names else ("both" if len(cards) == 2 else "all")
        parts.append(f"{who} tie on {w.join(nouns)}")
    text = "; ".join(parts) + "." if parts else "No row of these cards favours one model."
    # "both"/"all" open a sentence; a model name keeps its own spelling ("gpt-oss-120b")
    text = text[0].upper() + text[1:] if text.startswith(("both ", "all ")) else text
    if any(c.id == KIND_DIFFER for c in claims):
        text = "Different kinds of model: prices are not compared. " + text
    return text
