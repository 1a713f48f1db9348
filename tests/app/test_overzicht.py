"""Start page: headline figures equal the same figures on the theme pages and the raw data.

Every expected value is read here from data/raw, data/transcribed or data/reference with a small
reader of its own (csv/json), never through pipeline/; years and quarters come from those files.
"""

from __future__ import annotations

import csv
import json
import re
from functools import cache
from urllib.parse import parse_qsl

import pytest
from streamlit.proto.Metric_pb2 import Metric as MetricProto
from streamlit.testing.v1 import AppTest

from dashboard import fmt
from dashboard.navigation import page_path
from tests.apptest import shown
from tests.conftest import RAW, REPO

DUO_NEW = RAW / "duo_hbo_2020plus"
# measure -> (raw file, year column, count column)
DUO_FILES = {
    "enrolled": ("ingeschrevenenhbo.csv", "STUDIEJAAR", "AANTAL_INGESCHREVENEN"),
    "first_years": (
        "eerstejaarsingeschrevenenhbo.csv",
        "STUDIEJAAR",
        "AANTAL_EERSTEJAARS_INGESCHREVENEN",
    ),
    "graduates": ("gediplomeerdenhbo.csv", "DIPLOMAJAAR", "AANTAL_GEDIPLOMEERDEN"),
}
REFERENCE = REPO / "data" / "reference"
VACANCIES = REPO / "data" / "transcribed" / "cbs_vacatures_2020_2025"
RAADPLEGING = REPO / "data" / "transcribed" / "raadpleging"
CBS_DIR = RAW / "cbs_vacatures_83599NED"
Q_STATLINE = "422400"


def _run(page: str, **query) -> AppTest:
    return shown(page, **query)  # read only (tests/apptest.py)


def _number(text: str) -> int:
    return int(re.sub(r"[^\d]", "", text))


def _rows(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@cache
def measures() -> dict[str, dict[str, str]]:
    return {r["measure"]: r for r in _rows(REFERENCE / "measures.csv")}


@cache
def duo_rows(measure: str) -> list[dict[str, str]]:
    return _rows(DUO_NEW / DUO_FILES[measure][0])


def latest_year(measure: str) -> int:
    return max(int(r[DUO_FILES[measure][1]]) for r in duo_rows(measure))


def group_codes(default: bool = False, group: str | None = None) -> set[str]:
    return {
        r["programme_code"]
        for r in _rows(REFERENCE / "programme_groups.csv")
        if (not default or r["in_default_selection"] == "true")
        and (group is None or r["programme_group"] == group)
    }


def recount(measure: str, codes: set[str], year: int, gemeente: str | None = None) -> int:
    """Raw DUO total; ``gemeente`` = GEMEENTENUMMER of the hogeschool location (None = NL)."""
    _, year_col, count_col = DUO_FILES[measure]
    return sum(
        max(int(r[count_col]), 0)  # -1 = suppressed (<5): counts as 0 in a lower bound
        for r in duo_rows(measure)
        if r[year_col] == str(year)
        and r["OPLEIDINGSCODE_ACTUEEL"] in codes
        and (gemeente is None or r["GEMEENTENUMMER"] == gemeente)
    )


def card_label(measure: str) -> str:
    return f"{measures()[measure]['unit_label'].capitalize()} {latest_year(measure)}"


@pytest.fixture(scope="module")
def overview() -> AppTest:
    return _run(page_path("overzicht"))


@pytest.fixture(scope="module")
def overview_metrics(overview):
    return {m.label: m.value for m in overview.metric}


def _metric(at: AppTest, start: str, help_start: str = ""):
    return next(m for m in at.metric if m.label.startswith(start) and m.help.startswith(help_start))


# ---------------------------------------------------------------- Opleiding


@pytest.mark.parametrize("measure", list(DUO_FILES))
def test_student_headline_equals_instroom_kpi(overview_metrics, measure):
    headline = next(v for k, v in overview_metrics.items() if k.startswith(card_label(measure)))
    at = _run(page_path("instroom"), maat=measures()[measure]["label"])
    assert _number(headline) == _number(at.metric[0].value)


def test_first_years_headline_recounted_from_raw(overview_metrics):
    year = latest_year("first_years")
    total = recount("first_years", group_codes(default=True), year)
    headline = next(
        v for k, v in overview_metrics.items() if k.startswith(card_label("first_years"))
    )
    assert _number(headline) == total


def test_headline_follows_shared_filter():
    at = _run(page_path("overzicht"), groep="Social Work")
    year = latest_year("first_years")
    expected = recount("first_years", group_codes(group="Social Work"), year)
    assert _number(_metric(at, card_label("first_years")).value) == expected


def _headings(at: AppTest, region: str) -> list[str]:
    return [m.value for m in at.markdown if m.value == f"**{region}**"]


def test_every_student_card_names_nederland_by_default(overview):
    assert len(_headings(overview, "Nederland")) == len(DUO_FILES)


def test_student_cards_name_the_shared_region_and_count_only_it():
    """Issue 18: 'mijn regio' Zwolle is named on every card it changes, and the count is
    Zwolle's hogeschool locations only (raw DUO, GEMEENTENUMMER 0193)."""
    at = _run(page_path("overzicht"), regio="Zwolle (gemeente)")
    assert len(_headings(at, "Gemeente Zwolle")) == len(DUO_FILES)
    year = latest_year("first_years")
    expected = recount("first_years", group_codes(default=True), year, gemeente="0193")
    assert 0 < _number(_metric(at, card_label("first_years")).value) == expected
    assert _metric(at, card_label("first_years")).help.startswith("Gemeente Zwolle")
    captions = " ".join(c.value for c in at.caption).replace("\\", "")
    assert "Mijn regio: gemeente Zwolle." in captions
    # the vacancy cards stay national and say that CBS counts vacancies per provincie only
    assert "alleen per provincie; de provincie (Overijssel)" in captions
    links = [p.proto.label for p in at.get("page_link")]
    assert "Vacatures in Overijssel" in links


def test_instroom_uses_the_same_choice_and_names_its_level():
    """The same "mijn regio" on Instroom: its KPI equals the Overzicht card, and the chart
    texts name the region with its level ('gemeente Zwolle')."""
    card = _metric(_run(page_path("overzicht"), regio="Zwolle (gemeente)"), card_label("enrolled"))
    at = _run(page_path("instroom"), regio="Zwolle (gemeente)")
    assert _number(at.metric[0].value) == _number(card.value)
    texts = " ".join(e.value for e in (*at.markdown, *at.caption)).replace("\\", "")
    assert "gemeente Zwolle · " in texts


def test_gemeente_without_hogeschool_says_so_not_zero():
    assert not any(r["GEMEENTENUMMER"] == "0050" for m in DUO_FILES for r in duo_rows(m))
    at = _run(page_path("overzicht"), regio="Zeewolde (gemeente)")
    infos = [i.value.replace("\\", "") for i in at.info]
    assert len(infos) == len(DUO_FILES)
    assert all("geen hogeschoolvestiging" in i for i in infos), infos
    assert not [m for m in at.metric if m.label.startswith("Eerstejaars")]


# ---------------------------------------------------------------- Beroep (Raadpleging)


def _survey_row(h: dict[str, str]) -> dict[str, str]:
    rows = [
        r
        for path in sorted(RAADPLEGING.glob("ch[0-9][0-9].csv"))
        for r in _rows(path)
        if r["source_kind"] == "raadpleging"
        and (r["survey_year"], r["chapter"], r["ref"], r["answer"], r["unit"], r["value_text"])
        == (h["survey_year"], h["chapter"], h["ref"], h["answer"], h["unit"], h["value_text"])
    ]
    assert len(rows) == 1, (h, rows)
    return rows[0]


def test_survey_headlines_are_the_reference_choice_in_its_order(overview):
    chosen = sorted(_rows(REFERENCE / "start_headlines.csv"), key=lambda h: int(h["position"]))
    labels = {h["label"] for h in chosen}
    shown = [m for m in overview.metric if m.label in labels]
    assert [m.label for m in shown] == [h["label"] for h in chosen]
    for h, card in zip(chosen, shown, strict=True):
        r = _survey_row(h)
        hedge = f"{r['hedge']} " if r["is_hedged"] == "true" and r["hedge"] else ""
        assert card.value == f"{hedge}{fmt.pct(float(r['value']), 0)}"
        assert f"n = {fmt.number(int(r['n']))}" in card.help


def test_survey_link_opens_that_question_on_the_raadpleging_page(overview):
    links = [p for p in overview.get("page_link") if p.proto.page == "raadpleging"]
    assert links
    for link in links:
        query = dict(parse_qsl(link.proto.query_string))
        at = _run(page_path("raadpleging"), **query)
        assert at.session_state["vraag"] == query["vraag"]
        assert str(at.session_state["hoofdstuk"]) == query["hoofdstuk"].split(".")[0]


# ---------------------------------------------------------------- Arbeidsmarkt (issue 17)


@cache
def published() -> dict[str, str]:
    return {r["url"]: r["published"] for r in _rows(VACANCIES / "sources.csv")}


def transcribed(basis: str) -> dict[str, dict[str, str]]:
    """period -> row for Nederland, SBI Q, quarters; the latest revision of each quarter."""
    out: dict[str, dict[str, str]] = {}
    for path in sorted(VACANCIES.glob(f"vacatures_{basis}*.csv")):
        for r in _rows(path):
            if r["region"] != "Nederland" or r["sbi"] != "Q" or "KW" not in r["period"]:
                continue
            rank = ("revised value" in r["unit"], published().get(r["url"]) or "")
            old = out.get(r["period"])
            if old is None or rank > (
                "revised value" in old["unit"],
                published()[old["url"]] or "",
            ):
                out[r["period"]] = r
    return out


@cache
def statline_q() -> dict[str, float]:
    """83599NED, Nederland, SBI Q: period -> persons (raw OData pages)."""
    out = {}
    for name in ("tables_2.json", "tables_3.json"):
        for r in json.loads((CBS_DIR / name).read_text(encoding="utf-8"))["value"]:
            text = (r["OpenstaandeVacatures_1"] or "").strip()
            if (
                r["RegioS"].strip() == "NL01"
                and r["BedrijfstakkenBranchesSBI2008"].strip() == Q_STATLINE
                and "KW" in r["Perioden"]
                and text not in ("", ".")
            ):
                out[r["Perioden"].strip()] = float(text) * 1000
    return out


def _when(period: str) -> str:
    return fmt.quarter(int(period[:4]), int(period[-1]))


def _year_before(period: str) -> str:
    return f"{int(period[:4]) - 1}{period[4:]}"


def _popover_texts(at: AppTest) -> str:
    return " ".join(c.value for c in at.code) + " " + " ".join(m.value for m in at.markdown)


def test_sa_card_is_the_newest_seasonally_adjusted_quarter(overview):
    sa = transcribed("sa")
    last = max(sa)
    card = _metric(overview, f"Vacatures {_when(last)}", "Seizoengecorrigeerd")
    assert _number(card.value) == round(float(sa[last]["value"]) * 1000)
    assert card.proto.color == MetricProto.MetricColor.GRAY, "a change shown as good or bad"
    prev = _year_before(last)
    if prev in sa:
        change = round((float(sa[last]["value"]) - float(sa[prev]["value"])) * 1000)
        assert card.proto.delta.startswith(fmt.signed(change).replace("\u2212", "-"))
        assert _when(prev) in card.proto.delta
    else:
        assert not card.proto.delta
    captions = " ".join(c.value for c in overview.caption).replace("\\", "")
    assert "seizoengecorrigeerd, landelijk (CBS-kwartaalbericht)" in captions
    assert sa[last]["url"] in _popover_texts(overview)


def test_nsa_card_is_the_newest_not_seasonally_adjusted_quarter(overview):
    nsa = {p: float(r["value"]) * 1000 for p, r in transcribed("nsa").items()}
    series = {**nsa, **statline_q()}  # a StatLine figure supersedes a transcription
    last = max(series)
    card = _metric(overview, f"Vacatures {_when(last)}", "Niet seizoengecorrigeerd")
    assert _number(card.value) == round(series[last])
    assert card.proto.color == MetricProto.MetricColor.GRAY
    prev = _year_before(last)
    if prev in series:
        assert _when(prev) in card.proto.delta
    captions = " ".join(c.value for c in overview.caption).replace("\\", "")
    if last not in statline_q():
        assert f"{_when(last)}: niet seizoengecorrigeerd" in captions
        assert "uit CBS-publicatie" in captions
        row = transcribed("nsa")[last]
        assert row["url"] in _popover_texts(overview)
        assert row["quote"] in _popover_texts(overview).replace("\\", "")


def test_vacancy_cards_no_longer_call_a_2020_quarter_the_latest(overview):
    text = " ".join(e.value for e in [*overview.caption, *overview.markdown]).replace("\\", "")
    assert "tot half" not in text
    assert "laatste kwartaal in dit bestand" not in text
    labels = [m.label for m in overview.metric if m.label.startswith("Vacatures")]
    assert len(labels) == 2
    assert _when(max(statline_q())) not in " ".join(labels)


def test_forecast_headline_recounted_from_transcription(overview_metrics):
    rows = [
        r
        for r in _rows(REPO / "data" / "transcribed" / "azw_prognose.csv")
        if r["branche"] == "welzijn" and r["occupation"] == "sociaal werk"
    ]
    end = max(rows, key=lambda r: int(r["year"]))
    label = f"Verwacht tekort sociaal werk {end['year']}"
    assert _number(overview_metrics[label]) == int(float(end["value"]))
