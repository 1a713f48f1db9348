"""The fixed cost of a rerun stays cut (issue #20): no per-chart Altair copy, one shared options
object, the browser keeps small repeated messages. Values are recounted from data/ directly."""

from __future__ import annotations

import tomllib

import altair as alt
import pandas as pd
import pytest

from dashboard import charts
from tests.conftest import REPO


def _layered() -> alt.LayerChart:
    df = pd.DataFrame({"year": [2020, 2021, 2022], "n": [5, 7, 9]})
    return charts.trend(df, "n", "Aantal")


def _calls(monkeypatch, cls: type, name: str) -> list:
    """Count calls of ``cls.name`` (the method still runs); the returned list grows per call."""
    calls: list = []
    original = getattr(cls, name)

    def counting(self, *args, **kwargs):
        calls.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(cls, name, counting)
    return calls


def test_finish_and_enlarge_do_not_rebuild_the_chart(monkeypatch):
    """properties() copied a LayerChart through its constructor (re-merging every layer's params)
    and schema-validated each property: ~13 ms per chart on every rerun."""
    chart = _layered()
    built = _calls(monkeypatch, alt.LayerChart, "__init__")
    done = charts.enlarge(charts.finish(chart, "Titel", "Ondertitel"))
    assert built == []
    # the original is untouched, the result carries title, size and presentation height
    assert chart.title is alt.Undefined
    assert charts._meta(chart) == {}
    spec = done.to_dict(validate=True)  # still a valid Vega-Lite spec
    assert spec["title"] == {"text": "Titel", "subtitle": "Ondertitel", "anchor": "start"}
    assert spec["usermeta"] == {"swic_size": "large"}
    assert spec["height"] == 640


def test_shared_filter_options_are_one_object_per_snapshot(database):
    """cache_data unpickled a fresh copy of all regions on each of the 3-4 calls per rerun."""
    from dashboard import filters
    from dashboard import queries as q

    first = filters._options(q.snapshot_id())
    assert filters._options(q.snapshot_id()) is first
    # the same content as before: every region of the options query, read-only
    assert list(first.region_labels) == list(q.options__regions()["region_code"])
    assert first.regions["NL01"][1] == "nl"
    with pytest.raises(TypeError):
        first.region_labels["NL01"] = "x"  # type: ignore[index]


def test_browser_keeps_messages_from_one_kilobyte():
    """Streamlit's ForwardMsg cache defaults to 10 kB: the page CSS, page script and the region
    list (each 8-10 kB) were sent again on every rerun."""
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["global"]["minCachedMessageSize"] <= 1000


def test_layers_that_share_a_table_are_not_hashed_or_copied(monkeypatch):
    """alt.layer over sub-charts that each hold the same DataFrame hashes each one through the
    DataFrame's text rendering and deep-copies it (a third of Instroom's rerun CPU under load,
    py-spy). The chart functions put the table on the layer instead; the spec is unchanged."""
    hashed = _calls(monkeypatch, alt.Chart, "_compute_hash")
    from dashboard import charts_arbeidsmarkt, charts_raadpleging

    df = pd.DataFrame({"year": [2020, 2021], "n": [5.0, 7.0], "s": ["a", "b"], "t": ["5", "7"]})
    survey = pd.DataFrame(
        {
            "year_label": ["x", "x"],
            "answer_label": ["ja", "nee"],
            "answer_rank": [1, 2],
            "item": ["ja", "nee"],
            "value": [40.0, 60.0],
            "label": ["40", "60"],
            "show_label": [True, True],
        }
    )
    built = [
        charts.trend(df, "n", "Aantal", series="s"),
        charts.break_rule(2021, "breuk"),
        charts.bars(df, "s", "n", "Aantal", label_field="t"),
        charts_arbeidsmarkt.grouped_bars(df, "s", "n", "year", "Aantal", "t"),
        charts_raadpleging.distribution(survey),
        charts_raadpleging.answer_bars(survey, "%", charts_raadpleging.Rounds(current="x")),
    ]
    assert hashed == []
    for chart in built:  # the table sits once, on the layer; no layer carries its own copy
        spec = chart.to_dict()
        assert "data" in spec or "datasets" in spec
        assert all("data" not in layer for layer in spec["layer"])


def test_to_spec_does_not_rebuild_layer_charts(monkeypatch):
    """to_dict copies the chart (and each nested layer chart) through LayerChart's constructor,
    which deep-copies every layer to merge parameters again; altair_speed makes that copy
    shallow. The spec still validates and the chart object is left as it was."""
    df = pd.DataFrame({"year": [2020, 2021, 2022], "n": [5, 7, 9]})
    chart = charts.finish(
        charts.layered(None, charts.trend(df, "n", "Aantal"), charts.break_rule(2021, "breuk")),
        "Titel",
    )
    before = chart.to_dict(validate=True)
    built = _calls(monkeypatch, alt.LayerChart, "__init__")
    spec = charts.to_spec(chart)
    assert built == []
    assert len(spec["layer"]) == 2
    assert len(spec["layer"][0]["layer"]) == 2
    assert chart.to_dict(validate=True) == before


def test_page_entries_define_no_cached_functions():
    """Streamlit executes a page's entry file on every run, so a st.cache_* decorator there keys
    itself by reading its own source again on every rerun (inspect.getsource: a tenth of Over de
    data's rerun). Cached functions live in the page's modules, imported once."""
    from dashboard.navigation import PAGES

    for spec in PAGES:
        text = (REPO / spec.path).read_text(encoding="utf-8")
        assert "st.cache_" not in text, spec.path


def test_page_objects_are_built_once_and_handed_out_as_copies():
    """st.Page resolves and checks its file on every call; st.navigation marks the page it runs
    on the object, so concurrent sessions each get their own copy of the once-built pages."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_string(
        "import streamlit as st\n"
        "from dashboard import navigation\n"
        "a, b = navigation.st_pages(), navigation.st_pages()\n"
        "st.session_state['same'] = [x is y for x, y in zip(a, b, strict=True)]\n"
        "st.session_state['paths'] = [x._page == y._page for x, y in zip(a, b, strict=True)]\n"
    )
    at.run()
    assert not at.exception
    assert at.session_state["same"] == [False] * 7
    assert at.session_state["paths"] == [True] * 7
