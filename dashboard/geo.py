"""Boundary layers (GeoJSON, lon/lat, clockwise outer rings) built by the pipeline. No Streamlit."""

from __future__ import annotations

import json
from functools import cache

from dashboard import config


@cache
def features(level: str) -> tuple[dict, ...] | None:
    """The features of one level (provincie, arbeidsmarktregio, gemeente); None when unreadable."""
    if level not in config.GEO_LEVELS:
        return None
    path = config.DATA_DIR / "geo" / f"{level}.json"
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        return tuple(doc["features"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
