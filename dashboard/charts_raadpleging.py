"""Pure Altair charts for the Raadpleging page (answer distributions, two rounds). No Streamlit.

Input frames are prepared by pages/raadpleging/; labels (``label``) are already
formatted in Dutch (with the "≈" prefix for hedged values and the "*" suffix for values inferred
from the order of chart labels). Optional columns shown in the tooltip: ``line`` (report line),
``origin`` (where the figure comes from: the report text, inferred from chart labels, or another
source) and, in the dumbbell, ``note``.
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd

from dashboard.charts import PALETTE, layered

CURRENT_COLOUR = PALETTE[0]  # blue
PREVIOUS_COLOUR = PALETTE[1]  # orange
OTHER_YEAR_COLOUR = "#7f7f7f"
STEP = 24


@dataclass(frozen=True)
class Rounds:
    """The labels of the two survey rounds as they appear in ``year_label`` (from the catalog)."""

    current: str
    previous: str = ""


def _extra_tooltips(df: pd.DataFrame) -> list[alt.Tooltip]:
    out = []
    if "origin" in df:
        out.append(alt.Tooltip("origin:N", title="Herkomst"))
    if "line" in df:
        out.append(alt.Tooltip("line:Q", title="Regel in het rapport", format="d"))
    if "note" in df:
        out.append(alt.Tooltip("note:N", title="Toelichting"))
    return out


def year_scale(years: list[str], rounds: Rounds) -> alt.Scale:
    """The current round blue, the previous round orange, any context year (other study) grey."""
    colours = {rounds.current: CURRENT_COLOUR, rounds.previous: PREVIOUS_COLOUR}
    return alt.Scale(domain=years, range=[colours.get(y, OTHER_YEAR_COLOUR) for y in years])


def distribution(df: pd.DataFrame, value_title: str = "% van de respondenten") -> alt.LayerChart:
    """A 100%-stacked horizontal bar per survey year for a single-answer (Likert-type) question.

    Columns: ``year_label``, ``answer_label``, ``answer_rank`` (report order), ``value``,
    ``label`` (formatted), ``show_label`` (bool: segment wide enough for its label).
    """
    order = df.sort_values("answer_rank")["answer_label"].drop_duplicates().tolist()
    total = float(df.groupby("year_label")["value"].sum().max()) if len(df) else 100.0
    years = sorted(df["year_label"].unique().tolist(), reverse=True)
    base = (
        alt.Chart()
        .transform_stack(
            stack="value",
            groupby=["year_label"],
            as_=["x_start", "x_end"],
            sort=[alt.SortField("answer_rank", order="ascending")],
        )
        .transform_calculate(x_mid="(datum.x_start + datum.x_end) / 2")
    )
    y = alt.Y("year_label:N", title="Jaar", sort=years, axis=alt.Axis(labelAngle=0))
    bar = base.mark_bar(stroke="white", strokeWidth=1).encode(
        y=y,
        x=alt.X(
            "x_start:Q",
            title=value_title,
            scale=alt.Scale(domain=[0, max(100.0, total)], nice=False),
            axis=alt.Axis(format=",.0f"),
        ),
        x2="x_end:Q",
        color=alt.Color(
            "answer_label:N",
            title="Antwoord",
            sort=order,
            scale=alt.Scale(domain=order, range=_cycle(PALETTE, len(order))),
            legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=520),
        ),
        tooltip=[
            alt.Tooltip("year_label:N", title="Jaar"),
            alt.Tooltip("answer_label:N", title="Antwoord"),
            alt.Tooltip("label:N", title="Waarde"),
            *_extra_tooltips(df),
        ],
    )
    text = (
        base.transform_filter(alt.datum.show_label)
        .mark_text(fontSize=12, color="#111111", fontWeight="bold")
        .encode(y=y, x="x_mid:Q", text="label:N")
    )
    return layered(df, bar, text, height=alt.Step(44), width="container")


def _range_lines(df: pd.DataFrame, base: alt.Chart) -> list[alt.Chart]:
    """A range ("11-13 procent"): the bar shows the lower bound, a dark line runs to the upper."""
    if "value_upper" not in df or not df["value_upper"].notna().any():
        return []
    rule = base.transform_filter("isValid(datum.value_upper)").mark_rule(
        color="#222222", strokeWidth=3
    )
    return [rule.encode(x2="value_upper:Q")]


def answer_bars(
    df: pd.DataFrame,
    value_title: str,
    rounds: Rounds,
    value_format: str = ",.0f",
    order: list[str] | None = None,
) -> alt.LayerChart:
    """Plain horizontal bars per answer, one colour per survey year (grouped when >1 year).

    Columns: ``item`` (answer label), ``year_label``, ``value``, ``label`` (formatted), optional
    ``value_upper`` (upper bound of a range, NaN = none). ``order`` is the order of the items
    (the answer scale); None ranks them by value (a list of answers that is no scale).
    """
    years = sorted(df["year_label"].unique().tolist(), reverse=True)
    if order is None:
        order = df.sort_values(["value"], ascending=False)["item"].drop_duplicates().tolist()
    enc: dict = {
        "y": alt.Y("item:N", sort=order, title=None, axis=alt.Axis(labelLimit=420)),
        "x": alt.X(
            "value:Q",
            title=value_title,
            axis=alt.Axis(format=value_format, tickMinStep=1 if value_format == ",.0f" else 0.1),
        ),
        "tooltip": [
            alt.Tooltip("item:N", title="Antwoord"),
            alt.Tooltip("year_label:N", title="Jaar"),
            alt.Tooltip("label:N", title="Waarde"),
            *_extra_tooltips(df),
        ],
    }
    if len(years) > 1:
        enc["yOffset"] = alt.YOffset("year_label:N", sort=years)
    colour = alt.Color(
        "year_label:N",
        title="Jaar",
        scale=year_scale(years, rounds),
        legend=alt.Legend(orient="bottom", direction="horizontal") if len(years) > 1 else None,
    )
    base = alt.Chart().encode(**enc)
    bar = base.mark_bar().encode(color=colour)
    # the label sits after the bar, or after the range line when there is an upper bound
    text = (
        base.transform_calculate(
            label_x="isValid(datum.value_upper) ? datum.value_upper : datum.value"
        )
        .mark_text(align="left", dx=4, fontSize=12, color="#222222")
        .encode(x="label_x:Q", text=alt.Text("label:N"))
    )
    layers = [bar, *_range_lines(df, base), text]
    step = STEP * len(years) if len(years) > 1 else STEP
    return layered(df, *layers, height=alt.Step(step), width="container")


def _rounds_long(df: pd.DataFrame, rounds: Rounds) -> pd.DataFrame:
    """One row per item × round (previous, current) with its value, label and provenance."""
    names = {"previous": rounds.previous, "current": rounds.current}
    return pd.concat(
        [
            pd.DataFrame(
                {
                    "item": df["item"],
                    "year_label": names[role],
                    "value": df[f"value_{role}"],
                    "label": df[f"label_{role}"],
                    **({"origin": df[f"origin_{role}"]} if f"origin_{role}" in df else {}),
                    **({"note": df["note"]} if "note" in df else {}),
                }
            )
            for role in ("previous", "current")
        ],
        ignore_index=True,
    )


def _round_shapes(rounds: Rounds) -> alt.Shape:
    """Previous round a circle, current round a diamond (told apart without colour too)."""
    scale = alt.Scale(domain=[rounds.previous, rounds.current], range=["circle", "diamond"])
    return alt.Shape("year_label:N", scale=scale, legend=None)


def dumbbell(
    df: pd.DataFrame, value_title: str, rounds: Rounds, value_format: str = ",.0f"
) -> alt.LayerChart:
    """Both rounds side by side per item: a line between the two points, each point labelled.

    Columns: ``item``, ``value_previous``, ``value_current``, ``label_previous``,
    ``label_current``; optional ``origin_previous``/``origin_current`` and ``note`` (shown in the
    tooltip of the points). ``rounds`` names the two rounds in the legend and tooltip.
    """
    order = df["item"].tolist()
    long = _rounds_long(df, rounds)
    y = alt.Y("item:N", sort=order, title=None, axis=alt.Axis(labelLimit=460))
    rule = (
        alt.Chart(df)
        .mark_rule(color="#9a9a9a", strokeWidth=3)
        .encode(
            y=y,
            x=alt.X("value_previous:Q", title=value_title, axis=alt.Axis(format=value_format)),
            x2="value_current:Q",
        )
    )
    colour = alt.Color(
        "year_label:N",
        title="Jaar",
        scale=year_scale([rounds.previous, rounds.current], rounds),
        legend=alt.Legend(orient="bottom", direction="horizontal"),
    )
    tooltip = [
        alt.Tooltip("item:N", title="Cijfer"),
        alt.Tooltip("year_label:N", title="Jaar"),
        alt.Tooltip("label:N", title="Waarde"),
        *_extra_tooltips(long),
    ]
    points = (
        alt.Chart(long)
        .mark_point(size=110, filled=True, opacity=1)
        .encode(
            y=y,
            x=alt.X("value:Q"),
            color=colour,
            shape=_round_shapes(rounds),
            tooltip=tooltip,
        )
    )
    # previous-round labels above the point, current-round labels below: close values stay readable
    text_previous, text_current = (
        alt.Chart(long)
        .transform_filter(alt.datum.year_label == year)
        .mark_text(dy=dy, fontSize=11)
        .encode(y=y, x=alt.X("value:Q"), text="label:N", color=colour)
        for year, dy in ((rounds.previous, -12), (rounds.current, 13))
    )
    return layered(
        None, rule, points, text_previous, text_current, height=alt.Step(40), width="container"
    )


def _cycle(colours: list[str], n: int) -> list[str]:
    return [colours[i % len(colours)] for i in range(max(n, 1))]
