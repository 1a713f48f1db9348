"""Refresh a source with a newly downloaded official file: merged (never replaced), validated.

    python -m pipeline.refresh FILE [FILE ...] [--raw data/raw] [--out data] [--dry-run]
        [--voorlopig-vanaf YEAR]

Accepts a DUO hbo file (ingeschrevenen, eerstejaars or gediplomeerden, each breakdown; the 2020+
long format or the older wide one; ``;`` or ``,``; ``<5`` or ``-1`` cells), the DUO JSON list of
all enrolled, or CBS StatLine 83599NED as one OData export or as its pages given together
(``tables_2.json tables_3.json``). The file is recognised by its columns and validated with the
same readers and contracts as the build. It is then stored as a new *vintage* of its source
(``data/raw/<source>/vintages/<slot>/<sha>/``, pipeline/vintages.py): the newest vintage supplies
every period it covers, older periods stay — a DUO five-year window never drops a year. The
command prints what changes (periods added, values revised old -> new, cells newly suppressed,
provisional marks), records it in the source's SOURCE.md and rebuilds every snapshot (staging,
atomic renames, manifest last). ``--dry-run`` prints the same and changes nothing. A file whose
newest period is older than what we have is refused; the same file twice changes nothing.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pipeline import build, cbs, duo, revisions, vintages
from pipeline.errors import BuildError, report_failure


@dataclass(frozen=True)
class Slot:
    """Where a kind of source file lives in data/raw and which snapshot it feeds."""

    folder: str
    filename: str  # the base file of the slot (its vintages keep their own names)
    snapshot: str
    vintage_prefix: str
    replaces: tuple[str, ...] = ()  # base files of the slot (glob patterns in the folder)
    slot: str = ""  # vintages/<slot>/ (default: the base file's stem)

    @property
    def name(self) -> str:
        return self.slot or Path(self.filename).stem


# the DUO list of all enrolled (cross-tabulated), JSON or its CSV successor: one slot
FULL_ENROLLED = Slot(
    duo.JSON_DIR,
    "ingeschrevenen_volledig",
    "duo_enrolled",
    "duo_volledig/",
    replaces=("*.json", "*.csv"),
    slot=duo.FULL_ENROLLED_SLOT,
)


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
        return FULL_ENROLLED
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
            return Slot(
                cbs.VAC_DIR,
                "tables_2.json",
                "cbs_vacancies",
                "",
                replaces=("*.json",),
                slot=cbs.VAC_SLOT,
            )
        if "INSTELLINGSCODE ACTUEEL" in records[0]:
            return FULL_ENROLLED
    raise BuildError(path, None, None, "onbekend JSON-bestand (geen 83599NED-export of DUO-lijst)")


def _base_files(raw: Path, slot: Slot) -> list[Path]:
    folder = raw / slot.folder
    files = {p for pattern in (slot.replaces or (slot.filename,)) for p in folder.glob(pattern)}
    return sorted(p for p in files if p.is_file())


def _slot_periods(manifest: dict, slot: Slot) -> list[list]:
    """Per vintage of ``slot`` (oldest first), the periods it supplies in ``manifest``."""
    entries = manifest["snapshots"][slot.snapshot].get("vintages", [])
    return [e["periods"] for e in entries if e["slot"] == slot.name]


def refresh(
    new_files: list[Path],
    raw: Path,
    out: Path,
    dry_run: bool = False,
    provisional_from: int | None = None,
) -> tuple[dict, list[str]]:
    """Add ``new_files`` as the newest vintage of their source; returns (manifest, summary)."""
    new_files = [f.resolve() for f in new_files]
    for f in new_files:
        if not f.is_file():
            raise BuildError(f, None, None, "bestand niet gevonden")
    slots = [detect(f) for f in new_files]
    slot = slots[0]
    if any(s.name != slot.name for s in slots):
        raise BuildError(new_files[1], None, None, "de bestanden horen niet bij dezelfde bron")
    folder = raw / slot.folder
    if vintages.known(folder, slot.name, _base_files(raw, slot), vintages.digest(new_files)):
        return {}, [f"Niets gewijzigd: {new_files[0].name} is al opgenomen (zelfde inhoud)."]
    with tempfile.TemporaryDirectory(prefix="swic-refresh-") as tmp:
        work = Path(tmp)
        shutil.copytree(raw, work / "raw")
        for extra in ("transcribed", "reference"):
            if (raw.parent / extra).is_dir():
                shutil.copytree(raw.parent / extra, work / extra)
        if slot.snapshot == "cbs_vacancies" and provisional_from is None:
            provisional_from = _default_provisional_from(new_files)
        added = datetime.now(UTC).date().isoformat()
        vintages.add(work / "raw" / slot.folder, slot.name, new_files, added, provisional_from)
        try:
            manifest = build.build(work / "raw", work / "out")
        except BuildError as exc:
            by_name = {f.name: f for f in new_files}
            if exc.path.name in by_name:  # name the offered file, not the staging copy
                raise BuildError(by_name[exc.path.name], exc.row, exc.column, exc.message) from None
            raise
        per_vintage = _slot_periods(manifest, slot)
        newest, older = per_vintage[-1], [p for ps in per_vintage[:-1] for p in ps]
        before_max = max(older) if older else None
        if before_max is not None and (not newest or max(newest) < before_max):
            raise BuildError(
                new_files[0],
                None,
                "periode",
                f"het nieuwste jaar gaat terug: {max(newest) if newest else 'geen'} in het "
                f"nieuwe bestand, {before_max} in de huidige gegevens",
            )
        summary = revisions.summary(
            out / f"{slot.snapshot}.parquet", work / "out" / f"{slot.snapshot}.parquet", slot
        )
        if not dry_run:
            _swap_in(work, raw, out, slot, new_files, summary)
    return manifest, summary


def _default_provisional_from(files: list[Path]) -> int:
    """CBS marks about the last two years provisional; the base export did (2018-2020)."""
    years = [
        int(str(r.get("Perioden", "0000"))[:4])
        for f in files
        for r in json.loads(f.read_text(encoding="utf-8")).get("value", [])
    ]
    return max(years) - 2


def _swap_in(
    work: Path, raw: Path, out: Path, slot: Slot, new_files: list[Path], summary: list[str]
) -> None:
    """Raw vintage first (so a rebuild reproduces the snapshots), then snapshots, manifest last."""
    src = work / "raw" / slot.folder / vintages.FOLDER / slot.name
    dst = raw / slot.folder / vintages.FOLDER / slot.name
    dst.mkdir(parents=True, exist_ok=True)
    for folder in sorted(p for p in src.iterdir() if p.is_dir()):
        if not (dst / folder.name).exists():
            staged = dst / f".{folder.name}.new"
            shutil.copytree(folder, staged)
            staged.replace(dst / folder.name)
    index = dst / "index.csv"
    staged_index = dst / ".index.csv.new"
    shutil.copyfile(src / "index.csv", staged_index)
    staged_index.replace(index)
    digest = vintages.digest(new_files)
    when = datetime.now(UTC).isoformat(timespec="seconds")
    with (raw / slot.folder / "SOURCE.md").open("a", encoding="utf-8") as fh:
        fh.write(
            f"\n- Refreshed {when}: {' + '.join(f'`{f.name}`' for f in new_files)} added as "
            f"vintage `{vintages.FOLDER}/{slot.name}/{digest[:16]}/` (sha256 {digest}) via "
            "`python -m pipeline.refresh`; older periods are kept.\n"
            + "".join(f"  - {line}\n" for line in summary)
        )
    (out / "geo").mkdir(parents=True, exist_ok=True)
    for f in sorted((work / "out").glob("*.parquet")):
        f.replace(out / f.name)
    for f in sorted((work / "out" / "geo").glob("*.json")):
        f.replace(out / "geo" / f.name)
    (work / "out" / "manifest.json").replace(out / "manifest.json")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("files", type=Path, nargs="+", help="the downloaded file (or all its pages)")
    ap.add_argument("--raw", type=Path, default=build.DEFAULT_RAW)
    ap.add_argument("--out", type=Path, default=build.DEFAULT_OUT)
    ap.add_argument(
        "--dry-run", action="store_true", help="validate, build, report; change nothing"
    )
    ap.add_argument(
        "--voorlopig-vanaf",
        type=int,
        default=None,
        help="CBS: first year the new export marks provisional (default: its last year - 2)",
    )
    args = ap.parse_args(argv)
    names = ", ".join(f.name for f in args.files)
    try:
        manifest, summary = refresh(
            args.files, args.raw.resolve(), args.out.resolve(), args.dry_run, args.voorlopig_vanaf
        )
    except (BuildError, OSError, ValueError, KeyError) as exc:
        return report_failure(exc, "Er is niets gewijzigd (nothing was changed).", f"{names}: ")
    for line in summary:
        print(f"  {line}")
    if not manifest:
        return 0
    verb = "gecontroleerd (dry run, niets gewijzigd)" if args.dry_run else "ververst"
    print(
        f"OK: {names} {verb}; snapshot {manifest['snapshot_id']}, gebouwd "
        f"{manifest['built_at']}. Zie 'Over de data'."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
