"""Refresh one source with a newly downloaded official file, validated and atomic.

    python -m pipeline.refresh PATH/TO/downloaded_file [--raw data/raw] [--out data] [--dry-run]

Accepts a DUO hbo file (ingeschrevenen, eerstejaars or gediplomeerden; the 2020+ long format or the
older wide format with space-separated column names; ``;`` or ``,``; ``<5`` or ``-1`` cells) or a
CBS StatLine OData JSON export of 83599NED. The file is recognised by its columns, validated with
the same readers and contracts as the build, and checked so that its newest year does not go back.
Only then is it copied into data/raw and are all snapshots rebuilt (staging, then atomic renames,
manifest last). On any problem it stops with one line naming file, row and column, and the current
raw files and snapshots stay byte-identical.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from pipeline import build, cbs, duo
from pipeline.errors import BuildError


@dataclass(frozen=True)
class Slot:
    """Where a kind of source file lives in data/raw and which snapshot it feeds."""

    folder: str
    filename: str  # canonical name the refreshed file gets
    snapshot: str
    vintage_prefix: str
    replaces: tuple[str, ...] = ()  # other files in the folder the new one supersedes


def _new_slot(name: str, snapshot: str) -> Slot:
    return Slot(duo.NEW_DIR, name, snapshot, f"duo_2026/{name}")


def detect(path: Path) -> Slot:
    """Recognise the downloaded file by its content (not its name)."""
    raw = path.read_bytes()
    if not raw.strip():
        raise BuildError(path, None, None, "leeg bestand")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BuildError(path, None, None, f"geen UTF-8 tekst (byte {exc.start})") from None
    if text.lstrip().startswith(("{", "[")):
        return _detect_json(path, text)
    header = text.split("\n", 1)[0].strip().strip("\ufeff")
    sep = ";" if header.count(";") > header.count(",") else ","
    cols = {c.strip().strip('"') for c in header.split(sep)}
    if "STUDIEJAAR" in cols or "DIPLOMAJAAR" in cols:
        return _detect_new(path, cols)
    if "BRIN NUMMER ACTUEEL" in cols and "SOORT DIPLOMA" in cols:
        return Slot(duo.OLD_DIR, "hbo_gediplomeerden_2019.csv", "duo_graduates", "duo_2019/")
    if "BRIN NUMMER ACTUEEL" in cols and "TYPE HOGER ONDERWIJS" in cols:
        return Slot(duo.OLD_DIR, "hbo_inscriptions_2019.csv", "duo_first_years", "duo_2019/")
    if "INSTELLINGSCODE ACTUEEL" in cols and "OPLEIDINGSVORM" in cols:
        return Slot(
            duo.JSON_DIR,
            "ingeschrevenenhbo_volledig.csv",
            "duo_enrolled",
            "duo_volledig/",
            replaces=("*.json", "*.csv"),
        )
    raise BuildError(
        path, 1, None, "onbekend bestandstype: kolommen passen bij geen DUO- of CBS-bestand"
    )


def _detect_new(path: Path, cols: set[str]) -> Slot:
    for _measure, name, breakdown, _ycol, ccol, _definition in duo.NEW_FILES:
        extra = {
            "opleiding": "OPLEIDINGSCODE_ACTUEEL",
            "geslacht": "GESLACHT",
            "opleidingsvorm": "OPLEIDINGSVORM",
        }[breakdown]
        if ccol in cols and extra in cols:
            snapshot = {
                "AANTAL_INGESCHREVENEN": "duo_enrolled",
                "AANTAL_EERSTEJAARS_INGESCHREVENEN": "duo_first_years",
                "AANTAL_GEDIPLOMEERDEN": "duo_graduates",
            }[ccol]
            return _new_slot(name, snapshot)
    raise BuildError(
        path,
        1,
        None,
        "DUO-bestand herkend, maar de aantal- of uitsplitskolom "
        "ontbreekt (verwacht bv. AANTAL_INGESCHREVENEN en OPLEIDINGSCODE_ACTUEEL)",
    )


def _detect_json(path: Path, text: str) -> Slot:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BuildError(path, exc.lineno, None, f"geen geldige JSON: {exc.msg}") from None
    records = doc.get("value") if isinstance(doc, dict) else doc
    if isinstance(records, list) and records and isinstance(records[0], dict):
        if "OpenstaandeVacatures_1" in records[0]:
            return Slot(cbs.VAC_DIR, "tables_2.json", "cbs_vacancies", "", replaces=("*.json",))
        if "INSTELLINGSCODE ACTUEEL" in records[0]:
            return Slot(
                duo.JSON_DIR,
                "duo_ingeschrevenhbo_2024.json",
                "duo_enrolled",
                "duo_volledig/",
                replaces=("*.json", "*.csv"),
            )
    raise BuildError(path, None, None, "onbekend JSON-bestand (geen 83599NED-export of DUO-lijst)")


def _latest_year(df: pd.DataFrame, slot: Slot) -> int | None:
    if "vintage" in df.columns:
        df = df[df["vintage"].astype(str).str.startswith(slot.vintage_prefix)]
    return int(df["year"].max()) if len(df) else None


def refresh(new_file: Path, raw: Path, out: Path, dry_run: bool = False) -> dict:
    new_file = new_file.resolve()
    if not new_file.is_file():
        raise BuildError(new_file, None, None, "bestand niet gevonden")
    slot = detect(new_file)
    current = out / f"{slot.snapshot}.parquet"
    before = _latest_year(pd.read_parquet(current), slot) if current.exists() else None
    with tempfile.TemporaryDirectory(prefix="swic-refresh-") as tmp:
        work = Path(tmp)
        shutil.copytree(raw, work / "raw")
        for extra in ("transcribed", "reference"):
            if (raw.parent / extra).is_dir():
                shutil.copytree(raw.parent / extra, work / extra)
        folder = work / "raw" / slot.folder
        for pattern in slot.replaces:
            for old in folder.glob(pattern):
                old.unlink()
        shutil.copyfile(new_file, folder / slot.filename)
        # name the incoming file in errors, not the staging copy
        try:
            manifest = build.build(work / "raw", work / "out")
        except BuildError as exc:
            if exc.path.name == slot.filename:
                raise BuildError(new_file, exc.row, exc.column, exc.message) from None
            raise
        df = pd.read_parquet(work / "out" / f"{slot.snapshot}.parquet")
        after = _latest_year(df, slot)
        if before is not None and after is not None and after < before:
            raise BuildError(
                new_file,
                None,
                "jaar",
                f"het nieuwste jaar gaat terug: {after} in "
                f"het nieuwe bestand, {before} in de huidige gegevens",
            )
        if dry_run:
            return manifest
        _swap_in(work, raw, out, slot, new_file)
    return manifest


def _swap_in(work: Path, raw: Path, out: Path, slot: Slot, new_file: Path) -> None:
    """Raw file first (so a rebuild reproduces the snapshots), then snapshots, manifest last."""
    folder = raw / slot.folder
    staged = folder / f".{slot.filename}.new"
    shutil.copyfile(new_file, staged)
    for pattern in slot.replaces:
        for old in folder.glob(pattern):
            if old.name != slot.filename:
                old.unlink()
    staged.replace(folder / slot.filename)
    digest = hashlib.sha256(new_file.read_bytes()).hexdigest()
    when = datetime.now(UTC).isoformat(timespec="seconds")
    with (folder / "SOURCE.md").open("a", encoding="utf-8") as fh:
        fh.write(
            f"\n- Refreshed {when}: `{slot.filename}` replaced by the downloaded file "
            f"`{new_file.name}` (sha256 {digest}) via `python -m pipeline.refresh`.\n"
        )
    (out / "geo").mkdir(parents=True, exist_ok=True)
    for f in sorted((work / "out").glob("*.parquet")):
        f.replace(out / f.name)
    for f in sorted((work / "out" / "geo").glob("*.json")):
        f.replace(out / "geo" / f.name)
    (work / "out" / "manifest.json").replace(out / "manifest.json")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("file", type=Path)
    ap.add_argument("--raw", type=Path, default=build.DEFAULT_RAW)
    ap.add_argument("--out", type=Path, default=build.DEFAULT_OUT)
    ap.add_argument("--dry-run", action="store_true", help="validate and build, change nothing")
    args = ap.parse_args(argv)
    try:
        manifest = refresh(args.file, args.raw.resolve(), args.out.resolve(), args.dry_run)
    except BuildError as exc:
        print(f"FOUT / ERROR: {exc}. Er is niets gewijzigd (nothing was changed).", file=sys.stderr)
        return 1
    except (OSError, ValueError, KeyError) as exc:
        print(
            f"FOUT / ERROR: {args.file.name}: {type(exc).__name__}: {exc}. Er is niets "
            f"gewijzigd (nothing was changed).",
            file=sys.stderr,
        )
        return 1
    verb = "gecontroleerd (dry run)" if args.dry_run else "ververst"
    print(
        f"OK: {args.file.name} {verb}; snapshot {manifest['snapshot_id']}, gebouwd "
        f"{manifest['built_at']}. Zie 'Over de data'."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
