"""Hand-transcribed figures from the seed reports: loading and line-level verification.

Every transcribed row names a source document, a 1-based line number and ``value_text``: the exact
text on that line that states the figure ("6.201", "32", "een kwart", "1 op de 6"). ``verify_rows``
checks that ``value_text`` occurs on the cited line and that it reads as the row's ``value`` (and
``value_upper`` for ranges), either as digits in Dutch or English notation or through the small
word table in ``data/transcribed/number_words.csv``.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RAW = REPO / "data" / "raw"
TRANSCRIBED = REPO / "data" / "transcribed"
NUMBER_WORDS = TRANSCRIBED / "number_words.csv"

# document id -> text file (relative to data/raw)
DOCUMENTS = {
    "000": RAW / "seed_documents" / "000_b5ab547aaa7426e4.txt",
    "001": RAW / "seed_documents" / "001_941b5a87eab92e27.txt",
    "002": RAW / "seed_documents" / "002_8879a71ad366b226.txt",
    "003": RAW / "seed_documents" / "003_316e5cba722e7c71.txt",
    "004": RAW / "raadpleging" / "004_45faacde81e4ef03.txt",
}

# Raadpleging report (seed 004): chapter -> (first line, last line), 1-based and inclusive
CHAPTERS: dict[int, tuple[int, int]] = {
    0: (1, 239),
    1: (240, 517),
    2: (518, 1171),
    3: (1172, 1843),
    4: (1844, 2319),
    5: (2320, 2791),
    6: (2792, 3016),
    7: (3017, 3287),
    8: (3288, 3463),
    9: (3464, 3856),
    10: (3857, 4270),
    11: (4271, 4875),
    12: (4876, 5130),
    13: (5131, 5641),
    14: (5642, 6053),
    15: (6054, 6352),
}

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
TOLERANCE = 0.051


def normalise(text: str) -> str:
    """Lower-case, strip accents, fold typographic quotes and whitespace."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip().lower()


@cache
def document_lines(doc: str) -> tuple[str, ...]:
    return tuple(DOCUMENTS[doc].read_text(encoding="utf-8").splitlines())


@cache
def number_words() -> dict[str, float]:
    with NUMBER_WORDS.open(encoding="utf-8") as fh:
        return {normalise(r["words"]): float(r["value"]) for r in csv.DictReader(fh)}


def token_readings(token: str) -> set[float]:
    """All plausible readings of one numeric token in Dutch or English notation.

    "6.201" -> {6.201, 6201}; "15,3" -> {15.3}; "1.234,5" -> {1234.5}; "56.9" -> {56.9}.
    """
    readings: set[float] = set()
    if "," in token and "." in token:
        readings.add(float(token.replace(".", "").replace(",", ".")))
        readings.add(float(token.replace(",", "")))
        return readings
    if "," in token:
        parts = token.split(",")
        if len(parts) == 2:
            readings.add(float(token.replace(",", ".")))
        if all(len(p) == 3 for p in parts[1:]):
            readings.add(float(token.replace(",", "")))
        return readings
    if "." in token:
        parts = token.split(".")
        if len(parts) == 2:
            readings.add(float(token))
        if all(len(p) == 3 for p in parts[1:]):
            readings.add(float(token.replace(".", "")))
        return readings
    return {float(token)}


def text_readings(value_text: str) -> set[float]:
    """Numbers that ``value_text`` states: a word phrase from the table, or its digit tokens."""
    words = number_words()
    key = normalise(value_text)
    if key in words:
        return {words[key]}
    out: set[float] = set()
    for tok in _NUMBER.findall(value_text):
        out |= token_readings(tok)
    return out


def _matches(value: float, readings: set[float]) -> bool:
    return any(abs(value - r) <= TOLERANCE for r in readings)


@dataclass(frozen=True)
class Problem:
    file: str
    row: int
    message: str

    def __str__(self) -> str:
        return f"{self.file} row {self.row}: {self.message}"


def verify_row(row: dict[str, str], doc: str, file: str, rownum: int) -> list[Problem]:
    """Check one transcribed row against its cited line. Returns the problems found."""
    problems: list[Problem] = []
    lines = document_lines(doc)
    try:
        line_no = int(row["line"])
    except (KeyError, ValueError):
        return [Problem(file, rownum, f"line is not a number: {row.get('line')!r}")]
    if not 1 <= line_no <= len(lines):
        return [Problem(file, rownum, f"line {line_no} outside document {doc}")]
    line = lines[line_no - 1]
    value_text = row.get("value_text", "")
    if not value_text or normalise(value_text) not in normalise(line):
        problems.append(
            Problem(
                file, rownum, f"value_text {value_text!r} not on {doc} line {line_no}: {line!r}"
            )
        )
        return problems
    readings = text_readings(value_text)
    for column in ("value", "value_upper"):
        raw = (row.get(column) or "").strip()
        if not raw:
            if column == "value":
                problems.append(Problem(file, rownum, "value is empty"))
            continue
        try:
            value = float(raw)
        except ValueError:
            problems.append(Problem(file, rownum, f"{column} is not a number: {raw!r}"))
            continue
        if not _matches(value, readings):
            problems.append(
                Problem(
                    file, rownum, f"{column} {value} is not what {value_text!r} says {readings}"
                )
            )
    return problems


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def verify_file(path: Path, doc_column: str | None = None, doc: str | None = None) -> list[Problem]:
    """Verify every row of a transcription CSV. The document is fixed (``doc``) or per row."""
    problems: list[Problem] = []
    for i, row in enumerate(read_csv(path), start=2):  # row 1 is the header
        row_doc = doc if doc is not None else (row.get(doc_column or "document") or "").strip()
        if row_doc not in DOCUMENTS:
            problems.append(Problem(path.name, i, f"unknown document {row_doc!r}"))
            continue
        problems.extend(verify_row(row, row_doc, path.name, i))
    return problems


if __name__ == "__main__":  # pragma: no cover - manual check helper
    import sys

    found = []
    for arg in sys.argv[1:]:
        p = Path(arg)
        found += verify_file(p, doc="004" if "raadpleging" in str(p) else None)
    for problem in found:
        print(problem)
    print(f"{len(found)} problem(s)")
    sys.exit(1 if found else 0)
