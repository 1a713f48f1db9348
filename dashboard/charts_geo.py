"""Maps: regions coloured by a value (grey = none); boundary layers travel as named datasets.

Boundary layers are large (up to ~350 kB): they skip Altair's object model and are put into the
finished spec by ``attach`` (called from charts.to_spec), which saves ~0.7 s per map render.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts import HIGHLIGHT, NUMBER_FORMAT, SEQUENTIAL


def choropleth(
    features: list[dict],
    df: pd.DataFrame,
    value: str,
    value_title: str,
    value_format: str = NUMBER_FORMAT,
    highlight: str | None = None,
    height: int = 460,
    label_field: str | None = None,
) -> alt.LayerChart:
    """Regions coloured by ``value`` (df keyed on region_code); grey = no data.

    ``label_field`` holds the value as text for the tooltip ("minimaal 12", "<5", "geen ...").
    """
    lookup_fields = ["region_name", value, *([label_field] if label_field else [])]
    name = _register_geo(features)
    shapes = (
        alt.Chart(alt.NamedData(name=name))
        .transform_lookup(
            lookup="properties.region_code",
            from_=alt.LookupData(df, "region_code", lookup_fields),
        )
        .transform_calculate(
            has_value=f"isValid(datum['{value}'])",
        )
    )
    filled = shapes.mark_geoshape(stroke="white", strokeWidth=0.6).encode(
        color=alt.condition(
            f"isValid(datum['{value}'])",
            alt.Color(
                f"{value}:Q",
                title=value_title,
                scale=alt.Scale(scheme=SEQUENTIAL),
                legend=alt.Legend(format=value_format, orient="right", direction="vertical"),
            ),
            alt.value("#d9d9d9"),
        ),
        tooltip=[
            alt.Tooltip("region_name:N", title="Regio"),
            alt.Tooltip(f"{label_field}:N", title=value_title)
            if label_field
            else alt.Tooltip(f"{value}:Q", title=value_title, format=value_format),
        ],
    )
    layers = [filled]
    if highlight:
        layers.append(
            shapes.transform_filter(
                alt.FieldEqualPredicate(field="properties.region_code", equal=highlight)
            ).mark_geoshape(fill=None, stroke=HIGHLIGHT, strokeWidth=3.5)
        )
    return (
        alt.layer(*layers)
        .project("mercator")
        .properties(height=height, width="container", usermeta={"swic_geo": [name]})
    )


_GEO_DATASETS: dict[str, list[dict]] = {}


def _register_geo(features: list[dict]) -> str:
    first = features[0]["properties"]["region_code"] if features else "leeg"
    name = f"geo_{first}_{len(features)}"
    _GEO_DATASETS.setdefault(name, list(features))
    return name


def attach(spec: dict, names: list[str]) -> dict:
    """Put the boundary layers a map refers to into its spec as named datasets."""
    if names:
        spec.setdefault("datasets", {})
        for name in names:
            spec["datasets"][name] = _GEO_DATASETS[name]
    return spec
