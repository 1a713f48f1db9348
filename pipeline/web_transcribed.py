"""Figures transcribed by hand from web pages (CBS vacancies after 2020Q2, AZW sociaal werk).

Each folder under data/transcribed/ holds CSVs with ``period, region, sbi, value, unit, url,
quote`` (see its SOURCE.md) and a ``sources.csv`` that names the publisher of every URL and its
publication date where known. These readers type the rows and check their structure (codes,
basis, file vs flags); whether each quote really states its value is checked independently by
tests/unit/test_transcribed_quotes.py.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd

from pipeline import cbs
from pipeline.errors import BuildError

VAC_DIR = "cbs_vacatures_2020_2025"
AZW_DIR = "azw_sociaal_werk"
COLUMNS = ["period", "region", "sbi", "value", "unit", "url", "quote"]

# file -> basis ("nsa": not seasonally adjusted, as 83599NED; "sa": seasonally adjusted, 80474ned)
VAC_FILES = {
    "vacatures_nsa.csv": "nsa",
    "vacatures_nsa_implied.csv": "nsa",
    "vacatures_sa.csv": "sa",
    "vacatures_sa_implied.csv": "sa",
}
REGION_BY_NAME = {name: (code, level) for code, (level, name) in cbs.REGIONS_83599.items()}
SBI_BY_LETTER = {letter: code for code, (letter, _, _) in cbs.SBI.items()}
_VAC_PERIOD = re.compile(r"^(\d{4})(?:KW0([1-4])|JJ00)$")
# phrases in ``unit`` that say how a value was obtained; from there on it is the ``derivation``
_DERIVATION = re.compile(r"IMPLIED|period INFERRED|revised value|value from")


def _read(path: Path) -> tuple[list[dict[str, str]], list[str]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            if reader.fieldnames is None:
                raise BuildError(path, None, None, "leeg bestand")
            rows = list(reader)
            fields = list(reader.fieldnames)
    except UnicodeDecodeError as exc:
        raise BuildError(path, None, None, f"geen UTF-8: {exc}") from None
    return rows, fields


def read_sources(path: Path) -> dict[str, dict[str, str]]:
    rows, fields = _read(path)
    if fields != ["url", "publisher", "published", "published_from"]:
        raise BuildError(path, 1, None, f"onverwachte kolommen {fields}")
    out = {}
    for i, r in enumerate(rows, start=2):
        if not r["publisher"].strip():
            raise BuildError(path, i, "publisher", "leeg")
        if r["published"] and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["published"]):
            raise BuildError(path, i, "published", f"geen datum JJJJ-MM-DD: {r['published']!r}")
        out[r["url"]] = r
    return out


def _rows(path: Path) -> list[dict[str, str]]:
    rows, fields = _read(path)
    if fields != COLUMNS:
        raise BuildError(path, 1, None, f"kolommen {fields}, verwacht {COLUMNS}")
    for i, r in enumerate(rows, start=2):
        for col in ("url", "quote", "unit"):
            if not (r.get(col) or "").strip():
                raise BuildError(path, i, col, "leeg: elke rij heeft bron-URL, citaat en eenheid")
        if not r["url"].startswith("https://"):
            raise BuildError(path, i, "url", f"geen https-URL: {r['url']!r}")
        try:
            if float(r["value"]) <= 0:
                raise ValueError
        except ValueError:
            raise BuildError(path, i, "value", f"geen positief getal: {r['value']!r}") from None
    return rows


def _source(sources: dict, path: Path, row: int, url: str) -> dict[str, str]:
    if url not in sources:
        raise BuildError(path, row, "url", "ontbreekt in sources.csv (uitgever onbekend)")
    return sources[url]


def vacancies(folder: Path) -> tuple[pd.DataFrame, list[Path]]:
    """All four vacancy files as one table with a ``basis`` column (never mixed downstream)."""
    sources_path = folder / "sources.csv"
    sources = read_sources(sources_path)
    records = []
    paths = []
    for name, basis in VAC_FILES.items():
        path = folder / name
        paths.append(path)
        implied_file = name.endswith("_implied.csv")
        for i, r in enumerate(_rows(path), start=2):
            unit = r["unit"]
            says_nsa = "NOT seasonally adjusted" in unit
            says_sa = "SEASONALLY ADJUSTED" in unit
            if (basis == "nsa") != says_nsa or (basis == "sa") != says_sa:
                raise BuildError(
                    path, i, "unit", f"basis past niet bij bestand ({basis}): {unit!r}"
                )
            if not unit.startswith("x1000"):
                raise BuildError(path, i, "unit", "verwacht waarden in duizenden ('x1000')")
            m = _VAC_PERIOD.match(r["period"])
            if not m:
                raise BuildError(path, i, "period", f"onbekende periode {r['period']!r}")
            if r["region"] not in REGION_BY_NAME:
                raise BuildError(path, i, "region", f"onbekende regio {r['region']!r}")
            if r["sbi"] not in SBI_BY_LETTER:
                raise BuildError(path, i, "sbi", f"onbekende SBI {r['sbi']!r}")
            is_implied = "IMPLIED" in unit
            if is_implied and not implied_file:
                raise BuildError(path, i, "unit", "afgeleide waarde hoort in *_implied.csv")
            year = int(m.group(1))
            quarter = int(m.group(2)) if m.group(2) else None
            region_code, level = REGION_BY_NAME[r["region"]]
            sbi_code = SBI_BY_LETTER[r["sbi"]]
            letter, label, is_agg = cbs.SBI[sbi_code]
            src = _source(sources, path, i, r["url"])
            how = _DERIVATION.search(unit)  # the unit text from the first "how" phrase on
            records.append(
                {
                    "period_code": r["period"],
                    "period_type": "quarter" if quarter else "year",
                    "year": year,
                    "quarter": quarter,
                    "quarter_start": (
                        pd.Timestamp(year=year, month=3 * quarter - 2, day=1) if quarter else pd.NaT
                    ),
                    "region_level": level,
                    "region_code": region_code,
                    "region_name": r["region"],
                    "landsdeel_code": cbs.PROVINCE_LANDSDEEL.get(region_code),
                    "sbi_code": sbi_code,
                    "sbi_letter": letter,
                    "sbi_name": label,
                    "is_sbi_aggregate": is_agg,
                    "basis": basis,
                    "vacancy_count": round(float(r["value"]) * 1000),
                    "value_thousands": float(r["value"]),
                    # "68" is a figure in whole thousands, "67.0" one in hundreds
                    "rounded_to": 100 if "." in r["value"] else 1000,
                    "is_provisional": year >= cbs.FIRST_PROVISIONAL_YEAR,
                    "is_implied": is_implied,
                    "is_inferred": "INFERRED" in unit,
                    "is_revision": "revised value" in unit,
                    "is_approximate": "zo'n" in unit or "approximate" in unit,
                    "has_source_conflict": "conflicts" in unit,
                    "derivation": unit[how.start() :] if how else None,
                    "note": unit,
                    "source_file": f"{VAC_DIR}/{name}",
                    "url": r["url"],
                    "quote": r["quote"],
                    "publisher": src["publisher"],
                    "published": pd.Timestamp(src["published"]) if src["published"] else pd.NaT,
                }
            )
    df = pd.DataFrame(records)
    df["quarter"] = df["quarter"].astype("Int64")
    df["quarter_start"] = pd.to_datetime(df["quarter_start"])
    df["published"] = pd.to_datetime(df["published"])
    df = df.sort_values(["basis", "period_code", "region_code", "sbi_code", "is_revision"])
    return df.reset_index(drop=True), [*paths, sources_path]


# --- AZW sociaal werk -------------------------------------------------------------------------

# unit text (start) -> (measure, Dutch unit, definition)
AZW_MEASURES = (
    ("vacaturegraad:", "vacaturegraad", "vacatures per 1.000 banen van werknemers"),
    ("% change in ontstane", "ontstane_vacatures_verandering", "procent"),
    ("persons: employees", "werknemers", "personen"),
    ("persons: self-employed", "zelfstandigen", "personen"),
    ("persons: projected", "tekort_prognose", "personen"),
    ("persons: sociaal werkers", "sociaal_werkers", "personen"),
    ("open vacancies", "openstaande_vacatures", "vacatures"),
    ("vacancies for an occupation", "openstaande_vacatures_beroep", "vacatures"),
)
# prognosis edition: (phrase in unit, edition, Dutch label, first year, last year)
AZW_EDITIONS = (
    ("AZW Prognosemodel 2022-2031", "2022-2031", "AZW-prognose 2022-2031", 2022, 2031),
    ("AZW Prognosemodel 2024-2033", "2024-2033", "AZW-prognose 2024-2033", 2024, 2033),
    (
        "basis of the AZW scenario study",
        "scenario-2024",
        "AZW-scenarioanalyse (mei 2024)",
        None,
        2033,
    ),
    ("older prognosis", "ongedateerd", "oudere AZW-prognose (ongedateerd)", None, None),
)
MONTHS = {"sept": 9}


def _azw_period(text: str) -> tuple[str | None, str, int | None, int | None, bool]:
    """'2021JJ00' | '2022KW04' | '2022' | '2022 (sept)' | '2022KW02 (inferred)' | undated."""
    inferred = "(inferred)" in text
    core = text.replace("(inferred)", "").strip()
    if m := re.fullmatch(r"(\d{4})JJ00", core):
        return core, "year", int(m.group(1)), None, inferred
    if m := re.fullmatch(r"(\d{4})KW0([1-4])", core):
        return core, "quarter", int(m.group(1)), int(m.group(2)), inferred
    if m := re.fullmatch(r"(\d{4})", core):
        return f"{core}JJ00", "year", int(core), None, inferred
    if (m := re.fullmatch(r"(\d{4}) \((\w+)\)", core)) and m.group(2) in MONTHS:
        month = MONTHS[m.group(2)]
        return f"{m.group(1)}MM{month:02d}", "month", int(m.group(1)), None, inferred
    if "ongedateerd" in core:
        return None, "undated", None, None, inferred
    raise ValueError(text)


def azw_sociaal_werk(folder: Path) -> tuple[pd.DataFrame, list[Path]]:
    sources_path = folder / "sources.csv"
    sources = read_sources(sources_path)
    path = folder / "sociaal_werk_figures.csv"
    records = []
    for i, r in enumerate(_rows(path), start=2):
        unit = r["unit"]
        found = [m for m in AZW_MEASURES if unit.startswith(m[0])]
        if len(found) != 1:
            raise BuildError(path, i, "unit", f"onbekende maat: {unit!r}")
        _, measure, unit_nl = found[0]
        try:
            period_code, period_type, year, quarter, inferred = _azw_period(r["period"])
        except ValueError:
            raise BuildError(path, i, "period", f"onbekende periode {r['period']!r}") from None
        edition = label = first = last = None
        if measure == "tekort_prognose":
            eds = [e for e in AZW_EDITIONS if e[0] in unit]
            if len(eds) != 1:
                raise BuildError(path, i, "unit", f"prognose zonder herkenbare editie: {unit!r}")
            _, edition, label, first, last = eds[0]
        definition = None
        if measure == "vacaturegraad":
            definition = "jaargemiddelde" if "annual average" in unit else "einde kwartaal"
        src = _source(sources, path, i, r["url"])
        records.append(
            {
                "period_label": r["period"],
                "period_code": period_code,
                "period_type": period_type,
                "year": year,
                "quarter": quarter,
                "is_period_inferred": inferred,
                "region_name": r["region"],
                "branch": r["sbi"],
                "measure": measure,
                "unit": unit_nl,
                "definition": definition,
                "value": float(r["value"]),
                "is_approximate": "zo'n" in unit,
                "edition": edition,
                "edition_label": label,
                "edition_first_year": first,
                "edition_last_year": last,
                "note": unit,
                "url": r["url"],
                "quote": r["quote"],
                "publisher": src["publisher"],
                "published": pd.Timestamp(src["published"]) if src["published"] else pd.NaT,
            }
        )
    df = pd.DataFrame(records)
    for col in ("year", "quarter", "edition_first_year", "edition_last_year"):
        df[col] = df[col].astype("Int64")
    df["published"] = pd.to_datetime(df["published"])
    df = df.sort_values(["measure", "branch", "period_label"], kind="stable")
    return df.reset_index(drop=True), [path, sources_path]
