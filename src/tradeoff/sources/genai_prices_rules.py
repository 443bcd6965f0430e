"""genai-prices' YAML details: reading a file, match rules, dates, time-of-day windows,
copied prices."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, Literal

import yaml

from tradeoff.catalog.parsing import read_text
from tradeoff.errors import DataError

# libyaml's safe loader when built in (about 10× faster), else PyYAML's own; same results.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

CLAUSES = {"equals", "starts_with", "ends_with", "contains", "regex", "or", "and"}


def matches(rule: dict[str, Any], name: str) -> bool:
    """Evaluate a genai-prices match rule against an id (case-insensitive, like genai-prices)."""
    text = name.lower()
    if "equals" in rule:
        return text == str(rule["equals"]).lower()
    if "starts_with" in rule:
        return text.startswith(str(rule["starts_with"]).lower())
    if "ends_with" in rule:
        return text.endswith(str(rule["ends_with"]).lower())
    if "contains" in rule:
        return str(rule["contains"]).lower() in text
    if "regex" in rule:
        return re.search(str(rule["regex"]), name) is not None
    if "or" in rule:
        return any(matches(r, name) for r in rule["or"])
    if "and" in rule:
        return all(matches(r, name) for r in rule["and"])
    return False


def parse_date(raw: Any, path: Path, field: str) -> dt.date | None:
    """A YAML date, or ISO text (some files quote their dates)."""
    if raw is None or (isinstance(raw, dt.date) and not isinstance(raw, dt.datetime)):
        return raw
    try:
        return dt.date.fromisoformat(str(raw))
    except ValueError:
        raise DataError(f"expected a date, got {raw!r}", path=path, field=field) from None


def flatten(rule: dict[str, Any]) -> list[dict[str, Any]]:
    """Leaf clauses of a rule, in order (``and`` groups count as one pattern)."""
    if "or" in rule:
        return [leaf for sub in rule["or"] for leaf in flatten(sub)]
    if "and" in rule:
        return [{"regex": " and ".join(str(next(iter(c.values()))) for c in rule["and"])}]
    return [rule]


def check_rule(rule: Any, path: Path, field: str) -> None:
    """A match rule must be one known clause (nested ``or``/``and`` checked too)."""
    if not isinstance(rule, dict) or len(rule) != 1 or next(iter(rule)) not in CLAUSES:
        raise DataError(f"expected one match clause of {sorted(CLAUSES)}", path=path, field=field)
    kind, value = next(iter(rule.items()))
    if kind in ("or", "and"):
        if not isinstance(value, list) or not value:
            raise DataError(f"expected a list of clauses under {kind!r}", path=path, field=field)
        for index, sub in enumerate(value):
            check_rule(sub, path, f"{field}.{kind}[{index}]")
    elif not isinstance(value, str):
        raise DataError(f"expected text, got {value!r}", path=path, field=f"{field}.{kind}")
    elif kind == "regex":
        try:
            re.compile(value)
        except re.error as exc:
            raise DataError(f"bad regex: {exc}", path=path, field=f"{field}.regex") from exc


def window_minutes(constraint: dict[str, Any], path: Path, field: str) -> int:
    """Length of a daily UTC window in minutes (YAML may give times as text or seconds)."""

    def minutes(raw: Any, name: str) -> int:
        if isinstance(raw, int) and not isinstance(raw, bool):
            return (raw // 60) % (24 * 60)  # YAML 1.1 reads 00:30:00 as sexagesimal seconds
        if isinstance(raw, dt.time):
            return raw.hour * 60 + raw.minute
        found = re.match(r"^(\d{1,2}):(\d{2})", str(raw))
        if not found:
            raise DataError(f"not a time: {raw!r}", path=path, field=f"{field}.constraint.{name}")
        return int(found.group(1)) * 60 + int(found.group(2))

    start = minutes(constraint["start_time"], "start_time")
    end = minutes(constraint["end_time"], "end_time")
    return (end - start) % (24 * 60)


# genai-prices marks a price it copied from another provider's listing in the entry's
# price_comments: "Imported from OpenRouter pricing; verify against OpenAI pricing when native
# API pricing is published." The provider named is the price's origin (its id: lower case,
# spaces and dots removed, as catalog/providers.toml spells OpenRouter).
_COPIED = re.compile(r"\bimported from ([A-Za-z0-9][\w .-]*?) pricing\b", re.IGNORECASE)


def copied_from(comment: object) -> str | None:
    """The provider id whose price an entry copied, from its price_comments; else None."""
    if not isinstance(comment, str):
        return None
    match = _COPIED.search(comment)
    return re.sub(r"[\s.]+", "", match.group(1)).lower() if match else None


def read_yaml(path: Path) -> Any:
    """Parse one YAML file; a syntax error names the file and line."""
    text = read_text(path)
    try:
        return yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise DataError(
            f"malformed YAML: {problem}", path=path, line=mark.line + 1 if mark else None
        ) from exc


# genai-prices price keys in units other than text tokens → (component, unit, divisor): the
# price per one unit is the file's number / divisor (``requests_kcount`` is per 1K requests,
# kept as such). Other keys (``output_citation_mtok``…) are dropped with their reason.
UNIT_PRICE_KEYS: dict[str, tuple[str, str]] = {
    "input_audio_mtok": ("input", "per_mtok_audio"),
    "output_audio_mtok": ("output", "per_mtok_audio"),
    "cache_audio_read_mtok": ("cache_read", "per_mtok_audio"),
    "input_image_mtok": ("input", "per_mtok_image"),
    "output_image_mtok": ("output", "per_mtok_image"),
    "cache_image_read_mtok": ("cache_read", "per_mtok_image"),
    "input_video_mtok": ("input", "per_mtok_video"),
    "output_video_mtok": ("output", "per_mtok_video"),
    "requests_kcount": ("request", "per_1k_requests"),
    "web_searches_kcount": ("web_search", "per_1k_queries"),
}


def lifecycle_of(entry: dict[str, Any]) -> Literal["retired", "deprecated", "ga"]:
    """genai-prices' flags (its ModelInfo): `removed` = "removed and no longer available",
    `deprecated` = "deprecated by the provider but still functional"; neither carries a date."""
    if entry.get("removed") is True:
        return "retired"
    return "deprecated" if entry.get("deprecated") is True else "ga"
