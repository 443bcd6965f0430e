"""A concrete token workload: the tokens of one request, and how many requests."""

from __future__ import annotations

from dataclasses import dataclass

from tradeoff.compare.workload import MAX_COUNT, MAX_COUNT_DIGITS
from tradeoff.errors import UsageError


@dataclass(frozen=True)
class Workload:
    """Tokens of one request (``cached_tokens`` is the part of the input read from cache)."""

    input_tokens: int
    output_tokens: int
    cached_tokens: int = 0
    requests: int = 1

    def __post_init__(self) -> None:
        for name in ("input_tokens", "output_tokens", "cached_tokens", "requests"):
            if getattr(self, name) < 0:
                flag = "--" + name.replace("_", "-")
                raise UsageError(f"must not be negative, got {getattr(self, name)}", field=flag)
            if getattr(self, name) >= MAX_COUNT:
                flag = "--" + name.replace("_", "-")
                raise UsageError(f"must be below 10^{MAX_COUNT_DIGITS}", field=flag)
        if self.cached_tokens > self.input_tokens:
            raise UsageError(
                f"cached tokens ({self.cached_tokens}) are part of the input and cannot exceed "
                f"the input tokens ({self.input_tokens})",
                field="--cached-tokens",
            )

    @property
    def uncached_tokens(self) -> int:
        """Input tokens billed at the plain input price."""
        return self.input_tokens - self.cached_tokens
