"""The catalog text: where it lives, its strict schemas, and loading it (no reconciling)."""
