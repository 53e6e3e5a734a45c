"""The corpus: articles ingested into a store, their events linked across articles, figures
reconciled by source."""

from __future__ import annotations

from .ingest import IngestSummary, ingest

__all__ = ["IngestSummary", "ingest"]
