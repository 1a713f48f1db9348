"""Build every snapshot from data/raw: python -m pipeline.build [--raw DIR] [--out DIR] [--check].

Reads each source, validates every table against its contract, writes all files to a staging
folder and only then moves them into place (manifest last). Any problem stops the build with one
line naming file, row and column, and leaves the existing snapshots untouched.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import cbs, documents, duo, regions, web_transcribed
from pipeline.contracts import validate
from pipeline.errors import BuildError, report_failure

REPO = Path(__file__).resolve().parent.parent
DEFAULT_RAW = REPO / "data" / "raw"
DEFAULT_OUT = REPO / "data"
PIPELINE_VERSION = "1"

# A licence names the licence only: every "Bron" line already names the publisher, so an
# attribution clause here ("; bron: DUO") was printed twice on every chart, slide and factsheet.
DUO = {
    "publisher": "DUO (Dienst Uitvoering Onderwijs), open onderwijsdata",
    "licence": "CC BY 4.0 / CC0 (DUO open data)",
    "peildatum": "1 oktober",
}
CBS = {
    "publisher": "CBS (Centraal Bureau voor de Statistiek), StatLine",
    "licence": "CC BY 4.0",
}
META = {
    "duo_enrolled": {
        **DUO,
        "title": "Ingeschrevenen hbo (alle inschrijvingen)",
        "source": "DUO p01hoinges (CSV 2026) + Ingeschrevenen hbo (JSON 2024)",
    },
    "duo_first_years": {
        **DUO,
        "title": "Eerstejaars ingeschrevenen hbo",
        "source": "DUO 03b eerstejaars hbo-domein (2015-2019) + p02ho1ejrs (2020+)",
    },
    "duo_graduates": {
        **DUO,
        "title": "Gediplomeerden hbo",
        "peildatum": "diplomajaar",
        "source": "DUO 05 gediplomeerden hbo (2014-2018) + p04hogdipl (2019+)",
    },
    "cbs_vacancies": {
        **CBS,
        "title": "Openstaande vacatures; SBI 2008, regio (83599NED)",
        "source": "CBS 83599NED, tabelversie 14-08-2020",
        "peildatum": "einde kwartaal; vanaf 2018 voorlopig",
    },
    "regions_gemeente": {
        **CBS,
        "title": "Gemeenten 2023 met provincie en arbeidsmarktregio",
        "source": "CBS Wijk- en buurtkaart 2023; CBS 86247NED Gebieden 2026",
        "peildatum": "1 januari 2023",
    },
    "population": {
        **CBS,
        "title": "Bevolking op 1 januari (03759ned)",
        "source": "CBS 03759ned, versie 2026-06-23",
        "peildatum": "1 januari",
    },
    "programme_groups": {
        "title": "Indeling opleidingen in groepen (eigen, versie 1)",
        "publisher": "Sociaal Werk in Cijfers",
        "licence": "CC BY 4.0",
        "source": "data/reference/programme_groups.csv",
        "peildatum": "-",
    },
    "period_context": {
        "title": "Toelichting bij bijzondere kwartalen (eigen, versie 1)",
        "publisher": "Sociaal Werk in Cijfers",
        "licence": "CC BY 4.0",
        "source": "data/reference/period_context.csv",
        "peildatum": "-",
    },
    "raadpleging": {
        "title": "Grote Raadpleging van het Sociaal Werk 2025 (cijfers uit het rapport)",
        "publisher": "Movisie",
        "licence": "© Movisie; citaat met bronvermelding",
        "source": "Movisie-rapport, overgenomen per regel (seed 004)",
        "peildatum": "veldwerk 9 juli - 16 september 2024 (en 2020)",
        # the attribution the report asks for (data/raw/raadpleging/SOURCE.md, licence)
        "citation": "Movisie, Grote Raadpleging Sociaal Werk 2025",
    },
    "start_headlines": {
        "title": "Raadplegingscijfers op de startpagina (eigen keuze, versie 1)",
        "publisher": "Sociaal Werk in Cijfers",
        "licence": "CC BY 4.0",
        "source": "data/reference/start_headlines.csv",
        "peildatum": "-",
    },
    "vh_dashboard": {
        "title": "VH-dashboard HSS 2019-2021 (Bijlage 3)",
        "publisher": "Vereniging Hogescholen, 'Sociaal in beweging' (2022)",
        "licence": "citaat met bronvermelding",
        "source": "seed 001, Bijlage 3",
        "peildatum": "2019-2021",
    },
    "azw_prognose": {
        "title": "Verwachte tekorten AZW-prognosemodel 2021-2031",
        "publisher": "Onderzoeksprogramma AZW, geciteerd door Vereniging Hogescholen",
        "licence": "citaat met bronvermelding",
        "source": "seed 001 r.1825-1837",
        "peildatum": "2021 (prognose tot 2031)",
    },
    "kengetallen": {
        "title": "Losse kengetallen uit de brondocumenten",
        "publisher": "Sociaal Werk Nederland; Vereniging Hogescholen; Movisie",
        "licence": "citaat met bronvermelding",
        "source": "seeds 000, 001, 003, 004",
        "peildatum": "zie per cijfer",
    },
    "vacancies_transcribed": {
        "title": "Openstaande vacatures na 2020KW02 (niet en wel seizoengecorrigeerd), "
        "overgenomen van webpagina's",
        "publisher": "CBS (cbs.nl en nieuwsberichten die CBS-cijfers citeren)",
        "licence": "CC BY 4.0 (cijfers); citaat met bronvermelding",
        "source": "data/transcribed/cbs_vacatures_2020_2025 (CBS 83599NED/80472ned/80474ned "
        "via webpagina's)",
        "peildatum": "einde kwartaal; eerste en voorlopige publicaties",
    },
    "azw_sociaal_werk": {
        "title": "Kengetallen branche sociaal werk (AZW), overgenomen van webpagina's",
        "publisher": "Onderzoeksprogramma AZW (CBS/AZW StatLine), via azwinfo.nl, "
        "Sociaal Werk Nederland, Movisie e.a.",
        "licence": "CC BY 4.0 (cijfers); citaat met bronvermelding",
        "source": "data/transcribed/azw_sociaal_werk",
        "peildatum": "zie per cijfer",
    },
}
GEO_META = {"publisher": "CBS / Kadaster (PDOK)", "licence": "CC BY 4.0"}


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def say(msg: str) -> None:
    print(msg, flush=True)


def _reference(raw: Path, name: str) -> Path:
    """data/reference/<name>, or the copy beside a refresh's staging raw folder."""
    local = raw.parent / "reference" / name
    return local if local.exists() else REPO / "data" / "reference" / name


def collect(
    raw: Path, supplied: dict[str, list[dict]] | None = None
) -> tuple[dict[str, tuple[pd.DataFrame, list[Path]]], dict[str, dict]]:
    """Read every source. Returns the tables and the geo layers.

    ``supplied`` (filled when given): per snapshot, which raw vintage supplied which periods.
    """
    supplied = {} if supplied is None else supplied
    tables: dict[str, tuple[pd.DataFrame, list[Path]]] = {}
    say("· regio's")
    gem = regions.gemeente_table(raw)
    say("· DUO hbo (3 file generations, every refreshed vintage kept)")
    tables.update(duo.build(raw, known=set(gem["gemeente_code"]), info=supplied))
    say("· CBS 83599NED vacatures")
    supplied["cbs_vacancies"] = []
    tables["cbs_vacancies"] = cbs.read_vacancies_vintages(
        raw / cbs.VAC_DIR, supplied["cbs_vacancies"]
    )
    say("· bevolking")
    gem_src = [
        raw / regions.GEB_DIR / "gemeente_provincie.csv",
        raw / regions.GEB_DIR / "arbeidsmarktregio_gemeente.json",
        raw / regions.GEO_DIR / "gemeenten.json",
    ]
    tables["regions_gemeente"] = (gem, gem_src)
    pop_src = [
        raw / cbs.POP_DIR / "observations-page-1.json",
        raw / cbs.POP_DIR / "codes-RegioS.json",
    ]
    cbs_pop = cbs.read_population(*pop_src)
    tables["population"] = (regions.population_table(cbs_pop, gem, raw), pop_src)
    say("· opleidingsgroepen")
    ref = REPO / "data" / "reference" / "programme_groups.csv"
    if (raw.parent / "reference" / "programme_groups.csv").exists():
        ref = raw.parent / "reference" / "programme_groups.csv"
    groups = pd.read_csv(ref, dtype=str, keep_default_na=False)
    groups["in_default_selection"] = groups["in_default_selection"] == "true"
    groups["note"] = groups["note"].replace("", None)
    tables["programme_groups"] = (groups, [ref])
    context = _reference(raw, "period_context.csv")
    tables["period_context"] = (pd.read_csv(context, dtype=str, keep_default_na=False), [context])
    say("· overgenomen cijfers uit de rapporten (regel voor regel gecontroleerd)")
    tdir = raw.parent / "transcribed"
    tables["raadpleging"] = documents.raadpleging(tdir / "raadpleging")
    headlines = _reference(raw, "start_headlines.csv")
    tables["start_headlines"] = documents.start_headlines(headlines, tables["raadpleging"][0])
    for name in ("vh_dashboard", "azw_prognose", "kengetallen"):
        tables[name] = documents.simple(tdir / f"{name}.csv")
    say("· overgenomen cijfers van webpagina's (vacatures na 2020KW02, AZW sociaal werk)")
    tables["vacancies_transcribed"] = web_transcribed.vacancies(tdir / web_transcribed.VAC_DIR)
    tables["azw_sociaal_werk"] = web_transcribed.azw_sociaal_werk(tdir / web_transcribed.AZW_DIR)
    say("· kaartlagen")
    geo = regions.geo_layers(raw)
    return tables, geo


def _years(df: pd.DataFrame) -> list[int] | None:
    for col in ("year", "survey_year"):
        if col in df.columns and df[col].notna().any():
            return [int(df[col].min()), int(df[col].max())]
    return None


def write_parquet(df: pd.DataFrame, path: Path) -> None:
    table = pa.Table.from_pandas(df, preserve_index=False)
    table = table.replace_schema_metadata(None)  # no pandas metadata: byte-stable output
    pq.write_table(table, path, compression="zstd")


def build(raw: Path, out: Path, check_only: bool = False) -> dict:
    t0 = time.perf_counter()
    supplied: dict[str, list[dict]] = {}
    # the snapshot bytes are defined with pandas' default pyarrow-backed text, also when the
    # calling process chose Python strings (the dashboard does: dashboard/__init__.py)
    with pd.option_context("mode.string_storage", "pyarrow"):
        tables, geo = collect(raw, supplied)
    problems = [p for name, (df, _) in tables.items() for p in validate(name, df)]
    if problems:
        raise BuildError(raw, None, None, "contract geschonden: " + "; ".join(problems[:5]))
    say(f"· {len(tables)} tabellen voldoen aan hun contract")
    if check_only:
        return {}
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
    try:
        entries = {}
        built_at = datetime.now(UTC).isoformat(timespec="seconds")
        for name, (df, sources) in tables.items():
            target = staging / f"{name}.parquet"
            write_parquet(df, target)
            entries[name] = {
                **META[name],
                "file": f"{name}.parquet",
                "rows": len(df),
                "years": _years(df),
                "raw_files": [
                    {
                        "path": str(p.relative_to(raw.parent))
                        if p.is_relative_to(raw.parent)
                        else p.name,
                        "sha256": sha256(p),
                    }
                    for p in sources
                ],
                "content_sha256": sha256(target),
                "built_at": built_at,
            }
            if name in supplied:
                entries[name]["vintages"] = supplied[name]
        (staging / "geo").mkdir()
        for level, fc in geo.items():
            target = staging / "geo" / f"{level}.json"
            target.write_text(
                json.dumps(fc, separators=(",", ":"), ensure_ascii=False), encoding="utf-8"
            )
            entries[f"geo_{level}"] = {
                **GEO_META,
                "title": f"Grenzen {level}",
                "file": f"geo/{level}.json",
                "rows": len(fc["features"]),
                "years": None,
                "content_sha256": sha256(target),
                "built_at": built_at,
            }
        snapshot_id = hashlib.sha256(
            "".join(e["content_sha256"] for _, e in sorted(entries.items())).encode()
        ).hexdigest()[:12]
        manifest = {
            "snapshot_id": snapshot_id,
            "pipeline_version": PIPELINE_VERSION,
            "built_at": built_at,
            "snapshots": entries,
        }
        (staging / "manifest.json").write_text(
            json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        # swap in: data files first, manifest last (each rename is atomic)
        (out / "geo").mkdir(exist_ok=True)
        for name in tables:
            (staging / f"{name}.parquet").replace(out / f"{name}.parquet")
        for level in geo:
            (staging / "geo" / f"{level}.json").replace(out / "geo" / f"{level}.json")
        (staging / "manifest.json").replace(out / "manifest.json")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    say(f"· klaar in {time.perf_counter() - t0:.1f} s, snapshot {snapshot_id}")
    for name, e in entries.items():
        say(f"  {name:18} {e['rows']:>7} rijen  {e['years']}")
    return manifest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--raw", type=Path, default=DEFAULT_RAW)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--check", action="store_true", help="validate only, write nothing")
    args = ap.parse_args(argv)
    try:
        build(args.raw.resolve(), args.out.resolve(), args.check)
    except (BuildError, OSError, KeyError, ValueError) as exc:
        return report_failure(
            exc, "De bestaande gegevens zijn niet aangepast (existing snapshots unchanged)."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
