"""tradeoff: which LLM, from which provider, at what cost — sourced, dated, consistent."""

__version__ = "0.1.0"
