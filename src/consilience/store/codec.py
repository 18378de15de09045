"""Records to JSON and back, exactly: the store keeps frozen dataclasses as JSON text.

``encode`` turns a record (a dataclass of the model, a story Profile...) into plain JSON values;
``decoder(cls)`` returns a function that rebuilds the record from them, guided by the type hints
of the class's fields (tuples, optional values, literals, dates, counters, nested records).
Decoders are built once per class. JSON is chosen over pickle on purpose: a store file handed
over by someone else can hold only data, never code.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections import Counter
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

# takes JSON values (what ``encode`` gave), returns the record or value: Any both ways
Decoder = Callable[[Any], Any]


def encode(value: object) -> object:
    """Return ``value`` as JSON-ready values (dicts, lists, strings, numbers, None)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    return value


@cache
def decoder(cls: type) -> Decoder:
    """Return a function rebuilding a ``cls`` record from what ``encode`` gave."""
    hints = typing.get_type_hints(cls)
    parts = [(f.name, _for(hints[f.name])) for f in dataclasses.fields(cls) if f.init]

    def build(data: object) -> Any:
        if not isinstance(data, dict):
            raise ValueError(f"{cls.__name__}: expected an object, got {type(data).__name__}")
        return cls(**{name: dec(data[name]) for name, dec in parts if name in data})

    return build


def _for(tp: object) -> Decoder:
    """A decoder for one type hint."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        dec = _for(inner[0]) if len(inner) == 1 else _identity
        return lambda v: None if v is None else dec(v)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _for(args[0])
            return lambda v: tuple(item(x) for x in v)
        items = [_for(a) for a in args]
        return lambda v: tuple(dec(x) for dec, x in zip(items, v, strict=True))
    if origin in (Counter, typing.Counter):
        return lambda v: Counter(v)
    if origin is dict:
        val = _for(args[1]) if args else _identity
        return lambda v: {k: val(x) for k, x in v.items()}
    if tp is date:
        return date.fromisoformat
    if tp is Path:
        return Path
    if tp is float:
        return float
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return decoder(tp)
    return _identity


def _identity(value: object) -> object:
    return value
