#!/usr/bin/env python3
"""Derive argmine's event-noun data from Open English WordNet: ``models/wordnet_events.json.gz``.

    python scripts/derive_wordnet_events.py ../shared/resources/open-english-wordnet/src/yaml \
        --commit d94538ad0df3d7a4c77837bde6af69d7a6592c32

Reads the OEWN YAML sources (``entries-*.yaml`` for lemmas, senses and their
``derivation`` links; ``noun.*.yaml`` for synsets, members and hypernyms) and
writes, deterministically (sorted keys, WordNet order inside lists):

- ``nominal``: verb lemma -> the nouns derived from it whose sense is an
  abstract noun (an act, event, state, process, phenomenon, attribute,
  feeling, cognition, communication, possession or relation), WordNet's
  sense order first ("refuse" -> ["refusal"], "close" -> ["closure", ...]);
- ``adjective_nominal``: adjective lemma -> derived abstract nouns
  ("scarce" -> ["scarcity", ...]);
- ``synsets``: the abstract-noun synsets as ``[members, hypernym indices]``
  (lower-case members, multi-word ones too, indices into this same list), so that the
  run time can tell a synonym (same synset) or a hypernym (an ancestor) of a
  noun ("pestilence" = "plague"; "epidemic" is an ancestor of "plague");
- ``event_nouns``: nouns whose first sense is an act, event, state,
  process, phenomenon or attribute (what "this X" may use to sum up a whole clause);

The nouns whose first sense is a group ("nobility", "elite"), which a plural
pronoun may refer to, are noun classes: ``models/noun_classes.jsonl`` (kinds
``concrete_noun`` value ``group`` and ``group_noun``), written by
``scripts/derive_causal_lexicon.py``.

Only single-word lower-case lemmas are kept. Licence: CC BY 4.0 (Open English
WordNet) and the WordNet 3.0 licence (Princeton University); the output
records both, with the source commit.
"""
from __future__ import annotations

import argparse
import glob
import gzip
import json
import os
import re

import yaml

try:
    Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    Loader = yaml.SafeLoader

ABSTRACT = ("act", "event", "state", "process", "phenomenon", "attribute", "feeling", "cognition",
            "communication", "possession", "relation")
EVENTISH = ("act", "event", "state", "process", "phenomenon", "attribute")
WORD = re.compile(r"^[a-z][a-z-]*[a-z]$")
PHRASE = re.compile(r"^[a-z][a-z -]*[a-z]$")  # synset members: lower-case words, multi-word ones too


def _load(path: str):
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=Loader)


def derive(source: str, commit: str) -> dict:
    lexfile_of: dict[str, str] = {}
    synsets: dict[str, dict] = {}
    for path in sorted(glob.glob(os.path.join(source, "noun.*.yaml"))):
        lexfile = os.path.basename(path)[len("noun."):-len(".yaml")]
        for sid, data in _load(path).items():
            lexfile_of[sid] = lexfile
            synsets[sid] = data
    sense_synset: dict[str, str] = {}
    sense_lemma: dict[str, str] = {}
    verb_senses: list[tuple[str, dict]] = []
    adj_senses: list[tuple[str, dict]] = []
    noun_first: dict[str, str] = {}
    for path in sorted(glob.glob(os.path.join(source, "entries-*.yaml"))):
        for lemma, by_pos in _load(path).items():
            lemma = str(lemma)
            for pos, entry in by_pos.items():
                for number, sense in enumerate(entry.get("sense", [])):
                    sense_synset[sense["id"]] = sense["synset"]
                    sense_lemma[sense["id"]] = lemma
                    if pos == "v":
                        verb_senses.append((lemma, sense))
                    elif pos in ("a", "s"):
                        adj_senses.append((lemma, sense))
                    elif pos == "n" and number == 0:
                        noun_first[lemma] = sense["synset"]

    def abstract_nouns(senses):
        out: dict[str, list[str]] = {}
        for lemma, sense in senses:
            if not WORD.match(lemma):
                continue
            for target in sense.get("derivation", []):
                noun = sense_lemma.get(target, "")
                synset = sense_synset.get(target, "")
                if (synset.endswith("-n") and lexfile_of.get(synset) in ABSTRACT and WORD.match(noun)
                        and noun not in out.setdefault(lemma, [])):
                    out[lemma].append(noun)
        return {k: v for k, v in sorted(out.items()) if v}

    kept = [sid for sid in sorted(synsets) if lexfile_of[sid] in ABSTRACT]
    index = {sid: n for n, sid in enumerate(kept)}
    table = []
    for sid in kept:
        members = [str(m) for m in synsets[sid].get("members", []) if PHRASE.match(str(m))]
        hypernyms = [index[h] for h in synsets[sid].get("hypernym", []) if h in index]
        table.append([members, hypernyms])
    events = sorted(n for n, sid in noun_first.items() if WORD.match(n) and lexfile_of.get(sid) in EVENTISH)
    return {
        "source": "Open English WordNet (globalwordnet/english-wordnet), src/yaml",
        "commit": commit,
        "licence": "CC BY 4.0 (Open English WordNet) and the WordNet 3.0 licence (Princeton University); "
                   "derived by scripts/derive_wordnet_events.py",
        "attribution": "Princeton WordNet 3.0 (Fellbaum 1998); McCrae et al., Open English WordNet",
        "nominal": abstract_nouns(verb_senses),
        "adjective_nominal": abstract_nouns(adj_senses),
        "event_nouns": events,
        "synsets": table,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", help="the OEWN src/yaml folder")
    parser.add_argument("--commit", required=True, help="the OEWN commit the folder was taken from")
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "models", "wordnet_events.json.gz"))
    args = parser.parse_args()
    data = derive(args.source, args.commit)
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    with open(args.out, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as handle:
        handle.write(text.encode("utf-8"))  # mtime 0 and no file name: the same bytes on every run
    print(f"{args.out}: {len(data['nominal'])} verbs, {len(data['adjective_nominal'])} adjectives, "
          f"{len(data['event_nouns'])} event nouns, {len(data['synsets'])} synsets")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
