"""Bench part: generation time of the meeting exports (PowerPoint deck, Regio factsheet PDF).

Run in-process (no server): the same builders the download buttons call. The deck's slides are
captured the way a presenter makes them — one AppTest session clicks "Voeg toe aan presentatie"
on Instroom, Arbeidsmarkt and Raadpleging. Times per build:

- ``first``: a new deck / factsheet, chart-image cache empty (vl-convert already warm: the app
  warms it once per process when it draws its first chart block);
- ``repeat``: the same download again (chart images from the in-memory cache).
"""

from __future__ import annotations

import statistics
import time

DECK_PAGES = (  # page, query, chart block key (as tests/unit/test_deck_pptx.py)
    ("instroom", {"maat": "Eerstejaars", "opleiding": "Ad Sociaal Werk"}, "trend"),
    ("arbeidsmarkt", {}, "vacatures-trend"),
    ("raadpleging", {}, "raadpleging-vraag-percent"),
)
GEMEENTEN = {  # a large city, one without a hogeschool, one reconstructed after a merger
    "Utrecht": ("GM0344", "gemeente", "count"),
    "Zeewolde": ("GM0050", "gemeente", "per_1000"),
    "Voorne aan Zee": ("GM1992", "arbeidsmarktregio", "per_1000"),
}


def _slides(app: str) -> list:
    from streamlit.testing.v1 import AppTest

    from dashboard import deck
    from dashboard.navigation import page_path

    at = AppTest.from_file(app, default_timeout=120)
    at.run()
    for page, query, key in DECK_PAGES:
        for k, v in query.items():
            at.query_params[k] = v
        at.switch_page(page_path(page)).run()
        at.button(key=f"{key}-add").click().run()
    links = at.session_state[deck.S_DECK]
    return [at.session_state[deck.S_SLIDES][link] for link in links]


def _timed(fn, runs: int, reset) -> dict:
    first, repeat = [], []
    for _ in range(runs):
        reset()
        t0 = time.perf_counter()
        size = len(fn())
        first.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        fn()
        repeat.append(time.perf_counter() - t0)
    return {
        "first_s": round(statistics.median(first), 3),
        "repeat_s": round(statistics.median(repeat), 3),
        "first_max_s": round(max(first), 3),
        "bytes": size,
        "runs": runs,
    }


def exports_part(app: str, runs: int) -> dict:
    from dashboard import chart_images, deck_pptx, factsheet, regio_figures
    from dashboard import queries as q

    chart_images.render({"mark": "point", "data": {"values": [{}]}}, "png")  # warm vl-convert
    slides = _slides(app)
    built = str(q.database().manifest.get("built_at") or "")
    out = {
        "deck_3_charts": _timed(
            lambda: deck_pptx.build(slides, "http://localhost/", q.snapshot_id(), built),
            runs,
            chart_images.clear_cache,
        )
    }
    programmes = tuple(
        q.options__programmes().query("in_default_selection")["programme_code"].tolist()
    )
    for name, (code, level, mode) in GEMEENTEN.items():
        view = regio_figures.make_view(code, programmes, level=level, mode=mode)
        out[f"factsheet {name}"] = _timed(
            lambda v=view: factsheet.build(v), runs, chart_images.clear_cache
        )
    return out
