"""Own figures: read an uploaded file as text (CSV or XLSX), never executing it. No Streamlit.

CSV through pandas with ``dtype=str`` and XLSX through openpyxl without evaluating formulas, so
a cell like ``=HYPERLINK(...)`` stays that text. Every problem is a Dutch UploadError.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile

import pandas as pd

from dashboard import fmt

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 200_000
MAX_COLUMNS = 200


class UploadError(ValueError):
    """A file that cannot be read at all; the message is Dutch and meant for the user."""


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
