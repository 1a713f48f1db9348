"""DUO hbo students: three file vintages harmonised into one tidy table per measure.

Measures: ``enrolled`` (ingeschrevenen), ``first_years`` (eerstejaars), ``graduates``
(gediplomeerden).
Every row keeps the file it came from (``vintage``), the cross-tabulation it belongs to
(``breakdown``) and the definition in force (``definition``). Breakdowns of the 2020+ files are
separate DUO tables with their own suppression: they are stacked, never joined.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd

from pipeline import vintages
from pipeline.errors import BuildError

OLD_DIR = "duo_eerstejaars_gediplomeerden_hbo"
NEW_DIR = "duo_hbo_2020plus"
JSON_DIR = "duo_ingeschrevenen_hbo"
FULL_ENROLLED_SLOT = "ingeschrevenen_volledig"  # the JSON list or its CSV successor

COLUMNS = [
    "year",
    "vintage",
    "definition",
    "breakdown",
    "province_name",
    "gemeente_code",
    "gemeente_name",
    "institution_code",
    "institution_name",
    "education_type",
    "sector",
    "subsector",
    "programme_code",
    "programme_name",
    "study_mode",
    "gender",
    "student_count",
    "is_suppressed",
]
KEY = [
    "year",
    "vintage",
    "breakdown",
    "gemeente_code",
    "institution_code",
    "education_type",
    "sector",
    "subsector",
    "programme_code",
    "study_mode",
    "gender",
]

STUDY_MODE = {
    "VT": "voltijd",
    "DT": "deeltijd",
    "DU": "duaal",
    "voltijd onderwijs": "voltijd",
    "deeltijd onderwijs": "deeltijd",
    "duaal onderwijs": "duaal",
}
GENDER = {
    "MAN": "man",
    "VROUW": "vrouw",
    "ONBEKEND": "onbekend",
    "man": "man",
    "vrouw": "vrouw",
    "onbekend": "onbekend",
}
EDUCATION_TYPE = {
    "bachelor": "bachelor",
    "associate degree": "associate degree",
    "master": "master",
    "hbo bachelor": "bachelor",
    "hbo associate degree": "associate degree",
    "hbo master": "master",
}
PROVINCE = {"Friesland": "Fryslân"}

DEFINITIONS = {
    "first_years_old": "eerstejaars hbo-domein (nieuw in het hbo, incl. master)",
    "first_years_new": "eerstejaars ho-domein (nieuw in het hoger onderwijs, excl. master)",
    "graduates_old": "gediplomeerden (bestand 2019)",
    "graduates_new": "gediplomeerden (bestand 2026)",
    "enrolled": "ingeschrevenen (alle inschrijvingen)",
}

# (measure, file, breakdown, year column, count column, definition key)
NEW_FILES = [
    (
        "first_years",
        "eerstejaarsingeschrevenenhbo.csv",
        "opleiding",
        "STUDIEJAAR",
        "AANTAL_EERSTEJAARS_INGESCHREVENEN",
        "first_years_new",
    ),
    (
        "first_years",
        "eerstejaarsingeschrevenengeslhbo.csv",
        "geslacht",
        "STUDIEJAAR",
        "AANTAL_EERSTEJAARS_INGESCHREVENEN",
        "first_years_new",
    ),
    (
        "first_years",
        "eerstejaarsingeschrevenenoplvhbo.csv",
        "opleidingsvorm",
        "STUDIEJAAR",
        "AANTAL_EERSTEJAARS_INGESCHREVENEN",
        "first_years_new",
    ),
    (
        "graduates",
        "gediplomeerdenhbo.csv",
        "opleiding",
        "DIPLOMAJAAR",
        "AANTAL_GEDIPLOMEERDEN",
        "graduates_new",
    ),
    (
        "graduates",
        "gediplomeerdengeslhbo.csv",
        "geslacht",
        "DIPLOMAJAAR",
        "AANTAL_GEDIPLOMEERDEN",
        "graduates_new",
    ),
    (
        "graduates",
        "gediplomeerdenoplvhbo.csv",
        "opleidingsvorm",
        "DIPLOMAJAAR",
        "AANTAL_GEDIPLOMEERDEN",
        "graduates_new",
    ),
    (
        "enrolled",
        "ingeschrevenenhbo.csv",
        "opleiding",
        "STUDIEJAAR",
        "AANTAL_INGESCHREVENEN",
        "enrolled",
    ),
]
OLD_FILES = [
    ("first_years", "hbo_inscriptions_2019.csv", "first_years_old"),
    ("graduates", "hbo_gediplomeerden_2019.csv", "graduates_old"),
]

NEW_REQUIRED = [
    "PROVINCIENAAM",
    "GEMEENTENUMMER",
    "GEMEENTENAAM",
    "INSTELLINGSCODE_ACTUEEL",
    "INSTELLINGSNAAM_ACTUEEL",
    "ONDERDEEL",
    "SUBONDERDEEL",
]
OLD_REQUIRED = [
    "PROVINCIE",
    "GEMEENTENUMMER",
    "GEMEENTENAAM",
    "BRIN NUMMER ACTUEEL",
    "INSTELLINGSNAAM ACTUEEL",
    "CROHO ONDERDEEL",
    "CROHO SUBONDERDEEL",
    "OPLEIDINGSCODE ACTUEEL",
    "OPLEIDINGSNAAM ACTUEEL",
    "OPLEIDINGSVORM",
    "GESLACHT",
]


def _sector(value: str) -> str:
    return value.replace("_", " ").strip().lower()


def _gemeente_code(value: object, path: Path, row: int, known: set[str] | None) -> str:
    text = str(value).strip()
    if not text.isdigit() or len(text) > 4:
        raise BuildError(path, row, "GEMEENTENUMMER", f"geen geldige gemeentecode: {text!r}")
    code = "GM" + text.zfill(4)
    if known is not None and code not in known:
        raise BuildError(path, row, "GEMEENTENUMMER", f"onbekende gemeentecode {code}")
    return code


def _count(value: object, path: Path, row: int, column: str) -> tuple[int | None, bool]:
    """DUO count cell -> (count, is_suppressed). '-1' and '<5' are suppressed (1-4 persons)."""
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        text = str(value).strip()
        if text == "<5":
            return None, True
        try:
            number = int(text)
        except ValueError:
            raise BuildError(path, row, column, f"geen getal: {text!r}") from None
    if number == -1:
        return None, True
    if number < 0:
        raise BuildError(path, row, column, f"negatief aantal: {number}")
    return number, False


def _read_csv(path: Path, delimiter: str) -> tuple[list[str], list[dict[str, str]]]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise BuildError(path, None, None, f"geen UTF-8 tekst ({exc.reason})") from None
    lines = text.splitlines()
    if not lines:
        raise BuildError(path, None, None, "leeg bestand")
    reader = csv.DictReader(lines, delimiter=delimiter)
    header = list(reader.fieldnames or [])
    rows = [r for r in reader if any((v or "").strip().strip('"') for v in r.values())]
    if not rows:
        raise BuildError(path, None, None, "geen gegevensregels")
    return header, rows


def _require(path: Path, header: list[str], required: list[str]) -> None:
    missing = [c for c in required if c not in header]
    if missing:
        raise BuildError(path, 1, ", ".join(missing), "kolom(men) ontbreken")


def detect_delimiter(path: Path) -> str:
    first = path.read_text(encoding="utf-8", errors="replace").split("\n", 1)[0]
    return ";" if first.count(";") > first.count(",") else ","


# the DUO column that holds each field, per file kind (the new long files use underscores)
_NEW_COLS = {
    "province": "PROVINCIENAAM",
    "institution_code": "INSTELLINGSCODE_ACTUEEL",
    "institution_name": "INSTELLINGSNAAM_ACTUEEL",
    "sector": "ONDERDEEL",
    "subsector": "SUBONDERDEEL",
}
_OLD_COLS = {
    "province": "PROVINCIE",
    "institution_code": "BRIN NUMMER ACTUEEL",
    "institution_name": "INSTELLINGSNAAM ACTUEEL",
    "sector": "CROHO ONDERDEEL",
    "subsector": "CROHO SUBONDERDEEL",
}
_FULL_COLS = {**_OLD_COLS, "institution_code": "INSTELLINGSCODE ACTUEEL"}
_FULL_COLS |= {"sector": "ONDERDEEL", "subsector": "SUBONDERDEEL"}


def _place(
    r: dict, cols: dict[str, str], type_col: str, path: Path, i: int, known: set[str] | None
) -> dict:
    """The location, hogeschool and programme kind every DUO row carries (validated)."""
    return {
        "province_name": PROVINCE.get(r[cols["province"]], r[cols["province"]]),
        "gemeente_code": _gemeente_code(r["GEMEENTENUMMER"], path, i, known),
        "gemeente_name": r["GEMEENTENAAM"],
        "institution_code": r[cols["institution_code"]],
        "institution_name": r[cols["institution_name"]],
        "education_type": _map(EDUCATION_TYPE, r[type_col], path, i, type_col),
        "sector": _sector(r[cols["sector"]]),
        "subsector": r[cols["subsector"]],
    }


def _wide_cells(
    base: dict, r: dict, years: list[str], path: Path, i: int, allow_null: bool = False
) -> list[dict]:
    """One row per year column of a wide DUO row; zero = programme not offered that year.

    ``allow_null``: a JSON record may leave a year null (no cell); in a CSV that is an error.
    """
    cells = []
    for y in years:
        if allow_null and r[y] is None:
            continue
        count, suppressed = _count(r[y], path, i, y)
        if count == 0:
            continue
        cells.append({**base, "year": int(y), "student_count": count, "is_suppressed": suppressed})
    return cells


def read_new(
    path: Path,
    measure: str,
    breakdown: str,
    year_col: str,
    count_col: str,
    definition: str,
    known: set[str] | None = None,
) -> pd.DataFrame:
    """A long-format DUO file of 2020+ (``,``-separated, upper-case underscored columns)."""
    header, rows = _read_csv(path, detect_delimiter(path))
    extra = {
        "opleiding": ["OPLEIDINGSCODE_ACTUEEL", "OPLEIDINGSNAAM_ACTUEEL"],
        "geslacht": ["GESLACHT"],
        "opleidingsvorm": ["OPLEIDINGSVORM"],
    }[breakdown]
    _require(path, header, [year_col, count_col, *NEW_REQUIRED, *extra])
    type_col = "TYPE_HOGER_ONDERWIJS" if "TYPE_HOGER_ONDERWIJS" in header else "SOORT_DIPLOMA"
    _require(path, header, [type_col])
    out = []
    for i, r in enumerate(rows, start=2):
        count, suppressed = _count(r[count_col], path, i, count_col)
        try:
            year = int(r[year_col])
        except ValueError:
            raise BuildError(path, i, year_col, f"geen jaartal: {r[year_col]!r}") from None
        out.append(
            {
                "year": year,
                "vintage": f"duo_2026/{path.name}",
                "definition": DEFINITIONS[definition],
                "breakdown": breakdown,
                **_place(r, _NEW_COLS, type_col, path, i, known),
                "programme_code": r.get("OPLEIDINGSCODE_ACTUEEL"),
                "programme_name": r.get("OPLEIDINGSNAAM_ACTUEEL"),
                "study_mode": _map(STUDY_MODE, r["OPLEIDINGSVORM"], path, i, "OPLEIDINGSVORM")
                if breakdown == "opleidingsvorm"
                else None,
                "gender": _map(GENDER, r["GESLACHT"], path, i, "GESLACHT")
                if breakdown == "geslacht"
                else None,
                "student_count": count,
                "is_suppressed": suppressed,
            }
        )
    return pd.DataFrame(out, columns=COLUMNS)


def _map(mapping: dict[str, str], value: str, path: Path, row: int, column: str) -> str:
    try:
        return mapping[value.strip()]
    except KeyError:
        raise BuildError(path, row, column, f"onbekende waarde {value!r}") from None


def read_old(
    path: Path, measure: str, definition: str, known: set[str] | None = None
) -> pd.DataFrame:
    """An old wide DUO file (``;``-separated, one column per year, no suppression)."""
    header, rows = _read_csv(path, detect_delimiter(path))
    _require(path, header, OLD_REQUIRED)
    type_col = "TYPE HOGER ONDERWIJS" if measure == "first_years" else "SOORT DIPLOMA"
    _require(path, header, [type_col])
    years = [c for c in header if c.strip().isdigit()]
    if not years:
        raise BuildError(path, 1, None, "geen jaarkolommen gevonden")
    out = []
    for i, r in enumerate(rows, start=2):
        base = {
            "vintage": f"duo_2019/{path.name}",
            "definition": DEFINITIONS[definition],
            "breakdown": "volledig",
            **_place(r, _OLD_COLS, type_col, path, i, known),
            "programme_code": str(r["OPLEIDINGSCODE ACTUEEL"]).strip(),
            "programme_name": r["OPLEIDINGSNAAM ACTUEEL"],
            "study_mode": _map(STUDY_MODE, r["OPLEIDINGSVORM"], path, i, "OPLEIDINGSVORM"),
            "gender": _map(GENDER, r["GESLACHT"], path, i, "GESLACHT"),
        }
        out.extend(_wide_cells(base, r, years, path, i))
    return pd.DataFrame(out, columns=COLUMNS)


ENROLLED_FULL_REQUIRED = [
    "PROVINCIE",
    "GEMEENTENUMMER",
    "GEMEENTENAAM",
    "TYPE HOGER ONDERWIJS",
    "INSTELLINGSCODE ACTUEEL",
    "INSTELLINGSNAAM ACTUEEL",
    "ONDERDEEL",
    "SUBONDERDEEL",
    "OPLEIDINGSCODE ACTUEEL",
    "OPLEIDINGSNAAM ACTUEEL",
    "OPLEIDINGSVORM",
    "GESLACHT",
]


def read_full_enrolled(path: Path, known: set[str] | None = None) -> pd.DataFrame:
    """DUO 'Ingeschrevenen hbo' as a full cross-tabulation (programme × mode × gender), wide years.

    Either the JSON conversion (one object per row) or the DUO CSV with the same column names.
    """
    if path.suffix.lower() == ".json":
        try:
            records = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BuildError(path, None, None, f"geen geldige JSON: {exc}") from None
        if not isinstance(records, list) or not records:
            raise BuildError(path, None, None, "verwacht een niet-lege lijst van records")
        header = list(records[0]) if isinstance(records[0], dict) else []
    else:
        header, records = _read_csv(path, detect_delimiter(path))
    _require(path, header, ENROLLED_FULL_REQUIRED)
    if not any(str(k).isdigit() for k in header):
        raise BuildError(path, 1, None, "geen jaarkolommen gevonden")
    out = []
    for i, r in enumerate(records, start=1):
        years = [k for k in r if k.isdigit()]
        base = {
            "vintage": f"duo_volledig/{path.name}",
            "definition": DEFINITIONS["enrolled"],
            "breakdown": "volledig",
            **_place(r, _FULL_COLS, "TYPE HOGER ONDERWIJS", path, i, known),
            "programme_code": str(r["OPLEIDINGSCODE ACTUEEL"]).strip(),
            "programme_name": r["OPLEIDINGSNAAM ACTUEEL"],
            "study_mode": _map(STUDY_MODE, r["OPLEIDINGSVORM"], path, i, "OPLEIDINGSVORM"),
            "gender": _map(GENDER, r["GESLACHT"], path, i, "GESLACHT"),
        }
        out.extend(_wide_cells(base, r, years, path, i, allow_null=True))
    return pd.DataFrame(out, columns=COLUMNS)


def _finish(frames: list[pd.DataFrame]) -> pd.DataFrame:
    df = pd.concat(frames, ignore_index=True)
    df["student_count"] = df["student_count"].astype("Int64")
    df["year"] = df["year"].astype("int16")
    df["is_suppressed"] = df["is_suppressed"].astype(bool)
    return df.sort_values(KEY, na_position="first").reset_index(drop=True)


def full_enrolled_file(raw: Path) -> Path:
    """The one data file (JSON or CSV) in the full-cross-tabulation enrolled folder."""
    files = sorted(p for p in (raw / JSON_DIR).iterdir() if p.suffix.lower() in (".json", ".csv"))
    if len(files) != 1:
        raise BuildError(
            raw / JSON_DIR, None, None, f"verwacht 1 gegevensbestand, gevonden {len(files)}"
        )
    return files[0]


def _slot(
    folder: Path,
    slot: str,
    base: Path,
    read,
    used: list[Path],
    info: list[dict],
) -> pd.DataFrame:
    """Read the base file and every refreshed vintage of one slot; newest wins per year."""
    frames = []
    identity = None
    for v in vintages.all_of(folder, slot, [base]):
        df = read(v.files[0])
        if identity is None:
            identity = df["vintage"].iloc[0] if len(df) else f"{folder.name}/{base.name}"
        df["vintage"] = identity  # a vintage keeps the slot's identity, whatever its file name
        frames.append((v, df))
        used.extend(v.files)
    merged, supplied = vintages.merge(frames, "year")
    info.extend(
        {
            "slot": slot,
            "vintage": v.label,
            "sha256": v.sha256,
            "added": v.added,
            "periods": [int(y) for y in years],
        }
        for v, years in supplied
    )
    return merged


def build(
    raw: Path, known: set[str] | None = None, info: dict[str, list[dict]] | None = None
) -> dict[str, tuple[pd.DataFrame, list[Path]]]:
    """Return {snapshot name: (frame, raw files used)} for the three DUO measures.

    ``known``: the valid gemeente codes; a DUO row with another code stops the build.
    ``info`` (filled when given): per snapshot, which vintage supplied which years.
    Every slot keeps all its vintages (pipeline/vintages.py): no year is ever lost.
    """
    parts: dict[str, list[pd.DataFrame]] = {"enrolled": [], "first_years": [], "graduates": []}
    used: dict[str, list[Path]] = {k: [] for k in parts}
    supplied: dict[str, list[dict]] = {f"duo_{k}": [] for k in parts}
    for measure, name, definition in OLD_FILES:
        parts[measure].append(
            _slot(
                raw / OLD_DIR,
                Path(name).stem,
                raw / OLD_DIR / name,
                lambda p, m=measure, d=definition: read_old(p, m, d, known),
                used[measure],
                supplied[f"duo_{measure}"],
            )
        )
    for measure, name, breakdown, ycol, ccol, definition in NEW_FILES:
        parts[measure].append(
            _slot(
                raw / NEW_DIR,
                Path(name).stem,
                raw / NEW_DIR / name,
                lambda p, m=measure, b=breakdown, y=ycol, c=ccol, d=definition: read_new(
                    p, m, b, y, c, d, known
                ),
                used[measure],
                supplied[f"duo_{measure}"],
            )
        )
    parts["enrolled"].append(
        _slot(
            raw / JSON_DIR,
            FULL_ENROLLED_SLOT,
            full_enrolled_file(raw),
            lambda p: read_full_enrolled(p, known),
            used["enrolled"],
            supplied["duo_enrolled"],
        )
    )
    if info is not None:
        info.update(supplied)
    return {f"duo_{m}": (_finish(parts[m]), used[m]) for m in parts}
