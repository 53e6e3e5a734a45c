"""Extractor stages: each a spaCy component writing doc._.dateline_<stage>."""
