"""Population on the 2023 gemeente division, recounted from the raw CBS 03759ned files.

The reader below uses only ``json`` and ``re`` on data/raw (never pipeline/): CBS's own 1 January
values, and for each abolished gemeente the "Opgeheven per …, overgegaan naar:" block in its own
Description (receivers and the inhabitants each received). Border changes are never applied.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict

import pandas as pd
import pytest

from tests.conftest import RAW, REPO

POP_DIR = RAW / "cbs_bevolking_03759ned"
GEO_JSON = RAW / "cbs_gemeenten_2023_geo" / "gemeenten.json"
AM_JSON = RAW / "cbs_gebieden" / "arbeidsmarktregio_gemeente.json"
HAAREN, TILBURG, OISTERWIJK, VUGHT, BOXTEL = "GM0788", "GM0855", "GM0824", "GM0865", "GM0757"
NISSEWAARD, HELLEVOETSLUIS, VOORNE_AAN_ZEE = "GM1930", "GM0530", "GM1992"


@pytest.fixture(scope="module")
def raw_values() -> dict[tuple[str, int], int]:
    """(GM code or NL01, year) -> Bevolking op 1 januari (M000352), straight from the JSON."""
    obs = json.loads((POP_DIR / "observations-page-1.json").read_text(encoding="utf-8"))["value"]
    return {
        (o["RegioS"], int(o["Perioden"][:4])): int(o["Value"])
        for o in obs
        if o["Measure"] == "M000352" and o["Value"] is not None
    }


@pytest.fixture(scope="module")
def opgeheven() -> dict[str, dict[str, int]]:
    """Abolished GM code -> {receiver GM code: inhabitants}, from its own "Opgeheven" block."""
    codes = json.loads((POP_DIR / "codes-RegioS.json").read_text(encoding="utf-8"))["value"]
    out: dict[str, dict[str, int]] = {}
    for r in codes:
        text = r.get("Description") or ""
        m = re.search(
            r"Opgeheven per [\d-]+, overgegaan naar:\r\n((?:- .*\r\n\.\.\. .*\r\n)+)", text
        )
        if m:
            pairs = re.findall(r"\((GM\d{4})\),\r\n\.\.\. .* en (\d+) inwoners?", m.group(1))
            out[r["Identifier"]] = {code: int(n) for code, n in pairs}
    return out


@pytest.fixture(scope="module")
def current() -> set[str]:
    feats = json.loads(GEO_JSON.read_text(encoding="utf-8"))["features"]
    return {f["properties"]["gemeentecode"] for f in feats} - {"GM0998"}


@pytest.fixture(scope="module")
def expected(raw_values, opgeheven, current) -> dict[tuple[str, int], float]:
    """(2023 gemeente, year) -> own CBS value + exact shares of the gemeenten abolished into it."""
    exp: dict[tuple[str, int], float] = defaultdict(float)
    for (code, year), v in raw_values.items():
        if not code.startswith("GM"):
            continue
        if code in current:
            exp[(code, year)] += v
            continue
        receivers = opgeheven[code]
        assert set(receivers) <= current, code  # no chains in this table
        total = sum(receivers.values())
        for rec, n in receivers.items():
            exp[(rec, year)] += v * n / total
    return dict(exp)


@pytest.fixture(scope="module")
def reorganised(raw_values, opgeheven, current) -> dict[int, set[str]]:
    """Year -> 2023 gemeenten that received an abolished gemeente's inhabitants that year."""
    out: dict[int, set[str]] = defaultdict(set)
    for (code, year), _ in raw_values.items():
        if code.startswith("GM") and code not in current:
            out[year] |= set(opgeheven[code])
    return out


@pytest.fixture(scope="module")
def pop() -> pd.DataFrame:
    return pd.read_parquet(REPO / "data" / "population.parquet", dtype_backend="numpy_nullable")


def _value(pop: pd.DataFrame, code: str, year: int) -> int:
    row = pop[(pop.year == year) & (pop.region_code == code)]
    assert len(row) == 1, (code, year)
    return int(row.population.iloc[0])


def test_haaren_block_read_from_its_own_description(opgeheven):
    assert opgeheven[HAAREN] == {BOXTEL: 2149, OISTERWIJK: 5827, TILBURG: 1442, VUGHT: 4900}
    assert opgeheven[HELLEVOETSLUIS] == {VOORNE_AAN_ZEE: 40930}
    assert NISSEWAARD not in opgeheven  # only a border change (2018), never abolished


@pytest.mark.parametrize("year", [2019, 2020])
@pytest.mark.parametrize("code", [TILBURG, OISTERWIJK, VUGHT, BOXTEL])
def test_haaren_successors_get_own_value_plus_their_share(pop, raw_values, opgeheven, code, year):
    block = opgeheven[HAAREN]
    share = raw_values[(HAAREN, year)] * block[code] / sum(block.values())
    got = _value(pop, code, year)
    assert abs(got - (raw_values[(code, year)] + share)) < 1, (code, year, got)
    assert pop[(pop.year == year) & (pop.region_code == code)].is_reconstructed.all()


def test_tilburg_2019_is_not_inflated_by_haaren(pop, raw_values):
    """Tilburg received 1,442 of Haaren's 14,318 inhabitants, not ~94 % of them."""
    got = _value(pop, TILBURG, 2019)
    assert got == 218689
    assert got - raw_values[(TILBURG, 2019)] < 0.11 * raw_values[(HAAREN, 2019)]


@pytest.mark.parametrize("year", [2019, 2020, 2021, 2022])
def test_nissewaard_keeps_cbs_value(pop, raw_values, year):
    assert _value(pop, NISSEWAARD, year) == raw_values[(NISSEWAARD, year)]
    assert not pop[(pop.year == year) & (pop.region_code == NISSEWAARD)].is_reconstructed.any()


def test_nissewaard_2022_equals_cbs_86332(pop):
    assert _value(pop, NISSEWAARD, 2022) == 86332


@pytest.mark.parametrize("year", [2019, 2020, 2021, 2022])
def test_voorne_aan_zee_is_the_sum_of_its_three_gemeenten(pop, raw_values, year):
    parts = ("GM0501", HELLEVOETSLUIS, "GM0614")  # Brielle, Hellevoetsluis, Westvoorne
    assert _value(pop, VOORNE_AAN_ZEE, year) == sum(raw_values[(c, year)] for c in parts)


def test_every_gemeente_matches_the_recount(pop, expected, reorganised, current):
    gm = pop[pop.region_level == "gemeente"]
    assert set(gm.region_code) == current
    assert not gm.population.isna().any()
    for r in gm.itertuples():
        want = expected[(r.region_code, r.year)]
        if r.region_code in reorganised[r.year]:
            assert abs(r.population - want) < 1, (r.region_code, r.year)
        else:  # not reorganised: CBS's own value, exactly
            assert r.population == want, (r.region_code, r.year)


def test_reconstructed_flag_marks_exactly_the_receivers(pop, reorganised, current):
    gm = pop[pop.region_level == "gemeente"]
    for year, g in gm.groupby("year"):
        assert set(g[g.is_reconstructed].region_code) == reorganised.get(year, set()), year
    assert reorganised[2019] == reorganised[2020]
    assert {TILBURG, VOORNE_AAN_ZEE} <= reorganised[2019]
    assert NISSEWAARD not in set().union(*reorganised.values())


@pytest.mark.parametrize("year", range(2019, 2027))
def test_gemeente_sum_equals_nl(pop, raw_values, year):
    gm = pop[(pop.year == year) & (pop.region_level == "gemeente")]
    assert int(gm.population.sum()) == raw_values[("NL01", year)]
    assert _value(pop, "NL01", year) == raw_values[("NL01", year)]


def test_arbeidsmarktregio_is_sum_of_its_gemeenten(pop, expected, reorganised):
    am_of = {
        f"GM{k}": v for k, v in json.loads(AM_JSON.read_text(encoding="utf-8"))["gemeenten"].items()
    }
    want: dict[tuple[str, int], float] = defaultdict(float)
    flagged: dict[tuple[str, int], bool] = defaultdict(bool)
    for (code, year), v in expected.items():
        want[(am_of[code], year)] += v
        flagged[(am_of[code], year)] |= code in reorganised[year]
    am = pop[pop.region_level == "arbeidsmarktregio"]
    assert len(am) == len(want)
    for r in am.itertuples():
        assert abs(r.population - want[(r.region_name, r.year)]) < 1, (r.region_name, r.year)
        assert r.is_reconstructed == flagged[(r.region_name, r.year)], (r.region_name, r.year)
    gm = pop[pop.region_level == "gemeente"].copy()
    gm["am"] = gm.region_code.map(am_of)
    sums = gm.groupby(["year", "am"]).population.sum()
    for r in am.itertuples():
        assert r.population == sums[(r.year, r.region_name)]
