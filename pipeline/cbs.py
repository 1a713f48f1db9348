"""CBS StatLine tables: 83599NED (open vacancies) and 03759ned (population on 1 January)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from pipeline import vintages
from pipeline.errors import BuildError

VAC_DIR = "cbs_vacatures_83599NED"
VAC_SLOT = "83599NED"
POP_DIR = "cbs_bevolking_03759ned"

REGIONS_83599 = {
    "NL01": ("nl", "Nederland"),
    "LD01": ("landsdeel", "Noord-Nederland"),
    "LD02": ("landsdeel", "Oost-Nederland"),
    "LD03": ("landsdeel", "West-Nederland"),
    "LD04": ("landsdeel", "Zuid-Nederland"),
    "PV20": ("provincie", "Groningen"),
    "PV21": ("provincie", "Fryslân"),
    "PV22": ("provincie", "Drenthe"),
    "PV23": ("provincie", "Overijssel"),
    "PV24": ("provincie", "Flevoland"),
    "PV25": ("provincie", "Gelderland"),
    "PV26": ("provincie", "Utrecht"),
    "PV27": ("provincie", "Noord-Holland"),
    "PV28": ("provincie", "Zuid-Holland"),
    "PV29": ("provincie", "Zeeland"),
    "PV30": ("provincie", "Noord-Brabant"),
    "PV31": ("provincie", "Limburg"),
}
PROVINCE_LANDSDEEL = {
    "PV20": "LD01",
    "PV21": "LD01",
    "PV22": "LD01",
    "PV23": "LD02",
    "PV24": "LD02",
    "PV25": "LD02",
    "PV26": "LD03",
    "PV27": "LD03",
    "PV28": "LD03",
    "PV29": "LD03",
    "PV30": "LD04",
    "PV31": "LD04",
}

# SBI 2008 code -> (letter, Dutch label, is_aggregate), labels as CBS BedrijfstakkenBranchesSBI2008.
SBI = {
    "T001081": ("A-U", "Alle economische activiteiten", True),
    "300003": ("B-F", "Nijverheid en energie", True),
    "300007": ("G-I", "Handel, vervoer en horeca", True),
    "300010": ("M-N", "Zakelijke dienstverlening", True),
    "300013": ("O-Q", "Overheid en zorg", True),
    "301000": ("A", "Landbouw, bosbouw en visserij", False),
    "305700": ("B", "Delfstoffenwinning", False),
    "307500": ("C", "Industrie", False),
    "346600": ("D", "Energievoorziening", False),
    "348000": ("E", "Waterbedrijven en afvalbeheer", False),
    "350000": ("F", "Bouwnijverheid", False),
    "354200": ("G", "Handel", False),
    "383100": ("H", "Vervoer en opslag", False),
    "389100": ("I", "Horeca", False),
    "391600": ("J", "Informatie en communicatie", False),
    "396300": ("K", "Financiële dienstverlening", False),
    "402000": ("L", "Verhuur en handel van onroerend goed", False),
    "403300": ("M", "Specialistische zakelijke diensten", False),
    "410200": ("N", "Verhuur en overige zakelijke diensten", False),
    "417400": ("O", "Openbaar bestuur en overheidsdiensten", False),
    "419000": ("P", "Onderwijs", False),
    "422400": ("Q", "Gezondheids- en welzijnszorg", False),
    "428100": ("R", "Cultuur, sport en recreatie", False),
    "435500": ("S", "Overige dienstverlening", False),
}
_PERIOD = re.compile(r"^(\d{4})KW0([1-4])$")
FIRST_PROVISIONAL_YEAR = (
    2018  # table version 2020-08-14: "t/m 2017 definitief, vanaf 2018 voorlopig"
)


def _load_odata(path: Path) -> list[dict]:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BuildError(path, None, None, f"geen geldige JSON: {exc}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("value"), list) or not doc["value"]:
        raise BuildError(path, None, "value", "geen OData-records gevonden")
    return doc["value"]


def read_vacancies_vintages(
    folder: Path, info: list[dict] | None = None
) -> tuple[pd.DataFrame, list[Path]]:
    """83599NED from its base pages and every refreshed export; newest wins per quarter.

    Provisional marks follow the vintage that supplied the quarter (its ``provisional_from``).
    """
    base = sorted(folder.glob("*.json"))
    frames, used = [], []
    for v in vintages.all_of(folder, VAC_SLOT, base):
        files = [f for f in v.files if f.suffix == ".json"]
        frames.append((v, read_vacancies(files, v.provisional_from)))
        used.extend(files)
    merged, supplied = vintages.merge(frames, "period_code")
    if info is not None:
        info.extend(
            {
                "slot": VAC_SLOT,
                "vintage": v.label,
                "sha256": v.sha256,
                "added": v.added,
                "periods": periods,
            }
            for v, periods in supplied
        )
    merged = merged.sort_values(["period_code", "region_code", "sbi_code"])
    return merged.reset_index(drop=True), used


def read_vacancies(paths: list[Path], provisional_from: int | None = None) -> pd.DataFrame:
    first_provisional = provisional_from or FIRST_PROVISIONAL_YEAR
    rows = []
    for path in paths:
        for i, r in enumerate(_load_odata(path), start=1):
            period = str(r.get("Perioden", "")).strip()
            m = _PERIOD.match(period)
            if not m:
                raise BuildError(path, i, "Perioden", f"onbekende periode {period!r}")
            region = str(r.get("RegioS", "")).strip()
            if region not in REGIONS_83599:
                raise BuildError(path, i, "RegioS", f"onbekende regiocode {region!r}")
            sbi = str(r.get("BedrijfstakkenBranchesSBI2008", "")).strip()
            if sbi not in SBI:
                raise BuildError(
                    path, i, "BedrijfstakkenBranchesSBI2008", f"onbekende code {sbi!r}"
                )
            raw_value = str(r.get("OpenstaandeVacatures_1") or "").strip()
            if raw_value in ("", "."):
                value = None
            else:
                try:
                    value = round(float(raw_value) * 1000)
                except ValueError:
                    raise BuildError(
                        path, i, "OpenstaandeVacatures_1", f"geen getal: {raw_value!r}"
                    ) from None
                if value < 0:
                    raise BuildError(path, i, "OpenstaandeVacatures_1", "negatief aantal")
            year, quarter = int(m.group(1)), int(m.group(2))
            level, region_name = REGIONS_83599[region]
            letter, label, is_agg = SBI[sbi]
            rows.append(
                {
                    "period_code": period,
                    "year": year,
                    "quarter": quarter,
                    "quarter_start": pd.Timestamp(year=year, month=3 * quarter - 2, day=1),
                    "region_level": level,
                    "region_code": region,
                    "region_name": region_name,
                    "landsdeel_code": PROVINCE_LANDSDEEL.get(region),
                    "sbi_code": sbi,
                    "sbi_letter": letter,
                    "sbi_name": label,
                    "is_sbi_aggregate": is_agg,
                    "vacancy_count": value,
                    "is_provisional": year >= first_provisional,
                }
            )
    df = pd.DataFrame(rows)
    df["vacancy_count"] = df["vacancy_count"].astype("Int64")
    return df.sort_values(["period_code", "region_code", "sbi_code"]).reset_index(drop=True)


def read_population(obs_path: Path, regions_path: Path) -> pd.DataFrame:
    """Population on 1 January (M000352) for NL01, PVxx and GMxxxx, 2019-2026."""
    records = _load_odata(obs_path)
    titles = {
        r["Identifier"]: re.sub(r" \((PV|GM|LD|CR)\)$", "", r["Title"].strip())
        for r in _load_odata(regions_path)
    }
    rows = []
    for i, r in enumerate(records, start=1):
        if r.get("Measure") != "M000352":
            continue
        code = str(r.get("RegioS", "")).strip()
        period = str(r.get("Perioden", ""))
        if not re.fullmatch(r"\d{4}JJ00", period):
            raise BuildError(obs_path, i, "Perioden", f"onbekende periode {period!r}")
        value = r.get("Value")
        if value is None:
            continue  # "Impossible": the gemeente did not exist that year
        if not isinstance(value, int | float) or value < 0:
            raise BuildError(obs_path, i, "Value", f"geen geldig aantal: {value!r}")
        level = {"NL": "nl", "PV": "provincie", "GM": "gemeente"}.get(code[:2])
        if level is None:
            raise BuildError(obs_path, i, "RegioS", f"onbekende regiocode {code!r}")
        rows.append(
            {
                "year": int(period[:4]),
                "region_level": level,
                "region_code": code,
                "region_name": titles.get(code, code),
                "population": int(value),
            }
        )
    df = pd.DataFrame(rows)
    return df.sort_values(["year", "region_level", "region_code"]).reset_index(drop=True)


_ABOLISHED = re.compile(r"^Opgeheven per (\d{2})-(\d{2})-(\d{4}), overgegaan naar:$")
_RECEIVER = re.compile(r"^- .*\((GM\d{4})\),?$")
_INHABITANTS = re.compile(r"^\.\.\. .*?\b(\d[\d.]*) inwoners?$")


@dataclass(frozen=True)
class Abolition:
    """A gemeente's own "Opgeheven per …, overgegaan naar:" block in the CBS code list."""

    date: date
    receivers: dict[str, int]  # receiving GM code -> inhabitants received


def abolitions(regions_path: Path) -> dict[str, Abolition]:
    """Abolished GM code -> where its inhabitants went, from that gemeente's own Description.

    Only the block "Opgeheven per DD-MM-YYYY, overgegaan naar:" in the abolished gemeente's
    own entry is read: each "- Name (GMxxxx)," line names a receiver and the following
    "... H hectare met W woningen en N inwoners" line says how many inhabitants it received.
    Border changes (Grenswijziging), older reorganisations and entries in other gemeenten's
    descriptions are ignored. A gemeente is abolished at most once, so there is one block.
    """
    out: dict[str, Abolition] = {}
    for r in _load_odata(regions_path):
        code = r["Identifier"]
        if not code.startswith("GM"):
            continue
        lines = [ln.strip() for ln in (r.get("Description") or "").splitlines()]
        for i, line in enumerate(lines):
            m = _ABOLISHED.match(line)
            if not m:
                continue
            if code in out:
                raise BuildError(regions_path, None, "Description", f"{code} twee keer opgeheven")
            day, month, year = (int(x) for x in m.groups())
            receivers: dict[str, int] = {}
            j = i + 1
            while j < len(lines) and lines[j].startswith("- "):
                rec = _RECEIVER.match(lines[j])
                num = _INHABITANTS.match(lines[j + 1]) if j + 1 < len(lines) else None
                if not rec or not num or rec.group(1) in receivers:
                    raise BuildError(
                        regions_path, None, "Description", f"{code}: onleesbare regel {lines[j]!r}"
                    )
                receivers[rec.group(1)] = int(num.group(1).replace(".", ""))
                j += 2
            if not receivers:
                raise BuildError(regions_path, None, "Description", f"{code}: geen opvolger")
            out[code] = Abolition(date(year, month, day), receivers)
    return out
