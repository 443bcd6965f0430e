"""docs/recipe-new-provider.md, performed as written on a copy of the test catalog.

The test reads the recipe's TOML blocks (``# catalog/<path> (new file|append)``) and its
``$ tradeoff …`` commands out of the document, so the recipe and the test cannot drift apart.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import warnings
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tradeoff.cli import app
from tradeoff.web.app import create_app

ROOT = Path(__file__).parents[2]
RECIPE = ROOT / "docs" / "recipe-new-provider.md"
FIXTURES = ROOT / "tests" / "fixtures"
BLOCK = re.compile(r"```(toml|console)\n(.*?)```", re.DOTALL)
TARGET = re.compile(r"^# catalog/(\S+) \((new file|append)\)$")
runner = CliRunner()


def recipe_steps() -> list[tuple[str, str]]:
    """The recipe's blocks in order: ("toml", text) and ("console", text)."""
    return [(kind, body) for kind, body in BLOCK.findall(RECIPE.read_text(encoding="utf-8"))]


def _write(catalog: Path, block: str) -> Path:
    first = block.splitlines()[0]
    match = TARGET.match(first)
    assert match, f"a TOML block of the recipe must start with '# catalog/<path> (...)': {first}"
    path = catalog / match.group(1)
    if match.group(2) == "append":
        assert path.is_file(), f"the recipe appends to {path}, which the catalog lacks"
        path.write_text(path.read_text(encoding="utf-8") + "\n" + block, encoding="utf-8")
    else:
        assert not path.exists(), f"the recipe creates {path}, which exists"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(block, encoding="utf-8")
    return path


def _run(block: str) -> dict[str, str]:
    """Run each ``$ tradeoff …`` line; returns command → its output."""
    outputs = {}
    for line in block.splitlines():
        if not line.startswith("$ tradeoff "):
            continue
        args = shlex.split(line.removeprefix("$ tradeoff "))
        result = runner.invoke(app, args)
        assert result.exit_code == 0, f"{line}\n{result.output}"
        outputs[line] = result.stdout
    return outputs


@pytest.fixture
def done(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, dict[str, str]]:
    """The recipe performed on a copy of catalog-mini: the database and each command's output."""
    catalog = tmp_path / "catalog"
    shutil.copytree(FIXTURES / "catalog-mini", catalog)
    db = tmp_path / "catalog.sqlite"
    monkeypatch.setenv("TRADEOFF_CATALOG", str(catalog))
    monkeypatch.setenv("TRADEOFF_DB", str(db))
    outputs: dict[str, str] = {}
    written = []
    for kind, body in recipe_steps():
        if kind == "toml":
            written.append(_write(catalog, body))
        else:
            outputs |= _run(body)
    assert [p.relative_to(catalog).as_posix() for p in written] == [
        "labs.toml",
        "curated/nimbus/nimbus-7b-instruct.toml",
        "providers/cirrus.toml",
    ]
    return db, outputs


def test_the_recipe_shows_the_price_with_its_citation_on_compare(
    done: tuple[Path, dict[str, str]],
) -> None:
    _, outputs = done
    [compare] = [out for command, out in outputs.items() if " compare " in command]
    page = json.loads(compare)
    assert [m["id"] for m in page["models"]] == ["nimbus/nimbus-7b-instruct", "acme/widget-1"]
    pricing = next(p for p in page["pricing"] if p["model"] == "nimbus/nimbus-7b-instruct")
    cheapest = pricing["cheapest"]
    assert (cheapest["provider"], cheapest["provider_name"]) == ("cirrus", "Cirrus Cloud")
    assert (cheapest["input_per_mtok"], cheapest["output_per_mtok"]) == ("0.2", "0.6")
    assert cheapest["source"] == "cirrus-pricing" and cheapest["checked"] == "2026-11-30"
    assert cheapest["price_sources"] == ["cirrus-pricing"]
    assert pricing["provider_count"] == 1
    cited = next(s for s in page["sources"] if s["id"] == "cirrus-pricing")
    assert cited["url"] == "https://cirrus.example/pricing"
    assert cheapest["source_n"] == cited["n"]
    release = next(s for s in page["specs"] if s["key"] == "release_date")
    nimbus_release = next(c for c in release["cells"] if c["model"] == "nimbus/nimbus-7b-instruct")
    assert (nimbus_release["value"], nimbus_release["source"]) == ("2025-09-01", "nimbus-7b-card")


def test_the_recipe_shows_the_offering_on_the_model_page(
    done: tuple[Path, dict[str, str]],
) -> None:
    db, _ = done
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette's httpx notice
        from starlette.testclient import TestClient

        client = TestClient(create_app(db))
    data: dict[str, Any] = client.get("/models/nimbus--nimbus-7b-instruct.json").json()
    [offering] = data["offerings"]
    assert (offering["provider"], offering["provider_model_id"]) == ("cirrus", "nimbus-7b-instruct")
    assert offering["prices"]["input_per_mtok"] == "0.2"
    assert offering["source"] == "cirrus-pricing" and offering["link"] == "hand-written"
    html = client.get("/models/nimbus--nimbus-7b-instruct").text
    assert "Cirrus Cloud: pricing, checked 2026-11-30" in html
    assert 'href="https://cirrus.example/pricing"' in html
