"""import_source: idempotent re-import, price history across snapshots, --dry-run diff."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

from support.stamps import assert_current_for_the_next_start
from typer.testing import CliRunner

from tradeoff.catalog.load import read_import
from tradeoff.catalog.schema import ImportedPrices, ImportFile
from tradeoff.cli import app
from tradeoff.db.queries import Catalog
from tradeoff.maintain.importing import carry_history
from tradeoff.sources.litellm import import_file

FIXTURES = Path(__file__).parents[1] / "fixtures"
runner = CliRunner()


def _import(path: Path, day: str, *extra: str) -> str:
    result = runner.invoke(app, ["import", "litellm", str(path), "--retrieved", day, *extra])
    assert result.exit_code == 0, result.output
    return result.stdout


def _snapshot(catalog: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(catalog.rglob("*")) if p.is_file()}


def test_importing_the_same_snapshot_twice_changes_nothing(mini_env: tuple[Path, Path]) -> None:
    catalog, db = mini_env
    source = FIXTURES / "litellm"
    _import(source, "2026-11-29")
    before = (_snapshot(catalog), db.read_bytes())
    again = _import(source, "2026-11-29")
    assert "unchanged" in again
    assert (_snapshot(catalog), db.read_bytes()) == before


def test_an_import_leaves_a_database_current_for_the_next_start(
    mini_env: tuple[Path, Path], tmp_path: Path
) -> None:
    catalog, db = mini_env
    _import(FIXTURES / "litellm", "2026-11-29")
    assert_current_for_the_next_start(catalog, db, tmp_path)


def test_a_newer_snapshot_records_what_changed_and_when(
    mini_env: tuple[Path, Path], tmp_path: Path
) -> None:
    catalog, db = mini_env
    _import(FIXTURES / "litellm", "2026-11-29")
    data = json.loads((FIXTURES / "litellm" / "model_prices_and_context_window.json").read_text())
    data["acme/widget-1"]["input_cost_per_token"] = 2e-06
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(data))
    target = catalog / "imports" / "litellm.json"
    written = target.read_bytes()

    preview = _import(newer, "2026-12-15", "--dry-run")
    assert "dry run: nothing written" in preview
    assert "~ offering:acme/widget-1 input_per_mtok: 1.5 → 2" in preview
    assert target.read_bytes() == written

    _import(newer, "2026-12-15")
    widget = next(o for o in read_import(target).offerings if o.provider_model_id == "widget-1")
    assert [(p.effective, p.input_per_mtok) for p in widget.history] == [
        ("2026-11-29", Decimal("1.5")),
        ("2026-12-15", Decimal("2")),
    ]
    opened = Catalog(db)
    try:
        shown = next(o for o in opened.offerings_for("acme/widget-1") if o.provider_id == "acme")
        assert [h.effective for h in shown.history] == ["2026-11-29", "2026-12-15"]
    finally:
        opened.close()


def test_history_ignores_ids_a_snapshot_lists_twice() -> None:
    first = import_file(FIXTURES / "litellm", retrieved=dt.date(2026, 11, 29))
    twin = first.offerings[0].model_copy(
        update={"prices": first.offerings[0].prices.model_copy(update={"input_per_mtok": 9})}
    )
    doubled = first.model_copy(update={"offerings": [*first.offerings, twin]})
    carried = carry_history(first, doubled)
    assert all(not o.history for o in carried.offerings)


def _with_prices(imported: ImportFile, model_id: str, **prices: object) -> ImportFile:
    offerings = [
        o.model_copy(update={"prices": ImportedPrices.model_validate(prices)})
        if o.provider_model_id == model_id
        else o
        for o in imported.offerings
    ]
    return imported.model_copy(update={"offerings": offerings})


def test_a_price_read_again_in_its_true_unit_is_no_price_change() -> None:
    # The same snapshot read twice: once (wrongly) per 1M tokens, then per minute of audio.
    first = import_file(FIXTURES / "litellm", retrieved=dt.date(2026, 11, 29))
    per_token = _with_prices(first, "widget-1", input_per_mtok="0.0023", output_per_mtok="0.0023")
    per_minute = _with_prices(
        first,
        "widget-1",
        unit_prices=[{"component": "input", "unit": "per_audio_minute", "usd": "0.0023"}],
    )
    later = per_minute.model_copy(
        update={"source": per_minute.source.model_copy(update={"retrieved": dt.date(2026, 12, 1)})}
    )
    carried = carry_history(per_token, later)
    widget = next(o for o in carried.offerings if o.provider_model_id == "widget-1")
    assert widget.history == []  # no "$0.0023 per 1M tokens" point, no "unpriced" point


def test_the_same_commit_read_again_records_no_change() -> None:
    first = import_file(FIXTURES / "litellm", retrieved=dt.date(2026, 11, 29))
    pinned = first.model_copy(update={"source": first.source.model_copy(update={"commit": "abc"})})
    reread = _with_prices(pinned, "widget-1", input_per_mtok="9", output_per_mtok="9")
    carried = carry_history(pinned, reread)
    assert all(not o.history for o in carried.offerings)
