"""One escaping rule per output format for data (HTML: markupsafe's escape, as Jinja's autoescape
and ``render.html_cells.escape`` apply it).

- URLs from data: ``href`` (http(s) or a site path, else a dead anchor);
- Markdown: ``md`` for text, ``md_url`` for a link target;
- CSV: ``csv_cell`` (formula-leading cells neutralised, as OWASP recommends).

Base layer: every renderer, and the downloads that write Markdown and CSV files, use these.
"""

from __future__ import annotations

import re

UNSAFE = "#unsafe-url"
# Markdown syntax anywhere in a line: code, emphasis, links, table cells, strikethrough.
_MD_SPECIAL = re.compile(r"([`*\[\]|~])")
# A backslash escapes the ASCII punctuation after it, and ends a line as a hard break.
_MD_BACKSLASH = re.compile(r"\\(?=[!-/:-@\[-`{-~]|$)")
_MD_UNDERSCORES = re.compile(r"_+")
# An ampersand that starts (or, at the end of the text, could start) an entity reference.
_MD_ENTITY = re.compile(r"&(?=[A-Za-z][A-Za-z0-9]{0,31};|#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|$)")
# Block markers at the start: an ordered list item ("1. ", "2)"), a bullet ("- ", "+ "), an
# ATX heading ("# ", "##"), a setext underline or a rule ("---", "=="), a table's delimiter
# row under a line holding a pipe ("-:", ":-", ":-:").
_MD_ORDERED = re.compile(r"\d{1,9}(?=[.)](?: |$))")
_MD_BLOCK_START = re.compile(r"(?:[-+]|#{1,6})(?: |$)|[-=]+$|:?-+:?$")
# Anything the patterns above could touch: most data text (names, dates, numbers in words)
# has none, and is answered with one search.
_MD_ANY = re.compile(r"[\\&<>`*\[\]|~_]|^[-+#=:\d]")
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
    """Escape what would be Markdown or inline-HTML syntax in data, and only that (CommonMark
    plus GFM tables and strikethrough); newlines become spaces. The text may land anywhere:
    a paragraph's first line or a later one, a list item, a table cell, mid-sentence.

    - Always: ``\\`` before punctuation or at the end, `` ` `` ``*`` ``[`` ``]`` ``|`` ``~``
      (code, emphasis, links, table cells, strikethrough); ``_`` unless it sits between two
      letters or digits, where it cannot emphasise (``model_prices_and_context_window``);
      ``&`` only where it would start an entity (``&amp;``, ``&#169;``) or could (at the end).
      Angle brackets become entities, so no renderer ever sees raw HTML from data.
    - At the start, only a real block marker: ``1.`` / ``1)`` and ``-`` / ``+`` followed by a
      space or the end (a list), ``#``…``######`` likewise (a heading), a line of ``-`` or
      ``=`` (a heading underline or a rule), ``-:``, ``:-`` or ``:-:`` (a table's delimiter
      row). ``59.1%``, ``-5%`` and ``#1`` stay as they are.
    """
    flat = " ".join(str(text).split())
    if _MD_ANY.search(flat) is None:
        return flat
    flat = _MD_BACKSLASH.sub(r"\\\\", flat)
    flat = _MD_ENTITY.sub("&amp;", flat).replace("<", "&lt;").replace(">", "&gt;")
    escaped = _MD_UNDERSCORES.sub(_underscores, _MD_SPECIAL.sub(r"\\\1", flat))
    number = _MD_ORDERED.match(escaped)
    if number:  # "1. " or "2) " would start an ordered list
        return escaped[: number.end()] + "\\" + escaped[number.end() :]
    return "\\" + escaped if _MD_BLOCK_START.match(escaped) else escaped


def _underscores(match: re.Match[str]) -> str:
    """A run of underscores, escaped unless a letter or digit stands on both sides of it."""
    text, start, end = match.string, match.start(), match.end()
    inert = start > 0 and end < len(text) and text[start - 1].isalnum() and text[end].isalnum()
    return match.group(0) if inert else match.group(0).replace("_", "\\_")


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
