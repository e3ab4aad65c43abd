"""Derive argmine's verbs that say where a cause lies ("the roots of X lay in Y") from Open English WordNet.

    python scripts/derive_locative_copulas.py --resources ../shared/resources

writes ``models/locative_copulas.jsonl``: one lexicon entry (the schema of
``models/lexicon.jsonl``, read by :func:`argmine.nlp.rules.load_lexicon`) of
kind ``locative_copula``: the verbs that, with a complement in "in", join a
noun of cause to what it names, as a copula does ("the cause of the revolt lay
in the salt tax" says what "the salt tax was the cause of the revolt" says).

Method
------
The single-word members of the OEWN verb synset ``02659476-v`` ("originate
(in)": dwell, consist, lie, lie in). argmine reads them only as the verb of a
subject noun of a ``copula_noun`` cue rule with a preposition "in"
(:func:`argmine.nlp.syntax.copula_partner`).

Source: Open English WordNet (globalwordnet/english-wordnet, commit
d94538ad0df3d7a4c77837bde6af69d7a6592c32), read with the readers of
``scripts/derive_causal_lexicon.py`` (standard library only); see
``models/ATTRIBUTION.md``.
"""
from __future__ import annotations

import glob
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from derive_causal_lexicon import OEWN_COMMIT, parse_yaml_synsets, word_list_args, write_jsonl  # noqa: E402

#: The OEWN synset of "originate (in)": "the problems dwell in the social injustices".
SYNSET = "02659476-v"


def derive(resources: Path) -> dict:
    yaml_dir = resources / "open-english-wordnet" / "src" / "yaml"
    synsets: dict[str, dict] = {}
    for path in sorted(glob.glob(os.fspath(yaml_dir / "verb.*.yaml"))):
        synsets.update(parse_yaml_synsets(path))
    words = sorted(m for m in synsets[SYNSET]["members"] if re.fullmatch(r"[a-z]+", m))
    return {"id": "locative-copulas", "kind": "locative_copula", "words": words,
            "example": "The roots of the revolt lay in the new salt tax.",
            "note": f"verbs joining a noun of cause to what it names through 'in'; the single-word members of Open "
                    f"English WordNet ({OEWN_COMMIT[:7]}) {SYNSET} 'originate (in)' (scripts/derive_locative_copulas.py)"}


def main() -> None:
    args = word_list_args(__doc__.splitlines()[0], "locative_copulas.jsonl")
    entry = derive(args.resources)
    write_jsonl(args.out, [entry])
    print(f"{entry['id']}: {entry['words']}")


if __name__ == "__main__":
    main()
