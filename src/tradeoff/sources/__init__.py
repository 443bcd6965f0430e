"""Importers: one module per public dataset, each turning a snapshot into normalized records."""
