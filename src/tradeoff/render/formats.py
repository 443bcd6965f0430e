"""The renderer registry: how one page's context becomes each format it is served in.

JSON is the context itself, serialized (money as decimal strings). HTML is the page's
template in the site layout; Markdown and SVG are functions of the context. A page lists the
renderers it has; the web app serves exactly those formats.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from tradeoff.pages.jsonable import dumps

C = TypeVar("C", bound=Mapping[str, object])

# (template, context) → the page in the site layout; bound by the app to its environment and
# the visitor's chrome (twins, base URL).
HtmlRenderer = Callable[[str, Mapping[str, object]], str]


def render_json(ctx: Mapping[str, object]) -> str:
    """The .json twin: the page's context, as it is."""
    return dumps(ctx) + "\n"


@dataclass(frozen=True)
class Renderers(Generic[C]):
    """One page's renderers by format (``html``, ``json``, ``md``, ``svg``)."""

    template: str | None = None  # render/templates/<template>, extending base.html
    markdown: Callable[[C], str] | None = None
    svg: Callable[[C], bytes] | None = None
    json: bool = True

    def formats(self) -> frozenset[str]:
        """The formats this page can be rendered in."""
        given = {
            "html": self.template is not None,
            "json": self.json,
            "md": self.markdown is not None,
            "svg": self.svg is not None,
        }
        return frozenset(fmt for fmt, ok in given.items() if ok)

    def render(self, fmt: str, ctx: C, html: HtmlRenderer) -> str | bytes:
        """The page in ``fmt``."""
        if fmt == "json" and self.json:
            return render_json(ctx)
        if fmt == "html" and self.template is not None:
            return html(self.template, ctx)
        if fmt == "md" and self.markdown is not None:
            return self.markdown(ctx)
        if fmt == "svg" and self.svg is not None:
            return self.svg(ctx)
        raise ValueError(f"this page has no {fmt} renderer")
