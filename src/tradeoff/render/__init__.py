"""Renderers of page contexts: one Jinja environment and templates (HTML), Markdown, JSON,
SVG charts, terminal; ``formats`` says which renderer serves which format."""
