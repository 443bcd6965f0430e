"""Normalisation does work linear in its input: no regex may backtrack on a long digit run.

A 30,000-digit model name once froze the server for 15 s (``\\d{3,}b?$`` searched from every
position). The alarm is generous (several seconds for work that takes milliseconds): a
quadratic scan of 100,000 digits takes minutes.
"""

from __future__ import annotations

from support.bounded import finishes

from tradeoff.normalize import normalize


def test_a_long_digit_run_before_a_yymm_date_is_normalised_in_bounded_time() -> None:
    raw = "1" * 100_000 + "x-2501"
    assert finishes(lambda: normalize(raw)).key.endswith("x-2501")


def test_a_long_digit_run_ending_the_name_is_normalised_in_bounded_time() -> None:
    raw = "m-" + "7" * 100_000 + "-2501"
    assert finishes(lambda: normalize(raw)).date is None  # a size, not a date


def test_a_size_before_yymm_is_not_a_date_and_a_version_is() -> None:
    assert normalize("llama-405b-2501").date is None
    assert normalize("model-1234-2501").date is None
    assert normalize("mistral-small-2501").date == "2025-01"
    assert normalize("mistral-small-2501").undated_key == "mistral-small"
    assert normalize("model-12-2501").date == "2025-01"
