"""`tradeoff compare` and `tradeoff cost`: formats, and clear errors naming the parameter."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tradeoff.cli import app

runner = CliRunner()
PAIR = ["kimi-k2-instruct", "mixtral-8x22b-instruct"]


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (["compare", "nosuchmodel-xyz", "mixtral-8x22b-instruct"], 2, "unknown model"),
        (["compare", "kimi", "mixtral-8x22b-instruct"], 2, "ambiguous"),
        (["compare", "kimi-k2-instruct", "moonshotai/kimi-k2-instruct"], 2, "more than once"),
        (["compare", "kimi-k2-instruct"], 2, "2 to 4 models"),
        (
            [
                "cost",
                *PAIR,
                "moonshotai/kimi-k2-instruct",
                "--input-tokens",
                "5",
                "--output-tokens",
                "1",
            ],
            2,
            "more than once",
        ),
        (["compare", *PAIR, "--blend", "70-30"], 2, "[--blend]"),
        (["compare", *PAIR, "--blend", "0:0"], 2, "[--blend]"),
        (["compare", *PAIR, "--format", "pdf"], 2, "'--format'"),
        (
            # a count the one parser refuses is a usage error (exit 2) naming the option
            ["cost", "kimi-k2-instruct", "--input-tokens", "-5", "--output-tokens", "1"],
            2,
            "'--input-tokens'",
        ),
        (
            ["cost", "kimi-k2-instruct", "--input-tokens", "5", "--output-tokens", "-1"],
            2,
            "'--output-tokens'",
        ),
        (
            [
                "cost",
                "kimi-k2-instruct",
                "--input-tokens",
                "5",
                "--output-tokens",
                "1",
                "--cached-tokens",
                "9",
            ],
            2,
            "[--cached-tokens]",
        ),
    ],
)
def test_errors_are_clear(args: list[str], code: int, needle: str) -> None:
    """Every usage error: exit 2, one line on standard error, nothing on standard output."""
    result = runner.invoke(app, args)
    assert result.exit_code == code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("error: ")
    assert needle in result.stderr


@pytest.mark.parametrize("fmt", ["text", "md", "json", "html"])
def test_compare_formats(fmt: str) -> None:
    result = runner.invoke(app, ["compare", *PAIR, "--format", fmt])
    assert result.exit_code == 0, result.output
    assert "Kimi K2 Instruct" in result.output


def test_compare_blend_option() -> None:
    result = runner.invoke(app, ["compare", *PAIR, "--format", "json", "--blend", "50:50"])
    ctx = json.loads(result.output)
    assert ctx["blend"]["input_share"] == "0.5"
    kimi = ctx["pricing"][0]["first_party"]
    # 0.6 × 0.5 + 2.5 × 0.5
    assert kimi["blended_per_mtok"] == "1.55"


def test_cost_json_cheapest_first() -> None:
    result = runner.invoke(
        app, ["cost", *PAIR, "--input-tokens", "1000000", "--output-tokens", "0", "--json"]
    )
    assert result.exit_code == 0, result.output
    ctx = json.loads(result.output)
    totals = [line["total_usd"] for line in ctx["lines"] if line["priced"]]
    assert totals and all(isinstance(t, str) for t in totals)
    fits = [line for line in ctx["lines"] if line["priced"] and line["fits_context"] is not False]
    assert [float(x["total_usd"]) for x in fits] == sorted(float(x["total_usd"]) for x in fits)
    counted = ctx["priced_count"] + ctx["unpriced_count"] + ctx["not_per_token_count"]
    assert counted == ctx["line_count"] == len(ctx["lines"])
    assert all(line["total_usd"] is None for line in ctx["lines"] if not line["priced"])


def test_cost_without_cached_tokens_needs_no_cache_price() -> None:
    result = runner.invoke(
        app,
        [
            "cost",
            "openai/gpt-oss-120b",
            "--input-tokens",
            "2000",
            "--output-tokens",
            "500",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    ctx = json.loads(result.output)
    # Every route with both token prices is priced: no cached tokens, no cache price needed.
    for line in ctx["lines"]:
        known = line["input_per_mtok"] is not None and line["output_per_mtok"] is not None
        assert line["priced"] == known, line
    assert ctx["unpriced_count"] < ctx["line_count"] // 4
    cheapest = ctx["cheapest"]
    assert cheapest is not None and not cheapest["free"]
    paid = [x for x in ctx["lines"] if x["priced"] and not x["free"]]
    assert cheapest == paid[0]
    assert float(cheapest["total_usd"]) == min(float(x["total_usd"]) for x in paid)


def test_missing_option_and_unknown_command_are_one_line_too() -> None:
    missing = runner.invoke(app, ["cost", "kimi-k2-instruct", "--output-tokens", "1"])
    unknown = runner.invoke(app, ["comparre", *PAIR])
    for result, needle in ((missing, "--input-tokens"), (unknown, "comparre")):
        assert result.exit_code == 2, result.output
        assert result.stderr.count("\n") == 1, result.stderr
        assert needle in result.stderr
    assert "compare" in unknown.stderr  # Click's "did you mean"


def test_compare_json_shorthand_is_format_json() -> None:
    shorthand = runner.invoke(app, ["compare", *PAIR, "--json"])
    long = runner.invoke(app, ["compare", *PAIR, "--format", "json"])
    assert shorthand.exit_code == long.exit_code == 0, shorthand.output
    assert json.loads(shorthand.stdout) == json.loads(long.stdout)
    both = runner.invoke(app, ["compare", *PAIR, "--json", "--format", "md"])
    assert both.exit_code == 2
    assert "--json" in both.stderr
