"""schema.org JSON-LD of pages, built from their contexts (the same facts the page shows)."""

from __future__ import annotations

from tradeoff import urls
from tradeoff.pages.comparison import ComparisonContext
from tradeoff.pages.downloads import DownloadsContext

JsonLd = dict[str, object]


def faq_jsonld(ctx: ComparisonContext) -> JsonLd:
    """schema.org FAQPage from the comparison's FAQ (the same claims the page shows)."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": f["question"],
                "acceptedAnswer": {"@type": "Answer", "text": f["answer"]},
            }
            for f in ctx["faq"]
        ],
    }


def dataset_jsonld(ctx: DownloadsContext, base_url: str) -> JsonLd:
    """schema.org Dataset for the downloads page."""
    return {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": "tradeoff LLM catalog",
        "description": "LLMs, providers and token prices (USD per 1M tokens), every fact "
        "with its source and its date (checked, or as of a dataset snapshot).",
        "url": base_url + urls.download(""),
        "version": ctx["catalog_version"][:12],
        "license": [s["url"] for s in ctx["included_sources"]],
        "creditText": "; ".join(f"{s['name']} ({s['licence']})" for s in ctx["included_sources"]),
        "distribution": [
            {
                "@type": "DataDownload",
                "name": f["name"],
                "encodingFormat": f["format"],
                "contentUrl": base_url + f["url"],
            }
            for f in ctx["files"]
        ],
    }
