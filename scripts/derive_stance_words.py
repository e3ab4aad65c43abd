"""Derive argmine's word classes for disputed claims, cause grades and relational nouns from WordNet and VerbNet.

    python scripts/derive_stance_words.py --resources ../shared/resources

writes ``models/stance_words.jsonl``: lexicon entries in the schema of
``models/lexicon.jsonl`` (read by :func:`argmine.nlp.rules.load_lexicon`, which
adds them to the hand-written kinds of the same name):

- ``denial`` / ``doubt`` (verbs): "rejected the view that X caused Y",
  "challenges the argument that X led to Y": a link in what these govern is
  denied (or doubted) by the verb's subject;
- ``doubt_noun``: the noun object of a light verb that doubts or denies what
  its prepositional object says ("cast doubt on the notion that", "raised
  objections to the claim that", "call into question the view that");
- ``proposition_noun``: nouns that name a held proposition ("the claim /
  thesis / assumption that X caused Y"): a link in their complement is the
  holder's, not the author's, unless the author owns it;
- ``minor_degree``: adjectives that grade a cause noun as a lesser one ("a
  minor / secondary / contributing / subsidiary factor"): the link is
  contributory;
- ``relational_noun``: nouns whose sense needs a complement to name a
  concept ("the means available for imports", "the threat to the
  provinces", "access to the sea", "a century of emigration"): the concept
  name keeps it.

Method
------
Each class is the members of a few seed synsets of Open English WordNet
(listed with their glosses in :data:`CLASSES`), their hyponyms up to
``depth`` steps, and for verbs the members of the VerbNet classes named in
``verbnet``. A WordNet member is kept when (a) it is one word, (b) the seed
sense is among its first ``max_rank`` senses of that part of speech (OEWN
lists a lemma's senses in Princeton WordNet's frequency order, so a rare
sense of a common word is left out) and (c) it is not in the class's
``exclude`` (each with a reason). Every entry records its sources.

Sources: Open English WordNet (globalwordnet/english-wordnet, commit
d94538ad0df3d7a4c77837bde6af69d7a6592c32), CC BY 4.0 and the WordNet
licence; VerbNet 3.4 (cu-clear/verbnet, ae8e9cfd), VerbNet licence. See
``models/ATTRIBUTION.md``. Standard library only; argmine reads the JSONL.
"""
from __future__ import annotations

import glob
import os
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from derive_causal_lexicon import parse_yaml_entries, parse_yaml_synsets, word_list_args, write_jsonl  # noqa: E402
from derive_causal_nouns import hyponym_closure  # noqa: E402

#: One lexicon entry per class: its kind, the seed synsets (OEWN id: gloss), how far below them hyponyms are
#: taken, the sense-rank limit, VerbNet classes whose members join (verbs only), members left out (with the
#: reason) and an example sentence of ours (tests/test_rules.py reads every example).
CLASSES = [
    {
        "id": "denial-verbs-wordnet", "kind": "denial", "pos": "v", "depth": 0, "max_rank": 4,
        "seeds": {
            "00818217-v": "deny: declare untrue; contradict",
            "00818664-v": "deny: refuse to accept or believe",
            "00816512-v": "refute, rebut: overthrow by argument, evidence, or proof",
            "00669665-v": "refute, rebut, controvert: prove to be false or incorrect",
            "02242120-v": "refuse, reject, pass up, turn down, decline: not accept as true",
            "00798638-v": "reject, spurn, scorn, pooh-pooh, disdain: reject with contempt",
            "00686564-v": "disbelieve, discredit: reject as false; refuse to accept",
            "00669342-v": "disprove, confute: prove to be false",
            "00854877-v": "debunk, expose: expose while ridiculing, especially false claims and ideas",
            "00614907-v": "abandon, give up: stop maintaining or insisting on; of ideas or claims",
        },
        "verbnet": [],
        "exclude": {
            "decline": "its first senses are a fall in amount ('exports declined'), not a refusal",
            "refuse": "'refused to pay' is an actor's refusal of an act (negative_implicative reads it), not of a view",
            "scorn": "a feeling towards a person more often than a view",
            "disdain": "a feeling towards a person more often than a view",
            "spurn": "an actor's refusal of an offer",
            "expose": "'exposed the weakness of X' reveals, it does not deny",
            "disbelieve": "a person's disbelief, read as a belief verb's negation elsewhere",
        },
        "example": "Later historians rejected the view that the sermons caused the uprising.",
        "note": "a link in what these govern is denied by their subject: negative polarity (OEWN, see source)",
    },
    {
        "id": "doubt-verbs-wordnet", "kind": "doubt", "pos": "v", "depth": 0, "max_rank": 3,
        "seeds": {
            "00689196-v": "doubt: consider unlikely",
            "00870790-v": "challenge, dispute, gainsay: take exception to",
            "00869073-v": "question, oppugn, call into question: challenge the accuracy, probity, or propriety of",
            "00871260-v": "contest, contend, repugn: to make the subject of dispute",
            "00828170-v": "knock, criticize, criticise: find fault with; point out real or perceived flaws",
        },
        "verbnet": [],
        "exclude": {
            "contend": "'X contends that' asserts the complement (a reporting verb), it does not dispute it",
            "knock": "a physical blow more often than a criticism",
        },
        "example": "This chapter challenges the argument that the sermons caused the uprising.",
        "note": "a link in what these govern is doubted by their subject: negative polarity, hedged (OEWN, see source)",
    },
    {
        "id": "doubt-nouns-wordnet", "kind": "doubt_noun", "pos": "n", "depth": 0, "max_rank": 3,
        "seeds": {
            "04764777-n": "doubt, dubiousness, question: uncertainty about the truth or factuality of something",
            "05706212-n": "doubt, uncertainty: the state of being unsure of something",
            "05706947-n": "incredulity, disbelief, skepticism: doubt about the truth of something",
            "07208065-n": "challenge: questioning a statement and demanding an explanation",
            "07222998-n": "objection: the speech act of objecting",
            "07218900-n": "denial, disaffirmation: the act of asserting that something alleged is not true",
            "05834793-n": "disproof, falsification, refutation: evidence that establishes the falsity of something",
        },
        "verbnet": [],
        "exclude": {},
        "example": "Recent studies have cast doubt on the notion that the sermons caused the uprising.",
        "note": "the object of a light verb ('cast doubt on', 'raised objections to', 'call into question') "
                "doubts its prepositional object: a link in a view there is doubted (OEWN, see source)",
    },
    {
        "id": "proposition-nouns-wordnet", "kind": "proposition_noun", "pos": "n", "depth": 0, "max_rank": 3,
        "seeds": {
            "06743312-n": "claim: an assertion that something is true or factual",
            "06742248-n": "assertion, averment: a declaration that is made emphatically",
            "06768165-n": "thesis: an unproved statement put forward as a premise in an argument",
            "06766514-n": "premise, assumption: a statement that is assumed to be true",
            "05900703-n": "assumption, supposition: a hypothesis that is taken for granted",
            "05897536-n": "hypothesis, theory: a concept that is not yet verified",
            "05954491-n": "opinion, view: a personal belief or judgment that is not founded on proof",
            "06218486-n": "position, view, perspective: a way of regarding situations or topics",
            "05925333-n": "impression, belief, notion: a vague idea in which some confidence is placed",
            "06661469-n": "argument, statement: an assertion offered as evidence that something is true",
            "05781046-n": "argumentation, line of reasoning: a course of reasoning aimed at demonstrating a truth",
        },
        "verbnet": [],
        "exclude": {
            "say": "'have a say' is a voice in a decision, not a proposition",
            "pronouncement": "an official statement, an actor's act",
            "declaration": "an official statement, an actor's act",
            "position": "a place or a post more often than a view",
            "feeling": "an emotion more often than a proposition",
            "impression": "a mark or an effect more often than a proposition",
            "possibility": "'the possibility that X caused Y' hedges the link (a hedge word), it names no holder",
            "sentiment": "a feeling more often than a proposition",
            "persuasion": "the act of persuading, or a creed",
            "perspective": "a point of view on a topic, not a proposition with a 'that' clause",
        },
        "example": "The evidence does not support the claim that the sermons caused the uprising.",
        "note": "a link in the complement of these is the holder's proposition: cited scholarship unless the "
                "author owns it (OEWN, see source)",
    },
    {
        "id": "minor-cause-adjectives-wordnet", "kind": "minor_degree", "pos": "a", "depth": 0, "max_rank": 4,
        "seeds": {
            "01476226-a": "minor: of lesser importance or stature or rank",
            "01476701-s": "secondary: not of major importance",
            "01859389-a": "secondary: being of second rank or importance or value; not direct or immediate",
            "01860057-s": "auxiliary, subsidiary, supplementary: functioning in a supporting capacity",
            "01860348-s": "collateral: additional but secondary",
            "00324324-s": "contributing, contributive, contributory: tending to bring about; being partly responsible for",
            "01862869-a": "incidental: minor or subordinate in significance",
            "01863683-s": "peripheral: related to the key issue but not of central importance",
        },
        "verbnet": [],
        "exclude": {
            "conducive": "predicative ('conducive to'), not a grade of a cause noun",
            "tributary": "a stream's feeder, or a vassal state in history prose",
            "incident": "a noun (an event) in history prose",
        },
        "example": "The drought was a contributing factor in the revolt.",
        "note": "on a cause noun these grade it as one lesser cause among others: strength contributory (OEWN, see source)",
    },
    {
        "id": "overstating-verbs-wordnet", "kind": "overstate_verb", "pos": "v", "depth": 0, "max_rank": 3,
        "seeds": {
            "00841513-v": "overstate, exaggerate, magnify, amplify: to enlarge beyond bounds or the truth",
            "00673936-v": "overestimate, overrate: make too high an estimate of",
            "00697241-v": "overvalue, overestimate: assign too high a value to",
        },
        "verbnet": [],
        "exclude": {
            "magnify": "a literal enlargement ('magnified the image') more often than a judgement",
            "amplify": "a literal strengthening ('amplified the unrest'), read as a causal verb elsewhere",
            "overdraw": "a bank account",
        },
        "example": "Earlier writers overstated the role of the steam engine as the trigger of industrialisation.",
        "note": "'overstated (the role of) X as the cause of Y': X -> Y, a lesser cause than claimed: strength "
                "contributory (OEWN, see source)",
    },
    {
        "id": "understating-verbs-wordnet", "kind": "understate_verb", "pos": "v", "depth": 0, "max_rank": 3,
        "seeds": {
            "00842804-v": "understate, minimize, downplay: represent as less significant or important",
            "00697527-v": "undervalue, underestimate: assign too low a value to",
            "00673254-v": "underestimate, underrate: make too low an estimate of",
        },
        "verbnet": [],
        "exclude": {
            "minimize": "'minimised the losses' reduces an amount (a causal verb), it does not judge a view",
            "minimise": "'minimised the losses' reduces an amount (a causal verb), it does not judge a view",
        },
        "example": "Older accounts underestimated the importance of the drought as a cause of the revolt.",
        "note": "'underestimated (the importance of) X as a cause of Y': X -> Y, stated by the author (OEWN, see source)",
    },
    {
        "id": "weight-nouns-wordnet", "kind": "weight_noun", "pos": "n", "depth": 0, "max_rank": 3,
        "seeds": {
            "05175788-n": "importance: the quality of being important and worthy of note",
            "05177340-n": "significance: the quality of being significant",
            "00721817-n": "function, office, part, role: the actions and activities assigned to or expected of",
        },
        "verbnet": [],
        "exclude": {
            "office": "a room or a post",
            "function": "a mathematical or social function more often than a causal part",
        },
        "example": "Earlier writers overstated the role of the steam engine as the trigger of industrialisation.",
        "note": "'the role / importance / significance of X as the cause of Y' is said of X (OEWN, see source)",
    },
    {
        "id": "relational-nouns-wordnet", "kind": "relational_noun", "pos": "n", "depth": 0, "max_rank": 3,
        "seeds": {
            "00173531-n": "means, agency, way: the ability to produce a particular effect or achieve an end",
            "13374873-n": "means, substance: considerable capital (wealth or income)",
            "14566833-n": "menace, threat: something that is a source of danger",
            "14564646-n": "danger: a cause of pain or injury or loss",
            "05182994-n": "access: the right to obtain or make use of something",
            "05183715-n": "access, admission: the right to enter",
            "05698074-n": "obstacle, obstruction: something immaterial that stands in the way",
            "14472592-n": "need, demand: a condition requiring relief",
            "05901258-n": "requirement, demand: required activity",
            "09390888-n": "need, want: anything that is necessary but lacking",
            "05210665-n": "capacity: capability to perform or produce ('the capacity of the state to feed the cities')",
            "05207437-n": "ability: the quality of being able to perform",
            "15137796-n": "time period, period: an amount of time ('a period of unrest')",
            "15230328-n": "century: a period of 100 years ('a century of emigration')",
            "15229779-n": "decade: a period of 10 years",
            "15273375-n": "era, epoch: a period marked by distinctive character",
            "15278839-n": "historic period, age: an era of history having some distinctive feature",
        },
        "verbnet": [],
        "exclude": {
            "way": "'the way' is a manner ('the way trade grew'); its complement is a clause, not a phrase",
            "agency": "a body or an office more often than a means",
            "years": "'years of drought' is read through its complement already (a transparent plural)",
        },
        "example": "The fall in prices reduced the means available for imports.",
        "note": "a noun whose sense needs its complement: the concept name keeps the complement (OEWN, see source)",
    },
]

_SOURCE_WN = "Open English WordNet (d94538a)"


def load_synsets(yaml_dir: Path) -> dict[str, dict]:
    """Every noun, verb and adjective synset of OEWN: id -> record (members, hypernym, similar, ...)."""
    synsets: dict[str, dict] = {}
    for path in sorted(glob.glob(os.fspath(yaml_dir / "*.yaml"))):
        if os.path.basename(path).startswith(("noun.", "verb.", "adj.")):
            synsets.update(parse_yaml_synsets(path))
    return synsets


def load_sense_ranks(yaml_dir: Path) -> dict[tuple[str, str], dict[str, int]]:
    """(lemma, part of speech) -> {synset id: 0-based rank among the lemma's senses of that part of speech}.

    Adjective satellites (``s``) count as adjectives (``a``).
    """
    ranks: dict[tuple[str, str], dict[str, int]] = {}
    for path in sorted(glob.glob(os.fspath(yaml_dir / "entries-*.yaml"))):
        for lemma, by_pos in parse_yaml_entries(path).items():
            for pos, record in by_pos.items():
                key = (lemma, "a" if pos == "s" else pos)
                found = ranks.setdefault(key, {})
                for synset in record.get("synsets", []):
                    found.setdefault(synset, len(found))
    return ranks


def verbnet_members(verbnet_dir: Path, classes: list[str]) -> set[str]:
    """The one-word members of the named VerbNet classes (and their subclasses)."""
    found: set[str] = set()
    for name in classes:
        root = ET.parse(verbnet_dir / f"{name}.xml").getroot()
        found |= {m.get("name") for m in root.iter("MEMBER") if m.get("name") and "_" not in m.get("name")}
    return found


def derive(resources: Path) -> list[dict]:
    """The entries of :data:`CLASSES`, each with its words and source."""
    yaml_dir = resources / "open-english-wordnet" / "src" / "yaml"
    synsets = load_synsets(yaml_dir)
    ranks = load_sense_ranks(yaml_dir)
    entries = []
    for spec in CLASSES:
        keep = hyponym_closure(spec["seeds"], synsets, spec["depth"])
        words: set[str] = set()
        for key in keep:
            for member in synsets[key]["members"]:
                rank = ranks.get((member, spec["pos"]), {}).get(key)
                if " " in member or "-" in member or not member.islower() or rank is None or rank >= spec["max_rank"]:
                    continue
                words.add(member)
        if spec["verbnet"]:
            words |= verbnet_members(resources / "verbnet3.4", spec["verbnet"])
        words -= set(spec["exclude"])
        source = (f"{_SOURCE_WN}: members of {', '.join(sorted(spec['seeds']))} and their hyponyms (depth <= "
                  f"{spec['depth']}), the sense among the lemma's first {spec['max_rank']}; left out: "
                  + "; ".join(f"{w} ({why})" for w, why in sorted(spec["exclude"].items())))
        if spec["verbnet"]:
            source += "; VerbNet 3.4 classes " + ", ".join(spec["verbnet"])
        entries.append({"id": spec["id"], "kind": spec["kind"], "words": sorted(words), "example": spec["example"],
                        "note": f"{spec['note']}. Source: {source}"})
    return entries


def main() -> None:
    args = word_list_args(__doc__.splitlines()[0], "stance_words.jsonl")
    entries = derive(args.resources)
    write_jsonl(args.out, entries)
    for entry in entries:
        print(f"{entry['id']}: {len(entry['words'])} words: {' '.join(entry['words'])}")


if __name__ == "__main__":
    main()
