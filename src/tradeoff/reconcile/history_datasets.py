"""genai-prices' dated prices and LiteLLM's deprecation dates on the history's timeline."""

from __future__ import annotations

import datetime as dt

from tradeoff.catalog.load import CatalogText
from tradeoff.history_records import CORRECTION, LIFECYCLE, PRICE, RETIRED, PriceChange, PriceSpan
from tradeoff.reconcile.history_link import Linker
from tradeoff.reconcile.history_rules import State, changed_fields, correction_rule, direction


def dated_prices(
    spans: list[PriceSpan], changes: list[PriceChange], text: CatalogText, linker: Linker
) -> None:
    """genai-prices' dated prices: spans between start dates, and the moves between them."""
    for imported in text.imports:
        if imported.source_id != "genai-prices":
            continue
        for offering in imported.offerings:
            points = sorted(offering.history, key=lambda p: p.effective)
            if not points:
                continue
            pid, model_id = linker.link(offering.provider, offering.provider_model_id)
            mid = offering.provider_model_id
            previous = None
            for number, point in enumerate(points):
                end = points[number + 1].effective if number + 1 < len(points) else None
                prices = linker.text_sides(
                    model_id,
                    (point.input_per_mtok, point.output_per_mtok, None, None),
                    offering=(imported.source_id, pid, mid),
                )
                spans.append(
                    PriceSpan(
                        pid,
                        mid,
                        model_id,
                        point.effective,
                        end,
                        *prices,
                        None,
                        None,
                        None,
                        imported.source_id,
                        None,
                    )
                )
                if previous is not None and previous[:2] != prices[:2]:
                    old = State(previous, None, None, None)
                    new = State(prices, None, None, None)
                    rule = correction_rule(old, new, dt.date.min, dt.date.max, [])
                    kind, detail = (
                        (PRICE, direction(previous, prices)) if rule is None else (CORRECTION, rule)
                    )
                    changes.append(
                        PriceChange(
                            pid,
                            mid,
                            model_id,
                            point.effective,
                            kind,
                            detail,
                            previous[0],
                            previous[1],
                            prices[0],
                            prices[1],
                            changed_fields(old, new),
                            imported.source_id,
                            imported.source.commit,
                        )
                    )
                previous = prices


def deprecation_dates(changes: list[PriceChange], text: CatalogText, linker: Linker) -> None:
    """LiteLLM's ``deprecation_date`` (the provider's shutdown date) as a dated retirement."""
    for imported in text.imports:
        if imported.source_id != "litellm":
            continue
        for offering in imported.offerings:
            if offering.retired_on is None:
                continue
            pid, model_id = linker.link(offering.provider, offering.provider_model_id)
            changes.append(
                PriceChange(
                    pid,
                    offering.provider_model_id,
                    model_id,
                    str(offering.retired_on),
                    LIFECYCLE,
                    RETIRED,
                    None,
                    None,
                    None,
                    None,
                    ("retired_on",),
                    imported.source_id,
                    imported.source.commit,
                    "shutdown date (LiteLLM deprecation_date)",
                )
            )
