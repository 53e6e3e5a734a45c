"""Docs built by hand from a parse written one token per line, for rules that must be tested
on the exact parse the model gave (or may give) without loading the model."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

VOCAB = spacy.blank("en").vocab


def parsed(rows: str) -> Doc:
    """A Doc from one token per line: 'word POS TAG dep head [lemma]' (head is a token index)."""
    words, pos, tags, deps, heads, lemmas = [], [], [], [], [], []
    for line in rows.strip().splitlines():
        word, p, tag, dep, head, *lemma = line.split()
        words.append(word)
        pos.append(p)
        tags.append(tag)
        deps.append(dep)
        heads.append(int(head))
        lemmas.append(lemma[0] if lemma else word.lower())
    return Doc(VOCAB, words=words, pos=pos, tags=tags, deps=deps, heads=heads, lemmas=lemmas)
