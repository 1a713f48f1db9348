"""Vintages of a raw source file: every downloaded version is kept, the newest wins per period.

A source *slot* (e.g. DUO ``eerstejaarsingeschrevenenhbo.csv``, or the CBS 83599NED pages) has a
base file in ``data/raw/<source>/`` and zero or more later vintages, each stored by its content
in ``data/raw/<source>/vintages/<slot>/<sha256[:16]>/`` with the original file name(s), and
listed in order in ``vintages/<slot>/index.csv`` (file, sha256, added, original_name,
provisional_from). The build reads them all and merges per period: the newest vintage supplies
every period it covers; older periods stay from the vintage that had them. So a DUO rolling
five-year window or a CBS export that drops old quarters never loses a year, and a rebuild from
data/raw reproduces the snapshots exactly.
"""

from __future__ import annotations

import csv
import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

FOLDER = "vintages"
INDEX_COLUMNS = ("folder", "sha256", "added", "original_name", "provisional_from")


@dataclass(frozen=True)
class Vintage:
    files: tuple[Path, ...]  # one file, or the OData pages of one export
    label: str  # what the manifest and SOURCE.md call it
    sha256: str
    added: str  # ISO date of the refresh ('' for the base file)
    provisional_from: int | None = None  # CBS: first provisional year in this vintage


def digest(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in sorted(paths, key=lambda p: p.name):
        h.update(p.read_bytes())
    return h.hexdigest()


def index_path(source_dir: Path, slot: str) -> Path:
    return source_dir / FOLDER / slot / "index.csv"


def later(source_dir: Path, slot: str) -> list[Vintage]:
    """The refreshed vintages of ``slot``, oldest first (as listed in its index.csv)."""
    path = index_path(source_dir, slot)
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    for r in rows:
        folder = path.parent / r["folder"]
        files = tuple(sorted(p for p in folder.iterdir() if p.is_file()))
        prov = int(r["provisional_from"]) if r.get("provisional_from") else None
        out.append(Vintage(files, f"{FOLDER}/{slot}/{r['folder']}", r["sha256"], r["added"], prov))
    return out


def all_of(source_dir: Path, slot: str, base: list[Path]) -> list[Vintage]:
    """Base file(s) first, then every refreshed vintage."""
    first = Vintage(tuple(base), ", ".join(p.name for p in base), digest(base), "")
    return [first, *later(source_dir, slot)]


def known(source_dir: Path, slot: str, base: list[Path], sha: str) -> bool:
    return any(v.sha256 == sha for v in all_of(source_dir, slot, base))


def add(
    source_dir: Path, slot: str, files: list[Path], added: str, provisional_from: int | None
) -> Vintage:
    """Store ``files`` as the newest vintage of ``slot`` (content-addressed) and index it."""
    sha = digest(files)
    folder = source_dir / FOLDER / slot / sha[:16]
    folder.mkdir(parents=True, exist_ok=True)
    for f in files:
        shutil.copyfile(f, folder / f.name)
    path = index_path(source_dir, slot)
    new = not path.exists()
    with path.open("a", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        if new:
            w.writerow(INDEX_COLUMNS)
        w.writerow(
            [
                sha[:16],
                sha,
                added,
                " + ".join(f.name for f in files),
                "" if provisional_from is None else provisional_from,
            ]
        )
    return Vintage(
        tuple(sorted(folder.iterdir())), f"{FOLDER}/{slot}/{sha[:16]}", sha, added, provisional_from
    )


def merge(
    frames: list[tuple[Vintage, pd.DataFrame]], period: str
) -> tuple[pd.DataFrame, list[tuple[Vintage, list]]]:
    """Newest vintage wins for every period it covers; earlier periods stay from older ones.

    Returns the merged frame and, per vintage (oldest first), the periods it supplied.
    """
    covered: set = set()
    kept: list[pd.DataFrame] = []
    supplied: list[tuple[Vintage, list]] = []
    for vintage, df in reversed(frames):
        rows = df[~df[period].isin(covered)]
        supplied.append((vintage, sorted(rows[period].unique().tolist())))
        covered |= set(df[period].unique().tolist())
        kept.append(rows)
    merged = pd.concat(list(reversed(kept)), ignore_index=True)
    return merged, list(reversed(supplied))
