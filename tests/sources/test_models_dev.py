"""The models.dev importer on a tiny fixture tree, and its errors on bad input."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tradeoff.catalog.schema import ImportedOffering, ImportFile
from tradeoff.errors import DataError
from tradeoff.sources.models_dev import import_tree

FIXTURES = Path(__file__).parents[1] / "fixtures"

TREE = FIXTURES / "models-dev-mini"


@pytest.fixture(scope="module")
def imported() -> ImportFile:
    return import_tree(TREE, commit="abc123")


def _offering(imported: ImportFile, provider: str, model_id: str) -> ImportedOffering:
    return next(
        o for o in imported.offerings if (o.provider, o.provider_model_id) == (provider, model_id)
    )


def test_reads_models_providers_and_offerings(imported: ImportFile) -> None:
    assert {m.id for m in imported.models} == {"acme/widget-1", "acme/widget-latest"}
    assert {p.id for p in imported.providers} == {"acme", "hostco", "mirror"}
    assert len(imported.offerings) == 5  # the dangling link is skipped


def test_floating_canonical_model_is_flagged(imported: ImportFile) -> None:
    floating = {m.id: m.floating for m in imported.models}
    assert floating == {"acme/widget-1": False, "acme/widget-latest": True}


def test_a_model_named_latest_is_flagged_floating(tmp_path: Path) -> None:
    # models.dev's "claude-sonnet-4-0" is "Claude Sonnet 4 (latest)": an alias, not a checkpoint
    tree = tmp_path / "tree"
    shutil.copytree(TREE, tree, symlinks=True)
    latest = (TREE / "models" / "acme" / "widget-latest.toml").read_text()
    (tree / "models" / "acme" / "widget-1-0.toml").write_text(
        latest.replace('name = "Widget (latest)"', 'name = "Widget 1 (latest)"')
    )
    floating = {m.id: m.floating for m in import_tree(tree).models}
    assert floating["acme/widget-1-0"] is True and floating["acme/widget-1"] is False


def test_base_model_inheritance_and_float_artifact(imported: ImportFile) -> None:
    offering = _offering(imported, "acme", "widget-1")
    assert offering.model_id == "acme/widget-1" and offering.link == "base_model"
    assert str(offering.prices.input_per_mtok) == "0.57"
    assert offering.context_tokens == 131_072  # inherited from the canonical file
    reasons = {(d.entity, d.field): d.reason for d in imported.dropped}
    assert "float artifact" in reasons[("offering:acme/widget-1", "cost.input")]
    assert "overrides model-only fact" in reasons[("offering:acme/widget-1", "release_date")]


def test_git_symlink_files_are_followed(imported: ImportFile) -> None:
    mirrored = _offering(imported, "mirror", "widget-1")
    assert mirrored.model_id == "acme/widget-1"
    assert any("symlink to a missing file" in d.reason for d in imported.dropped)


def test_placeholder_date_and_max_output_above_context_are_dropped(imported: ImportFile) -> None:
    offering = _offering(imported, "hostco", "acme/Widget-1-FP8")
    assert "release_date" not in offering.facts
    assert offering.max_output_tokens is None  # 100,000 > 65,536 context
    assert offering.quantization == "fp8"
    reasons = [
        d.reason for d in imported.dropped if d.entity == "offering:hostco/acme/Widget-1-FP8"
    ]
    assert any("Jan-1 placeholder" in r for r in reasons)
    assert any("max output above context" in r for r in reasons)


def test_zero_prices_are_unpriced_unless_marked_free(imported: ImportFile) -> None:
    free = _offering(imported, "hostco", "acme/widget-free")
    unpriced = _offering(imported, "hostco", "acme/gizmo-9")
    assert free.prices.free and free.prices.input_per_mtok == 0
    assert not unpriced.prices.free and unpriced.prices.input_per_mtok is None
    assert any(
        d.entity == "offering:hostco/acme/gizmo-9" and "all-zero" in d.reason
        for d in imported.dropped
    )


# --- bad input ---------------------------------------------------------------------------


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    copy = tmp_path / "tree"
    shutil.copytree(TREE, copy)
    return copy


def _write(tree: Path, relative: str, text: str) -> Path:
    path = tree / relative
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("relative", "text", "message"),
    [
        ("providers/acme/models/widget-1.toml", 'base_model = "acme/widget-1"\n[cost\n', "line 2"),
        ("providers/acme/models/widget-1.toml", 'base_model = "acme/widget-1"\ncolour = 1\n',
         "unknown key 'colour'"),
        ("providers/acme/models/widget-1.toml", 'base_model = "acme/nope"\n', "base_model"),
        ("providers/acme/models/widget-1.toml",
         'base_model = "acme/widget-1"\n[cost]\ninput = -1\noutput = 2\n', "negative price"),
        ("providers/acme/models/widget-1.toml",
         'base_model = "acme/widget-1"\n[cost]\ninput = "cheap"\noutput = 2\n',
         "expected a number"),
        ("models/acme/widget-1.toml", 'name = "W"\nrelease_date = "2025-03-10"\n'
         'tool_call = "yes"\n', "expected bool"),
        ("providers/acme/models/widget-1.toml",
         'base_model = "acme/widget-1"\n[cost]\ninput = 1\nouput = 2\n', "unknown key 'ouput'"),
    ],
)  # fmt: skip
def test_bad_input_names_the_file(tree: Path, relative: str, text: str, message: str) -> None:
    path = _write(tree, relative, text)
    with pytest.raises(DataError) as caught:
        import_tree(tree)
    described = caught.value.describe()
    assert str(path) in described and message in described


def test_missing_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="not a directory"):
        import_tree(tmp_path / "nowhere")


def test_directory_that_is_not_a_tree_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="missing 'models/'"):
        import_tree(tmp_path)


@pytest.mark.parametrize(
    ("status", "lifecycle"),
    [("deprecated", "retired"), ("beta", "preview"), ("alpha", "preview"), (None, "ga")],
)
def test_status_maps_to_lifecycle(tmp_path: Path, status: str | None, lifecycle: str) -> None:
    # models.dev's README: `deprecated` = "no longer served by the provider's public API".
    tree = tmp_path / "models-dev"
    shutil.copytree(TREE, tree, symlinks=True)
    gizmo = tree / "providers" / "hostco" / "models" / "acme" / "gizmo-9.toml"
    if status is not None:
        gizmo.write_text(f'status = "{status}"\n' + gizmo.read_text())
    offering = _offering(import_tree(tree, commit="abc123"), "hostco", "acme/gizmo-9")
    assert offering.lifecycle == lifecycle
    assert offering.retired_on is None  # models.dev gives no date


def test_an_unknown_status_is_dropped_with_its_reason(tmp_path: Path) -> None:
    tree = tmp_path / "models-dev"
    shutil.copytree(TREE, tree, symlinks=True)
    gizmo = tree / "providers" / "hostco" / "models" / "acme" / "gizmo-9.toml"
    gizmo.write_text('status = "sunset"\n' + gizmo.read_text())
    imported = import_tree(tree, commit="abc123")
    assert _offering(imported, "hostco", "acme/gizmo-9").lifecycle == "ga"
    assert any(d.field == "status" and "unknown status" in d.reason for d in imported.dropped)


# --- kinds ------------------------------------------------------------------------------


def test_kind_from_modalities_on_models_and_offerings(imported: ImportFile) -> None:
    facts = {m.id: m.facts for m in imported.models}
    assert facts["acme/widget-1"]["kind"] == "text-generation"  # text → text
    # the offering inherits its base model's modalities, so states the same kind
    assert _offering(imported, "acme", "widget-1").kind == "text-generation"
    # no modalities, no family: the file states no kind (not guessed from the name)
    assert _offering(imported, "hostco", "acme/gizmo-9").kind is None


def test_audio_embedding_and_image_entries_state_their_kind(tree: Path) -> None:
    base = "providers/hostco/models/acme"
    _write(tree, f"{base}/whisper-2.toml", '[modalities]\ninput = ["audio"]\noutput = ["text"]\n')
    _write(tree, f"{base}/speaker.toml", '[modalities]\ninput = ["text"]\noutput = ["audio"]\n')
    _write(tree, f"{base}/painter.toml", '[modalities]\ninput = ["text"]\noutput = ["image"]\n')
    _write(
        tree,
        f"{base}/vectors.toml",
        'family = "text-embedding"\n[modalities]\ninput = ["text"]\noutput = ["text"]\n',
    )
    imported = import_tree(tree)
    kinds = {o.provider_model_id: o.kind for o in imported.offerings if o.provider == "hostco"}
    assert kinds["acme/whisper-2"] == "speech-to-text"
    assert kinds["acme/speaker"] == "text-to-speech"
    assert kinds["acme/painter"] == "image-generation"
    assert kinds["acme/vectors"] == "embedding"
