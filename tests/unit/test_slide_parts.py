"""A long comparison on a slide: 38 rows become parts of at most 12, in order, every row once,
each part saying which part it is; row labels are never dropped or cut alike."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import charts, exports, slide_layout, slide_view
from dashboard.charts_raadpleging import Rounds, dumbbell
from dashboard.deck import BlockRef

ROWS = 38
ROUNDS = Rounds("b", "a")  # round labels only name the legend here


def _frame() -> pd.DataFrame:
    # two items share their first 60 characters: cut at a label limit they would look the same
    stem = "Ik heb het gevoel dat mijn werk ertoe doet en dat het gezien wordt door"
    items = [f"{stem} {'collega' if i % 2 else 'cliënten'} {i}" for i in range(ROWS)]
    return pd.DataFrame(
        {
            "item": items,
            "value_previous": [float(i) for i in range(ROWS)],
            "value_current": [float(i + 1) for i in range(ROWS)],
            "label_previous": [f"{i}%" for i in range(ROWS)],
            "label_current": [f"{i + 1}%" for i in range(ROWS)],
        }
    )


def _ref() -> BlockRef:
    chart = charts.finish(dumbbell(_frame(), "% van de respondenten", ROUNDS), "Vergelijking", "x")
    prov = exports.Provenance(title="Vergelijking", source="Movisie", peildatum="p", licence="l")
    return BlockRef(chart, prov, "samenvatting", "", "", "kerncijfer", ())


def _kept(spec: dict) -> list[str]:
    found = slide_layout.rows(spec)
    assert found is not None
    filters = [
        t["filter"]["oneOf"]
        for unit in slide_layout._units(spec)
        for t in unit.get("transform", [])
        if isinstance(t.get("filter"), dict) and "oneOf" in t["filter"]
    ]
    assert filters
    assert all(f == found[1] for f in filters)  # every layer keeps the same rows, in order
    return found[1]


@pytest.mark.parametrize("screen", [(1920, 1080), (1280, 720)])
def test_38_row_comparison_is_split_into_parts(screen):
    ref, items = _ref(), _frame()["item"].tolist()
    first, j, parts, line = slide_view.slide_spec(ref, screen, 0, False, True)
    assert j == 0
    assert parts >= 4  # 38 rows in parts of at most 12
    assert line == f"deel 1 van {parts} · rij 1-{len(_kept(first))} van {ROWS}"
    assert first["title"]["subtitle"][0] == line
    shown = []
    for k in range(parts):
        spec, jj, n, line = slide_view.slide_spec(ref, screen, k, False, True)
        assert (jj, n) == (k, parts)
        kept = _kept(spec)
        assert 1 <= len(kept) <= slide_layout.MAX_ROWS
        assert line.startswith(f"deel {k + 1} van {parts}")
        shown += kept
    assert shown == items  # every row once, in the page's order
    _, jj, _, _ = slide_view.slide_spec(ref, screen, 999, False, True)  # a step back
    assert jj == parts - 1


def test_slide_chart_gets_most_of_the_screen_and_labels_whole():
    spec, *_ = slide_view.slide_spec(_ref(), (1920, 1080), 0, False, True)
    assert spec["height"] >= 0.6 * 1080
    assert spec["width"] == 1920 - slide_layout.PAD_X
    y = next(u["encoding"]["y"] for u in slide_layout._units(spec) if "y" in u["encoding"])
    assert y["axis"]["labelOverlap"] is False  # Vega drops no row label
    assert y["axis"]["labelLimit"] == 0  # no cut: long labels come in lines
    for item in _kept(spec):
        assert item.split()[-1] in y["axis"]["labelExpr"]  # the distinguishing end is shown


def test_short_comparison_stays_one_part():
    df = _frame().head(slide_layout.MAX_ROWS - 4)
    chart = charts.finish(dumbbell(df, "%", ROUNDS), "Kort", "")
    _, j, parts, total = slide_layout.part(charts.to_spec(chart), 3)
    assert (j, parts, total) == (0, 1, len(df))
    assert slide_layout.parts_of(ROWS) == [(0, 10), (10, 19), (19, 28), (28, 38)]
