"""Maps: every region of a level drawn, coloured by class; no data and '<5' grey, in the legend.

The boundary features are the primary data: each feature looks up its row in a frame that has
one row per feature (built here), so a region without data still draws (grey, with its own
legend entry) instead of being dropped by Vega-Lite's filter on invalid values. Values are put
into a few classes (quantile breaks rounded to two significant digits) with Dutch labels, so a
reader can compare regions by the legend rather than by guessing a shade of a gradient.

Boundary layers are large (up to ~350 kB): they skip Altair's object model and are put into the
finished spec by ``attach`` (called from charts.to_spec), which saves ~0.7 s per map render.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import re
import threading
from collections import OrderedDict

import altair as alt
import pandas as pd

from dashboard import fmt
from dashboard.charts import HIGHLIGHT, NUMBER_FORMAT

# ColorBrewer "Blues" (blue stays blue for red-green colour blindness), five steps picked at
# about equal contrast (luminance ratio ~1.7 between neighbours); its near-white steps are left
# out so that no class can be taken for the light grey of "no data".
CLASS_COLOURS = ("#c6dbef", "#6baed6", "#3182bd", "#08519c", "#08306b")
NO_DATA_COLOUR = "#f0f0f0"  # light grey: no value for this region
SUPPRESSED_COLOUR = "#bdbdbd"  # mid grey: only '<5' cells (a value exists, it is not shown)
BOUNDARY = "#555555"  # every boundary, so grey regions and the coast are visible (dark: light)
NO_DATA = "geen gegevens"
NO_SCHOOL = "geen hogeschool"  # DUO maps: no hogeschool location with these programmes
SUPPRESSED = "<5 (afgeschermd)"
CLASS_FIELD = "klasse"
TEXT_FIELD = "waarde_label"


def _nice(x: float, finest: float = math.inf) -> float:
    """Round to two significant digits, or to ``finest`` when that step is smaller."""
    if x == 0:
        return 0.0
    step = min(10.0 ** (math.floor(math.log10(abs(x))) - 1), finest)
    return round(round(x / step) * step, 12)


def _places(x: float) -> int:
    """Decimals needed to print x exactly (at most 6)."""
    return next((d for d in range(7) if abs(round(x, d) - x) < 1e-9), 6)


def class_breaks(values: pd.Series, classes: int | None = None) -> list[float]:
    """Quantile breaks, rounded to two significant digits, or finer when the breaks lie close
    together (to the power of ten below a quarter of their spread, so an index with breaks from
    92 to 115 splits at 104, not 100); every class holds at least one value.

    Class i holds breaks[i-1] <= v < breaks[i]; the first is open below, the last open above.
    """
    v = pd.Series(values, dtype="float64").dropna().sort_values()
    distinct = v.nunique()
    if classes is None:
        classes = 5 if len(v) >= 20 else 4 if len(v) >= 8 else 3
    classes = min(classes, len(CLASS_COLOURS), distinct)
    if classes < 2:
        return []
    raw = [float(v.quantile(i / classes)) for i in range(1, classes)]
    spread = raw[-1] - raw[0] if raw[-1] > raw[0] else float(v.iloc[-1] - v.iloc[0])
    finest = 10.0 ** math.floor(math.log10(spread / 4))
    breaks: list[float] = []
    for q in raw:
        t = _nice(q, finest)
        low = breaks[-1] if breaks else -math.inf
        if t > low and ((v >= low) & (v < t)).any() and (v >= t).any():
            breaks.append(t)
    return breaks


def _decimals(value_format: str) -> int:
    m = re.search(r"\.(\d+)f", value_format)
    return int(m.group(1)) if m else 0


def class_labels(
    breaks: list[float], value_format: str = NUMBER_FORMAT, values: pd.Series | None = None
) -> list[str]:
    """Dutch labels, as CBS writes them: 'minder dan 100', '100 tot 500', '500 of meer'.

    Without breaks (one distinct value, or values too close to split) the one class is named
    by the range of ``values`` ('12' or '12 tot en met 14').
    """
    if not breaks:
        v = pd.Series(values if values is not None else [], dtype="float64").dropna()
        if v.empty:
            return []
        shown = _decimals(value_format)
        low, high = fmt.number(v.min(), shown), fmt.number(v.max(), shown)
        return [low if low == high else f"{low} tot en met {high}"]
    decimals = max(_places(t) for t in breaks)  # one precision for every label of the map

    def text(t: float) -> str:
        return fmt.number(t, decimals)

    labels = [f"minder dan {text(breaks[0])}"]
    labels += [f"{text(a)} tot {text(b)}" for a, b in itertools.pairwise(breaks)]
    labels.append(f"{text(breaks[-1])} of meer")
    return labels


def class_colours(n: int) -> list[str]:
    """n colours spread over the ramp (light to dark), so neighbouring classes stay apart."""
    steps = {0: (), 1: (2,), 2: (0, 3), 3: (0, 2, 4), 4: (0, 1, 2, 4), 5: (0, 1, 2, 3, 4)}[n]
    return [CLASS_COLOURS[i] for i in steps]


def map_frame(
    features: list[dict],
    df: pd.DataFrame,
    value: str,
    value_format: str = NUMBER_FORMAT,
    label_field: str | None = None,
    no_data: str = NO_DATA,
) -> tuple[pd.DataFrame, list[str], list[str]]:
    """One row per feature: value, class and tooltip text; with the legend domain and colours.

    A region whose value is missing is ``no_data`` unless the frame says it holds only '<5'
    cells (``is_suppressed_only``): then it is ``SUPPRESSED``, never a class and never 0.
    """
    codes = [f["properties"]["region_code"] for f in features]
    keep = ["region_code", value, *([label_field] if label_field else [])]
    if "is_suppressed_only" in df.columns:
        keep.append("is_suppressed_only")
    rows = df[keep].drop_duplicates("region_code").set_index("region_code")
    frame = rows.reindex(codes)
    frame.index.name = "region_code"
    vals = pd.to_numeric(frame[value], errors="coerce")
    breaks = class_breaks(vals)
    labels = class_labels(breaks, value_format, vals)
    index = pd.Series(0, index=frame.index)
    for t in breaks:
        index += (vals >= t).astype(int)
    suppressed = (
        frame["is_suppressed_only"].fillna(False).astype(bool)
        if "is_suppressed_only" in frame.columns
        else pd.Series(False, index=frame.index)
    )
    klasse = [
        labels[i] if not math.isnan(x) else SUPPRESSED if s else no_data
        for i, x, s in zip(index, vals, suppressed, strict=True)
    ]
    decimals = _decimals(value_format)
    own = frame[label_field] if label_field else pd.Series(None, index=frame.index)
    text = [
        str(t) if isinstance(t, str) and t else k if math.isnan(x) else fmt.number(x, decimals)
        for t, x, k in zip(own, vals, klasse, strict=True)
    ]
    out = pd.DataFrame(
        {"region_code": codes, value: vals.to_numpy(), CLASS_FIELD: klasse, TEXT_FIELD: text}
    )
    present = set(klasse)
    colours = class_colours(len(labels))
    domain, scheme = list(labels), colours
    for name, colour in ((SUPPRESSED, SUPPRESSED_COLOUR), (no_data, NO_DATA_COLOUR)):
        if name in present:
            domain.append(name)
            scheme.append(colour)
    return out, domain, scheme


_LEGEND = alt.Legend(
    orient="bottom",
    direction="horizontal",
    columns=2,
    symbolType="square",
    symbolSize=200,
    symbolStrokeColor=BOUNDARY,
    symbolStrokeWidth=0.7,
    titleLimit=600,
    labelColor="#222222",
    titleColor="#222222",
    labelLimit=260,
    columnPadding=24,
)


def _highlight(shapes: alt.Chart, code: str, many: bool) -> list[alt.Chart]:
    """The chosen region's outline: a white halo under the orange line (visible on any class)."""
    chosen = shapes.transform_filter(
        alt.FieldEqualPredicate(field="properties.region_code", equal=code)
    )
    halo, line = (3.5, 2) if many else (5, 2.5)
    return [
        chosen.mark_geoshape(fill=None, stroke="white", strokeWidth=halo),
        chosen.mark_geoshape(fill=None, stroke=HIGHLIGHT, strokeWidth=line),
    ]


def choropleth(
    features: list[dict],
    df: pd.DataFrame,
    value: str,
    value_title: str,
    value_format: str = NUMBER_FORMAT,
    highlight: str | None = None,
    height: int = 560,
    label_field: str | None = None,
    no_data: str = NO_DATA,
) -> alt.LayerChart:
    """Every region of ``features`` coloured by the class of ``value`` (df keyed on region_code).

    ``label_field`` holds the value as text for the tooltip ("minimaal 12", "<5", "geen ...");
    ``no_data`` names the grey of regions without a value in the legend ("geen hogeschool").
    ``height`` includes the legend under the map (about 110 px).
    """
    frame, domain, colours = map_frame(features, df, value, value_format, label_field, no_data)
    name = _register_geo(features)
    # The lookup rows travel like the boundaries, as a named dataset put in by ``attach``:
    # inline (or in usermeta) Altair copies and walks every row (~0.25 s per map).
    rows = _register_rows(name, frame)
    shapes = alt.Chart(alt.NamedData(name=name)).transform_lookup(
        lookup="properties.region_code",
        from_=alt.LookupData(
            alt.NamedData(name=rows), "region_code", [value, CLASS_FIELD, TEXT_FIELD]
        ),
    )
    many = len(features) > 100
    filled = shapes.mark_geoshape(stroke=BOUNDARY, strokeWidth=0.3 if many else 0.7).encode(
        color=alt.Color(
            f"{CLASS_FIELD}:N",
            title=value_title,
            scale=alt.Scale(domain=domain, range=colours),
            sort=domain,
            legend=_LEGEND,
        ),
        tooltip=[
            alt.Tooltip("properties.region_name:N", title="Regio"),
            alt.Tooltip(f"{TEXT_FIELD}:N", title=value_title),
            alt.Tooltip(f"{CLASS_FIELD}:N", title="Klasse"),
        ],
    )
    layers = [filled, *(_highlight(shapes, highlight, many) if highlight else [])]
    return (
        alt.layer(*layers)
        .project("mercator")
        .properties(
            height=height,
            width="container",
            usermeta={"swic_geo": [name, rows]},
        )
    )


_GEO_DATASETS: dict[str, list[dict]] = {}
_ROWS: OrderedDict[str, list[dict]] = OrderedDict()  # one entry per map drawn recently
_ROWS_KEPT = 256  # sessions run in threads: a map is attached milliseconds after it is built
_LOCK = threading.Lock()


def _register_geo(features: list[dict]) -> str:
    first = features[0]["properties"]["region_code"] if features else "leeg"
    name = f"geo_{first}_{len(features)}"
    _GEO_DATASETS.setdefault(name, list(features))
    return name


def _register_rows(geo_name: str, frame: pd.DataFrame) -> str:
    """Keep a map's lookup rows under a name derived from their content (a bounded cache)."""
    text = frame.to_json(orient="records", double_precision=15)
    name = f"{geo_name}_rows_{hashlib.sha256(text.encode()).hexdigest()[:16]}"
    with _LOCK:
        _ROWS[name] = json.loads(text)
        _ROWS.move_to_end(name)
        while len(_ROWS) > _ROWS_KEPT:
            _ROWS.popitem(last=False)
    return name


def attach(spec: dict, names: list[str]) -> dict:
    """Put the boundary layers and lookup rows a map refers to into its spec as datasets."""
    if names:
        spec.setdefault("datasets", {})
        for name in names:
            spec["datasets"][name] = _GEO_DATASETS[name] if name in _GEO_DATASETS else _ROWS[name]
    return spec
