"""'bring' is causal only with an event or condition object (WordNet event nouns); sentences are the project's own."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, expected", [
    ("The long siege brought famine to the city.", {("siege", "famine")}),
    ("The reform brought prosperity to the province.", {("reform", "prosperity")}),
    ("The ships brought settlers and disease.", {("ships", "disease")}),
    ("The envoy brought a letter from the king.", set()),
    ("The caravan brought silk to the coast.", set()),
    ("The merchants brought grain to the famished city.", set()),
])
def test_bring_needs_an_event_or_condition_object(extract_links, text, expected):
    assert {(l.cause_concept, l.effect_concept) for l in extract_links(text)} == expected
