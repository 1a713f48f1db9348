"""AppTest: every Raadpleging view renders from URL parameters; search opens a question."""

from __future__ import annotations

import csv
import json
import re
import shutil

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard import config, fmt, params
from dashboard.navigation import page_path
from tests.app.test_hostile_urls import cases
from tests.apptest import load, open_popovers, shown
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
    """The page on this URL, shared with every test that only reads it (tests/apptest.py)."""
    return _check(shown(PAGE, **query))


def _session(**query: str) -> AppTest:
    """A session of its own on this URL, for a test that clicks."""
    return _check(load(PAGE, **query))


def _check(at: AppTest) -> AppTest:
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
    # the copy sentences are built only when their popover opens (tests/apptest.py)
    at = open_popovers(load(PAGE, weergave="Kerncijfers"))
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
    at = _session(weergave="Zoeken", zoek="administratie")
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


@pytest.mark.parametrize("case", cases(_hostile_cases()))
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
        at = _session()
        warnings = " ".join(w.value for w in at.warning)
        assert "niet beschikbaar" in warnings
        assert "raadpleging" in warnings
        assert not at.tabs
        assert "None" not in " ".join(m.value for m in at.markdown)  # no round typed as None
    finally:
        st.cache_resource.clear()
        st.cache_data.clear()


# --- issue 18.4: a reader sees Dutch, the figure a link names, other studies as context --------

# English words of the transcription's audit notes (and of the old note captions) that a reader
# of the page must never see
ENGLISH = re.compile(
    r"\b(contradiction|contradicts?|notes?|chart|inferred|line|lines|prose|caption|restates|"
    r"paraphrased|comparison box|not reproducible|probably right|in het Engels)\b",
    re.I,
)
CONTEXT_QUESTION = (
    "Hoeveel procent van de werktijd besteden sociaal werkers gemiddeld aan administratie en "
    "regels?"
)
WERKDRUK = "Ervaren werkdruk (cijfer van 1. zeer laag tot 10. zeer hoog)"


def _specs(at: AppTest) -> list[dict]:
    """Every chart's Vega-Lite spec, with the rows of its datasets under 'rows'."""
    import json

    import pyarrow as pa

    out = []
    for chart in _charts(at):
        spec = json.loads(chart.proto.spec)
        rows = [rec for data in spec.get("datasets", {}).values() for rec in data]
        for ds in chart.proto.datasets:
            rows.extend(pa.ipc.open_stream(ds.data.data).read_all().to_pylist())
        spec["rows"] = rows
        out.append(spec)
    return out


def _texts(spec: dict) -> list[str]:
    """What a reader reads in a chart: title, subtitle, axis/legend/tooltip titles, string data."""
    out: list[str] = []

    def walk(node: object, key: str = "") -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if k not in ("field", "type", "sort", "datasets", "usermeta", "rows", "data"):
                    walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
        elif isinstance(node, str) and key in ("text", "subtitle", "title"):
            out.append(node)

    walk(spec)
    out += [v for rec in spec["rows"] for v in rec.values() if isinstance(v, str)]
    return out


def _page_text(at: AppTest) -> str:
    parts = [
        e.value
        for kind in ("markdown", "caption", "warning", "info", "subheader")
        for e in at.get(kind)
    ]
    parts += [t for spec in _specs(at) for t in _texts(spec)]
    for frame in at.dataframe:
        df = frame.value
        parts += [str(c) for c in df.columns]
        parts += [v for col in df.columns for v in df[col].tolist() if isinstance(v, str)]
    return "\n".join(p.replace("\\", "") for p in parts)


@pytest.mark.parametrize(
    "query",
    [
        {"hoofdstuk": "9", "vraag": ADMIN_QUESTION},
        {"hoofdstuk": "9", "vraag": CONTEXT_QUESTION},
        {"hoofdstuk": "11", "vraag": WERKDRUK},
        {"hoofdstuk": "1", "vraag": "Dienstverband"},
        {"hoofdstuk": "13", "vraag": "Crimineel gedrag"},
        {"weergave": COMPARISON_TAB},
        {"weergave": "Kerncijfers"},
        {"weergave": "Zoeken", "zoek": "werkdruk"},
    ],
    ids=["admin", "context", "werkdruk", "tabel-1.3", "crime", "comparison", "key", "search"],
)
def test_no_english_audit_text_on_the_page(query):
    if "hoofdstuk" in query:
        query = {**query, "hoofdstuk": _chapter_label(int(query["hoofdstuk"]))}
    at = _run(**query)
    text = _page_text(at)
    found = sorted({m.group(0) for m in ENGLISH.finditer(text)})
    assert not found, found
    # no English audit note of the CSVs reaches the reader, not even as a part of a sentence
    notes = {r["note"] for c in range(16) for r in _csv(c) if len(r["note"]) > 20}
    assert not [n for n in notes if n in text]
    assert "data/transcribed" not in text
    assert "COVERAGE.md" not in text


def test_cautionary_notes_are_shown_in_dutch():
    at = _run(hoofdstuk=_chapter_label(11), vraag=WERKDRUK)
    warnings = " ".join(w.value.replace("\\", "") for w in at.warning)
    captions = " ".join(c.value.replace("\\", "") for c in at.caption)
    rows = [r for r in _csv(11) if r["question"] == WERKDRUK]
    cautious = [r for r in rows if "ontradict" in r["note"]]
    assert cautious  # 'ruim 45 procent' vs 46 procent
    for r in cautious:
        assert r["note_nl"], r["line"]
        assert r["note_nl"] in warnings
    # why 2020 and 2024 cannot be compared: in Dutch, on the question of 2024 too
    scale = next(r for r in _csv(11) if "2020 scale" in r["note"])
    assert "1 tot 10" in scale["note_nl"]
    assert "niet dezelfde vraag" in scale["note_nl"]
    assert scale["note_nl"] in captions


def test_category_labels_carry_no_report_lines():
    at = _run(hoofdstuk=_chapter_label(11), vraag=WERKDRUK)
    specs = _specs(at)
    assert specs
    items = [rec["item"] for spec in specs for rec in spec["rows"] if "item" in rec]
    # the report states '8 of hoger' twice with different values (29 and 'een derde')
    assert sum(i.startswith("8 of hoger") for i in set(items)) == 2
    assert not [i for i in items if "regel" in i], items
    # the lines are still named, once, in the 'Vindplaats' caption
    vindplaats = next(c.value for c in at.caption if c.value.startswith("Vindplaats"))
    for r in _csv(11):
        if r["question"] == WERKDRUK:
            assert r["line"] in vindplaats


def _title(spec: dict) -> str:
    """A chart's title text; a long title is a width-dependent expression (charts_layout):
    take its first variant (the widest, also drawn without a container width)."""
    text = spec["title"]["text"]
    if isinstance(text, dict):
        variant = re.search(r"\? (\[.*?\]) :", text["expr"]).group(1)  # the first (widest)
        return " ".join(json.loads(variant))
    return " ".join(text) if isinstance(text, list) else text


def test_other_studies_are_labelled_as_context_never_under_the_survey_n():
    at = _run(hoofdstuk=_chapter_label(9), vraag=CONTEXT_QUESTION)
    rows = [r for r in _csv(9) if r["question"] == CONTEXT_QUESTION]
    context = {float(r["value"]) for r in rows if r["source_kind"] == "context"}
    survey = {float(r["value"]) for r in rows if r["source_kind"] == "raadpleging"}
    assert context == {37.0, 34.0}
    assert survey
    specs = _specs(at)
    with_n = [s for s in specs if "n = " in " ".join(s["title"]["subtitle"])]
    assert with_n
    for spec in with_n:  # the chart under the survey's n holds survey answers only
        values = {rec["value"] for rec in spec["rows"] if "value" in rec}
        assert not values & context, values
        assert not [rec for rec in spec["rows"] if "ander onderzoek" in str(rec.get("year_label"))]
    other = [s for s in specs if s not in with_n]
    assert len(other) == 1
    records = [rec for rec in other[0]["rows"] if "value" in rec]
    assert {rec["value"] for rec in records} == context
    for rec in records:
        assert rec["item"].startswith("uit ander onderzoek: "), rec
        assert rec["origin"].startswith("uit ander onderzoek: "), rec
    sources = {r["context_source"] for r in rows if r["source_kind"] == "context"}
    assert {rec["item"].split(": ", 1)[1].rsplit(" (", 1)[0] for rec in records} == sources
    assert "uit ander onderzoek" in _title(other[0]).lower()


def test_start_page_administratie_link_lands_on_that_figure():
    from dashboard import queries_overzicht, queries_raadpleging
    from pages.overzicht import raadpleging_kaarten

    with (REPO / "data" / "reference" / "start_headlines.csv").open(encoding="utf-8") as fh:
        chosen = next(h for h in csv.DictReader(fh) if "administratie" in h["label"].lower())
    headlines = queries_overzicht.overview__survey_headlines(int(chosen["survey_year"]))
    row = headlines[headlines["label"] == chosen["label"]].iloc[0]
    query = raadpleging_kaarten.link_params(row, queries_raadpleging.survey__chapters())
    at = _run(**query)
    assert at.session_state["hoofdstuk"] == int(chosen["chapter"])
    first = _specs(at)[0]
    bars = [rec for rec in first["rows"] if "value" in rec]
    # the first figure on the page is the one the card names: its value, first in the chart
    assert float(chosen["value_text"]) in {rec["value"] for rec in bars}
    order = next(layer["encoding"]["y"]["sort"] for layer in first["layer"])
    assert next(rec for rec in bars if rec["item"] == order[0])["value"] == float(
        chosen["value_text"]
    )
    assert "n = " in " ".join(first["title"]["subtitle"])


def _pair_units(chapter: int) -> set[str]:
    """Units with a survey figure in both rounds for the same question and answer (from the CSV)."""
    seen: dict[tuple, set[str]] = {}
    for r in _csv(chapter):
        if r["source_kind"] == "raadpleging":
            seen.setdefault((r["question"], r["answer"], r["unit"]), set()).add(r["survey_year"])
    return {unit for (_, _, unit), years in seen.items() if {PREVIOUS, CURRENT} <= years}


def test_comparison_chapter_selector_filters_the_charts():
    at = _run(weergave=COMPARISON_TAB)
    box = at.selectbox(key="vergelijkhoofdstuk")
    everything = len(_charts(at))
    chapters = [c for c in range(16) if _pair_units(c)]
    assert everything == sum(len(_pair_units(c)) for c in chapters)
    assert len(box.options) == 1 + len(chapters)
    at = _run(weergave=COMPARISON_TAB, vergelijkhoofdstuk=_chapter_label(7))
    assert at.selectbox(key="vergelijkhoofdstuk").value == 7
    specs = _specs(at)
    assert len(specs) == len(_pair_units(7)) < everything
    for spec in specs:
        assert _title(spec).startswith("7. "), spec["title"]
