"""Regenerate src/dateline/gazetteer/data/regions.tsv from GeoNames' no-country.txt.

    python tools/geonames_regions.py /path/to/no-country.txt

Source: GeoNames (https://www.geonames.org), the dump of features that lie in no
country, no-country.txt (https://download.geonames.org/export/dump/no-country.zip),
licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); the copy used was
taken from a public mirror of the dump (github.com/PrimeEagle/PowerShell-GeonameGrampsImport,
file no-country.txt). The file is in GeoNames' geoname table format, tab-separated:
geonameid, name, asciiname, alternatenames, latitude, longitude, feature class,
feature code, country code, cc2, admin1-4, population, ...

Only general feature codes are kept, never chosen names: the regions, economic regions
and continents of class L, the oceans, seas, gulfs, bays and straits of class H and the
peninsulas of class T, the places news names that belong to several countries or to none
("Middle East", "Gulf of Aden", "the Balkans", "the Korean Peninsula"), and the historical
states of class A (PCLH) GeoNames files under no country, which news still names as places
("the Soviet Union"); the zones of class A (ZN: the European Union, NAFTA) are left out,
as news names them as organisations. Alternate names follow the builder's rule for
towns' (`keep_alternate`: Latin script, no short codes in capitals). GeoNames lists a
few seas twice under one name (the Red Sea, the Sea of Azov); the entry with more names
is kept.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from dateline.gazetteer.build import keep_alternate
from dateline.gazetteer.index import distance_km, fold

KEPT_CODES = {
    "L": {"RGN", "RGNE", "CONT"},
    "H": {"OCN", "SEA", "GULF", "BAY", "STRT"},
    "T": {"PEN"},  # peninsulas several countries share: the Balkans, the Korean Peninsula
    "A": {"PCLH"},  # historical states news still names: the Soviet Union
}
# Two entries of one name and code nearer than this are one place listed twice.
DUPLICATE_KM = 500.0
HEADER = "# GeoNames (CC BY 4.0), no-country.txt; made by tools/geonames_regions.py\n"
COLUMNS = ("geonameid", "name", "lat", "lon", "feature_code", "population", "alternate_names")
OUTPUT = Path(__file__).resolve().parents[1] / "src/dateline/gazetteer/data/regions.tsv"


def read_features(path: Path) -> list[dict]:
    """The rows of the kept feature codes, as dicts with the output's columns."""
    kept = []
    with path.open(encoding="utf-8", newline="") as handle:
        for cols in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(cols) < 15 or cols[7] not in KEPT_CODES.get(cols[6], ()):
                continue
            kept.append(
                {
                    "geonameid": int(cols[0]),
                    "name": cols[1],
                    "lat": float(cols[4]),
                    "lon": float(cols[5]),
                    "feature_code": cols[7],
                    "population": int(cols[14] or 0),
                    "names": english_names(cols[1], cols[2], cols[3]),
                }
            )
    return kept


def english_names(name: str, ascii_name: str, alternates: str) -> list[str]:
    """The alternate names the builder would keep for a town, the ASCII spelling of the main
    name among them, each once by its folded key and none repeating the main name."""
    seen = {fold(name)}
    found = []
    for candidate in [ascii_name, *alternates.split(",")]:
        candidate = candidate.strip()
        key = fold(candidate)
        if candidate and key and key not in seen and keep_alternate(candidate):
            seen.add(key)
            found.append(candidate)
    return found


def without_duplicates(features: list[dict]) -> list[dict]:
    """One entry per place listed twice (same name and code, close together): the one with
    more names, then the lower id."""
    ranked = sorted(features, key=lambda f: (-len(f["names"]), f["geonameid"]))
    kept: list[dict] = []
    for feature in ranked:
        if not any(_same_place(feature, other) for other in kept):
            kept.append(feature)
    return sorted(kept, key=lambda f: f["geonameid"])


def _same_place(one: dict, other: dict) -> bool:
    return (
        fold(one["name"]) == fold(other["name"])
        and one["feature_code"] == other["feature_code"]
        and distance_km(one["lat"], one["lon"], other["lat"], other["lon"]) < DUPLICATE_KM
    )


def write(features: list[dict], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER)
        handle.write("\t".join(COLUMNS) + "\n")
        for f in features:
            row = [f["geonameid"], f["name"], f["lat"], f["lon"], f["feature_code"]]
            row += [f["population"], "|".join(f["names"])]
            handle.write("\t".join(str(value) for value in row) + "\n")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", type=Path, help="GeoNames no-country.txt")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    features = without_duplicates(read_features(args.source))
    write(features, args.output)
    print(f"{len(features)} features -> {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
