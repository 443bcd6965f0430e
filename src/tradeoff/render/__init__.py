"""Renderers: one Jinja environment and templates; HTML, Markdown, JSON, terminal, charts."""
