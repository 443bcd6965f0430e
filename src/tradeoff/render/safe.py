"""Escaping rules that are not Jinja's autoescape: links from data, JSON inside HTML.

(Markdown's rule is ``tradeoff.render.markdown.esc``.)
"""

from __future__ import annotations

import json

from markupsafe import Markup

UNSAFE = "#unsafe-url"


def href(value: object) -> str:
    """A URL from data, made safe to link: http(s) or a site path, else a dead anchor.

    Autoescaping stops markup, not ``javascript:`` URLs; those never become links.
    """
    text = str(value or "").strip()
    lowered = text.lower()
    if lowered.startswith(("https://", "http://")) or (
        text.startswith("/") and not text.startswith("//")
    ):
        return text
    return UNSAFE


def inert_json(text: str) -> str:
    """JSON text with <, > and & as unicode escapes: still the same JSON, never markup."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def json_ld(value: object) -> Markup:
    """JSON-LD safe inside a <script> element (nothing in it can close the element)."""
    return Markup(inert_json(json.dumps(value, ensure_ascii=False, indent=1)))
