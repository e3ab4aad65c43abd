"""Kinds of English read for SemEval-2010 (wave 11, branch semeval11b, issue 12).

Sentences are ours. "for X" after a verb or noun of striving, contending or assembling names
the goal striven or met for (a motive), not a reason that came before it (docs/wave11/semeval11b.md).
"""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def strengths(extract_links, text: str) -> dict[tuple[str, str], str]:
    """(cause text, effect text) -> strength of the explicit links."""
    return {(link.cause_text, link.effect_text): link.strength for link in extract_links(text) if link.explicit}


# the goal of a struggle or a gathering is what it is for, a motive
@pytest.mark.parametrize("text, cause", [
    ("The dockers fought for higher wages.", "higher wages"),
    ("The tenants struggled for years for the right to vote.", "the right to vote"),
    ("The two clans battled for control of the valley.", "control of the valley"),
    ("The elders gathered in the square for the harvest feast.", "the harvest feast"),
])
def test_goal_of_striving_is_a_motive(extract_links, text, cause):
    found = {c: s for (c, _), s in strengths(extract_links, text).items()}
    assert cause in found and found[cause] == "motive"


# a sanction or a dispute 'for X' still states its reason
@pytest.mark.parametrize("text, cause", [
    ("The guards arrested the miller for hoarding grain.", "hoarding grain"),
])
def test_reason_of_a_sanction_stays_a_cause(extract_links, text, cause):
    found = {c: s for (c, _), s in strengths(extract_links, text).items()}
    assert cause in found and found[cause] != "motive"
