"""The comparison's prose in the terminal, each statement once.

The page states its verdict at the top; the deep dive and the FAQ reuse the same claims (a web
reader may land on any section). Read top to bottom in a terminal, that is the verdict three
times, so here a later paragraph or answer leaves out the sentences already printed, and one
left with nothing new is not printed at all.
"""

from __future__ import annotations

from tradeoff.pages.comparison import ComparisonContext


class Said:
    """The statements printed so far (claim texts, "choose" lines, the summary)."""

    def __init__(self, ctx: ComparisonContext) -> None:
        self._claims = sorted(
            {c["text"] for c in ctx["claims"] if c["text"]}, key=len, reverse=True
        )
        self._said: list[str] = []

    def say(self, text: str) -> None:
        """Note a printed text: every claim it contains counts as said, and the text itself."""
        self._said.append(text)
        self._said.extend(claim for claim in self._claims if claim in text)

    def new_part(self, text: str) -> str:
        """``text`` without what was already said (longest first), spaces tidied; "" when
        nothing is left."""
        for said in sorted(set(self._said), key=len, reverse=True):
            if said:
                text = text.replace(said, " ")
        left = " ".join(text.split())
        return "" if not any(ch.isalnum() for ch in left) else left
