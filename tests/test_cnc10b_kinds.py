"""Kinds of span boundary read in wave 10 (branch cnc10b, docs/wave10/cnc10b.md), on the real parse.

Each case is a sentence of ours and the exact links the ``argmine_causal_links``
component gives: (rule, cause span, effect span).

- an end that is a relative clause opening with its own pronoun ("who marched
  to the capital") runs from the noun phrase the pronoun stands for ("the
  farmers who marched to the capital"): the pronoun alone says nothing of who
  or what, so the bare clause states no whole event;
- a span that does not open with the relative pronoun of its head's clause,
  or whose head heads no relative clause, is left as it is;
- an end that is a bare infinitive complement ("to march to the town hall" in
  "the weavers are set to march to the town hall") runs from the subject of
  the verb it complements; not when that verb has an object before the
  infinitive ("asked the guards to bar the gates": the causee's act stays as
  the causative rules read it).
"""
from __future__ import annotations

import pytest
from conftest import component_effects as effects

from argmine.nlp.syntax import with_controller, with_relative_antecedent

pytestmark = pytest.mark.model


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


@pytest.mark.parametrize("text, effect", [
    ("The council decided to close the bridge in order to stop the smugglers.",
     "The council decided to close the bridge"),
    ("The weavers are set to march to the town hall to demand a fair price.",
     "The weavers are set to march to the town hall"),
])
def test_infinitive_end_runs_from_its_controller(nlp, text, effect):
    assert effect in effects(nlp, text)


def test_controller_helper_on_the_parse(nlp):
    doc = nlp("The council decided to close the bridge.")
    close = next(t for t in doc if t.lower_ == "close")
    to = close.i - 1
    span = (to, close.right_edge.i + 1)
    assert doc[slice(*with_controller(span, close.i, doc))].text == "The council decided to close the bridge"
    # a span that does not open with the infinitive's "to" stays
    assert with_controller((close.i, span[1]), close.i, doc) == (close.i, span[1])
    # object control: the causee's act stays as it is
    doc = nlp("The loans enabled the guild to buy the mill.")
    buy = next(t for t in doc if t.lower_ == "buy")
    span = (buy.i - 1, buy.right_edge.i + 1)
    assert with_controller(span, buy.i, doc) == span
