"""Pure DataFrame -> Altair chart functions. Dutch labels and formats, one palette. No Streamlit."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard import charts_layout, fmt
from dashboard.altair_speed import layered  # also charts.layered for the chart modules
from dashboard.altair_speed import light_copy as _light_copy  # installs itself on import

# Okabe-Ito: colour-blind safe, distinguishable in grey scale by order
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
SEQUENTIAL = "blues"
HIGHLIGHT = "#D55E00"
FONT = "Source Sans Pro, Arial, sans-serif"
NUMBER_FORMAT = ",.0f"
DECIMAL_FORMAT = ",.1f"

MEASURE_LABELS = {
    "enrolled": "Ingeschreven studenten",
    "first_years": "Eerstejaars",
    "graduates": "Gediplomeerden",
}
CATEGORY_LABELS = {
    "programme_group": "Opleidingsgroep",
    "programme": "Opleiding",
    "study_mode": "Opleidingsvorm",
    "gender": "Geslacht",
    "institution": "Hogeschool",
}


# Dark ink used in specs (axis text, labels, rules) and its replacement on a dark background.
DARK_THEME_INK = {
    "#111111": "#f2f2f2",
    "#222222": "#e8e8e8",
    "#333333": "#d6d6d6",
    "#555555": "#bdbdbd",
    "#e3e3e3": "#4a4a4a",
}


def for_theme(spec: object, dark: bool) -> object:
    """Return the spec with dark ink swapped for light ink when the page is dark."""
    if not dark:
        return spec
    if isinstance(spec, dict):
        return {k: for_theme(v, dark) for k, v in spec.items()}
    if isinstance(spec, list):
        return [for_theme(v, dark) for v in spec]
    if isinstance(spec, str):
        return DARK_THEME_INK.get(spec.lower(), spec)
    return spec


def config(large: bool = False) -> dict:
    """The shared Vega-Lite config: Dutch locale, palette, fonts, sizes (plain dict, cheap)."""
    size = 24 if large else 13
    return {
        "locale": {"number": dict(fmt.VEGA_NUMBER_LOCALE), "time": dict(fmt.VEGA_TIME_LOCALE)},
        "font": FONT,
        "range": {"category": list(PALETTE)},
        "axis": {
            "labelFontSize": size,
            "titleFontSize": size,
            "labelColor": "#222222",
            "titleColor": "#222222",
            "gridColor": "#e3e3e3",
            "labelLimit": 420 if large else 180,
        },
        "legend": {
            "labelFontSize": size,
            "titleFontSize": size,
            "labelLimit": 900 if large else 320,
            "orient": "bottom",
            "direction": "vertical",
            **({"symbolSize": 240} if large else {}),
        },
        "view": {"stroke": None},
        "title": {
            "fontSize": size + (12 if large else 4),
            "subtitleFontSize": size,
            "subtitleColor": "#333333",
            "color": "#111111",
        },
        **({"text": {"fontSize": size - 2}} if large else {}),
    }


# Titles wrap instead of being cut. Vega cannot wrap text, so to_spec gives a long title one
# variant per line length and lets the chart pick by its container width (phone ... wide screen);
# subtitles (no expression allowed there) wrap at a measure that fits a phone.
def _meta(chart: alt.TopLevelMixin) -> dict:
    meta = getattr(chart, "usermeta", alt.Undefined)
    return dict(meta) if isinstance(meta, dict) else {}


def finish(
    chart: alt.TopLevelMixin, title: str = "", subtitle: str | list[str] = "", large: bool = False
) -> alt.TopLevelMixin:
    """Title the chart and mark it for the shared config (Dutch locale, palette, fonts).

    The config itself is attached as a plain dict by to_spec: Altair's configure_* calls copy
    the whole chart object each time and cost tens of milliseconds per rerun.
    """
    out = _light_copy(chart)
    if title:
        out.title = alt.TitleParams(title, subtitle=subtitle or [], anchor="start")
    out.usermeta = {**_meta(chart), "swic_size": "large" if large else "normal"}
    return out


def enlarge(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """Presentation size: readable from the back of a room (fonts ~2x, taller plot)."""
    out = _light_copy(chart)
    height = getattr(chart, "height", alt.Undefined)
    out.usermeta = {**_meta(chart), "swic_size": "large"}
    if isinstance(height, int):
        out.height = max(height, 640)
    return out


def trend(
    df: pd.DataFrame,
    y: str,
    y_title: str,
    series: str | None = None,
    series_title: str = "",
    x: str = "year",
    x_title: str = "Jaar",
    break_field: str | None = None,
    label_field: str | None = None,
) -> alt.LayerChart:
    """Line + points per year. ``break_field`` (e.g. definition) splits the line: no silent join.

    ``label_field`` holds the value as text for the tooltip ("minimaal 1.234" for a lower bound).
    """
    base = alt.Chart()  # the data sits on the layer (charts.layered)
    detail = []
    color = alt.value(PALETTE[0])
    if series:
        color = alt.Color(
            f"{series}:N", title=series_title or None, legend=alt.Legend(orient="bottom")
        )
    if break_field:
        detail = [alt.Detail(f"{break_field}:N")]
    tooltip = [
        alt.Tooltip(f"{x}:O", title=x_title),
        alt.Tooltip(f"{label_field}:N", title=y_title)
        if label_field
        else alt.Tooltip(f"{y}:Q", title=y_title, format=NUMBER_FORMAT),
    ]
    if series:
        tooltip.append(alt.Tooltip(f"{series}:N", title=series_title))
    if break_field:
        tooltip.append(alt.Tooltip(f"{break_field}:N", title="Definitie"))
    enc = {
        "x": alt.X(f"{x}:O", title=x_title, axis=alt.Axis(labelAngle=0)),
        "y": alt.Y(
            f"{y}:Q", title=y_title, axis=alt.Axis(format=NUMBER_FORMAT), scale=alt.Scale(zero=True)
        ),
        "color": color,
        "tooltip": tooltip,
    }
    line = base.mark_line(strokeWidth=3).encode(*detail, **enc)
    shape = (
        alt.Shape(
            f"{break_field}:N",
            title="Definitie",
            legend=alt.Legend(orient="bottom", labelLimit=480),
        )
        if break_field
        else alt.value("circle")
    )
    points = base.mark_point(size=80, filled=True).encode(shape=shape, **enc)
    return layered(df, line, points, height=420, width="container")


def break_rule(year_after: int, label: str) -> alt.LayerChart:
    """A dashed vertical marker between two years where a definition changes."""
    df = pd.DataFrame({"year": [year_after], "label": [label]})
    rule = (
        alt.Chart()
        .mark_rule(strokeDash=[6, 4], color="#555555", strokeWidth=2)
        .encode(x=alt.X("year:O"))
    )
    text = (
        alt.Chart()
        .mark_text(align="left", dx=4, dy=-6, fontSize=12, color="#333333", baseline="bottom")
        .encode(x="year:O", y=alt.value(0), text="label:N")
    )
    return layered(df, rule, text)


def bars(
    df: pd.DataFrame,
    category: str,
    value: str,
    value_title: str,
    category_title: str = "",
    highlight: str | None = None,
    value_format: str = NUMBER_FORMAT,
    label_field: str | None = None,
) -> alt.LayerChart:
    """Horizontal bars sorted by value, with the value printed at the end of each bar."""
    colour = alt.value(PALETTE[0])
    if highlight is not None:
        colour = alt.condition(
            alt.datum[category] == highlight, alt.value(HIGHLIGHT), alt.value(PALETTE[0])
        )
    base = alt.Chart().encode(
        y=alt.Y(
            f"{category}:N", sort="-x", title=category_title or None, axis=alt.Axis(labelLimit=320)
        ),
        x=alt.X(f"{value}:Q", title=value_title, axis=alt.Axis(format=value_format)),
        tooltip=[
            alt.Tooltip(f"{category}:N", title=category_title or "Categorie"),
            alt.Tooltip(f"{label_field}:N", title=value_title)
            if label_field
            else alt.Tooltip(f"{value}:Q", title=value_title, format=value_format),
        ],
    )
    bar = base.mark_bar().encode(color=colour)
    text = base.mark_text(align="left", dx=4, fontSize=12, color="#222222").encode(
        text=alt.Text(f"{label_field}:N")
        if label_field
        else alt.Text(f"{value}:Q", format=value_format)
    )
    return layered(df, bar, text, height=alt.Step(24), width="container")


def to_spec(chart: alt.TopLevelMixin) -> dict:
    """The Vega-Lite dict of a chart, without re-validation, with boundary layers attached."""
    spec = chart.to_dict(validate=False)
    meta = spec.get("usermeta") or {}
    large = meta.get("swic_size") == "large"
    spec["config"] = {**config(large=large), **spec.get("config", {})}
    charts_layout.wrap_titles(spec, config(large)["title"]["fontSize"])
    if not large:
        charts_layout.narrow_limits(spec)
        # fit the width, grow in height: Streamlit's default "fit" squeezes the plot under a
        # title that wraps to several lines on a narrow chart (and clips the title's top)
        spec.setdefault("autosize", {"type": "fit-x", "contains": "padding"})
    from dashboard import charts_geo  # the map module builds on this one

    return charts_geo.attach(spec, meta.get("swic_geo", []))
