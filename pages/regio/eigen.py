"""Regio tab 'Eigen cijfers': the visitor's own figures per gemeente (upload) on a map and a trend.

The parsed upload stays in this session's state (never on disk, never in the URL) until the
visitor removes it, so a tab or page switch does not lose it; the file is read as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import pandas as pd
import streamlit as st

from dashboard import (
    charts,
    charts_geo,
    charts_regio,
    exports,
    fmt,
    geo,
    params,
    queries,
    queries_regio,
    ui,
    upload,
)
from dashboard.components.controls import choice
from pages.regio.keuzes import View, division

P = params.Regio
CACHE = "_regio_upload"  # session state: the Held upload (parsed), never on disk or in the URL
NONCE = "_regio_upload_nr"  # +1 on 'Bestand verwijderen', so the uploader starts empty


@dataclass(frozen=True)
class Held:
    """The upload in use for this session: kept across tab and page switches."""

    name: str
    size: int
    file_id: str
    result: upload.UploadResult


def gemeente_rows() -> pd.DataFrame:
    regions = queries.options__regions()
    return regions[regions["region_level"] == "gemeente"].rename(
        columns={"region_code": "gemeente_code", "region_name": "gemeente_name"}
    )


def templates(gemeenten: pd.DataFrame) -> None:
    """The template (every gemeente of the data, year and value empty) as CSV and XLSX."""
    row = st.container(horizontal=True)
    row.download_button(
        "Sjabloon (CSV)",
        partial(upload.template_csv, gemeenten),  # built in memory when clicked
        file_name="eigen-cijfers-sjabloon.csv",
        mime="text/csv",
        icon=":material/download:",
        key="regio-eigen-sjabloon-csv",
        on_click="ignore",
    )
    row.download_button(
        "Sjabloon (Excel)",
        partial(upload.template_xlsx, gemeenten),
        file_name="eigen-cijfers-sjabloon.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/download:",
        key="regio-eigen-sjabloon-xlsx",
        on_click="ignore",
    )


def _remove() -> None:
    st.session_state.pop(CACHE, None)
    st.session_state[NONCE] = st.session_state.get(NONCE, 0) + 1


def show_held(slot, held: Held) -> None:
    c1, c2 = slot.columns([3, 1], vertical_alignment="center")
    size = fmt.number(held.size / 1024, 1)
    c1.success(
        ui.plain(
            f"Bestand {held.name} in gebruik ({size} kB). Het blijft in deze browsersessie, ook "
            "als u van tab of pagina wisselt; het wordt niet opgeslagen."
        ),
        icon=":material/check_circle:",
    )
    c2.button("Bestand verwijderen", on_click=_remove, icon=":material/delete:")


def parse_file(file) -> Held | None:
    """Parse a new upload (size checked first); None with a Dutch error when it cannot be read."""
    err = upload.size_error(file.size)
    if err:  # checked on the reported size, before any byte is parsed
        st.error(err)
        return None
    try:
        result = upload.parse(file.getvalue(), file.name, gemeente_rows())
    except upload.UploadError as exc:
        st.error(ui.plain(exc))
        return None
    return Held(str(file.name), int(file.size), str(file.file_id), result)


def read_upload() -> upload.UploadResult | None:
    st.caption(
        f"Upload een CSV- of XLSX-bestand (max. {fmt.number(upload.MAX_BYTES / 2**20)} MB) "
        "met een kolom gemeente (code zoals GM0363 of naam, gemeentelijke indeling van "
        f"{division()}), een of meer kolommen met cijfers, bijvoorbeeld uit de Monitor Sociaal "
        "Domein, en als u wilt een kolom jaar (zonder jaar telt alles als één periode). Het "
        "sjabloon heeft alle gemeenten al. Het bestand blijft alleen in deze browsersessie: het "
        "wordt niet opgeslagen en hoort niet bij de deelbare link. Formules worden nooit "
        "uitgevoerd."
    )
    templates(gemeente_rows())
    slot = st.container()
    file = st.file_uploader(
        "Eigen cijfers (CSV of XLSX)",
        type=["csv", "xlsx"],
        key=f"{P.UPLOAD}_{st.session_state.get(NONCE, 0)}",
    )
    held: Held | None = st.session_state.get(CACHE)
    if file is not None and (held is None or held.file_id != file.file_id):
        new = parse_file(file)
        if new is not None:
            held = st.session_state[CACHE] = new
    if held is None:
        return None
    show_held(slot, held)
    return held.result


def report_upload(result: upload.UploadResult) -> None:
    for m in result.messages:
        st.info(ui.plain(m))
    dupes = result.duplicates if result.has_year else result.duplicates.drop(columns="year")
    for frame, label, open_ in (
        (result.unmatched, "Niet herkend", True),
        (dupes, "Dubbel", False),
        (result.problems, "Cellen met een opmerking", False),
    ):
        if len(frame):
            with st.expander(f"{label} ({len(frame)})", expanded=open_):
                st.dataframe(frame, hide_index=True, width="stretch")


def render_map(df: pd.DataFrame, var: str, year: str, v: View, prov: exports.Provenance) -> None:
    """``year``: the year as text, or 'jaar onbekend' for a file without years."""
    rank = charts_regio.rank_text(
        charts_regio.rank_of(df, "value", v.row["region_code"]), "gemeente", len(df)
    )
    name = str(v.row["region_name"])
    st.metric(
        f"Rang van {name} ({var}, {year})",
        rank,
        border=True,
        help="1 = hoogste waarde, onder de gemeenten in uw bestand.",
    )
    features = geo.features("gemeente")
    if features is None or not df["value"].notna().any():
        return
    chart = charts.finish(
        charts_geo.choropleth(
            list(features),
            df,
            "value",
            var,
            charts.DECIMAL_FORMAT,
            highlight=v.row["region_code"],
            no_data="niet in uw bestand",
        ),
        f"{var}, {year}",
        [f"Omlijnd: {name} ({rank}); grijs = niet in uw bestand"],
    )
    top = df.dropna(subset=["value"]).sort_values("value", ascending=False).iloc[0]
    summary = (
        f"{var} ({year}): hoogste {top['region_name']} "
        f"({fmt.number(top['value'], 1)}); {name}: {rank}."
    )
    ui.chart_block(
        chart,
        df,
        prov,
        summary,
        key="regio-eigen-kaart",
        definition="uw eigen cijfers, per gemeente",
    )


def trend_frame(vals: pd.DataFrame, code: str, name: str, peer_codes: tuple[str, ...]):
    """The gemeente, each peer, the peer mean and the mean of every gemeente in the file."""
    mine = vals[vals["gemeente_code"] == code].assign(series="region")
    peer_rows = vals[vals["gemeente_code"].isin(peer_codes)].assign(series="peer")
    group = (
        peer_rows.groupby("year", as_index=False)["value"]
        .mean()
        .assign(series="peers", gemeente_name="Vergelijkbare gemeenten (gemiddelde)")
    )
    everyone = (
        vals.groupby("year", as_index=False)["value"]
        .mean()
        .assign(series="nl", gemeente_name="Alle gemeenten in uw bestand (gemiddelde)")
    )
    data = (
        pd.concat([mine, peer_rows, group, everyone], ignore_index=True)
        .rename(columns={"gemeente_name": "region_name"})
        .dropna(subset=["value"])
    )
    data = charts_regio.label_series(data, name)
    data.loc[data["series"] == "nl", "reeks"] = "Alle gemeenten in uw bestand (gemiddelde)"
    return data


def render_trend(vals: pd.DataFrame, v: View, var: str, prov: exports.Provenance) -> None:
    code, name = str(v.row["region_code"]), str(v.row["region_name"])
    if vals.loc[vals["gemeente_code"] == code, "value"].notna().sum() == 0:
        st.info(
            f"Uw bestand heeft geen waarden voor {ui.plain(name)}; kies een andere gemeente "
            "bovenaan."
        )
        return
    peers = v.peers
    if v.level != "gemeente":
        peers = queries_regio.peers__by_population("gemeente", code, v.peer_count)
        peers = peers.query("peer_rank > 0")
    data = trend_frame(vals, code, name, tuple(peers["region_code"]))
    chart = charts.finish(
        charts_regio.comparison_trend(data, "value", var, value_format=charts.DECIMAL_FORMAT),
        f"{var}: {name} naast vergelijkbare gemeenten",
        ["Vergelijkbaar: dichtst bij in inwonertal (grijs: afzonderlijk)"],
    )
    summary = charts_regio.trend_summary(
        data, "value", "index", name, nl="alle gemeenten in uw bestand"
    )
    table = data[["year", "reeks", "gemeente_code", "value"]].rename(
        columns={"year": "jaar", "value": var}
    )
    ui.chart_block(
        chart,
        table,
        prov,
        summary,
        key="regio-eigen-trend",
        definition="uw eigen cijfers; groepen = ongewogen gemiddelde",
    )


def render(v: View) -> None:
    result = read_upload()
    if result is None:
        return
    report_upload(result)
    if not result.variables or result.values.empty:
        return
    c1, c2 = st.columns(2)
    var = choice("Kolom", result.variables, key=P.OWN_VAR, kind="select", container=c1)
    vals = result.values[result.values["variable"] == var]
    if result.has_year:
        years = sorted({int(y) for y in vals["year"].dropna()}, reverse=True)
        year = choice("Jaar", years, key=P.OWN_YEAR, kind="select", container=c2)
        df = vals[vals["year"] == year]
    else:  # one period: the whole file
        year, df = None, vals
        c2.caption("Uw bestand heeft geen jaarkolom: alle cijfers tellen als één periode.")
    prov = exports.Provenance(
        title=f"Eigen cijfers: {var}",
        source="eigen bestand (upload)",
        peildatum="zoals in uw bestand",
        licence="eigen gegevens",
        filters=str(v.row["region_name"]),
    )
    df = df.rename(columns={"gemeente_code": "region_code", "gemeente_name": "region_name"})
    render_map(df, var, "jaar onbekend" if year is None else str(year), v, prov)
    if result.has_year:
        render_trend(vals.astype({"year": "int64"}), v, var, prov)
