"""Derive argmine's causal-noun cue rules from Open English WordNet.

    python scripts/derive_causal_nouns.py --resources ../shared/resources

writes ``models/causal_nouns.jsonl``: cue rules in the schema of
``models/causal_cues.jsonl`` (read by :func:`argmine.nlp.rules.load_cue_rules`)
whose lemmas are the nouns that name a cause, a motive, a result or a
reaction, found as the members of a few seed synsets and their hyponyms.

Method
------
A noun is kept when (a) one of its senses lies at most ``DEPTH`` hyponym
steps below a seed synset, (b) that sense is among the lemma's first
``MAX_SENSE_RANK`` senses (OEWN lists a lemma's senses in Princeton
WordNet's frequency order, so a rare causal sense of a common word such as
"issue" or "drive" is left out), and (c) it is one word, and (d) its synset is not one of :data:`EXCLUDED_SYNSETS`. Each rule records
the seed synsets it was derived from.

Source: Open English WordNet (globalwordnet/english-wordnet, commit
d94538ad0df3d7a4c77837bde6af69d7a6592c32), CC BY 4.0, with Princeton
WordNet 3.0 under the WordNet licence. See ``models/ATTRIBUTION.md``.

The script reads OEWN with the small YAML readers of
``scripts/derive_causal_lexicon.py`` (standard library only); argmine itself
only reads the JSONL this writes.
"""
from __future__ import annotations

import glob
import os
import sys
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from derive_causal_lexicon import parse_yaml_entries, parse_yaml_synsets, word_list_args, write_jsonl  # noqa: E402  the OEWN readers

#: How far below a seed synset a hyponym may lie.
DEPTH = 1
#: A lemma's causal sense must be among its first this many noun senses.
MAX_SENSE_RANK = 2

#: One rule per group: the seed synsets (OEWN ids, with their gloss for the
#: reader), the frame and prepositions the rule reads them with, and an
#: example sentence of ours that the rule must match (tests/test_rules.py).
GROUPS = [
    {
        "id": "noun-derived-cause-of",
        "seeds": {
            "07341157-n": "events that provide the generative force that is the origin of something",
            "06753097-n": "a justification for something existing or happening (cause, reason, grounds)",
            "09201896-n": "a rational motive for a belief or action (reason, ground)",
        },
        "rule": {"frame": "copula_noun", "effect_prep": ["of", "for", "behind"],
                 "example": "The chief antecedent of the revolt was the new salt tax.",
                 "cause": "tax", "effect": "revolt", "confidence": 0.8},
    },
    {
        # "the motive behind Y was X": what moved an actor, an intention (strength motive, as a purpose clause is),
        # not a cause that brought Y about; a lemma of the cause group above ("reason", "ground") stays there
        "id": "noun-derived-motive-of",
        "seeds": {
            "00023953-n": "the psychological feature that arouses an organism to action (motivation, motive)",
        },
        "rule": {"frame": "copula_noun", "effect_prep": ["of", "for", "behind"], "strength": "motive",
                 "example": "The chief motive behind the embargo was the defence of local weavers.",
                 "cause": "defence", "effect": "embargo", "confidence": 0.8},
    },
    {
        "id": "noun-derived-result-of",
        "seeds": {
            "11430739-n": "a phenomenon that follows and is caused by some previous phenomenon (effect, result)",
            "07307418-n": "something that results (result, outcome)",
            "07308725-n": "the outcome of an event especially as relative to an individual (consequence, aftermath)",
        },
        "rule": {"frame": "copula_noun", "cause_prep": ["of"], "reverse": True,
                 "example": "The shortage of coin was a repercussion of the long war.",
                 "cause": "war", "effect": "shortage", "confidence": 0.8},
    },
    {
        # "X's connection to Y", "the link of X with Y", "X had no connection with Y": a relational noun whose
        # first sense is WordNet's causal-or-shared-feature connection. It asserts an association, not a cause
        # (strength associative), read like the verb "X was linked to Y" (verb-prep-link-to): the possessor or
        # of-object is the earlier end. Both ends must be events or conditions, not people, bodies or places
        # ("the abbey's connection with the crown" is no link): event_cause and event_effect.
        # "relation" is left out: its first sense is the top abstraction, and "in relation to" is a preposition.
        "id": "noun-derived-link-to",
        "seeds": {
            "13813601-n": "a relation between things or events (as in the case of one causing the other or sharing "
                          "features with it) (connection, connexion, connectedness)",
            "13814791-n": "an associative relation (linkage); its hyponym: the means of connection (link, nexus)",
        },
        "rule": {"frame": "noun", "cause_prep": ["of"], "effect_prep": ["to", "with"], "strength": "associative",
                 "event_cause": True, "event_effect": True,
                 "example": "Historians have long debated the tariff's connection to the collapse of the linen trade.",
                 "cause": "tariff", "effect": "collapse", "confidence": 0.5},
    },
]


#: Hyponyms left out, by synset (not by word): senses that name a moral code,
#: an instinct, a disease's or a mutation's origin, a deserved reward, an
#: explosive's force or a bodily reflex, which history prose does not use as
#: a causal relation between factors ("the harvest of X" is read as a crop).
EXCLUDED_SYNSETS = {
    "09206590-n": "ethics, morals: motivation based on ideas of right and wrong",
    "09203328-n": "urge, impulse: an instinctive motive",
    "09202503-n": "why, wherefore: a question word in the text",
    "07342208-n": "etiology: the cause of a disease",
    "07440708-n": "mutagenesis",
    "07310247-n": "wages, reward: a recompense for worthy acts",
    "07310573-n": "worst: the least favorable outcome ('the worst of the famines')",
    "07309129-n": "comeuppance",
    "07309665-n": "offspring: read as a person's child",
    "11432293-n": "brisance: the effect of an explosion",
    "11433775-n": "dent",
    "11434371-n": "harvest: read as a crop in history prose",
    "11437102-n": "response: 'the response of X to Y' names an actor's reaction, read by noun-reaction-to",
    "13814395-n": "alliance, bond: a connection of kinship or common interest, between people or bodies",
    "13815716-n": "involvement: a person's or body's part in an affair, not a link between two conditions",
    "13816629-n": "relevance: 'the relevance of X to Y' says X matters to a question, not that it bears on Y",
    "13815054-n": "communication: a connection allowing access between persons or places",
}


def load_noun_synsets(yaml_dir: Path) -> dict[str, dict]:
    """Every noun synset of OEWN: id -> its record (members, hypernym, ...)."""
    synsets: dict[str, dict] = {}
    for path in sorted(glob.glob(os.fspath(yaml_dir / "noun.*.yaml"))):
        synsets.update(parse_yaml_synsets(path))
    return synsets


def load_noun_sense_ranks(yaml_dir: Path) -> dict[str, dict[str, int]]:
    """lemma -> {synset id: 0-based rank among the lemma's noun senses}."""
    ranks: dict[str, dict[str, int]] = {}
    for path in sorted(glob.glob(os.fspath(yaml_dir / "entries-*.yaml"))):
        for lemma, by_pos in parse_yaml_entries(path).items():
            senses = by_pos.get("n", {}).get("synsets", [])
            if senses:
                ranks[lemma] = {synset: rank for rank, synset in enumerate(senses)}
    return ranks


def hyponym_closure(seeds, synsets: dict[str, dict], depth: int) -> set[str]:
    """The seeds and every synset at most ``depth`` hyponym steps below one."""
    below: dict[str, list[str]] = {}
    for key, record in synsets.items():
        for parent in record.get("hypernym", []):
            below.setdefault(parent, []).append(key)
    found, frontier = set(seeds), set(seeds)
    for _ in range(depth):
        frontier = {child for parent in frontier for child in below.get(parent, ())} - found
        found |= frontier
    return found


def derive(yaml_dir: Path) -> list[dict]:
    """The rules of :data:`GROUPS`, each with its lemmas and source."""
    synsets = load_noun_synsets(yaml_dir)
    ranks = load_noun_sense_ranks(yaml_dir)
    rules = []
    taken: set[str] = set()  # a lemma belongs to the first group that has it
    for group in GROUPS:
        keep = hyponym_closure(group["seeds"], synsets, DEPTH) - set(EXCLUDED_SYNSETS)
        lemmas = set()
        for key in keep:
            for member in synsets[key]["members"]:
                rank = ranks.get(member, {}).get(key)
                if " " in member or not member.islower() or rank is None or rank >= MAX_SENSE_RANK:
                    continue
                lemmas.add(member)
        source = ("Open English WordNet (d94538a): hyponyms (depth <= %d) of %s, less %d excluded senses; causal sense among "
                  "the lemma's first %d noun senses" % (DEPTH, ", ".join(sorted(group["seeds"])),
                                                      len(EXCLUDED_SYNSETS), MAX_SENSE_RANK))
        lemmas -= taken
        taken |= lemmas
        rule = {"id": group["id"], **group["rule"], "lemmas": sorted(lemmas), "source": source}
        order = ["id", "frame", "lemmas", "cause_prep", "effect_prep", "reverse", "strength", "event_cause",
                 "event_effect", "example", "cause", "effect", "confidence", "source"]
        rules.append({k: rule[k] for k in order if k in rule})
    return rules


def main() -> None:
    args = word_list_args(__doc__.splitlines()[0], "causal_nouns.jsonl")
    rules = derive(args.resources / "open-english-wordnet" / "src" / "yaml")
    write_jsonl(args.out, rules)
    for rule in rules:
        print(f"{rule['id']}: {len(rule['lemmas'])} lemmas")


if __name__ == "__main__":
    main()
