"""``tradeoff.pages.comparison`` exports its names lazily: each resolves to its home module's
object, and importing the page module alone does not load the calculator or the picker (the
cold ``tradeoff compare --format md`` path never calls them)."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

import tradeoff.pages.comparison as comparison


@pytest.mark.parametrize("name", comparison.__all__)
def test_each_exported_name_is_its_home_modules_object(name: str) -> None:
    home = importlib.import_module(comparison._HOMES[name])
    assert getattr(comparison, name) is getattr(home, name)


def test_all_lists_exactly_the_lazy_names() -> None:
    assert sorted(comparison.__all__) == sorted(comparison._HOMES)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        comparison.no_such_name  # noqa: B018


def test_the_page_module_alone_loads_neither_calculator_nor_picker() -> None:
    code = (
        "import sys, tradeoff.pages.comparison.page as page; "
        "print(sorted(m for m in ('tradeoff.pages.calculator', "
        "'tradeoff.pages.comparison.picker', 'tradeoff.compare.cost') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_page_modules_typed_dicts_compile_no_string_annotations() -> None:
    # under postponed annotations each TypedDict or NamedTuple field is a string that typing
    # compiles into a ForwardRef at import (~14 M instructions over the cold md path's 36
    # TypedDicts; the records and the engine's named tuples likewise); these modules keep
    # evaluated annotations. A recursive alias (Json) is a string by design.
    code = (
        "import typing, traceback\n"
        "made = []\n"
        "init = typing.ForwardRef.__init__\n"
        "def counted(self, arg, *a, **k):\n"
        "    made.append(arg); init(self, arg, *a, **k)\n"
        "typing.ForwardRef.__init__ = counted\n"
        "import tradeoff.pages.comparison.page\n"
        "print(sorted(set(a for a in made if 'Json]' not in a)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
