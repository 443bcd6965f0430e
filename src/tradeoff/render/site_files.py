"""The site's text files for crawlers and language models: sitemap.xml, robots.txt, llms.txt."""

from __future__ import annotations

from xml.sax.saxutils import escape

from tradeoff import urls
from tradeoff.escape import md as esc
from tradeoff.pages.sitemap import SitemapEntry
from tradeoff.pages.view import ModelName


def sitemap_xml(entries: list[SitemapEntry], base_url: str) -> str:
    """Every canonical page with its lastmod (the date the page shows as last reviewed)."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for path, lastmod in entries:
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
