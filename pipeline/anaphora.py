"""Anaphora over discourse: what "the movement", "these strains", "such
interaction" and "all of these factors" refer to.

No offline coreference model works with spaCy 3.8 here (see README), so the
rules are argmine's own, on the parse:

- *one-anaphora*: "old ones" -> the nearest earlier plural noun ("tensions");
- *head-noun*: a definite or demonstrative noun phrase whose head (or a
  synonym, or the noun of a nominalized verb) names an earlier concept;
- *apposition*: "Stakhanovism, the movement of model workers" makes the later
  "the movement" refer to Stakhanovism;
- *summary*: "such interaction", "all of these factors", "these developments"
  with no matching earlier head sum up the effects stated earlier in the same
  paragraph;
- anything else is left unresolved rather than guessed.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .concepts import ConceptName, Lexicon, lexicon, name_token

__all__ = ["Mention", "Antecedent", "Resolver", "anaphor_kind"]

_DEMONSTRATIVES = {"this", "these", "that", "those", "such"}
_PRONOUNS = {"it", "they", "this", "these", "that", "those", "them"}


@dataclass(frozen=True)
class Mention:
    """A noun phrase of the document that a later anaphor may point to."""

    token: int
    sentence: int
    paragraph: int
    name: ConceptName
    text: str
    role: str = ""  # "cause", "effect" or "" for other noun phrases
    header: bool = False  # effect of an enumeration header ("had effects on Y")


@dataclass(frozen=True)
class Antecedent:
    """The result of resolving one anaphor."""

    names: tuple[str, ...]
    mentions: tuple[str, ...]
    reason: str
    keep_own: bool  # the anaphor names a concept of its own as well ("interaction within enterprises")


def _determiners(token: Token) -> set[str]:
    found = {c.lower_ for c in token.children if c.dep_ in ("det", "amod", "predet") and c.lower_ in _DEMONSTRATIVES}
    return found


def anaphor_kind(token: Token, lex: Lexicon, earlier_lemmas: set[str]) -> str:
    """How a cause or effect head refers: "", "one", "pronoun", "demonstrative", "definite", "summary".

    ``token`` is the raw head of the argument (before transparent nouns).
    """
    if token.lower_ in ("ones", "one") and any(c.dep_ == "amod" for c in token.children):
        return "one"
    if token.pos_ in ("PRON", "DET") and token.lower_ in ("all", "each", "both", "most", "some"):
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None:
            inner = anaphor_kind(pobj, lex, earlier_lemmas)
            return "summary" if inner in ("demonstrative", "summary") and pobj.lemma_ in lex.summary else inner
        if token.lower_ == "all" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in ("these", "this", "those"):
            return "summary"
    if token.pos_ == "PRON" and token.lower_ in _PRONOUNS:
        return "pronoun"
    chain = [token]
    if token.lemma_ in lex.transparent:
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None:
            chain.append(pobj)
    for link in chain:
        if _determiners(link):
            return "demonstrative"
    if token.pos_ == "PROPN":
        return ""  # a proper name names itself
    if any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) and token.lemma_.lower() in earlier_lemmas:
        return "definite"
    return ""


class Resolver:
    """Resolve the anaphoric ends of a document's causal links."""

    def __init__(self, doc: Doc, mentions: list[Mention]):
        self.doc = doc
        self.lex = lexicon()
        self.mentions = sorted(mentions, key=lambda m: m.token)
        self.aliases = self._appositions()
        #: token index -> the concept name an earlier resolution gave it
        self.resolved: dict[int, str] = {}

    def _appositions(self) -> dict[int, Mention]:
        """"X, the N of ..." : the head N stands for the proper name X before it."""
        aliases: dict[int, Mention] = {}
        by_token = {m.token: m for m in self.mentions}
        for chunk in self.doc.noun_chunks:
            if chunk.start < 2 or chunk[0].lower_ != "the":
                continue
            comma = self.doc[chunk.start - 1]
            before = self.doc[chunk.start - 2]
            if comma.text != "," or before.pos_ != "PROPN":
                continue
            target = by_token.get(before.i) or Mention(before.i, 0, 0, name_token(before), before.text)
            aliases[chunk.root.i] = target
        for token in self.doc:
            if token.dep_ == "appos" and token.head.pos_ == "PROPN":
                target = by_token.get(token.head.i) or Mention(token.head.i, 0, 0, name_token(token.head), token.head.text)
                aliases[token.i] = target
        return aliases

    def earlier_lemmas(self, before: int) -> set[str]:
        return {self.doc[m.token].lemma_.lower() for m in self.mentions if m.token < before}

    def resolve(self, raw: Token, name: ConceptName, sentence: int, paragraph: int) -> tuple[str, Antecedent | None]:
        """The anaphor kind of an argument head and, if it refers back, what to."""
        kind = anaphor_kind(raw, self.lex, self.earlier_lemmas(raw.i))
        if not kind:
            return "", None
        if kind == "one":
            return kind, self._one(raw)
        if kind == "summary":
            return kind, self._summary(raw, name, sentence, paragraph)
        if kind == "pronoun":
            if raw.lower_ in ("this", "these", "that", "those"):
                return kind, self._summary(raw, name, sentence, paragraph, previous_only=True)
            return kind, None
        found = self._by_head(raw, name)
        if found is not None:
            return kind, found
        if kind == "demonstrative" and name.head_lemma in self.lex.summary:
            return "summary", self._summary(raw, name, sentence, paragraph)
        if kind == "demonstrative" and self.doc[name.head].lemma_ in self.lex.summary:
            return "summary", self._summary(raw, name, sentence, paragraph)
        return kind, None

    def _one(self, raw: Token) -> Antecedent | None:
        for mention in reversed(self.mentions):
            token = self.doc[mention.token]
            if mention.token >= raw.i or token.tag_ not in ("NNS", "NNPS") or token.lower_ in ("ones",):
                continue
            if raw.sent.start - token.sent.start > 0 and token.sent != self.doc[raw.sent.start - 1].sent:
                break
            return Antecedent((self._named(mention),), (mention.text,), "one-anaphora", keep_own=False)
        return None

    def _named(self, mention: Mention) -> str:
        if mention.token in self.resolved:
            return self.resolved[mention.token]
        alias = self.aliases.get(mention.token)
        return alias.name.name if alias is not None else mention.name.name

    def _by_head(self, raw: Token, name: ConceptName) -> Antecedent | None:
        lemma = name.head_lemma
        for mention in reversed(self.mentions):
            if mention.token >= raw.i:
                continue
            token = self.doc[mention.token]
            candidates = {mention.name.head_lemma, self.lex.synonym(token.lemma_.lower())}
            nominal = self.lex.nominal_of.get(self.doc[mention.name.head].lemma_.lower()) if self.doc[mention.name.head].pos_ == "VERB" else None
            if nominal:
                candidates.add(self.lex.synonym(nominal.split()[0]))
            candidates |= {self.lex.synonym(w) for w in mention.name.key.split()[:1]}
            if lemma not in candidates:
                continue
            alias = self.aliases.get(mention.token)
            if alias is not None:
                return Antecedent((alias.name.name,), (f"{alias.text}, {mention.text}",), "apposition", keep_own=False)
            if mention.token in self.resolved:
                return Antecedent((self.resolved[mention.token],), (mention.text,), "head-noun (chained)", keep_own=False)
            named = self.doc[mention.name.head]
            anaphor_lemma = self.doc[name.head].lemma_.lower()
            if named.pos_ == "VERB" and nominal and self.lex.synonym(nominal.split()[0]) == lemma:
                reason = "head-noun (nominalization)"
            elif named.lemma_.lower() == anaphor_lemma:
                reason = "head-noun"
            else:
                reason = "synonym"
            return Antecedent((mention.name.name,), (mention.text,), reason, keep_own=False)
        return None

    def _summary(self, raw: Token, name: ConceptName, sentence: int, paragraph: int,
                 previous_only: bool = False) -> Antecedent | None:
        own_sentence = {self._named(m) for m in self.mentions if m.sentence == sentence}
        chosen: list[Mention] = []
        names: list[str] = []
        for mention in self.mentions:
            if mention.role != "effect" or mention.header or mention.paragraph != paragraph:
                continue
            if mention.sentence >= sentence or (previous_only and mention.sentence != sentence - 1):
                continue
            named = self._named(mention)
            if named in own_sentence or named in names:
                continue
            chosen.append(mention)
            names.append(named)
        if not chosen:
            return None
        # "such interaction within enterprises" still names a concept of its own;
        # "all of these factors" does not
        keep_own = raw.pos_ not in ("PRON", "DET") and (
            name.head_lemma not in self.lex.summary or len(name.name.split()) > 1)
        return Antecedent(tuple(names), tuple(m.text for m in chosen), "summary", keep_own=keep_own)
