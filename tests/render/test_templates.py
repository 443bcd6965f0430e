"""One Jinja environment, one templates folder, every template in the wheel."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

import pytest
from jinja2 import Environment, UndefinedError

from tradeoff.render.html import make_environment
from tradeoff.web.resolvers import PICKER
from tradeoff.web.routes import API, PAGES

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "tradeoff"


def test_one_templates_folder() -> None:
    folders = {p.parent for p in PACKAGE.rglob("*.html")}
    assert folders == {PACKAGE / "render" / "templates"}


def test_every_template_and_static_file_is_package_data() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["tradeoff"]
    shipped = [
        p
        for folder in (PACKAGE / "render" / "templates", PACKAGE / "web" / "static")
        for p in folder.rglob("*")
        if p.is_file()
    ]
    assert shipped
    for path in shipped:
        relative = path.relative_to(PACKAGE).as_posix()
        globbed = [pat.replace("**/*", "*") for pat in patterns]
        assert any(fnmatch.fnmatch(relative, pat) for pat in globbed), relative


def test_every_template_compiles_and_every_page_has_its_template() -> None:
    env = make_environment()
    names = set(env.list_templates())
    for name in names:
        env.get_template(name)
    used = {p.renderers.template for p in (*PAGES, *API) if p.renderers.template}
    used |= {PICKER.template} if PICKER.template else set()
    assert used <= names
    assert {"base.html", "error.html", "standalone.html"} <= names


@pytest.mark.parametrize(
    "expression",
    [
        "{{ d.title }}",  # a key
        "{{ d['title'] }}",
        "{{ d.items() | list | length }}",  # a dict attribute wins over a key of its name
        "{{ d.get('title') }}",
        "{{ n.title }}",  # not a plain dict: Jinja's own rule
        "{{ d.missing is defined }}",
        "{{ o.attr }}",
    ],
)
def test_attribute_lookup_is_jinjas(expression: str) -> None:
    class Named(dict[str, str]):
        title = "attribute"

    class Plain:
        attr = "object attribute"

    values = {
        "d": {"title": "a <key>", "items": "not the method", "get": "not the method either"},
        "n": Named(title="item"),
        "o": Plain(),
    }
    ours = make_environment().from_string(expression).render(**values)
    jinja = Environment(autoescape=True).from_string(expression).render(**values)
    assert ours == jinja


def test_a_missing_key_is_still_undefined() -> None:
    with pytest.raises(UndefinedError, match="'dict object' has no attribute 'missing'"):
        make_environment().from_string("{{ d.missing }}").render(d={"title": "x"})


def test_template_globals_overlay_the_environments_and_stay_its_own() -> None:
    env = make_environment()
    own = env.from_string("{{ urls is defined }} {{ extra }}", globals={"extra": "own"})
    assert own.render() == "True own"
    own.globals["extra"] = "changed"  # a template's globals are its own, as with Jinja's ChainMap
    assert "extra" not in env.globals
    assert env.from_string("{{ extra is defined }}").render() == "False"
    assert own.render() == "True changed"
