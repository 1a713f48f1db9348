"""Pure DataFrame -> Altair chart functions for the Arbeidsmarkt page. No Streamlit."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard import charts

SBI_Q = "422400"  # Q: gezondheids- en welzijnszorg
SBI_ALL = "T001081"  # A-U: alle economische activiteiten
NL = "NL01"
CBS = "cbs_vacancies"  # manifest entry of CBS 83599NED
DEF_QUARTER = (
    "openstaande vacatures op de laatste dag van het kwartaal, in personen (CBS publiceert "
    "duizendtallen); SBI Q = gezondheids- en welzijnszorg, A-U = alle economische activiteiten"
)
DEF_YEAR = DEF_QUARTER + "; jaarcijfer = jaargemiddelde van de kwartalen"
SUB_UPPER_BOUND = (
    "SBI Q omvat gezondheidszorg én welzijn: voor het sociaal werk is dit een bovengrens."
)
DEFINITIVE = "definitief"
PROVISIONAL = "voorlopig"
STATUS_SHAPES = ["circle", "triangle-up", "diamond", "square", "cross", "triangle-down"]
FORECAST_SHAPES = ["circle", "square", "triangle-up", "diamond"]


def plain_numbers(df: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Only the columns a chart uses, integers as floats: Streamlit sends int64 columns to the
    browser as Arrow int64 (JS BigInt), which Vega cannot scale."""
    out = df[[c for c in dict.fromkeys(columns) if c in df.columns]].copy()
    for col in out.columns:
        if pd.api.types.is_integer_dtype(out[col]) or pd.api.types.is_bool_dtype(out[col]):
            out[col] = out[col].astype("float64")
    return out


def quarter_runs(df: pd.DataFrame, series: str) -> list[str]:
    """A run id per row: a new run wherever a series skips a quarter (gaps stay gaps).

    Needs columns year and quarter; rows without them (years) are one run per series."""
    if "quarter" not in df.columns:
        return [f"{s}#0" for s in df[series]]
    last: dict[object, int] = {}
    run: dict[object, int] = {}
    order = df.sort_values([series, "year", "quarter"]).index
    out = pd.Series("", index=df.index, dtype="object")
    for i in order:
        s, idx = df.at[i, series], int(df.at[i, "year"]) * 4 + int(df.at[i, "quarter"])
        if s in last and idx - last[s] > 1:
            run[s] = run.get(s, 0) + 1
        last[s] = idx
        out[i] = f"{s}#{run.get(s, 0)}"
    return list(out)


def with_segments(df: pd.DataFrame, x: str, series: str) -> pd.DataFrame:
    """Line data: each row gets a segment (definitief/voorlopig); the last definitive point of each
    series is repeated in the provisional segment so the dashed line joins the solid one."""
    rows = df.assign(segment=[DEFINITIVE if s == DEFINITIVE else PROVISIONAL for s in df["status"]])
    bridges = rows[rows["segment"] == DEFINITIVE].sort_values(x).groupby(series, sort=False).tail(1)
    bridges = bridges[bridges[series].isin(rows.loc[rows["segment"] == PROVISIONAL, series])]
    out = pd.concat([rows, bridges.assign(segment=PROVISIONAL)], ignore_index=True)
    return out.sort_values([series, "segment", x]).reset_index(drop=True)


def _x_encoding(x: str, x_title: str, temporal: bool) -> alt.X:
    if temporal:
        return alt.X(f"{x}:T", title=x_title, axis=alt.Axis(format="%Y", tickCount="year"))
    return alt.X(f"{x}:O", title=x_title, axis=alt.Axis(labelAngle=0))


def _line_layer(df, x_enc, y_enc, colour, x: str, series: str) -> alt.Chart:
    """Solid/dashed lines, only between consecutive quarters of one run of a series."""
    lines = df.assign(run=quarter_runs(df, series))
    lines = with_segments(lines, x, "run")
    lines = lines.assign(line_key=lines["run"] + "|" + lines["segment"])
    return (
        alt.Chart(lines.drop(columns=["run"]))
        .mark_line(strokeWidth=2.5)
        .encode(
            x=x_enc,
            y=y_enc,
            color=colour,
            detail=alt.Detail("line_key:N"),
            strokeDash=alt.StrokeDash(
                "segment:N",
                scale=alt.Scale(domain=[DEFINITIVE, PROVISIONAL], range=[[1, 0], [6, 4]]),
                legend=None,
            ),
        )
    )


def vacancy_lines(
    df: pd.DataFrame,
    x: str,
    x_title: str,
    y: str,
    y_title: str,
    series: str = "sector",
    temporal: bool = True,
    y_format: str = charts.NUMBER_FORMAT,
    tooltip: tuple[tuple[str, str], ...] = (),
) -> alt.LayerChart:
    """Lines per series; provisional periods dashed, with their own point shape and legend entry.

    ``df`` needs columns x, y, series, status ('definitief' / 'voorlopig' / other labels, e.g.
    'uit CBS-publicatie'), optionally year + quarter (a skipped quarter breaks the line) and
    ``note`` (text above the point). ``tooltip``: extra (column, title) pairs, e.g. the source.
    """
    extra = [c for c, _ in tooltip]
    keep = [x, y, series, "status", "period_label", "note", "year", "quarter", *extra]
    df = plain_numbers(df, keep)
    x_enc = _x_encoding(x, x_title, temporal)
    y_enc = alt.Y(f"{y}:Q", title=y_title, axis=alt.Axis(format=y_format))
    colour = alt.Color(f"{series}:N", title="Sector", legend=alt.Legend(orient="right"))
    present = set(df["status"])
    statuses = [s for s in (DEFINITIVE, PROVISIONAL) if s in present]
    statuses += [s for s in dict.fromkeys(df["status"]) if s not in statuses]
    tips = [
        alt.Tooltip("period_label:N", title="Periode"),
        alt.Tooltip(f"{series}:N", title="Sector"),
        alt.Tooltip(f"{y}:Q", title=y_title, format=y_format),
        alt.Tooltip("status:N", title="Status"),
        *(alt.Tooltip(f"{c}:N", title=t) for c, t in tooltip if c in df.columns),
    ]
    shape = alt.Shape(
        "status:N",
        title="Status",
        scale=alt.Scale(domain=statuses, range=STATUS_SHAPES[: len(statuses)]),
        legend=alt.Legend(orient="right", labelLimit=320),
    )
    points = (
        alt.Chart(df)
        .mark_point(size=70, filled=True)
        .encode(x=x_enc, y=y_enc, color=colour, shape=shape, tooltip=tips)
    )
    layers = [_line_layer(df, x_enc, y_enc, colour, x, series), points]
    if "note" in df.columns and df["note"].notna().any():
        layers.append(
            alt.Chart(df[df["note"].notna()])
            .mark_text(dy=-14, align="right", fontSize=12, color="#333333")
            .encode(x=x_enc, y=y_enc, text="note:N")
        )
    return charts.layered(None, *layers, height=380, width="container")


def forecast_dumbbell(points: pd.DataFrame, spans: pd.DataFrame) -> alt.LayerChart:
    """Slope/dumbbell: one row per branche × occupation, a rule from base year to end year.

    ``points``: row_label, shortage_count, year_label, label (printed value, e.g. 'tot 800').
    ``spans``: row_label, start, end (rows that have both years).
    """
    points = plain_numbers(
        points, ["row_label", "shortage_count", "year_label", "label", "value_text"]
    )
    spans = plain_numbers(spans, ["row_label", "start", "end"])
    y_enc = alt.Y(
        "row_label:N",
        title=None,
        sort=list(dict.fromkeys(points["row_label"])),
        axis=alt.Axis(labelLimit=360),
    )
    x_title = "Verwacht tekort (aantal medewerkers)"
    rule = (
        alt.Chart(spans)
        .mark_rule(strokeWidth=3, color="#9a9a9a")
        .encode(
            y=y_enc,
            x=alt.X("start:Q", title=x_title, axis=alt.Axis(format=charts.NUMBER_FORMAT)),
            x2="end:Q",
        )
    )
    labels = list(dict.fromkeys(points["year_label"]))
    base = alt.Chart(points).encode(
        y=y_enc,
        x=alt.X(
            "shortage_count:Q",
            title=x_title,
            axis=alt.Axis(format=charts.NUMBER_FORMAT, tickCount=8),
        ),
    )
    dots = base.mark_point(size=140, filled=True, opacity=1).encode(
        shape=alt.Shape(
            "year_label:N",
            title="Jaar (zoals in de bron)",
            scale=alt.Scale(domain=labels, range=FORECAST_SHAPES[: len(labels)]),
            legend=alt.Legend(orient="bottom"),
        ),
        color=alt.Color(
            "year_label:N",
            title="Jaar (zoals in de bron)",
            scale=alt.Scale(domain=labels, range=charts.PALETTE[: len(labels)]),
            legend=alt.Legend(orient="bottom"),
        ),
        tooltip=[
            alt.Tooltip("row_label:N", title="Beroep · branche"),
            alt.Tooltip("year_label:N", title="Jaar"),
            alt.Tooltip("label:N", title="Verwacht tekort"),
            alt.Tooltip("value_text:N", title="Tekst in de bron"),
        ],
    )
    text = base.mark_text(dy=-14, fontSize=12, color="#222222").encode(text="label:N")
    return charts.layered(None, rule, dots, text, height=alt.Step(56), width="container")


def grouped_bars(
    df: pd.DataFrame,
    category: str,
    value: str,
    group: str,
    value_title: str,
    label_field: str,
    value_format: str = charts.NUMBER_FORMAT,
    category_title: str = "",
    group_title: str = "",
) -> alt.LayerChart:
    """Horizontal bars per category, one bar per group side by side, value printed at the end."""
    df = plain_numbers(df, [category, value, group, label_field])
    order = list(dict.fromkeys(df[category]))
    groups = list(dict.fromkeys(df[group]))
    base = alt.Chart().encode(
        y=alt.Y(
            f"{category}:N",
            sort=order,
            title=category_title or None,
            axis=alt.Axis(labelLimit=360),
        ),
        yOffset=alt.YOffset(f"{group}:N", sort=groups),
        x=alt.X(f"{value}:Q", title=value_title, axis=alt.Axis(format=value_format)),
        tooltip=[
            alt.Tooltip(f"{category}:N", title=category_title or "Categorie"),
            alt.Tooltip(f"{group}:N", title=group_title or "Reeks"),
            alt.Tooltip(f"{label_field}:N", title=value_title),
        ],
    )
    bars = base.mark_bar().encode(
        color=alt.Color(
            f"{group}:N",
            title=group_title or None,
            sort=groups,
            legend=alt.Legend(orient="bottom", labelLimit=600),
        )
    )
    text = base.mark_text(align="left", dx=4, fontSize=12, color="#222222").encode(
        text=alt.Text(f"{label_field}:N")
    )
    return charts.layered(df, bars, text, height=alt.Step(22), width="container")
