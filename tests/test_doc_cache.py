"""The per-Doc values the extraction keeps (argmine.nlp.syntax) equal spaCy's own attributes, and the
shortcuts of the extraction and the batch step give what the plain computations give."""
from __future__ import annotations

import random

import pytest
from spacy.attrs import DEP, LIKE_NUM, POS

from argmine.batch.process import _text_length, _words
from argmine.extraction import factuality
from argmine.extraction.concepts import concept_key, concept_words
from argmine.nlp import syntax
from argmine.nlp.model import load_nlp

TEXT = ("Lyon, the largest city of the region, grew quickly after 1850. Its mills drew workers from the hills, "
        "and the 1860s brought a slump.\n\nTwo merchants, Amand and Brun, blamed the tariff. Was it the tariff "
        "that ruined them?  ")


@pytest.fixture(scope="module")
def doc():
    return load_nlp()(TEXT)


def test_kept_values_equal_spacy_attributes_while_open(doc):
    syntax.open_doc(doc)
    try:
        assert syntax.doc_text(doc) == doc.text
        assert syntax.doc_text(doc) is syntax.doc_text(doc)  # built once
        assert [(c.start, c.end) for c in syntax.doc_noun_chunks(doc)] == [(c.start, c.end) for c in doc.noun_chunks]
        assert [(s.start, s.end) for s in syntax.doc_sentences(doc)] == [(s.start, s.end) for s in doc.sents]
        assert syntax.doc_sentence_of(doc) == {t.i: n for n, s in enumerate(doc.sents) for t in s}
        for token in doc:
            sent = syntax.token_sentence(token)
            assert (sent.start, sent.end) == (token.sent.start, token.sent.end)
            assert syntax.span_text(sent) == token.sent.text
        memo = syntax.doc_memo(doc, "test")
        memo["x"] = 1
        assert syntax.doc_memo(doc, "test") == {"x": 1}
    finally:
        syntax.forget_doc(doc)
    assert syntax.doc_memo(doc, "test") is None  # dropped with the Doc's other values


def test_helpers_compute_afresh_for_a_doc_that_is_not_open(doc):
    other = load_nlp()("The drought ruined the harvest. Prices rose.")
    syntax.open_doc(other)
    try:
        assert syntax.doc_text(doc) == doc.text
        assert syntax.doc_text(doc) is not syntax.doc_text(doc)  # not kept: computed on each call
        assert syntax.doc_memo(doc, "test") is None
        assert [(s.start, s.end) for s in syntax.doc_sentences(doc)] == [(s.start, s.end) for s in doc.sents]
    finally:
        syntax.forget_doc()
    assert syntax.doc_memo(other, "test") is None


def test_tokens_where_equals_the_token_loop(doc):
    assert syntax.tokens_where(doc, DEP, "appos") == [t for t in doc if t.dep_ == "appos"]
    assert syntax.tokens_where(doc, POS, "PROPN", LIKE_NUM) == [t for t in doc if t.pos_ == "PROPN" or t.like_num]
    assert syntax.tokens_where(load_nlp()(""), DEP, "appos") == []


def test_word_count_and_text_length_equal_the_token_loop(doc):
    for d in (doc, load_nlp()(""), load_nlp()("  Hello , world !\n\n")):
        assert _words(d) == sum(1 for t in d if not (t.is_punct or t.is_space))
        assert _text_length(d) == len(d.text)


def test_phrase_lookup_equals_the_scan_at_every_position():
    rng = random.Random(7)
    vocabulary = ["in", "part", "may", "well", "have", "the", "a"]

    def scan(lows, phrase):
        width = len(phrase)
        return any(tuple(lows[k:k + width]) == phrase for k in range(len(lows) - width + 1))

    for _ in range(2000):
        lows = [rng.choice(vocabulary) for _ in range(rng.randint(0, 8))]
        phrase = tuple(rng.choice(vocabulary) for _ in range(rng.randint(0, 3)))
        assert factuality._has_phrase(lows, phrase, factuality._starts(lows)) == scan(lows, phrase)


def test_concept_key_memo_gives_the_same_key_twice_and_per_word_lists():
    lex = concept_words()
    assert concept_key("failure of harvest", lex) == concept_key("harvest failures", lex) == "harvest failure"
    assert concept_key("failure of harvest", lex) == "harvest failure"  # from the table
