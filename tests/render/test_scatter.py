"""The price-vs-score scatter: labelled dots, titles on every dot, no stray axis line."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import cast
from xml.etree import ElementTree

from tradeoff.pages.score_chart import Series, labelled_models
from tradeoff.render.scatter import Dot, scatter_svg

NS = "{http://www.w3.org/2000/svg}"


def dots(n: int) -> list[Dot]:
    return [
        Dot(
            name=f"Model {i}",
            url=f"/models/m{i}",
            price_per_mtok=Decimal("0.05") * Decimal("1.5") ** i,  # $0.05 to $4.33
            score=Decimal(30 + i),
            labelled=i < 3,
            marked=i == 0,
        )
        for i in range(n)
    ]


def test_every_dot_is_a_titled_link_and_only_labelled_ones_are_marked_so() -> None:
    svg = ElementTree.fromstring(scatter_svg("T", "x", "y", dots(12), standalone=True))
    points = svg.findall(f"{NS}a")
    assert len(points) == 12
    for a in points:
        title = a.find(f"{NS}title")
        assert title is not None and title.text and "per 1M tokens, score" in title.text
        assert a.get("href", "").startswith("/models/m")
    labelled = [a for a in points if "labelled" in (a.get("class") or "").split()]
    assert sorted(a.findtext(f"{NS}text") or "" for a in labelled) == [
        "Model 0",
        "Model 1",
        "Model 2",
    ]
    marked = [a for a in points if "marked" in (a.get("class") or "").split()]
    assert [a.findtext(f"{NS}text") for a in marked] == ["Model 0"]


def test_no_line_but_the_labelled_grid() -> None:
    """pygal drew its zero axis at log10($1) = 0 as a solid line: the stray line at $1.00."""
    svg = scatter_svg("T", "x", "y", dots(12), standalone=True)
    lines = re.findall(r"<line\b[^>]*>", svg)
    assert lines and all('class="grid"' in line and "stroke-dasharray" in line for line in lines)
    assert "<path" not in svg
    assert ">$1.00<" in svg  # the $1 tick is a labelled grid line like the others


def test_names_are_escaped() -> None:
    bad = Dot('<b>&"x', "/m?a=1&b=2", Decimal("1"), Decimal("50"), True, False)
    svg = scatter_svg("<T>", "x", "y", [bad, *dots(2)], standalone=False)
    assert "<b>" not in svg and "&lt;b&gt;&amp;&quot;x" in svg and "?a=1&amp;b=2" in svg
    assert "<style>" not in svg and "xmlns" not in svg  # inline: the page's stylesheet styles it


def _series(higher_is_better: bool) -> Series:
    points = [
        {"model": f"m{i}", "score": str(i), "blended_per_mtok": str(10 - i)} for i in range(10)
    ]
    return cast(
        "Series",
        {"benchmark": {"higher_is_better": higher_is_better}, "points": points},
    )


def test_labelled_models_are_the_marked_then_the_best_scores() -> None:
    assert labelled_models(_series(True), ["m0", "nope"]) == [
        "m0",
        "m9",
        "m8",
        "m7",
        "m6",
        "m5",
        "m4",
        "m3",
        "m2",
    ]
    lower = labelled_models(_series(False), [])
    assert lower[:2] == ["m0", "m1"] and len(lower) == 8
    assert labelled_models(None, ["m0"]) == []
