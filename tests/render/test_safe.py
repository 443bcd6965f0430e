"""Links from data: only http(s) URLs and site paths survive."""

from __future__ import annotations

import pytest

from tradeoff.render.safe import UNSAFE, href


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "https://huggingface.co/moonshotai/Kimi-K2-Instruct",
            "https://huggingface.co/moonshotai/Kimi-K2-Instruct",
        ),
        ("HTTP://example.com/x", "HTTP://example.com/x"),
        ("/models/moonshotai--kimi-k2-instruct", "/models/moonshotai--kimi-k2-instruct"),
        ("javascript:alert(1)", UNSAFE),
        (" JavaScript:alert(1)", UNSAFE),
        ("data:text/html,<script>", UNSAFE),
        ("//evil.example/x", UNSAFE),
        (None, UNSAFE),
    ],
)
def test_href(value: object, expected: str) -> None:
    assert href(value) == expected
