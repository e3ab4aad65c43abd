"""Anaphora rules look only at the mentions and enumerations before the anaphor (pipeline/extraction/anaphora.py).

``Resolver._one`` ("the ones") and ``Resolver._enumerated`` used to walk every mention or enumeration of
the Doc for each anaphor and skip those after it: quadratic in the length of a book's 100,000-character
piece. They now start at the anaphor by bisection; the answers are those of the full walk.
"""
from __future__ import annotations

import pytest

from argmine.extraction.anaphora import Mention, Resolver
from argmine.extraction.concepts import concept_words, name_token
from argmine.nlp.model import load_nlp
from argmine.nlp.syntax import doc_sentence_of

TEXT = ("The farmers kept old cows, and the new ones came from the valley. "
        + "Later the merchants sold more grain to the towns of the coast. " * 40)


class _CountingDoc:
    """A Doc whose item access is counted (the rules build a Token per mention they look at)."""

    def __init__(self, doc):
        self._doc, self.items = doc, 0

    def __getitem__(self, index):
        self.items += 1
        return self._doc[index]

    def __getattr__(self, name):
        return getattr(self._doc, name)

    def __len__(self):
        return len(self._doc)

    def __iter__(self):
        return iter(self._doc)


@pytest.fixture(scope="module")
def parsed():
    nlp = load_nlp()
    doc = nlp(TEXT)
    lex = concept_words()
    sentence_of = doc_sentence_of(doc)
    mentions = [Mention(chunk.root.i, sentence_of[chunk.root.i], 0, name_token(chunk.root, lex), chunk.text)
                for chunk in doc.noun_chunks if chunk.root.pos_ != "PRON"]
    return doc, mentions


def _full_walk(resolver, raw):
    """The answer of the walk over every mention, as ``_one`` was written before."""
    for mention in reversed(resolver.mentions):
        token = resolver.doc[mention.token]
        if mention.token >= raw.i or token.tag_ not in ("NNS", "NNPS") or token.lower_ in ("ones",):
            continue
        if resolver.sentence_of[raw.i] - resolver.sentence_of[token.i] > 1:
            break
        return resolver._named(mention)
    return None


def test_one_anaphora_looks_only_before_the_anaphor(parsed):
    doc, mentions = parsed
    ones = next(t for t in doc if t.lower_ == "ones")
    resolver = Resolver(doc, mentions)
    before = sum(1 for m in mentions if m.token < ones.i)
    assert len(mentions) > 10 * before
    counting = _CountingDoc(doc)
    resolver.doc = counting
    found = resolver._one(ones)
    assert counting.items <= before
    assert found is not None and found.names == (_full_walk(resolver, ones),)
    assert found.reason == "one-anaphora"


def test_one_anaphora_gives_the_full_walks_answer_everywhere(parsed):
    doc, mentions = parsed
    resolver = Resolver(doc, mentions)
    for token in doc:
        found = resolver._one(token)
        expected = _full_walk(resolver, token)
        assert (found.names if found is not None else None) == ((expected,) if expected is not None else None)
