"""Parse and validate catalog text; every error names its file, field and (where known) line.

TOML has no positions after parsing, so ``toml_line`` finds the line of a field path by
reading the text the way a person would: the n-th ``[[table]]`` header, then the key.
"""

from __future__ import annotations

import json
import re
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from tradeoff.catalog.files import pinned_bytes
from tradeoff.errors import DataError

M = TypeVar("M", bound=BaseModel)
_TOML_LINE = re.compile(r"\(at line (\d+)")
_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?")


# Python's parsers recurse per nesting level: a hostile file 100,000 levels deep would be a
# RecursionError traceback; no catalog or dataset file nests more than a few levels.
TOO_DEEP = "nested too deeply to be a catalog or dataset file"


def parse_toml(text: str, path: Path, *, exact_numbers: bool = False) -> dict[str, Any]:
    """Parse TOML text read from ``path``; a syntax error names the file and line.

    ``exact_numbers`` reads TOML floats as Decimal (prices written by hand stay exact).
    """
    try:
        if exact_numbers:
            return tomllib.loads(text, parse_float=Decimal)
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_LINE.search(str(exc))
        raise DataError(
            f"malformed TOML: {exc}", path=path, line=int(found.group(1)) if found else None
        ) from exc
    except RecursionError:
        raise DataError(TOO_DEEP, path=path) from None


def parse_json(text: str, path: Path) -> Any:
    """Parse JSON text read from ``path``; a syntax error names the file and line."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(f"malformed JSON: {exc.msg}", path=path, line=exc.lineno) from exc
    except RecursionError:
        raise DataError(TOO_DEEP, path=path) from None


def read_text(path: Path) -> str:
    """A catalog file's text (from the pinned snapshot, if any); an unreadable file names
    itself."""
    try:
        pinned = pinned_bytes(path)
        if pinned is not None:
            return pinned.decode("utf-8")
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"cannot read: {exc}", path=path) from exc


def read_toml_file(path: Path) -> dict[str, Any]:
    """Read and parse a TOML file; errors name the file (and line)."""
    return parse_toml(read_text(path), path)


def read_toml_model(model: type[M], path: Path, *, exact_numbers: bool = False) -> M:
    """Read a TOML file and validate it; errors name the file, the field and its line."""
    text = read_text(path)
    return validate(model, parse_toml(text, path, exact_numbers=exact_numbers), path, text)


def read_json_model(model: type[M], path: Path) -> M:
    """Read a JSON file and validate it against a strict schema."""
    return validate(model, parse_json(read_text(path), path), path)


def validate(model: type[M], data: object, path: Path, toml_text: str | None = None) -> M:
    """Validate data against a strict schema; the first error names its field path.

    Given the TOML text the data came from, the error also names the field's line.
    """
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(first["loc"])
        where = ".".join(str(part) for part in loc)
        message = first["msg"]
        if first["type"] == "extra_forbidden":
            message = "unknown key"
        count = len(exc.errors())
        more = f" (and {count - 1} more)" if count > 1 else ""
        line = toml_line(toml_text, loc) if toml_text is not None else None
        raise DataError(f"{message}{more}", path=path, field=where or None, line=line) from exc


def toml_line(text: str, loc: tuple[int | str, ...]) -> int | None:
    """The 1-based line where the field at ``loc`` is written, or the nearest enclosing one.

    ``("offerings", 1, "prices", "input_per_mtok")`` → the line of ``input_per_mtok`` after
    the second ``[[offerings]]`` header. A missing field gives its table's line.
    """
    lines = text.splitlines()
    start, end = 0, len(lines)
    found: int | None = None
    table = ""
    for part in loc:
        if isinstance(part, int):
            if found is None or not _header_is(lines[found], table, array=True):
                continue  # an element of an inline array: same line
            heads = [i for i in range(start, end) if _header_is(lines[i], table, array=True)]
            if part >= len(heads):
                break
            found = start = heads[part]
            end = heads[part + 1] if part + 1 < len(heads) else end
            continue
        key = str(part)
        if found is not None and re.search(rf"[{{,]\s*\"?{re.escape(key)}\"?\s*=", lines[found]):
            continue  # a key of an inline table, on the same line
        table = f"{table}.{key}" if table else key
        hit = next(
            (i for i in range(start, end) if _assigns(lines[i], key) or _opens(lines[i], table)),
            None,
        )
        if hit is None:
            break
        found = start = hit
        if _header(lines[hit]) == (table, False):  # a table ends where an unrelated one begins
            end = next((i for i in range(hit + 1, end) if _leaves(lines[i], table)), end)
    return None if found is None else found + 1


def _assigns(line: str, key: str) -> bool:
    return re.match(rf"^\s*\"?{re.escape(key)}\"?\s*=", line) is not None


def _header(line: str) -> tuple[str, bool] | None:
    """A header line's dotted path and whether it is an array element ``[[...]]``."""
    match = _HEADER.match(line)
    if match is None:
        return None
    return ".".join(p.strip().strip('"') for p in match.group(2).split(".")), match.group(1) == "[["


def _header_is(line: str, table: str, *, array: bool = False) -> bool:
    header = _header(line)
    return header is not None and header[0] == table and (header[1] or not array)


def _opens(line: str, table: str) -> bool:
    """The header of ``table`` or of a table inside it ([sources.page] opens "sources")."""
    header = _header(line)
    return header is not None and (header[0] == table or header[0].startswith(table + "."))


def _leaves(line: str, table: str) -> bool:
    header = _header(line)
    return header is not None and not header[0].startswith(table + ".")
