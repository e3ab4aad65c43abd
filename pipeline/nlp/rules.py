"""Loading argmine's rule files from ``models/``.

A rule file is JSON Lines: one rule per line, each with an ``example`` sentence
that the rule must match (checked by ``tests/test_rules.py``). The loader
rejects unknown and missing keys with the file and line number, and a rule
round-trips: ``rule.to_json()`` gives back the record that was read.

The word lists of every stage are one :class:`Lexicon` (``models/lexicon.jsonl``
with the WordNet noun classes of ``models/noun_classes.jsonl``), loaded once by
:func:`load_lexicon`; the components' ``lexicon_path`` names another lexicon
file, recorded on each ``Doc`` (:func:`record_lexicon`) so that extraction,
concept naming, anaphora and factuality read the same one.

>>> cues = load_cue_rules()
>>> any("cause" in rule.lemmas for rule in cues)
True

Size: about 530 lines: one typed record and strict loader per rule file
(cues, claims, lexicon, noun classes) and the :class:`Lexicon`, which belong
together because they share the validator.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, fields, replace
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from threading import RLock
from typing import Callable, Iterator, Literal, TypeVar, get_args, get_origin, get_type_hints

from ..errors import LexiconMismatchError, RuleFileError

_View = TypeVar("_View")

__all__ = [
    "CueRule",
    "LexiconRule",
    "Lexicon",
    "lexicon_of",
    "record_lexicon",
    "LEXICON_KEY",
    "PACKAGED_KINDS",
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
    "unit_condition", "degree_effort", "between_noun", "degree_result",
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
      (contributory) condition of Y (:func:`argmine.nlp.nominal.necessary_condition`).

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
    ``eventive_cause``: the cause must itself name an event or a condition
    (as ``event_effect`` asks of the effect): "the governor used the famine to
    justify a levy", not "the cook used a ladle to stir the soup" (an
    instrument).
    ``actor_target``: a person, a group or a named organisation, place or
    people after the cue is the act's target, not its cause: "shouted slogans
    against the governor", "a march against the company" give no link;
    "protested against the governor's decree" (an act) does.
    ``needs_object`` (``verb_prep``): only with a direct object or in the
    passive ("X turned Y into Z", not "Y turned into Z").
    ``actor_event_effect``: when the cause is a person, a group or a named
    organisation, place or people, the effect must name an event or a
    condition: "the guild created a monopoly" or "the rebels caused a famine"
    stay links, "the cartographer created an atlas" or "the workshop's masters
    produced a new altarpiece" are a maker and the thing made (production, not
    causation). A pronoun cause is not judged.
    ``event_end``: at least one end must name an event or a condition (as
    ``event_effect`` asks): "the mill produced cloth", "the mint was producing
    coins" are a thing making a thing (production); "the drought produced a
    famine" and "the new press produced a wave of pamphlets" are links.
    ``nominalized_effect`` (``verb``): the effect is named by the cue verb's
    nominalization of the object ("weakened the crown" -> "weakening of crown").
    ``keeps_infinitive`` (``verb``): the verb frame reads the verb even with an
    infinitive complement, which for other verbs is the causative frame's
    "led X to do" ("relief prevented the riot, to the council's relief").
    ``object_pp`` (``verb``): the verb has no prepositional argument (VerbNet
    engender-27.1: frames NP V NP and NP V S only), so a prepositional phrase
    right after its object, headed by a preposition of lexicon kind
    ``object_pp_prep`` and not naming a time, is part of the effect even where
    the parser hangs it on the verb: "caused hardship among the weavers",
    "provoked resentment in the towns".
    ``intransitive`` (``verb_prep``): the frame takes no direct object
    (VerbNet result-27.2: NP V PP only); with one the verb is in another
    sense and the rule gives no link ("wanted to end slavery in the colonies"
    is not the outcome frame of "the war ended in a stalemate").
    ``bare_verb`` (``verb_prep``): the verb takes no particle; with one it is a
    phrasal verb of another sense ("the smoke came up from the valley", "prices
    came down from their peak" are motion, not "the unrest came from the tithe").
    ``state_result`` (``verb_prep``): the result phrase must not be a thing
    (an artifact, a substance, an animal or a plant: ``concrete_noun``
    values ``artifact`` and ``thing``): "the levies drove the peasants into
    debt", "debt forced the king into exile" and "the siege turned the town
    into a garrison" are causes; "threw a stone into the window" and
    "converted the barn into a studio" move or remake a thing.
    ``level_cause`` (``participle``): the main clause tells a change of level:
    its verb goes up or down (lexicon kind ``level_verb``, derived from VerbNet
    and WordNet) or it states a figure ("shares traded up 20 cents,
    hitting 41 dollars"; "prices rose by a third, leaving X without bread").
    ``nominal_attach`` (``connective_prep`` with ``attach``): the word the
    phrase hangs on (or, for ``cause_attach``, its object) may also be a noun
    derived in WordNet from a verb of those kinds ("the evacuation after the
    eruption": evacuate is a reaction; "following the killing of X").
    ``judged_target`` (``connective_prep`` with ``attach``): the phrase may also
    hang on another verb when its object is a gerund clause and the verb has a
    person, group or name before the phrase, as its object or the object of a
    preposition ("targeted the women for wearing X", "shouted slogans at them
    for visiting X"): the gerund is the act the person is treated so for.
    ``account_cause``: the cause must not be a text, a work or an idea (a
    noun whose first WordNet sense is in ``noun.communication`` or
    ``noun.cognition``, lexicon kind ``account_noun``): "the preamble explains
    the purpose", "the theory explained the anomaly" give an account, not a
    cause; "the collapse of the trade explains the poverty" is one.
    - ``counterfactual``: a counterfactual conditional with no causal word
      ("Had X happened, Y would never have begun"; "If X had happened,
      Y would have ..."): the condition is the cause, the consequent the
      effect; :mod:`argmine.extraction.factuality` reads it as hypothetical, and
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
    - ``unit_condition``: a finding across units ("Y was higher in regions
      where X", "colonies that did X were more Y"): the units' condition X is a
      contributory cause of Y (``lemmas`` are the unit nouns).
    - ``degree_effort``: "X did little / nothing to V" (negative) and "X did
      much to V" (contributory): ``object`` names the degree words.
    - ``between_noun``: "a link / connection between X and Y", an associative
      link between two event nouns.
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
    ``fronted`` (``connective_mark``): only when the subordinate clause comes
    before its main clause ("With prices rising, the towns rioted"; not "the
    regiment marched north, with the cavalry leading", an accompaniment).
    ``purpose_modal`` (``connective_mark``): the subordinate clause is a
    purpose, an intention (strength ``motive``), when it has a modal verb (Penn
    tag ``MD``) and no comma sets it off ("cut rents so that tenants would
    stay"): like every motive, the purpose is then the cause of the act and
    ``reverse`` does not apply; otherwise it tells a result, read as the rule
    says ("the rains failed for three years, so that the granaries were empty").
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
    eventive_cause: bool = False
    actor_target: bool = False
    actor_event_effect: bool = False
    event_end: bool = False
    nominalized_effect: bool = False
    keeps_infinitive: bool = False
    object_pp: bool = False
    intransitive: bool = False
    bare_verb: bool = False
    fronted: bool = False
    state_result: bool = False
    account_cause: bool = False
    level_cause: bool = False
    nominal_attach: bool = False
    judged_target: bool = False
    purpose_modal: bool = False

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
    ``conclusion`` (type rules): the unit concludes its paragraph ("all of
    these factors ..."), and the premises of the paragraph support it.
    """

    id: str
    sets: Literal["type", "asserted_by", "relation"]
    value: str
    patterns: tuple[str, ...]
    example: str
    priority: int = 0
    note: str = ""
    conclusion: bool = False

    def to_json(self) -> dict:
        out = {"id": self.id, "sets": self.sets, "value": self.value,
               "patterns": list(self.patterns), "example": self.example}
        if self.priority:
            out["priority"] = self.priority
        if self.conclusion:
            out["conclusion"] = True
        if self.note:
            out["note"] = self.note
        return out


_REQUIRED_CUE = {"id", "frame", "lemmas", "example", "cause", "effect"}


def _as_json(value):
    return list(value) if isinstance(value, tuple) else value


def rules_dir() -> Path:
    """The folder holding the rule files (the installed ``argmine.lexicon`` package)."""
    return Path(str(resources.files("argmine.lexicon")))


def _check_value(key: str, value, hint) -> str:
    """Why ``value`` does not fit the field type ``hint`` ('' when it does)."""
    if get_origin(hint) is Literal:
        return "" if value in get_args(hint) else f"{key!r} must be one of {list(get_args(hint))}, not {value!r}"
    if hint is bool:
        return "" if isinstance(value, bool) else f"{key!r} must be true or false, not {value!r}"
    if hint is int:
        return "" if isinstance(value, int) and not isinstance(value, bool) else f"{key!r} must be an integer, not {value!r}"
    if hint is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return "" if ok else f"{key!r} must be a number, not {value!r}"
    if hint is str:
        return "" if isinstance(value, str) else f"{key!r} must be a string, not {value!r}"
    return ""


def read_rule_file(path: Path, record_type: type, required: set[str]) -> list:
    """Read one JSONL rule file into ``record_type`` records, strictly.

    Raises :class:`RuleFileError` (file and line) on invalid JSON, an unknown
    or missing key, a duplicate id, or a value of the wrong type (a flag that
    is not ``true``/``false``, a value outside a field's allowed set).
    """
    allowed = {f.name for f in fields(record_type)}
    tuple_fields = {f.name for f in fields(record_type) if "tuple" in str(f.type)}
    hints = get_type_hints(record_type)
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
            for key in set(record) - tuple_fields:
                problem = _check_value(key, record[key], hints[key])
                if problem:
                    raise RuleFileError(path, number, problem)
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


def load_noun_classes(path: str | None = None) -> tuple[LexiconRule, ...]:
    """Nouns of persons, groups and concrete things (``models/noun_classes.jsonl``, derived from WordNet).

    The entries of kind ``concrete_noun`` (value ``person``, ``artifact``,
    ``group`` or ``thing``) of :func:`load_lexicon`; the same file's kind
    ``group_noun`` holds the other nouns whose first sense is a group.
    """
    return load_lexicon(nouns_path=path).of_kind("concrete_noun")


class Lexicon:
    """argmine's word lists, loaded once: every stage that reads words reads them here.

    It holds the entries of ``models/lexicon.jsonl`` (closed-class words, verb
    and noun classes, synonyms, nominalizations: :class:`LexiconRule` records)
    and of ``models/noun_classes.jsonl`` (WordNet noun classes). Iterating
    gives every entry in file order. ``source`` names the lexicon file (``""``
    for the packaged one); it is what :func:`record_lexicon` stores on a
    ``Doc`` so that later stages read the same lexicon.

    The stages' own groupings (:class:`argmine.nlp.syntax.WordLists`,
    :class:`argmine.extraction.factuality.FactualityWords`,
    :class:`argmine.extraction.concepts.ConceptWords`) are views made once per lexicon
    with :meth:`view`.

    >>> lexicon = load_lexicon()
    >>> "not" in lexicon.words("negation"), lexicon.words("no_such_kind")
    (True, frozenset())
    >>> lexicon.value_of("ordinal_number", "second")
    '2'
    """

    def __init__(self, entries: tuple[LexiconRule, ...], source: str = "") -> None:
        self.entries = tuple(entries)
        self.source = source
        self._views: dict[Callable, object] = {}
        self._by_value: dict[tuple[str, str], frozenset[str]] = {}
        self._lock = RLock()

    def __iter__(self) -> Iterator[LexiconRule]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __repr__(self) -> str:
        return f"Lexicon({len(self.entries)} entries, source={self.source or 'models/'!r})"

    @cached_property
    def by_kind(self) -> dict[str, frozenset[str]]:
        """Every kind's words (the union of its entries' ``words``)."""
        groups: dict[str, set[str]] = {}
        for rule in self.entries:
            groups.setdefault(rule.kind, set()).update(rule.words)
        return {kind: frozenset(words) for kind, words in groups.items()}

    def words(self, kind: str, value: str | None = None) -> frozenset[str]:
        """The words of ``kind`` (only of entries with ``value`` when given); empty for an unknown kind."""
        if value is None:
            return self.by_kind.get(kind, frozenset())
        found = self._by_value.get((kind, value))
        if found is None:
            found = frozenset(w for rule in self.entries if rule.kind == kind and rule.value == value for w in rule.words)
            self._by_value[(kind, value)] = found
        return found

    def of_kind(self, kind: str) -> tuple[LexiconRule, ...]:
        """The entries of ``kind`` in file order."""
        return tuple(rule for rule in self.entries if rule.kind == kind)

    def value_of(self, kind: str, word: str) -> str:
        """The ``value`` of the first entry of ``kind`` holding ``word`` ('' when none does)."""
        return next((rule.value for rule in self.entries if rule.kind == kind and word in rule.words), "")

    def view(self, make: Callable[["Lexicon"], _View]) -> _View:
        """``make(self)``, computed once per lexicon (a stage's grouping of the words)."""
        with self._lock:
            if make not in self._views:
                self._views[make] = make(self)
            return self._views[make]  # type: ignore[return-value]


@lru_cache(maxsize=None)
def load_lexicon(path: str | None = None, nouns_path: str | None = None) -> Lexicon:
    """The :class:`Lexicon`: ``models/lexicon.jsonl`` (or ``path``), ``models/noun_classes.jsonl`` (or ``nouns_path``)
    and the derived word lists ``models/state_nouns.jsonl`` (nouns of feeling, ailment, account and place,
    ``scripts/derive_result_nouns.py``), ``models/level_verbs.jsonl`` (``scripts/derive_level_verbs.py``),
    ``models/stance_words.jsonl`` (verbs and nouns of disputed claims, cause grades, relational nouns:
    ``scripts/derive_stance_words.py``), ``models/locative_copulas.jsonl`` (verbs of "the roots of X lay in Y":
    ``scripts/derive_locative_copulas.py``) and ``models/complement_nouns.jsonl`` (nouns whose to-infinitive is a
    complement, not a purpose, and nouns whose name keeps a prepositional complement: ``scripts/derive_complement_nouns.py``).

    Loaded once per pair of paths. A missing noun class file leaves the noun
    classes empty. Raises :class:`RuleFileError` on a malformed file or an id
    found in both files, and ``FileNotFoundError`` when ``path`` does not exist.
    """
    file = Path(path) if path else rules_dir() / "lexicon.jsonl"
    entries = read_rule_file(file, LexiconRule, {"id", "kind", "words", "example"})
    nouns = Path(nouns_path) if nouns_path else rules_dir() / "noun_classes.jsonl"
    # WordNet noun classes; nouns of feeling, ailment and account; verbs of a change of level; words of disputed
    # claims, cause grades and relational nouns (scripts/derive_stance_words.py); locative copulas; complement nouns
    for derived in (nouns, rules_dir() / "state_nouns.jsonl", rules_dir() / "level_verbs.jsonl",
                    rules_dir() / "stance_words.jsonl", rules_dir() / "locative_copulas.jsonl",
                    rules_dir() / "complement_nouns.jsonl"):
        if not derived.exists():
            continue
        ids = {rule.id for rule in entries}
        for number, rule in enumerate(read_rule_file(derived, LexiconRule, {"id", "kind", "words", "example"}), start=1):
            if rule.id in ids:
                raise RuleFileError(derived, number, f"id {rule.id!r} is also in {file}")
            entries.append(rule)
    lexicon = Lexicon(tuple(entries), source=str(path or ""))
    if path:
        packaged = load_lexicon(None, nouns_path)
        for kind in PACKAGED_KINDS:
            mine = {(rule.value, rule.words) for rule in lexicon.of_kind(kind)}
            if mine != {(rule.value, rule.words) for rule in packaged.of_kind(kind)}:
                lines = file.read_text(encoding="utf-8").splitlines()
                number = next((n for n, line in enumerate(lines, start=1) if f'"{kind}"' in line), 0)
                raise RuleFileError(file, number, f"kind {kind!r} differs from the packaged models/lexicon.jsonl; the parse "
                                             f"helpers and the cross-document concept merge read it from the packaged "
                                             f"lexicon, so a custom lexicon must keep it as it is")
    return lexicon


#: Lexicon kinds that some stages read from the packaged lexicon only (parse helpers called without a lexicon:
#: :func:`argmine.nlp.syntax.packaged_words`; :func:`argmine.extraction.concepts.merge_concepts` across documents): a
#: custom lexicon that changes one is refused by :func:`load_lexicon`.
PACKAGED_KINDS = ("relative_pronoun", "relative_determiner", "partitive_head", "copula", "being_verb",
                  "so_nonresult_after", "comparison_mark", "singular_demonstrative", "synonym",
                  "split_coordinator", "split_subordinator", "ordinal", "modal", "concessive",
                  "first_person_pronoun", "third_person_pronoun", "demonstrative", "author_work_determiner",
                  "ability_modal", "inability_negator", "comparative_hedge", "ordinal_adverb")


#: The ``Doc.user_data`` key under which argmine's components record the lexicon file they read.
LEXICON_KEY = "argmine_lexicon"


def record_lexicon(doc, lexicon: Lexicon) -> None:
    """Record on ``doc`` (``doc.user_data[LEXICON_KEY]``, a path string) which lexicon its components read.

    Raises :class:`LexiconMismatchError` when another component of the same
    pipeline recorded a different lexicon: every stage must read one lexicon.
    """
    recorded = doc.user_data.get(LEXICON_KEY)
    if recorded is not None and recorded != lexicon.source:
        raise LexiconMismatchError(recorded, lexicon.source)
    doc.user_data[LEXICON_KEY] = lexicon.source


def lexicon_of(doc) -> Lexicon:
    """The lexicon ``doc``'s components read (:func:`record_lexicon`); the packaged one when none is recorded."""
    return load_lexicon(doc.user_data.get(LEXICON_KEY) or None)


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
