"""Kinds of span boundary read in wave 10 (branch cnc10b, docs/wave10/cnc10b.md), on the real parse.

Each case is a sentence of ours and the exact links the ``argmine_causal_links``
component gives: (rule, cause span, effect span).

- an end that is a relative clause opening with its own pronoun ("who marched
  to the capital") runs from the noun phrase the pronoun stands for ("the
  farmers who marched to the capital"): the pronoun alone says nothing of who
  or what, so the bare clause states no whole event;
- a span that does not open with the relative pronoun of its head's clause,
  or whose head heads no relative clause, is left as it is.
"""
from __future__ import annotations

import pytest
from conftest import component_links

from argmine.nlp.syntax import with_relative_antecedent

pytestmark = pytest.mark.model


def found(nlp, text: str) -> list[tuple[str, str, str]]:
    return component_links(nlp, text, strength=False)


def effects(nlp, text: str) -> list[str]:
    return [effect for _, _, effect in found(nlp, text)]


@pytest.mark.parametrize("text, effect", [
    ("The millers who marched to the market square in protest against the new toll were fined.",
     "The millers who marched to the market square"),
    ("Police arrested the porters who blocked the gate to demand a fair wage.",
     "the porters who blocked the gate"),
])
def test_relative_clause_end_runs_from_its_antecedent(nlp, text, effect):
    assert effect in effects(nlp, text)


def test_relative_clause_helper_on_the_parse(nlp):
    doc = nlp("The weavers who struck work last spring were fined.")
    verb = next(t for t in doc if t.lower_ == "struck")
    who = next(t for t in doc if t.lower_ == "who")
    span = (who.i, verb.right_edge.i + 1)
    assert doc[slice(*with_relative_antecedent(span, verb.i, doc))].text == "The weavers who struck work last spring"
    # a span that does not open with the relative pronoun, or whose head is no relative clause, stays
    assert with_relative_antecedent((verb.i, span[1]), verb.i, doc) == (verb.i, span[1])
    fined = next(t for t in doc if t.lower_ == "fined")
    assert with_relative_antecedent((0, len(doc)), fined.i, doc) == (0, len(doc))
