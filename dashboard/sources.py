"""The "Bron" of a chart whose rows come from more than one snapshot, named from its data.

The vacancy series (not seasonally adjusted) is CBS StatLine 83599NED up to the last quarter of
that file and continues with quarters transcribed from CBS publications (snapshot
vacancies_transcribed). A chart, slide or factsheet line that shows both names both, each with
the quarters it supplies; a chart from one file names that file only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pandas as pd

from dashboard import exports, fmt, ui

STATLINE = "cbs_vacancies"  # CBS 83599NED
PUBLICATIONS = "vacancies_transcribed"  # data/transcribed/cbs_vacatures_2020_2025
Part = tuple[str, str]  # snapshot, the periods it supplies ('' = all)


def provenance(
    parts: Sequence[Part], title: str, filters: str = "", peildatum: str | None = None
) -> exports.Provenance:
    """One snapshot: its provenance as before. Several: every source with its periods."""
    provs = [ui.provenance(name, title, filters, peildatum) for name, _ in parts]
    if len(provs) == 1:
        return provs[0]
    provs = [
        replace(p, source=f"{p.source} ({span})" if span else p.source)
        for p, (_, span) in zip(provs, parts, strict=True)
    ]
    return exports.joined(provs)


def _span(rows: pd.DataFrame) -> str:
    keys = sorted({(int(y), int(q)) for y, q in zip(rows["year"], rows["quarter"], strict=True)})
    first, last = fmt.quarter(*keys[0]), fmt.quarter(*keys[-1])
    return first if first == last else f"{first} t/m {last}"


def vacancy_parts(data: pd.DataFrame) -> list[Part]:
    """Which snapshot supplied which quarters of a vacancy frame (StatLine first).

    Reads ``source_kind`` ('statline' | 'publicatie') or ``is_from_publication`` per row; a
    frame without either is StatLine only. A row mixing both files counts as a publication.
    """
    if "source_kind" in data:
        published = data["source_kind"] != "statline"
    elif "is_from_publication" in data:
        published = data["is_from_publication"].fillna(False).astype(bool)
    else:
        return [(STATLINE, "")]
    has_quarters = {"year", "quarter"} <= set(data.columns) and data["quarter"].notna().all()
    parts = []
    for name, rows in ((STATLINE, data[~published]), (PUBLICATIONS, data[published])):
        if len(rows):
            parts.append((name, _span(rows) if has_quarters else ""))
    return parts or [(STATLINE, "")]


def vacancy_provenance(
    data: pd.DataFrame, title: str, filters: str = "", peildatum: str | None = None
) -> exports.Provenance:
    return provenance(vacancy_parts(data), title, filters, peildatum)
