"""AppTest: every Raadpleging view renders from URL parameters; search opens a question."""

from __future__ import annotations

import csv
import re
import shutil

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard import config, fmt, params
from dashboard.navigation import page_path
from tests.conftest import REPO

PAGE = page_path("raadpleging")
CSV_DIR = REPO / "data" / "transcribed" / "raadpleging"
ADMIN_QUESTION = (
    "Is de tijd die je besteedt aan administratie de afgelopen 2 jaar toe- of afgenomen?"
)


def _csv(chapter: int) -> list[dict[str, str]]:
    with (CSV_DIR / f"ch{chapter:02d}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# the two survey rounds, recounted from the CSVs (survey answers only, not context figures)
SURVEY_YEARS = sorted(
    {r["survey_year"] for c in range(16) for r in _csv(c) if r["source_kind"] == "raadpleging"}
)
CURRENT, PREVIOUS = SURVEY_YEARS[-1], SURVEY_YEARS[-2]
COMPARISON_TAB = f"{PREVIOUS} en {CURRENT}"
# the attribution the report's licence asks for (raw folder's SOURCE.md)
ATTRIBUTION = re.search(
    r'"Bron: ([^"]+)"',
    (REPO / "data" / "raw" / "raadpleging" / "SOURCE.md").read_text(encoding="utf-8"),
).group(1)


def _chapter_label(chapter: int) -> str:
    rows = _csv(chapter)
    max_n = max(int(r["n"]) for r in rows if r["n"])
    return f"{chapter}. {rows[0]['chapter_title']} (n = {fmt.number(max_n)})"


def _run(**query: str) -> AppTest:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    for k, v in query.items():
        at.query_params[k] = v
    # run once first: before that, AppTest finds a page by its file name ('page'), which does
    # not match the url_path st.navigation registers, and silently shows the default page
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Grote Raadpleging van het Sociaal Werk"
    return at


def _charts(at: AppTest) -> list:
    return list(at.get("vega_lite_chart"))


def test_chapter_view_from_url_shows_question_chart_and_lines():
    at = _run(hoofdstuk=_chapter_label(9), vraag=ADMIN_QUESTION)
    assert at.session_state["hoofdstuk"] == 9
    rows = _csv(9)
    question_box = at.selectbox(key="vraag")
    assert len(question_box.options) == len({r["question"] for r in rows})
    assert question_box.value == ADMIN_QUESTION
    assert next(h.value for h in at.subheader).replace("\\", "") == ADMIN_QUESTION
    assert len(_charts(at)) == 1
    captions = " ".join(c.value.replace("\\", "") for c in at.caption)
    for r in rows:
        if r["question"] == ADMIN_QUESTION:
            assert r["line"] in captions  # every seed line of this question is named
    assert "veldwerk 9 juli" in captions  # peildatum from the manifest
    assert any("Let op" in w.value for w in at.warning)  # 41 vs 40 percent contradiction


def test_key_figures_view_cards_and_sentences():
    at = _run(weergave="Kerncijfers")
    metrics = list(at.metric)
    assert 0 < len(metrics) <= 6 * 16
    values_current = {
        (r["answer"], r["value"])
        for c in range(16)
        for r in _csv(c)
        if r["unit"] == "percent" and r["survey_year"] == CURRENT
    }
    answers = {a for a, _ in values_current}
    for m in metrics:
        assert m.label.replace("\\", "") in answers
    sentences = [c.value for c in at.code if c.value.startswith(f"In {CURRENT} ")]
    assert len(sentences) == len(metrics)
    assert all(f"({ATTRIBUTION}, n = " in s for s in sentences)


def test_comparison_view_caveat_uses_response_counts():
    at = _run(weergave=COMPARISON_TAB)
    totals = {
        r["survey_year"]: float(r["value"]) for r in _csv(0) if r["answer"] == "Totaal respondenten"
    }
    caveat = at.warning[0].value
    assert f"{PREVIOUS}: n = {fmt.number(totals[PREVIOUS])}" in caveat
    assert f"{CURRENT}: n = {fmt.number(totals[CURRENT])}" in caveat
    assert "geen panel" in caveat
    assert len(_charts(at)) >= 5


def test_search_finds_chapter_9_and_opens_the_question():
    at = _run(weergave="Zoeken", zoek="administratie")
    table = at.dataframe[-1].value
    assert "9. Administratie- en regeldruk" in set(table["hoofdstuk"])
    target = next(
        b
        for b in at.button
        if b.key.startswith("zoek-open-") and ADMIN_QUESTION[:40] in b.label.replace("\\", "")
    )
    target.click().run()
    assert not at.exception
    assert at.session_state["weergave"] == "Per hoofdstuk"
    assert at.session_state["hoofdstuk"] == 9
    assert at.session_state["vraag"] == ADMIN_QUESTION
    assert at.subheader[0].value.replace("\\", "") == ADMIN_QUESTION
    assert len(_charts(at)) == 1


def test_search_injection_text_is_harmless():
    at = _run(weergave="Zoeken", zoek="'; drop table raadpleging; --")
    assert at.text_input(key="zoek").value == "'; drop table raadpleging; --"
    assert any("Geen cijfers gevonden" in i.value for i in at.info)
    assert len(at.dataframe) == 1  # only the per-chapter count table of the page intro
    assert not [b for b in at.button if str(b.key).startswith("zoek-open-")]


def test_comparison_view_warns_about_pairs_that_are_not_like_for_like():
    at = _run(weergave=COMPARISON_TAB)
    rows = _csv(7)
    changed = [
        r for r in rows if r["survey_year"] == PREVIOUS and "lastig te vergelijken" in r["note"]
    ]
    assert {r["value"] for r in changed} == {"30", "20"}  # caseload, doorlooptijd
    warnings = " ".join(w.value.replace("\\", "") for w in at.warning)
    for r in changed:
        assert f"{r['question']}: {r['answer']}" in warnings
        assert r["note_nl"] in warnings  # the Dutch note, not the English audit note
        assert r["note"] not in warnings
    # a year pair is no contradiction
    assert f"comparison block {CURRENT} vs {PREVIOUS}" not in warnings


# --- the page itself (not the default page) under hostile URLs and broken data -----------------
# the page's own hostile-URL and broken-data cases, asserting its own title (not the default page)


def _hostile_cases() -> dict[str, dict[str, str]]:
    from tests.app.test_hostile_urls import HOSTILE

    page_keys = {*vars(params.Raadpleging).values(), params.Shared.VIEW}
    return {name: query for name, query in HOSTILE.items() if page_keys & set(query)}


@pytest.mark.parametrize("case", sorted(_hostile_cases()))
def test_hostile_url_on_the_page_is_ignored(case):
    at = _run(**_hostile_cases()[case])
    for el in at.markdown:
        assert "<script" not in el.value.lower(), "data text reached the page as HTML"
        assert "onerror=" not in el.value.lower()
    assert at.tabs, "the tabs of the page are drawn"


def test_page_says_so_when_its_snapshot_is_corrupt(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data, ignore=shutil.ignore_patterns("raw", "transcribed"))
    (data / "raadpleging.parquet").write_bytes(b"PAR1 this is not parquet")
    monkeypatch.setattr(config, "DATA_DIR", data)
    st.cache_resource.clear()
    st.cache_data.clear()
    try:
        at = _run()
        warnings = " ".join(w.value for w in at.warning)
        assert "niet beschikbaar" in warnings
        assert "raadpleging" in warnings
        assert not at.tabs
        assert "None" not in " ".join(m.value for m in at.markdown)  # no round typed as None
    finally:
        st.cache_resource.clear()
        st.cache_data.clear()
