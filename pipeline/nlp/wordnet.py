"""Event nouns, nominalizations, synonyms and hypernyms derived from Open English WordNet.

The data file ``models/wordnet_events.json.gz`` is built by
``scripts/derive_wordnet_events.py`` from the Open English WordNet YAML
sources (globalwordnet/english-wordnet; the commit is recorded in the file).
Licence: CC BY 4.0 (Open English WordNet) and the WordNet 3.0 licence
(Princeton University). Nothing here reads outside ``models/``. Noun classes
(persons, groups, concrete things) are in the lexicon
(``models/noun_classes.jsonl``, :func:`argmine.nlp.rules.load_lexicon`).

>>> wn = wordnet()
>>> wn.nominals("refuse")[0], wn.is_event_noun("refusal")
('refusal', True)
>>> wn.relation("pestilence", "plague"), wn.relation("development", "growth"), wn.relation("famine", "war")
('synonym', 'synonym', '')
"""
from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import lru_cache

from .rules import rules_dir

__all__ = ["WordNet", "wordnet", "DATA_FILE"]

DATA_FILE = "wordnet_events.json.gz"
_HYPERNYM_DEPTH = 3


@dataclass(frozen=True, eq=False)
class WordNet:
    """Look-ups over the derived WordNet data (all words lower-case lemmas)."""

    nominal: dict[str, tuple[str, ...]]
    adjective_nominal: dict[str, tuple[str, ...]]
    event_nouns: frozenset[str]
    members: tuple[tuple[str, ...], ...]
    hypernyms: tuple[tuple[int, ...], ...]
    synsets_of: dict[str, tuple[int, ...]]
    commit: str

    def nominals(self, verb: str) -> tuple[str, ...]:
        """Abstract nouns derived from ``verb`` in WordNet's sense order ("close" -> closure, closing, close)."""
        return self.nominal.get(verb, ())

    def adjective_nominals(self, adjective: str) -> tuple[str, ...]:
        return self.adjective_nominal.get(adjective, ())

    def is_event_noun(self, noun: str) -> bool:
        """Whether ``noun`` names an event or state: its first WordNet sense is an act, event, state, process,
        phenomenon or attribute, or it is the nominalization of a verb ("refusal")."""
        return noun in self.event_nouns or noun in self.verb_of

    @property
    def verb_of(self) -> dict[str, str]:
        """Nominalization -> the first verb it is derived from ("refusal" -> "refuse")."""
        return _verb_of(self)

    def ancestors(self, noun: str, depth: int = _HYPERNYM_DEPTH, words: bool = True) -> set[str]:
        """Members of the hypernyms of any abstract sense of ``noun`` up to ``depth`` levels; with ``words``
        the first word of a multi-word member too ("epidemic disease" gives "epidemic")."""
        out: set[str] = set()
        front = list(self.synsets_of.get(noun, ()))
        for _ in range(depth):
            front = [h for s in front for h in self.hypernyms[s]]
            for s in front:
                for member in self.members[s]:
                    out.add(member)
                    if words and " " in member:
                        out.add(member.split()[0])
        return out

    def relation(self, anaphor: str, antecedent: str, depth: int = _HYPERNYM_DEPTH, words: bool = True) -> str:
        """How an anaphor's head noun may name an earlier noun: "synonym", "hypernym" or ""."""
        if not anaphor or not antecedent:
            return ""
        if anaphor == antecedent:
            return "synonym"
        mine = set(self.synsets_of.get(anaphor, ()))
        if mine & set(self.synsets_of.get(antecedent, ())):
            return "synonym"
        if anaphor in self.ancestors(antecedent, depth, words):
            return "hypernym"
        return ""


@lru_cache(maxsize=None)
def _verb_of(data: WordNet) -> dict[str, str]:
    out: dict[str, str] = {}
    for verb, nouns in sorted(data.nominal.items()):
        for noun in nouns:
            out.setdefault(noun, verb)
    return out


@lru_cache(maxsize=None)
def wordnet() -> WordNet:
    """The derived WordNet data, loaded once."""
    with gzip.open(rules_dir() / DATA_FILE, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    members = tuple(tuple(m) for m, _ in data["synsets"])
    hypernyms = tuple(tuple(h) for _, h in data["synsets"])
    synsets_of: dict[str, list[int]] = {}
    for index, words in enumerate(members):
        for word in words:
            synsets_of.setdefault(word, []).append(index)
    return WordNet(
        nominal={k: tuple(v) for k, v in data["nominal"].items()},
        adjective_nominal={k: tuple(v) for k, v in data["adjective_nominal"].items()},
        event_nouns=frozenset(data["event_nouns"]),
        members=members,
        hypernyms=hypernyms,
        synsets_of={k: tuple(v) for k, v in synsets_of.items()},
        commit=data.get("commit", ""),
    )
