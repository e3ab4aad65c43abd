"""Derive argmine's verbs of a change of level from VerbNet and Open English WordNet.

    python scripts/derive_level_verbs.py --resources ../shared/resources

writes ``models/level_verbs.jsonl``: one lexicon entry (the schema of
``models/lexicon.jsonl``, read by :func:`argmine.nlp.rules.load_lexicon`) of kind
``level_verb``: the intransitive verbs by which an amount, a price or a level
goes up or down ("prices rose", "output slumped", "the debt tripled").

Method
------
A verb is kept when it is a single-word member of VerbNet 3.4
``calibratable_cos-45.6.1`` (Patient subject, change_value(Attribute of
Patient): "the price of bread rose"), or when one of its first
``MAX_SENSE_RANK`` OEWN verb senses lies at most ``DEPTH`` hyponym steps below
the synsets ``00156409-v`` (increase: "become bigger or greater in amount")
or ``00151509-v`` (decrease: "decrease in size, extent, or range").

argmine reads the list for the result of a change of level: "prices rose by a
third, leaving many households without bread" (cue rule
``participle-result-level`` in ``models/causal_cues.jsonl``).

Sources: VerbNet 3.4 (cu-clear/verbnet, commit
ae8e9cfdc2c0d3414b748763612f1a0a34194cc1) and Open English WordNet
(globalwordnet/english-wordnet, commit
d94538ad0df3d7a4c77837bde6af69d7a6592c32); see ``models/ATTRIBUTION.md``. The
script reads them with the readers of ``scripts/derive_causal_lexicon.py``
(standard library only).
"""
from __future__ import annotations

import glob
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from derive_causal_lexicon import (  # noqa: E402  the VerbNet and OEWN readers
    OEWN_COMMIT, find_class, load_verbnet, parse_yaml_entries, parse_yaml_synsets, verbnet_members, word_list_args,
    write_jsonl)

#: The VerbNet class of intransitive changes of a scalar value.
VERBNET_CLASS = "calibratable_cos-45.6.1"
#: The OEWN roots: the intransitive "increase" and "decrease" synsets.
ROOTS = {"00156409-v": "increase (become bigger or greater in amount)",
         "00151509-v": "decrease (decrease in size, extent, or range)"}
#: Members left out, with the reason.
EXCLUDED = {"die": "VerbNet's 'die (down, away)' of a sound or a wind; as the verb of death ('he died in 1850, leaving "
                   "a widow') it tells survivors or a bequest, not a level",
            "build": "VerbNet's 'build (up)' of a level; as the verb of making ('copies were built, making it the most "
                     "common rifle') it tells construction"}
#: How far below a root a sense may lie.
DEPTH = 1
#: The sense must be among the lemma's first this many verb senses.
MAX_SENSE_RANK = 3


def derive(resources: Path) -> dict:
    classes = load_verbnet(os.fspath(resources / "verbnet3.4"))
    root, subclass = find_class(classes, VERBNET_CLASS)
    verbnet = {m for m in verbnet_members(root, subclass) if re.fullmatch(r"[a-z]+", m)}
    yaml_dir = resources / "open-english-wordnet" / "src" / "yaml"
    synsets: dict[str, dict] = {}
    for path in sorted(glob.glob(os.fspath(yaml_dir / "verb.*.yaml"))):
        synsets.update(parse_yaml_synsets(path))
    children: dict[str, list[str]] = {}
    for key, record in synsets.items():
        for parent in record.get("hypernym", []):
            children.setdefault(parent, []).append(key)
    keep, frontier = set(ROOTS), set(ROOTS)
    for _ in range(DEPTH):
        frontier = {c for p in frontier for c in children.get(p, ())} - keep
        keep |= frontier
    senses: dict[str, list[str]] = {}
    for path in sorted(glob.glob(os.fspath(yaml_dir / "entries-*.yaml"))):
        for lemma, by_pos in parse_yaml_entries(path).items():
            if by_pos.get("v", {}).get("synsets"):
                senses[lemma] = by_pos["v"]["synsets"]
    wordnet = {lemma for lemma, found in senses.items()
               if re.fullmatch(r"[a-z]+", lemma) and any(s in keep for s in found[:MAX_SENSE_RANK])}
    words = sorted((verbnet | wordnet) - set(EXCLUDED))
    return {"id": "level-verbs", "kind": "level_verb", "words": words,
            "example": "Grain prices rose by a third in one winter, leaving many households without bread.",
            "note": f"an amount, a price or a level going up or down; VerbNet 3.4 {VERBNET_CLASS} members and Open "
                    f"English WordNet ({OEWN_COMMIT[:7]}) verbs one of whose first {MAX_SENSE_RANK} senses lies at "
                    f"most {DEPTH} hyponym steps below " + ", ".join(f"{k} {v}" for k, v in ROOTS.items())
                    + "; less " + ", ".join(sorted(EXCLUDED)) + " (scripts/derive_level_verbs.py)"}


def main() -> None:
    args = word_list_args(__doc__.splitlines()[0], "level_verbs.jsonl")
    entry = derive(args.resources)
    write_jsonl(args.out, [entry])
    print(f"{entry['id']}: {len(entry['words'])} words")


if __name__ == "__main__":
    main()
