"""Kinds of English that carry causal links in historians' prose, each tested on several sentences of the project's own.

- dependence predicates ("Y depended on X", "Y was dependent on X");
- binomial pairs read as one end ("the rise and fall of X");
- a result gerund that stops its object (", thus averting Y"): the enabled act counters Y;
- findings across units ("Y in districts where X", "colonies that did X were more Y").

Each test names the rule, the cause span, the effect span and the polarity a link must have.
"""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _links(nlp, text: str) -> list[tuple[str, str, str, str]]:
    """(rule, cause span, effect span, polarity) of every link the component finds."""
    doc = nlp(text)
    return [(link["rule"], doc[slice(*link["cause"])].text, doc[slice(*link["effect"])].text, link["polarity"])
            for link in doc._.causal_links]


def _records(extract_links, text: str) -> list[tuple[str, str, str, str]]:
    """(rule, cause text, effect text, polarity) of every extracted link, after factuality."""
    return [(link.rule, link.cause_text, link.effect_text, link.polarity) for link in extract_links(text)]


# -- dependence ------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The size of the vintage depended on the summer heat.",
     ("verb-prep-depend-on", "the summer heat", "The size of the vintage", "positive")),
    ("Whether the truce held hinged on the supply of bread.",
     ("verb-prep-depend-on", "the supply of bread", "the truce", "positive")),
    ("The recovery of the mints was largely dependent on the return of peace.",
     ("verb-prep-dependent-on", "the return of peace", "The recovery of the mints", "positive")),
    ("The fortunes of the guild were more contingent on royal favour than on trade.",
     ("verb-prep-dependent-on", "royal favour", "The fortunes of the guild", "positive")),
])
def test_kinds_dependence_reads_the_object_as_cause(nlp, text, expected):
    assert _links(nlp, text) == [expected]


@pytest.mark.parametrize("text", [
    "The tenants depended on the abbot for their seed corn.",
    "The smaller ports were dependent on the merchants of Bristol.",
])
def test_kinds_dependence_of_people_is_not_a_link(nlp, text):
    assert _links(nlp, text) == []


def test_kinds_denied_dependence_is_negative(extract_links):
    assert _records(extract_links, "The price of rye was not dependent on the weather.") == [
        ("verb-prep-dependent-on", "the weather", "The price of rye", "negative")]


# -- binomial pairs --------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The rise and fall of the salt trade was dependent on the northern wars.",
     ("verb-prep-dependent-on", "the northern wars", "The rise and fall of the salt trade", "positive")),
    ("The ebb and flow of pilgrims depended on the plague years.",
     ("verb-prep-depend-on", "the plague years", "The ebb and flow of pilgrims", "positive")),
])
def test_kinds_binomial_pair_is_one_end(nlp, text, expected):
    assert _links(nlp, text) == [expected]


def test_kinds_plain_coordination_still_gives_two_links(nlp):
    assert [(c, e) for _, c, e, _ in _links(nlp, "The war and the famine of 1921 ruined the province.")] == [
        ("The war", "the province"), ("the famine of 1921", "the province")]


# -- a result gerund that stops its object ---------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Foreign loans helped the crown to pay its troops, thus preventing a mutiny.",
     ("verb-prevent", "to pay its troops", "a mutiny", "negative")),
    ("The new dykes enabled farmers to drain the marshes and to sow wheat, thereby averting a famine.",
     ("verb-prevent", "to sow wheat", "a famine", "negative")),
    ("Cheap bullion allowed the mint to issue more coin, thus counteracting the scarcity of silver.",
     ("verb-counteract", "to issue more coin", "the scarcity of silver", "negative")),
])
def test_kinds_countered_result_links_the_enabled_act(nlp, text, expected):
    links = _links(nlp, text)
    assert expected in links
    # the positive result link stays: the act brings about the gerund's event
    assert any(rule == "result-adverb-scope" and cause == expected[1] and polarity == "positive"
               for rule, cause, _, polarity in links)


# -- findings across units -------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Enclosure spread fastest in counties where wool fetched high prices.",
     ("construction-unit-condition", "wool fetched high prices", "Enclosure spread fastest", "positive")),
    ("The land reform was concentrated in provinces experiencing a sharper fall in rents.",
     ("construction-unit-condition", "experiencing a sharper fall in rents", "The land reform was concentrated",
      "positive")),
    ("Towns that lost more men in the war also saw larger riots.",
     ("construction-unit-condition", "lost more men in the war", "saw larger riots", "positive")),
    ("Plague-stricken villages now hold more common pasture.",
     ("construction-unit-condition", "Plague-stricken", "hold more common pasture", "positive")),
])
def test_kinds_unit_condition_reads_the_condition_as_cause(nlp, text, expected):
    assert _links(nlp, text) == [expected]


@pytest.mark.parametrize("text", [
    "The battle was fought in an area where the river bends.",     # one place: a setting, not a finding
    "He was born in villages where his father farmed.",            # a person's life, not a finding
    "Villages that had a mill paid their rents.",                   # no comparison across the units
])
def test_kinds_unit_condition_needs_a_finding(nlp, text):
    assert _links(nlp, text) == []


# -- conjuncts the parser hangs elsewhere ----------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("By 1800 the town had lost all of its river trade and much of its land trade, chiefly to Genoa.",
     [("verb-prep-lose-to", "Genoa", "all of its river trade", "positive"),
      ("verb-prep-lose-to", "Genoa", "much of its land trade", "positive")]),
    ("The war destroyed the harvest and much of the seed.",
     [("vn-destroy-decrease", "The war", "the harvest", "positive"),
      ("vn-destroy-decrease", "The war", "much of the seed", "positive")]),
])
def test_kinds_coordinated_partitive_is_a_second_effect(nlp, text, expected):
    assert _links(nlp, text) == expected


def test_kinds_event_coordinated_with_a_by_agent_is_a_second_effect(nlp):
    links = _links(nlp, "The famine facilitated the purchase of land by the landlords and the growth of a class "
                        "of tenant farmers.")
    assert [(rule, cause, effect) for rule, cause, effect, _ in links][1:] == [
        ("oewn-cause", "The famine", "the growth of a class of tenant farmers")]
    assert links[0][:2] == ("oewn-cause", "The famine") and links[0][2].startswith("the purchase of land")


def test_kinds_agents_coordinated_in_a_by_phrase_stay_agents(nlp):
    assert [effect for _, _, effect, _ in _links(nlp, "The plague hastened the sale of farms by the gentry and "
                                                      "the clergy.")] == ["the sale of farms by the gentry and the clergy"]


# -- findings across units: "with" conditions and an elided predicate --------------------

@pytest.mark.parametrize("text, expected", [
    ("Towns that lost more men in the war also saw larger riots, as did towns that housed a garrison.",
     [("construction-unit-condition", "lost more men in the war", "saw larger riots", "positive"),
      ("construction-unit-condition", "housed a garrison", "saw larger riots", "positive")]),
    ("Parishes with more enclosures had fewer paupers, and so did parishes that kept a workhouse.",
     [("construction-unit-condition", "more enclosures", "had fewer paupers", "positive"),
      ("construction-unit-condition", "kept a workhouse", "had fewer paupers", "positive")]),
])
def test_kinds_unit_condition_with_an_elided_predicate(nlp, text, expected):
    assert _links(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Wages fell in the north, and so did rents.",
    "The mills closed early, and so had the mines.",
])
def test_kinds_so_before_an_inverted_auxiliary_is_not_a_result(nlp, text):
    assert _links(nlp, text) == []


def test_kinds_resultative_so_still_links(nlp):
    assert _links(nlp, "The harvest failed, so the towns went hungry.") == [
        ("connective-adverb", "The harvest failed", "the towns went hungry", "positive")]


# -- denied and negative links -----------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # a negative quantifier on the cue's own noun
    ("The drought played no role in the revolt.",
     ("verb-prep-play-part-in", "The drought", "the revolt", "negative", "asserted")),
    ("The flood of refugees played no part in the fall of the city.",
     ("verb-prep-play-part-in", "The flood of refugees", "the fall of the city", "negative", "asserted")),
    # a weak one: hardly any, so negative and hedged; "a little" is some
    ("The tariff had little impact on grain prices.",
     ("noun-effect-of", "The tariff", "grain prices", "negative", "hedged")),
    ("The drought played little part in the revolt.",
     ("verb-prep-play-part-in", "The drought", "the revolt", "negative", "hedged")),
    ("The tariff had a little impact on grain prices.",
     ("noun-effect-of", "The tariff", "grain prices", "positive", "asserted")),
    # an object that is no amount
    ("The revolt owed nothing to foreign agents.",
     ("verb-prep-owe-to", "foreign agents", "The revolt", "negative", "asserted")),
    # how much was done, not a purpose
    ("The truce did little to ease the hunger in the capital.",
     ("degree-do-little-to", "The truce", "to ease the hunger in the capital", "negative", "asserted")),
    ("The council's grants did nothing to relieve the poor.",
     ("degree-do-little-to", "The council's grants", "to relieve the poor", "negative", "asserted")),
    ("The new canal did much to revive the trade of the town.",
     ("degree-do-much-to", "The new canal", "to revive the trade of the town", "positive", "asserted")),
    # a denied connection
    ("The uprising was unrelated to the price of bread.",
     ("verb-prep-unrelated-to", "the price of bread", "The uprising", "negative", "asserted")),
    ("The epidemic was unconnected with the arrival of the ships.",
     ("verb-prep-unrelated-to", "the arrival of the ships", "The epidemic", "negative", "asserted")),
    # keeping an act from happening
    ("The fleet stopped the pirates from raiding the coast.",
     ("verb-prep-keep-from", "The fleet", "raiding the coast", "negative", "asserted")),
    ("The new dykes kept the river from flooding the fields.",
     ("verb-prep-keep-from", "The new dykes", "flooding the fields", "negative", "asserted")),
])
def test_kinds_denied_links(extract_links, text, expected):
    assert [(link.rule, link.cause_text, link.effect_text, link.polarity, link.modality)
            for link in extract_links(text)] == [expected]


def test_kinds_keep_from_a_person_is_no_link(extract_links):
    assert extract_links("The king kept the jewels from his creditors.") == []


@pytest.mark.parametrize("text, expected", [
    ("Far from causing the crisis, the loans delayed it.", ("verb-cause", "the loans", "the crisis")),
    ("The loans, far from causing the crisis, delayed it.", ("verb-cause", "The loans", "the crisis")),
    ("Instead of provoking a revolt, the new tax was paid quietly.", ("verb-cause", "the new tax", "a revolt")),
    ("The new tax passed without provoking a revolt.", ("verb-cause", "The new tax", "a revolt")),
])
def test_kinds_denying_preposition_before_a_causal_gerund(extract_links, text, expected):
    links = [(link.rule, link.cause_text, link.effect_text) for link in extract_links(text) if link.polarity == "negative"]
    assert links == [expected]


def test_kinds_denying_preposition_leaves_a_persons_choice_alone(extract_links):
    assert extract_links("The peasants fled rather than provoking the soldiers.") == []


# -- negation words and scopes; explanation predicates -------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Historians no longer believe that the plague caused the revolt.",
     ("verb-cause", "the plague", "the revolt", "negative")),
    ("Nor did the war cause the collapse of trade.",
     ("verb-cause", "the war", "the collapse of trade", "negative")),
    ("The war never again caused such a famine.",
     ("verb-cause", "The war", "such a famine", "negative")),
    ("Price controls proved unable to halt inflation.",
     ("verb-prevent", "Price controls", "inflation", "negative")),
    ("The collapse of the silver trade explains the poverty of the port.",
     ("verb-explain", "The collapse of the silver trade", "the poverty of the port", "positive")),
    ("Population growth accounts for the rise in prices.",
     ("verb-prep-account-for", "Population growth", "the rise in prices", "positive")),
])
def test_kinds_negation_words_and_explanations(extract_links, text, expected):
    assert [(link.rule, link.cause_text, link.effect_text, link.polarity) for link in extract_links(text)] == [expected]


def test_kinds_nor_negates_its_own_clause_only(extract_links):
    links = extract_links("The war did not cause the famine, nor did it deepen the crisis.")
    assert [(link.rule, link.effect_text, link.polarity) for link in links] == [
        ("verb-cause", "the famine", "negative"), ("verb-worsen", "the crisis", "negative")]


@pytest.mark.parametrize("text", [
    "Grain accounted for half of the imports.",          # a share, not a cause
    "Smith explains the famine in his second chapter.",  # a scholar's explaining
])
def test_kinds_explanation_needs_events(extract_links, text):
    assert extract_links(text) == []


@pytest.mark.parametrize("text", [
    "The drought alone did not cause the famine.",
    "The crisis cannot be explained by the war alone.",
    "Population growth alone does not account for the rise in prices.",
])
def test_kinds_denied_sole_cause_is_a_partial_cause(extract_links, text):
    links = extract_links(text)
    assert [(link.polarity, link.strength) for link in links] == [("positive", "contributory")]


# -- everyday causal idioms and predicates ---------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("This shift was driven by the rise of Atlantic trade.",
     ("verb-drive", "the rise of Atlantic trade", "This shift")),
    ("The expansion of the sugar trade drove the growth of the port.",
     ("verb-drive", "The expansion of the sugar trade", "the growth of the port")),
    ("High taxes lay behind the revolt.", ("verb-prep-lie-behind", "High taxes", "the revolt")),
    ("The reform of the courts paved the way for the revolution.",
     ("verb-prep-pave-way-for", "The reform of the courts", "the revolution")),
    ("The plague set the stage for the peasant revolt.",
     ("verb-prep-pave-way-for", "The plague", "the peasant revolt")),
    ("The epidemic took a heavy toll on the garrison.",
     ("verb-prep-take-toll-on", "The epidemic", "the garrison")),
    ("Rising prices were a key factor in the unrest.", ("noun-cause-of", "Rising prices", "the unrest")),
])
def test_kinds_causal_idioms(extract_links, text, expected):
    assert [(link.rule, link.cause_text, link.effect_text) for link in extract_links(text)] == [expected]


@pytest.mark.parametrize("text", [
    "The soldiers drove the cattle into the hills.",
    "The Turks drove the Venetians from Crete.",
    "The village lay behind the hill.",
    "The famine was a factor in 1847.",
])
def test_kinds_causal_idioms_need_events(extract_links, text):
    assert extract_links(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Harvest failures, coupled with high taxes, caused the revolt.",
     [("Harvest failures", "the revolt"), ("high taxes", "the revolt")]),
    ("The drought, together with the war, ruined the province.",
     [("The drought", "the province"), ("the war", "the province")]),
    ("Bad roads, combined with heavy tolls, drove the carters into debt.",
     [("Bad roads", "debt"), ("heavy tolls", "debt")]),
])
def test_kinds_additive_participle_adds_a_cause(extract_links, text, expected):
    assert [(link.cause_text, link.effect_text) for link in extract_links(text)] == expected


def test_kinds_bare_ordinal_takes_up_an_enumeration_item(extract_links):
    links = extract_links("There were two causes of the mutiny: the cut in pay and the loss of the fleet. "
                          "The first provoked the sailors, and the second undermined the admiral's authority.")
    assert [(link.cause_concept, link.effect_text, link.via) for link in links if link.sentence_index == 1] == [
        ("cut", "the sailors", "anaphora:enumeration item 1 'The first' = 'the cut in pay'"),
        ("loss of fleet", "the admiral's authority", "anaphora:enumeration item 2 'the second' = 'the loss of the fleet'")]


@pytest.mark.parametrize("text, expected", [
    ("The study finds no link between the famine and the migration.",
     ("noun-link-between", "the famine", "the migration", "negative", "associative")),
    ("There was no connection between the drought and the epidemic.",
     ("noun-link-between", "the drought", "the epidemic", "negative", "associative")),
    ("The study finds a close link between the famine and the migration.",
     ("noun-link-between", "the famine", "the migration", "positive", "associative")),
    ("The tariff had no bearing on the price of wool.",
     ("noun-effect-of", "The tariff", "the price of wool", "negative", "sufficient")),
    ("The riots were a symptom rather than a cause of the crisis.",
     ("noun-cause-of", "The riots", "the crisis", "negative", "sufficient")),
])
def test_kinds_association_nouns_and_rejected_cause_nouns(extract_links, text, expected):
    assert [(link.rule, link.cause_text, link.effect_text, link.polarity, link.strength)
            for link in extract_links(text)] == [expected]


@pytest.mark.parametrize("text", [
    "The road between the two towns was poor.",
    "The relationship between the king and the barons worsened.",
    "The essay studies the connection between state and society.",
])
def test_kinds_association_nouns_need_events(extract_links, text):
    assert extract_links(text) == []


def test_kinds_indefinite_article_keeps_a_little_effect_positive():
    """'a little effect' is some effect; a bare 'little effect' is hardly any (lexicon kind indefinite_article)."""
    from argmine import analyze

    rows = analyze("The new tariff had a little effect on the ports, and the plague had little effect on rents."
                   ).links[["cause_text", "effect_text", "polarity", "modality"]].values.tolist()
    assert rows == [["The new tariff", "the ports", "positive", "asserted"],
                    ["the plague", "rents", "negative", "hedged"]]


@pytest.mark.parametrize("text, names", [
    ("Hard seasons, especially colder springs and drier autumns, ruined the vineyards.",
     ["hard seasons", "colder springs", "drier autumns"]),
    ("Bad seasons, particularly wetter summers and longer winters, ruined the crops.",
     ["bad seasons", "longer winters", "wetter summers"]),
    ("Particularly harsh winters ruined the granaries.", ["harsh winters"]),
], ids=["especially-list", "particularly-list", "sentence-initial"])
def test_kinds_focusing_adverb_is_no_part_of_a_name(text, names):
    """'especially', 'notably', 'particularly' single out a member; the factor's name leaves them out."""
    from argmine import analyze

    assert sorted(set(analyze(text).links["cause_concept"])) == sorted(names)


def test_kinds_demonstrative_takes_up_the_change_the_link_named():
    """'X weakened Y. This ...': the anaphor stands for the weakening of Y, the same concept the first link's
    effect has, so that the two links chain (cue rules with nominalized_effect)."""
    from argmine import analyze

    rows = analyze("Years of debt eroded the authority of the council. This encouraged revolts in the guilds."
                   ).links[["cause_concept", "effect_concept"]].values.tolist()
    assert rows == [["years of debt", "eroding of authority of council"], ["eroding of authority of council", "revolts"]]


@pytest.mark.parametrize("text, expected", [
    ("The famine drove the villagers to despair.", [("famine", "despair", "causative-lead")]),
    ("The tariff pushed the weavers to bankruptcy.", [("tariff", "bankruptcy", "causative-lead")]),
    ("The defeat encouraged the barons to revolt.", [("defeat", "revolt", "causative-lead")]),
    ("The drought drove the herders to the coast.", []),
    ("Failed harvests led many households to destitution.", [("failed harvests", "destitution", "causative-lead")]),
    ("The captain led the column to the ford.", []),
], ids=["drove-to-despair", "pushed-to-bankruptcy", "encouraged-to-revolt", "place-is-no-state", "led-to-a-state",
        "led-to-a-place"])
def test_kinds_causative_to_a_state_names_the_state(text, expected):
    """'drove X to despair': a causative's result phrase with 'to' and a bare state noun is its effect; a place
    with a determiner ('to the coast') is not."""
    from argmine import analyze

    links = analyze(text).links
    assert [tuple(row) for row in links[["cause_concept", "effect_concept", "rule"]].values.tolist()] == expected
