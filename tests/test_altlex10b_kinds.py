"""An infinitive that completes its noun is no purpose (wave 10, branch altlex10b, issue 12).

A noun derived from a verb sense that takes a subject-controlled infinitive
("attempt to", "promise to", "vow to", "plan to": Open English WordNet frames
``via-to-inf`` / ``via-inf``) takes the same infinitive as its complement: in
"made an attempt to cross the river" the infinitive says what the attempt was,
not what the agent made it for. When the parser hangs such an infinitive on
the verb, the purpose frame must not read it as the clause's purpose
(lexicon kind ``infinitive_complement_noun``, ``models/complement_nouns.jsonl``,
``scripts/derive_complement_nouns.py``). Sentences are ours.
"""
from __future__ import annotations

import pytest
from conftest import component_links

pytestmark = pytest.mark.model


def found(nlp, text: str) -> list[tuple[str, str, str]]:
    return component_links(nlp, text, strength=False)


@pytest.mark.parametrize("text", [
    # the parser hangs the infinitive on the verb (advcl)
    "The duke made a vow to rebuild the abbey .",
    "The king renewed his offer to pardon the rebels .",
    # the infinitive hangs on the noun, whose verb is a support verb ("launch an attempt")
    "The rebels launched an attempt to seize the fortress .",
])
def test_noun_complement_infinitive_is_not_a_purpose(nlp, text):
    assert not [link for link in found(nlp, text) if link[0].startswith("purpose")], found(nlp, text)


@pytest.mark.parametrize("text, expected", [
    # a noun with no content an infinitive could state: the infinitive is what the act was for
    ("The barons gathered an army to defend the town .",
     ("purpose-to", "to defend the town", "The barons gathered an army")),
])
def test_purpose_after_other_objects_stays(nlp, text, expected):
    assert expected in found(nlp, text), found(nlp, text)


def test_complement_nouns_are_derived_with_sources():
    from argmine.nlp.rules import load_lexicon
    nouns = load_lexicon().words("infinitive_complement_noun")
    assert {"attempt", "promise", "vow"} <= set(nouns)
    assert "army" not in nouns and "stop" not in nouns


# A year or a date does no act: a participle the parser hangs on one ("in 917 conquering X") belongs to the
# clause, and its subject is the clause's subject (argmine.nlp.syntax.subjects).
@pytest.mark.parametrize("text, wrong, expected", [
    ("The raids , in 1204 causing great famine , ruined the city .", "1204",
     ("verb-cause", "The raids", "great famine")),
    ("The duke , in 917 conquering the valley , founded a new abbey .", "917", None),
])
def test_a_year_is_not_a_participle_cause(nlp, text, wrong, expected):
    links = found(nlp, text)
    assert not [link for link in links if link[1] == wrong], links
    if expected is not None:
        assert expected in links, links
