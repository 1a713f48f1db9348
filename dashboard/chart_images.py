"""Charts as images, rendered server-side with vl-convert (Dutch locale). No Streamlit.

One home for the PNG/SVG renderer used by the image downloads, the PowerPoint deck and the
factsheet: a small in-memory LRU (keyed by snapshot id, a hash of the spec, whose data is
inline, and the scale) and a one-time warm-up of vl-convert. Nothing is written to disk.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict

from dashboard import fmt

CACHE_ITEMS = 64  # rendered images kept in memory (a PNG is 0.1-0.9 MB)
_CACHE: OrderedDict[tuple, bytes] = OrderedDict()
_CACHE_LOCK = threading.Lock()
_WARM: list[threading.Thread] = []


def _render(spec: dict, kind: str, scale: float) -> bytes:
    import vl_convert as vlc

    locale = {"format_locale": fmt.VEGA_NUMBER_LOCALE, "time_format_locale": fmt.VEGA_TIME_LOCALE}
    if kind == "svg":
        return vlc.vegalite_to_svg(spec, **locale).encode("utf-8")
    return vlc.vegalite_to_png(spec, scale=scale, **locale)


def render(spec: dict, kind: str, scale: float = 2, snapshot: str = "") -> bytes:
    """A finished Vega-Lite spec as PNG (``scale`` × its pixel size) or SVG, Dutch locale.

    A factsheet or deck downloaded again, or a chart shared by two exports, is rendered once.
    """
    blob = json.dumps(spec, sort_keys=True, default=str).encode("utf-8")
    key = (snapshot, hashlib.sha256(blob).hexdigest(), kind, scale)
    with _CACHE_LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
    out = _render(spec, kind, scale)
    with _CACHE_LOCK:
        _CACHE[key] = out
        while len(_CACHE) > CACHE_ITEMS:
            _CACHE.popitem(last=False)
    return out


def clear_cache() -> None:
    with _CACHE_LOCK:
        _CACHE.clear()


def warm_up() -> None:
    """Start vl-convert once (its first call loads the JavaScript runtime and the fonts: ~1-2 s),
    in a background thread, so the first export a visitor asks for does not pay for it."""
    tiny = {"data": {"values": [{"x": 1}]}, "mark": "point", "encoding": {"x": {"field": "x"}}}
    with _CACHE_LOCK:
        if _WARM:
            return
        _WARM.append(threading.Thread(target=_render, args=(tiny, "png", 1), daemon=True))
    _WARM[0].start()
