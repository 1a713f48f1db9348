"""AppTest: the Regio page reads its view from the URL and names the gemeente's regions."""

from __future__ import annotations

import csv
import json
import re
import shutil

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import config, geo
from dashboard.navigation import page_path
from tests.app.test_hostile_urls import HOSTILE, cases
from tests.apptest import load, shown
from tests.conftest import RAW, REPO

TABS = ("Trend", "Kaart", "Vacatures (provincie)", "Eigen cijfers")

PAGE = page_path("regio")


def _check(at: AppTest) -> AppTest:
    assert at.title[0].value.startswith("Regio"), [t.value for t in at.title]
    return at


def _run(**query) -> AppTest:
    """A fresh session on the Regio page with ``query`` as URL parameters (a shared link)."""
    return _check(load(PAGE, **query))


def _view(**query) -> AppTest:
    """The same, shared with every test that only reads that URL (see tests/apptest.py)."""
    return _check(shown(PAGE, **query))


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _raw_population() -> dict[str, float]:
    """Gemeente code -> inhabitants on 1 January of the latest year (raw CBS 03759ned)."""
    obs = json.loads((RAW / "cbs_bevolking_03759ned" / "observations-page-1.json").read_text())
    latest = max(int(o["Perioden"][:4]) for o in obs["value"])
    return {
        o["RegioS"]: o["Value"]
        for o in obs["value"]
        if o["Measure"] == "M000352"
        and o["RegioS"].startswith("GM")
        and int(o["Perioden"][:4]) == latest
        and o["Value"] is not None
    }


def test_default_is_largest_gemeente_from_raw_population():
    pop = _raw_population()
    largest = max(pop, key=pop.get)
    at = _view()
    assert at.session_state["gemeente"] == largest
    assert at.session_state["niveau"] == "arbeidsmarktregio"


# ---------------------------------------------------------------- one "mijn regio" (issue 18)


def test_shared_choice_is_the_regio_gemeente():
    at = _view(regio="Zwolle (gemeente)")
    assert at.session_state["regio"] == "GM0193"
    assert at.session_state["gemeente"] == "GM0193"
    assert _metrics(at)["Provincie"] == "Overijssel"
    assert _metrics(at)["Arbeidsmarktregio"] == "Regio Zwolle"


def test_provincie_choice_compares_its_largest_gemeente():
    with (RAW / "cbs_gebieden" / "gemeente_provincie.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    overijssel = {f"GM{r['code']}" for r in rows if r["provincie"] == "Overijssel"}
    pop = {c: v for c, v in _raw_population().items() if c in overijssel}
    largest = max(pop, key=pop.get)
    at = _view(regio="Overijssel")
    assert at.session_state["gemeente"] == largest
    assert at.session_state["regio"] == "PV23"  # showing a gemeente does not change the choice
    note = " ".join(c.value for c in at.caption).replace("\\", "")
    assert "Mijn regio is provincie Overijssel" in note


def test_picking_a_gemeente_on_regio_changes_the_shared_choice():
    at = _run(regio="Zwolle (gemeente)")
    at.selectbox(key="gemeente").select("GM0599").run()
    assert not at.exception
    assert at.session_state["regio"] == "GM0599"
    assert at.query_params["regio"] == "Rotterdam (gemeente)"  # one parameter in the URL
    assert "gemeente" not in at.query_params
    assert _metrics(at)["Arbeidsmarktregio"] == "Rijnmond"
    at.switch_page(page_path("overzicht")).run()
    headings = [m.value for m in at.markdown if m.value == "**Gemeente Rotterdam**"]
    assert len(headings) == 3  # one per student card


def test_old_gemeente_link_becomes_the_shared_choice():
    at = _view(gemeente="Zwolle (GM0193)")
    assert at.session_state["regio"] == "GM0193"
    assert at.session_state["gemeente"] == "GM0193"
    assert "gemeente" not in at.query_params


def test_url_gemeente_names_its_regions_and_rank():
    at = _view(regio="Zwolle (gemeente)", peers="3", weergave="Kaart")
    assert at.session_state["gemeente"] == "GM0193"
    m = _metrics(at)
    assert m["Provincie"] == "Overijssel"
    assert m["Arbeidsmarktregio"] == "Regio Zwolle"
    peers = next(c.value for c in at.caption if c.value.startswith("Vergelijkingsgroep"))
    assert peers.split("liggen:")[1].count("(") == 3  # three peers, each with its population
    rank = {k: v for k, v in _metrics(at).items() if k.startswith("Rang van Regio Zwolle")}
    assert rank, _metrics(at)
    assert re.match(r"^\d+e van \d+ arbeidsmarktregio's", next(iter(rank.values())))


@pytest.mark.parametrize(
    ("tab", "expect"),
    [("Vacatures (provincie)", "Rang van Overijssel"), ("Eigen cijfers", None)],
)
def test_other_tabs_run(tab, expect):
    at = _view(regio="Zwolle (gemeente)", weergave=tab, waarde="Aantal")
    if expect:
        assert any(k.startswith(expect) for k in _metrics(at)), _metrics(at)
    else:
        assert any("niet bij de deelbare link" in c.value for c in at.caption)


def test_gemeente_level_without_hogeschool_explains():
    at = _view(regio="Zeewolde (gemeente)", niveau="Gemeente")
    assert any("geen hogeschoolvestiging" in i.value for i in at.info)


def test_invalid_url_values_fall_back():
    at = _view(gemeente="<script>", niveau="wereld", peers="99")
    assert at.session_state["niveau"] == "arbeidsmarktregio"
    assert at.session_state["peers"] == 5


@pytest.mark.parametrize("case", cases(HOSTILE))
def test_hostile_url_is_ignored_on_regio(case):
    """Every hostile case on the Regio page itself, with its gemeente and upload widgets."""
    at = _run(**HOSTILE[case])
    for el in at.markdown:
        assert "<script" not in el.value.lower(), "data text reached the page as HTML"
        assert "onerror=" not in el.value.lower()


@pytest.fixture
def no_vacancies(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data, ignore=shutil.ignore_patterns("raw", "transcribed"))
    (data / "cbs_vacancies.parquet").unlink()
    monkeypatch.setattr(config, "DATA_DIR", data)
    geo.features.cache_clear()
    import streamlit as st

    st.cache_resource.clear()
    st.cache_data.clear()
    yield data
    geo.features.cache_clear()
    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.mark.parametrize("tab", TABS)
def test_every_tab_survives_a_missing_vacancy_snapshot(no_vacancies, tab):
    at = _run(regio="Zwolle (gemeente)", weergave=tab)
    warnings = " ".join(w.value for w in at.warning)
    if tab.startswith("Vacatures"):
        assert "niet beschikbaar" in warnings, warnings
    else:
        assert "niet beschikbaar" not in warnings, warnings


def test_trend_text_alternative_says_minimaal_like_the_kpi():
    at = _view(regio="Zwolle (gemeente)")
    nl = next(m.value for m in at.metric if m.label.startswith("Nederland"))
    texts = [e.value for e in (*at.markdown, *at.caption) if "Samenvatting" in e.value]
    assert texts, "no text alternative found"
    # the latest NL value as the KPI shows it ('minimaal …' with suppressed cells)
    assert "Nederland van " in texts[0]
    assert f"naar {nl} (" in texts[0].replace("\\", ""), (nl, texts[0])


# ---------------------------------------------------------------- own figures stay (issue 18)

OWN = b"gemeente;waarde\nZwolle;7,2\nDen Bosch;9,3\n's-Gravenhage;10,1\nAtlantis;5\n"


def _uploaded() -> AppTest:
    at = _run(regio="Zwolle (gemeente)", weergave="Eigen cijfers")
    at.file_uploader[0].upload("mijn-cijfers.csv", OWN, "text/csv").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _in_use(at: AppTest) -> list[str]:
    return [s.value.replace("\\", "") for s in at.success if "in gebruik" in s.value]


def _rank(at: AppTest) -> str | None:
    return next((m.value for m in at.metric if m.label.startswith("Rang van Zwolle")), None)


def test_upload_without_year_is_shown_and_outlives_the_uploader():
    """The parsed file is kept in the session: the uploader widget losing its file (as on a
    tab switch, when the tab's widgets are not drawn) or a page switch does not lose it."""
    at = _uploaded()
    assert _in_use(at) == [
        "Bestand mijn-cijfers.csv in gebruik (0,1 kB). Het blijft in deze browsersessie, ook als "
        "u van tab of pagina wisselt; het wordt niet opgeslagen."
    ]
    assert _rank(at) == "3e van 3 gemeenten"  # 7,2 < 9,3 < 10,1; Atlantis is not matched
    infos = " ".join(i.value for i in at.info).replace("\\", "")
    assert "jaar onbekend" in infos
    assert "1 regel(s) niet gekoppeld" in infos
    at.file_uploader[0].clear().run()
    assert _in_use(at)
    assert _rank(at) == "3e van 3 gemeenten"
    at.switch_page(page_path("overzicht")).run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert at.session_state["weergave"] == "Eigen cijfers"
    assert _in_use(at)
    assert _rank(at) == "3e van 3 gemeenten"


def test_remove_button_forgets_the_upload():
    at = _uploaded()
    next(b for b in at.button if b.label == "Bestand verwijderen").click().run()
    assert not at.exception
    assert not _in_use(at)
    assert _rank(at) is None
    assert len(at.file_uploader) == 1
    assert at.file_uploader[0].value is None  # a fresh, empty uploader


def test_templates_are_offered_as_csv_and_xlsx():
    at = _view(weergave="Eigen cijfers")
    labels = [b.proto.label for b in at.get("download_button")]
    # the tab's templates, then the page's factsheet under the tabs
    assert labels == ["Sjabloon (CSV)", "Sjabloon (Excel)", "Factsheet (PDF)"]
