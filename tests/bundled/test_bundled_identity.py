"""Identity of the bundled catalog (docs/identity.md): one model per released checkpoint."""

from __future__ import annotations

import pytest

from tradeoff.catalog.load import CatalogText
from tradeoff.db.queries import Catalog
from tradeoff.maintain.identity_checks import identity_findings
from tradeoff.maintain.review import TOP_UNLINKED, unlinked_ranking
from tradeoff.normalize import normalize
from tradeoff.reconcile.reconciler import reconcile
from tradeoff.reconcile.resolved import Resolved

# Reasons that say nothing was decided about an id: the top of the report must not hold them.
UNEXPLAINED = ("no canonical model", "dated id", "base_model")


@pytest.fixture(scope="module")
def resolved(bundled_text: CatalogText) -> Resolved:
    return reconcile(bundled_text)


def test_no_duplicate_models(catalog: Catalog) -> None:
    assert identity_findings(catalog) == []


def test_no_model_is_a_floating_id(catalog: Catalog) -> None:
    floating = [
        m.id for m in catalog.models.values() if normalize(m.id).floating or "(latest)" in m.name
    ]
    assert floating == []


def test_the_top_unlinked_ids_are_each_explained(resolved: Resolved) -> None:
    top = unlinked_ranking(resolved)[:TOP_UNLINKED]
    assert [row for row in top if row[4].startswith(UNEXPLAINED)] == []


@pytest.mark.parametrize(
    ("model_id", "spellings"),
    [
        (
            "anthropic/claude-sonnet-4-20250514",
            ("claude-sonnet-4", "claude-sonnet-4-0", "claude-sonnet-4-20250514"),
        ),
        ("anthropic/claude-opus-4-1-20250805", ("claude-opus-4-1", "claude-opus-4-1-20250805")),
        ("anthropic/claude-haiku-4-5-20251001", ("claude-haiku-4-5", "claude-haiku-4-5-20251001")),
        ("anthropic/claude-3-7-sonnet-20250219", ("claude-3-7-sonnet", "claude-3-7-sonnet-latest")),
        ("anthropic/claude-3-5-haiku-20241022", ("claude-3-5-haiku", "claude-3-5-haiku-latest")),
        ("mistral/mistral-large-2512", ("mistral-large-2512", "mistral-large-3")),
        (
            "mistral/mistral-small-2506",
            (
                "mistral-small-2506",
                "mistral-small-3-2-24b-instruct",
                "mistral-small-3-2-24b-instruct-2506",
            ),
        ),
    ],
)
def test_every_spelling_of_a_checkpoint_links_to_one_model(
    catalog: Catalog, model_id: str, spellings: tuple[str, ...]
) -> None:
    spelled = [o for o in catalog.offerings if normalize(o.provider_model_id).key in spellings]
    assert len({o.provider_id for o in spelled}) > 5
    assert {o.model_id for o in spelled} == {model_id}


def test_a_floating_id_of_several_checkpoints_collects_no_offerings(catalog: Catalog) -> None:
    floating = {
        "claude-3-5-sonnet",
        "claude-3.5-sonnet",
        "anthropic/claude-3.5-sonnet",
        "mistral-large",
        "mistralai/mistral-large",
        "command-r",
        "cohere/command-r",
    }
    sold = [o for o in catalog.offerings if o.provider_model_id.lower() in floating]
    assert len(sold) >= 5
    assert [o for o in sold if o.model_id] == []


# normalize once dropped every trailing "-vN": a model whose own name carries its version
# (Nova Premier v1, Nemotron Nano 9B v2) linked by luck, a version-less spelling of another
# model claimed its key, and reviewed spellings were written to work around it.
@pytest.mark.parametrize(
    ("provider", "provider_model_id", "model_id"),
    [
        ("amazon-bedrock", "amazon.nova-premier-v1:0", "amazon/nova-premier-v1"),
        ("amazon-bedrock", "nvidia.nemotron-nano-9b-v2:0", "nvidia/nemotron-nano-9b-v2"),
        (
            "amazon-bedrock",
            "us-gov-east-1/nvidia.nemotron-nano-9b-v2",
            "nvidia/nemotron-nano-9b-v2",
        ),
        (
            "nebius",
            "nvidia/Llama-3.1-Nemotron-Ultra-253B-v1",
            "nvidia/llama-3.1-nemotron-ultra-253b",
        ),
        ("openrouter", "llama-3.1-nemotron-ultra-253b-v1", "nvidia/llama-3.1-nemotron-ultra-253b"),
        (
            "huggingface",
            "nvidia/Llama-3_1-Nemotron-Ultra-253B-v1:nebius",
            "nvidia/llama-3.1-nemotron-ultra-253b",
        ),
        ("openai", "text-embedding-ada-002-v2", "openai/text-embedding-ada-002"),
        # GovCloud's and India's cross-region prefixes are region prefixes like us. and eu.
        ("amazon-bedrock", "us-gov.anthropic.claude-opus-5", "anthropic/claude-opus-5"),
        ("amazon-bedrock", "in.moonshotai.kimi-k3", "moonshotai/kimi-k3"),
        (
            "openrouter",
            "llama-3.3-nemotron-super-49b-v1:free",
            "nvidia/llama-3.3-nemotron-super-49b-v1",
        ),
        ("deepseek", "deepseek-v3", "deepseek/deepseek-v3"),
        ("deepinfra", "deepseek-ai/DeepSeek-V3", "deepseek/deepseek-v3"),
        # KAT-Coder-Pro V1 (released 2025-11-09, models.dev's vercel file) is not V2 (2026-03-27)
        ("vercel", "kwaipilot/kat-coder-pro-v1", None),
        ("vercel", "kwaipilot/kat-coder-pro-v2", "kwaipilot/kat-coder-pro-v2"),
        # On Amazon's own Bedrock ids "-vN" is the model's version: Titan Embeddings G1 - Text
        # and Titan Text Embeddings V2 are two models (they shared the key titan-embed-text)
        ("amazon-bedrock", "amazon.titan-embed-text-v1", "amazon/titan-embed-text-v1"),
        ("amazon-bedrock", "amazon.titan-embed-text-v2:0", "amazon/titan-embed-text-v2"),
        ("vercel", "amazon/titan-embed-text-v2", "amazon/titan-embed-text-v2"),
        (
            "amazon-bedrock",
            "us.amazon.nova-2-pro-preview-20251202-v1:0",
            "amazon/nova-2-pro-preview-20251202",
        ),
    ],
)
def test_a_version_in_a_models_own_name_links_to_that_version(
    resolved: Resolved, provider: str, provider_model_id: str, model_id: str | None
) -> None:
    (offering,) = [
        o
        for o in resolved.offerings
        if (o.provider_id, o.provider_model_id) == (provider, provider_model_id)
    ]
    assert offering.model_id == model_id


def test_bedrocks_claude_1_is_unlinked_as_claude_1(resolved: Resolved) -> None:
    (reason,) = [
        u.reason
        for u in resolved.unlinked
        if (u.provider_id, u.provider_model_id) == ("amazon-bedrock", "anthropic.claude-v1")
    ]
    assert "Claude 1" in reason


@pytest.mark.parametrize(
    ("provider_model_id", "checkpoint"),
    [
        ("stability.stable-diffusion-xl-v0", "a pre-1.0 SDXL"),
        ("stability.stable-diffusion-xl-v1", "SDXL 1.0"),
    ],
)
def test_bedrocks_two_sdxl_versions_are_never_one_key(
    resolved: Resolved, provider_model_id: str, checkpoint: str
) -> None:
    # Both normalize to 'stable-diffusion-xl' (Bedrock's "-vN" reads as its entry version):
    # reviewed [never] entries, each naming its own checkpoint (docs/identity.md)
    (reason,) = [
        u.reason
        for u in resolved.unlinked
        if (u.provider_id, u.provider_model_id) == ("amazon-bedrock", provider_model_id)
    ]
    assert reason.startswith("never linked") and checkpoint in reason
