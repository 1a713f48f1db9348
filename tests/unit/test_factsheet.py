"""Factsheet (PDF): three gemeenten, opened with pypdf; key figures recounted from the raw files.

The recounts read data/raw directly (DUO csv, CBS population json, CBS arbeidsmarktregio list),
never through pipeline/ or dashboard/.
"""

from __future__ import annotations

import csv
import io
import json
import re
import time

import pytest
from pypdf import PdfReader

from tests.conftest import RAW, REPO

DUO = RAW / "duo_hbo_2020plus" / "ingeschrevenenhbo.csv"
POP = RAW / "cbs_bevolking_03759ned" / "observations-page-1.json"
AM = RAW / "cbs_gebieden" / "arbeidsmarktregio_gemeente.json"
# a large city, a gemeente without a hogeschool, one reconstructed after a merger (2023)
CASES = {
    "utrecht": ("GM0344", "gemeente", "count"),
    "zeewolde": ("GM0050", "gemeente", "per_1000"),
    "voorne": ("GM1992", "arbeidsmarktregio", "per_1000"),
}


def _default_programmes() -> tuple[str, ...]:
    with (REPO / "data" / "reference" / "programme_groups.csv").open(encoding="utf-8") as fh:
        rows = csv.DictReader(fh)
        return tuple(r["programme_code"] for r in rows if r["in_default_selection"] == "true")


def _duo_rows() -> list[dict]:
    with DUO.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _recount(gemeenten: set[str]) -> tuple[int, bool]:
    """Enrolled in the latest year at locations in ``gemeenten`` (default programmes) and whether
    a suppressed cell ('-1') is among them."""
    rows = _duo_rows()
    latest = max(int(r["STUDIEJAAR"]) for r in rows)
    programmes = set(_default_programmes())
    total, suppressed = 0, False
    for r in rows:
        if int(r["STUDIEJAAR"]) != latest or r["OPLEIDINGSCODE_ACTUEEL"] not in programmes:
            continue
        if "GM" + r["GEMEENTENUMMER"] not in gemeenten:
            continue
        n = int(r["AANTAL_INGESCHREVENEN"])
        suppressed |= n == -1
        total += 0 if n == -1 else n
    return total, suppressed


def _population(code: str) -> int:
    obs = json.loads(POP.read_text(encoding="utf-8"))["value"]
    latest = max(int(o["Perioden"][:4]) for o in obs)
    return next(
        int(o["Value"])
        for o in obs
        if o["Measure"] == "M000352" and o["RegioS"] == code and int(o["Perioden"][:4]) == latest
    )


def _nl(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def sheets():
    from dashboard import factsheet
    from dashboard import regio_figures as rf

    out = {}
    for name, (code, level, mode) in CASES.items():
        v = rf.make_view(code, _default_programmes(), level=level, mode=mode)
        t0 = time.perf_counter()
        s = factsheet.sheet(v)
        pdf = factsheet.render(s)
        out[name] = (v, s, PdfReader(io.BytesIO(pdf)), time.perf_counter() - t0)
    return out


def _text(reader: PdfReader) -> str:
    return "\n".join(p.extract_text() for p in reader.pages)


@pytest.mark.parametrize("name", list(CASES))
def test_pages_title_language(sheets, name):
    v, _s, reader, seconds = sheets[name]
    assert 1 <= len(reader.pages) <= 2, len(reader.pages)
    gemeente = v.row["region_name"]
    assert reader.metadata.title == f"Factsheet {gemeente}"
    assert str(reader.trailer["/Root"]["/Lang"]).startswith("nl")
    assert _flat(f"Factsheet {gemeente}") in _flat(_text(reader))
    assert seconds < 60, seconds  # a few seconds on an idle machine; generous for a loaded CI


@pytest.mark.parametrize("name", list(CASES))
def test_every_chart_title_and_bron_line_is_text(sheets, name):
    _, s, reader, _ = sheets[name]
    text = _flat(_text(reader))
    manifest = json.loads((REPO / "data" / "manifest.json").read_text(encoding="utf-8"))
    assert len(s.figures) >= 2
    for f in s.figures:
        assert _flat(f.block.title) in text, f.block.title
        entry = manifest["snapshots"][f.block.snapshot]
        assert _flat(f"Bron: {entry['publisher']} – {entry['title']}") in text
        assert _flat(f"Definitie: {f.block.definition}") in text
    assert _flat(f"Snapshot {manifest['snapshot_id']}") in text


def test_large_city_counts_and_inhabitants_match_the_raw_files(sheets):
    _v, s, reader, _ = sheets["utrecht"]
    text = _flat(_text(reader))
    total, suppressed = _recount({"GM0344"})
    assert total > 1000
    expected = ("minimaal" if suppressed else "") + _nl(total)
    assert _flat(f"Utrecht{expected}") in text  # the region's key figure under its label
    assert _nl(_population("GM0344")) in text
    assert len(s.figures) == 4  # student trend and map, vacancy map and trend


def test_gemeente_without_hogeschool_says_so_and_shows_no_zero(sheets):
    _v, s, reader, _ = sheets["zeewolde"]
    text = _text(reader)
    total, suppressed = _recount({"GM0050"})
    assert total == 0
    assert not suppressed
    assert "geen hogeschoolvestiging" in text
    assert not any(section.startswith("Ingeschreven") for section, _ in s.kpis)
    assert _nl(_population("GM0050")) in _flat(text)
    assert len(s.figures) >= 3


def test_reconstructed_gemeente_names_its_estimated_denominator(sheets):
    v, _s, reader, _ = sheets["voorne"]
    text = _flat(_text(reader))
    assert v.name == "Rijnmond"
    am = json.loads(AM.read_text(encoding="utf-8"))["gemeenten"]
    members = {f"GM{k}" for k, n in am.items() if n == "Rijnmond"}
    total, suppressed = _recount(members)
    expected = ("minimaal" if suppressed else "") + _nl(total)
    assert _flat(f"Aantal in Rijnmond{expected}") in text
    assert _flat("Geschat inwonertal") in text
    assert _nl(_population("GM1992")) in text
    assert _flat("CBS publiceert vacatures alleen per provincie") in text
    assert _flat("niet-seizoengecorrigeerde") in text


def _statline_provincie_quarters() -> set[str]:
    found = set()
    for path in sorted((RAW / "cbs_vacatures_83599NED").glob("tables_*.json")):
        for r in json.loads(path.read_text(encoding="utf-8"))["value"]:
            sbi = r["BedrijfstakkenBranchesSBI2008"].strip()
            care = r["RegioS"].startswith("PV") and sbi == "422400"
            if care and str(r["OpenstaandeVacatures_1"]).strip() not in ("", ".", "None"):
                found.add(r["Perioden"])
    return found


def _transcribed_provincie_quarters(provincie: str) -> set[str]:
    found = set()
    folder = REPO / "data" / "transcribed" / "cbs_vacatures_2020_2025"
    for name in ("vacatures_nsa.csv", "vacatures_nsa_implied.csv"):
        with (folder / name).open(encoding="utf-8") as fh:
            found |= {
                r["period"]
                for r in csv.DictReader(fh)
                if (r["region"], r["sbi"]) == (provincie, "Q")
            }
    return found


@pytest.mark.parametrize("name", list(CASES))
def test_vacancy_bron_lines_name_every_file_the_quarters_come_from(sheets, name):
    v, s, reader, _ = sheets[name]
    text = _flat(_text(reader))
    snapshots = json.loads((REPO / "data" / "manifest.json").read_text(encoding="utf-8"))[
        "snapshots"
    ]

    def title(name: str) -> str:
        return _flat(f"{snapshots[name]['publisher']} – {snapshots[name]['title']}")

    statline_title, published_title = title("cbs_vacancies"), title("vacancies_transcribed")
    published = (
        _transcribed_provincie_quarters(str(v.row["provincie_name"]))
        - _statline_provincie_quarters()
    )
    assert published  # the provincie's series continues after the StatLine file
    trend = next(f for f in s.figures if f.block.key == "regio-vac-trend")
    assert statline_title in _flat(trend.prov.source)
    assert published_title in _flat(trend.prov.source)
    # the map shows the newest period: a quarter only the publications have names them alone
    vmap = next(f for f in s.figures if f.block.key == "regio-vac-kaart")
    if "uit CBS-publicatie" in vmap.block.title:
        assert _flat(vmap.prov.source) == published_title
    assert statline_title in text
    assert published_title in text


@pytest.mark.parametrize("name", list(CASES))
def test_bron_lines_name_the_publisher_once(sheets, name):
    _v, s, reader, _ = sheets[name]
    for f in s.figures:
        assert "bron:" not in f.prov.licence.lower(), f.prov.licence
    text = _text(reader).lower()
    assert "; bron: duo" not in text
    assert "; bron: cbs" not in text
