"""Derive the nouns that take an infinitive complement from VerbNet and Open English WordNet.

    python scripts/derive_complement_nouns.py --resources ../shared/resources

writes ``models/complement_nouns.jsonl``: one lexicon entry (schema of
``models/lexicon.jsonl``, read by :func:`argmine.nlp.rules.load_lexicon`) of
kind ``infinitive_complement_noun``: nouns whose infinitive states what the
noun is ("a plan to close the mint", "a promise to pay", "an attempt to
cross the river"), not what an agent acted for. A purpose reading of such an
infinitive right after the noun is wrong ("made a vow to repair the bridge":
the repair is what was vowed, not why the vow was made).

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

Source: Open English WordNet (globalwordnet/english-wordnet, d94538ad0df3d7a4c77837bde6af69d7a6592c32),
CC BY 4.0 and the WordNet licence. See ``models/ATTRIBUTION.md``.
"""
from __future__ import annotations

import glob
import os
import re
import sys
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


def derive(resources: Path) -> dict:
    source = resources / "open-english-wordnet" / "src" / "yaml"
    lexfile_of: dict[str, str] = {}
    synsets: dict[str, dict] = {}
    for path in sorted(glob.glob(str(source / "noun.*.yaml"))):
        lexfile = Path(path).name[len("noun."):-len(".yaml")]
        for sid, data in yaml.load(open(path, encoding="utf-8"), Loader=yaml.CSafeLoader).items():
            lexfile_of[sid], synsets[sid] = lexfile, data
    sense_synset: dict[str, str] = {}
    sense_lemma: dict[str, str] = {}
    noun_rank: dict[tuple[str, str], int] = {}
    verb_senses: list[tuple[str, dict]] = []
    for path in sorted(glob.glob(str(source / "entries-*.yaml"))):
        for lemma, by_pos in yaml.load(open(path, encoding="utf-8"), Loader=yaml.CSafeLoader).items():
            lemma = str(lemma)
            for pos, entry in by_pos.items():
                for number, sense in enumerate(entry.get("sense", [])):
                    sense_synset[sense["id"]], sense_lemma[sense["id"]] = sense["synset"], lemma
                    if pos == "n":
                        noun_rank.setdefault((lemma, sense["synset"]), number)
                    elif pos == "v" and INFINITIVE_FRAMES & set(sense.get("subcat", [])):
                        verb_senses.append((lemma, sense))

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


def main() -> None:
    args = word_list_args(__doc__.splitlines()[0], "complement_nouns.jsonl", resources_required=True)
    entry = derive(args.resources)
    write_jsonl(args.out, [entry])
    print(f"{len(entry['words'])} nouns -> {args.out}")


if __name__ == "__main__":
    main()
