"""A slide's geometry and its long comparisons in parts: pure functions (no Streamlit).

The browser reports its viewport (present.screen); the slide's chart gets a fixed pixel size
from it (what the slide's texts and controls leave of the height), fonts scale with the screen,
subtitles and long category labels wrap to the width, and a comparison with more than
``MAX_ROWS`` rows is shown in parts ("deel 1 van 4").
"""

from __future__ import annotations

import itertools
import json
import math
import textwrap

MAX_ROWS = 12
FALLBACK_SCREEN = (1280, 720)  # until the browser has reported its size (one rerun)
MIN_CHART_SHARE = 0.6  # the chart never gets less than this share of the screen height
PAD_X, PAD_Y = 96, 48  # the slide's padding (present.css: 1.5rem 3rem)
CONTROLS_PX = 64  # the row of buttons under a slide
DOWNLOAD_PX = 56  # "Download als PowerPoint" under a slide of a deck
SAFETY_PX = 40  # gaps between the slide's elements, rounding
KEY_FIGURE = (25.6 * 1.35, 25.6 * 0.52)  # (line height, mean char width) px: 1.6rem bold
NOTE = (18.4 * 1.4, 18.4 * 0.47)  # captions: 1.15rem
LABEL_SHARE = 0.42  # category labels may take this share of the chart width
EM = 0.52  # mean advance of a character in the chart font, per px of font size


FULL_HD = (16 * 120, 9 * 120)  # px: the screen the enlarged fonts are made for


def scale(width: int, height: int) -> float:
    """Font scale of a slide: 1 on a full-HD screen, smaller on a smaller one."""
    return max(min(width / FULL_HD[0], height / FULL_HD[1]), 0.55)


def _lines(text: str, chars: int) -> list[str]:
    chars = max(int(chars), 8)
    return textwrap.wrap(text, chars, break_long_words=True, break_on_hyphens=False) or [text]


def text_height(texts: list[str], key_figure: str, width: int) -> float:
    """Pixel height of the key figure and the notes under the chart at this width."""
    room = width - PAD_X
    total = len(_lines(key_figure, room / KEY_FIGURE[1])) * KEY_FIGURE[0] if key_figure else 0
    for text in texts:
        total += len(_lines(text, room / NOTE[1])) * NOTE[0]
    return total


def chart_size(
    screen: tuple[int, int] | None, texts: list[str], key_figure: str, in_deck: bool
) -> tuple[int, int]:
    """(width, height) in px of a slide's chart: the screen less the texts and controls."""
    w, h = screen or FALLBACK_SCREEN
    below = text_height(texts, key_figure, w) + CONTROLS_PX + (DOWNLOAD_PX if in_deck else 0)
    height = h - PAD_Y - below - SAFETY_PX
    return int(w - PAD_X), int(max(height, MIN_CHART_SHARE * h))


def _units(node: object):
    """Every dict in a spec that has an encoding (the top level and each layer)."""
    if isinstance(node, dict):
        if isinstance(node.get("encoding"), dict):
            yield node
        for value in node.values():
            yield from _units(value)
    elif isinstance(node, list):
        for value in node:
            yield from _units(value)


def rows(spec: dict) -> tuple[str, list[str]] | None:
    """The nominal row field of a spec and its order (an explicit ``sort`` list), if any."""
    for unit in _units(spec):
        y = unit["encoding"].get("y")
        if isinstance(y, dict) and y.get("type") == "nominal" and isinstance(y.get("sort"), list):
            return str(y.get("field")), [str(v) for v in y["sort"]]
    return None


def parts_of(n: int, size: int = MAX_ROWS) -> list[tuple[int, int]]:
    """[start, end) of each part: ``n`` rows in the fewest parts of at most ``size``, balanced
    (38 rows: 10, 10, 9, 9)."""
    count = max(math.ceil(n / size), 1)
    bounds = [round(k * n / count) for k in range(count + 1)]
    return list(itertools.pairwise(bounds))


def part(spec: dict, j: int, size: int = MAX_ROWS) -> tuple[dict, int, int, int]:
    """Part ``j`` (clamped) of a long comparison: (spec, j, number of parts, number of rows).

    Every layer with the row field keeps only this part's rows (a filter), in their order. A
    spec without more than ``size`` rows is returned as it is (one part).
    """
    found = rows(spec)
    if found is None or len(found[1]) <= size:
        return spec, 0, 1, len(found[1]) if found else 0
    field, order = found
    bounds = parts_of(len(order), size)
    j = min(max(j, 0), len(bounds) - 1)
    keep = order[bounds[j][0] : bounds[j][1]]
    spec = json.loads(json.dumps(spec))
    for unit in _units(spec):
        y = unit["encoding"].get("y")
        if isinstance(y, dict) and y.get("field") == field:
            y["sort"] = keep
            keep_rows = {"filter": {"field": field, "oneOf": keep}}
            unit["transform"] = [keep_rows, *unit.get("transform", [])]
    return spec, j, len(bounds), len(order)


def rows_per_part(chart_height: int, font: float) -> int:
    """How many rows of a comparison fit a chart this high (two lines of labels per row, with
    room for the titles, axis and legend), at most ``MAX_ROWS``."""
    label_px = 24 * font
    return max(4, min(MAX_ROWS, int((chart_height - 330 * font) / (2.4 * label_px))))


def part_line(j: int, parts: int, rows_total: int, size: int = MAX_ROWS) -> str:
    """'deel 2 van 4 · rij 11-20 van 38' (Dutch, for the subtitle and the status)."""
    start, end = parts_of(rows_total, size)[j]
    return f"deel {j + 1} van {parts} · rij {start + 1}-{end} van {rows_total}"


def wrap_labels(spec: dict, width: int, font_px: float) -> None:
    """Long row labels in lines (never cut, so two rows never look alike): a label wider than
    ``LABEL_SHARE`` of the chart gets a Vega label expression that returns its lines."""
    found = rows(spec)
    if found is None:
        return
    field, order = found
    chars = max(int(width * LABEL_SHARE / (font_px * EM)), 12)
    long = {v: _lines(v, chars) for v in order if len(v) > chars}
    for unit in _units(spec):  # every row keeps its label (Vega drops overlapping ones)
        y = unit["encoding"].get("y")
        if isinstance(y, dict) and y.get("field") == field:
            y["axis"] = {**(y.get("axis") if isinstance(y.get("axis"), dict) else {})}
            y["axis"]["labelOverlap"] = False
    if not long:
        return
    expr = "datum.label"
    for value, lines in long.items():
        expr = f"datum.label === {json.dumps(value)} ? {json.dumps(lines)} : ({expr})"
    for unit in _units(spec):
        y = unit["encoding"].get("y")
        if isinstance(y, dict) and y.get("field") == field:
            axis = y.get("axis") if isinstance(y.get("axis"), dict) else {}
            axis.update(labelExpr=expr, labelLimit=0, labelLineHeight=round(font_px * 1.15))
            y["axis"] = axis


def wrap_subtitle(spec: dict, width: int, font_px: float) -> None:
    """A subtitle wrapped to the slide's width (the page wraps it for a phone)."""
    title = spec.get("title")
    if not isinstance(title, dict) or not title.get("subtitle"):
        return
    sub = title["subtitle"]
    text = sub if isinstance(sub, str) else " ".join(str(s) for s in sub)
    title["subtitle"] = _lines(text, int(width * 0.95 / (font_px * EM)))
