"""Quality floors (trafilatura's eval gate): a score falling below its floor by more than noise fails CI.

Floors are the measured figures (README) minus about twice their bootstrap noise.
They need ../shared and skip without it; CI has it.
"""

from __future__ import annotations

import pytest

# AEB F1 measured 0.960 (±0.010 at 95% over pages); the paired gain over trafilatura +0.007 ± 0.006.
AEB_F1_FLOOR = 0.95
AEB_NOT_WORSE_THAN_TRAFILATURA = -0.005


@pytest.fixture(scope="module")
def aeb_report(shared_dir):
    from dateline.evaluate.aeb import evaluate_aeb

    return evaluate_aeb(shared_dir / "data" / "aeb")


def test_aeb_body_extraction_holds_its_floor(aeb_report):
    dateline = aeb_report["systems"]["dateline"]
    assert dateline["n"] == 181 and dateline["failed"] == 0
    assert dateline["aeb"]["f1"] >= AEB_F1_FLOOR


def test_aeb_ingest_does_not_lose_to_plain_trafilatura(aeb_report):
    assert aeb_report["difference"]["aeb_f1"] >= AEB_NOT_WORSE_THAN_TRAFILATURA


def test_aeb_every_page_gets_a_publication_date(aeb_report):
    assert aeb_report["published_via"]["crashed"] == 0
    assert aeb_report["published_via"]["none"] == 0
