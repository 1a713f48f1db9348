"""Regions: gemeente -> provincie -> arbeidsmarktregio, population per level, boundary layers."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pandas as pd

from pipeline.cbs import Abolition, abolitions
from pipeline.errors import BuildError

GEB_DIR = "cbs_gebieden"
GEO_DIR = "cbs_gemeenten_2023_geo"
TOPO_DIR = "cbs_grenzen_2024_topojson"

PROVINCE_CODES = {
    "Groningen": "PV20",
    "Fryslân": "PV21",
    "Drenthe": "PV22",
    "Overijssel": "PV23",
    "Flevoland": "PV24",
    "Gelderland": "PV25",
    "Utrecht": "PV26",
    "Noord-Holland": "PV27",
    "Zuid-Holland": "PV28",
    "Zeeland": "PV29",
    "Noord-Brabant": "PV30",
    "Limburg": "PV31",
}
COORD_DIGITS = 4


def _json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BuildError(path, None, None, f"geen geldige JSON: {exc}") from None


def _topo_features(path: Path) -> list[dict]:
    """Decode a quantised TopoJSON object into GeoJSON features (lon/lat)."""
    topo = _json(path)
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(indices: list[int]) -> list[tuple[float, float]]:
        pts: list[tuple[float, float]] = []
        for idx in indices:
            seg = arcs[idx] if idx >= 0 else list(reversed(arcs[~idx]))
            pts.extend(seg if not pts else seg[1:])
        return pts

    (obj,) = topo["objects"].values()
    feats = []
    for g in obj["geometries"]:
        if g["type"] == "Polygon":
            polys = [[ring(r) for r in g["arcs"]]]
        elif g["type"] == "MultiPolygon":
            polys = [[ring(r) for r in p] for p in g["arcs"]]
        else:
            raise BuildError(path, None, "type", f"onverwacht geometrietype {g['type']}")
        feats.append({"props": g["properties"], "polygons": polys})
    return feats


def _signed_area(ring: list) -> float:
    return (
        sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True))
        / 2
    )


def _orient(polygons: list[list[list]]) -> list[list[list]]:
    """d3/Vega wants clockwise exterior rings and counter-clockwise holes (in lon/lat)."""
    out = []
    for poly in polygons:
        rings = []
        for k, r in enumerate(poly):
            pts = [[round(x, COORD_DIGITS), round(y, COORD_DIGITS)] for x, y in r]
            clockwise = _signed_area(pts) < 0
            if (k == 0) != clockwise:
                pts.reverse()
            rings.append(pts)
        out.append(rings)
    return out


def _feature(code: str, name: str, polygons: list[list[list]]) -> dict:
    return {
        "type": "Feature",
        "properties": {"region_code": code, "region_name": name},
        "geometry": {"type": "MultiPolygon", "coordinates": _orient(polygons)},
    }


def gemeente_table(raw: Path) -> pd.DataFrame:
    prov_path = raw / GEB_DIR / "gemeente_provincie.csv"
    am_path = raw / GEB_DIR / "arbeidsmarktregio_gemeente.json"
    geo_path = raw / GEO_DIR / "gemeenten.json"
    with prov_path.open(encoding="utf-8") as fh:
        prov = {r["code"].zfill(4): r["provincie"] for r in csv.DictReader(fh)}
    am = _json(am_path)["gemeenten"]
    topo_am = {
        f["props"]["statnaam"]: f["props"]["statcode"]
        for f in _topo_features(raw / TOPO_DIR / "arbeidsmarktregio_2024.topojson")
    }
    names = {
        f["properties"]["gemeentecode"]: f["properties"]["gemeentenaam"]
        for f in _json(geo_path)["features"]
        if f["properties"]["gemeentecode"] != "GM0998"
    }
    rows = []
    for gm, name in sorted(names.items()):
        code4 = gm[2:]
        if code4 not in prov:
            raise BuildError(prov_path, None, "code", f"gemeente {gm} ontbreekt")
        if code4 not in am:
            raise BuildError(am_path, None, "gemeenten", f"gemeente {gm} ontbreekt")
        if am[code4] not in topo_am:
            raise BuildError(am_path, None, "gemeenten", f"onbekende arbeidsmarktregio {am[code4]}")
        rows.append(
            {
                "gemeente_code": gm,
                "gemeente_name": name,
                "provincie_code": PROVINCE_CODES[prov[code4]],
                "provincie_name": prov[code4],
                "arbeidsmarktregio_code": topo_am[am[code4]],
                "arbeidsmarktregio_name": am[code4],
            }
        )
    return pd.DataFrame(rows)


def _successor_weights(
    old: str, moves: dict[str, Abolition], current: set[str], path: Path, seen: tuple = ()
) -> dict[str, float]:
    """Share of an abolished gemeente's inhabitants per gemeente of the current division.

    The shares are the inhabitants per receiver in the gemeente's own "Opgeheven" block; a
    receiver that was itself abolished later passes its share on by its own block.
    """
    if old not in moves or old in seen:
        raise BuildError(path, None, "Description", f"geen opheffing gevonden voor {old}")
    receivers = moves[old].receivers
    total = sum(receivers.values())
    if not total:
        raise BuildError(path, None, "Description", f"{old}: opvolgers zonder inwoners")
    out: dict[str, float] = {}
    for code, n in receivers.items():
        if code in current:
            out[code] = out.get(code, 0.0) + n / total
        else:
            for c, w in _successor_weights(code, moves, current, path, (*seen, old)).items():
                out[c] = out.get(c, 0.0) + w * n / total
    return out


def _apportion(value: int, weights: dict[str, float]) -> dict[str, int]:
    """Whole persons per receiver that add up to ``value`` exactly (largest remainder)."""
    exact = {c: value * w for c, w in weights.items()}
    out = {c: int(v) for c, v in exact.items()}
    rest = value - sum(out.values())
    for c in sorted(exact, key=lambda c: (out[c] - exact[c], c))[:rest]:
        out[c] += 1
    return out


def population_table(cbs_pop: pd.DataFrame, gemeenten: pd.DataFrame, raw: Path) -> pd.DataFrame:
    """Population on 1 January per level on the 2023 gemeente division, 2019-2026.

    A gemeente that exists in the 2023 division keeps CBS's own value. A gemeente abolished
    before 2023 is shared out over the gemeenten it went to, in proportion to the inhabitants
    per receiver in its own "Opgeheven … overgegaan naar" block (CBS code list); border changes
    are not applied. Each abolished gemeente is distributed once per year, in whole persons that
    add up to its CBS value; receiving gemeenten are flagged ``is_reconstructed``. Provincie and
    NL figures are CBS's own.
    """
    codes_path = raw / "cbs_bevolking_03759ned" / "codes-RegioS.json"
    moves = abolitions(codes_path)
    current = set(gemeenten["gemeente_code"])
    gm = cbs_pop[cbs_pop["region_level"] == "gemeente"]
    rows = []
    for year, g in gm.groupby("year"):
        values = dict(zip(g["region_code"], g["population"], strict=True))
        pop = {c: int(values[c]) for c in current if c in values}
        recon: set[str] = set()
        for old, value in sorted(values.items()):
            if old in current:
                continue
            if old not in moves:
                raise BuildError(
                    codes_path, None, "Description", f"geen opheffing gevonden voor {old} ({year})"
                )
            if moves[old].date <= date(int(year), 1, 1):
                raise BuildError(
                    codes_path,
                    None,
                    "Description",
                    f"{old} heeft een waarde op 1 januari {year}, maar is opgeheven per "
                    f"{moves[old].date:%d-%m-%Y}",
                )
            weights = _successor_weights(old, moves, current, codes_path)
            for c, n in _apportion(int(value), weights).items():
                pop[c] = pop.get(c, 0) + n
                recon.add(c)
        for gem in gemeenten.itertuples():
            v = pop.get(gem.gemeente_code)
            rows.append(
                {
                    "year": int(year),
                    "region_level": "gemeente",
                    "region_code": gem.gemeente_code,
                    "region_name": gem.gemeente_name,
                    "population": v,
                    "is_reconstructed": gem.gemeente_code in recon,
                }
            )
    gdf = pd.DataFrame(rows).merge(
        gemeenten[["gemeente_code", "arbeidsmarktregio_code", "arbeidsmarktregio_name"]],
        left_on="region_code",
        right_on="gemeente_code",
    )
    am = (
        gdf.groupby(["year", "arbeidsmarktregio_code", "arbeidsmarktregio_name"])
        .agg(population=("population", "sum"), is_reconstructed=("is_reconstructed", "any"))
        .reset_index()
        .rename(
            columns={
                "arbeidsmarktregio_code": "region_code",
                "arbeidsmarktregio_name": "region_name",
            }
        )
    )
    am["region_level"] = "arbeidsmarktregio"
    other = cbs_pop[cbs_pop["region_level"].isin(["nl", "provincie"])].copy()
    other["is_reconstructed"] = False
    out = pd.concat([other, pd.DataFrame(rows), am], ignore_index=True)
    out["population"] = out["population"].astype("Int64")
    cols = ["year", "region_level", "region_code", "region_name", "population", "is_reconstructed"]
    return out[cols].sort_values(["year", "region_level", "region_code"]).reset_index(drop=True)


def geo_layers(raw: Path) -> dict[str, dict]:
    """GeoJSON FeatureCollections per level, with region_code/region_name properties."""
    layers: dict[str, dict] = {}
    feats = []
    for f in _json(raw / GEO_DIR / "gemeenten.json")["features"]:
        p = f["properties"]
        if p["gemeentecode"] == "GM0998":
            continue
        geom = f["geometry"]
        polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
        feats.append(_feature(p["gemeentecode"], p["gemeentenaam"], polys))
    layers["gemeente"] = {"type": "FeatureCollection", "features": feats}
    for level, name in (
        ("provincie", "provincie_2024"),
        ("arbeidsmarktregio", "arbeidsmarktregio_2024"),
    ):
        feats = [
            _feature(f["props"]["statcode"], f["props"]["statnaam"], f["polygons"])
            for f in _topo_features(raw / TOPO_DIR / f"{name}.topojson")
        ]
        layers[level] = {"type": "FeatureCollection", "features": feats}
    return layers
