"""Hand-transcribed figures from the seed reports -> typed tables (verified line by line)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from pipeline import transcribed
from pipeline.errors import BuildError

BOOL_COLUMNS = ("is_hedged", "from_chart_label", "multiple_answers", "distribution_complete")
NUMERIC = ("value", "value_upper")
INT_COLUMNS = ("line", "n", "year", "chapter", "survey_year")


def _typed(df: pd.DataFrame, path: Path) -> pd.DataFrame:
    for col in df.columns:
        if col in BOOL_COLUMNS:
            bad = ~df[col].isin(["true", "false"])
            if bad.any():
                row = int(bad.idxmax()) + 2
                raise BuildError(
                    path, row, col, f"verwacht true/false, niet {df[col][bad].iloc[0]!r}"
                )
            df[col] = df[col] == "true"
        elif col in NUMERIC:
            df[col] = pd.to_numeric(df[col].replace("", None), errors="raise").astype("Float64")
        elif col in INT_COLUMNS:
            df[col] = pd.to_numeric(df[col].replace("", None), errors="raise").astype("Int64")
    return df


def read(path: Path, doc: str | None = None) -> pd.DataFrame:
    """Read one transcription CSV; every row must pass the line check."""
    problems = transcribed.verify_file(path, doc=doc)
    if problems:
        p = problems[0]
        raise BuildError(path, p.row, "value_text", f"{p.message} (+{len(problems) - 1} meer)")
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    return _typed(df, path)


SOURCE_KINDS = ("raadpleging", "context")


def _check_source(df: pd.DataFrame, path: Path) -> pd.DataFrame:
    """``source_kind`` is 'raadpleging' (survey answer) or 'context' (figure from another source);
    a context row names its source in ``context_source``, a survey row leaves it empty."""
    for col in ("source_kind", "context_source"):
        if col not in df.columns:
            raise BuildError(path, None, col, "kolom ontbreekt")
    bad = ~df["source_kind"].isin(SOURCE_KINDS)
    if bad.any():
        row = int(bad.idxmax()) + 2
        value = df["source_kind"][bad].iloc[0]
        raise BuildError(path, row, "source_kind", f"verwacht {SOURCE_KINDS}, niet {value!r}")
    named = df["context_source"].str.strip() != ""
    mismatch = named != (df["source_kind"] == "context")
    if mismatch.any():
        row = int(mismatch.idxmax()) + 2
        raise BuildError(
            path, row, "context_source", "verplicht bij source_kind 'context', anders leeg"
        )
    return df


# An English transcription note (for maintainers) that says the report contradicts itself or
# that a pair of rounds is not like for like. Such a row is marked ``note_is_caution`` and must
# carry the Dutch text the pages show (``note_nl``); 'comparison block 2024 vs 2020' is no doubt.
CAUTION = re.compile(
    r"contradict|not reproducible|\bvs\b|differs|probably right|does not fit|"
    r"lastig te vergelijken|questions were changed|not comparable",
    re.I,
)
_YEAR_VS_YEAR = re.compile(r"\b(?:19|20)\d\d vs (?:19|20)\d\d\b")


def _check_notes(df: pd.DataFrame, path: Path) -> pd.DataFrame:
    """``note`` is the English audit note for maintainers, ``note_nl`` the Dutch text the pages
    show (B1). A cautionary note must have its Dutch text; a Dutch text needs its audit note."""
    for col in ("note", "note_nl"):
        if col not in df.columns:
            raise BuildError(path, None, col, "kolom ontbreekt")
    df["note_is_caution"] = [bool(CAUTION.search(_YEAR_VS_YEAR.sub("", n))) for n in df["note"]]
    has_nl = df["note_nl"].str.strip() != ""
    lacking = df["note_is_caution"] & ~has_nl
    if lacking.any():
        raise BuildError(
            path,
            int(lacking.idxmax()) + 2,
            "note_nl",
            "verplicht: de notitie meldt een tegenspraak of een niet-vergelijkbaar cijfer en "
            "wordt op de pagina getoond, dus in het Nederlands",
        )
    orphan = has_nl & (df["note"].str.strip() == "")
    if orphan.any():
        raise BuildError(path, int(orphan.idxmax()) + 2, "note", "note_nl zonder note")
    return df


def raadpleging(folder: Path) -> tuple[pd.DataFrame, list[Path]]:
    files = sorted(p for p in folder.glob("ch[0-9][0-9].csv"))
    if not files:
        raise BuildError(folder, None, None, "geen hoofdstukbestanden chNN.csv gevonden")
    frames = [_check_notes(_check_source(read(p, doc="004"), p), p) for p in files]
    df = pd.concat(frames, ignore_index=True)
    df.insert(0, "figure_id", range(1, len(df) + 1))
    df = df.sort_values(["chapter", "line", "figure_id"]).reset_index(drop=True)
    df["figure_id"] = range(1, len(df) + 1)
    return df, files


def simple(path: Path) -> tuple[pd.DataFrame, list[Path]]:
    df = read(path)
    return df.sort_values(["document", "line"], kind="stable").reset_index(drop=True), [path]


HEADLINE_COLUMNS = [
    "position",
    "survey_year",
    "chapter",
    "ref",
    "answer",
    "unit",
    "value_text",
    "label",
    "explanation",
]
_HEADLINE_KEY = ("survey_year", "chapter", "ref", "answer", "unit", "value_text")


def start_headlines(path: Path, survey: pd.DataFrame) -> tuple[pd.DataFrame, list[Path]]:
    """The Raadpleging figures that headline the start page (data/reference/start_headlines.csv).

    Each row names one survey answer by what it is (round, chapter, figure, answer, unit, the
    text that states it); it must match exactly one transcribed survey row, whose ``figure_id``
    is stored, so the page never picks a figure by its report line.
    """
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    if list(df.columns) != HEADLINE_COLUMNS:
        raise BuildError(path, 1, None, f"kolommen {list(df.columns)}, verwacht {HEADLINE_COLUMNS}")
    answers = survey[survey["source_kind"] == "raadpleging"].copy()
    answers["answer"] = answers["answer"].fillna("")
    ids = []
    for i, r in enumerate(df.itertuples(index=False), start=2):
        match = answers[
            (answers["survey_year"].astype(str) == r.survey_year)
            & (answers["chapter"].astype(str) == r.chapter)
            & (answers["ref"] == r.ref)
            & (answers["answer"] == r.answer)
            & (answers["unit"] == r.unit)
            & (answers["value_text"] == r.value_text)
        ]
        if len(match) != 1:
            raise BuildError(
                path, i, "value_text", f"{len(match)} rijen in de raadpleging passen, verwacht 1"
            )
        ids.append(int(match["figure_id"].iloc[0]))
    df["figure_id"] = pd.array(ids, dtype="Int64")
    for col in ("position", "survey_year", "chapter"):
        df[col] = pd.to_numeric(df[col], errors="raise").astype("Int64")
    df["answer"] = df["answer"].replace("", None)
    return df.sort_values("position").reset_index(drop=True), [path]
