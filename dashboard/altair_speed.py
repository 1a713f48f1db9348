"""Altair made fast for our use, installed once at import (no Streamlit, no chart logic).

Measured costs of building a chart are removed: Altair's column-by-column data sanitizing, its
per-call rebuild of the Vega-Lite schema table, and the deep copies (and DataFrame hashing) of
layer charts in ``alt.layer``, ``.properties()`` and ``to_dict`` (``light_copy``, ``layered``;
profiles in the #20 note). Specs stay identical (the tests validate every chart spec against the
schema).
"""

from __future__ import annotations

import json

import altair as alt
import pandas as pd
from altair.vegalite.data import default_data_transformer


def _fast_values(data: object) -> object:
    """Altair data transformer: DataFrame -> inline values via pandas' C JSON writer.

    Altair's default sanitizes the frame column by column (~75% of to_dict time, ~10 ms per
    chart); to_json gives the same JSON types (NaN/NA -> null, ISO dates) much faster.
    """
    if isinstance(data, pd.DataFrame):
        text = data.to_json(orient="records", date_format="iso", double_precision=15)
        return {"values": json.loads(text)}
    return default_data_transformer(data)


alt.data_transformers.register("swic_fast", _fast_values)
alt.data_transformers.enable("swic_fast")


def _build_schema_table_once() -> None:
    """Altair's SchemaBase.from_dict (used by encode, condition, layer) rebuilds a hash table of
    every Vega-Lite schema (~570 JSON dumps) on each call: ~35% of building a chart. The table
    depends only on the SchemaBase subclasses, which are fixed once Altair is imported, so it is
    built once and reused. Tests validate every chart spec against the schema as before."""
    from altair.utils import schemapi

    original = schemapi._FromDict.__init__
    if getattr(original, "_swic_cached", False):
        return
    table: dict[str, dict] = {}

    def cached_init(self: object, wrapper_classes: object, /) -> None:
        if "all" not in table:
            original(self, wrapper_classes)
            table["all"] = self.class_dict
        else:
            self.class_dict = table["all"]

    cached_init._swic_cached = True  # type: ignore[attr-defined]
    schemapi._FromDict.__init__ = cached_init


_build_schema_table_once()


def _shallow_layer_copies() -> None:
    """``LayerChart.copy(deep=False)`` (called by every ``to_dict``, also for each nested layer
    chart) re-runs the LayerChart constructor, which deep-copies every layer twice to merge
    selection parameters that were merged when the chart was built: a fifth of a chart page's
    rerun CPU (py-spy, the #20 note). On a built chart that merge changes nothing, so a shallow
    copy is the same object Altair would make: a new chart with its own top-level keys that
    shares the layers. Deep copies and copies of other classes are Altair's own."""
    original = alt.LayerChart.copy
    if getattr(original, "_swic_shallow", False):
        return

    def copy(self: alt.LayerChart, deep: object = True, ignore: object = None) -> alt.LayerChart:
        if deep is not False or ignore:
            return original(self, deep, ignore)
        return light_copy(self)

    copy._swic_shallow = True  # type: ignore[attr-defined]
    alt.LayerChart.copy = copy  # type: ignore[method-assign]


_shallow_layer_copies()


# --------------------------------------------------------------- cheap copies and layers


def light_copy(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """A new chart object sharing the layers/encodings, with its own top-level properties.

    ``chart.properties()`` copies through the class constructor (LayerChart re-merges every
    layer's params) and validates each property against the JSON schema: ~40% of building a
    layered chart on every rerun. Only top-level keys are set here, so sharing the rest is safe;
    the tests validate every finished spec against the schema.
    """
    out = object.__new__(type(chart))
    out.__dict__.update(chart.__dict__)
    object.__setattr__(out, "_kwds", dict(chart._kwds))
    return out


def layered(
    data: pd.DataFrame | None, *layers: alt.TopLevelMixin, **props: object
) -> alt.LayerChart:
    """Layers over one table (``data``: the table on the layer, layers built on ``alt.Chart()``),
    or, with ``data=None``, charts drawn over each other (each keeping its own data).

    ``alt.layer`` deep-copies every sub-chart twice to merge selection parameters and, when each
    sub-chart holds the same DataFrame, hashes each through the DataFrame's full text rendering
    to hoist it: together half of a chart page's rerun CPU in a profile (py-spy, the #20 note).
    Our layers carry no parameters, so there is nothing to merge or hoist: the layers are set
    as they are (a size on a layer moves up, as alt.layer does), and ``props`` (height, width)
    are set without ``.properties()``, which would copy and merge all layers once more. The
    Vega-Lite spec is the same (tests/unit/test_rerun_cost.py); the tests validate every page's
    specs against the schema.
    """
    table = alt.Undefined if data is None else data
    lifted = _lifted_sizes(layers)
    if lifted is None or any(_kwd(layer, "params") is not alt.Undefined for layer in layers):
        return alt.layer(*layers, data=table).properties(**props)
    out = alt.LayerChart(data=table, layer=[])
    out.layer = [_without(layer, lifted) for layer in layers]
    for key, value in {**lifted, **props}.items():
        setattr(out, key, value)
    return out


_SIZES = ("height", "width", "view")  # what alt.layer lifts from the layers to the layer chart


def _kwd(chart: alt.TopLevelMixin, key: str) -> object:
    return chart._kwds.get(key, alt.Undefined)


def _lifted_sizes(layers: tuple[alt.TopLevelMixin, ...]) -> dict | None:
    """The sizes the layers agree on (None: they disagree; alt.layer then says so)."""
    out: dict = {}
    for key in _SIZES:
        values = [v for v in (_kwd(layer, key) for layer in layers) if v is not alt.Undefined]
        if any(v != values[0] for v in values[1:]):
            return None
        if values:
            out[key] = values[0]
    return out


def _without(chart: alt.TopLevelMixin, keys: dict) -> alt.TopLevelMixin:
    if not any(_kwd(chart, k) is not alt.Undefined for k in keys):
        return chart
    out = light_copy(chart)
    for key in keys:
        out._kwds[key] = alt.Undefined
    return out
