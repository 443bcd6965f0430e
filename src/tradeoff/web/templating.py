"""The web's Jinja2 environment: autoescape always on, filters for money, tokens and facts."""

from __future__ import annotations

from typing import Any

from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined

from tradeoff import urls
from tradeoff.compare.wording import NOT_SOURCED as NOT_SOURCED  # re-exported for pages
from tradeoff.compare.wording import show_value as show  # the pages' name for it
from tradeoff.money import format_usd
from tradeoff.records import CAPABILITY_LABELS
from tradeoff.render.safe import href as href  # re-exported for templates

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


def money(value: Any) -> str:
    """USD as people read it, the same as on comparison pages; missing is "unpriced"."""
    return format_usd(value)


def tokens(value: Any) -> str:
    """A token count with separators and a short form: "131,072 (128K)"."""
    if value is None:
        return NOT_SOURCED
    n = int(value)
    if n >= 1_000_000 and n % 1_000_000 == 0:
        short = f"{n // 1_000_000}M"
    elif n >= 1_048_576 and n % 1_048_576 == 0:
        short = f"{n // 1_048_576}M"
    elif n >= 1000:
        short = f"{round(n / 1024) if n % 1024 == 0 else round(n / 1000)}K"
    else:
        return f"{n:,}"
    return f"{n:,} ({short})"


def make_environment(extra_loaders: list[Any] | None = None) -> Environment:
    """A fresh environment (no module-level state); HTML is always autoescaped."""
    loaders: list[Any] = [PackageLoader("tradeoff.web", "templates")]
    loaders += extra_loaders or []
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(money=money, tokens=tokens, show=show, href=href)
    env.globals.update(
        urls=urls,
        capability_labels=CAPABILITY_LABELS,
        capability_short=CAPABILITY_SHORT,
    )
    return env
