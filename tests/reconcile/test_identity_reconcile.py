"""Identity through the whole reconcile (docs/identity.md): a dataset's "(latest)" model is not
a model, its offerings link to the recorded checkpoint; a dataset model the alias table names
as another model's spelling is merged; an unrecorded floating model stays out, unlinked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tradeoff.catalog.alias_schema import AliasFile, DistinctModels, FloatingId
from tradeoff.catalog.load import CatalogText, load_catalog
from tradeoff.catalog.schema import ImportedModelFacts, ImportedOffering, ImportFile, SourceEntry
from tradeoff.errors import DataError
from tradeoff.reconcile.aliases import FLOATING_UNKNOWN
from tradeoff.reconcile.reconciler import reconcile

FIXTURES = Path(__file__).parents[1] / "fixtures"
DATED = "acme/widget-2-20250514"


def _dataset(*offerings: ImportedOffering) -> ImportFile:
    return ImportFile(
        source_id="models-dev",
        source=SourceEntry(
            name="models.dev",
            kind="dataset",
            url="https://example.com",
            licence="MIT",
            retrieved=dt.date(2026, 7, 2),
        ),
        generated_by="test",
        models=[
            ImportedModelFacts(id=DATED, name="Widget 2", lab="acme"),
            ImportedModelFacts(id="acme/widget-2-0", name="Widget 2 (latest)", lab="acme"),
            ImportedModelFacts(id="acme/widget-3-latest", name="Widget 3", lab="acme"),
            ImportedModelFacts(id="acme/widget-2-hf", name="Widget 2 HF", lab="acme"),
        ],
        offerings=list(offerings),
    )


def _text(aliases: AliasFile, *offerings: ImportedOffering) -> CatalogText:
    text = load_catalog(FIXTURES / "catalog-mini")
    text.imports = [_dataset(*offerings)]
    text.aliases = aliases
    return text


FLOATING = FloatingId(target=DATED, as_of=dt.date(2026, 7, 2), source="the lab's alias table")
REVIEWED = AliasFile(
    floating={"acme/widget-2-0": FLOATING},
    aliases={"acme/widget-2-hf": DATED, "widget-2": DATED},
)


def _offer(provider: str, model_id: str, base: str | None = None) -> ImportedOffering:
    return ImportedOffering(provider=provider, provider_model_id=model_id, model_id=base)


def test_a_latest_model_is_an_alias_of_its_checkpoint_not_a_model() -> None:
    out = reconcile(
        _text(
            REVIEWED,
            _offer("acme", "widget-2-0", base="acme/widget-2-0"),
            _offer("hostco", "acme/widget-2"),
            _offer("mirror", "widget-2-20250514"),
        )
    )
    assert "acme/widget-2-0" not in out.models
    assert (
        "pointed to acme/widget-2-20250514 as of 2026-07-02"
        in out.skipped_models["acme/widget-2-0"]
    )
    assert {(o.provider_id, o.model_id) for o in out.offerings} == {
        ("acme", DATED),
        ("hostco", DATED),
        ("mirror", DATED),
    }
    assert out.aliases["acme/widget-2-0"] == (DATED, "floating")
    assert out.floating_ids["acme/widget-2-0"].target == DATED


def test_a_dataset_model_named_as_a_spelling_is_merged_into_its_model() -> None:
    out = reconcile(_text(REVIEWED, _offer("hostco", "widget-2-hf", base="acme/widget-2-hf")))
    assert "acme/widget-2-hf" not in out.models
    assert "the same checkpoint as acme/widget-2-20250514" in out.skipped_models["acme/widget-2-hf"]
    assert [o.model_id for o in out.offerings] == [DATED]


def test_an_unrecorded_latest_model_is_skipped_and_its_offerings_say_why() -> None:
    out = reconcile(_text(AliasFile(), _offer("acme", "widget-2-0", base="acme/widget-2-0")))
    assert "acme/widget-2-0" not in out.models
    assert "acme/widget-3-latest" not in out.models  # its id floats, whatever the dataset says
    assert out.skipped_models["acme/widget-2-0"].endswith(
        f"{FLOATING_UNKNOWN} (catalog/aliases.toml)"
    )
    assert out.offerings[0].model_id is None


def test_a_floating_id_with_unknown_target_keeps_offerings_unlinked() -> None:
    reviewed = AliasFile(floating={"widget-3": FloatingId(note="two checkpoints")})
    out = reconcile(_text(reviewed, _offer("hostco", "acme/widget-3")))
    assert out.offerings[0].model_id is None
    assert [u.reason for u in out.unlinked] == [f"{FLOATING_UNKNOWN}: two checkpoints"]


def test_a_distinct_pair_must_name_models() -> None:
    reviewed = AliasFile(
        distinct=[DistinctModels(models=(DATED, "acme/nothing"), reason="different weights")]
    )
    with pytest.raises(DataError, match="unknown model 'acme/nothing'"):
        reconcile(_text(reviewed))


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({}, "say why the target is unknown"),
        ({"target": DATED}, "recorded with its date and source"),
        ({"target": "Widget", "as_of": dt.date(2026, 7, 2), "source": "x"}, "not a canonical"),
    ],
)
def test_a_floating_entry_records_target_date_and_source_or_a_reason(
    fields: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        FloatingId.model_validate(fields)
