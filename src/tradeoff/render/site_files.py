"""The site's text files for crawlers and language models: sitemap.xml, robots.txt, llms.txt."""

from __future__ import annotations

from xml.sax.saxutils import escape

from tradeoff import urls
from tradeoff.escape import md as esc
from tradeoff.pages.sitemap import SitemapEntry
from tradeoff.pages.view import ModelName

SITEMAP_LIMIT = 50_000  # URLs one sitemap file may list (sitemaps.org)
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def sitemap_name(part: int) -> str:
    """The file of one part of a split sitemap: ``sitemap-1.xml``…"""
    return f"sitemap-{part}.xml"


def sitemap_parts(entries: list[SitemapEntry], limit: int = SITEMAP_LIMIT) -> int:
    """How many ``sitemap-N.xml`` parts the sitemap has (0: ``sitemap.xml`` lists every URL)."""
    return 0 if len(entries) <= limit else -(-len(entries) // limit)


def sitemap_xml(
    entries: list[SitemapEntry], base_url: str, part: int = 0, limit: int = SITEMAP_LIMIT
) -> str:
    """``sitemap.xml``: every canonical page with its lastmod (the date the page shows as last
    reviewed) — or, over ``limit`` URLs, a sitemap index of ``sitemap-N.xml`` parts; ``part``
    N is one of those parts (``limit`` URLs each)."""
    parts = sitemap_parts(entries, limit)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>']
    if parts and not part:
        lines.append(f'<sitemapindex xmlns="{SITEMAP_NS}">')
        lines += [
            f"<sitemap><loc>{escape(base_url)}/{sitemap_name(n)}</loc></sitemap>"
            for n in range(1, parts + 1)
        ]
        lines.append("</sitemapindex>")
        return "\n".join(lines) + "\n"
    chunk = entries[(part - 1) * limit : part * limit] if part else entries
    lines.append(f'<urlset xmlns="{SITEMAP_NS}">')
    for path, lastmod in chunk:
        extra = f"<lastmod>{escape(lastmod)}</lastmod>" if lastmod else ""
        lines.append(f"<url><loc>{escape(base_url + path)}</loc>{extra}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(base_url: str) -> str:
    """Everything may be crawled; the sitemap lists the canonical pages."""
    return f"User-agent: *\nAllow: /\nSitemap: {base_url}/sitemap.xml\n"


def llms_txt(models: list[ModelName]) -> str:
    """Where a language model finds the Markdown twins and the API."""
    lines = [
        "# tradeoff",
        "",
        "> Which LLM, from which provider, at what cost: a catalog of models, providers and token "
        "prices (USD per 1M tokens) where every fact carries its source and its date (checked, "
        "or as of a dataset snapshot).",
        "",
        "Every page has a Markdown twin (append .md) and a JSON twin (append .json).",
        "",
        "## Catalog",
        "",
        f"- [Catalog table]({urls.twin('/', 'md')}): all models, cheapest active prices",
        f"- [JSON API]({urls.api('openapi.json')}): OpenAPI 3.1 document of /api/v1",
        f"- [Downloads]({urls.download('')}): SQLite, CSV, JSON with licences",
        "",
        "## Models",
        "",
    ]
    lines += [f"- [{esc(m['name'])}]({urls.twin(urls.model(m['slug']), 'md')})" for m in models]
    return "\n".join(lines) + "\n"
