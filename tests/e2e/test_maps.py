"""Real browser: a map draws every region of its level; regions without a value are grey.

Recounted from the raw files: the gemeenten from the CBS boundary file (without its 'Buitenland'
placeholder), and per gemeente the DUO graduates 2023 of the default programme groups
(published count -> coloured; only '<5' cells -> '<5' grey; no row -> 'geen hogeschool' grey).
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict

import pytest

from tests.conftest import RAW, REPO
from tests.e2e.conftest import wait_charts, wait_ready

pytestmark = pytest.mark.e2e

NO_DATA_GREY = "#f0f0f0"
SUPPRESSED_GREY = "#bdbdbd"
MAP_PATHS = 'svg:has(path[aria-roledescription="geoshape"]) .layer_0_marks path'


def _gemeenten() -> set[str]:
    doc = json.loads((RAW / "cbs_gemeenten_2023_geo" / "gemeenten.json").read_text("utf-8"))
    return {
        f["properties"]["gemeentecode"]
        for f in doc["features"]
        if f["properties"]["gemeentecode"] != "GM0998"  # 'Buitenland' placeholder
    }


def _graduates_2023_by_gemeente() -> tuple[set[str], set[str]]:
    """(gemeenten with a published count, gemeenten with only '<5' cells)."""
    with (REPO / "data" / "reference" / "programme_groups.csv").open(encoding="utf-8") as fh:
        codes = {
            r["programme_code"] for r in csv.DictReader(fh) if r["in_default_selection"] == "true"
        }
    published: dict[str, int] = defaultdict(int)
    suppressed: set[str] = set()
    with (RAW / "duo_hbo_2020plus" / "gediplomeerdenhbo.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["DIPLOMAJAAR"] == "2023" and r["OPLEIDINGSCODE_ACTUEEL"] in codes:
                code = "GM" + r["GEMEENTENUMMER"].zfill(4)
                n = int(r["AANTAL_GEDIPLOMEERDEN"])
                if n < 0:  # -1 = '<5'
                    suppressed.add(code)
                else:
                    published[code] += n
    return set(published), suppressed - set(published)


def test_gemeente_map_draws_every_gemeente_with_no_data_grey(page, server_url):
    gemeenten = _gemeenten()
    published, only_suppressed = _graduates_2023_by_gemeente()
    assert len(gemeenten) == 342
    assert published <= gemeenten
    assert published
    page.goto(
        f"{server_url}/instroom?maat=Gediplomeerd&weergave=Kaart&kaartniveau=Gemeente&jaar=2023"
    )
    wait_ready(page, timeout=90000)  # may be the first page of a fresh server
    wait_charts(page)
    page.locator(MAP_PATHS).first.wait_for(timeout=20000)
    shapes = page.locator(MAP_PATHS).evaluate_all(
        "ps => ps.map(p => [p.getAttribute('fill'), p.getAttribute('aria-label') || ''])"
    )
    assert len(shapes) == len(gemeenten)
    fills = [f.lower() for f, _ in shapes]
    assert fills.count(SUPPRESSED_GREY) == len(only_suppressed)
    grey = [label for f, label in shapes if f.lower() == NO_DATA_GREY]
    assert len(grey) == len(gemeenten) - len(published) - len(only_suppressed)
    assert all("geen hogeschool" in label for label in grey)
    coloured = [f for f in fills if f not in (NO_DATA_GREY, SUPPRESSED_GREY)]
    assert len(coloured) == len(published)
    legend = " ".join(
        page.locator('svg:has(path[aria-roledescription="geoshape"]) text').all_text_contents()
    )
    assert "geen hogeschool" in legend
    assert "of meer" in legend
