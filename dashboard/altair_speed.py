"""Altair made fast for our use, installed once at import (no Streamlit, no chart logic).

Two measured costs of building a chart are removed: Altair's column-by-column data sanitizing
and its per-call rebuild of the Vega-Lite schema table. Specs stay identical (the tests
validate every chart spec against the schema).
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
        out = object.__new__(type(self))
        out.__dict__.update(self.__dict__)
        object.__setattr__(out, "_kwds", dict(self._kwds))
        return out

    copy._swic_shallow = True  # type: ignore[attr-defined]
    alt.LayerChart.copy = copy  # type: ignore[method-assign]


_shallow_layer_copies()
