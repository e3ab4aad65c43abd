"""From an annotated ``Doc`` to typed records: claims, causal links, resolutions.

:func:`extract` reads what argmine's components stored on the ``Doc``
(``doc._.causal_links``, ``doc._.claim_units``), names each cause and effect
as a concept, resolves anaphoric ends, adds the implicit links of
enumerations ("X had several effects. First, ... Second, ..."), and grades
every link: hedged, contributory, negated, and who asserts it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .anaphora import Antecedent, Mention, Resolver
from .concepts import ConceptName, lexicon, name_token
from .records import CausalLink, Claim, Resolution
from .rules import load_lexicon

__all__ = ["Extraction", "extract"]

_ORDINALS = {"first": 1, "firstly": 1, "second": 2, "secondly": 2, "third": 3, "thirdly": 3,
             "fourth": 4, "fifth": 5, "finally": 99, "lastly": 99, "next": 50, "moreover": 50}
_HEADER_NOUNS = {"effect", "consequence", "result", "impact", "outcome", "repercussion", "change", "development"}
_ARISE_VERBS = {"arise", "emerge", "appear", "develop", "grow", "follow", "occur", "ensue", "come", "spread", "increase", "rise"}


@dataclass
class Extraction:
    """Everything extracted from one document (or one piece of a long one)."""

    links: list[CausalLink] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    resolutions: list[Resolution] = field(default_factory=list)
    sentences: int = 0

    def extend(self, other: "Extraction") -> None:
        self.links.extend(other.links)
        self.claims.extend(other.claims)
        self.resolutions.extend(other.resolutions)
        self.sentences += other.sentences


@dataclass(frozen=True)
class _WordSets:
    hedges: tuple[tuple[str, ...], ...]
    contributory: tuple[tuple[str, ...], ...]
    negation: frozenset[str]
    belief: frozenset[str]
    cited: frozenset[str]


@lru_cache(maxsize=None)
def _word_sets() -> _WordSets:
    groups: dict[str, set[str]] = {}
    for rule in load_lexicon():
        groups.setdefault(rule.kind, set()).update(rule.words)
    return _WordSets(
        hedges=tuple(tuple(w.split()) for w in sorted(groups.get("hedge", ()))),
        contributory=tuple(tuple(w.split()) for w in sorted(groups.get("contributory", ()))),
        negation=frozenset(groups.get("negation", ())),
        belief=frozenset(groups.get("belief_verb", ())),
        cited=frozenset(groups.get("cited", ())),
    )


def _find_phrase(words: list[str], phrases) -> str:
    for phrase in phrases:
        width = len(phrase)
        for start in range(len(words) - width + 1):
            if tuple(words[start:start + width]) == phrase:
                return " ".join(phrase)
    return ""


@dataclass
class _End:
    """One end (cause or effect) of a token-level link, named and maybe resolved."""

    span: tuple[int, int]
    raw: Token
    name: ConceptName
    kind: str = ""
    antecedent: Antecedent | None = None


def extract(doc: Doc, doc_id: str, *, char_offset: int = 0, sentence_offset: int = 0,
            claim_offset: int = 0) -> Extraction:
    """Claims, causal links and resolutions of one ``Doc``.

    ``char_offset`` is where this ``Doc`` starts in the document text (long
    documents are parsed in pieces); offsets in the records index the whole
    document text.
    """
    lex = lexicon()
    sentences = [s for s in doc.sents]
    sent_of = {}
    for index, sent in enumerate(sentences):
        for token in sent:
            sent_of[token.i] = index
    paragraph_of = [doc.text[: s.start_char].count("\n\n") for s in sentences]

    claims, claim_at = _claims(doc, doc_id, sentence_offset, claim_offset, char_offset)

    raw_links = [l for l in (doc._.causal_links or [])]
    ends: list[tuple[dict, _End, _End]] = []
    for data in raw_links:
        cause_raw, effect_raw = doc[data["cause_head"]], doc[data["effect_head"]]
        cause_name, effect_name = name_token(cause_raw), name_token(effect_raw)
        if _about_scholarship(cause_name, doc, lex) or _about_scholarship(effect_name, doc, lex):
            continue
        ends.append((data, _End(tuple(data["cause"]), cause_raw, cause_name), _End(tuple(data["effect"]), effect_raw, effect_name)))

    headers = _enumeration_headers(doc, ends, sentences)
    mentions = _mentions(doc, ends, sent_of, paragraph_of, headers)
    resolver = Resolver(doc, mentions)
    resolutions: list[Resolution] = []
    for _, end in sorted((pair for _, c, e in ends for pair in (("c", c), ("e", e))), key=lambda p: p[1].raw.i):
        sentence = sent_of[end.raw.i]
        end.kind, end.antecedent = resolver.resolve(end.raw, end.name, sentence, paragraph_of[sentence])
        if end.kind:
            if end.antecedent is not None and len(end.antecedent.names) == 1 and not end.antecedent.keep_own:
                resolver.resolved[end.raw.i] = end.antecedent.names[0]
            if end.kind == "pronoun" and end.antecedent is None:
                pass  # a pronoun with no antecedent is reported below as unresolved
            span = doc[end.span[0]:end.span[1]]
            resolutions.append(Resolution(
                doc_id=doc_id, sentence_index=sentence + sentence_offset, mention=span.text,
                start=span.start_char + char_offset, end=span.end_char + char_offset,
                antecedents=end.antecedent.names if end.antecedent else (),
                antecedent_mentions=end.antecedent.mentions if end.antecedent else (),
                reason=end.antecedent.reason if end.antecedent else f"unresolved ({end.kind})",
            ))
    # one resolution per mention, in text order
    seen_mentions = set()
    unique = []
    for res in sorted(resolutions, key=lambda r: r.start):
        if (res.start, res.end) not in seen_mentions:
            seen_mentions.add((res.start, res.end))
            unique.append(res)

    links: list[CausalLink] = []
    for data, cause, effect in ends:
        links.extend(_records(doc, doc_id, data, cause, effect, sent_of, sentence_offset, char_offset, claim_at))
    links.extend(_enumeration_links(doc, doc_id, headers, ends, links, sent_of, sentence_offset, char_offset, claim_at, resolver))
    links = _dedupe(links)
    return Extraction(links=links, claims=claims, resolutions=unique, sentences=len(sentences))


# -- claims -----------------------------------------------------------------

def _claims(doc: Doc, doc_id: str, sentence_offset: int, claim_offset: int, char_offset: int):
    """Claim records of the units ``argmine_claims`` found, with their support/contrast targets."""
    units = doc._.claim_units or []
    ids = [f"{doc_id}:u{number}" for number in range(claim_offset, claim_offset + len(units))]
    claims: list[Claim] = []
    claim_at: dict[int, Claim] = {}
    for claim_id, unit in zip(ids, units):
        span = doc[unit["start"]:unit["end"]]
        claim = Claim(
            doc_id=doc_id, claim_id=claim_id, sentence_index=unit["sentence_index"] + sentence_offset,
            start=span.start_char + char_offset, end=span.end_char + char_offset, text=span.text,
            type=unit["type"], asserted_by=unit["asserted_by"], hedged=unit["hedged"],
            polarity=unit["polarity"], cue=unit.get("cue", ""), hedge=unit.get("hedge", ""),
            strength=unit.get("strength", ""),
            supports=ids[unit["supports"]] if unit.get("supports", -1) >= 0 else "",
            contrasts=ids[unit["contrasts"]] if unit.get("contrasts", -1) >= 0 else "",
        )
        claims.append(claim)
        for i in range(unit["start"], unit["end"]):
            claim_at[i] = claim
    return claims, claim_at


# -- mentions and enumerations ----------------------------------------------

def _about_scholarship(name: ConceptName, doc: Doc, lex) -> bool:
    return name.head_lemma in lex.discourse or doc[name.head].lemma_.lower() in lex.discourse


def _mentions(doc, ends, sent_of, paragraph_of, headers) -> list[Mention]:
    header_effects = {id(h["effect"]) for h in headers}
    mentions: dict[int, Mention] = {}
    for chunk in doc.noun_chunks:
        root = chunk.root
        if root.pos_ == "PRON":
            continue
        s = sent_of[root.i]
        mentions[root.i] = Mention(root.i, s, paragraph_of[s], name_token(root), chunk.text)
    for _, cause, effect in ends:
        for role, end in (("cause", cause), ("effect", effect)):
            s = sent_of[end.raw.i]
            span = doc[end.span[0]:end.span[1]]
            existing = mentions.get(end.raw.i)
            header = id(end) in header_effects or (existing is not None and existing.header)
            if existing is not None and existing.role == "effect":
                role = "effect"
            mentions[end.raw.i] = Mention(end.raw.i, s, paragraph_of[s], end.name, span.text, role, header)
    return list(mentions.values())


def _enumeration_headers(doc, ends, sentences) -> list[dict]:
    """Links like "X had a range of effects on Y" that announce a list."""
    headers = []
    for data, cause, effect in ends:
        cue = doc[data["cue"][0]]
        if cue.lemma_.lower() not in _HEADER_NOUNS or cue.tag_ != "NNS":
            continue
        headers.append({"data": data, "cause": cause, "effect": effect, "sentence": cue.sent})
    return headers


def _enumeration_links(doc, doc_id, headers, ends, links, sent_of, sentence_offset, char_offset, claim_at, resolver):
    """"X had several effects. First, A. Second, B." -> X -> A and X -> B, implicit."""
    out: list[CausalLink] = []
    sentences = list(doc.sents)
    for header in headers:
        start_index = sent_of[header["sentence"].start]
        cause: _End = header["cause"]
        cause_name = resolver.resolved.get(cause.raw.i, cause.name.name)
        for sent in sentences[start_index + 1:]:
            if "\n\n" in doc.text[header["sentence"].end_char:sent.start_char]:
                break
            first = next((t for t in sent if not t.is_space), None)
            if first is None or first.lower_ not in _ORDINALS:
                continue
            existing = [l for l in links if l.sentence_index == sent_of[sent.start] + sentence_offset and l.cause_concept == cause_name]
            if existing:
                continue
            item = _enumerated_item(sent)
            if item is None:
                continue
            name = name_token(item)
            span = doc[_item_span(item)[0]:_item_span(item)[1]]
            cause_span = doc[cause.span[0]:cause.span[1]]
            claim = claim_at.get(item.i)
            out.append(CausalLink(
                doc_id=doc_id, sentence_index=sent_of[sent.start] + sentence_offset,
                cause_text=cause_span.text, effect_text=span.text,
                cause_start=cause_span.start_char + char_offset, cause_end=cause_span.end_char + char_offset,
                effect_start=span.start_char + char_offset, effect_end=span.end_char + char_offset,
                cue=f"{doc[header['data']['cue'][0]].text} … {first.text}",
                cue_start=first.idx + char_offset, cue_end=first.idx + len(first.text) + char_offset,
                cause_concept=cause_name, effect_concept=name.name, explicit=False,
                hedged=claim.hedged if claim else False, strength="sufficient", polarity="positive",
                confidence=0.6, asserted_by=claim.asserted_by if claim else "author",
                sentence=sent.text.strip(), rule="enumeration", claim_id=claim.claim_id if claim else "",
                via=f"enumeration: item '{first.text}' of '{header['sentence'].text.strip()}'",
            ))
    return out


def _enumerated_item(sent: Span) -> Token | None:
    root = sent.root
    if root.lemma_ in _ARISE_VERBS or root.dep_ == "ROOT" and not any(c.dep_ == "dobj" for c in root.children):
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
            return subject
    obj = next((c for c in root.children if c.dep_ == "dobj"), None)
    return obj


def _item_span(item: Token) -> tuple[int, int]:
    from .syntax import np_span

    return np_span(item)


# -- link records -----------------------------------------------------------

def _grade(doc: Doc, data: dict, cause: _End, effect: _End) -> tuple[str, bool, str, str]:
    """(hedge words, negated, strength, asserter override) of one link."""
    words = _word_sets()
    cue = doc[data["cue"][0]]
    low = min(cause.span[0], effect.span[0], data["cue"][0])
    high = max(cause.span[1], effect.span[1], data["cue"][1])
    region = [t.lower_ for t in doc[low:high]]
    clause = cue if cue.pos_ in ("VERB", "AUX") else next((a for a in cue.ancestors if a.pos_ in ("VERB", "AUX")), cue)
    scope = [clause] + [a for a in clause.ancestors if a.pos_ in ("VERB", "AUX")][:2]
    scope_words = [c.lower_ for v in scope for c in v.children if c.dep_ in ("aux", "advmod", "neg")] + [v.lemma_ for v in scope[1:]]
    hedge = _find_phrase(scope_words, words.hedges) or _find_phrase(region, words.hedges)
    negated = any(c.dep_ == "neg" or c.lower_ in ("never",) for v in scope[:2] for c in v.children)
    strength = data["strength"]
    if strength == "sufficient" and (_find_phrase(region, words.contributory) or _find_phrase(scope_words, words.contributory)):
        strength = "contributory"
    asserter = ""
    for ancestor in [clause] + list(clause.ancestors):
        if ancestor.lemma_ in words.belief and ancestor.i != cue.i and clause.dep_ in ("ccomp", "xcomp"):
            subject = next((c for c in ancestor.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lower_ not in ("i", "we"):
                asserter = "cited" if subject.lemma_.lower() in words.cited else "actor"
            break
    return hedge, negated, strength, asserter


def _records(doc, doc_id, data, cause: _End, effect: _End, sent_of, sentence_offset, char_offset, claim_at) -> list[CausalLink]:
    hedge, negated, strength, asserter = _grade(doc, data, cause, effect)
    polarity = data["polarity"]
    if negated:
        polarity = "negative" if polarity == "positive" else "positive"
    cue_tokens = [data["cue"][0]] + list(data.get("cue_extra", []))
    cue_start_token = doc[min(cue_tokens)]
    cue_end_token = doc[max(data["cue"][1] - 1, max(cue_tokens))]
    cue_text = _cue_text(doc, data)
    claim = claim_at.get(data["cue"][0])
    sentence_index = sent_of[data["cue"][0]]
    sent = doc[data["cue"][0]].sent
    base = dict(
        doc_id=doc_id, sentence_index=sentence_index + sentence_offset, cue=cue_text,
        cue_start=cue_start_token.idx + char_offset, cue_end=cue_end_token.idx + len(cue_end_token.text) + char_offset,
        hedged=bool(hedge) or (claim.hedged if claim else False) and bool(hedge),
        strength=strength, polarity=polarity, asserted_by=asserter or (claim.asserted_by if claim else "author"),
        sentence=sent.text.strip(), rule=data["rule"], claim_id=claim.claim_id if claim else "",
    )
    cause_span, effect_span = doc[cause.span[0]:cause.span[1]], doc[effect.span[0]:effect.span[1]]
    out = []
    for cause_names, cause_via in _end_names(cause, expand=True):
        for effect_names, effect_via in _end_names(effect, expand=False):
            # identity anaphora ("the movement" = Stakhanovism) still states the link;
            # a summed-up antecedent ("all of these factors" includes X) only implies it
            explicit = not any("includes" in v for v in (cause_via, effect_via))
            via = "; ".join(v for v in (cause_via, effect_via) if v)
            out.append(CausalLink(
                cause_text=cause_span.text, effect_text=effect_span.text,
                cause_start=cause_span.start_char + char_offset, cause_end=cause_span.end_char + char_offset,
                effect_start=effect_span.start_char + char_offset, effect_end=effect_span.end_char + char_offset,
                cause_concept=cause_names, effect_concept=effect_names, explicit=explicit,
                confidence=round(data["confidence"] * (1.0 if not via else 0.9 if explicit else 0.75), 3), via=via, **base,
            ))
    return out


def _end_names(end: _End, expand: bool) -> list[tuple[str, str]]:
    """The concept names an end stands for, each with how it was resolved.

    A summary anaphor with a concept of its own ("such interaction within
    enterprises") stays one concept as an effect; as a cause (``expand``) each
    summed-up concept is a cause too, which is what lets chains run through it.
    """
    if end.antecedent is None:
        return [(end.name.name, "")]
    ante = end.antecedent
    mention = end.raw.doc[end.span[0]:end.span[1]].text
    if len(ante.names) == 1 and not ante.keep_own:
        return [(ante.names[0], f"anaphora:{ante.reason} '{mention}' = '{ante.mentions[0]}'")]
    names = [(end.name.name, "")] if ante.keep_own else []
    if ante.keep_own and not expand:
        return names
    names += [(n, f"anaphora:{ante.reason} '{mention}' includes '{m}'") for n, m in zip(ante.names, ante.mentions)]
    return names


def _cue_text(doc: Doc, data: dict) -> str:
    tokens = sorted({*range(*data["cue"]), *data.get("cue_extra", [])})
    parts = []
    previous = None
    for index in tokens:
        if previous is not None and index > previous + 1:
            parts.append("…")
        parts.append(doc[index].text)
        previous = index
    return " ".join(parts)


def _dedupe(links: list[CausalLink]) -> list[CausalLink]:
    """One link per (sentence, cause concept, effect concept, cue); explicit ones first."""
    seen = set()
    out = []
    for link in sorted(links, key=lambda l: (not l.explicit, l.cause_start, l.effect_start)):
        key = (l_key := (link.sentence_index, link.cause_concept, link.effect_concept, link.cue_start))
        if key in seen or link.cause_concept == link.effect_concept:
            continue
        seen.add(l_key)
        out.append(link)
    return sorted(out, key=lambda l: (l.sentence_index, l.cue_start, l.cause_start, l.effect_start))
