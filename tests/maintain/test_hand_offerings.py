"""Hand-written offerings beside imports: re-imports keep every history, `tradeoff check`
gates them, and a bad file fails naming itself."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tradeoff.catalog.load import read_import
from tradeoff.cli import app
from tradeoff.db.queries import Catalog

FIXTURES = Path(__file__).parents[1] / "fixtures"
runner = CliRunner()
ACME_FILE = """
[sources.acme-pricing]
name = "Acme: pricing"
kind = "vendor-page"
url = "https://acme.example/pricing"
licence = "facts"
retrieved = 2026-12-01

[sources.acme-pricing-2025]
name = "Acme: pricing (archived 2025-03-11)"
kind = "vendor-page"
url = "https://archive.example/2025-03-11/acme.example/pricing"
licence = "facts"
retrieved = 2026-12-01

[[offerings]]
model = "acme/widget-1"
provider_model_id = "widget-1"

[offerings.prices]
input_per_mtok = { value = 1.75, source = "acme-pricing", checked = 2026-12-01 }
output_per_mtok = { value = 6, source = "acme-pricing", checked = 2026-12-01 }

[[offerings.history]]
effective = 2025-03-11
input_per_mtok = 1.25
output_per_mtok = 5
source = "acme-pricing-2025"
"""


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    catalog = tmp_path / "catalog"
    shutil.copytree(FIXTURES / "catalog-mini", catalog)
    (catalog / "providers").mkdir()
    (catalog / "providers" / "acme.toml").write_text(ACME_FILE)
    db = tmp_path / "catalog.sqlite"
    monkeypatch.setenv("TRADEOFF_CATALOG", str(catalog))
    monkeypatch.setenv("TRADEOFF_DB", str(db))
    return catalog, db


def _import(path: Path, day: str) -> str:
    result = runner.invoke(app, ["import", "litellm", str(path), "--retrieved", day])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_reimports_keep_the_import_history_and_the_hand_written_one(
    env: tuple[Path, Path], tmp_path: Path
) -> None:
    catalog, db = env
    _import(FIXTURES / "litellm", "2026-11-29")
    assert "unchanged" in _import(FIXTURES / "litellm", "2026-11-29")
    data = json.loads((FIXTURES / "litellm" / "model_prices_and_context_window.json").read_text())
    data["acme/widget-1"]["input_cost_per_token"] = 2e-06
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(data))
    _import(newer, "2026-12-15")

    imported = read_import(catalog / "imports" / "litellm.json")
    widget = next(o for o in imported.offerings if o.provider_model_id == "widget-1")
    assert [(p.effective, p.input_per_mtok) for p in widget.history] == [
        ("2026-11-29", Decimal("1.5")),
        ("2026-12-15", Decimal("2")),
    ]
    opened = Catalog(db)
    try:
        shown = next(o for o in opened.offerings_for("acme/widget-1") if o.provider_id == "acme")
    finally:
        opened.close()
    assert shown.prices.input_per_mtok == Decimal("1.75")  # the hand-written price
    assert [(h.effective, h.input_per_mtok, h.source_id) for h in shown.history] == [
        ("2025-03-11", Decimal("1.25"), "acme-pricing-2025"),
        ("2026-11-29", Decimal("1.5"), "litellm"),
    ]  # LiteLLM's 2026-12-15 price came after the hand-written one was checked: a warning


def test_check_warns_of_a_newer_dataset_price_than_the_hand_written_one(
    env: tuple[Path, Path], tmp_path: Path
) -> None:
    data = json.loads((FIXTURES / "litellm" / "model_prices_and_context_window.json").read_text())
    data["acme/widget-1"]["input_cost_per_token"] = 2e-06
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(data))
    _import(FIXTURES / "litellm", "2026-11-29")
    _import(newer, "2026-12-15")
    result = runner.invoke(app, ["check", "--json", "--verbose"])
    assert result.exit_code == 0, result.output
    [finding] = [
        f for f in json.loads(result.stdout)["findings"] if f["kind"] == "newer-dataset-price"
    ]
    assert finding["level"] == "warning" and finding["entity"] == "offering:acme/widget-1"
    assert finding["message"].startswith(
        "history = 2026-12-15: input 2, output 6: a newer dataset price disagrees with the "
        "hand-written price (input 1.75, output 6, acme-pricing, checked 2026-12-01)"
    ), finding


def test_check_gates_hand_written_offerings(env: tuple[Path, Path]) -> None:
    catalog, _ = env
    path = catalog / "providers" / "acme.toml"
    path.write_text(path.read_text().replace("value = 6,", "value = 1,"))  # output below input
    result = runner.invoke(app, ["check", "--json", "--verbose"])
    assert result.exit_code == 0, result.output
    findings = json.loads(result.stdout)["findings"]
    assert {
        "level": "warning",
        "kind": "output-below-input",
        "entity": "offering:acme/widget-1",
        "message": "output 1 < input 1.75 per 1M",
    } in findings


@pytest.mark.parametrize(
    ("old", "new", "names"),
    [
        ('model = "acme/widget-1"', 'model = "acme/widget-9"', "[offerings.0.model]"),
        ('source = "acme-pricing", checked = 2026-12-01 }\noutput',
         'source = "acme-pricng", checked = 2026-12-01 }\noutput',
         "[offerings.0.prices.input_per_mtok.source]"),
        ("[[offerings]]", '[provider]\nname = "Acme"\nkind = "first-party"\n\n[[offerings]]',
         "[provider]"),
    ],
)  # fmt: skip
def test_check_on_a_dangling_reference_fails_naming_the_file(
    env: tuple[Path, Path], old: str, new: str, names: str
) -> None:
    catalog, db = env
    path = catalog / "providers" / "acme.toml"
    path.write_text(path.read_text().replace(old, new, 1))
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 1
    assert str(path) in result.stderr and names in result.stderr, result.stderr
    assert "Traceback" not in result.output
    assert not db.exists()
