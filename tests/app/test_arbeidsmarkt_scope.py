"""Issue 14 (points 3, 6, 7, 10): labels, scope and precision, recounted from data/raw.

Every expected value is read here from the raw DUO/CBS files or the reference CSV with a small
reader of its own (csv/json), never through pipeline/.
"""

from __future__ import annotations

import csv
import json
import re
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from streamlit.proto.Metric_pb2 import Metric as MetricProto
from streamlit.testing.v1 import AppTest

from dashboard import fmt
from dashboard.navigation import page_path
from tests.apptest import shown
from tests.conftest import RAW, REPO
from tests.unit.test_arbeidsmarkt import TRANSCRIBED, Q, csv_rows, hundreds, raw_vacancies

ARBEIDSMARKT = page_path("arbeidsmarkt")
OVERZICHT = page_path("overzicht")
GROUPS_CSV = REPO / "data" / "reference" / "programme_groups.csv"
# the programme groups the Aanbod-en-vraag view compares with the AZW forecast (the view's mapping)
SUPPLY_GROUPS = ("Social Work", "Pedagogiek", "Toegepaste Psychologie")
OLD_GRADUATES = RAW / "duo_eerstejaars_gediplomeerden_hbo" / "hbo_gediplomeerden_2019.csv"
NEW_GRADUATES = RAW / "duo_hbo_2020plus" / "gediplomeerdenhbo.csv"
ENROLLED_JSON = RAW / "duo_ingeschrevenen_hbo" / "duo_ingeschrevenhbo_2024.json"
POPULATION = RAW / "cbs_bevolking_03759ned" / "observations-page-1.json"


def _run(page: str, **query: str) -> AppTest:
    return shown(page, **query)  # read only (tests/apptest.py)


def _text(elements) -> str:
    return " ".join(e.value for e in elements).replace("\\", "")


@cache
def groups() -> list[dict[str, str]]:
    with GROUPS_CSV.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def codes_of(*names: str) -> set[str]:
    return {r["programme_code"] for r in groups() if r["programme_group"] in names}


def _old_rows() -> list[dict[str, str]]:
    with OLD_GRADUATES.open(encoding="utf-8", newline="") as fh:
        return [r for r in csv.DictReader(fh, delimiter=";") if r.get("OPLEIDINGSCODE ACTUEEL")]


def _new_rows() -> list[dict[str, str]]:
    with NEW_GRADUATES.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# ---------------------------------------------------------------- point 3: supply label


def test_supply_label_names_only_the_degree_types_the_groups_hold():
    codes = codes_of(*SUPPLY_GROUPS)
    kinds = {r["SOORT DIPLOMA"] for r in _old_rows() if r["OPLEIDINGSCODE ACTUEEL"] in codes}
    kinds |= {r["SOORT_DIPLOMA"] for r in _new_rows() if r["OPLEIDINGSCODE_ACTUEEL"] in codes}
    assert kinds, "no graduates for the compared groups in the raw files"
    at = _run(ARBEIDSMARKT, weergave="Aanbod en vraag")
    shown = _text(at.caption) + " " + " ".join(" ".join(d.value.columns) for d in at.dataframe)
    if kinds == {"hbo bachelor"}:
        assert "hbo-bachelor" in shown
        assert "master" not in shown.lower(), "label claims masters the groups do not hold"
    if "hbo master" in kinds:
        assert "master" in shown


# ---------------------------------------------------------------- point 6: framing


def test_supply_caveats_part_time_share_is_the_raw_recount():
    rows = _old_rows()
    year = max(int(y) for y in rows[0] if y.isdigit())
    codes = codes_of("Social Work")
    total = sum(int(r[str(year)]) for r in rows if r["OPLEIDINGSCODE ACTUEEL"] in codes)
    part = sum(
        int(r[str(year)])
        for r in rows
        if r["OPLEIDINGSCODE ACTUEEL"] in codes
        and r["OPLEIDINGSVORM"] in ("deeltijd onderwijs", "duaal onderwijs")
    )
    share = round(100 * part / total, 1)
    at = _run(ARBEIDSMARKT, weergave="Aanbod en vraag")
    warning = _text(at.warning)
    assert f"Social Work {fmt.pct(share)} ({fmt.number(part)} van {fmt.number(total)})" in warning
    assert f"diploma's van {year}" in warning
    assert "psychologie niveau 6-7" in warning
    assert "(wo)" in warning
    assert "stroom" in warning
    assert "voorraad" in warning


def _chart_values(chart) -> tuple[set[float], str]:
    """All numbers in a Vega-Lite chart's inline data, and its spec as text."""
    spec = json.loads(chart.proto.spec)
    numbers: set[float] = set()

    def walk(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "values" and isinstance(v, list):
                    for row in v:
                        if isinstance(row, dict):
                            numbers.update(
                                float(x) for x in row.values() if isinstance(x, int | float)
                            )
                else:
                    walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(spec)
    return numbers, chart.proto.spec


def test_supply_graduates_and_shortage_growth_are_never_on_one_axis():
    last = max(int(r["DIPLOMAJAAR"]) for r in _new_rows())
    codes = codes_of("Social Work")
    graduates = sum(
        int(r["AANTAL_GEDIPLOMEERDEN"])
        for r in _new_rows()
        if r["DIPLOMAJAAR"] == str(last) and r["OPLEIDINGSCODE_ACTUEEL"] in codes
    )
    prognose = {
        int(r["year"]): float(r["value"])
        for r in csv_rows(TRANSCRIBED / "azw_prognose.csv")
        if r["branche"] == "welzijn" and r["occupation"] == "sociaal werk"
    }
    growth = round((prognose[2031] - prognose[2021]) / (2031 - 2021))
    at = _run(ARBEIDSMARKT, weergave="Aanbod en vraag")
    for chart in at.get("vega_lite_chart"):
        values, spec = _chart_values(chart)
        assert not ({float(graduates), float(growth)} <= values), "both quantities in one chart"
        assert "tekort" not in spec.lower(), "a chart mixes graduates with the shortage"
    tables = [d.value for d in at.dataframe]
    table = next(t for t in tables if any(c.startswith("gediplomeerden") for c in t.columns))
    grad_col = next(c for c in table.columns if c.startswith("gediplomeerden"))
    growth_col = next(c for c in table.columns if c.startswith("groei"))
    assert "personen" in grad_col
    assert "medewerkers per jaar" in growth_col
    row = table[table.iloc[:, 0] == "Social Work"].iloc[0]
    assert row[grad_col] == fmt.number(graduates)
    assert row[growth_col] == fmt.signed(growth)


# ---------------------------------------------------------------- point 7: scope


def test_ad_groups_are_named_for_what_they_hold():
    by_code = {r["programme_code"]: r for r in groups()}
    # Ad Pedagogisch Educatief Professional: childcare/teaching, not social work
    with ENROLLED_JSON.open(encoding="utf-8") as fh:
        enrolled = json.load(fh)
    pep = sum(
        r["2024"]
        for r in enrolled
        if str(r["OPLEIDINGSCODE ACTUEEL"]) == "80142" and isinstance(r["2024"], int)
    )
    assert pep > 0
    assert "Sociaal Werk" not in by_code["80142"]["programme_group"]
    assert "Pedagogisch" in by_code["80142"]["programme_group"]
    for r in groups():
        if r["programme_group"] == "Ad Sociaal Werk":
            assert re.search(r"Sociaal Werk|Social Work", r["programme_name"]), r


def test_start_page_says_which_programmes_the_headlines_count():
    default = [r for r in groups() if r["in_default_selection"] == "true"]
    names = list(dict.fromkeys(r["programme_group"] for r in default))
    at = _run(OVERZICHT)
    captions = _text(at.caption)
    assert f"{len(default)} opleidingen in {len(names)} opleidingsgroepen" in captions
    for name in names:
        assert name in captions
    assert "sociaal-werkopleidingen" not in _text(at.subheader)
    listed = next(d.value for d in at.dataframe if "opleiding" in d.value.columns)
    assert set(listed["opleiding"]) == {r["programme_name"] for r in default}


# ---------------------------------------------------------------- point 10: precision, concepts


def _raw_yearly_means(region: str) -> dict[int, float]:
    values: dict[int, list[float]] = {}
    for (period, reg, sbi), v in raw_vacancies().items():
        if reg == region and sbi == Q and v is not None and "KW" in period:
            values.setdefault(int(period[:4]), []).append(v)
    return {y: sum(vs) / len(vs) for y, vs in values.items()}


def test_yearly_vacancy_means_are_rounded_to_hundreds():
    means = _raw_yearly_means("NL01")
    top = max(means, key=means.get)
    low = min(means, key=means.get)
    at = _run(ARBEIDSMARKT, periode="Jaar")
    captions = _text(at.caption)
    assert f"hoogste {fmt.number(hundreds(means[top]))} in {top}" in captions
    assert f"laagste {fmt.number(hundreds(means[low]))} in {low}" in captions


def test_per_1000_rate_has_one_decimal_from_the_raw_counts():
    year = 2019
    with POPULATION.open(encoding="utf-8") as fh:
        obs = json.load(fh)["value"]
    pop = {
        o["RegioS"].strip(): o["Value"]
        for o in obs
        if o["Measure"] == "M000352"
        and o["Perioden"] == f"{year}JJ00"
        and o["RegioS"].startswith("PV")
    }
    rates = {p: 1000 * _raw_yearly_means(p)[year] / n for p, n in pop.items()}
    top = max(rates, key=rates.get)
    expected = float(Decimal(repr(rates[top])).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
    at = _run(
        ARBEIDSMARKT,
        weergave="Regio's",
        kwartaal=f"{year} (jaargemiddelde)",
        waarde="Per 1.000 inwoners",
    )
    assert f"({fmt.number(expected, 1)}), laagste" in _text(at.caption)


def test_2650_new_vacancies_are_labelled_ontstane():
    row = next(
        r
        for r in csv_rows(TRANSCRIBED / "kengetallen.csv")
        if r["document"] == "000" and r["unit"] == "vacatures"
    )
    at = _run(ARBEIDSMARKT, weergave="Kengetallen")
    card = next(m for m in at.metric if m.value.startswith(fmt.number(float(row["value"]))))
    assert "ontstane" in card.label
    assert "openstaande" in card.help


def test_start_page_vacancy_cards_label_their_period_and_basis_and_are_not_green():
    """Issue 17: the StatLine quarter is no longer 'the latest'; each card names its basis."""
    periods = sorted(
        p for (p, reg, sbi), v in raw_vacancies().items() if reg == "NL01" and sbi == Q and v
    )
    statline_last = fmt.quarter(int(periods[-1][:4]), int(periods[-1][-2:]))
    nsa = [
        r["period"]
        for name in ("vacatures_nsa.csv", "vacatures_nsa_implied.csv")
        for r in csv_rows(TRANSCRIBED / "cbs_vacatures_2020_2025" / name)
        if r["region"] == "Nederland" and r["sbi"] == "Q" and "KW" in r["period"]
    ]
    newest = max([*periods, *nsa])
    when = fmt.quarter(int(newest[:4]), int(newest[-1]))
    at = _run(OVERZICHT)
    cards = [m for m in at.metric if m.label.startswith("Vacatures")]
    assert {c.help.split(",")[0] for c in cards} == {
        "Seizoengecorrigeerd",
        "Niet seizoengecorrigeerd",
    }
    nsa_card = next(c for c in cards if c.help.startswith("Niet seizoengecorrigeerd"))
    assert when in nsa_card.label
    if newest != periods[-1]:
        assert statline_last not in nsa_card.label
    assert "laatste kwartaal in dit bestand" not in _text(at.caption)
    for card in cards:
        assert card.proto.color == MetricProto.MetricColor.GRAY, "a change shown as good"
