"""The id normalizer: spelling differences vanish, checkpoint differences stay."""

from __future__ import annotations

import pytest

from tradeoff.normalize import dates_agree, normalize


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("accounts/fireworks/models/kimi-k2-instruct", "kimi-k2-instruct"),
        ("moonshotai/Kimi-K2-Instruct", "kimi-k2-instruct"),
        ("hf:moonshotai/Kimi-K2.6", "kimi-k2-6"),
        ("Pro/moonshotai/Kimi-K2.5", "kimi-k2-5"),
        ("moonshotai/Kimi-K2.5-TEE", "kimi-k2-5"),
        ("us.anthropic.claude-sonnet-4-20250514-v1:0", "claude-sonnet-4-20250514"),
        ("claude-sonnet-4@20250514", "claude-sonnet-4-20250514"),
        ("claude-4.5-haiku", "claude-haiku-4-5"),
        ("claude-3.5-sonnet", "claude-3-5-sonnet"),
        ("deepseek-v3p1", "deepseek-v3-1"),
        ("llama-v3p1-8b-instruct", "llama-3-1-8b-instruct"),
        ("meta-llama-3-70b-instruct", "llama-3-70b-instruct"),
        ("qwen-2.5-7b-instruct", "qwen2-5-7b-instruct"),
        ("openai/gpt-oss-120b:free", "gpt-oss-120b"),
        ("meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8", "llama-4-maverick-17b-128e-instruct"),
    ],
)
def test_spellings_share_a_key(raw: str, key: str) -> None:
    assert normalize(raw).key == key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("mixtral-8x22b", "mixtral-8x22b-instruct"),  # base vs instruct
        ("kimi-k2-instruct", "kimi-k2-instruct-0905"),  # two checkpoints
        ("qwen3-235b-a22b-instruct-2507", "qwen3-235b-a22b-thinking-2507"),
        ("gemini-3-pro-preview", "gemini-3-pro"),
    ],
)
def test_different_checkpoints_keep_different_keys(a: str, b: str) -> None:
    assert normalize(a).key != normalize(b).key


def test_quantization_is_recorded_not_part_of_the_key() -> None:
    norm = normalize("meta-llama/Llama-3.3-70B-Instruct-FP8")
    assert (norm.key, norm.quantization) == ("llama-3-3-70b-instruct", "fp8")


@pytest.mark.parametrize("raw", ["mistral-large-latest", "deepseek-chat", "gemini-flash-latest"])
def test_floating_aliases_are_flagged(raw: str) -> None:
    assert normalize(raw).floating


@pytest.mark.parametrize(
    ("raw", "date", "undated"),
    [
        ("kimi-k2-0711-preview", "--07-11", "kimi-k2"),
        ("gpt-4o-2024-05-13", "2024-05-13", "gpt-4o"),
        ("qwen3-235b-a22b-instruct-2507", "2025-07", "qwen3-235b-a22b-instruct"),
        ("claude-3-5-sonnet-20241022", "2024-10-22", "claude-3-5-sonnet"),
    ],
)
def test_dates_are_split_off(raw: str, date: str, undated: str) -> None:
    norm = normalize(raw)
    assert (norm.date, norm.undated_key) == (date, undated)


@pytest.mark.parametrize(
    ("id_date", "release", "agree"),
    [
        ("--07-11", "2025-07-11", True),
        ("--07-11", "2025-07-14", False),
        ("2025-07", "2025-07-21", True),
        ("2024-05-13", "2024-05-13", True),
        ("2024-05-13", None, False),
        ("--07-11", "2025-07", False),
    ],
)
def test_dates_agree_only_on_the_same_day_or_month(
    id_date: str, release: str | None, agree: bool
) -> None:
    assert dates_agree(id_date, release) is agree
