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
# students per 1.000 get two decimals; vacancies (CBS publishes hundreds) one
DECIMALS = {"count": 0, "per_1000": 2, "index": 1}
VACANCY_DECIMALS = {"count": 0, "per_1000": 1, "index": 1}


def value_format(mode: str, vacancies: bool = False) -> str:
    """The d3 axis/tooltip format of a value mode (count | per_1000 | index)."""
    per_1000 = ",.1f" if vacancies else ",.2f"
    return {"count": charts.NUMBER_FORMAT, "per_1000": per_1000, "index": charts.DECIMAL_FORMAT}[
        mode
    ]


def value_text(x: object, mode: str, vacancies: bool = False) -> str:
    """A value as Dutch text at the precision of its mode."""
    return fmt.number(x, (VACANCY_DECIMALS if vacancies else DECIMALS)[mode])


def counted_text(row: pd.Series, field: str, mode: str) -> str:
    """A DUO value as text: '<5' when only suppressed cells, 'minimaal …' for a lower bound."""
    cells = row.get("suppressed_cells", 0)
    cells = 0 if pd.isna(cells) else int(cells)
    if mode == "index":
        text = value_text(row[field], mode)
        return f"≈ {text} (afgeschermde cellen)" if cells and not pd.isna(row[field]) else text
    return fmt.counted(
        row[field], cells, bool(row.get("is_suppressed_only", False)), DECIMALS[mode]
    )


def trend_summary(
    data: pd.DataFrame,
    field: str,
    mode: str,
    name: str,
    x: str = "year",
    nl: str = "Nederland",
    peers: str = "de vergelijkbare regio's",
    vacancies: bool = False,
    text_field: str | None = None,
) -> str:
    """The text alternative of a comparison trend: first and last value of each main series.

    ``text_field`` holds the value as shown ('minimaal …', '<5'); without it the number is
    formatted at the precision of ``mode``.
    """

    def text(row: pd.Series) -> str:
        return str(row[text_field]) if text_field else value_text(row[field], mode, vacancies)

    parts = []
    for series, label in (("region", name), ("peers", peers), ("nl", nl)):
        s = data[data["series"] == series].sort_values(x)
        if s.empty:
            continue
        first, last = s.iloc[0], s.iloc[-1]
        parts.append(f"{label} van {text(first)} ({first[x]}) naar {text(last)} ({last[x]})")
    return "; ".join(parts) + ". Grijze lijnen: de afzonderlijke vergelijkbare regio's."


def quarter_parts(data: pd.DataFrame) -> tuple[list[str], pd.DataFrame]:
    """Every quarter from first to last (the x domain) and a 'deel' per run of quarters.

    Missing quarters stay visible gaps: a line is only drawn between consecutive quarters.
    """
    index = data["year"] * 4 + data["quarter"] - 1
    first, last = int(index.min()), int(index.max())
    domain = [fmt.quarter_short(i // 4, i % 4 + 1) for i in range(first, last + 1)]
    out = data.sort_values(["region_code", "period_code"]).copy()
    step = (out["year"] * 4 + out["quarter"]).groupby(out["region_code"]).diff().fillna(1)
    out["deel"] = (step != 1).groupby(out["region_code"]).cumsum().astype(int)
    return domain, out


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
    tooltip = _tooltip(x, x_title, y, y_title, value_format, label_field, source_field)
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
    return charts.layered(None, peers, lines, points, height=380, width="container")


def _tooltip(
    x: str,
    x_title: str,
    y: str,
    y_title: str,
    value_format: str,
    label_field: str | None,
    source_field: str | None,
) -> list[alt.Tooltip]:
    """Series, period, the value (its text when given) and the source of each point."""
    value = (
        alt.Tooltip(f"{label_field}:N", title=y_title)
        if label_field
        else alt.Tooltip(f"{y}:Q", title=y_title, format=value_format)
    )
    tooltip = [alt.Tooltip("reeks:N", title="Reeks"), alt.Tooltip(f"{x}:O", title=x_title), value]
    if source_field:
        tooltip.append(alt.Tooltip(f"{source_field}:N", title="Bron"))
    return tooltip


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
