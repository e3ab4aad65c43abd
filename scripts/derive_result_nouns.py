"""Derive argmine's nouns of feeling, of ailment and of account from Open English WordNet.

    python scripts/derive_result_nouns.py --resources ../shared/resources

writes ``models/state_nouns.jsonl``: lexicon entries (the schema of
``models/lexicon.jsonl``, read by :func:`argmine.nlp.rules.load_lexicon`) of these kinds:

- ``feeling_noun``: single-word nouns whose first (most frequent) OEWN noun
  sense is in the lexicographer file ``noun.feeling`` ("grief", "sorrow",
  "frustration", "panic"). A feeling is a reaction: "grief after the death of
  X", "panic from the rumours" name what the feeling answers.
- ``ailment_noun``: single-word nouns whose first noun sense lies below the
  synsets "pathological state" (14075399-n: "a physical condition that is
  caused by disease") or "symptom" (14323139-n), or is one of them:
  illnesses, diseases, injuries and their symptoms ("asthma", "fever",
  "fracture", "rash"). "Illness from the fumes",
  "burns from the blast": what brought the ailment about.

- ``account_noun``: first noun sense in ``noun.communication`` or
  ``noun.cognition`` (a text, work or idea).
- ``place_noun``: first noun sense in ``noun.location``, ``noun.object`` or
  ``noun.body``: regions, landforms and natural objects, parts of the body
  ("valley", "side", "coast", "heel"). A phrase of place that closes a cause
  or effect ("cracks in the valley floor") says where, not what.

Only the first sense counts: a word whose most frequent sense is of another
kind ("pressure", "shock" in its physical sense) is left out. Lower-case words
of letters and inner hyphens only.

Source: Open English WordNet (globalwordnet/english-wordnet, commit
d94538ad0df3d7a4c77837bde6af69d7a6592c32), CC BY 4.0, with Princeton WordNet
3.0 under the WordNet licence. See ``models/ATTRIBUTION.md``. The script reads
OEWN with the YAML readers of ``scripts/derive_causal_lexicon.py`` (standard
library only).
"""
from __future__ import annotations

import glob
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from derive_causal_lexicon import OEWN_COMMIT, parse_yaml_entries, parse_yaml_synsets, word_list_args, write_jsonl  # noqa: E402

#: The roots of the ailments: OEWN "pathological state" (a physical condition caused by disease) and "symptom"
#: (any sensation or change in bodily function experienced by a patient and associated with a disease: fever, pain).
AILMENT_ROOTS = {"14075399-n": "pathological state", "14323139-n": "symptom"}
#: The lexicographer files of texts, works and ideas: what gives an account of something.
ACCOUNT_FILES = ("noun.communication", "noun.cognition")
#: The lexicographer files of places: regions and points in space, natural objects and landforms, parts of the body.
PLACE_FILES = ("noun.location", "noun.object", "noun.body")
#: How many hyponym steps below the root an ailment sense may lie.
AILMENT_DEPTH = 8


def load(yaml_dir: Path) -> tuple[dict[str, dict], dict[str, str], dict[str, list[str]]]:
    """Noun synsets (id -> record), each synset's lexicographer file, and each lemma's noun senses in order."""
    synsets: dict[str, dict] = {}
    lexname: dict[str, str] = {}
    for path in sorted(glob.glob(os.fspath(yaml_dir / "noun.*.yaml"))):
        found = parse_yaml_synsets(path)
        synsets.update(found)
        name = Path(path).name[: -len(".yaml")]
        lexname.update({key: name for key in found})
    senses: dict[str, list[str]] = {}
    for path in sorted(glob.glob(os.fspath(yaml_dir / "entries-*.yaml"))):
        for lemma, by_pos in parse_yaml_entries(path).items():
            noun = by_pos.get("n", {}).get("synsets", [])
            if noun:
                senses[lemma] = noun
    return synsets, lexname, senses


def below(root: str, synsets: dict[str, dict], depth: int) -> set[str]:
    """``root`` and every synset at most ``depth`` hyponym steps below it."""
    children: dict[str, list[str]] = {}
    for key, record in synsets.items():
        for parent in record.get("hypernym", []):
            children.setdefault(parent, []).append(key)
    found, frontier = {root}, {root}
    for _ in range(depth):
        frontier = {c for p in frontier for c in children.get(p, ())} - found
        found |= frontier
    return found


def derive(yaml_dir: Path) -> list[dict]:
    synsets, lexname, senses = load(yaml_dir)
    ailments = set().union(*(below(root, synsets, AILMENT_DEPTH) for root in AILMENT_ROOTS))
    feeling, ailment, account, place = [], [], [], []
    for lemma in sorted(senses):
        if not re.fullmatch(r"[a-z][a-z-]*[a-z]", lemma):
            continue
        first = senses[lemma][0]
        if lexname.get(first) == "noun.feeling":
            feeling.append(lemma)
        if first in ailments:
            ailment.append(lemma)
        if lexname.get(first) in ACCOUNT_FILES:
            account.append(lemma)
        if lexname.get(first) in PLACE_FILES:
            place.append(lemma)
    commit = OEWN_COMMIT[:7]
    return [
        {"id": "feeling-nouns", "kind": "feeling_noun", "words": feeling,
         "example": "Grief after the death of the old king filled the court.",
         "note": "a feeling answers what it follows or comes from ('grief after the death of X', 'panic from the "
                 f"rumours'); Open English WordNet ({commit}): nouns whose first noun sense is in the "
                 "lexicographer file noun.feeling (scripts/derive_result_nouns.py)"},
        {"id": "ailment-nouns", "kind": "ailment_noun", "words": ailment,
         "example": "Fever from the bad water killed many of the soldiers.",
         "note": "an ailment is brought about by what it comes from ('fever from the bad water', 'burns from the "
                 f"blast'); Open English WordNet ({commit}): nouns whose first noun sense is "
                 + " or ".join(f"{key} ({name})" for key, name in AILMENT_ROOTS.items()) + f" or a hyponym at most {AILMENT_DEPTH} steps below it: illnesses, diseases, "
                 "injuries, symptoms (scripts/derive_result_nouns.py)"},
        {"id": "account-nouns", "kind": "account_noun", "words": account,
         "example": "The preamble explains the purpose of the charter.",
         "note": "a text, a work or an idea that 'explains' something gives an account of it, it does not bring it "
                 f"about; Open English WordNet ({commit}): nouns whose first noun sense is in the lexicographer "
                 "files " + " or ".join(ACCOUNT_FILES) + " (scripts/derive_result_nouns.py)"},
        {"id": "place-nouns", "kind": "place_noun", "words": place,
         "example": "The flood left deep cracks in the valley floor.",
         "note": "a phrase of place after a noun ('cracks in the valley', 'a blister on the heel') says where the "
                 "thing is, not what it is, and is left out of a cause or effect span (argmine.nlp.nominal.without_setting); "
                 f"Open English WordNet ({commit}): nouns whose first noun sense is in the lexicographer files "
                 + " or ".join(PLACE_FILES) + " (scripts/derive_result_nouns.py)"},
    ]


def main() -> None:
    args = word_list_args(__doc__.splitlines()[0], "state_nouns.jsonl")
    entries = derive(args.resources / "open-english-wordnet" / "src" / "yaml")
    write_jsonl(args.out, entries)
    for entry in entries:
        print(f"{entry['id']}: {len(entry['words'])} words")


if __name__ == "__main__":
    main()
