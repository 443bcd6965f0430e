"""Operator commands: import, review, diff and quality checks over the catalog."""
