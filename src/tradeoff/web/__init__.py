"""The web app: one route table of pages with .json and .md twins, the API, security."""
