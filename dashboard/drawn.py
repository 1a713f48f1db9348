"""What a chart block drew, remembered per selection and snapshot (no Streamlit import).

A chart block's screen spec (the Vega-Lite dict with its tables as Arrow bytes), its text
alternative, provenance and notes are a pure function of the block's declaration, its data and
the snapshot. Building them is most of a chart page's rerun (py-spy, the #20 note): Altair's
``to_dict``, pandas column work and Streamlit's DataFrame -> Arrow conversion. ``remember`` keeps
the result for a content key, so the next rerun with the same selection, in any session, skips
all of it.

The key is the content, never a user's state: the block's texts and the code and captured values
of its functions (``fingerprint``), a digest of the data frame, and the manifest this run reads
(``queries.snapshot_token``: a rebuild is a new key). Anything the fingerprint cannot name
exactly (a large list, an unknown object) makes the block uncached, so a wrong hit cannot
happen; it just draws as before. Only plain values are kept (dicts, bytes, strings, frozen
dataclasses), never chart objects: the chart is built again when it is needed (presenting, a
slide, an image download).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import hashlib
import threading
import types
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

import altair as alt
import numpy as np
import pandas as pd
from altair.utils.schemapi import SchemaBase

T = TypeVar("T")

MAX_ENTRIES = 160  # ~20-60 kB each: a few MB per process
_BUDGET = 600  # values a fingerprint may visit; more: not cached (a map's features, a long list)
_ATOMS = (type(None), bool, int, float, str, bytes, dt.date)  # datetimes: by ISO text (_fp)


class UnkeyableError(Exception):
    """The object cannot be named exactly by content; do not cache what depends on it."""


def digest(frame: pd.DataFrame | pd.Series) -> str:
    """The content of a frame (values, dtypes, column names, index) as a short hex digest.

    Numbers by their bytes, anything else by the repr of its values (1 and '1' differ). Not
    pickle: pickle writes a repeated string object once and an equal copy twice, so the same
    table read from the query cache and built afresh would get two digests.
    """
    if isinstance(frame, pd.Series):
        frame = frame.to_frame()
    h = hashlib.blake2b(digest_size=16)
    # repr of a dtype names a categorical's categories and order; the axes' own names count too
    head = (list(frame.columns), [repr(t) for t in frame.dtypes], frame.shape)
    h.update(
        repr((*head, frame.index.names, frame.columns.names, repr(frame.index.dtype))).encode()
    )
    for values in (frame.index, *(col for _, col in frame.items())):
        arr = values.to_numpy()
        if arr.dtype.kind in "biufcmM":
            h.update(arr.tobytes())
        else:  # a cell that is an array (a list column) by its full values, not numpy's short repr
            cells = [c.tolist() if isinstance(c, np.ndarray) else c for c in arr.tolist()]
            h.update(repr(cells).encode())
    return h.hexdigest()


def fingerprint(obj: object) -> Hashable:
    """A hashable value equal for two objects only if they hold the same content and code.

    Functions are named by their code object and what they captured (closure, defaults), so
    two closures over different measures or labels differ; module-level names they read are
    code, fixed per process. Raises UnkeyableError for anything else, or past ``_BUDGET`` values.
    """
    return _fp(obj, [_BUDGET])


def _fp(obj: object, budget: list[int]) -> Hashable:
    budget[0] -= 1
    if budget[0] < 0:
        raise UnkeyableError("too large")
    if isinstance(obj, dt.datetime | dt.time):  # the same instant in two zones prints apart
        return (type(obj).__name__, obj.isoformat())
    if isinstance(obj, _ATOMS):
        return (type(obj).__name__, obj)
    if isinstance(obj, enum.Enum):
        return ("enum", type(obj).__qualname__, obj.name)
    if isinstance(obj, (pd.DataFrame, pd.Series)):
        return ("frame", digest(obj))
    if obj is alt.Undefined:
        return ("undefined",)
    if isinstance(obj, SchemaBase):  # an Altair chart, layer, encoding …: its class and values
        kwds = {k: v for k, v in obj._kwds.items() if v is not alt.Undefined}
        cls = (type(obj).__module__, type(obj).__qualname__)  # core.Color is not channels.Color
        return ("alt", cls, _fp(obj._args, budget), _fp(kwds, budget))
    if isinstance(obj, (tuple, list, frozenset, set)):
        items = sorted(obj, key=repr) if isinstance(obj, (set, frozenset)) else obj
        return (type(obj).__name__, tuple(_fp(v, budget) for v in items))
    if isinstance(obj, dict | types.MappingProxyType):
        return ("map", tuple((_fp(k, budget), _fp(v, budget)) for k, v in obj.items()))
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        fields = tuple(_fp(getattr(obj, f.name), budget) for f in dataclasses.fields(obj))
        return ("dc", type(obj).__module__, type(obj).__qualname__, fields)
    return _fp_code(obj, budget)


def _fp_code(obj: object, budget: list[int]) -> Hashable:
    """Functions by module, name, code and what they captured; bound methods with their object."""
    if isinstance(obj, functools.partial):
        return ("partial", _fp(obj.func, budget), _fp(obj.args, budget), _fp(obj.keywords, budget))
    if isinstance(obj, types.MethodType):
        return ("method", _fp(obj.__func__, budget), _fp(obj.__self__, budget))
    if isinstance(obj, types.FunctionType):
        cells = tuple(_fp(c.cell_contents, budget) for c in obj.__closure__ or ())
        return (
            "fn",
            obj.__module__,
            obj.__qualname__,
            obj.__code__,
            cells,
            _fp(obj.__defaults__, budget),
            _fp(obj.__kwdefaults__, budget),
        )
    if isinstance(obj, types.BuiltinFunctionType):  # names.get: the dict it belongs to counts
        owner = obj.__self__
        bound = () if owner is None or isinstance(owner, types.ModuleType) else _fp(owner, budget)
        return ("builtin", obj.__module__, obj.__qualname__, bound)
    raise UnkeyableError(type(obj).__qualname__)


class _Memo:
    """A small thread-safe LRU: each Streamlit session runs its script in its own thread."""

    def __init__(self, size: int):
        self.size = size
        self.lock = threading.Lock()
        self.items: OrderedDict[Hashable, object] = OrderedDict()
        self.hits = self.misses = 0

    def get(self, key: Hashable, build: Callable[[], T]) -> T:
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                self.hits += 1
                return self.items[key]  # type: ignore[return-value]
            self.misses += 1
        value = build()  # outside the lock: a slow build never holds up other sessions
        with self.lock:
            self.items[key] = value
            self.items.move_to_end(key)
            while len(self.items) > self.size:
                self.items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self.lock:
            self.items.clear()
            self.hits = self.misses = 0


_MEMO = _Memo(MAX_ENTRIES)


def remember(key_parts: Callable[[], tuple], build: Callable[[], T]) -> T:
    """``build()`` once per content key (``key_parts()``); if a part is unkeyable, every time."""
    try:
        key = key_parts()
        hash(key)
    except (UnkeyableError, TypeError, ValueError):  # ValueError: an empty closure cell
        return build()
    return _MEMO.get(key, build)


def stats() -> dict[str, int]:
    """Hits, misses and entries of this process (for the tests)."""
    with _MEMO.lock:
        return {"hits": _MEMO.hits, "misses": _MEMO.misses, "entries": len(_MEMO.items)}


def clear() -> None:
    _MEMO.clear()
