"""HTML rendering of the comparison page (Jinja2, autoescape on, no external assets)."""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from tradeoff.compare.wording import NOT_SOURCED
from tradeoff.render.markdown import money
from tradeoff.render.safe import href


@cache
def environment() -> Environment:
    """The shared Jinja environment: autoescape for every template, strict undefined."""
    env = Environment(
        loader=PackageLoader("tradeoff.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["money"] = money
    env.filters["thousands"] = lambda n: f"{n:,}"
    env.filters["href"] = href
    env.globals["NOT_SOURCED"] = NOT_SOURCED
    return env


def render_compare_body(ctx: dict[str, Any]) -> str:
    """Only the page's sections (for the web app's own layout)."""
    return environment().get_template("compare_body.html").render(ctx=ctx)


def render_compare_html(ctx: dict[str, Any]) -> str:
    """The comparison as a standalone HTML page (inline CSS, no external assets)."""
    return environment().get_template("compare.html").render(ctx=ctx)
