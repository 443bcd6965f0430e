"""The compiled SQLite catalog: schema, version, atomic build, locate, read-only queries."""
