"""One escaping rule per output format for data (HTML itself is Jinja's autoescape).

- URLs from data: ``href`` (http(s) or a site path, else a dead anchor);
- Markdown: ``md`` for text, ``md_url`` for a link target;
- CSV: ``csv_cell`` (formula-leading cells neutralised, as OWASP recommends).

Base layer: every renderer, and the downloads that write Markdown and CSV files, use these.
"""

from __future__ import annotations

import re

UNSAFE = "#unsafe-url"
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|~])")
# A spreadsheet reads a cell starting with one of these as a formula (or a command).
_FORMULA_LEAD = ("=", "+", "-", "@", "\t", "\r")


def href(value: object) -> str:
    """A URL from data, made safe to link: http(s) or a site path, else a dead anchor.

    Autoescaping stops markup, not ``javascript:`` URLs; those never become links. A path
    starting ``//`` or ``/\\`` is another host to a browser, so it is not a site path.
    """
    text = str(value or "").strip()
    lowered = text.lower()
    if lowered.startswith(("https://", "http://")) or (
        text.startswith("/") and not text.startswith(("//", "/\\"))
    ):
        return text
    return UNSAFE


def md(text: object) -> str:
    """Escape Markdown and inline-HTML syntax in data; newlines become spaces.

    Angle brackets become entities (not backslash escapes), so no Markdown renderer, CommonMark
    or not, ever sees raw HTML from data.
    """
    flat = " ".join(str(text).split()).replace("&", "&amp;")
    flat = flat.replace("<", "&lt;").replace(">", "&gt;")
    escaped = _MD_SPECIAL.sub(r"\\\1", flat)
    # A leading "#", "-", "+" or "1." would turn a data line into a heading or a list item.
    if re.match(r"[#+-]", escaped):
        return "\\" + escaped
    return re.sub(r"^(\d+)\.", r"\1\\.", escaped)


def md_url(value: object) -> str:
    """A data URL inside a Markdown link: safe scheme, no characters that end the link."""
    return href(value).replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")


def csv_cell(value: object) -> object:
    """A CSV cell: text that a spreadsheet would run as a formula gets a leading quote.

    Numbers and booleans stay as they are (a negative number is data, not a formula).
    """
    if isinstance(value, str) and value.startswith(_FORMULA_LEAD):
        return "'" + value
    return value
