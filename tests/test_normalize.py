"""The id normalizer: spelling differences vanish, checkpoint differences stay."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

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


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("deepseek-v3", "deepseek-v2"),
        ("seedream-v3", "seedream-v4"),
        ("recraft/recraft-v3", "recraft/recraft-v2"),
        ("kimi-k2-v2", "kimi-k2"),
        ("accounts/fireworks/models/firefunction-v1", "accounts/fireworks/models/firefunction-v2"),
        ("TheDrummer/Cydonia-24B-v2", "TheDrummer/Cydonia-24B-v4"),
    ],
)
def test_a_version_outside_bedrock_names_another_checkpoint(a: str, b: str) -> None:
    assert normalize(a).key != normalize(b).key


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("deepseek-v3", "deepseek-v3"),
        ("deepseek-ai/DeepSeek-V3", "deepseek-v3"),
        ("nvidia/NVIDIA-Nemotron-Nano-9B-v2", "nvidia-nemotron-nano-9b-v2"),
        ("amazon/nova-pro-v1", "nova-pro-v1"),
        ("whisper-large-v3", "whisper-large-v3"),
        # Bedrock's version suffix ("-v1:0", "-v2:0", a bare "-v1" after a vendor prefix) and
        # its minor version (":0") say which Bedrock entry, not which checkpoint
        ("anthropic.claude-3-5-sonnet-20241022-v2:0", "claude-3-5-sonnet-20241022"),
        ("anthropic.claude-opus-4-6-v1", "claude-opus-4-6"),
        ("eu.anthropic.claude-opus-4-6-v1", "claude-opus-4-6"),
        ("meta.llama3-8b-instruct-v1:0", "llama-3-8b-instruct"),
        ("claude-sonnet-4-5-20250929-v1:0", "claude-sonnet-4-5-20250929"),
        ("openai.gpt-oss-20b-1:0", "gpt-oss-20b-1"),
        ("claude-opus-4-1-thinking:8192", "claude-opus-4-1-thinking"),
        # GovCloud's and India's cross-region prefixes, as us. and eu.
        ("us-gov.anthropic.claude-sonnet-4-5-20250929-v1:0", "claude-sonnet-4-5-20250929"),
        ("us-gov.xai.grok-4.6", "grok-4-6"),
        ("in.moonshotai.kimi-k3", "kimi-k3"),
    ],
)
def test_only_bedrock_ids_lose_their_version_suffix(raw: str, key: str) -> None:
    assert normalize(raw).key == key


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        # Amazon's own models carry their version in their name (Titan Text Embeddings V2,
        # Titan Image Generator v2): Bedrock's "-vN" on their ids is that version; only the
        # minor ":N" is Bedrock's
        ("amazon.titan-embed-text-v1", "titan-embed-text-v1"),
        ("amazon.titan-embed-text-v2:0", "titan-embed-text-v2"),
        ("amazon/titan-embed-text-v2", "titan-embed-text-v2"),
        ("amazon.titan-image-generator-v2:0", "titan-image-generator-v2"),
        ("us.amazon.nova-pro-v1:0", "nova-pro-v1"),
        # another vendor's "-v1:0" is Bedrock's entry version: Stability's sd3-large
        ("stability.sd3-large-v1:0", "sd3-large"),
    ],
)
def test_amazons_bedrock_versions_name_the_model(raw: str, key: str) -> None:
    assert normalize(raw).key == key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("amazon.titan-embed-text-v1", "amazon.titan-embed-text-v2:0"),
        ("amazon.titan-image-generator-v1", "amazon.titan-image-generator-v2:0"),
    ],
)
def test_two_versions_of_an_amazon_model_never_share_a_key(a: str, b: str) -> None:
    assert normalize(a).key != normalize(b).key


# No "." and no ":": neither a Bedrock vendor prefix nor a Bedrock minor version.
_STEM = st.from_regex(r"[a-z][a-z0-9-]{0,20}[a-z0-9]", fullmatch=True)


@given(stem=_STEM, versions=st.lists(st.integers(0, 99), min_size=2, max_size=2, unique=True))
def test_distinct_versions_of_a_non_bedrock_id_never_share_a_key(
    stem: str, versions: list[int]
) -> None:
    first, second = (normalize(f"{stem}-v{n}").key for n in versions)
    assert first != second
