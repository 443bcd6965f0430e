"""JSON Schemas (OpenAPI 3.1 = JSON Schema 2020-12) of the typed page contexts.

A context is a ``TypedDict`` of JSON-ready values (str, int, bool, None, lists, dicts and
nested TypedDicts). pydantic's ``TypeAdapter`` would generate these, but on Python 3.11 it
refuses ``typing.TypedDict`` (it asks for ``typing_extensions.TypedDict``), which every
``pages/`` module uses; so the type hints are read here, one rule per kind of hint. Each
TypedDict becomes one entry of ``components.schemas`` with its required keys and no others.
"""

from __future__ import annotations

import inspect
import types
from collections.abc import Mapping, Sequence
from typing import (
    Any,
    ForwardRef,
    Literal,
    Union,
    get_args,
    get_origin,
    get_type_hints,
    is_typeddict,
)

Json = dict[str, object]
SCALARS: dict[object, Json] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    bool: {"type": "boolean"},
    float: {"type": "number"},
    type(None): {"type": "null"},
}


class SchemaSet:
    """The component schemas met so far, by TypedDict name."""

    def __init__(self) -> None:
        self.schemas: dict[str, Json] = {}
        self._owners: dict[str, object] = {}

    def ref(self, hint: object) -> Json:
        """The schema of a type hint; a TypedDict is added to ``schemas`` and referenced."""
        if hint in SCALARS:
            return dict(SCALARS[hint])
        if hint is Any or hint is object or isinstance(hint, ForwardRef):
            return {}  # any JSON value (a recursive alias such as ``Json`` stays a ForwardRef)
        if is_typeddict(hint):
            return {"$ref": f"#/components/schemas/{self._component(hint)}"}
        origin, args = get_origin(hint), get_args(hint)
        if origin in (Union, types.UnionType):
            return {"anyOf": [self.ref(a) for a in args]}
        if origin is Literal:
            return {"enum": list(args)}
        if origin in (list, tuple, set, frozenset, Sequence):
            items = args[0] if args and args[-1] is not Ellipsis else (args[0] if args else Any)
            return {"type": "array", "items": self.ref(items)}
        if origin in (dict, Mapping):
            return {"type": "object", "additionalProperties": self.ref(args[1] if args else Any)}
        raise TypeError(f"no JSON Schema rule for the type hint {hint!r}")

    def _component(self, cls: Any) -> str:
        name: str = cls.__name__
        owner = self._owners.get(name)
        if owner is cls:
            return name
        if owner is not None:
            name = f"{cls.__module__.rsplit('.', 1)[-1]}.{name}"
            if self._owners.get(name) is cls:
                return name
        self._owners[name] = cls
        self.schemas[name] = {}  # placeholder: a context may refer to itself
        hints = get_type_hints(cls)
        self.schemas[name] = {
            "type": "object",
            "description": " ".join(inspect.cleandoc(cls.__doc__ or "").split("\n\n")[0].split()),
            "properties": {k: self.ref(v) for k, v in hints.items()},
            "required": sorted(cls.__required_keys__),
            "additionalProperties": False,
        }
        return name
