"""HTML rendering: the one Jinja environment and its templates (``render/templates/``).

Every site page is ``<page>.html`` extending ``base.html`` and reads only its context
(``ctx``) and the site chrome (navigation, the model picker's list, the footer's sources).
``tradeoff compare --format html`` renders the same comparison template as a standalone file.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from functools import cache
from importlib.resources import files
from typing import Any, NotRequired, TypedDict

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from tradeoff import urls
from tradeoff.compare.wording import NOT_A_PRICE_MOVE, NOT_SOURCED, score_text
from tradeoff.compare.wording import show_value as show
from tradeoff.pages.calculator import after_total, line_notes
from tradeoff.pages.catalog_table import missing_row_price
from tradeoff.pages.comparison import ComparisonContext
from tradeoff.pages.comparison.pricing import (
    headline_text,
    quantization_text,
)
from tradeoff.pages.offerings import price_cell_text
from tradeoff.pages.provider import region_note
from tradeoff.pages.sources import Attribution
from tradeoff.pages.view import ModelName
from tradeoff.records import CAPABILITY_LABELS
from tradeoff.render.charts import chart_height, price_vs_score_inline
from tradeoff.render.compare_body import comparison_body
from tradeoff.render.jsonld import dataset_jsonld, faq_jsonld
from tradeoff.render.markdown import money as md_money
from tradeoff.render.markdown import tokens
from tradeoff.render.safe import href, json_ld

CAPABILITY_SHORT: dict[str, str] = {
    "vision": "vision",
    "multimodal_input": "multimodal",
    "reasoning": "reasoning",
    "tool_call": "tools",
    "structured_output": "structured",
    "code_execution": "code exec",
    "prompt_caching": "caching",
    "batch_api": "batch",
}


class Chrome(TypedDict):
    """What the site layout shows around every page (not part of any page's data)."""

    twins: dict[str, str]  # format → URL of this page's .json / .md twin
    base_url: str  # scheme and host the visitor used (canonical links, JSON-LD)
    all_models: list[ModelName]  # the model picker's list
    all_sources: list[Attribution]  # footer of pages that show no sourced fact
    feed: NotRequired[str | None]  # the Atom feed of this page's changes (path), if it has one


def money(value: object, free: bool = False) -> str:
    """USD as people read it, the same as on every page and twin; missing is "unpriced"."""
    return md_money(None if value is None else str(value), free)


_DICT_ATTRIBUTES = frozenset(dir(dict))


class _Environment(Environment):
    """Jinja's environment, looking a plain dict's key up first for ``ctx.title``."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        """The same value as Jinja's ``getattr`` (an attribute first, then the item): a page's
        values are plain dicts, whose only attributes are ``dict``'s own, so any other name is
        the item, read without raising an AttributeError first (~1.5 µs each, ~100 a page)."""
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        """A template's globals as one dict (the environment's, then its own): Jinja's
        ``ChainMap`` of the two is copied into every render's context key by key through
        ``ChainMap.__getitem__`` (~40 globals, ~80 µs a page). ``make_environment`` sets every
        global before any template loads (Jinja: "avoid modifying any globals after a template
        is loaded"), so the copy holds the same values."""
        return {**self.globals, **(d or {})}


@cache
def _compare_css() -> Markup:
    """The standalone page's inline CSS as an include wrote it (its last line break left out,
    as Jinja does): read once, where ``{% include %}`` loaded and rendered it on every page."""
    text = files("tradeoff.render").joinpath("templates/compare.css").read_text(encoding="utf-8")
    return Markup(text.removesuffix("\n"))


def make_environment() -> Environment:
    """A fresh environment (no module-level state); HTML is always autoescaped."""
    env = _Environment(
        loader=PackageLoader("tradeoff.render", "templates"),
        autoescape=True,
        auto_reload=False,  # package files: they do not change while a process runs
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        money=money,
        tokens=tokens,
        show=show,
        href=href,
        json_ld=json_ld,
        thousands=lambda n: f"{n:,}",
        score=score_text,
    )
    env.globals.update(
        urls=urls,
        NOT_SOURCED=NOT_SOURCED,
        NOT_A_PRICE_MOVE=NOT_A_PRICE_MOVE,
        capability_labels=CAPABILITY_LABELS,
        capability_short=CAPABILITY_SHORT,
        chart_height=chart_height,
        score_scatter=price_vs_score_inline,
        faq_jsonld=faq_jsonld,
        dataset_jsonld=dataset_jsonld,
        headline_text=headline_text,
        quantization_text=quantization_text,
        region_note=region_note,
        line_notes=line_notes,
        price_cell_text=price_cell_text,
        missing_row_price=missing_row_price,
        calculator_after_total=after_total,
        comparison_body=comparison_body,
        compare_css=_compare_css(),
    )
    return env


@cache
def environment() -> Environment:
    """The process's environment for renderers called without an app (the CLI)."""
    return make_environment()


def render_page(env: Environment, template: str, ctx: Mapping[str, object], chrome: Chrome) -> str:
    """A site page: its template in the site layout, reading ``ctx`` and the chrome."""
    return env.get_template(template).render(ctx=ctx, **chrome)


def render_compare_html(ctx: ComparisonContext) -> str:
    """The comparison as a standalone HTML page (inline CSS, no external assets)."""
    return environment().get_template("compare.html").render(ctx=ctx, standalone=True)
