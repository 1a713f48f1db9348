"""What a refresh changes in one snapshot: periods added, values revised, cells newly suppressed."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import pandas as pd

from pipeline import duo

TOP = 5


class SlotLike(Protocol):
    snapshot: str
    vintage_prefix: str


def _shape(snapshot: str) -> tuple[str, list[str], str]:
    """(period column, key columns, value column) of a refreshable snapshot."""
    if snapshot == "cbs_vacancies":
        return "period_code", ["period_code", "region_code", "sbi_code"], "vacancy_count"
    return "year", list(duo.KEY), "student_count"


def _rows(path: Path, slot: SlotLike) -> pd.DataFrame:
    if not path.exists():
        return pd.DataFrame()
    df = pd.read_parquet(path)
    if "vintage" in df.columns and slot.vintage_prefix:
        df = df[df["vintage"].astype(str).str.startswith(slot.vintage_prefix)]
    return df


def _describe(row: pd.Series, keys: list[str]) -> str:
    skip = {"vintage", "sector", "subsector"}
    return " ".join(str(row[k]) for k in keys if k not in skip and pd.notna(row[k]))


def summary(old_path: Path, new_path: Path, slot: SlotLike) -> list[str]:
    """Dutch lines for the terminal and SOURCE.md (the refresh report)."""
    period, keys, value = _shape(slot.snapshot)
    old, new = _rows(old_path, slot), _rows(new_path, slot)
    if old.empty:
        return [f"Nieuwe bron: {len(new)} rijen."]
    added = sorted(set(new[period]) - set(old[period]))
    lines = [
        "Perioden toegevoegd: " + (", ".join(str(p) for p in added) if added else "geen"),
    ]
    lost = sorted(set(old[period]) - set(new[period]))
    if lost:  # cannot happen with vintages; said loudly if it ever does
        lines.append("LET OP, perioden verdwenen: " + ", ".join(str(p) for p in lost))
    both = old.merge(new, on=keys, suffixes=("_old", "_new"))
    changed = both[
        both[f"{value}_old"].notna()
        & both[f"{value}_new"].notna()
        & (both[f"{value}_old"] != both[f"{value}_new"])
    ]
    if len(changed):
        diff = (changed[f"{value}_new"] - changed[f"{value}_old"]).abs()
        top = changed.loc[diff.sort_values(ascending=False).index[:TOP]]
        examples = "; ".join(
            f"{_describe(r, keys)}: {int(r[f'{value}_old'])} -> {int(r[f'{value}_new'])}"
            for _, r in top.iterrows()
        )
        lines.append(f"Herziene waarden: {len(changed)} (grootste: {examples})")
    else:
        lines.append("Herziene waarden: geen")
    if "is_suppressed" in both.columns or "is_suppressed_old" in both.columns:
        newly = both[~both["is_suppressed_old"] & both["is_suppressed_new"]]
        lines.append(f"Nieuw afgeschermd (<5): {len(newly)} cel(len)")
    if "is_provisional_old" in both.columns:
        final = both[both["is_provisional_old"] & ~both["is_provisional_new"]]
        if len(final):
            lines.append(f"Niet meer voorlopig: {len(final)} cel(len)")
    return lines
