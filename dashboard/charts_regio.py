"""Regio: pure chart and ranking helpers (no Streamlit). Reuses charts.finish/bars/choropleth."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard import charts, fmt

PLURAL = {
    "gemeente": "gemeenten",
    "arbeidsmarktregio": "arbeidsmarktregio's",
    "provincie": "provincies",
}
SERIES_ORDER = ("region", "peers", "nl")
PEER_GREY = "#9a9a9a"


def rank_of(df: pd.DataFrame, field: str, code: str) -> tuple[int, int] | None:
    """(rank, number of regions with a value) of ``code`` on ``field``, 1 = highest.

    Ties share the best rank ("min"), as in sport tables; regions without a value are not ranked.
    """
    known = df.dropna(subset=[field])
    if code not in set(known["region_code"]):
        return None
    ranks = known[field].rank(method="min", ascending=False)
    rank = int(ranks[known["region_code"] == code].iloc[0])
    return rank, len(known)


def rank_text(rank: tuple[int, int] | None, level: str, total: int | None = None) -> str:
    """'12e van 35 arbeidsmarktregio's' (plus how many have no value when total is larger)."""
    if rank is None:
        return f"geen rang: deze regio heeft geen waarde (van de {PLURAL[level]})"
    r, n = rank
    text = f"{fmt.ordinal(r)} van {n} {PLURAL[level]}"
    if total is not None and total > n:
        text += f" met een waarde ({total - n} zonder)"
    return text


def label_series(df: pd.DataFrame, region_name: str) -> pd.DataFrame:
    """Add a readable legend label per row: the region, 'Vergelijkbare ...', 'Nederland'."""
    labels = {"region": region_name, "nl": "Nederland"}
    out = df.copy()
    out["reeks"] = [
        labels.get(s, n) if s != "peers" else n
        for s, n in zip(out["series"], out["region_name"], strict=True)
    ]
    return out


def comparison_trend(
    df: pd.DataFrame,
    y: str,
    y_title: str,
    x: str = "year",
    x_title: str = "Jaar",
    value_format: str = charts.NUMBER_FORMAT,
    break_field: str | None = None,
    label_field: str | None = None,
    x_domain: list[str] | None = None,
    source_field: str | None = None,
) -> alt.LayerChart:
    """The region (accent), the peer group and NL as coloured lines; each peer as a thin grey line.

    ``df`` needs columns series, reeks (label), region_name, ``x`` and ``y``. A ``break_field``
    (definition) splits the lines so a definition change is never joined silently.
    """
    main = df[df["series"].isin(SERIES_ORDER)]
    names = list(dict.fromkeys(main.sort_values("series", key=_order)["reeks"]))
    colours = [
        {"region": charts.HIGHLIGHT, "peers": charts.PALETTE[0], "nl": "#222222"}[s]
        for s in dict.fromkeys(main.sort_values("series", key=_order)["series"])
    ]
    detail = [alt.Detail(f"{break_field}:N")] if break_field else []
    x_enc = alt.X(
        f"{x}:O",
        title=x_title,
        axis=alt.Axis(labelAngle=0 if x == "year" else -45),
        scale=alt.Scale(domain=x_domain) if x_domain else alt.Undefined,
    )
    y_enc = alt.Y(f"{y}:Q", title=y_title, axis=alt.Axis(format=value_format))
    tooltip = [
        alt.Tooltip("reeks:N", title="Reeks"),
        alt.Tooltip(f"{x}:O", title=x_title),
        alt.Tooltip(f"{label_field}:N", title=y_title)
        if label_field
        else alt.Tooltip(f"{y}:Q", title=y_title, format=value_format),
    ]
    if source_field:
        tooltip.append(alt.Tooltip(f"{source_field}:N", title="Bron"))
    peers = (
        alt.Chart(df[df["series"] == "peer"])
        .mark_line(strokeWidth=1.2, color=PEER_GREY, opacity=0.7)
        .encode(x_enc, y_enc, detail=[alt.Detail("region_name:N"), *detail], tooltip=tooltip)
    )
    colour = alt.Color(
        "reeks:N",
        title=None,
        scale=alt.Scale(domain=names, range=colours),
        sort=names,
        legend=alt.Legend(orient="top", direction="horizontal", columns=3, labelLimit=360),
    )
    lines = (
        alt.Chart(main)
        .mark_line(strokeWidth=3)
        .encode(x_enc, y_enc, colour, detail=detail, tooltip=tooltip)
    )
    points = (
        alt.Chart(main)
        .mark_point(size=60, filled=True)
        .encode(x_enc, y_enc, colour, tooltip=tooltip)
    )
    return alt.layer(peers, lines, points).properties(height=380, width="container")


def _order(s: pd.Series) -> pd.Series:
    return s.map({k: i for i, k in enumerate(SERIES_ORDER)}).fillna(9)


def ranking(
    df: pd.DataFrame,
    value: str,
    value_title: str,
    level_title: str,
    highlight: str,
    value_format: str,
    top: int = 25,
    label_field: str | None = None,
) -> alt.LayerChart:
    """Ranked bars (highest first) with the chosen region in the accent colour, always shown."""
    known = df.dropna(subset=[value]).sort_values([value, "region_name"], ascending=[False, True])
    shown = known.head(top)
    if highlight not in set(shown["region_name"]):
        shown = pd.concat([shown, known[known["region_name"] == highlight]])
    return charts.bars(
        shown,
        "region_name",
        value,
        value_title,
        level_title,
        highlight=highlight,
        value_format=value_format,
        label_field=label_field,
    )
