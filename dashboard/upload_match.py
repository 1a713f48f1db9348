"""Own figures: match a gemeente code or name from an upload to the dashboard's gemeenten.

Accent-, case- and punctuation-insensitive names, a few spoken aliases, and codes with or
without 'GM'. No Streamlit.
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

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
_CODE = re.compile(r"^\s*(?:GM)?\s*(\d{1,4})\s*$", re.IGNORECASE)


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
