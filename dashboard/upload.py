"""Own figures ("eigen cijfers"): parse an uploaded CSV/XLSX per gemeente (× year). No Streamlit.

The year column is optional: a file with only ``gemeente;waarde`` is one period ("jaar
onbekend"), and so is a file whose year column is empty (the downloadable template).

The file is only read, never executed: CSV through pandas with ``dtype=str`` and XLSX through
openpyxl without evaluating formulas, so a cell like ``=HYPERLINK(...)`` stays that text. Every
problem becomes a Dutch message; rows that cannot be matched to a gemeente are listed, never
dropped silently. Reading lives in upload_files, gemeente matching in upload_match; their public
names are available here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from dashboard import fmt
from dashboard.upload_files import MAX_BYTES as MAX_BYTES
from dashboard.upload_files import (
    MAX_ROWS,
    UploadError,
    parse_number,
    read_csv,
    read_xlsx,
    size_error,
)
from dashboard.upload_match import gemeente_lookup, match_gemeente, normalise
from dashboard.upload_template import template_csv as template_csv
from dashboard.upload_template import template_xlsx as template_xlsx

CODE_HEADERS = ("gemeentecode", "gemeente_code", "gm_code", "gmcode", "code", "regiocode", "gwb")
NAME_HEADERS = ("gemeentenaam", "gemeente_naam", "gemeente", "naam", "regio", "regionaam")
YEAR_HEADERS = ("jaar", "year", "perioden", "periode", "peiljaar", "jaartal")
_FORMULA = re.compile(r"^\s*(=|[+@]\s*[A-Za-z_])")
_YEAR = re.compile(r"^\s*((?:19|20)\d\d)(?:\b|JJ|KW|MM|-)")


@dataclass
class UploadResult:
    """Parsed own figures in long form plus everything the user should know about the file."""

    values: (
        pd.DataFrame
    )  # gemeente_code, gemeente_name, year (Int64, NA = no year), variable, value
    unmatched: pd.DataFrame  # regel, invoer, reden
    duplicates: pd.DataFrame  # regel, gemeente_code, gemeente_name, year
    problems: pd.DataFrame  # regel, kolom, invoer, probleem (formulas, text, negatives, empty)
    messages: list[str] = field(default_factory=list)
    variables: list[str] = field(default_factory=list)
    has_year: bool = True  # False: no (filled) year column, every value is one period


def _key(header: str) -> str:
    return re.sub(r"[^a-z0-9_]+", "_", normalise(header).replace(" ", "_")).strip("_")


def _find(columns: list[str], wanted: tuple[str, ...]) -> str | None:
    keys = {_key(c): c for c in columns}
    for w in wanted:
        if w in keys:
            return keys[w]
    for w in wanted:
        for k, c in keys.items():
            if k.startswith(w):
                return c
    return None


def _looks_like_data(cell: str) -> bool:
    cell = cell.strip()
    return bool(
        re.fullmatch(r"-?[\d.,]+", cell) or re.fullmatch(r"GM\d{4}", cell, flags=re.IGNORECASE)
    )


def _columns(df: pd.DataFrame) -> tuple[str, str | None]:
    cols = [str(c) for c in df.columns]
    if any(_looks_like_data(c) for c in cols):
        raise UploadError(
            "Geen kopregel gevonden: de eerste regel bevat cijfers of gemeentecodes. Zet op de "
            "eerste regel de kolomnamen, bijvoorbeeld: gemeente;jaar;aantal."
        )
    gem = _find(cols, CODE_HEADERS) or _find(cols, NAME_HEADERS)
    if gem is None:
        raise UploadError(
            "Het bestand mist een gemeentekolom. Noem die kolom bijvoorbeeld 'gemeente' (code "
            "zoals GM0363 of naam); een kolom 'jaar' mag erbij. Gevonden kolommen: "
            + ", ".join(cols[:12])
        )
    year = _find(cols, YEAR_HEADERS)
    if year is not None and not df[year].astype(str).str.strip().any():
        year = None  # an empty year column (e.g. the template): one period
    return gem, year


def parse(data: bytes, filename: str, gemeenten: pd.DataFrame) -> UploadResult:
    """Parse an upload (CSV ; or , / XLSX) into long form with a report of every problem."""
    err = size_error(len(data))
    if err:
        raise UploadError(err)
    is_zip = data[:4] == b"PK\x03\x04"
    if filename.lower().endswith((".xlsx", ".xlsm")) or is_zip:
        if not is_zip:
            raise UploadError(
                "Dit bestand heet .xlsx maar is geen Excel-bestand. Kies een echt XLSX- of "
                "CSV-bestand."
            )
        df, sep = read_xlsx(data), ","
    else:
        df, sep = read_csv(data)
    if len(df) > MAX_ROWS:
        raise UploadError(f"Het bestand heeft meer dan {fmt.number(MAX_ROWS)} regels.")
    if df.empty:
        raise UploadError("Het bestand heeft een kopregel maar geen gegevensregels.")
    df.columns = [str(c).strip() for c in df.columns]
    gem_col, year_col = _columns(df)  # year_col None: one period
    return _collect(df, gem_col, year_col, sep, gemeenten)


def _cell(cell: str, sep: str) -> tuple[float | None, str]:
    """(value, problem): formulas and text are no number, a negative value counts as empty."""
    if not cell.strip():
        return None, "leeg"
    v = parse_number(cell, sep)
    if v is None:
        formula = _FORMULA.match(cell)
        return None, "formule: als tekst gelezen, niet uitgerekend" if formula else "geen getal"
    if v < 0:
        return None, "negatief: als leeg behandeld"
    return v, ""


def _long_rows(
    keys: list[tuple[int, str, int | None]],
    names: dict[str, str],
    variables: list[str],
    numeric: dict[str, list[tuple[int, float | None]]],
) -> tuple[list[dict], list[dict]]:
    """Long-form rows (the first line per gemeente and year) and the duplicate lines."""
    seen: dict[tuple[str, int | None], int] = {}
    rows: list[dict] = []
    duplicates: list[dict] = []
    for idx, (line, code, year) in enumerate(keys):
        if (code, year) in seen:
            duplicates.append(
                {
                    "regel": line,
                    "gemeente_code": code,
                    "gemeente_name": names[code],
                    "year": year,
                    "eerste_regel": seen[(code, year)],
                }
            )
            continue
        seen[(code, year)] = line
        rows.extend(
            {
                "gemeente_code": code,
                "gemeente_name": names[code],
                "year": year,
                "variable": c,
                "value": numeric[c][idx][1],
            }
            for c in variables
        )
    return rows, duplicates


def _year(
    rec: dict, year_col: str | None, line: int, unmatched: list[dict]
) -> tuple[bool, int | None]:
    """(ok, year): no year column = one period (None); an invalid year is listed, never guessed."""
    if year_col is None:
        return True, None
    ym = _YEAR.match(str(rec[year_col]))
    if ym is None:
        unmatched.append({"regel": line, "invoer": str(rec[year_col]), "reden": "geen geldig jaar"})
        return False, None
    return True, int(ym.group(1))


def _collect(
    df: pd.DataFrame, gem_col: str, year_col: str | None, sep: str, gemeenten: pd.DataFrame
) -> UploadResult:
    by_name, names = gemeente_lookup(gemeenten)
    skip = {gem_col, year_col} | {c for c in df.columns if _key(c) in CODE_HEADERS + NAME_HEADERS}
    candidates = [c for c in df.columns if c not in skip]
    unmatched, problems = [], []
    numeric: dict[str, list[tuple[int, float | None]]] = {c: [] for c in candidates}
    keys: list[tuple[int, str, int | None]] = []
    blank = 0  # lines with a gemeente but no year and no figure at all (an unfilled template row)
    for i, rec in enumerate(df.to_dict("records")):
        line = i + 2  # 1-based, after the header
        code, reason = match_gemeente(rec[gem_col], by_name, names)
        if code is None:
            unmatched.append({"regel": line, "invoer": str(rec[gem_col]), "reden": reason})
            continue
        cells = [str(rec[c]) for c in candidates]
        if not any(c.strip() for c in cells) and (
            year_col is None or not str(rec[year_col]).strip()
        ):
            blank += 1
            continue
        ok, year = _year(rec, year_col, line, unmatched)
        if not ok:
            continue
        keys.append((line, code, year))
        for c, cell in zip(candidates, cells, strict=True):
            v, problem = _cell(cell, sep)
            if problem:
                invoer = cell if cell.strip() else ""
                problems.append({"regel": line, "kolom": c, "invoer": invoer, "probleem": problem})
            numeric[c].append((line, v))
    variables = [c for c in candidates if any(v is not None for _, v in numeric[c])]
    dropped = [c for c in candidates if c not in variables]
    rows, duplicates = _long_rows(keys, names, variables, numeric)
    problems = [
        p for p in problems if p["kolom"] in variables or p["probleem"].startswith("formule")
    ]
    values = pd.DataFrame(
        rows, columns=["gemeente_code", "gemeente_name", "year", "variable", "value"]
    )
    values["year"] = values["year"].astype("Int64")
    dupes = pd.DataFrame(
        duplicates, columns=["regel", "gemeente_code", "gemeente_name", "year", "eerste_regel"]
    )
    dupes["year"] = dupes["year"].astype("Int64")
    result = UploadResult(
        values=values,
        unmatched=pd.DataFrame(unmatched, columns=["regel", "invoer", "reden"]),
        duplicates=dupes,
        problems=pd.DataFrame(problems, columns=["regel", "kolom", "invoer", "probleem"]),
        variables=variables,
        has_year=year_col is not None,
    )
    result.messages = _messages(result, dropped, len(df), blank)
    return result


def _messages(r: UploadResult, dropped: list[str], n_rows: int, blank: int = 0) -> list[str]:
    msgs = []
    n_gem = fmt.number(r.values["gemeente_code"].nunique())
    if r.has_year:
        matched = r.values[["gemeente_code", "year"]].drop_duplicates()
        msgs.append(
            f"{fmt.number(n_rows)} regels gelezen; {fmt.number(len(matched))} combinaties van "
            f"gemeente en jaar herkend, {n_gem} gemeenten."
        )
    else:
        msgs.append(
            f"{fmt.number(n_rows)} regels gelezen; {n_gem} gemeenten herkend. Er is geen "
            "(ingevulde) jaarkolom: alle cijfers tellen als één periode (jaar onbekend)."
        )
    if blank:
        msgs.append(
            f"{fmt.number(blank)} regel(s) met alleen een gemeente, zonder cijfers: overgeslagen "
            "(bijvoorbeeld niet ingevulde regels van het sjabloon)."
        )
    if not r.variables:
        msgs.append(
            "Geen kolom met getallen gevonden naast de gemeente (en het jaar). Voeg een of meer "
            "kolommen met cijfers toe."
        )
    if len(r.unmatched):
        msgs.append(
            f"{len(r.unmatched)} regel(s) niet gekoppeld aan een gemeente of jaar; zie de lijst "
            "'Niet herkend'. Deze regels tellen niet mee."
        )
    if len(r.duplicates):
        same = "dezelfde gemeente en hetzelfde jaar" if r.has_year else "dezelfde gemeente"
        msgs.append(
            f"{len(r.duplicates)} dubbele regel(s) voor {same}; alleen de eerste regel telt mee "
            "(zie 'Dubbel')."
        )
    counts = r.problems["probleem"].value_counts() if len(r.problems) else pd.Series(dtype=int)
    if counts.get("formule: als tekst gelezen, niet uitgerekend"):
        msgs.append(
            f"{counts['formule: als tekst gelezen, niet uitgerekend']} cel(len) met een formule "
            "(bijv. =HYPERLINK): als tekst getoond, nooit uitgevoerd of uitgerekend."
        )
    if counts.get("negatief: als leeg behandeld"):
        msgs.append(
            f"{counts['negatief: als leeg behandeld']} negatieve waarde(n) (vaak een code voor "
            "'geheim' of 'onbekend'): als leeg behandeld."
        )
    empty = int(counts.get("leeg", 0)) + int(counts.get("geen getal", 0))
    if empty:
        msgs.append(
            f"{empty} lege of niet-numerieke waarde(n) (zoals NaN of tekst): als leeg behandeld."
        )
    if dropped:
        msgs.append("Kolom(men) zonder getallen, niet gebruikt: " + ", ".join(dropped) + ".")
    return msgs
