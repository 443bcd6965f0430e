"""Deterministic id normalizer: provider model ids → comparison keys.

Only spelling differences are erased (case, routing prefixes, separators, quantization and
serving suffixes, date formats). Nothing fuzzy: two ids get the same key only when they
spell the same checkpoint. Base vs instruct, thinking vs not, and different dates keep
different keys. Dated ↔ undated is decided separately, by comparing dates (see ``aliases``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Path-like prefixes that route a request, not name a model.
_ROUTING_SEGMENT = re.compile(r"^(accounts|routers|models|workers-ai|@cf|@hf|pro|tee|route)$")
# What an endpoint does with a model (fal: ``fal-ai/recraft/v3/text-to-image``): not its name.
ACTION_SEGMENT = re.compile(
    r"^(text|image|video|reference|audio)-to-(image|video|audio|speech)$|^(edit|reframe)$"
)
# A segment that only qualifies the one before it: a version (``recraft/v3``,
# ``flux-pro/v1.1-ultra``), or, below an owner, a word after a versioned name
# (``openai/gpt-image-2.5/flare``; ``ai21/jamba-1.6`` is an owner and a model).
_VERSION_SEGMENT = re.compile(r"^v?\d+(\.\d+)*(-[a-z]+)?$")
_ENDS_WITH_VERSION = re.compile(r"\d$")
_VENDORS = (
    r"(anthropic|meta|mistral|amazon|cohere|deepseek|openai|qwen|moonshot|moonshotai|minimax|"
    r"nvidia|writer|ai21|google|zai|xai|twelvelabs|stability)\."
)
# A cross-region prefix; GovCloud's "us-gov." and "in." only before a vendor prefix.
_BEDROCK_REGION = re.compile(rf"^(us|eu|apac|global|jp|au|ca)\.|^(us-gov|in)\.(?={_VENDORS})")
_BEDROCK_VENDOR = re.compile(rf"^{_VENDORS}")
# Bedrock versions its entries: "-v1:0", "-v2:0", a bare "-v1" after the vendor prefix
# ("anthropic.claude-opus-4-6-v1"), a minor ":0". That says which Bedrock entry, not which
# checkpoint, so it goes — on a Bedrock id only (a vendor prefix or a ":N" ending; a ":8192"
# thinking budget is a preset of the id before it). Elsewhere "-vN" names the checkpoint:
# deepseek-v3 is not deepseek-v2, recraft-v3 not recraft-v2.
# Amazon versions its own models in the name (Titan Text Embeddings V2, Titan Image Generator
# v2, the catalog's amazon/nova-pro-v1): on an "amazon." id "-vN" names the model and stays —
# only the minor ":N" is Bedrock's (amazon.titan-embed-text-v1 and amazon.titan-embed-text-v2:0
# are two models, of different dimensions and prices). Other vendors' "-v1:0" is Bedrock's
# entry version (stability.sd3-large-v1:0 is Stability's sd3-large).
_OWN_VERSION_VENDORS = frozenset({"amazon."})
_BEDROCK_MINOR = re.compile(r":\d+$")
_BEDROCK_VERSION = re.compile(r"-v\d+(:\d+)?$|:\d+$")
_QUANT = re.compile(r"[-_.](fp8|fp4|fp16|bf16|int4|int8|awq|gptq|nvfp4|mxfp4|w4a16|w8a8)(-fast)?$")
_SERVING_SUFFIX = re.compile(r"(:free|-free|-tee|:online)$")
_FLOATING = re.compile(r"(^|-)latest$|-latest-|^(deepseek-chat|deepseek-reasoner)$")
# A trailing date: 20250514, 2025-05-14, 250514? No: only forms in real use.
_DATE_YMD = re.compile(r"-(20\d{2})-?(\d{2})-?(\d{2})$")
_DATE_YYMM = re.compile(r"-(2[3-9])(0[1-9]|1[0-2])$")
_DATE_MMDD = re.compile(r"-(0[1-9]|1[0-2])([0-3]\d)$")


@dataclass(frozen=True)
class NormalizedId:
    """The key of an id, the date it carries (ISO, possibly partial) and its quantization."""

    key: str
    undated_key: str
    date: str | None  # "2025-05-14", "2025-07" (YYMM) or "--07-11" (month-day, year unknown)
    quantization: str | None
    floating: bool


def last_segment(raw: str) -> str:
    """The model part of a routed id: 'accounts/fireworks/models/x' → 'x'; a trailing action is
    dropped and a version joins its name ('fal-ai/recraft/v3/text-to-image' → 'recraft-v3'), so
    two models never share the name of what their endpoints do or of their version."""
    parts = [p for p in re.split(r"/", raw) if p]
    while len(parts) > 1 and (
        _ROUTING_SEGMENT.match(parts[-1].lower()) or ACTION_SEGMENT.match(parts[-1].lower())
    ):
        parts.pop()
    if not parts:
        return raw
    if (len(parts) > 1 and _VERSION_SEGMENT.match(parts[-1].lower())) or (
        len(parts) > 2 and _ENDS_WITH_VERSION.search(parts[-2])
    ):
        # "_", not "-": a joined version must never read as Bedrock's "-v1" suffix, stripped
        # below ("seedream_v3" → "seedream-v3"); "_" becomes "-" after that.
        return f"{parts[-2]}_{parts[-1]}"
    return parts[-1]


def normalize(raw: str) -> NormalizedId:
    """Normalize one provider model id (or a name written like an id)."""
    text = raw.strip().lower()
    text = re.sub(r"^(hf|openrouter|together|fireworks):", "", text)
    text = last_segment(text)
    text = _without_bedrock_version(_BEDROCK_REGION.sub("", text))
    text = text.replace("@", "-")  # vertex: claude-sonnet-4@20250514
    text = re.sub(r"[\s_]+", "-", text)
    text = re.sub(
        r"^(anthropic|cohere)-(?=claude|command|embed)", "", text
    )  # azure: cohere-command-a
    text = _SERVING_SUFFIX.sub("", text)
    quantization = None
    match = _QUANT.search(text)
    if match:
        quantization = match.group(1)
        text = text[: match.start()]
    text = re.sub(r"(\d)p(\d)", r"\1.\2", text)  # fireworks: deepseek-v3p1 → deepseek-v3.1
    text = re.sub(r"^llama-v(\d)", r"llama-\1", text)  # fireworks: llama-v3p1-8b → llama-3.1-8b
    text = re.sub(r"(\d)\.(\d)", r"\1-\2", text)  # 3.5 and 3-5 are the same spelling
    text = re.sub(r"^qwen-(\d)", r"qwen\1", text)  # qwen-2-5-7b → qwen2-5-7b
    text = re.sub(r"^meta-llama-(\d)", r"llama-\1", text)  # meta-llama-3-8b → llama-3-8b
    text = re.sub(r"^llama(\d)-", r"llama-\1-", text)  # bedrock: llama3-2-3b → llama-3-2-3b
    text = _claude_order(text)
    text = re.sub(r"(?<=\d)\.(?=\d)", "-", text)
    text = re.sub(r"-+", "-", text).strip("-")
    floating = bool(_FLOATING.search(text))
    stripped = re.sub(r"-preview$", "", text)
    date, undated = _split_date(stripped)
    return NormalizedId(
        key=text, undated_key=undated, date=date, quantization=quantization, floating=floating
    )


def _without_bedrock_version(text: str) -> str:
    """'anthropic.claude-3-5-sonnet-20241022-v2:0' → 'claude-3-5-sonnet-20241022'; an id
    outside Bedrock keeps its version ('deepseek-v3', 'nvidia-nemotron-nano-9b-v2'), and so
    does an Amazon model ('amazon.titan-embed-text-v2:0' → 'titan-embed-text-v2')."""
    vendor = _BEDROCK_VENDOR.match(text)
    if vendor is None and not _BEDROCK_MINOR.search(text):
        return text
    if vendor is not None and vendor.group(0) in _OWN_VERSION_VENDORS:
        return _BEDROCK_MINOR.sub("", text[vendor.end() :])
    return _BEDROCK_VERSION.sub("", text[vendor.end() :] if vendor else text)


def _claude_order(text: str) -> str:
    """Anthropic's own spelling: claude-3-5-haiku up to 3.x, claude-haiku-4-5 from 4 on."""
    match = re.match(r"^claude-(\d)(-\d)?-(opus|sonnet|haiku)(?=-|$)", text)
    if match and int(match.group(1)) >= 4:
        version = match.group(1) + (match.group(2) or "")
        return f"claude-{match.group(3)}-{version}" + text[match.end() :]
    match = re.match(r"^claude-(opus|sonnet|haiku)-(3)(-\d)?(?=-|$)", text)
    if match:
        version = match.group(2) + (match.group(3) or "")
        return f"claude-{version}-{match.group(1)}" + text[match.end() :]
    return text


def _split_date(text: str) -> tuple[str | None, str]:
    match = _DATE_YMD.search(text)
    if match:
        y, m, d = match.groups()
        if 1 <= int(m) <= 12 and 1 <= int(d) <= 31:
            return f"{y}-{m}-{d}", text[: match.start()]
    match = _DATE_YYMM.search(text)
    if match and not _ends_with_size(text[: match.start()]):
        return f"20{match.group(1)}-{match.group(2)}", text[: match.start()]
    match = _DATE_MMDD.search(text)
    if match and 1 <= int(match.group(2)) <= 31:
        return f"--{match.group(1)}-{match.group(2)}", text[: match.start()]
    return None, text


def _ends_with_size(text: str) -> bool:
    """Does ``text`` end with three or more digits, optionally then "b" ("405b", "1234")?

    Read from the end in constant time: the regex ``\\d{3,}b?$`` searched from every
    position and was quadratic on a long run of digits (a 30,000-digit name took seconds).
    """
    tail = text[:-1] if text.endswith("b") else text
    return len(tail) >= 3 and tail[-3:].isdecimal()  # \d is any Unicode decimal digit


def dates_agree(id_date: str, release_date: str | None) -> bool:
    """Does a date carried by an id name the same day/month as a model's release date?"""
    if not release_date:
        return False
    if id_date.startswith("--"):
        return len(release_date) == 10 and release_date[4:] == id_date[1:]
    if len(id_date) == 7:
        return release_date[:7] == id_date
    return release_date == id_date


_FREE = re.compile(r"(:free|-free\b|\(free\)|\bfree\b)")


def marked_free(model_id: str, name: str | None = None) -> bool:
    """Datasets mark a free variant only in its id or name (":free", "-free", "(free)")."""
    return bool(_FREE.search(f"{model_id} {name or ''}".lower()))


def offering_spelling(provider_model_id: str) -> tuple[str, str | None, bool]:
    """What makes two ids of one provider the same offering: normalized key (routing prefix,
    case and separators erased), quantization, and a free-tier suffix."""
    norm = normalize(provider_model_id)
    free = bool(re.search(r"[:-]free$", provider_model_id.lower()))
    return norm.key, norm.quantization, free
