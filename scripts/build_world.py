"""Build eventwire/web/static/world.json: country outlines as SVG path data, for the events map.

Reads the vendored world-atlas TopoJSON (data/sources/world-atlas, Natural Earth 1:110m countries) and
writes one path a country in an equirectangular projection on a 360 x 180 plane (x = lon + 180,
y = 90 - lat), so the page draws the map and places events by lat/lon with no projection library.

    .venv/bin/python scripts/build_world.py
"""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "data" / "sources" / "world-atlas" / "countries-110m.json"
TARGET = ROOT / "eventwire" / "web" / "static" / "world.json"


def _arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The arcs as absolute lon/lat points (TopoJSON stores them quantised and delta-encoded)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    out = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        out.append(points)
    return out


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]  # ~i: arc i walked backwards
        points.extend(arc if not points else arc[1:])
    return points


def _path(rings: list[list[tuple[float, float]]]) -> str:
    """SVG path data; a ring that runs along the antimeridian is cut there (no line across the map)."""
    parts = []
    for ring in rings:
        xy = [(round(lon + 180, 1), round(90 - lat, 1)) for lon, lat in ring]
        kept = [p for i, p in enumerate(xy) if i == 0 or p != xy[i - 1]]
        if len(kept) < 3:
            continue
        pieces = [[kept[0]]]
        for prev, point in pairwise(kept):
            if abs(point[0] - prev[0]) > 180 or (prev[0] == point[0] and prev[0] in (0, 360)):
                pieces.append([])  # along or across the antimeridian: lift the pen
            pieces[-1].append(point)
        closing = "Z" if len(pieces) == 1 else ""
        parts.extend("M" + "L".join(f"{x:g},{y:g}" for x, y in piece) + closing for piece in pieces if len(piece) > 1)
    return "".join(parts)


def build(topology: dict) -> dict:
    """The shipped file's content from the TopoJSON topology."""
    arcs = _arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs", [])],
                    "MultiPolygon": geometry.get("arcs", [])}.get(geometry["type"], [])
        d = _path([_ring(ring, arcs) for polygon in polygons for ring in polygon])
        if d:
            countries.append({"id": geometry.get("id"), "name": geometry["properties"]["name"], "d": d})
    countries.sort(key=lambda c: c["name"])
    return {"source": "world-atlas countries-110m (Natural Earth, public domain; world-atlas ISC licence)",
            "width": 360, "height": 180, "countries": countries}


def render(topology: dict) -> str:
    return json.dumps(build(topology), ensure_ascii=False, separators=(",", ":")) + "\n"


def main() -> None:
    TARGET.write_text(render(json.loads(SOURCE.read_text(encoding="utf-8"))), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
