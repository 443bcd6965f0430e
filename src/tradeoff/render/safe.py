"""HTML-side escaping beyond Jinja's autoescape: JSON inside HTML (JSON-LD, inline data).

Links from data, Markdown and CSV follow ``tradeoff.escape`` (re-exported here: ``href``).
"""

from __future__ import annotations

import json

from markupsafe import Markup

from tradeoff.escape import UNSAFE as UNSAFE  # re-exported
from tradeoff.escape import href as href  # re-exported


def inert_json(text: str) -> str:
    """JSON text with <, > and & as unicode escapes: still the same JSON, never markup."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def json_ld(value: object) -> Markup:
    """JSON-LD safe inside a <script> element (nothing in it can close the element)."""
    return Markup(inert_json(json.dumps(value, ensure_ascii=False, indent=1)))
