"""Capabilities on the bundled catalog's pages are the model's, held fixed (round seven).

- DALL·E 3 read "Function / tool calling: yes" from Poe's models.dev listing alone (Poe's
  API, not the model); Sora 2 and Sora 2 Pro the same. A model whose output holds no text
  calls no function (reconcile.model_facts, TEXT_OUTPUT_CAPABILITIES).
"""

from __future__ import annotations

import pytest

from tradeoff.db.queries import Catalog


@pytest.mark.parametrize("model_id", ["openai/dall-e-3", "openai/sora-2", "openai/sora-2-pro"])
def test_an_image_or_video_model_does_not_call_functions(catalog: Catalog, model_id: str) -> None:
    model = catalog.models[model_id]
    assert "text" not in (model.modalities_output.value or ("text",))
    assert model.capabilities["tool_call"].value is False
    assert model.capabilities["structured_output"].value is False


def test_dall_e_3s_modalities_are_openais(catalog: Catalog) -> None:
    model = catalog.models["openai/dall-e-3"]
    assert model.modalities_output.source_id == "openai-dall-e-3-page"
    assert model.capabilities["tool_call"].source_id == "openai-dall-e-3-page"
