"""``fast_init``: a frozen dataclass's ``__init__`` that fills the instance's ``__dict__``.

``@dataclass(frozen=True)`` generates an ``__init__`` that sets each field with
``object.__setattr__`` (its own ``__setattr__`` refuses): a call per field, the bulk of building
the claims, cells and numbers a comparison page makes by the hundred. ``fast_init`` replaces it
with one that stores the same values, under the same signature (defaults included), straight
into the new instance's ``__dict__`` — as ``copy`` and ``pickle`` rebuild a dataclass. The class
stays frozen (assignment still raises), compares and hashes as before.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

T = TypeVar("T")


def fast_init(cls: type[T]) -> type[T]:
    """Give the frozen dataclass ``cls`` (plain fields: no factory, no ``__post_init__``, no
    slots, every field in ``__init__``, none keyword-only) the faster ``__init__``."""
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    params = getattr(cls, "__dataclass_params__", None)
    if (
        params is None
        or not params.frozen
        or "__slots__" in cls.__dict__
        or hasattr(cls, "__post_init__")
        or any(
            not f.init or f.kw_only is True or f.default_factory is not dataclasses.MISSING
            for f in fields
        )
    ):
        raise TypeError(f"fast_init: {cls.__name__} is not a plain frozen dataclass")
    defaults: dict[str, Any] = {}
    signature = []
    for f in fields:
        if f.default is dataclasses.MISSING:
            signature.append(f.name)
        else:
            defaults[f"_default_{f.name}"] = f.default
            signature.append(f"{f.name}=_default_{f.name}")
    stores = "".join(f"    values[{f.name!r}] = {f.name}\n" for f in fields)
    source = f"def __init__(self, {', '.join(signature)}):\n    values = self.__dict__\n{stores}"
    namespace: dict[str, Any] = {}
    exec(source, defaults, namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    setattr(cls, "__init__", init)  # noqa: B010 - the class is built; mypy keeps its signature
    return cls
