"""Atom 1.0 feeds (RFC 4287) of the catalog's changes.

Written with the standard library's ElementTree, which escapes every text and attribute: data
never becomes markup. Every URL is absolute, made from the configured base URL (never a
request's Host). Ids are tag: URIs (RFC 4151) made from each change's identity — what changed
and when — so an entry keeps its id whatever else enters or leaves the feed.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from urllib.parse import quote, urlsplit

from tradeoff.money import format_usd
from tradeoff.pages.changes import ChangeEntry

ATOM_NS = "http://www.w3.org/2005/Atom"
TAG_YEAR = "2026"  # the year the site's authority named its feeds (RFC 4151 taggingEntity)
_TAG_SAFE = "/:@-._~!$&'()*+,;="


def tag_uri(base_url: str, specific: str) -> str:
    """A tag: URI of the site's authority (the base URL's host) for ``specific``."""
    host = (urlsplit(base_url).hostname or "localhost").lower()
    return f"tag:{host},{TAG_YEAR}:{quote(specific, safe=_TAG_SAFE)}"


def _timestamp(day: str) -> str:
    return f"{day[:10]}T00:00:00Z"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def _content(entry: ChangeEntry) -> str:
    """The entry's body as HTML (escaped here once for HTML; ElementTree escapes it for XML)."""
    lines = [f"<p>{html.escape(entry['title'])}</p>"]
    rows = []
    for side, before, after in (
        ("input", entry["input_before"], entry["input_after"]),
        ("output", entry["output_before"], entry["output_after"]),
    ):
        if before is not None or after is not None:
            rows.append(
                f"<tr><th>{side} per 1M tokens</th><td>{html.escape(format_usd(before))}</td>"
                f"<td>{html.escape(format_usd(after))}</td></tr>"
            )
    if rows:
        lines.append("<table><tr><th></th><th>before</th><th>after</th></tr>")
        lines += [*rows, "</table>"]
    if entry["source_id"]:
        lines.append(f"<p>Source: {html.escape(entry['source_id'])}</p>")
    return "".join(lines)


def atom_feed(
    *,
    base_url: str,
    feed_path: str,
    page_path: str,
    title: str,
    entries: Sequence[ChangeEntry],
    updated: str,
) -> bytes:
    """The Atom document of ``entries`` (newest first); ``updated`` is the feed's date when it
    has no entry (the newest entry's date otherwise)."""
    base = base_url.rstrip("/")
    feed = ET.Element("feed", {"xmlns": ATOM_NS})
    _sub(feed, "id", tag_uri(base, f"feed{feed_path}"))
    _sub(feed, "title", title)
    newest = max((e["date"] for e in entries), default=updated)
    _sub(feed, "updated", _timestamp(newest))
    _sub(feed, "link", rel="self", type="application/atom+xml", href=base + feed_path)
    _sub(feed, "link", rel="alternate", type="text/html", href=base + page_path)
    author = _sub(feed, "author")
    _sub(author, "name", "tradeoff")
    _sub(author, "uri", base + "/")
    _sub(feed, "generator", "tradeoff")
    for entry in entries:
        item = _sub(feed, "entry")
        _sub(item, "id", tag_uri(base, f"change/{entry['id']}"))
        _sub(item, "title", entry["title"])
        _sub(item, "updated", _timestamp(entry["date"]))
        _sub(item, "published", _timestamp(entry["date"]))
        link = entry["model_url"] or page_path
        _sub(item, "link", rel="alternate", type="text/html", href=base + link)
        _sub(item, "category", term=entry["kind"], label=entry["kind_label"])
        _sub(item, "content", _content(entry), type="html")
    body = ET.tostring(feed, encoding="unicode")
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n").encode("utf-8")
