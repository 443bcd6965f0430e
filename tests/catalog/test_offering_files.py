"""Hand-written provider files (catalog/providers/<id>.toml): strict, exact, cited; every
error names the file, the field and its line."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from tradeoff.catalog.files import catalog_files, fingerprint
from tradeoff.catalog.load import load_catalog
from tradeoff.catalog.offering_schema import HandPrices
from tradeoff.errors import DataError
from tradeoff.records import PRICE_FIELDS

FIXTURES = Path(__file__).parents[1] / "fixtures"
NEW_PROVIDER = """
[provider]
name = "Cirrus Cloud"
kind = "inference-host"
url = "https://cirrus.example"

[sources.cirrus-pricing]
name = "Cirrus Cloud: pricing"
kind = "vendor-page"
url = "https://cirrus.example/pricing"
licence = "facts"
retrieved = 2026-11-30

[[offerings]]
model = "acme/widget-1"
provider_model_id = "widget-1"

[offerings.prices]
input_per_mtok = { value = 0.30, source = "cirrus-pricing", checked = 2026-11-30 }
output_per_mtok = { value = 1.20, source = "cirrus-pricing", checked = 2026-11-30 }
"""


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    root = tmp_path / "catalog"
    shutil.copytree(FIXTURES / "catalog-mini", root)
    (root / "providers").mkdir()
    shutil.copy(FIXTURES / "hand-offerings" / "hostco.toml", root / "providers" / "hostco.toml")
    return root


def test_a_provider_file_loads_with_exact_prices_and_citations(mini: Path) -> None:
    text = load_catalog(mini)
    [loaded] = text.provider_files
    assert (loaded.provider_id, loaded.path) == ("hostco", mini / "providers" / "hostco.toml")
    [offering] = loaded.file.offerings
    assert offering.prices.input_per_mtok is not None
    assert offering.prices.input_per_mtok.value == Decimal("0.45")
    assert str(offering.prices.input_per_mtok.value) == "0.45"  # read as a decimal, not a float
    assert offering.citations()["max_output_tokens"][0] == "hostco-pricing"
    assert text.source_paths["hostco-pricing"] == loaded.path
    assert loaded.model_lines == (20,)


def test_a_new_provider_is_declared_in_its_own_file(mini: Path) -> None:
    (mini / "providers" / "cirrus.toml").write_text(NEW_PROVIDER)
    text = load_catalog(mini)
    assert text.providers["cirrus"].name == "Cirrus Cloud"
    assert text.provider_paths["cirrus"] == mini / "providers" / "cirrus.toml"


def test_provider_files_feed_the_fingerprint(mini: Path) -> None:
    path = mini / "providers" / "hostco.toml"
    assert path in catalog_files(mini)
    before = fingerprint(mini)
    path.write_text(path.read_text().replace("value = 0.45", "value = 0.46"))
    assert fingerprint(mini) != before


def test_the_price_fields_are_the_records_price_fields() -> None:
    fields = tuple(f for f in HandPrices.model_fields if f not in ("free", "unit_prices"))
    assert fields == PRICE_FIELDS


HOSTCO = "providers/hostco.toml"
CURATED = "curated/acme/widget-1.toml"
PRICE = 'input_per_mtok = { value = 0.45, source = "hostco-pricing", checked = 2026-11-30'


@pytest.mark.parametrize(
    ("relative", "old", "new", "field", "line_has", "message"),
    [
        (HOSTCO, "quantization =", "quantisation =", "offerings.0.quantisation", "quantisation",
         "unknown key"),
        (HOSTCO, PRICE, 'input_per_mtok = { value = 0.45, checked = 2026-11-30',
         "offerings.0.prices.input_per_mtok.source", "input_per_mtok", "Field required"),
        (HOSTCO, PRICE, PRICE.replace('"hostco-pricing"', '"nope"'),
         "offerings.0.prices.input_per_mtok.source", "input_per_mtok", "unknown source 'nope'"),
        (HOSTCO, "value = 0.45", "value = -0.45", "offerings.0.prices.input_per_mtok.value",
         "input_per_mtok", "greater than or equal to 0"),
        (HOSTCO, "value = 0.45", "value = 0.45000000000000001",
         "offerings.0.prices", "[offerings.prices]", "float artifact"),
        (HOSTCO, "value = 8_192", "value = 100_000", "offerings.0", "[[offerings]]",
         "max_output_tokens 100000 is above context_tokens 65536"),
        (HOSTCO, 'model = "acme/widget-1"', 'model = "Widget 1"', "offerings.0.model",
         "model =", "canonical id"),
        (HOSTCO, 'quantization = {', 'capabilities.telepathy = { value = true, source = "x", '
         'checked = 2026-11-30 }\nquantization = {', "offerings.0.capabilities", "capabilities",
         "unknown capability 'telepathy'"),
        (HOSTCO, "[[offerings.history]]", '[offerings.lifecycle]\nstage = "ga"\n'
         'deprecated_on = "2026-01-31"\nsource = "hostco-pricing"\nchecked = 2026-11-30\n\n'
         "[[offerings.history]]", "offerings.0.lifecycle", "[offerings.lifecycle]",
         "deprecated_on is set but stage is 'ga'"),
        (HOSTCO, 'source = "hostco-pricing-2025"', 'source = "wayback"',
         "offerings.0.history.0.source", 'source = "wayback"', "unknown source 'wayback'"),
        (HOSTCO, "[[offerings.history]]", '[[offerings]]\nmodel = "acme/widget-1"\n'
         'provider_model_id = "acme/widget-1-fp8"\n'
         'context_tokens = { value = 1, source = "hostco-pricing", checked = 2026-11-30 }\n'
         "\n[[offerings.history]]", "offerings.1.provider_model_id", "provider_model_id",
         "written twice"),
        (HOSTCO, "[[offerings.history]]", '[[offerings]]\nmodel = "acme/widget-1"\n'
         'provider_model_id = "w1"\n\n[[offerings.history]]', "offerings.1", "[[offerings]]",
         "states nothing"),
        (HOSTCO, "[[offerings]]", '[provider]\nname = "HostCo"\nkind = "inference-host"\n\n'
         "[[offerings]]", "provider", "[provider]", "already declared in"),

        (HOSTCO, "value = 65_536", "value = 99999999999999999999999999",
         "offerings.0.context_tokens.value", "context_tokens", "less than or equal to"),
        (HOSTCO, "value = 0.45", 'value = "0.45"', "offerings.0.prices.input_per_mtok.value",
         "input_per_mtok", "a number, not a string"),
        (HOSTCO, PRICE, PRICE.replace("2026-11-30", "2099-01-01"),
         "offerings.0.prices.input_per_mtok.checked", "input_per_mtok", "in the future"),
        (HOSTCO, "[[offerings.history]]", '[offerings.lifecycle]\nstage = "ga"\n'
         'source = "hostco-pricing"\nchecked = 2099-01-01\n\n[[offerings.history]]',
         "offerings.0.lifecycle.checked", "checked = 2099", "in the future"),
        (CURATED, "value = 70_000_000_000", "value = 99999999999999999999999999",
         "facts.parameters_total", "parameters_total", "out of range"),
        (CURATED, "checked = 2026-11-29 }\narchitecture", "checked = 2099-01-01 }\narchitecture",
         "facts.parameters_total.checked", "parameters_total", "in the future"),
    ],
)  # fmt: skip
def test_bad_provider_file_names_file_field_and_line(
    mini: Path, relative: str, old: str, new: str, field: str, line_has: str, message: str
) -> None:
    path = mini / relative
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    with pytest.raises(DataError) as caught:
        load_catalog(mini)
    error = caught.value
    assert (error.path, error.field) == (str(path), field), error.describe()
    assert message in error.message, error.describe()
    assert error.line is not None, error.describe()
    written = path.read_text().splitlines()
    # "at or after": a missing key is reported at its table's line
    assert line_has in written[error.line - 1] or line_has in "\n".join(written[error.line - 1 :])


def test_zero_prices_need_the_free_flag(mini: Path) -> None:
    path = mini / HOSTCO
    text = path.read_text().replace("value = 0.45, source", "value = 0, source")
    path.write_text(text.replace("value = 1.6", "value = 0", 1))
    with pytest.raises(DataError, match="prices are zero"):
        load_catalog(mini)
    free = '\nfree = { value = true, source = "hostco-pricing", checked = 2026-11-30 }\n'
    path.write_text(
        path.read_text().replace("\n[[offerings.history]]", free + "\n[[offerings.history]]")
    )
    [offering] = load_catalog(mini).provider_files[0].file.offerings
    assert offering.prices.free is not None and offering.prices.free.value


def test_an_undeclared_provider_is_an_error_naming_the_file(mini: Path) -> None:
    path = mini / "providers" / "cirrus.toml"
    without_provider = NEW_PROVIDER[NEW_PROVIDER.index("[sources.cirrus-pricing]") :]
    path.write_text(without_provider)
    with pytest.raises(DataError, match=r"not in providers\.toml: declare it in a") as caught:
        load_catalog(mini)
    assert caught.value.path == str(path)


def test_a_file_name_that_is_not_a_provider_id(mini: Path) -> None:
    (mini / "providers" / "HostCo Inc.toml").write_text(NEW_PROVIDER)
    with pytest.raises(DataError, match="file name must be the provider id"):
        load_catalog(mini)


@pytest.mark.parametrize(
    ("name", "table", "names"),
    [
        ("host_co", '[provider]\nname = "Host Co"\nkind = "inference-host"\n',
         "provider id 'host_co'"),
        ("cirrus", '[provider]\nname = "Cirrus"\nkind = "inference-host"\naliases = ["hostco"]\n',
         "alias 'hostco'"),
        ("cirrus", '[provider]\nname = "Cirrus"\nkind = "inference-host"\naliases = ["Host_Co"]\n',
         "alias 'host_co'"),
    ],
)  # fmt: skip
def test_a_provider_id_or_alias_used_elsewhere_is_an_error(
    mini: Path, name: str, table: str, names: str
) -> None:
    path = mini / "providers" / f"{name}.toml"
    path.write_text(table + NEW_PROVIDER[NEW_PROVIDER.index("[sources.cirrus-pricing]") :])
    with pytest.raises(DataError, match="already") as caught:
        load_catalog(mini)
    assert caught.value.path == str(path) and names in caught.value.message, caught.value
    assert "hostco" in caught.value.message and "providers.toml" in caught.value.message


def test_an_alias_used_twice_in_providers_toml_is_an_error(mini: Path) -> None:
    path = mini / "providers.toml"
    path.write_text(
        path.read_text().replace(
            'kind = "aggregator"', 'kind = "aggregator"\naliases = ["host_co"]'
        )
    )
    with pytest.raises(DataError, match="alias 'host_co' is already") as caught:
        load_catalog(mini)
    assert caught.value.path == str(path)


def test_a_directory_named_like_a_catalog_file_is_not_read(mini: Path) -> None:
    (mini / "providers" / "x.toml").mkdir()
    (mini / "curated" / "acme" / "y.toml").mkdir()
    (mini / "imports").mkdir(exist_ok=True)
    (mini / "imports" / "z.json").mkdir()
    assert [f.provider_id for f in load_catalog(mini).provider_files] == ["hostco"]
    assert mini / "providers" / "x.toml" not in catalog_files(mini)
    fingerprint(mini)  # reads every file, and only files


def test_an_empty_provider_file_is_an_error(mini: Path) -> None:
    path = mini / "providers" / "hostco.toml"
    path.write_text("# nothing yet\n")
    with pytest.raises(DataError, match="no offerings") as caught:
        load_catalog(mini)
    assert caught.value.path == str(path)


def test_a_hand_written_price_in_another_unit_names_a_known_unit(mini: Path) -> None:
    path = mini / HOSTCO
    unit_price = (
        'unit_prices = [{ component = "input", unit = "per_fortnight", value = 0.003, '
        'source = "hostco-pricing", checked = 2026-11-30 }]\n'
    )
    path.write_text(path.read_text().replace(PRICE, unit_price + PRICE, 1))
    with pytest.raises(DataError) as caught:
        load_catalog(mini)
    assert caught.value.field == "offerings.0.prices.unit_prices.0.unit"
    assert "unknown price unit 'per_fortnight'" in caught.value.message
