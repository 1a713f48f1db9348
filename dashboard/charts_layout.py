"""Chart titles and labels that fit any width: wrapped titles, narrower limits on a phone.

Pure spec transforms (no Streamlit), applied by charts.to_spec.
"""

from __future__ import annotations

import json
import textwrap

TITLE_LINE_CHARS = (32, 40, 54, 72, 100)
TITLE_EM_PER_CHAR = 0.55  # bold title font: mean advance per character (measured ~0.51)
SUBTITLE_CHARS = 54


def _lines(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [text]


def _title_text(text: str, font_size: int) -> object:
    """A title that fits: plain text when short, else a width-dependent list of lines."""
    if len(text) <= TITLE_LINE_CHARS[0]:
        return text
    px = font_size * TITLE_EM_PER_CHAR
    width = "containerSize()[0]"
    # widest variant first; an unknown width (static export: 0 or none) takes the widest
    expr = json.dumps(_lines(text, TITLE_LINE_CHARS[0]), ensure_ascii=False)
    for chars in TITLE_LINE_CHARS[1:]:
        variant = json.dumps(_lines(text, chars), ensure_ascii=False)
        expr = f"{width} >= {round(chars * px)} ? {variant} : ({expr})"
    return {"expr": f"!({width} > 0) ? {variant} : ({expr})"}


NARROW_PX = 600  # below this container width (a phone) long axis/legend labels get less room
NARROW_LABEL_LIMIT = 130  # axis labels: the bars keep the rest of the width
NARROW_LEGEND_LIMIT = 290  # legends sit below the plot (orient bottom) and have the full width
NARROW_SIDE_LEGEND_LIMIT = 110  # a legend beside the plot (orient right) shares the width


def narrow_limits(node: object, limit: int = NARROW_LABEL_LIMIT) -> None:
    """Label limits that fit the container: on a phone a 320-460 px axis label would leave no
    room for the bars (and cut the chart); there it is limited to ``limit`` px."""
    if isinstance(node, dict):
        for key, value in node.items():
            number = isinstance(value, int | float)
            w = "containerSize()[0]"
            narrow = f"{w} > 0 && {w} < {NARROW_PX}"
            if key == "labelLimit" and number and value > limit:
                node[key] = {"expr": f"{narrow} ? {limit} : {value}"}
            elif key == "legend" and isinstance(value, dict):
                # a row of entries wider than a phone gets one entry per line there; a legend
                # beside the plot keeps its side (the chart height is fixed: below, it would
                # squeeze the plot) but gives up label width
                wide = value.get("columns", 0 if value.get("direction") == "horizontal" else 1)
                if isinstance(wide, int):
                    value["columns"] = {"expr": f"{narrow} ? 1 : {wide}"}
                side = value.get("orient") in ("left", "right")
                narrow_limits(value, NARROW_SIDE_LEGEND_LIMIT if side else NARROW_LEGEND_LIMIT)
            else:
                narrow_limits(value, NARROW_LEGEND_LIMIT if key == "legend" else limit)
    elif isinstance(node, list):
        for value in node:
            narrow_limits(value, limit)


def wrap_titles(spec: dict, font_size: int) -> None:
    title = spec.get("title")
    if not isinstance(title, dict):
        return
    text = title.get("text")
    if isinstance(text, list) and all(isinstance(t, str) for t in text):
        text = " ".join(text)  # lines wrapped by a page for one width: re-wrapped for any width
    if isinstance(text, str):
        spec.setdefault("description", text)  # the SVG's accessible name (aria-label)
        title["text"] = _title_text(text, font_size)
        title.setdefault("frame", "bounds")  # measured against the whole chart, not the plot
    sub = title.get("subtitle")
    if sub:
        lines = [sub] if isinstance(sub, str) else list(sub)
        title["subtitle"] = [w for line in lines for w in _lines(line, SUBTITLE_CHARS)]


# Presentation: the plot takes the slide's height (the chart container is sized by
# present.css), labels and legends are never cut, and high contrast is in the spec itself.
SLIDE_AXIS_LABEL_LIMIT = 760  # px on a full-HD slide: long category names stay whole
CONTRAST_INK = "#000000"
CONTRAST_GRID = "#8a8a8a"
CONTRAST_STROKE = 5  # line width in high contrast (default lines are 2 px)


def _unlimit(node: object) -> None:
    """Undo the page's label limits (and their phone expressions) for a wide slide."""
    if isinstance(node, dict):
        for key, value in list(node.items()):
            if key == "labelLimit":
                node[key] = 0 if value == 0 else SLIDE_AXIS_LABEL_LIMIT
            elif key == "legend" and isinstance(value, dict):
                value["labelLimit"] = 0  # 0: no limit, the legend wraps into columns
                if isinstance(value.get("columns"), dict):
                    value.pop("columns")
                _unlimit(value)
            else:
                _unlimit(value)
    elif isinstance(node, list):
        for value in node:
            _unlimit(value)


def _thicken(node: object) -> None:
    """High contrast: thicker lines and larger points, black text marks, in every layer."""
    if isinstance(node, dict):
        mark = node.get("mark")
        if isinstance(mark, str):
            mark = node["mark"] = {"type": mark}
        if isinstance(mark, dict):
            kind = mark.get("type")
            if kind in ("line", "rule", "trail"):
                mark["strokeWidth"] = max(float(mark.get("strokeWidth", 2) or 2), CONTRAST_STROKE)
            elif kind in ("point", "circle", "square"):
                mark["size"] = max(float(mark.get("size", 60) or 60), 220)
                mark["strokeWidth"] = 3
            elif kind == "text":
                mark["color"] = CONTRAST_INK
                mark["fontWeight"] = "bold"
            elif kind in ("bar", "arc", "rect", "geoshape"):
                mark["stroke"] = CONTRAST_INK
                mark["strokeWidth"] = max(float(mark.get("strokeWidth", 0) or 0), 1.5)
        for value in node.values():
            _thicken(value)
    elif isinstance(node, list):
        for value in node:
            _thicken(value)


_FONT_KEYS = ("fontSize", "labelFontSize", "titleFontSize", "subtitleFontSize", "symbolSize")


def _scale_fonts(config: dict, factor: float) -> None:
    """The enlarged chart's font sizes (made for full HD) scaled to a smaller screen."""
    for section in config.values():
        if isinstance(section, dict):
            for key in _FONT_KEYS:
                if isinstance(section.get(key), int | float):
                    power = 2 if key == "symbolSize" else 1  # an area
                    section[key] = round(section[key] * factor**power, 1)


def for_slide(
    spec: dict, contrast: bool = False, size: tuple[int, int] | None = None, font: float = 1.0
) -> dict:
    """A finished spec (charts.to_spec of an enlarged chart) made into a slide.

    ``size``: the chart's (width, height) in px, the whole chart (titles, legend) fitted into
    it; ``font`` scales the enlarged fonts (1 on full HD)."""
    spec = json.loads(json.dumps(spec))  # a private copy: the page's spec stays as it is
    if size is None:
        spec["height"] = "container"
        spec["autosize"] = {"type": "fit", "contains": "padding", "resize": True}
    else:
        spec["width"], spec["height"] = size
        spec["autosize"] = {"type": "fit", "contains": "padding"}
    for layer in spec.get("layer", []) or []:
        if isinstance(layer, dict) and isinstance(layer.get("height"), int | float | dict):
            layer.pop("height")
    _unlimit(spec)
    config = spec.setdefault("config", {})
    config.setdefault("legend", {})["labelLimit"] = 0
    if font != 1.0:
        _scale_fonts(config, font)
    if contrast:
        _thicken(spec)
        for part in ("axis", "legend", "title", "header"):
            section = config.setdefault(part, {})
            for key in ("labelColor", "titleColor", "color", "subtitleColor"):
                section[key] = CONTRAST_INK
        config["axis"]["gridColor"] = CONTRAST_GRID
        config["axis"]["domainColor"] = CONTRAST_INK
        config["axis"]["tickColor"] = CONTRAST_INK
        config["axis"]["domainWidth"] = 2
        config["line"] = {**config.get("line", {}), "strokeWidth": CONTRAST_STROKE}
        config["text"] = {**config.get("text", {}), "color": CONTRAST_INK}
    return spec
