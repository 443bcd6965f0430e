"""`tradeoff cost` with any number: an exact answer, or a clear error naming the option.

Issue 12 item 5: `--input-tokens 999999999999999 --requests 999999999999999` (and larger)
ended in a decimal.InvalidOperation traceback; totals past 28 digits were rounded.
"""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tradeoff.cli import app
from tradeoff.compare.workload import MAX_COUNT

runner = CliRunner()
MODEL = "kimi-k2-instruct"
BIGGEST = MAX_COUNT - 1  # 999,999,999,999,999


def _cost(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["cost", MODEL, *args])
    # CliRunner catches what would be a traceback: only a deliberate exit may end a command.
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result.exit_code, result.output


def _exact_total(line: dict[str, str], tokens: tuple[int, int, int], requests: int) -> Fraction:
    """The bill computed with fractions from the rates the line says it applied."""
    input_tokens, output_tokens, cached = tokens
    rate_in = Fraction(Decimal(line["input_per_mtok"]))
    rate_out = Fraction(Decimal(line["output_per_mtok"]))
    rate_cache = (
        rate_in
        if line["cache_priced_as_input"] or line["cache_read_per_mtok"] is None
        else Fraction(Decimal(line["cache_read_per_mtok"]))
    )
    per_request = (input_tokens - cached) * rate_in + cached * rate_cache
    per_request += output_tokens * rate_out
    return per_request * requests / 1_000_000


@pytest.mark.parametrize("fmt", [[], ["--json"]])
def test_the_largest_workload_is_priced_exactly_in_every_format(fmt: list[str]) -> None:
    big = str(BIGGEST)
    code, output = _cost(
        "--input-tokens", big, "--output-tokens", big, "--cached-tokens", big,
        "--requests", big, *fmt,
    )  # fmt: skip
    assert code == 0, output
    assert "Traceback" not in output
    if fmt:
        lines = [line for line in json.loads(output)["lines"] if line["priced"]]
        assert lines
        for line in lines:
            exact = _exact_total(line, (BIGGEST, BIGGEST, BIGGEST), BIGGEST)
            assert Fraction(Decimal(line["total_usd"])) == exact


@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(
    input_tokens=st.integers(0, BIGGEST),
    output_tokens=st.integers(0, BIGGEST),
    cached_share=st.fractions(0, 1),
    requests=st.integers(0, BIGGEST),
)
def test_every_total_within_bounds_is_exact(
    input_tokens: int, output_tokens: int, cached_share: Fraction, requests: int
) -> None:
    cached = int(input_tokens * cached_share)
    code, output = _cost(
        "--input-tokens", str(input_tokens), "--output-tokens", str(output_tokens),
        "--cached-tokens", str(cached), "--requests", str(requests), "--json",
    )  # fmt: skip
    assert code == 0, output
    for line in json.loads(output)["lines"]:
        if line["priced"]:
            exact = _exact_total(line, (input_tokens, output_tokens, cached), requests)
            assert Fraction(Decimal(line["total_usd"])) == exact


@pytest.mark.parametrize(
    "value",
    [str(MAX_COUNT), str(10**100), "9" * 5000, str(10**4000)],
    ids=["1e15", "1e100", "5000 nines", "1e4000"],
)
@pytest.mark.parametrize("option", ["--input-tokens", "--output-tokens", "--requests"])
def test_a_number_past_the_bound_is_an_error_naming_the_option(option: str, value: str) -> None:
    args = {"--input-tokens": "1", "--output-tokens": "1", "--requests": "1", option: value}
    code, output = _cost(*[part for pair in args.items() for part in pair], "--json")
    assert code in (1, 2), output
    assert option in output
    assert "Traceback" not in output


@pytest.mark.parametrize("value", ["²", "١٢", "-3", "1e3", "0x10", "1.5", "", " "])
def test_a_number_that_is_not_plain_digits_is_a_usage_error(value: str) -> None:
    code, output = _cost("--input-tokens", value, "--output-tokens", "1")
    assert code in (1, 2), output
    assert "--input-tokens" in output
    assert "Traceback" not in output


def test_cost_reads_counts_as_the_web_does() -> None:
    """`--input-tokens 100k --output-tokens 1.5M --requests 1,000`: the calculator's parser."""
    args = ["cost", "moonshotai/kimi-k2-instruct", "--json"]
    counts = ["--input-tokens", "100k", "--output-tokens", "1.5M", "--requests", "1,000"]
    result = CliRunner().invoke(app, [*args, *counts])
    assert result.exit_code == 0, result.output
    workload = json.loads(result.stdout)["workload"]
    assert workload == {
        "input_tokens": 100_000,
        "output_tokens": 1_500_000,
        "cached_tokens": 0,
        "requests": 1000,
    }
    bad = CliRunner().invoke(app, [*args, "--input-tokens", "0,5", "--output-tokens", "1"])
    assert bad.exit_code == 2
    assert "--input-tokens" in bad.output and "0,5" in bad.output
