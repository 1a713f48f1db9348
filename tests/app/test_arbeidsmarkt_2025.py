"""Issue 17: vacancies after 2020Q2 (two bases, never one line) and the sociaal-werk figures.

Every expected value is read here with csv from data/transcribed/ (and the raw 83599NED file
through the unit test's own reader), never through pipeline/.
"""

from __future__ import annotations

import csv
from functools import cache

import pyarrow as pa
from streamlit.testing.v1 import AppTest

from dashboard import fmt
from dashboard.navigation import page_path
from tests.apptest import shown
from tests.conftest import REPO
from tests.unit.test_arbeidsmarkt import Q, raw_vacancies

PAGE = page_path("arbeidsmarkt")
VAC = REPO / "data" / "transcribed" / "cbs_vacatures_2020_2025"
AZW = REPO / "data" / "transcribed" / "azw_sociaal_werk"
PROVINCES = {
    "Zuid-Holland": "PV28",
    "Gelderland": "PV25",
    "Overijssel": "PV23",
    "Nederland": "NL01",
}


def _rows(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@cache
def transcribed(basis: str) -> dict[tuple[str, str, str], float]:
    """(period, region, sbi letter) -> persons, from the stated and the implied file."""
    out = {}
    for name in (f"vacatures_{basis}.csv", f"vacatures_{basis}_implied.csv"):
        for r in _rows(VAC / name):
            out[(r["period"], r["region"], r["sbi"])] = float(r["value"]) * 1000
    return out


def latest_nsa_q(region: str) -> tuple[str, float]:
    """Newest quarter with an NSA SBI Q figure: 83599NED, else its transcription."""
    code = PROVINCES[region]
    values = {
        p: v for (p, reg, sbi), v in raw_vacancies().items() if reg == code and sbi == Q and v
    }
    for (p, reg, sbi), v in transcribed("nsa").items():
        if reg == region and sbi == "Q" and "KW" in p:
            values.setdefault(p, v)
    last = max(values)
    return last, values[last]


def label(period: str) -> str:
    return fmt.quarter(int(period[:4]), int(period[-2:]))


def _run(**query: str) -> AppTest:
    return shown(PAGE, **query)  # read only (tests/apptest.py)


def _charts(at: AppTest) -> list[tuple[str, list[dict]]]:
    """(spec as text, every data row) per chart; Streamlit ships named datasets as Arrow."""
    out = []
    for chart in at.get("vega_lite_chart"):
        rows: list[dict] = []
        for ds in chart.proto.datasets:
            rows.extend(pa.ipc.open_stream(ds.data.data).read_all().to_pylist())
        out.append((chart.proto.spec, rows))
    return out


def _chart(at: AppTest, text: str) -> list[dict]:
    return next(rows for spec, rows in _charts(at) if text in spec)


def test_nl_q_2022q3_nsa_is_in_the_quarterly_line_from_a_publication():
    expected = transcribed("nsa")[("2022KW03", "Nederland", "Q")]
    assert expected == 67000
    at = _run()
    trend = _chart(at, "Openstaande vacatures per kwartaal")
    points = [r for r in trend if r.get("period_label") == label("2022KW03")]
    assert any(r.get("vacancy_count") == expected for r in points)
    assert all("publicatie" in r["status"] for r in points), "not marked as from a publication"
    assert any("url" in r and r["url"] for r in points), "no source URL in the tooltip data"


def test_default_kpi_is_the_newest_nsa_quarter_and_change_joins_the_same_quarter():
    period, value = latest_nsa_q("Nederland")
    at = _run()
    values = {m.label: m.value for m in at.metric}
    assert values[f"Vacatures Q · {label(period)}"] == fmt.number(value)
    prev = f"{int(period[:4]) - 1}{period[4:]}"
    before = raw_vacancies().get((prev, "NL01", Q)) or transcribed("nsa").get(
        (prev, "Nederland", "Q")
    )
    shown = values[f"Verandering t.o.v. {label(prev)}"]
    assert shown == "–" if before is None else shown.startswith(fmt.signed(value - before))


def test_nl_q_2025q2_seasonally_adjusted_is_its_own_chart():
    expected = transcribed("sa")[("2025KW02", "Nederland", "Q")]
    assert expected == 68000
    at = _run()
    sa = _chart(at, "seizoengecorrigeerd (CBS-kwartaalbericht)")
    points = [r for r in sa if r.get("period_label") == label("2025KW02")]
    assert any(r.get("vacancy_count") == expected for r in points)


def test_zuid_holland_q_2022q3_on_the_province_ranking():
    expected = transcribed("nsa")[("2022KW03", "Zuid-Holland", "Q")]
    at = _run(weergave="Regio's", kwartaal=label("2022KW03"))
    captions = " ".join(c.value for c in at.caption).replace("\\", "")
    assert f"hoogste Zuid-Holland ({fmt.number(expected)})" in captions
    assert "CBS-publicatie" in " ".join(spec for spec, _ in _charts(at))


def test_2033_shortage_and_the_vacaturegraad_of_the_branch():
    rows = _rows(AZW / "sociaal_werk_figures.csv")
    shortage = next(
        float(r["value"])
        for r in rows
        if r["period"] == "2033" and r["sbi"] == "AZW branche Sociaal werk"
    )
    assert shortage == 7500
    graad = next(
        float(r["value"])
        for r in rows
        if r["period"] == "2021JJ00" and r["sbi"] == "AZW branche Sociaal werk"
    )
    at = _run(weergave="Sociaal werk")
    captions = " ".join(c.value for c in at.caption).replace("\\", "")
    assert f"{fmt.number(shortage)} in 2033" in captions
    bars = _chart(at, "Vacaturegraad")
    assert any(r.get("vacaturegraad") == graad for r in bars)
    at = _run(weergave="Aanbod en vraag")
    assert any(fmt.number(shortage) in i.value for i in at.info), "newest edition not named"


def test_the_two_bases_are_never_in_one_chart():
    nsa_only = {v for k, v in transcribed("nsa").items() if v not in transcribed("sa").values()}
    sa_only = {v for k, v in transcribed("sa").items() if v not in transcribed("nsa").values()}
    at = _run()
    charts = _charts(at)
    assert len(charts) >= 3  # NSA line, share line, SA line
    for _, rows in charts:
        numbers = {float(x) for r in rows for x in r.values() if isinstance(x, int | float)}
        assert not (numbers & nsa_only and numbers & sa_only), "a chart mixes NSA and SA values"
