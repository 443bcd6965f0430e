"""The precision a route serves: its quantization (stated, or a marker in its id or name), a
serving variant ("fast", "turbo"), and the quantizations the lab itself released. The headline
rules (``compare.headline``, rule 4) read them: a third-party quantization is not the model as
released."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from tradeoff.records import Model

if TYPE_CHECKING:
    from tradeoff.records import Offering  # annotations only: not on cold paths

# Precisions that are not quantizations: the weights as trained.
FULL_PRECISION = frozenset({"bf16", "fp16", "fp32", "f16", "f32"})
# A quantization marker as its own token of an id or name: "-FP4", "_fp8", ":int4", " AWQ".
_QUANT_TOKEN = re.compile(
    r"(?:^|[-_/.:\s(])(nvfp4|mxfp4|fp4|fp6|fp8|int4|int8|w4a16|w8a8|w4a8|awq|gptq|gguf|"
    r"q[2-8]_k(?:_[msl])?|q[2-8]_[01]|bf16|fp16|fp32)(?=$|[-_/.:\s)])",
    re.IGNORECASE,
)
# A serving variant of a route, as its own token of the id or name: "-fast", " Turbo".
VARIANT = re.compile(r"(?:^|[-_/.:\s(])(fast|turbo|lightning)(?=$|[-_/.:\s)])", re.IGNORECASE)


def quantization_of(offering: Offering) -> str | None:
    """The served precision, lower case: the offering's field, else a marker in its id or name.

    The marker must be a token of its own ("Kimi-K2-Instruct-FP4", "glm-4.5-fp8"), so a
    word merely containing the letters ("fp8x") is not one.
    """
    if offering.quantization:
        return offering.quantization.lower()
    for text in (offering.provider_model_id, offering.name or ""):
        match = _QUANT_TOKEN.search(text)
        if match:
            return match.group(1).lower()
    return None


def variant_of(offering: Offering, model: Model) -> str | None:
    """The serving-variant marker ("fast", "turbo") of the offering's id or name that the
    model's own id and name do not carry, lower case; None when there is none."""
    own = {m.group(1).lower() for t in (model.id, model.name) for m in VARIANT.finditer(t)}
    for text in (offering.provider_model_id, offering.name or ""):
        for match in VARIANT.finditer(text):
            if match.group(1).lower() not in own:
                return match.group(1).lower()
    return None


def quantized_prices(
    offerings: Iterable[Offering], own: frozenset[str]
) -> dict[tuple[str, Decimal | None, Decimal | None], str]:
    """(provider, input, output) of each route serving a third-party quantization of the
    model → that quantization: what an unstated route at the same provider and prices is
    presumed to be."""
    out: dict[tuple[str, Decimal | None, Decimal | None], str] = {}
    for o in offerings:
        q = quantization_of(o)
        if q and q not in FULL_PRECISION and q not in own and o.prices.input_per_mtok:
            out.setdefault((o.provider_id, o.prices.input_per_mtok, o.prices.output_per_mtok), q)
    return out


def hf_org(model: Model) -> str | None:
    """The Hugging Face organisation of the model's weights URL, lower case."""
    url = model.weights_url or ""
    match = re.match(r"https?://huggingface\.co/([^/]+)/", url)
    return match.group(1).lower() if match else None


def lab_precisions(model: Model, offerings: Iterable[Offering]) -> frozenset[str]:
    """Quantizations the lab itself released: an offering serves it under the lab's own
    Hugging Face organisation (``zai-org/GLM-5.1-FP8`` for GLM-5.1, whose weights are at
    ``huggingface.co/zai-org``). ``baseten/Kimi-K2-Instruct-FP4`` names another org: a
    third-party quantization."""
    org = hf_org(model)
    if org is None:
        return frozenset()
    own: set[str] = set()
    for o in offerings:
        q = quantization_of(o)
        if q and q not in FULL_PRECISION and _repo_org(o.provider_model_id) == org:
            own.add(q)
    return frozenset(own)


def _repo_org(provider_model_id: str) -> str | None:
    parts = provider_model_id.split(":")[0].split("/")
    return parts[-2].lower() if len(parts) >= 2 else None
