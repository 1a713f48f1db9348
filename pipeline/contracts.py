"""Snapshot contracts: what every parquet file in data/ must look like. Used by build and tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

import pandas as pd

from pipeline import duo


@dataclass(frozen=True)
class Column:
    kind: str  # "int", "float", "str", "bool", "datetime"
    nullable: bool = False
    pattern: str | None = None
    allowed: tuple | None = None
    min: float | None = None
    max: float | None = None


@dataclass(frozen=True)
class Contract:
    columns: dict[str, Column]
    key: tuple[str, ...]
    min_rows: int = 1
    rows_per_year: dict[int, tuple[int, int]] = field(default_factory=dict)


# A refresh may add years up to next year (a DUO studiejaar starts in autumn, CBS publishes the
# population of 1 January early in the year): no test fails when the calendar turns.
LATEST_YEAR = datetime.now(UTC).year + 1
ANY_YEAR = 0  # rows_per_year key: the same row count for every year present
_STR = Column("str")
_STR_NULL = Column("str", nullable=True)
_DUO_COMMON = {
    "vintage": _STR,
    "definition": _STR,
    "breakdown": Column("str", allowed=("volledig", "opleiding", "geslacht", "opleidingsvorm")),
    "province_name": Column(
        "str",
        allowed=(
            "Groningen",
            "Fryslân",
            "Drenthe",
            "Overijssel",
            "Flevoland",
            "Gelderland",
            "Utrecht",
            "Noord-Holland",
            "Zuid-Holland",
            "Zeeland",
            "Noord-Brabant",
            "Limburg",
        ),
    ),
    "gemeente_code": Column("str", pattern=r"^GM\d{4}$"),
    "gemeente_name": _STR,
    "institution_code": Column("str", pattern=r"^[0-9A-Z]{4}$"),
    "institution_name": _STR,
    "education_type": Column("str", allowed=("bachelor", "associate degree", "master")),
    "sector": _STR,
    "subsector": _STR,
    "programme_code": Column("str", nullable=True, pattern=r"^\d{5}$"),
    "programme_name": _STR_NULL,
    "study_mode": Column("str", nullable=True, allowed=("voltijd", "deeltijd", "duaal")),
    "gender": Column("str", nullable=True, allowed=("man", "vrouw", "onbekend")),
    "student_count": Column("int", nullable=True, min=1),
    "is_suppressed": Column("bool"),
}
_DUO_KEY = tuple(duo.KEY)  # the DUO key has one home: pipeline/duo.py


def _duo(first: int, last: int) -> Contract:
    return Contract(
        {"year": Column("int", min=first, max=last), **_DUO_COMMON}, _DUO_KEY, min_rows=1000
    )


_TRANSCRIBED_COMMON = {
    "line": Column("int", min=1),
    "value": Column("float"),
    "value_text": _STR,
    "is_hedged": Column("bool"),
    "hedge": _STR_NULL,
    "note": _STR_NULL,
}

_PROVINCES_AND_NL = (
    "Nederland",
    *_DUO_COMMON["province_name"].allowed,
)
_URL = Column("str", pattern=r"^https://\S+$")
_QUOTE = Column("str", pattern=r"^.*\S.*$")  # every row cites the sentence that holds it
_WEB_SOURCE = {
    "note": _STR,
    "url": _URL,
    "quote": _QUOTE,
    "publisher": _STR,
    "published": Column("datetime", nullable=True),
}

CONTRACTS: dict[str, Contract] = {
    "duo_enrolled": _duo(2020, LATEST_YEAR),
    "duo_first_years": _duo(2015, LATEST_YEAR),
    "duo_graduates": _duo(2014, LATEST_YEAR),
    "cbs_vacancies": Contract(
        {
            "period_code": Column("str", pattern=r"^\d{4}KW0[1-4]$"),
            "year": Column("int", min=2011, max=LATEST_YEAR),
            "quarter": Column("int", min=1, max=4),
            "quarter_start": Column("datetime"),
            "region_level": Column("str", allowed=("nl", "landsdeel", "provincie")),
            "region_code": Column("str", pattern=r"^(NL01|LD0[1-4]|PV(2\d|3[01]))$"),
            "region_name": _STR,
            "landsdeel_code": Column("str", nullable=True, pattern=r"^LD0[1-4]$"),
            "sbi_code": _STR,
            "sbi_letter": _STR,
            "sbi_name": _STR,
            "is_sbi_aggregate": Column("bool"),
            "vacancy_count": Column("int", nullable=True, min=0),
            "is_provisional": Column("bool"),
        },
        ("period_code", "region_code", "sbi_code"),
        min_rows=15504,
    ),
    "regions_gemeente": Contract(
        {
            "gemeente_code": Column("str", pattern=r"^GM\d{4}$"),
            "gemeente_name": _STR,
            "provincie_code": Column("str", pattern=r"^PV(2\d|3[01])$"),
            "provincie_name": _STR,
            "arbeidsmarktregio_code": Column("str", pattern=r"^AM\d{2}$"),
            "arbeidsmarktregio_name": _STR,
        },
        ("gemeente_code",),
        min_rows=342,
    ),
    "population": Contract(
        {
            "year": Column("int", min=2019, max=LATEST_YEAR),
            "region_level": Column(
                "str", allowed=("nl", "provincie", "arbeidsmarktregio", "gemeente")
            ),
            "region_code": Column("str", pattern=r"^(NL01|PV\d{2}|AM\d{2}|GM\d{4})$"),
            "region_name": _STR,
            "population": Column("int", nullable=True, min=0),
            "is_reconstructed": Column("bool"),
        },
        ("year", "region_level", "region_code"),
        rows_per_year={ANY_YEAR: (390, 390)},  # 1 + 12 + 35 + 342 on the 2023 division
    ),
    "programme_groups": Contract(
        {
            "programme_code": Column("str", pattern=r"^\d{5}$"),
            "programme_name": _STR,
            "programme_group": Column(
                "str",
                allowed=(
                    "Social Work",
                    "Pedagogiek",
                    "Toegepaste Psychologie",
                    "Ad Sociaal Werk",
                    "Ad overig sociaal domein",
                    "Ad Pedagogisch Educatief",
                    "Master sociaal domein",
                    "Vaktherapie",
                    "Overig gedrag en maatschappij",
                ),
            ),
            "in_default_selection": Column("bool"),
            "note": _STR_NULL,
        },
        ("programme_code",),
    ),
    # a short Dutch note for a CBS quarter that explains an unusual change (e.g. corona)
    "period_context": Contract(
        {
            "period_code": Column("str", pattern=r"^\d{4}KW0[1-4]$"),
            "context": _STR,
        },
        ("period_code",),
    ),
    "raadpleging": Contract(
        {
            "figure_id": Column("int", min=1),
            "chapter": Column("int", min=0, max=15),
            "chapter_title": _STR,
            "ref": Column("str", pattern=r"^(Tabel \d+\.\d+|Figuur \d+(\.\d+)?|tekst)$"),
            "ref_title": _STR_NULL,
            "question": _STR,
            "answer": _STR_NULL,
            "value_upper": Column("float", nullable=True),
            "unit": _STR,
            "survey_year": Column("int", min=1990, max=2025),
            "n": Column("int", nullable=True, min=1, max=1191),
            "multiple_answers": Column("bool"),
            "distribution_complete": Column("bool"),
            "from_chart_label": Column("bool"),
            # survey answer of the raadpleging, or context from another source (AZW, CBS, ...)
            "source_kind": Column("str", allowed=("raadpleging", "context")),
            "context_source": _STR_NULL,
            # Dutch text of the note for the pages (the English ``note`` is for maintainers)
            "note_nl": _STR_NULL,
            "note_is_caution": Column("bool"),
            **_TRANSCRIBED_COMMON,
        },
        ("figure_id",),
        min_rows=100,
    ),
    "start_headlines": Contract(
        {
            "position": Column("int", min=1),
            "survey_year": Column("int", min=1990, max=LATEST_YEAR),
            "chapter": Column("int", min=0, max=15),
            "ref": _STR,
            "answer": _STR_NULL,
            "unit": Column("str", allowed=("percent", "percent_of_time")),
            "value_text": _STR,
            "label": _STR,
            "explanation": _STR,
            "figure_id": Column("int", min=1),
        },
        ("position",),
    ),
    "vh_dashboard": Contract(
        {
            "document": Column("str", allowed=("001",)),
            "indicator": _STR,
            "block": _STR,
            "programme_scope": _STR,
            "year": Column("int", nullable=True, min=2010, max=2022),
            **_TRANSCRIBED_COMMON,
        },
        ("document", "line", "indicator", "programme_scope", "year", "value"),
    ),
    "azw_prognose": Contract(
        {
            "document": Column("str", allowed=("001",)),
            "branche": _STR,
            "occupation": _STR,
            "year": Column("int", min=2021, max=2031),
            **_TRANSCRIBED_COMMON,
        },
        ("branche", "occupation", "year"),
    ),
    "kengetallen": Contract(
        {
            "document": Column("str", allowed=("000", "001", "003", "004")),
            "theme": _STR,
            "indicator": _STR,
            "unit": _STR,
            **_TRANSCRIBED_COMMON,
        },
        ("document", "line", "indicator"),
    ),
    "vacancies_transcribed": Contract(
        {
            "period_code": Column("str", pattern=r"^20(1\d|2\d)(KW0[1-4]|JJ00)$"),
            "period_type": Column("str", allowed=("quarter", "year")),
            "year": Column("int", min=2020, max=LATEST_YEAR),
            "quarter": Column("int", nullable=True, min=1, max=4),
            "quarter_start": Column("datetime", nullable=True),
            "region_level": Column("str", allowed=("nl", "provincie")),
            "region_code": Column("str", pattern=r"^(NL01|PV(2\d|3[01]))$"),
            "region_name": Column("str", allowed=_PROVINCES_AND_NL),
            "landsdeel_code": Column("str", nullable=True, pattern=r"^LD0[1-4]$"),
            "sbi_code": Column("str", allowed=("422400", "T001081")),
            "sbi_letter": Column("str", allowed=("Q", "A-U")),
            "sbi_name": _STR,
            "is_sbi_aggregate": Column("bool"),
            "basis": Column("str", allowed=("nsa", "sa")),
            "vacancy_count": Column("int", min=1),
            "value_thousands": Column("float", min=0.1),
            "rounded_to": Column("int", allowed=(100, 1000)),
            "is_provisional": Column("bool"),
            "is_implied": Column("bool"),
            "is_inferred": Column("bool"),
            "is_revision": Column("bool"),
            "is_approximate": Column("bool"),
            "has_source_conflict": Column("bool"),
            "derivation": _STR_NULL,
            "source_file": Column(
                "str", pattern=r"^cbs_vacatures_2020_2025/vacatures_(nsa|sa)(_implied)?\.csv$"
            ),
            **_WEB_SOURCE,
        },
        ("basis", "period_code", "region_code", "sbi_code", "is_revision"),
        min_rows=90,
    ),
    "azw_sociaal_werk": Contract(
        {
            "period_label": _STR,
            "period_code": Column("str", nullable=True, pattern=r"^\d{4}(JJ00|KW0[1-4]|MM\d{2})$"),
            "period_type": Column("str", allowed=("year", "quarter", "month", "undated")),
            "year": Column("int", nullable=True, min=2015, max=2040),
            "quarter": Column("int", nullable=True, min=1, max=4),
            "is_period_inferred": Column("bool"),
            "region_name": _STR,
            "branch": _STR,
            "measure": Column(
                "str",
                allowed=(
                    "vacaturegraad",
                    "ontstane_vacatures_verandering",
                    "werknemers",
                    "zelfstandigen",
                    "tekort_prognose",
                    "sociaal_werkers",
                    "openstaande_vacatures",
                    "openstaande_vacatures_beroep",
                ),
            ),
            "unit": Column(
                "str",
                allowed=(
                    "vacatures per 1.000 banen van werknemers",
                    "procent",
                    "personen",
                    "vacatures",
                ),
            ),
            "definition": Column(
                "str", nullable=True, allowed=("jaargemiddelde", "einde kwartaal")
            ),
            "value": Column("float", min=0),
            "is_approximate": Column("bool"),
            "edition": Column(
                "str",
                nullable=True,
                allowed=("2022-2031", "2024-2033", "scenario-2024", "ongedateerd"),
            ),
            "edition_label": _STR_NULL,
            "edition_first_year": Column("int", nullable=True, min=2015, max=2040),
            "edition_last_year": Column("int", nullable=True, min=2015, max=2040),
            **_WEB_SOURCE,
        },
        ("measure", "branch", "region_name", "period_label", "edition"),
        min_rows=19,
    ),
}

_KIND_CHECK = {
    "int": pd.api.types.is_integer_dtype,
    "float": pd.api.types.is_numeric_dtype,
    "bool": pd.api.types.is_bool_dtype,
    "datetime": pd.api.types.is_datetime64_any_dtype,
    "str": lambda s: pd.api.types.is_string_dtype(s) or s.dtype == object,
}


def validate(name: str, df: pd.DataFrame) -> list[str]:  # noqa: C901 - flat list of checks
    """Return a list of human-readable violations (empty when the frame meets its contract)."""
    contract = CONTRACTS[name]
    errors: list[str] = []
    missing = [c for c in contract.columns if c not in df.columns]
    if missing:
        return [f"{name}: kolommen ontbreken: {missing}"]
    if len(df) < contract.min_rows:
        errors.append(f"{name}: {len(df)} rijen, minimaal {contract.min_rows} verwacht")
    for col, spec in contract.columns.items():
        s = df[col]
        if not _KIND_CHECK[spec.kind](s):
            errors.append(f"{name}.{col}: type {s.dtype}, verwacht {spec.kind}")
            continue
        nulls = s.isna()
        if not spec.nullable and nulls.any():
            errors.append(
                f"{name}.{col}: {int(nulls.sum())} lege waarden (rij {int(nulls.idxmax())})"
            )
        v = s[~nulls]
        if spec.pattern is not None:
            bad = ~v.astype(str).str.fullmatch(spec.pattern)
            if bad.any():
                errors.append(f"{name}.{col}: {v[bad].iloc[0]!r} past niet op {spec.pattern}")
        if spec.allowed is not None:
            bad = ~v.isin(spec.allowed)
            if bad.any():
                errors.append(f"{name}.{col}: onbekende waarde {v[bad].iloc[0]!r}")
        if spec.min is not None and (v < spec.min).any():
            errors.append(f"{name}.{col}: waarde onder {spec.min}: {v[v < spec.min].iloc[0]}")
        if spec.max is not None and (v > spec.max).any():
            errors.append(f"{name}.{col}: waarde boven {spec.max}: {v[v > spec.max].iloc[0]}")
    dup = df.duplicated(list(contract.key), keep=False)
    if dup.any():
        first = df[dup].iloc[0][list(contract.key)].to_dict()
        errors.append(f"{name}: sleutel {contract.key} niet uniek, bv. {first}")
    per_year = dict(contract.rows_per_year)
    if ANY_YEAR in per_year:
        bounds = per_year.pop(ANY_YEAR)
        per_year.update(dict.fromkeys(sorted(df["year"].unique().tolist()), bounds))
    for year, (lo, hi) in per_year.items():
        count = int((df["year"] == year).sum())
        if not lo <= count <= hi:
            errors.append(f"{name}: {count} rijen in {year}, verwacht {lo}-{hi}")
    return errors
