"""The corpus store: one DuckDB file, its schema versioned by migrations recorded inside it."""

from __future__ import annotations

from .connection import StoreError, open_store
from .migrations import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "StoreError", "open_store"]
