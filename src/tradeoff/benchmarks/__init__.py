"""Benchmarks: registry, sourced results, and which results of two models are comparable."""
