"""The comparison charts' routes: ``/charts/compare-prices/{a,b}.svg`` and
``/charts/compare-scores/{a,b}.svg`` (slugs in the page's order, ``?blend=`` as the page's).

Each draws its comparison's ``charts`` section (``pages/comparison/charts.py``) with
``render/compare_charts.py``; the compare page embeds them as ``<img>`` beside a table of the
same numbers. A chart with nothing to draw (models of different kinds, no shared benchmark
row) still answers with a chart that says why; the page links only the charts it draws.
"""

from __future__ import annotations

from tradeoff.pages.comparison.page import ComparisonContext
from tradeoff.pages.queries import PairQuery
from tradeoff.render.compare_charts import compare_price_svg, compare_scores_svg
from tradeoff.render.formats import Renderers
from tradeoff.web.pattern import Outcome, Page, PageRequest
from tradeoff.web.requests import find_models
from tradeoff.web.resolvers import comparison
from tradeoff.web.responses import bad_parameter, not_found

SUFFIX = ".svg"


def _chart(req: PageRequest[PairQuery]) -> Outcome[ComparisonContext]:
    raw = req.path["models"]
    if not raw.endswith(SUFFIX):
        raise not_found("Not Found", f"Nothing is served at {req.request.url.path}.")
    models = find_models(req.site, raw[: -len(SUFFIX)].split(","))
    if not 2 <= len(models) <= 4:
        raise bad_parameter("models", "give 2 to 4 model slugs, comma-separated")
    return comparison(req.site, [m.id for m in models], req.query.blend_parts)


def price_chart(req: PageRequest[PairQuery]) -> Outcome[ComparisonContext]:
    """The compared models' prices at every provider, side by side."""
    return _chart(req)


def score_chart(req: PageRequest[PairQuery]) -> Outcome[ComparisonContext]:
    """The compared models' shared benchmark scores."""
    return _chart(req)


CHART_PAGES = (
    Page(
        "compare-prices",
        "/charts/compare-prices/{models}",
        PairQuery,
        price_chart,
        Renderers(svg=compare_price_svg, json=False),
        formats=("svg",),
    ),
    Page(
        "compare-scores",
        "/charts/compare-scores/{models}",
        PairQuery,
        score_chart,
        Renderers(svg=compare_scores_svg, json=False),
        formats=("svg",),
    ),
)
