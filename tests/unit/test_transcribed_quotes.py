"""Every figure transcribed from a web page is stated by its own quote (own reader, no pipeline).

Files: data/transcribed/cbs_vacatures_2020_2025/*.csv (values in thousands) and
data/transcribed/azw_sociaal_werk/sociaal_werk_figures.csv (values as stated). For each row:
- the value occurs in the quote as written: "67,0 duizend", "68.000", "zo'n 380.000", "7.500",
  or through data/transcribed/number_words.csv where the quote uses words ("zo'n duizend");
- a quoted table row with glued cells ("Zuid-Holland6,07,28,98,611,916,6") is split by the table
  header it quotes (one "d+,d" cell per "YYYY 3e kwartaal" column) and the row's column checked;
- an IMPLIED value is recomputed from the level and the change its unit states; the change must
  be in the quote, the level in the quote or in another transcribed row.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TRANSCRIBED = REPO / "data" / "transcribed"
VAC = TRANSCRIBED / "cbs_vacatures_2020_2025"
AZW = TRANSCRIBED / "azw_sociaal_werk"
RAW_83599 = REPO / "data" / "raw" / "cbs_vacatures_83599NED"
VAC_FILES = sorted(VAC.glob("vacatures_*.csv"))
AZW_FILE = AZW / "sociaal_werk_figures.csv"
TOKEN = re.compile(r"\d+(?:[.,]\d+)*")
IMPLIED = re.compile(
    r"IMPLIED by arithmetic on the quote: (?P<level>\d+(?:\.\d+)?) \((?P<period>\d{4}KW0[1-4])\) "
    r"(?:(?P<op>[+-]) (?P<change>\d+(?:\.\d+)?)|x \(1 (?P<rop>[+-]) (?P<rate>0\.\d+)\))"
)
FROM_URL = "value from the article title/URL"


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            {**r, "_file": path.name, "_row": str(i)} for i, r in enumerate(csv.DictReader(fh), 2)
        ]


def _words() -> dict[str, float]:
    with (TRANSCRIBED / "number_words.csv").open(encoding="utf-8", newline="") as fh:
        return {_norm(r["words"]): float(r["value"]) for r in csv.DictReader(fh)}


def _norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip().lower()


VAC_ROWS = [r for p in VAC_FILES for r in _read(p)]
AZW_ROWS = _read(AZW_FILE)
WORDS = _words()


def _dutch_thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _persons_forms(persons: float) -> set[str]:
    if persons != int(persons):
        return {f"{persons:g}".replace(".", ",")}
    n = int(persons)
    return {str(n), _dutch_thousands(n)}


def stated(quote: str, amount: str, scale: int, url: str = "") -> bool:
    """Does the quote state ``amount`` (a CSV value string, in units of ``scale`` persons)?"""
    q = _norm(quote)
    persons = round(float(amount) * scale, 6)
    for m in TOKEN.finditer(q):
        tok, after = m.group(), q[m.end() : m.end() + 9]
        if m.start() > 0 and q[m.start() - 1].isdigit():
            continue
        if tok in _persons_forms(persons):
            return True
        # "67,0 duizend"; a bare "423,7" only on a StatLine table page (unit x1000)
        if (
            scale == 1000
            and tok == amount.replace(".", ",")
            and (after.startswith(" duizend") or "/cijfers/detail/" in url)
        ):
            return True
    for phrase, value in WORDS.items():
        if value == persons and re.search(rf"(?<![\w']){re.escape(phrase)}(?!\w)", q):
            return True
    return False


def glued_cell(row: dict[str, str]) -> str | None:
    """The cell of a quoted '[table header: …] Name<cells>' row for the row's period, or None."""
    m = re.fullmatch(r"\[table header: (?P<header>[^\]]+)\] (?P<line>.+)", row["quote"])
    if not m:
        return None
    columns = re.findall(r"(\d{4}) (\d)e kwartaal", m.group("header"))
    line = m.group("line")
    assert line.startswith(row["region"]), f"table row is not {row['region']}: {line!r}"
    glued = line[len(row["region"]) :]
    cells = re.findall(r"\d+,\d", glued)
    assert "".join(cells) == glued, f"cells do not split as d+,d: {glued!r}"
    assert len(cells) == len(columns), f"{len(cells)} cells for {len(columns)} columns"
    period = re.fullmatch(r"(\d{4})KW0(\d)", row["period"])
    assert period, row["period"]
    return dict(zip(columns, cells, strict=True)).get((period.group(1), period.group(2)))


def _same_key_value(rows, basis_file: str, period: str, region: str, sbi: str) -> set[str]:
    basis = "sa" if "_sa" in basis_file else "nsa"
    return {
        r["value"]
        for r in rows
        if ("_sa" in r["_file"]) == (basis == "sa")
        and (r["period"], r["region"], r["sbi"]) == (period, region, sbi)
    }


def implied_problem(row: dict[str, str], rows: list[dict[str, str]]) -> str | None:
    m = IMPLIED.search(row["unit"])
    if not m:
        return "IMPLIED row whose arithmetic cannot be read"
    level = float(m.group("level"))
    if m.group("op"):
        change = float(m.group("change"))
        result = level + change if m.group("op") == "+" else level - change
        if not stated(row["quote"], m.group("change"), 1000):
            return f"change {m.group('change')} (thousands) is not in the quote"
    else:
        rate = float(m.group("rate"))
        result = level * (1 + rate if m.group("rop") == "+" else 1 - rate)
        pct = f"{rate * 100:g}".replace(".", ",")
        if not re.search(rf"(?<![\d,]){re.escape(pct)} ?(%|procent)", _norm(row["quote"])):
            return f"rate {pct}% is not in the quote"
    decimals = len(row["value"].split(".")[1]) if "." in row["value"] else 0
    if round(result, decimals) != round(float(row["value"]), decimals):
        return f"{row['value']} != recomputed {result:g}"
    level_rows = _same_key_value(rows, row["_file"], m.group("period"), row["region"], row["sbi"])
    level_values = {float(v) for v in level_rows}
    if level not in level_values and not stated(row["quote"], m.group("level"), 1000):
        return f"level {m.group('level')} ({m.group('period')}) is neither quoted nor a row"
    return None


def vacancy_problem(row: dict[str, str], rows: list[dict[str, str]]) -> str | None:
    if not row["url"].startswith("https://") or not row["quote"].strip():
        return "no url or quote"
    if "IMPLIED" in row["unit"]:
        return implied_problem(row, rows)
    cell = glued_cell(row)
    if cell is not None:
        return None if cell == row["value"].replace(".", ",") else f"table cell says {cell}"
    if row["quote"].startswith("[table header:"):
        return "no column for this period in the quoted table"
    if FROM_URL in row["unit"]:
        # the quote is the article's next sentence; the number is in the title (and its URL slug)
        slug = _dutch_thousands(round(float(row["value"]) * 1000)).replace(".", "-")
        return None if slug in row["url"] else f"{slug} not in the URL"
    return None if stated(row["quote"], row["value"], 1000, row["url"]) else "value not in quote"


def azw_problem(row: dict[str, str]) -> str | None:
    if not row["url"].startswith("https://") or not row["quote"].strip():
        return "no url or quote"
    return None if stated(row["quote"], row["value"], 1) else "value not in quote"


def _where(row: dict[str, str]) -> str:
    return f"{row['_file']} row {row['_row']} ({row['period']} {row['region']} {row['sbi']})"


# --- the transcriptions --------------------------------------------------------------------


def test_files_and_row_counts_as_source_md_says():
    counts = {p.name: len(_read(p)) for p in VAC_FILES}
    assert counts == {
        "vacatures_nsa.csv": 54,
        "vacatures_nsa_implied.csv": 4,
        "vacatures_sa.csv": 27,
        "vacatures_sa_implied.csv": 16,
    }
    assert len(AZW_ROWS) == 19


@pytest.mark.parametrize("row", VAC_ROWS, ids=_where)
def test_vacancy_value_is_stated_by_its_quote(row):
    assert vacancy_problem(row, VAC_ROWS) is None, vacancy_problem(row, VAC_ROWS)


@pytest.mark.parametrize("row", AZW_ROWS, ids=_where)
def test_azw_value_is_stated_by_its_quote(row):
    assert azw_problem(row) is None, azw_problem(row)


def test_zuid_holland_table_row_is_split_by_its_header():
    row = next(
        r
        for r in VAC_ROWS
        if (r["period"], r["region"], r["sbi"]) == ("2022KW03", "Zuid-Holland", "Q")
    )
    assert "Zuid-Holland6,07,28,98,611,916,6" in row["quote"]
    assert glued_cell(row) == "16,6"
    assert row["value"] == "16.6"
    assert glued_cell({**row, "period": "2020KW03"}) == "8,6"


def test_zoekbaan_table_equals_83599ned_where_they_overlap():
    """SOURCE.md check 1: the 2017-2019 cells of the quoted table equal the raw 83599NED."""
    names = {
        "NL01": "Nederland",
        "PV20": "Groningen",
        "PV21": "Fryslân",
        "PV22": "Drenthe",
        "PV23": "Overijssel",
        "PV24": "Flevoland",
        "PV25": "Gelderland",
        "PV26": "Utrecht",
        "PV27": "Noord-Holland",
        "PV28": "Zuid-Holland",
        "PV29": "Zeeland",
        "PV30": "Noord-Brabant",
        "PV31": "Limburg",
    }
    raw = {}
    for page in sorted(RAW_83599.glob("*.json")):
        for r in json.loads(page.read_text(encoding="utf-8"))["value"]:
            region = r["RegioS"].strip()
            if r["BedrijfstakkenBranchesSBI2008"].strip() == "422400" and region in names:
                raw[(r["Perioden"], names[region])] = str(r["OpenstaandeVacatures_1"]).strip()
    table_rows = {r["region"]: r for r in VAC_ROWS if r["quote"].startswith("[table header:")}
    assert len(table_rows) == 13
    checked = 0
    for region, row in table_rows.items():
        for year in ("2017", "2018", "2019"):
            cell = glued_cell({**row, "period": f"{year}KW03"})
            assert cell is not None
            assert float(cell.replace(",", ".")) == float(raw[(f"{year}KW03", region)]), region
            checked += 1
    assert checked == 39


def test_every_url_has_a_publisher_and_dates_in_urls_match():
    for folder, rows in ((VAC, VAC_ROWS), (AZW, AZW_ROWS)):
        sources = {r["url"]: r for r in _read(folder / "sources.csv")}
        assert {r["url"] for r in rows} == set(sources), folder.name
        for url, s in sources.items():
            assert s["publisher"].strip(), url
            m = re.search(r"/(\d{4})/(\d{2})/(\d{2})/|/(\d{4})(\d{2})(\d{2})/", url)
            if m:
                parts = [g for g in m.groups() if g]
                assert s["published"] == "-".join(parts), url


# --- the checker itself can fail -----------------------------------------------------------


def _mutate(value: str, step: int) -> str:
    """Change the last digit by ``step`` (keeping the number of decimals)."""
    decimals = len(value.split(".")[1]) if "." in value else 0
    unit = 10**-decimals
    return f"{float(value) + step * unit:.{decimals}f}"


@pytest.mark.parametrize("step", [1, -1, 2, 10])
def test_a_changed_value_is_caught(step):
    """Every changed value fails, unless it lands on another figure that the same sentence
    states ("met 45 … (44)", "kinderopvang (56) en sociaal werk (55)"): such sentences cannot
    tell neighbouring figures apart, and there are only a few of them."""
    missed = []
    for rows, problem in (
        (VAC_ROWS, lambda r: vacancy_problem(r, VAC_ROWS)),
        (AZW_ROWS, azw_problem),
    ):
        for row in rows:
            changed = {**row, "value": _mutate(row["value"], step)}
            if problem(changed) is None:
                missed.append((row, changed["value"]))
    for row, value in missed:
        tokens = set(TOKEN.findall(_norm(row["quote"])))
        as_written = value.replace(".", ",")
        assert as_written in tokens, f"{_where(row)}: {value} passes but is not in the quote"
        assert as_written != row["value"].replace(".", ",")
    assert len(missed) <= 2, [_where(r) for r, _ in missed]


def test_checker_rejects_a_wrong_table_column_and_wrong_arithmetic():
    zh = next(r for r in VAC_ROWS if r["region"] == "Zuid-Holland" and r["period"] == "2022KW03")
    assert vacancy_problem({**zh, "value": "11.9"}, VAC_ROWS)  # the 2021 column, not 2022
    implied = next(r for r in VAC_ROWS if r["period"] == "2023KW03" and r["sbi"] == "Q")
    assert implied_problem(implied, VAC_ROWS) is None
    assert implied_problem({**implied, "value": "64.0"}, VAC_ROWS)
    assert implied_problem({**implied, "unit": implied["unit"].replace("0.046", "0.05")}, VAC_ROWS)
