"""Plane geometry for placing areas the packages give no point for: polygon centroids, the
convex hull of a division's towns, and the town nearest a point. Points are (lat, lon); rings
are GeoJSON's [lon, lat]."""

from __future__ import annotations

import ast
import math
from collections.abc import Iterable, Sequence
from typing import Any, Generic, TypeVar

Vertex = tuple[float, float]  # (x, y) = (lon, lat)
Payload = TypeVar("Payload")
KM_PER_DEGREE = 111.19  # of latitude, and of longitude at the equator


def outer_rings(geojson: object) -> list[list[Vertex]]:
    """The outer ring of every polygon in countryinfo's GeoJSON (stored as a Python literal
    string), as [lon, lat] vertices; nothing for GeoJSON that cannot be read."""
    try:
        data: Any = ast.literal_eval(geojson) if isinstance(geojson, str) else geojson
        rings = [p[0] for f in data["features"] for p in _polygons(f["geometry"])]
        return [[(float(v[0]), float(v[1])) for v in ring] for ring in rings]
    except (ValueError, SyntaxError, KeyError, TypeError, IndexError):
        return []


def main_polygon_centroid(geojson: object) -> tuple[float, float] | None:
    """Area centroid (lat, lon) of the largest polygon's outer ring in countryinfo's GeoJSON."""
    rings = outer_rings(geojson)
    best = max((ring_centroid(ring) for ring in rings), key=lambda c: c[2], default=None)
    return (best[0], best[1]) if best and best[2] > 0 else None


def _polygons(geometry: dict) -> list:
    if geometry["type"] == "MultiPolygon":
        return list(geometry["coordinates"])
    return [geometry["coordinates"]] if geometry["type"] == "Polygon" else []


def ring_centroid(ring: Sequence[Sequence[float]]) -> tuple[float, float, float]:
    """(lat, lon, area) of a ring of [lon, lat] points (planar shoelace: fine for a centre)."""
    area = cx = cy = 0.0
    points = list(ring)
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if area == 0:
        return 0.0, 0.0, 0.0
    return cy / (3 * area), cx / (3 * area), abs(area) / 2


def convex_hull(points: Sequence[Vertex]) -> list[Vertex]:
    """The convex hull of (x, y) points, counter-clockwise (Andrew's monotone chain); fewer
    than three distinct points are returned as they are."""
    ordered = sorted(set(points))
    if len(ordered) < 3:
        return ordered

    def chain(sequence: Sequence[Vertex]) -> list[Vertex]:
        kept: list[Vertex] = []
        for point in sequence:
            while len(kept) >= 2 and _turn(kept[-2], kept[-1], point) <= 0:
                kept.pop()
            kept.append(point)
        return kept[:-1]

    return chain(ordered) + chain(ordered[::-1])


def _turn(o: Vertex, a: Vertex, b: Vertex) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def hull_centroid(lats: Sequence[float], lons: Sequence[float]) -> tuple[float, float]:
    """The area centroid of the convex hull of an area's towns: near the middle of the area's
    shape, as GeoNames places a division, where the towns' mean is pulled towards where most
    of them cluster (southern Ontario, the coast of British Columbia). On the first-level
    divisions named in GWN and LGL it lies within 161 km of GeoNames' point for 96% of the
    mentions (mean of the towns 94%, middle of their trimmed extent 95%), median 21 km (39).
    Fewer than three towns, or towns in a line, give their mean. Longitudes are unwrapped
    when the towns straddle the antimeridian (the Aleutians, Fiji)."""
    unwrapped = _unwrapped(lons)
    hull = convex_hull(list(zip(unwrapped, lats, strict=True)))
    lat, lon, area = ring_centroid(hull) if len(hull) >= 3 else (0.0, 0.0, 0.0)
    if area <= 0:
        lat, lon = sum(lats) / len(lats), sum(unwrapped) / len(unwrapped)
    return round(lat, 5), round(lon - 360 if lon > 180 else lon, 5)


def _unwrapped(lons: Sequence[float]) -> list[float]:
    """Longitudes made continuous across the antimeridian (east of it as 180..360) when they
    spread over more than half the globe, which a single area's towns never really do."""
    if max(lons) - min(lons) <= 180:
        return list(lons)
    return [lon + 360 if lon < 0 else lon for lon in lons]


class NearestPoint(Generic[Payload]):
    """Points with a payload (a town and its division), bucketed by whole degrees, answering
    which lies nearest a given point within a distance: enough for the few thousand border
    vertices of the countries, without a spatial library."""

    def __init__(self, points: Iterable[tuple[float, float, Payload]]) -> None:
        self.cells: dict[tuple[int, int], list[tuple[float, float, Payload]]] = {}
        for lat, lon, payload in points:
            self.cells.setdefault(_cell(lat, lon), []).append((lat, lon, payload))

    def nearest(self, lat: float, lon: float, max_km: float) -> Payload | None:
        """The payload of the point nearest (lat, lon) if one lies within `max_km`. Cells are
        searched ring by ring outwards until no unsearched cell can hold a nearer point, and
        never beyond the cells `max_km` can reach. Distances are equirectangular (degrees of
        longitude shrunk by the cosine of the latitude): at a few hundred km they rank points
        as the great circle does, at a fraction of its cost."""
        shrink = math.cos(math.radians(lat))
        best_squared, best = (max_km / KM_PER_DEGREE) ** 2, None
        row, column = _cell(lat, lon)
        rows = math.ceil(max_km / KM_PER_DEGREE)  # farther rows are out of reach
        for ring in range(_rings_within(lat, max_km) + 1):
            for cell in _ring_cells(row, column, ring, rows):
                for point_lat, point_lon, payload in self.cells.get(cell, ()):
                    across = abs(lon - point_lon)
                    across = (360 - across if across > 180 else across) * shrink
                    squared = (lat - point_lat) ** 2 + across * across
                    if squared <= best_squared:
                        best_squared, best = squared, payload
            # A point beyond this ring is at least `ring` degrees away in latitude or in
            # longitude, the latter narrowest at the ring's poleward edge.
            reached_km = math.sqrt(best_squared) * KM_PER_DEGREE
            if ring * _km_per_degree_of_longitude(abs(lat) + ring + 1) > reached_km:
                break
        return best


def _km_per_degree_of_longitude(lat: float) -> float:
    return KM_PER_DEGREE * math.cos(math.radians(min(lat, 89.9)))


def _rings_within(lat: float, max_km: float) -> int:
    """How many rings of cells around a point at `lat` lie partly within `max_km` of it."""
    rows = math.ceil(max_km / KM_PER_DEGREE)
    columns = math.ceil(max_km / _km_per_degree_of_longitude(abs(lat) + rows + 1))
    return min(max(rows, columns), 180)


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat), math.floor(lon) % 360


def _ring_cells(row: int, column: int, ring: int, rows: int) -> Iterable[tuple[int, int]]:
    """The cells at Chebyshev distance `ring` around (row, column) at most `rows` rows away,
    longitude wrapped."""
    if ring == 0:
        yield row, column
        return
    for dr in range(-min(ring, rows), min(ring, rows) + 1):
        step = 1 if abs(dr) == ring else 2 * ring  # inner rows: only the two end cells
        for dc in range(-ring, ring + 1, step):
            yield row + dr, (column + dc) % 360
