"""Loading catalog text: strict schemas, and errors that name the file and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tradeoff.catalog.load import load_catalog
from tradeoff.errors import DataError

MINI = Path(__file__).parents[1] / "fixtures" / "catalog-mini"


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    copy = tmp_path / "catalog"
    shutil.copytree(MINI, copy)
    return copy


def test_loads_the_fixture_catalog(mini: Path) -> None:
    text = load_catalog(mini)
    assert set(text.curated) == {"acme/widget-1"}
    assert text.providers["mirror"].status == "defunct"
    assert "widget-1-card" in text.sources


@pytest.mark.parametrize(
    ("relative", "old", "new", "message"),
    [
        ("curated/acme/widget-1.toml", 'family = "widget"', 'famly = "widget"', "famly"),
        ("curated/acme/widget-1.toml", "value = 70_000_000_000", 'value = "70B"', "expected int"),
        ("curated/acme/widget-1.toml", 'value = "dense"', 'value = "sparse"', "architecture"),
        ("curated/acme/widget-1.toml", 'source = "widget-1-card", checked = 2026-11-29 }\narch',
         'source = "nope", checked = 2026-11-29 }\narch', "unknown source 'nope'"),
        ("curated/acme/widget-1.toml", '"2025-03-11"', '"2025-02-30"', "release_date"),
        ("providers.toml", 'status = "defunct"\n', 'status = "defunct"\nfoo = 1\n', "foo"),
        ("providers.toml", 'defunct_since = "2025-06-30"\n', "", "defunct_since"),
        ("labs.toml", "[labs.acme]", "[labs.acme\n", "line 1"),
    ],
)  # fmt: skip
def test_bad_catalog_text_names_file_and_field(
    mini: Path, relative: str, old: str, new: str, message: str
) -> None:
    path = mini / relative
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    with pytest.raises(DataError) as caught:
        load_catalog(mini)
    assert str(path) in caught.value.describe()
    assert message in caught.value.describe()


def test_missing_catalog_directory(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="catalog directory not found"):
        load_catalog(tmp_path / "missing")


@pytest.mark.parametrize(
    ("region_of", "message"),
    [
        ("nowhere", "'nowhere' is not a declared provider"),
        ("hostco", "names the provider itself"),
        ("mirror", "is itself a regional endpoint"),
    ],
)
def test_a_regional_endpoint_names_a_declared_main_provider(
    mini: Path, region_of: str, message: str
) -> None:
    path = mini / "providers.toml"
    text = path.read_text()
    text = text.replace(
        'aliases = ["host_co"]\n', f'aliases = ["host_co"]\nregion_of = "{region_of}"\n'
    )
    text = text.replace(
        'defunct_since = "2025-06-30"\n', 'defunct_since = "2025-06-30"\nregion_of = "acme"\n'
    )
    path.write_text(text)
    with pytest.raises(DataError) as caught:
        load_catalog(mini)
    error = caught.value
    assert (error.path, error.field) == (str(path), "providers.hostco.region_of")
    assert message in error.message
    assert error.line is not None and "region_of" in path.read_text().splitlines()[error.line - 1]


def test_a_regional_endpoint_of_a_main_provider_loads(mini: Path) -> None:
    path = mini / "providers.toml"
    path.write_text(
        path.read_text().replace(
            'aliases = ["host_co"]\n', 'aliases = ["host_co"]\nregion_of = "acme"\n'
        )
    )
    assert load_catalog(mini).providers["hostco"].region_of == "acme"


KIND_FACT = 'kind = { value = "embedding", source = "widget-1-card", checked = 2026-11-29 }\n'


def test_curated_kind_is_a_cited_fact(mini: Path) -> None:
    path = mini / "curated/acme/widget-1.toml"
    path.write_text(path.read_text().replace("[facts]\n", "[facts]\n" + KIND_FACT))
    fact = load_catalog(mini).curated["acme/widget-1"].facts["kind"]
    assert fact.value == "embedding" and fact.source == "widget-1-card"


def test_unknown_curated_kind_names_file_and_the_kinds(mini: Path) -> None:
    path = mini / "curated/acme/widget-1.toml"
    path.write_text(
        path.read_text().replace("[facts]\n", "[facts]\n" + KIND_FACT.replace("embedding", "chat"))
    )
    with pytest.raises(DataError) as caught:
        load_catalog(mini)
    assert str(path) in caught.value.describe()
    assert "unknown model kind 'chat'" in caught.value.describe()
    assert "speech-to-text" in caught.value.describe()  # the message lists the kinds


ALIAS_MODEL = """[models."acme/vectors-1"]
name = "Vectors 1"
lab = "acme"
kind = {{ value = "{kind}", source = "{source}", checked = 2026-11-29 }}
"""


def test_alias_table_model_kind_cites_a_declared_source(mini: Path) -> None:
    path = mini / "aliases.toml"
    path.write_text(ALIAS_MODEL.format(kind="embedding", source="widget-1-card"))
    kind = load_catalog(mini).aliases.models["acme/vectors-1"].kind
    assert kind is not None and kind.value == "embedding"
    path.write_text(ALIAS_MODEL.format(kind="embedding", source="nope"))
    with pytest.raises(DataError) as caught:
        load_catalog(mini)
    assert str(path) in caught.value.describe()
    assert "models.acme/vectors-1.kind.source" in caught.value.describe()
    path.write_text(ALIAS_MODEL.format(kind="vectors", source="widget-1-card"))
    with pytest.raises(DataError, match="unknown model kind 'vectors'"):
        load_catalog(mini)


def test_a_name_with_surrounding_spaces_names_file_and_field(mini: Path) -> None:
    # aliases.toml named a model "UI-TARS 7B ": its sentences read "UI-TARS 7B  is …"
    path = mini / "aliases.toml"
    path.write_text('[models."acme/vectors-1"]\nname = "Vectors 1 "\nlab = "acme"\n')
    with pytest.raises(DataError) as caught:
        load_catalog(mini)
    assert str(path) in caught.value.describe()
    assert "models.acme/vectors-1.name" in caught.value.describe()
    assert "spaces" in caught.value.describe()
