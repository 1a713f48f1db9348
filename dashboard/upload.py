"""Own figures ("eigen cijfers"): parse an uploaded CSV/XLSX per gemeente × year. No Streamlit.

The file is only read, never executed: CSV through pandas with ``dtype=str`` and XLSX through
openpyxl without evaluating formulas, so a cell like ``=HYPERLINK(...)`` stays that text. Every
problem becomes a Dutch message; rows that cannot be matched to a gemeente are listed, never
dropped silently.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field

import pandas as pd

from dashboard import fmt

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 200_000
MAX_COLUMNS = 200
CODE_HEADERS = ("gemeentecode", "gemeente_code", "gm_code", "gmcode", "code", "regiocode", "gwb")
NAME_HEADERS = ("gemeentenaam", "gemeente_naam", "gemeente", "naam", "regio", "regionaam")
YEAR_HEADERS = ("jaar", "year", "perioden", "periode", "peiljaar", "jaartal")
# spoken or older names -> the official CBS name (regions_gemeente, 2023 division)
ALIASES = {
    "den haag": "s gravenhage",
    "the hague": "s gravenhage",
    "gravenhage": "s gravenhage",
    "den bosch": "s hertogenbosch",
    "hertogenbosch": "s hertogenbosch",
    "bergen nh": "bergen nh",
    "bergen noord holland": "bergen nh",
    "bergen l": "bergen l",
    "bergen limburg": "bergen l",
    "nuenen": "nuenen gerwen en nederwetten",
    "hengelo o": "hengelo",
    "hengelo overijssel": "hengelo",
}
AMBIGUOUS = {"bergen": "Bergen (NH.) of Bergen (L.)? Schrijf 'Bergen (NH)' of 'Bergen (L)'."}
_FORMULA = re.compile(r"^\s*(=|[+@]\s*[A-Za-z_])")
_YEAR = re.compile(r"^\s*((?:19|20)\d\d)(?:\b|JJ|KW|MM|-)")
_CODE = re.compile(r"^\s*(?:GM)?\s*(\d{1,4})\s*$", re.IGNORECASE)


class UploadError(ValueError):
    """A file that cannot be read at all; the message is Dutch and meant for the user."""


@dataclass
class UploadResult:
    """Parsed own figures in long form plus everything the user should know about the file."""

    values: pd.DataFrame  # gemeente_code, gemeente_name, year, variable, value
    unmatched: pd.DataFrame  # regel, invoer, reden
    duplicates: pd.DataFrame  # regel, gemeente_code, gemeente_name, year
    problems: pd.DataFrame  # regel, kolom, invoer, probleem (formulas, text, negatives, empty)
    messages: list[str] = field(default_factory=list)
    variables: list[str] = field(default_factory=list)


def size_error(n_bytes: int) -> str | None:
    """The Dutch message for a file above MAX_BYTES (checked before any parsing)."""
    if n_bytes > MAX_BYTES:
        mb = fmt.number(n_bytes / 1024 / 1024, 1)
        limit = fmt.number(MAX_BYTES / 1024 / 1024)
        return (
            f"Het bestand is te groot ({mb} MB); het maximum is {limit} MB. Het is niet "
            "gelezen. Verklein het bestand (bijvoorbeeld alleen de kolommen gemeente, jaar en "
            "uw cijfers) en probeer opnieuw."
        )
    return None


def normalise(name: str) -> str:
    """Accent-, case- and punctuation-insensitive key: "'s-Gravenhage" -> 's gravenhage'."""
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"^\s*gemeente\s+", "", text)
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return ALIASES.get(text, text)


def gemeente_lookup(gemeenten: pd.DataFrame) -> tuple[dict[str, str], dict[str, str]]:
    """(normalised name -> code, code -> official name) from regions_gemeente rows."""
    by_name = {
        normalise(n): c
        for c, n in zip(gemeenten["gemeente_code"], gemeenten["gemeente_name"], strict=True)
    }
    names = dict(zip(gemeenten["gemeente_code"], gemeenten["gemeente_name"], strict=True))
    return by_name, names


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) or Windows-1252; anything else is a clear Dutch error."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:4] in (b"\x00\x00\xfe\xff",):
        raise UploadError(
            "Dit bestand is opgeslagen als UTF-16 ('Unicode-tekst'). Sla het in Excel op als "
            "'CSV UTF-8 (door lijstscheidingsteken gescheiden)' en probeer opnieuw."
        )
    if b"\x00" in data[:4096]:
        raise UploadError(
            "Dit bestand is geen leesbare tekst (CSV): het bevat binaire gegevens. Kies een "
            "CSV- of XLSX-bestand."
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise UploadError(
            "De tekenset van dit bestand wordt niet herkend (geen UTF-8 en geen Windows-1252). "
            "Sla het op als 'CSV UTF-8' en probeer opnieuw."
        ) from exc
    controls = sum(1 for c in text[:20000] if ord(c) < 32 and c not in "\r\n\t")
    if controls > 5:
        raise UploadError(
            "Dit bestand is geen leesbare tekst (CSV): het bevat binaire gegevens. Kies een "
            "CSV- of XLSX-bestand."
        )
    return text


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {sep: first.count(sep) for sep in (";", ",", "\t")}
    sep = max(counts, key=lambda s: counts[s])
    if counts[sep] == 0:
        raise UploadError(
            "Geen scheidingsteken gevonden in de eerste regel. Gebruik een puntkomma (;) of "
            "komma (,) tussen de kolommen: gemeente, jaar en een of meer kolommen met cijfers."
        )
    return sep


def read_csv(data: bytes) -> tuple[pd.DataFrame, str]:
    """All cells as text (never evaluated); returns the frame and the delimiter."""
    text = decode(data)
    if not text.strip():
        raise UploadError("Het bestand is leeg.")
    sep = _delimiter(text)
    try:
        df = pd.read_csv(
            io.StringIO(text),
            sep=sep,
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=True,
            engine="python",
            quoting=csv.QUOTE_MINIMAL,
            nrows=MAX_ROWS + 1,
        )
    except (pd.errors.ParserError, csv.Error, ValueError) as exc:
        raise UploadError(
            f"Het bestand kon niet als CSV worden gelezen ({type(exc).__name__}). Controleer of "
            "elke regel evenveel kolommen heeft."
        ) from exc
    return df, sep


def read_xlsx(data: bytes) -> pd.DataFrame:
    """First worksheet as text. Formulas are read as their text (openpyxl never evaluates)."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise UploadError(
            "Dit XLSX-bestand kon niet worden geopend (beschadigd of geen Excel-bestand)."
        ) from exc
    try:
        ws = wb.worksheets[0]
        rows = []
        for i, row in enumerate(ws.iter_rows(values_only=True, max_col=MAX_COLUMNS)):
            if i > MAX_ROWS:
                break
            rows.append(["" if v is None else str(v) for v in row])
    finally:
        wb.close()
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        raise UploadError("Het eerste werkblad van dit Excel-bestand is leeg.")
    header, body = rows[0], rows[1:]
    width = len(header)
    body = [(r + [""] * width)[:width] for r in body]
    return pd.DataFrame(body, columns=[h.strip() or f"kolom_{j + 1}" for j, h in enumerate(header)])


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


def parse_number(text: str, sep: str) -> float | None:
    """Dutch or English number text -> float; None when it is not a number."""
    t = text.strip().replace("\u00a0", "").replace(" ", "")
    if not t:
        return None
    if "," in t and "." in t:
        t = (
            t.replace(".", "").replace(",", ".")
            if t.rfind(",") > t.rfind(".")
            else t.replace(",", "")
        )
    elif "," in t:
        t = t.replace(",", ".")
    elif sep == ";" and re.fullmatch(r"-?\d{1,3}(\.\d{3})+", t):
        t = t.replace(".", "")  # Dutch thousands separator in a Dutch (;) file
    try:
        v = float(t)
    except ValueError:
        return None
    return v if v == v else None  # NaN -> None


def match_gemeente(
    text: str, by_name: dict[str, str], names: dict[str, str]
) -> tuple[str | None, str]:
    """(code, '') when matched, else (None, Dutch reason)."""
    raw = str(text).strip()
    if not raw:
        return None, "lege gemeente"
    m = _CODE.match(raw)
    if m:
        code = "GM" + m.group(1).zfill(4)
        if code in names:
            return code, ""
        return None, f"onbekende gemeentecode {code} (niet in de gemeentelijke indeling)"
    key = normalise(raw)
    if key in AMBIGUOUS:
        return None, f"dubbelzinnig: {AMBIGUOUS[key]}"
    if key in by_name:
        return by_name[key], ""
    return None, f"naam niet gevonden tussen de {len(names)} gemeenten van de indeling"


def _columns(df: pd.DataFrame) -> tuple[str, str]:
    cols = [str(c) for c in df.columns]
    if any(_looks_like_data(c) for c in cols):
        raise UploadError(
            "Geen kopregel gevonden: de eerste regel bevat cijfers of gemeentecodes. Zet op de "
            "eerste regel de kolomnamen, bijvoorbeeld: gemeente;jaar;aantal."
        )
    gem = _find(cols, CODE_HEADERS) or _find(cols, NAME_HEADERS)
    year = _find(cols, YEAR_HEADERS)
    if gem is None or year is None:
        missing = " en ".join(
            x for x, c in (("een gemeentekolom", gem), ("een jaarkolom", year)) if c is None
        )
        raise UploadError(
            f"Het bestand mist {missing}. Noem de kolommen bijvoorbeeld 'gemeente' (code zoals "
            "GM0363 of naam) en 'jaar'. Gevonden kolommen: " + ", ".join(cols[:12])
        )
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
    gem_col, year_col = _columns(df)
    return _collect(df, gem_col, year_col, sep, gemeenten)


def _collect(
    df: pd.DataFrame, gem_col: str, year_col: str, sep: str, gemeenten: pd.DataFrame
) -> UploadResult:
    by_name, names = gemeente_lookup(gemeenten)
    skip = {gem_col, year_col} | {c for c in df.columns if _key(c) in CODE_HEADERS + NAME_HEADERS}
    candidates = [c for c in df.columns if c not in skip]
    unmatched, problems, rows = [], [], []
    numeric: dict[str, list[tuple[int, float | None]]] = {c: [] for c in candidates}
    keys: list[tuple[int, str, int]] = []
    for i, rec in enumerate(df.to_dict("records")):
        line = i + 2  # 1-based, after the header
        code, reason = match_gemeente(rec[gem_col], by_name, names)
        ym = _YEAR.match(str(rec[year_col]))
        if code is None:
            unmatched.append({"regel": line, "invoer": str(rec[gem_col]), "reden": reason})
            continue
        if ym is None:
            unmatched.append(
                {"regel": line, "invoer": str(rec[year_col]), "reden": "geen geldig jaar"}
            )
            continue
        keys.append((line, code, int(ym.group(1))))
        for c in candidates:
            cell = str(rec[c])
            v = parse_number(cell, sep)
            if cell.strip() and v is None:
                kind = (
                    "formule: als tekst gelezen, niet uitgerekend"
                    if _FORMULA.match(cell)
                    else "geen getal"
                )
                problems.append({"regel": line, "kolom": c, "invoer": cell, "probleem": kind})
            elif not cell.strip():
                problems.append({"regel": line, "kolom": c, "invoer": "", "probleem": "leeg"})
            elif v is not None and v < 0:
                problems.append(
                    {
                        "regel": line,
                        "kolom": c,
                        "invoer": cell,
                        "probleem": "negatief: als leeg behandeld",
                    }
                )
                v = None
            numeric[c].append((line, v))
    variables = [c for c in candidates if any(v is not None for _, v in numeric[c])]
    dropped = [c for c in candidates if c not in variables]
    seen: dict[tuple[str, int], int] = {}
    duplicates = []
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
        for c in variables:
            rows.append(
                {
                    "gemeente_code": code,
                    "gemeente_name": names[code],
                    "year": year,
                    "variable": c,
                    "value": numeric[c][idx][1],
                }
            )
    problems = [
        p for p in problems if p["kolom"] in variables or p["probleem"].startswith("formule")
    ]
    result = UploadResult(
        values=pd.DataFrame(
            rows, columns=["gemeente_code", "gemeente_name", "year", "variable", "value"]
        ),
        unmatched=pd.DataFrame(unmatched, columns=["regel", "invoer", "reden"]),
        duplicates=pd.DataFrame(
            duplicates, columns=["regel", "gemeente_code", "gemeente_name", "year", "eerste_regel"]
        ),
        problems=pd.DataFrame(problems, columns=["regel", "kolom", "invoer", "probleem"]),
        variables=variables,
    )
    result.messages = _messages(result, dropped, len(df))
    return result


def _messages(r: UploadResult, dropped: list[str], n_rows: int) -> list[str]:
    msgs = []
    matched = r.values[["gemeente_code", "year"]].drop_duplicates()
    msgs.append(
        f"{fmt.number(n_rows)} regels gelezen; {fmt.number(len(matched))} combinaties van "
        f"gemeente en jaar herkend, {fmt.number(r.values['gemeente_code'].nunique())} gemeenten."
    )
    if not r.variables:
        msgs.append(
            "Geen kolom met getallen gevonden naast gemeente en jaar. Voeg een of meer kolommen "
            "met cijfers toe."
        )
    if len(r.unmatched):
        msgs.append(
            f"{len(r.unmatched)} regel(s) niet gekoppeld aan een gemeente of jaar; zie de lijst "
            "'Niet herkend'. Deze regels tellen niet mee."
        )
    if len(r.duplicates):
        msgs.append(
            f"{len(r.duplicates)} dubbele regel(s) voor dezelfde gemeente en hetzelfde jaar; "
            "alleen de eerste regel telt mee (zie 'Dubbel')."
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
