"""AppTest: every Arbeidsmarkt view renders; URL values reach the widgets; figures are recounted."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from dashboard import fmt
from dashboard.navigation import page_path
from tests.app.test_arbeidsmarkt_2025 import label, latest_nsa_q, transcribed
from tests.apptest import shown as shown_url
from tests.unit.test_arbeidsmarkt import TRANSCRIBED, Q, csv_rows, raw

PAGE = page_path("arbeidsmarkt")


def _run(**query) -> AppTest:
    return shown_url(PAGE, **query)  # read only (tests/apptest.py)


def _captions(at: AppTest) -> str:
    return " ".join(c.value for c in at.caption).replace("\\", "")


def test_vacatures_default_kpis_are_recounted():
    at = _run()
    values = {m.label: m.value for m in at.metric}
    period, value = latest_nsa_q("Nederland")  # was 2e kwartaal 2020 (83599NED only)
    assert values[f"Vacatures Q · {label(period)}"] == fmt.number(value)
    assert "bovengrens" in _captions(at) or any("bovengrens" in m.help for m in at.metric)


def test_vacatures_province_from_url_and_yearly_mode():
    at = _run(provincie="Gelderland", periode="Jaar")
    assert at.session_state["provincie"] == "PV25"
    assert at.session_state["periode"] == "jaar"
    values = {m.label: m.value for m in at.metric}
    period, now = latest_nsa_q("Gelderland")  # a transcribed quarter after 83599NED
    prev = f"{int(period[:4]) - 1}{period[4:]}"
    before = transcribed("nsa")[(prev, "Gelderland", "Q")]
    assert values[f"Vacatures Q · {label(period)}"] == fmt.number(now)
    assert values[f"Verandering t.o.v. {label(prev)}"].startswith(fmt.signed(now - before))
    assert "jaargemiddelde" in _captions(at)


def test_vacatures_follow_the_provincie_of_mijn_regio():
    """Sidebar "Mijn regio" Zwolle: CBS has no gemeente figures, so the page shows Overijssel."""
    at = _run(regio="Zwolle (gemeente)")
    assert at.session_state["provincie"] == "PV23"
    values = {m.label: m.value for m in at.metric}
    period, value = latest_nsa_q("Overijssel")
    assert values[f"Vacatures Q · {label(period)}"] == fmt.number(value)
    # an explicit choice on the page wins over the sidebar
    at = _run(regio="Zwolle (gemeente)", provincie="Gelderland")
    assert at.session_state["provincie"] == "PV25"
    # an arbeidsmarktregio has no single provincie: Nederland, as before
    at = _run(regio="Groot Amsterdam (arbeidsmarktregio)")
    assert at.session_state["provincie"] == "NL01"


def test_regios_quarter_from_url_names_the_top_province():
    at = _run(weergave="Regio's", kwartaal="4e kwartaal 2019")
    assert at.session_state["kwartaal"] == "2019KW04"
    values = {p: raw("2019KW04", f"PV{p}", Q) for p in range(20, 32)}
    top = max(values, key=values.get)
    names = {28: "Zuid-Holland", 27: "Noord-Holland"}
    assert f"hoogste {names[top]} ({fmt.number(values[top])})" in _captions(at)


def test_regios_per_1000_before_population_explains():
    at = _run(weergave="Regio's", kwartaal="2015 (jaargemiddelde)", waarde="Per 1.000 inwoners")
    assert at.session_state["waarde"] == "per_1000"
    assert any("beginnen in 2019" in i.value for i in at.info)


def test_regios_landsdeel_has_no_map():
    at = _run(weergave="Regio's", niveau="Landsdeel")
    assert any("geen kaartgrenzen" in i.value for i in at.info)


def test_verwachte_tekorten_shows_ambiguities():
    at = _run(weergave="Verwachte tekorten")
    text = " ".join(w.value for w in at.warning)
    assert "Voor psychologen blijft de vraag gelijk" in text.replace("\\", "")
    assert "gehandicaptenzorg en jeugdzorg" in text.replace("\\", "")


def test_kengetallen_cards():
    at = _run(weergave="Kengetallen")
    values = [m.value for m in at.metric]
    for shown in ("2.650 vacatures", "een derde", "ruim 50.000 personen", "64.800 personen"):
        assert shown in values, values
    assert "1,4 miljoen personen" in values


def test_aanbod_en_vraag_caveats_and_derived_growth():
    at = _run(weergave="Aanbod en vraag")
    warning = " ".join(w.value for w in at.warning)
    assert "Ad-gediplomeerden zitten niet in het prognosemodel" in warning
    assert "tot en met 2023" in warning
    rows = csv_rows(TRANSCRIBED / "azw_prognose.csv")
    sw = {
        int(r["year"]): float(r["value"])
        for r in rows
        if r["branche"] == "welzijn" and r["occupation"] == "sociaal werk"
    }
    growth = (sw[2031] - sw[2021]) / (2031 - 2021)
    assert fmt.signed(growth) in _captions(at)


def test_signalen_shows_bases_and_link():
    at = _run(weergave="Signalen uit de raadpleging")
    rows = csv_rows(TRANSCRIBED / "raadpleging" / "ch11.csv")
    n = next(r["n"] for r in rows if r["ref"] == "Figuur 11.6")
    assert f"n = {fmt.number(int(n))} (2024)" in _captions(at)
    assert at.get("page_link"), "no link to the Raadpleging page"
