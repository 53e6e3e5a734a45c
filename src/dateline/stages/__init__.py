"""Extractor stages: each a spaCy component writing doc._.dateline_<stage> (named `stages` so that
`dateline.extract` stays the library function)."""
