"""Anaphora over discourse: what "the movement", "these strains", "such
interaction", "all of these factors" and "it" refer to.

No offline coreference model works with spaCy 3.8 here (see README), so the
rules are argmine's own, on the parse. Each resolution keeps its reason:

- *one-anaphora*: "old ones" -> the nearest earlier plural noun ("tensions");
- *head-noun*, *synonym*, *nominalization*: a definite or demonstrative noun
  phrase whose head (or a synonym of it, or the noun of an earlier verb or
  adjective: "to criticize" -> "this wave of criticism", "suspicious" ->
  "this suspicion") names an earlier concept, and whose other words all
  occur in that concept ("the fall of Beijing" does not refer back to "tax
  receipts fell");
- *apposition*: "Stakhanovism, the movement of model workers" makes a later
  "the movement" refer to Stakhanovism;
- *pronoun*: "it", "its", "they" -> an earlier noun phrase of the same
  number: the subject of a coordinated clause first ("X was triggered by Y,
  and it sparked Z"), then the nearest in the sentence, then the subjects
  and noun phrases of the sentences before; "X and its Y" -> X; "itself" ->
  the subject of its clause;
- *coordination*: "these three calamities" -> the latest coordination of
  three noun phrases;
- *summary*: "such interaction", "all of these factors", "these
  developments" with no matching earlier head sum up the effects stated
  earlier in the same paragraph; at the start of a paragraph, the effects
  the previous paragraph ended on (those that cause nothing further there);
- anything else is left unresolved rather than guessed.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .concepts import ConceptName, Lexicon, lexicon, name_token

__all__ = ["Mention", "Antecedent", "Found", "Resolver", "anaphor_kind"]

_DEMONSTRATIVES = {"this", "these", "that", "those", "such"}
_PRONOUNS = {"it", "its", "itself", "they", "them", "their", "themselves", "this", "these", "that", "those"}
_PLURAL_PRONOUNS = {"they", "them", "their", "themselves", "these", "those"}
_QUANTIFIERS = ("all", "each", "both", "most", "some")
_NOUNS = ("NOUN", "PROPN")
_SUBJECTS = ("nsubj", "nsubjpass")
_SEARCH_BACK = 2  # sentences before the anaphor's own that pronouns and nominalizations search


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
    also_cause: bool = False  # an effect that is the cause of another link as well


@dataclass(frozen=True)
class Antecedent:
    """The result of resolving one anaphor."""

    names: tuple[str, ...]
    mentions: tuple[str, ...]
    reason: str
    keep_own: bool  # the anaphor names a concept of its own as well ("interaction within enterprises")


@dataclass(frozen=True)
class Found:
    """One anaphoric mention of a document: where it is, its kind, and what it refers to."""

    token: int
    span: tuple[int, int]  # token offsets of the whole mention
    kind: str
    antecedent: Antecedent | None


def _determiners(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in ("det", "amod", "predet") and c.lower_ in _DEMONSTRATIVES}


def _nominal(token: Token) -> bool:
    """A noun, or a gerund used as one ("the rising")."""
    return token.pos_ in _NOUNS or (token.tag_ == "VBG" and any(c.dep_ == "det" for c in token.children))


def _is_relative(token: Token) -> bool:
    return token.tag_ in ("WDT", "WP", "WP$")


def _is_expletive(token: Token) -> bool:
    """"it" in "it is possible that ...", "it seems that ..."."""
    head = token.head
    return (token.lower_ == "it" and token.dep_ in _SUBJECTS and head.lemma_ in ("be", "seem", "appear", "remain", "happen")
            and any(c.dep_ in ("ccomp", "xcomp", "csubj") and c.i > token.i for c in head.children))


def anaphor_kind(token: Token, lex: Lexicon, earlier_lemmas: set[str]) -> str:
    """How a noun phrase head refers: "", "one", "pronoun", "demonstrative", "definite", "summary".

    ``token`` is the raw head of the phrase (before transparent nouns).
    """
    if (token.lower_ in ("ones", "one") and token.tag_ in ("NN", "NNS")
            and any(c.dep_ == "amod" and c.pos_ == "ADJ" and c.lower_ not in ("more", "less") for c in token.children)):
        return "one"
    if token.pos_ in ("PRON", "DET") and token.lower_ in _QUANTIFIERS:
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None:
            inner = anaphor_kind(pobj, lex, earlier_lemmas)
            return "summary" if inner in ("demonstrative", "summary") and pobj.lemma_ in lex.summary else inner
        if token.lower_ == "all" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in ("these", "this", "those"):
            return "summary"
    if token.pos_ in ("PRON", "DET") and token.lower_ in _PRONOUNS and token.dep_ not in ("det",):
        if _is_relative(token) or _is_expletive(token) or any(
                c.dep_ in ("relcl", "acl", "prep", "amod") for c in token.children):
            return ""  # "which", "it is possible that", "those who left", "that of the state" do not refer back
        return "pronoun"
    if token.lemma_.lower() in lex.self_reference:
        return ""  # "this chapter" points at the text, not at a concept
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
    """Resolve the anaphoric noun phrases and pronouns of a document."""

    def __init__(self, doc: Doc, mentions: list[Mention]):
        self.doc = doc
        self.lex = lexicon()
        self.mentions = sorted(mentions, key=lambda m: m.token)
        self.by_token = {m.token: m for m in self.mentions}
        self.sentences = list(doc.sents)
        self.sentence_of = {t.i: n for n, s in enumerate(self.sentences) for t in s}
        self.aliases = self._appositions()
        #: head lemma (and synonym of the token lemma) -> mentions with it, in text order
        self.by_lemma: dict[str, list[Mention]] = {}
        for mention in self.mentions:
            for lemma in {mention.name.head_lemma, self.lex.synonym(doc[mention.token].lemma_.lower())}:
                self.by_lemma.setdefault(lemma, []).append(mention)
        #: token index -> the concept name an earlier resolution gave it
        self.resolved: dict[int, str] = {}

    # -- the whole document ---------------------------------------------------------

    def resolve_document(self, ends: dict[int, tuple[ConceptName, tuple[int, int]]],
                         paragraph_of: list[int]) -> dict[int, Found]:
        """Resolve, in text order, every link end in ``ends`` and every other anaphoric phrase.

        ``ends`` maps the raw head token of each cause or effect to its name
        and token span. Returns the anaphoric mentions by head token; earlier
        resolutions feed later ones ("the movement" ... "the movement").
        """
        candidates: dict[int, tuple[ConceptName | None, tuple[int, int]]] = dict(ends)
        covered = {t.i for index in ends for t in self._naming_chain(self.doc[index])}
        for chunk in self.doc.noun_chunks:
            root = chunk.root
            if root.i not in candidates and root.i not in covered and root.pos_ != "PRON":
                candidates[root.i] = (None, (chunk.start, chunk.end))
        for token in self.doc:
            if (token.pos_ == "PRON" and token.lower_ in _PRONOUNS and token.i not in candidates
                    and token.i not in covered and token.dep_ != "det"):
                candidates[token.i] = (None, (token.i, token.i + 1))
        found: dict[int, Found] = {}
        for index in sorted(candidates):
            name, span = candidates[index]
            raw = self.doc[index]
            name = name or (self.by_token[index].name if index in self.by_token else name_token(raw))
            sentence = self.sentence_of[index]
            kind, antecedent = self.resolve(raw, name, sentence, paragraph_of[sentence])
            if not kind:
                continue
            if antecedent is not None and len(antecedent.names) == 1 and not antecedent.keep_own:
                self.resolved[index] = antecedent.names[0]
            found[index] = Found(index, span, kind, antecedent)
        return found

    def _naming_chain(self, raw: Token) -> list[Token]:
        """The tokens a link end is named through: "All" -> "factors" in "All of these factors"."""
        chain = [raw]
        while chain[-1].lower_ in _QUANTIFIERS or chain[-1].lemma_.lower() in self.lex.transparent:
            of = next((c for c in chain[-1].children if c.dep_ == "prep" and c.lower_ == "of"), None)
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if pobj is None:
                break
            chain.append(pobj)
        return chain

    def resolve(self, raw: Token, name: ConceptName, sentence: int, paragraph: int) -> tuple[str, Antecedent | None]:
        """The anaphor kind of a phrase head and, if it refers back, what to."""
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
            return kind, self._pronoun(raw)
        found = self._by_head(raw, name)
        if found is not None:
            return kind, found
        if kind == "demonstrative":
            number = next((c for c in self.doc[name.head].children if c.dep_ == "nummod" and c.like_num), None)
            if number is not None:
                return kind, self._coordination(raw, number)
            found = self._nominalization(raw, name)
            if found is not None:
                return kind, found
            if name.head_lemma in self.lex.summary or self.doc[name.head].lemma_ in self.lex.summary:
                return "summary", self._summary(raw, name, sentence, paragraph)
        return kind, None

    def earlier_lemmas(self, before: int) -> set[str]:
        """Lemmas of the mentions before token ``before`` (grown incrementally for calls in text order)."""
        if not hasattr(self, "_lemmas") or before < self._lemmas_upto:
            self._lemmas, self._lemmas_upto, self._lemmas_next = set(), 0, 0
        while self._lemmas_next < len(self.mentions) and self.mentions[self._lemmas_next].token < before:
            self._lemmas.add(self.doc[self.mentions[self._lemmas_next].token].lemma_.lower())
            self._lemmas_next += 1
        self._lemmas_upto = before
        return self._lemmas

    # -- naming -----------------------------------------------------------------------

    def _appositions(self) -> dict[int, Mention]:
        """"X, the N of ..." : the head N stands for the proper name X before it."""
        aliases: dict[int, Mention] = {}
        for chunk in self.doc.noun_chunks:
            if chunk.start < 2 or chunk[0].lower_ != "the":
                continue
            comma = self.doc[chunk.start - 1]
            before = self.doc[chunk.start - 2]
            if comma.text != "," or before.pos_ != "PROPN":
                continue
            aliases[chunk.root.i] = self._mention_at(before)
        for token in self.doc:
            if token.dep_ == "appos" and token.head.pos_ == "PROPN":
                aliases[token.i] = self._mention_at(token.head)
        return aliases

    def _mention_at(self, token: Token) -> Mention:
        if token.i in self.by_token:
            return self.by_token[token.i]
        sentence = self.sentence_of.get(token.i, 0)
        return Mention(token.i, sentence, 0, name_token(token), token.text)

    def _named(self, mention: Mention) -> str:
        if mention.token in self.resolved:
            return self.resolved[mention.token]
        alias = self.aliases.get(mention.token)
        return alias.name.name if alias is not None else mention.name.name

    def _single(self, mention: Mention, reason: str, text: str | None = None) -> Antecedent:
        alias = self.aliases.get(mention.token)
        if alias is not None and mention.token not in self.resolved:
            return Antecedent((alias.name.name,), (f"{alias.text}, {mention.text}",), "apposition", keep_own=False)
        text = text or mention.text
        if mention.token in self.resolved:
            reason = f"{reason} (chained)"
            text = f"{text} [= {self.resolved[mention.token]}]"
        return Antecedent((self._named(mention),), (text,), reason, keep_own=False)

    # -- the rules ----------------------------------------------------------------------

    def _one(self, raw: Token) -> Antecedent | None:
        for mention in reversed(self.mentions):
            token = self.doc[mention.token]
            if mention.token >= raw.i or token.tag_ not in ("NNS", "NNPS") or token.lower_ in ("ones",):
                continue
            if self.sentence_of[raw.i] - self.sentence_of[token.i] > 1:
                break
            return Antecedent((self._named(mention),), (mention.text,), "one-anaphora", keep_own=False)
        return None

    def _compatible(self, name: ConceptName, mention: Mention) -> bool:
        """Every word of the anaphor's name occurs in the candidate (or in its apposition)."""
        own = set(name.key.split())
        if len(own) <= 1:
            return True
        theirs = set(mention.name.key.split()) | {mention.name.head_lemma}
        alias = self.aliases.get(mention.token)
        if alias is not None:
            theirs |= set(alias.name.key.split())
        return own <= theirs

    def _by_head(self, raw: Token, name: ConceptName) -> Antecedent | None:
        lemma = name.head_lemma
        for mention in reversed(self.by_lemma.get(lemma, [])):
            if mention.token >= raw.i or mention.token == name.head:
                continue
            token = self.doc[mention.token]
            if not self._compatible(name, mention):
                continue
            named = self.doc[mention.name.head]
            if named.pos_ in ("VERB", "ADJ", "AUX") and mention.name.head_lemma == lemma and named.lemma_.lower() != lemma:
                reason = "nominalization"
            elif named.lemma_.lower() == self.doc[name.head].lemma_.lower() or token.lemma_.lower() == self.doc[name.head].lemma_.lower():
                reason = "head-noun"
            else:
                reason = "synonym"
            return self._single(mention, reason)
        return None

    def _nominalization(self, raw: Token, name: ConceptName) -> Antecedent | None:
        """"suspicious of the villages" ... "this suspicion": the noun of an earlier verb or adjective."""
        first = self.sentences[max(0, self.sentence_of[raw.i] - _SEARCH_BACK)].start
        for token in reversed(self.doc[first:raw.i]):
            if token.pos_ not in ("VERB", "ADJ"):
                continue
            nominal = self.lex.nominal_of.get(token.lemma_.lower())
            if nominal and self.lex.synonym(nominal.split()[0]) == name.head_lemma:
                concept = name_token(token)
                return Antecedent((concept.name,), (token.text,), "nominalization", keep_own=False)
        return None

    def _coordination(self, raw: Token, number: Token) -> Antecedent | None:
        """"these three calamities" -> the latest "A, B and C" before it."""
        try:
            wanted = int(number.text)
        except ValueError:
            wanted = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}.get(number.lower_, 0)
        if wanted < 2:
            return None
        first = self.sentences[max(0, self.sentence_of[raw.i] - _SEARCH_BACK)].start
        for token in reversed(self.doc[first:raw.i]):
            if token.pos_ not in _NOUNS or token.dep_ == "conj":
                continue
            group = [token] + [t for t in token.subtree if t.dep_ == "conj" and t.pos_ in _NOUNS and t.i < raw.i]
            if len(group) == wanted:
                mentions = [self._mention_at(t) for t in group]
                return Antecedent(tuple(self._named(m) for m in mentions), tuple(m.text for m in mentions),
                                  f"coordination of {wanted}", keep_own=False)
        return None

    def _pronoun(self, raw: Token) -> Antecedent | None:
        low = raw.lower_
        plural = low in _PLURAL_PRONOUNS
        if low in ("itself", "themselves"):
            verb = next((a for a in [raw.head, *raw.head.ancestors] if a.pos_ in ("VERB", "AUX")), None)
            subject = next((c for c in verb.children if c.dep_ in _SUBJECTS and c.i != raw.i), None) if verb is not None else None
            if subject is not None and subject.pos_ in _NOUNS:
                return self._single(self._mention_at(subject), "reflexive")
            return None
        if raw.dep_ == "poss" and raw.head.dep_ == "conj" and raw.head.head.pos_ in _NOUNS and raw.head.head.i < raw.i:
            return self._single(self._mention_at(raw.head.head), "pronoun (coordinated noun phrase)")
        for token in self._pronoun_candidates(raw):
            if self._agrees(token, plural):
                return self._single(self._mention_at(token), "pronoun")
        return None

    def _agrees(self, token: Token, plural: bool) -> bool:
        if token.lemma_.lower() in self.lex.self_reference or not _nominal(token):
            return False
        word = token.lemma_.lower() if token.pos_ in _NOUNS else token.lower_
        if word in self.lex.transparent and not any(c.lower_ == "of" for c in token.children):
            return False  # "played a part in its escalation": a quantity is not what "its" refers to
        is_plural = token.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in token.children)
        if not plural and token.ent_type_ == "PERSON":
            return False
        return is_plural == plural

    def _pronoun_candidates(self, raw: Token) -> list[Token]:
        """Noun heads a pronoun may refer to, most likely first."""
        sent = self.sentences[self.sentence_of[raw.i]]
        above = {a.i for a in raw.ancestors}
        before = [t for t in sent if t.i < raw.i and _nominal(t) and t.i not in above]
        clause = next((a for a in [raw.head, *raw.head.ancestors] if a.pos_ in ("VERB", "AUX")), None)
        first: list[Token] = []
        if raw.dep_ == "poss" and clause is not None:
            # "the movement did not lead to X on its own": the subject of its own clause
            first = [c for c in clause.children if c.dep_ in _SUBJECTS and raw not in list(c.subtree)]
        if clause is not None and clause.dep_ == "conj":
            # "X was triggered by Y, and it sparked Z": the subject of the first clause
            first += [c for c in clause.head.children if c.dep_ in _SUBJECTS]
        elif raw.dep_ in _SUBJECTS:
            # a subject pronoun: the subjects, then the objects before it
            first += [t for t in before if t.dep_ in _SUBJECTS] + [t for t in before if t.dep_ in ("dobj", "attr")]
        ordered = first + [t for t in reversed(before) if t not in first]
        index = self.sentence_of[raw.i]
        for previous in reversed(self.sentences[max(0, index - _SEARCH_BACK):index]):
            nouns = [t for t in previous if _nominal(t)]
            ordered += [t for t in nouns if t.dep_ in _SUBJECTS] + [t for t in reversed(nouns) if t.dep_ not in _SUBJECTS]
        return ordered

    def _summary(self, raw: Token, name: ConceptName, sentence: int, paragraph: int,
                 previous_only: bool = False) -> Antecedent | None:
        start = self._phrase_start(raw)
        chosen = self._effects_before(start, sentence, paragraph, previous_only)
        if not chosen and not previous_only and paragraph > 0 and not any(
                m.paragraph == paragraph and m.sentence < sentence for m in self.mentions):
            chosen = self._paragraph_outcomes(paragraph - 1)
        if not chosen:
            return None
        # "such interaction within enterprises" still names a concept of its own;
        # "all of these factors" does not
        keep_own = raw.pos_ not in ("PRON", "DET") and (
            name.head_lemma not in self.lex.summary or len(name.name.split()) > 1)
        return Antecedent(tuple(self._named(m) for m in chosen), tuple(m.text for m in chosen), "summary",
                          keep_own=keep_own)

    def _phrase_start(self, raw: Token) -> int:
        return min(t.i for t in raw.subtree) if raw.pos_ not in ("PRON",) or raw.lower_ in _QUANTIFIERS else raw.i

    def _effects_before(self, start: int, sentence: int, paragraph: int, previous_only: bool) -> list[Mention]:
        """Effects stated in the paragraph before ``start``, one per concept."""
        chosen: list[Mention] = []
        names: list[str] = []
        for mention in self.mentions:
            if mention.role != "effect" or mention.header or mention.paragraph != paragraph or mention.token >= start:
                continue
            if previous_only and mention.sentence != sentence - 1:
                continue
            named = self._named(mention)
            if named not in names:
                chosen.append(mention)
                names.append(named)
        return chosen

    def _paragraph_outcomes(self, paragraph: int) -> list[Mention]:
        """The effects a paragraph ends on: those that are not the cause of a later link in it."""
        inside = [m for m in self.mentions if m.paragraph == paragraph]
        chosen: list[Mention] = []
        names: list[str] = []
        for mention in inside:
            if mention.role != "effect" or mention.header:
                continue
            named = self._named(mention)
            later_cause = mention.also_cause or any(
                m.role == "cause" and m.token > mention.token and self._named(m) == named for m in inside)
            if not later_cause and named not in names:
                chosen.append(mention)
                names.append(named)
        return chosen

