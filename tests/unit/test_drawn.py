"""A chart block's drawing is remembered per block, data and snapshot (dashboard.drawn, #20):
the second rerun with the same selection builds no spec, a different selection never gets the
first one's drawing, and what the browser is sent holds the same rows as the chart's table."""

from __future__ import annotations

import datetime as dt
import math
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from dashboard import charts, drawn, screen
from dashboard.navigation import page_path
from pages.instroom.keuzes import measure_labels
from tests.apptest import load


def _closure(label: str):
    def summary(data: pd.DataFrame) -> str:
        return f"{label}: {len(data)}"

    return summary


def test_fingerprint_tells_closures_apart_by_what_they_captured():
    assert drawn.fingerprint(_closure("Drenthe")) == drawn.fingerprint(_closure("Drenthe"))
    assert drawn.fingerprint(_closure("Drenthe")) != drawn.fingerprint(_closure("Groningen"))
    # the same captured value of another type is another key (True is not 1)
    assert drawn.fingerprint(_closure(True)) != drawn.fingerprint(_closure(1))
    # frames by content, not identity
    a = pd.DataFrame({"jaar": [2020, 2021], "n": [1.0, None]})
    assert drawn.fingerprint(a) == drawn.fingerprint(a.copy())
    assert drawn.fingerprint(a) != drawn.fingerprint(a.assign(n=[1.0, 2.0]))


def test_fingerprint_keys_what_a_review_found_it_missed():
    """A bound built-in (names.get, "...".format) by its owner; an instant by its zone; a frame
    by its categories' order, list cells by full values, its axes' names."""
    assert drawn.fingerprint({"x": "A"}.get) != drawn.fingerprint({"x": "B"}.get)
    assert drawn.fingerprint("{} een".format) != drawn.fingerprint("{} twee".format)
    utc = dt.datetime(2024, 1, 1, 12, tzinfo=dt.UTC)
    assert drawn.fingerprint(utc) != drawn.fingerprint(utc.astimezone(ZoneInfo("Europe/Amsterdam")))
    cat = pd.DataFrame({"c": pd.Categorical(["a", "b"], categories=["a", "b"], ordered=True)})
    flipped = cat.assign(c=pd.Categorical(["a", "b"], categories=["b", "a"], ordered=True))
    assert drawn.digest(cat) != drawn.digest(flipped)
    cells = pd.DataFrame({"v": [np.array([0.123456789012]), np.array([0.123456789013])]})
    assert drawn.digest(cells.iloc[[0]]) != drawn.digest(cells.iloc[[1]].set_axis([0]))
    named = cat.rename_axis("jaar")
    assert drawn.digest(cat) != drawn.digest(named)


def test_what_it_cannot_name_is_not_cached():
    with pytest.raises(drawn.UnkeyableError):
        drawn.fingerprint(object())
    with pytest.raises(drawn.UnkeyableError):  # a map's hundreds of features: over the budget
        drawn.fingerprint([{"id": i} for i in range(1000)])
    built: list[int] = []
    for _ in range(2):
        drawn.remember(lambda: ("t", drawn.fingerprint(object())), lambda: built.append(1))
    assert built == [1, 1]


def test_remember_builds_once_per_key():
    drawn.clear()
    built: list[str] = []

    def build(name: str):
        built.append(name)
        return name.upper()

    assert drawn.remember(lambda: ("k", "a"), lambda: build("a")) == "A"
    assert drawn.remember(lambda: ("k", "a"), lambda: build("a")) == "A"
    assert drawn.remember(lambda: ("k", "b"), lambda: build("b")) == "B"
    assert built == ["a", "b"]
    assert drawn.stats() == {"hits": 1, "misses": 2, "entries": 2}
    drawn.clear()


def _rows(arrow_bytes: bytes) -> list[dict]:
    table = pa.ipc.open_stream(arrow_bytes).read_all()
    cols = [c for c in table.column_names if not c.startswith("__index_level")]
    return table.select(cols).to_pylist()


def _same(a: object, b: object) -> bool:
    if isinstance(a, float) and math.isnan(a):
        return b is None or (isinstance(b, float) and math.isnan(b))
    return a == b


def test_screen_spec_sends_the_charts_rows_as_arrow():
    """The browser gets, as Arrow, exactly the rows of the plain spec (values from the frame)."""
    df = pd.DataFrame(
        {"year": [2019, 2020, 2021], "n": [5.0, None, 9.5], "definitie": ["oud", "oud", "nieuw"]}
    )
    chart = charts.trend(df, "n", "Aantal", break_field="definitie")
    plain = charts.to_spec(chart)
    sent = screen.screen_spec(chart, "Titel. Samenvatting")
    assert sent["description"] == "Titel. Samenvatting"
    assert plain["datasets"]
    assert set(sent["datasets"]) == set(plain["datasets"])
    for name, rows in plain["datasets"].items():
        assert isinstance(sent["datasets"][name], bytes)
        got = _rows(sent["datasets"][name])
        assert len(got) == len(rows) == 3
        for want, row in zip(rows, got, strict=True):
            assert all(_same(row[k], v) for k, v in want.items()), (want, row)
    # everything but the tables is the same spec
    assert {k: v for k, v in sent.items() if k not in ("datasets", "description")} == {
        k: v for k, v in plain.items() if k != "datasets"
    }


def _spec_calls(monkeypatch) -> list:
    calls: list = []
    original = charts.to_spec

    def counting(chart):
        calls.append(1)
        return original(chart)

    monkeypatch.setattr(charts, "to_spec", counting)
    return calls


def test_a_rerun_with_the_same_selection_builds_no_spec(monkeypatch, database):
    """Instroom's trend: the first run builds the spec, the same view again (a rerun, another
    session) sends the remembered one; another measure builds its own, with its own figures."""
    one, two = list(measure_labels().values())[:2]
    drawn.clear()
    calls = _spec_calls(monkeypatch)
    first = load(page_path("instroom"), maat=one)
    assert len(calls) == 1
    again = load(page_path("instroom"), maat=one)
    assert len(calls) == 1, "the same view built its spec again"
    assert _charts(again) == _charts(first)
    other = load(page_path("instroom"), maat=two)
    assert len(calls) == 2
    assert _charts(other) != _charts(first)
    assert [c.value for c in other.caption if "Samenvatting" in c.value] != [
        c.value for c in first.caption if "Samenvatting" in c.value
    ]
    drawn.clear()


def _charts(at) -> list[str]:
    return [el.proto.spec for el in at.get("vega_lite_chart")]


def test_a_chart_drawn_again_is_sent_from_its_fingerprint(monkeypatch):
    """ui.chart_block / ui.show_chart callers (Arbeidsmarkt, Regio): the same chart content
    built afresh is one spec build; other values or another text alternative are their own."""
    drawn.clear()
    calls = _spec_calls(monkeypatch)

    def chart(values: list[float]):
        df = pd.DataFrame({"year": [2020, 2021, 2022], "n": values})
        return charts.finish(charts.trend(df, "n", "Aantal"), "Titel", "Ondertitel")

    first = screen.remembered(chart([1.0, 2.0, 3.0]), "Titel. Tekst")
    assert screen.remembered(chart([1.0, 2.0, 3.0]), "Titel. Tekst") is first
    assert len(calls) == 1
    other = screen.remembered(chart([1.0, 2.0, 4.0]), "Titel. Tekst")
    assert _rows(next(iter(other["datasets"].values())))[-1]["n"] == 4.0
    screen.remembered(chart([1.0, 2.0, 3.0]), "Titel. Andere tekst")
    assert len(calls) == 3
    drawn.clear()


def test_a_new_manifest_is_a_new_key(monkeypatch, database):
    """A rebuild that changes only the manifest's texts (bron, licentie) keeps the snapshot id;
    the block key follows the manifest the run reads, so the kept provenance is never stale."""
    from dashboard import queries

    one = next(iter(measure_labels().values()))
    drawn.clear()
    calls = _spec_calls(monkeypatch)
    load(page_path("instroom"), maat=one)
    assert len(calls) == 1
    token = queries._manifest_token()
    monkeypatch.setattr(queries, "_manifest_token", lambda: token + ":herbouwd")
    load(page_path("instroom"), maat=one)
    assert len(calls) == 2, "a new manifest reused the kept drawing"
    drawn.clear()
