"""Chart titles wrap by the chart's width (phone), label limits shrink there, and 'Citeer als'
names publisher, title, data date and the URL of the view (built with urllib)."""

from __future__ import annotations

import json
import re

import pandas as pd

from dashboard import charts, charts_layout, ui

LONG = "Ingeschreven studenten – Groot Amsterdam naast Nederland en vergelijkbare regio's"


def _chart(title=LONG, subtitle=""):
    df = pd.DataFrame({"year": [2020, 2021], "n": [1, 2]})
    return charts.finish(charts.trend(df, "n", "Aantal"), title, subtitle)


def test_long_title_has_a_variant_per_width_and_none_is_cut():
    spec = charts.to_spec(_chart())
    expr = spec["title"]["text"]["expr"]
    variants = [json.loads(v) for v in re.findall(r"\[\"[^\]]*\]", expr)]
    assert min(max(len(line) for line in v) for v in variants) <= charts_layout.TITLE_LINE_CHARS[0]
    for lines in variants:
        assert " ".join(lines) == LONG  # every word kept, nothing shortened
    assert spec["description"] == LONG  # the SVG's accessible name


def test_short_title_stays_text_and_subtitle_wraps():
    sub = "Arbeidsmarktregio · Per 1.000 inwoners · locatie van de hogeschool, niet de woonplaats"
    spec = charts.to_spec(_chart("Kort", sub))
    assert spec["title"]["text"] == "Kort"
    assert " ".join(spec["title"]["subtitle"]) == sub
    assert all(len(line) <= charts_layout.SUBTITLE_CHARS for line in spec["title"]["subtitle"])


def test_label_limits_shrink_on_a_narrow_container():
    df = pd.DataFrame({"c": ["a", "b"], "v": [1, 2]})
    spec = charts.to_spec(charts.finish(charts.bars(df, "c", "v", "Aantal"), "T"))
    axis = spec["layer"][0]["encoding"]["y"]["axis"]
    assert "containerSize()[0]" in axis["labelLimit"]["expr"]
    assert str(charts_layout.NARROW_LABEL_LIMIT) in axis["labelLimit"]["expr"]


def test_citation_names_publisher_title_date_and_view_url():
    url = "https://example.org/instroom?maat=Eerstejaars&regio=Noord-Brabant"
    text = ui.citation("Eerstejaars per jaar", url=url)
    assert text.startswith("Citeer als: Sociaal Werk in Cijfers, „Eerstejaars per jaar”")
    assert re.search(r"gegevens van \d{1,2} [a-z]+ \d{4}", text)
    assert text.endswith(url)
