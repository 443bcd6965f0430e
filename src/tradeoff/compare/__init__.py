"""The comparison engine: pure functions over catalog records (no SQLite, no files)."""
