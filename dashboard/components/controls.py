"""Bound controls: one helper for the widget-bound-to-the-URL idiom used on every page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import streamlit as st

Options = Mapping[Any, str] | Sequence[Any]


def choice(
    label: str,
    options: Options,
    *,
    key: str,
    default: Any = None,
    kind: str = "segmented",
    container: Any = st,
    help: str | None = None,
    format_func: Any = None,
) -> Any:
    """A single choice bound to the URL parameter ``key``; invalid URL values fall back.

    ``options`` is a list of values, or a mapping value -> label (the label is what the URL
    carries). ``kind`` is "segmented" (buttons), "select" (drop-down) or "radio".
    The default is ``default`` or the first option; the return value is never None.
    """
    values = list(options)
    labels = options if isinstance(options, Mapping) else None
    fmt = format_func or (labels.get if labels is not None else str)
    if not values:
        return default
    first = default if default in values else values[0]
    common = {"format_func": fmt, "key": key, "bind": "query-params", "help": help}
    if kind == "segmented":
        value = container.segmented_control(label, values, default=first, required=True, **common)
    elif kind == "radio":
        value = container.radio(label, values, index=values.index(first), horizontal=True, **common)
    else:
        value = container.selectbox(label, values, index=values.index(first), **common)
    return first if value is None else value
