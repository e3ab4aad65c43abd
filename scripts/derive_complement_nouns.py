"""Derive the nouns that take an infinitive or a prepositional complement from VerbNet and Open English WordNet.

    python scripts/derive_complement_nouns.py --resources ../shared/resources

writes ``models/complement_nouns.jsonl``: lexicon entries (schema of
``models/lexicon.jsonl``, read by :func:`argmine.nlp.rules.load_lexicon`):

- one of kind ``infinitive_complement_noun``: nouns whose infinitive states
  what the noun is ("a plan to close the mint", "a promise to pay", "an
  attempt to cross the river"), not what an agent acted for. A purpose
  reading of such an infinitive right after the noun is wrong ("made a vow to
  repair the bridge": the repair is what was vowed, not why the vow was made);
- one of kind ``relational_noun`` per preposition (its ``value``): nouns whose
  sense needs a complement of that preposition to name a concept
  ("dependence on foreign grain", "commitment to free trade", "confidence in
  the currency", "demand for labour"); the concept name keeps it
  (:mod:`argmine.extraction.concepts`). See :func:`derive_prepositional`.

Method
------
1. Open English WordNet: the verb senses whose ``subcat`` frames include a
   subject-controlled infinitive, ``via-to-inf`` ("Somebody ----s to
   INFINITIVE") or ``via-inf`` ("promise", "swear", "vow", "refuse", "attempt",
   "plan"); a frame belongs to one sense, so "swear" (curse) is not taken.
2. The nouns of those senses' ``derivation`` and ``event`` links whose synset
   is in an abstract lexicographer file (act, communication, cognition,
   motive, state) and is among that noun's first ``MAX_RANK`` senses
   ("refuse" -> "refusal", "attempt" -> "attempt", "promise" -> "promise").

(VerbNet 3.4 marks a subject-controlled infinitive, ``sc_to_inf``, in only 13
classes and lacks "promise", "swear", "refuse", so it is not used.)

Prepositional complements (:func:`derive_prepositional`) come from two
sources: (a) the verb's frames: a VerbNet 3.4 member whose class (or a class
above it) has a frame with a prepositional phrase of a listed preposition
(``<PREP value="on">``: "rely on", "depend on", "contribute X to", "invest
in") passes it to the abstract nouns of its WordNet senses' ``derivation``
links and their synonyms ("depend%2:31:00" -> "dependency" -> its synset's
"dependence"); (b) the noun's own usage: a member of a noun synset of
feeling, cognition, state, attribute, act or relation whose OEWN definition
or examples write the member followed by the preposition ("confidence in our
team", "an interest in music", "enthusiasm for his program"). Both keep the
noun sense among the lemma's first ``MAX_RANK`` noun senses.

Source: Open English WordNet (globalwordnet/english-wordnet, d94538ad0df3d7a4c77837bde6af69d7a6592c32),
CC BY 4.0 and the WordNet licence. See ``models/ATTRIBUTION.md``.
"""
from __future__ import annotations

import functools
import glob
import json
import os
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from derive_causal_lexicon import word_list_args, write_jsonl  # noqa: E402

#: the abstract lexicographer files whose nouns can have a content an infinitive states
ABSTRACT = ("act", "communication", "cognition", "motive", "state")
#: a noun sense is kept when it is among the lemma's first MAX_RANK noun senses (WordNet frequency order)
MAX_RANK = 2
#: OEWN's subject-controlled infinitive frames (src/yaml/frames.yaml)
INFINITIVE_FRAMES = {"via-to-inf", "via-inf"}
#: nouns left out, each with the reason
EXCLUDE = {
    "stop": "a halt on a journey: in 'made a stop to take on water' the infinitive is what the halt was for",
    "help": "aid sent: in 'sent help to relieve the town' the infinitive is what the aid was for",
    "acquaintance": "a person known, from 'get to know'; no content an infinitive states",
    "usage": "from 'used to' (a habit), not an intent",
}
WORD = re.compile(r"^[a-z]+$")


@dataclass
class _WordNet:
    """What both derivations read of Open English WordNet's YAML source, read once per run."""

    lexfile_of: dict[str, str] = field(default_factory=dict)       # noun synset id -> lexicographer file
    synsets: dict[str, dict] = field(default_factory=dict)         # noun synset id -> its YAML record
    sense_synset: dict[str, str] = field(default_factory=dict)     # sense id -> synset id
    sense_lemma: dict[str, str] = field(default_factory=dict)      # sense id -> lemma
    noun_rank: dict[tuple[str, str], int] = field(default_factory=dict)  # (noun, synset) -> sense number
    verb_senses: list[tuple[str, dict]] = field(default_factory=list)    # (verb lemma, sense), file order


@functools.cache
def _wordnet(resources: Path) -> _WordNet:
    source = resources / "open-english-wordnet" / "src" / "yaml"
    wn = _WordNet()
    for path in sorted(glob.glob(str(source / "noun.*.yaml"))):
        lexfile = Path(path).name[len("noun."):-len(".yaml")]
        for sid, data in yaml.load(open(path, encoding="utf-8"), Loader=yaml.CSafeLoader).items():
            wn.lexfile_of[sid], wn.synsets[sid] = lexfile, data
    for path in sorted(glob.glob(str(source / "entries-*.yaml"))):
        for lemma, by_pos in yaml.load(open(path, encoding="utf-8"), Loader=yaml.CSafeLoader).items():
            lemma = str(lemma)
            for pos, entry in by_pos.items():
                for number, sense in enumerate(entry.get("sense", [])):
                    wn.sense_synset[sense["id"]], wn.sense_lemma[sense["id"]] = sense["synset"], lemma
                    if pos == "n":
                        wn.noun_rank.setdefault((lemma, sense["synset"]), number)
                    elif pos == "v":
                        wn.verb_senses.append((lemma, sense))
    return wn


def derive(resources: Path) -> dict:
    wn = _wordnet(resources)
    lexfile_of, sense_synset, sense_lemma, noun_rank = wn.lexfile_of, wn.sense_synset, wn.sense_lemma, wn.noun_rank
    verb_senses = [(lemma, sense) for lemma, sense in wn.verb_senses if INFINITIVE_FRAMES & set(sense.get("subcat", []))]

    def kept(noun: str, sid: str) -> bool:
        return bool(WORD.match(noun)) and lexfile_of.get(sid) in ABSTRACT and noun_rank.get((noun, sid), MAX_RANK) < MAX_RANK

    words: dict[str, str] = {}
    for verb, sense in verb_senses:
        for target in list(sense.get("derivation", [])) + list(sense.get("event", [])):
            noun, sid = sense_lemma.get(target, ""), sense_synset.get(target, "")
            if kept(noun, sid) and noun not in EXCLUDE:
                words.setdefault(noun, f"{verb} ({sense['id']})")
    return {
        "id": "infinitive-complement-nouns", "kind": "infinitive_complement_noun", "words": sorted(words),
        "example": "The guild made a vow to repair the bridge.",
        "note": "a noun whose infinitive states its content, not a purpose. Source: Open English WordNet (d94538a): "
                "the abstract nouns (lexfiles " + ", ".join(ABSTRACT) + f"; among the noun's first {MAX_RANK} senses) "
                "derived from verb senses with a 'via-to-inf' or 'via-inf' frame; scripts/derive_complement_nouns.py. "
                "From: " + "; ".join(f"{w} <- {v}" for w, v in sorted(words.items())) + ". Left out: "
                + "; ".join(f"{w} ({why})" for w, why in sorted(EXCLUDE.items())),
    }


#: the prepositions a relational noun's complement may take (not "of", which every noun's name keeps already)
PREPOSITIONS = ("to", "in", "on", "for", "with", "from", "against", "towards", "toward", "over")
#: the lexicographer files whose nouns' usage is read for an "in" complement: feelings, attitudes and states
#: ("confidence in", "interest in", "faith in"); an act or an attribute "in" a place is a location ("violence in
#: the streets", "a fall in the north")
IN_FILES = ("feeling", "cognition", "state")
#: the lexicographer files whose definitions' genus passes its complement to the members ("faith: complete
#: confidence in a person"); not states, whose definitions place an ailment ("pain in the joints")
GENUS_FILES = ("feeling", "cognition")
#: VerbNet roles of a frame's prepositional object that complete the verb's sense, hence its noun's ("depend on
#: X": Theme; "object to X": Topic; "react to X": Stimulus; "adhere to X": Co-Theme; "commit X to Y": Goal);
#: places, paths, instruments, sources and recipients are circumstances ("travel to", "hit with", "send to")
COMPLEMENT_ROLES = {"Theme", "Topic", "Stimulus", "Co-Theme", "Goal", "Attribute", "Co-Agent"}
#: the lexicographer files of nouns that can name a relation, a feeling or an attitude (not communication:
#: "a telegram to X" names a message; not act gerunds, see below)
RELATIONAL_FILES = ("act", "state", "feeling", "cognition", "attribute", "relation", "motive")
#: relational nouns left out, each with the reason
EXCLUDE_RELATIONAL = {
    "change": "'change in X' names the changed thing through the nominal rules already ('rise in wages')",
    "increase": "read through its 'in' complement already (nominal_subject_prep)",
    "decrease": "read through its 'in' complement already (nominal_subject_prep)",
    "work": "'work on the farms' is a place more often than a complement",
    "action": "'action in the colonies' is a place more often than a complement",
    "service": "'service in the army' is a place more often than a complement",
    "life": "'life in the towns' is a place",
    "place": "a place, not a relation",
}


def _children(element: ET.Element, tag: str) -> list[ET.Element]:
    """The children of ``element``'s first ``tag`` child (none when it has no such child)."""
    found = element.find(tag)
    return list(found) if found is not None else []


def _frame_preps(frame: ET.Element) -> set[str]:
    """The listed prepositions of ``frame``'s syntax whose object is no circumstance role."""
    found: set[str] = set()
    parts = _children(frame, "SYNTAX")
    for n, part in enumerate(parts):
        if part.tag != "PREP" or not part.get("value"):
            continue
        role = next((p.get("value") for p in parts[n + 1:] if p.tag == "NP"), "")
        if role not in COMPLEMENT_ROLES:
            continue
        found |= {p for p in re.split(r"[ |]+", part.get("value", "")) if p in PREPOSITIONS}
    return found


def verbnet_preps(verbnet: Path) -> dict[str, set[str]]:
    """WordNet sense key (``lemma%2:...``) of a VerbNet member -> the prepositions of its class's frames (and of
    the classes above it)."""
    out: dict[str, set[str]] = {}

    def walk(cls: ET.Element, inherited: set[str]) -> None:
        preps = set(inherited)
        for frame in _children(cls, "FRAMES"):
            preps |= _frame_preps(frame)
        for member in _children(cls, "MEMBERS"):
            for key in (member.get("wn") or "").split():
                out.setdefault(key.lstrip("?"), set()).update(preps)
        for sub in _children(cls, "SUBCLASSES"):
            walk(sub, preps)

    for path in sorted(glob.glob(str(verbnet / "*.xml"))):
        walk(ET.parse(path).getroot(), set())
    return out


def _cue_nouns(models: Path) -> list[str]:
    """The lemmas of the noun frames of ``models/causal_cues.jsonl`` and the words of kind ``weight_noun``."""
    found: list[str] = []
    for line in open(models / "causal_cues.jsonl", encoding="utf-8"):
        rule = json.loads(line)
        if rule.get("frame") in ("noun", "copula_noun"):
            found += rule.get("lemmas", [])
    for line in open(models / "stance_words.jsonl", encoding="utf-8"):
        entry = json.loads(line)
        if entry.get("kind") == "weight_noun":
            found += entry["words"]
    return found


def _connective_complements(models: Path) -> set[tuple[str, str]]:
    """(noun, preposition) pairs whose phrase a connective cue of ``models/causal_cues.jsonl`` reads as the cause:
    a one-word ``connective_prep`` cue ("against", "over", "from") and the nouns of the lexicon kinds it attaches
    to ("a protest against the tithe": the tithe -> the protest; "deaths from hunger"), from every lexicon file
    of ``models/``. The concept name leaves such a phrase out: it is the link's other end."""
    kinds: dict[str, set[str]] = {}
    for path in sorted(models.glob("*.jsonl")):
        if path.name == "complement_nouns.jsonl":
            continue  # this script's own output
        for line in open(path, encoding="utf-8"):
            entry = json.loads(line)
            if "kind" in entry and "words" in entry:
                kinds.setdefault(entry["kind"], set()).update(entry["words"])
    found: set[tuple[str, str]] = set()
    for line in open(models / "causal_cues.jsonl", encoding="utf-8"):
        rule = json.loads(line)
        if rule.get("frame") != "connective_prep":
            continue
        for prep in rule.get("lemmas", []):
            if prep in PREPOSITIONS:
                found |= {(noun, prep) for kind in rule.get("attach", []) for noun in kinds.get(kind, ())}
    return found


def derive_prepositional(resources: Path) -> list[dict]:
    """One ``relational_noun`` entry per preposition: the nouns whose concept name keeps a complement of it."""
    wn = _wordnet(resources)
    lexfile_of, synsets, sense_synset, sense_lemma, noun_rank = (
        wn.lexfile_of, wn.synsets, wn.sense_synset, wn.sense_lemma, wn.noun_rank)
    verb_sense = {sense["id"].split("::")[0]: sense for _, sense in wn.verb_senses}

    def kept(noun: str, sid: str) -> bool:
        if noun in cue_nouns:
            return False
        # an -ing noun names the act itself ("kicking", "pushing"), whose complement is the verb's object
        return (bool(WORD.match(noun)) and lexfile_of.get(sid) in RELATIONAL_FILES and not noun.endswith("ing")
                and noun_rank.get((noun, sid), MAX_RANK) < MAX_RANK and noun not in EXCLUDE_RELATIONAL)

    # the nouns of a causal cue ("a factor in Y", "the cause of Y", "a response to Y": models/causal_cues.jsonl)
    # and of weight ("the role of X in Y"): their complement is a link's end, not part of a concept's name
    cue_nouns = set(_cue_nouns(Path(__file__).resolve().parent.parent / "models"))
    connective = _connective_complements(Path(__file__).resolve().parent.parent / "models")
    why: dict[tuple[str, str], str] = {}
    # (a) VerbNet frames -> the nouns derived from the member's WordNet senses, and their synonyms
    for key, preps in sorted(verbnet_preps(resources / "verbnet3.4").items()):
        sense = verb_sense.get(key) if preps else None
        if sense is None:
            continue
        for target in sense.get("derivation", []):
            sid = sense_synset.get(target, "")
            for noun in synsets.get(sid, {}).get("members", []):
                if kept(str(noun), sid):
                    for prep in preps:
                        why.setdefault((str(noun), prep), f"VerbNet {key}")
    # (b) the noun's own usage in its synset's definition and examples, or the definition's genus with a
    # complement ("faith: complete confidence in a person")
    for sid, data in synsets.items():
        definition = " ".join(str(d) for d in data.get("definition", [])).lower()
        texts = [definition] + [e if isinstance(e, str) else str(e.get("text", "")) for e in data.get("example", [])]
        text = " ".join(texts).lower()
        genus = re.match(r"^(?:\S+ ){0,4}?[a-z]+ \(?(" + "|".join(PREPOSITIONS) + r") (?:someone|something|a|an|the|one|oneself|people|persons?)\b",
                         definition)
        for noun in data.get("members", []):
            noun = str(noun)
            if not kept(noun, sid):
                continue
            for prep in PREPOSITIONS:
                if prep == "in" and lexfile_of[sid] not in IN_FILES:
                    continue
                if re.search(rf"\b{re.escape(noun)}s? \(?{prep}\b", text) or (
                        genus and genus.group(1) == prep and lexfile_of[sid] in GENUS_FILES):
                    why.setdefault((noun, prep), f"OEWN {sid}")
    entries = []
    for prep in PREPOSITIONS:
        words = sorted(n for n, p in why if p == prep and (n, p) not in connective)
        if not words:
            continue
        entries.append({
            "id": f"relational-nouns-{prep}", "kind": "relational_noun", "value": prep, "words": words,
            "example": EXAMPLES[prep],
            "note": f"a noun whose concept name keeps its '{prep}' complement. Source: VerbNet 3.4 (ae8e9cf) frames "
                    f"with a '{prep}' phrase, through Open English WordNet (d94538a) derivation links, and OEWN "
                    f"definitions and examples writing the noun before '{prep}'; the noun sense among its first "
                    f"{MAX_RANK}; scripts/derive_complement_nouns.py. From: "
                    + "; ".join(f"{n} <- {why[(n, prep)]}" for n in words) + ". Left out: "
                    + "; ".join(f"{w} ({r})" for w, r in sorted(EXCLUDE_RELATIONAL.items()))
                    + "; the nouns of causal cues and of weight (models/causal_cues.jsonl, kind weight_noun), whose "
                      "complement is a link's end; the nouns a connective cue of this preposition attaches to ('a "
                      "protest against X': X is the cause)",
        })
    return entries


#: example sentences of ours, one per preposition (tests/test_rules.py reads every example)
EXAMPLES = {
    "on": "The dependence of the towns on foreign grain caused famine.",
    "to": "The commitment of the cabinet to free trade ruined the farmers.",
    "in": "Confidence in the currency collapsed after the war.",
    "for": "Hope for a better harvest kept the villagers on the land.",
    "with": "The war with Spain emptied the treasury.",
    "from": "The escape of the garrison from the siege saved the province.",
    "against": "Protection against the plague cost the city dearly.",
    "towards": "The hostility of the towns towards the bishop grew.",
    "toward": "The bias of the chroniclers toward the crown distorts the record.",
    "over": "Venetian control over the spice trade enriched the lagoon.",
}


def main() -> None:
    args = word_list_args(__doc__.splitlines()[0], "complement_nouns.jsonl", resources_required=True)
    entry = derive(args.resources)
    relational = derive_prepositional(args.resources)
    write_jsonl(args.out, [entry] + relational)
    print(f"{len(entry['words'])} nouns -> {args.out}")
    for rel in relational:
        print(f"{rel['id']}: {len(rel['words'])} nouns: {' '.join(rel['words'])}")


if __name__ == "__main__":
    main()
