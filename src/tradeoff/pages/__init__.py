"""Page contexts: one typed, JSON-ready context per page, holding everything it shows."""
