"""Loading argmine's rule files from ``models/``.

A rule file is JSON Lines: one rule per line, each with an ``example`` sentence
that the rule must match (checked by ``tests/test_rules.py``). The loader
rejects unknown and missing keys with the file and line number, and a rule
round-trips: ``rule.to_json()`` gives back the record that was read.

>>> cues = load_cue_rules()
>>> any("cause" in rule.lemmas for rule in cues)
True
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

from .errors import RuleFileError

__all__ = [
    "CueRule",
    "LexiconRule",
    "ClaimRule",
    "load_cue_rules",
    "load_lexicon",
    "load_noun_classes",
    "load_claim_rules",
    "rules_dir",
    "rules_version",
    "read_rule_file",
]

Frame = Literal[
    "verb", "verb_prep", "causative", "connective_mark", "connective_prep",
    "connective_adverb", "noun", "copula_noun", "purpose", "participle",
    "resultative", "verb_clause", "counterfactual", "depictive", "necessary_condition",
    "means", "instrument", "way_means", "result_adverb", "lack_means",
]
Direction = Literal["increase", "decrease", ""]


@dataclass(frozen=True)
class CueRule:
    """One causal cue: which words signal it and which argument frame it uses.

    ``frame`` names how cause and effect are found on the parse:

    - ``verb``: subject causes object ("X caused Y"); passive and participle
      forms are read through the agent ("Y, caused by X").
    - ``verb_prep``: a verb with a fixed preposition ("X led to Y"); ``object``
      or ``acomp`` name a fixed noun or adjective ("played a part in",
      "was responsible for"). ``reverse`` puts the effect first ("Y stems from X").
    - ``causative``: "X led Y to do Z": the effect is the object and its clause;
      with ``prep``, also the object and its result phrase ("drove Y into revolt").
    - ``connective_mark``: a subordinator ("because X, Y").
    - ``connective_prep``: a preposition ("Y because of X", "clashes over X").
    - ``connective_adverb``: a discourse adverb linking to the previous clause
      ("X. As a result, Y").
    - ``noun``: a causal noun ("the effects of X on Y", "reactions to X").
    - ``copula_noun``: "X was the cause of Y", "Y was the result of X".
    - ``purpose``: an infinitival purpose clause ("they struck to demand Y").
    - ``participle``: a participial clause of motive ("they marched, demanding Y")
      or, with ``reverse``, of result ("a bomb exploded, killing five").
    - ``resultative``: "X left Y vulnerable (to Z)", "X made Y profitable",
      "X kept Y flowing": the effect is the object with its predicate.
    - ``verb_clause``: "X meant that Y": the subject causes the that-clause.
    - ``necessary_condition``: "Y only when/if/once/where X": X is a necessary
      (contributory) condition of Y (:func:`pipeline.nominal.necessary_condition`).

    ``direction`` says what the cue does to the effect: ``increase`` ("raised
    Y"), ``decrease`` ("reduced Y", "destroyed Y"; still a positive link) or
    ``""``. ``source`` names the lexical resource a derived rule comes from
    (``models/causal_verbs.jsonl``; see ``models/ATTRIBUTION.md``).
    ``abstract_end``: the link does not count when a person or group acts on a
    person, a concrete thing or a named place (``models/noun_classes.jsonl``): "the bishop broke the
    seal" is not a historian's causal link; "the blockade ruined the merchants"
    and "the bishop ruined the chapter's finances" are.
    ``subject_cause`` (``verb_prep``): the subject, not the object, is the
    cause of the prepositional object ("X deprived the city of Y").
    ``experiencer``: the effect must not be a concrete thing (the Experiencer
    of a psych verb: "the levies angered the guilds", not "... the mixture").
    ``abstract_effect``: the effect must not be a person or a concrete thing
    (verbs of creation: "the reforms created a new class", not "... an atlas").
    ``event_effect``: the effect must name an event or a condition (a clause,
    a noun whose first WordNet sense is an act, event, state, process,
    phenomenon or attribute, or a named event): "the siege brought famine",
    not "the envoy brought a letter".
    ``event_cause``: the cause must not be a person, a group or a named
    organisation, place or people: with such a subject the verb tells a deliberate act ("the union
    launched a strike", "the company created a tranche", "the police allowed
    the march"), not a cause ("the crash launched a depression"); nor is a
    change to the subject's own belongings ("the bank doubled its capital").
    ``needs_object`` (``verb_prep``): only with a direct object or in the
    passive ("X turned Y into Z", not "Y turned into Z").
    - ``counterfactual``: a counterfactual conditional with no causal word
      ("Had X happened, Y would never have broken out"; "If X had happened,
      Y would have ..."): the condition is the cause, the consequent the
      effect; :mod:`pipeline.factuality` reads it as hypothetical, and
      negative when the consequent is negated.
    - ``means``: "by/through/via doing X" on a verb: the gerund is the means
      of that verb's end and of its subjectless conjoined verbs' ends.
    - ``instrument``: "needed/used/relied on X to do Y": X -> Y (a motive;
      negative with "lack").
    - ``way_means``: "X was the (only) way to do Y": X -> Y.
    - ``result_adverb``: the scope of "thus"/"thereby" inside a sentence
      ("eroded wages and thus demand": wages -> demand; ", thereby doing Y":
      the governing clause -> Y).
    - ``lack_means``: "X lacked the means / capacity to V" (``object`` names the
      nouns of means): X's want of the means keeps V from happening, a
      negative enabling (polarity negative).
    - ``depictive``: a construction without a cue word (``lemmas`` empty): a
      fronted adjective phrase gives the reason ("Unable to agree, they split").

    ``strength``: ``sufficient`` (the default) where the cue asserts that the
    cause brought the effect about (cause, bring about, result in, lead to,
    produce); ``unspecified`` for plain change-of-state verbs (destroy,
    weaken, reduce, end), which say the cause changed the effect but not that
    it sufficed alone; ``contributory`` for one cause among others;
    ``associative`` for a link without direction of force.
    ``strength`` ``motive`` marks an intention (a purpose clause): what the
    actor meant to bring about, not an achieved effect.

    ``attach`` names lexicon kinds: the cue counts only when the word it hangs
    on is in one of those word lists ("clashes over X": a word of dispute).
    ``cause_attach`` names lexicon kinds that let the cue count as well when
    its cause is such a word ("following the clashes, the curfew was
    extended": a reaction to a disruption, whatever the main clause's words).
    """

    id: str
    frame: Frame
    lemmas: tuple[str, ...]
    example: str
    cause: str
    effect: str
    strength: Literal["sufficient", "unspecified", "contributory", "associative", "motive"] = "sufficient"
    polarity: Literal["positive", "negative"] = "positive"
    prep: tuple[str, ...] = ()
    object: tuple[str, ...] = ()
    acomp: tuple[str, ...] = ()
    reverse: bool = False
    cause_prep: tuple[str, ...] = ()
    effect_prep: tuple[str, ...] = ()
    effect_is_self: bool = False
    attach: tuple[str, ...] = ()
    cause_attach: tuple[str, ...] = ()
    confidence: float = 0.8
    note: str = ""
    direction: Direction = ""
    source: str = ""
    abstract_end: bool = False
    subject_cause: bool = False
    needs_object: bool = False
    experiencer: bool = False
    abstract_effect: bool = False
    event_effect: bool = False
    event_cause: bool = False

    def to_json(self) -> dict:
        record = asdict(self)
        defaults = {f.name: f.default for f in fields(self) if f.default is not f.default_factory}
        out = {}
        for key, value in record.items():
            if isinstance(value, tuple):
                value = list(value)
            if key in defaults and key not in _REQUIRED_CUE and value == _as_json(defaults[key]):
                continue
            out[key] = value
        return out


@dataclass(frozen=True)
class LexiconRule:
    """A word list entry: a group of words that behave alike.

    Used for synonyms ("tension" ~ "strain"), nominalizations ("criticize" ->
    "criticism"), transparent nouns ("a wave of X" is about X), summary nouns
    ("all of these factors"), hedges and reporting words.
    """

    id: str
    kind: str
    words: tuple[str, ...]
    example: str
    value: str = ""
    note: str = ""

    def to_json(self) -> dict:
        out = {"id": self.id, "kind": self.kind, "words": list(self.words), "example": self.example}
        if self.value:
            out["value"] = self.value
        if self.note:
            out["note"] = self.note
        return out


@dataclass(frozen=True)
class ClaimRule:
    """A rule typing or attributing an argumentative unit.

    ``pattern`` is a lower-case phrase (tokens separated by spaces, ``*`` for
    any one word) searched in the unit; ``sets`` says what it decides:
    ``type`` (thesis, claim, premise, background, meta), ``asserted_by``
    (author, cited, actor), ``relation`` (support, contrast).
    """

    id: str
    sets: Literal["type", "asserted_by", "relation"]
    value: str
    patterns: tuple[str, ...]
    example: str
    priority: int = 0
    note: str = ""

    def to_json(self) -> dict:
        out = {"id": self.id, "sets": self.sets, "value": self.value,
               "patterns": list(self.patterns), "example": self.example}
        if self.priority:
            out["priority"] = self.priority
        if self.note:
            out["note"] = self.note
        return out


_REQUIRED_CUE = {"id", "frame", "lemmas", "example", "cause", "effect"}


def _as_json(value):
    return list(value) if isinstance(value, tuple) else value


def rules_dir() -> Path:
    """The folder holding the rule files (the installed ``argmine_models`` package)."""
    return Path(str(resources.files("argmine_models")))


def read_rule_file(path: Path, record_type: type, required: set[str]) -> list:
    """Read one JSONL rule file into ``record_type`` records, strictly."""
    allowed = {f.name for f in fields(record_type)}
    tuple_fields = {f.name for f in fields(record_type) if "tuple" in str(f.type)}
    rules = []
    seen: dict[str, int] = {}
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise RuleFileError(path, number, f"not valid JSON ({error.msg})") from None
            if not isinstance(record, dict):
                raise RuleFileError(path, number, "expected a JSON object")
            unknown = set(record) - allowed
            if unknown:
                raise RuleFileError(path, number, f"unknown keys {sorted(unknown)}; expected some of {sorted(allowed)}")
            missing = required - set(record)
            if missing:
                raise RuleFileError(path, number, f"missing keys {sorted(missing)}")
            if record["id"] in seen:
                raise RuleFileError(path, number, f"duplicate id {record['id']!r} (first on line {seen[record['id']]})")
            seen[record["id"]] = number
            for key in tuple_fields & set(record):
                value = record[key]
                if isinstance(value, str):
                    value = [value]
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    raise RuleFileError(path, number, f"{key!r} must be a string or a list of strings")
                record[key] = tuple(value)
            try:
                rules.append(record_type(**record))
            except TypeError as error:
                raise RuleFileError(path, number, str(error)) from None
    return rules


@lru_cache(maxsize=None)
def load_cue_rules(path: str | None = None, verbs_path: str | None = None,
                   nouns_path: str | None = None) -> tuple[CueRule, ...]:
    """The causal cue lexicon: the hand rules and the derived verb and noun classes.

    ``path`` replaces the hand rules (default ``models/causal_cues.jsonl``);
    ``verbs_path`` the derived verbs (default ``models/causal_verbs.jsonl``,
    built by ``scripts/derive_causal_lexicon.py``) and ``nouns_path`` the
    derived nouns (default ``models/causal_nouns.jsonl``, built by
    ``scripts/derive_causal_nouns.py``); ``""`` leaves a derived file out.
    Hand rules win: a derived rule whose id a hand rule has is left out, and
    so is a derived lemma that a hand rule of the same frame reads. Raises
    :class:`RuleFileError` on a malformed file.
    """
    file = Path(path) if path else rules_dir() / "causal_cues.jsonl"
    hand = read_rule_file(file, CueRule, _REQUIRED_CUE)
    ids = {rule.id for rule in hand}
    taken = {(rule.frame, lemma) for rule in hand for lemma in rule.lemmas}
    derived = []
    for given, default in ((verbs_path, "causal_verbs.jsonl"), (nouns_path, "causal_nouns.jsonl")):
        if given == "":
            continue
        derived_file = Path(given) if given else rules_dir() / default
        if not derived_file.exists():
            continue
        for rule in read_rule_file(derived_file, CueRule, _REQUIRED_CUE):
            lemmas = tuple(lemma for lemma in rule.lemmas if (rule.frame, lemma) not in taken)
            if rule.id in ids or not lemmas:
                continue
            derived.append(rule if lemmas == rule.lemmas else replace(rule, lemmas=lemmas))
    return tuple(hand) + tuple(derived)


@lru_cache(maxsize=None)
def load_noun_classes(path: str | None = None) -> tuple[LexiconRule, ...]:
    """Nouns of persons and concrete things (``models/noun_classes.jsonl``, derived from WordNet).

    Each entry has kind ``concrete_noun`` and value ``person``, ``artifact`` or
    ``thing``; empty when the file is absent.
    """
    file = Path(path) if path else rules_dir() / "noun_classes.jsonl"
    if not file.exists():
        return ()
    return tuple(read_rule_file(file, LexiconRule, {"id", "kind", "words", "example"}))


@lru_cache(maxsize=None)
def load_lexicon(path: str | None = None) -> tuple[LexiconRule, ...]:
    """The word lists (``models/lexicon.jsonl``)."""
    file = Path(path) if path else rules_dir() / "lexicon.jsonl"
    return tuple(read_rule_file(file, LexiconRule, {"id", "kind", "words", "example"}))


@lru_cache(maxsize=None)
def load_claim_rules(path: str | None = None) -> tuple[ClaimRule, ...]:
    """The claim typing and attribution rules (``models/claim_rules.jsonl``)."""
    file = Path(path) if path else rules_dir() / "claim_rules.jsonl"
    return tuple(read_rule_file(file, ClaimRule, {"id", "sets", "value", "patterns", "example"}))


def rules_version() -> str:
    """A short hash of every rule file, for cache keys and provenance."""
    digest = hashlib.sha256()
    for file in sorted(rules_dir().glob("*.jsonl")):
        digest.update(file.name.encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()[:12]
