"""Links built from data: only http(s) URLs and site paths become links."""

from __future__ import annotations

from typing import Any

UNSAFE = "#unsafe-url"


def href(value: Any) -> str:
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
