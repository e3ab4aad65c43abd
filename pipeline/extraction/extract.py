"""From an annotated ``Doc`` to typed records: claims, causal links, resolutions.

:func:`extract` reads what argmine's components stored on the ``Doc``
(``doc._.causal_links``, ``doc._.claim_units``), names each cause and effect
as a concept, resolves anaphoric ends, adds the implicit links of
enumerations ("X had several effects. First, ... Second, ..."), and grades
every link: hedged, contributory, negated, and who asserts it.

Size: about 690 lines: the pass over a Doc that turns the components' output
into records, with the link-level filters and the consequence and enumeration
links that need the whole document; it is the stage's one entry point.
"""
from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .anaphora import Antecedent, Enumeration, Mention, Resolver, _event_text
from .concepts import ConceptName, ConceptWords, concept_key, concept_words, document_context, name_token, negated_result
from .factuality import FactualityWords, assess, is_question_end, rejection_of_previous
from ..records import CausalLink, ArgumentativeUnit, Extraction, Resolution, _claim_shifter, renumber_plain  # noqa: F401
from ..nlp.rules import Lexicon, lexicon_of, load_cue_rules
from ..nlp.syntax import (doc_noun_chunks, doc_sentence_of, doc_sentences, doc_table, doc_text, forget_doc, open_doc,
                           span_text, token_sentence)

__all__ = ["Extraction", "extract", "renumbered", "renumber_plain"]

@dataclass
class _End:
    """One end (cause or effect) of a token-level link, named and maybe resolved."""

    span: tuple[int, int]
    raw: Token
    name: ConceptName
    kind: str = ""
    antecedent: Antecedent | None = None


@dataclass
class _Header:
    """A sentence announcing a list: "X had several effects", "the causes of X were ..."."""

    sentence: Span
    subject: Token  # the X the list is about
    cue: Token  # the header noun ("effects", "ways", "reasons")
    items_are: str  # "effect" (X causes each item) or "cause" (each item causes X)


@dataclass
class _Item:
    """One "First, ..." / "Second, ..." sentence after a header."""

    header: _Header
    sentence: Span
    ordinal: Token
    head: Token
    span: tuple[int, int]
    name: ConceptName
    marked: bool = True  # False for an unmarked first item ("... reasons. A. Secondly, B.")


def extract(doc: Doc, doc_id: str, *, char_offset: int = 0, sentence_offset: int = 0,
            claim_offset: int = 0, lexicon: Lexicon | None = None) -> Extraction:
    """Claims, causal links and resolutions of one ``Doc``.

    ``char_offset`` is where this ``Doc`` starts in the document text (long
    documents are parsed in pieces); offsets in the records index the whole
    document text. ``lexicon`` is the word lists every stage reads; by default the one the ``Doc``'s
    components recorded (:func:`argmine.nlp.rules.lexicon_of`: their ``lexicon_path``, else ``models/``).
    """
    open_doc(doc)
    try:
        with _collector_paused():
            return _extract(doc, doc_id, char_offset, sentence_offset, claim_offset, lexicon)
    finally:
        forget_doc(doc)


def renumbered(extraction: Extraction, doc_id: str, sentence_offset: int, claim_offset: int) -> Extraction:
    """``extraction`` (of a Doc extracted with no sentence or claim offset) as :func:`extract` gives it with these.

    A long document's pieces are extracted apart (in parallel); once the
    sentences and claims of the pieces before one are counted, its records are
    shifted: every ``sentence_index`` by ``sentence_offset``, and every claim
    id of the document (``doc_id:u<n>``: a claim's own, the claim a link is
    stated in, the claims a claim supports or attacks) by ``claim_offset``.
    Nothing else depends on the offsets (character offsets are given to
    :func:`extract` directly), so the result equals extracting with them.

    >>> from argmine.records import ArgumentativeUnit
    >>> unit = ArgumentativeUnit("d", "d:u0", 0, 0, 5, "Rain.", "claim", "author", False, "positive", supports="d:u1")
    >>> moved = renumbered(Extraction(claims=[unit], sentences=1), "d", 10, 4).claims[0]
    >>> moved.claim_id, moved.sentence_index, moved.supports
    ('d:u4', 10, 'd:u5')
    """
    if not sentence_offset and not claim_offset:
        return extraction
    claim = _claim_shifter(doc_id, claim_offset)
    return Extraction(
        links=[replace(link, sentence_index=link.sentence_index + sentence_offset, claim_id=claim(link.claim_id))
               for link in extraction.links],
        claims=[replace(unit, sentence_index=unit.sentence_index + sentence_offset, claim_id=claim(unit.claim_id),
                        supports=claim(unit.supports), attacks=claim(unit.attacks)) for unit in extraction.claims],
        resolutions=[replace(item, sentence_index=item.sentence_index + sentence_offset)
                     for item in extraction.resolutions],
        sentences=extraction.sentences, context=extraction.context)


_PAUSE_LOCK = threading.Lock()
_PAUSES = [0, False]  # [extractions running in this process, whether the collector was on when the first began]


@contextmanager
def _collector_paused():
    """Python's cyclic garbage collector switched off while one Doc is extracted, and back on after (if it was on).

    Extraction allocates many short-lived containers, and each full (oldest-generation) collection they
    trigger walks every object of the process: the model's, the lexicons', the batch's Docs. On a 1 MB book
    those collections were 0.9 of the 5.4 CPU s of extraction (docs/PERFORMANCE.md, "Wave 4"). Extraction
    makes no reference cycles that outlive it in number, and what it leaves is collected as usual once the
    collector is back on. Nested and concurrent extractions (threads) share one pause: the last to finish
    switches the collector back on. Outputs do not depend on it.
    """
    with _PAUSE_LOCK:
        if _PAUSES[0] == 0:
            _PAUSES[1] = gc.isenabled()
            gc.disable()
        _PAUSES[0] += 1
    try:
        yield
    finally:
        with _PAUSE_LOCK:
            _PAUSES[0] -= 1
            if _PAUSES[0] == 0 and _PAUSES[1]:
                gc.enable()


def _extract(doc, doc_id, char_offset, sentence_offset, claim_offset, lexicon) -> Extraction:
    lexicon = lexicon or lexicon_of(doc)
    lex = concept_words(lexicon)
    sentences = list(doc_sentences(doc))
    sent_of = doc_sentence_of(doc)
    text = doc_text(doc)
    paragraph_of = []
    for sent in sentences:
        previous = sentences[len(paragraph_of) - 1].start_char if paragraph_of else 0
        paragraph_of.append((paragraph_of[-1] if paragraph_of else 0) + text[previous:sent.start_char].count("\n\n"))

    claims, claim_at = _claims(doc, doc_id, sentence_offset, claim_offset, char_offset)

    raw_links = [l for l in (doc._.causal_links or [])]
    ends: list[tuple[dict, _End, _End]] = []
    for data in raw_links:
        cause_raw, effect_raw = doc[data["cause_head"]], doc[data["effect_head"]]
        cause_name, effect_name = name_token(cause_raw, lex), name_token(negated_result(effect_raw) or effect_raw, lex)
        if _about_scholarship(cause_name, doc, lex) or _about_scholarship(effect_name, doc, lex):
            continue
        if _asks_for(cause_raw, cause_name) or _asks_for(effect_raw, effect_name):
            continue  # "What caused X?": the question names no cause
        ends.append((data, _End(tuple(data["cause"]), cause_raw, cause_name), _End(tuple(data["effect"]), effect_raw, effect_name)))

    header_effects = _header_effects(doc, ends, lex)
    items = _enumeration_items(doc, sentences, lex) + _colon_items(doc, sentences, lex)
    enumerations = _enumerations(items) + _numbered_lists(doc, sentences, {i.header.cue.i for i in items}, lex)
    mentions = _mentions(doc, ends, items, sent_of, paragraph_of, header_effects, lex)
    caused_by: dict[int, set[str]] = {}
    for _, cause, effect in ends:
        caused_by.setdefault(cause.raw.i, set()).add(concept_key(effect.name.name, lex))
    resolver = Resolver(doc, mentions, tuple(enumerations), caused_by, lexicon=lexicon)
    end_spans: dict = {}
    for _, cause, effect in ends:
        for end in (cause, effect):
            # one head can end several links ("this war-induced absolutism" is the effect of "war-induced"
            # and the cause of the main verb): the mention is the widest of its spans
            known = end_spans.get(end.raw.i)
            if known is None or end.span[1] - end.span[0] > known[1][1] - known[1][0]:
                end_spans[end.raw.i] = (end.name, end.span)
    found = resolver.resolve_document(end_spans, paragraph_of)
    for _, cause, effect in ends:
        for end in (cause, effect):
            if end.raw.i in found:
                end.kind, end.antecedent = found[end.raw.i].kind, found[end.raw.i].antecedent
    resolutions = _resolutions(doc, doc_id, found, sent_of, sentence_offset, char_offset)

    links: list[CausalLink] = []
    for data, cause, effect in ends:
        links.extend(_records(doc, doc_id, data, cause, effect, sent_of, sentence_offset, char_offset, claim_at, lex))
    links.extend(_enumeration_links(doc, doc_id, items, links, sent_of, sentence_offset, char_offset, claim_at,
                                    resolver, found, lex))
    links.extend(_consequence_links(doc, doc_id, found, sent_of, sentence_offset, char_offset, claim_at, lex))
    links = _judged_by_next_sentence(links, sentences, sentence_offset, lex)
    links = _dedupe(links, lex)
    return Extraction(links=links, claims=claims, resolutions=resolutions, sentences=len(sentences),
                      context=document_context(doc))


def _resolutions(doc, doc_id, found, sent_of, sentence_offset, char_offset) -> list[Resolution]:
    """One record per anaphoric mention, in text order.

    A definite noun phrase that found no antecedent is taken as not anaphoric
    ("the fall of Beijing"); other unresolved kinds are reported as such.
    """
    out = []
    for index in sorted(found):
        item = found[index]
        if item.antecedent is None and item.kind == "definite":
            continue
        span = doc[item.span[0]:item.span[1]]
        out.append(Resolution(
            doc_id=doc_id, sentence_index=sent_of[index] + sentence_offset, mention=span_text(span),
            start=span.start_char + char_offset, end=span.end_char + char_offset,
            antecedents=item.antecedent.names if item.antecedent else (),
            antecedent_mentions=item.antecedent.mentions if item.antecedent else (),
            reason=item.antecedent.reason if item.antecedent else f"unresolved ({item.kind})",
        ))
    return out


# -- claims -----------------------------------------------------------------

def _claims(doc: Doc, doc_id: str, sentence_offset: int, claim_offset: int, char_offset: int):
    """Claim records of the units ``argmine_claims`` found, with their support/contrast targets."""
    units = doc._.claim_units or []
    ids = [f"{doc_id}:u{number}" for number in range(claim_offset, claim_offset + len(units))]
    claims: list[ArgumentativeUnit] = []
    claim_at: dict[int, ArgumentativeUnit] = {}
    for claim_id, unit in zip(ids, units):
        span = doc[unit["start"]:unit["end"]]
        claim = ArgumentativeUnit(
            doc_id=doc_id, claim_id=claim_id, sentence_index=unit["sentence_index"] + sentence_offset,
            start=span.start_char + char_offset, end=span.end_char + char_offset, text=span_text(span),
            type=unit["type"], asserted_by=unit["asserted_by"], hedged=unit["hedged"],
            polarity=unit["polarity"], cue=unit.get("cue", ""), hedge=unit.get("hedge", ""),
            strength=unit.get("strength", ""),
            supports=ids[unit["supports"]] if unit.get("supports", -1) >= 0 else "",
            attacks=ids[unit["attacks"]] if unit.get("attacks", -1) >= 0 else "",
        )
        claims.append(claim)
        for i in range(unit["start"], unit["end"]):
            claim_at[i] = claim
    return claims, claim_at


def _asks_for(raw: Token, name: ConceptName) -> bool:
    """An end that is a question word ("What caused X?") or asked about ("Which factor ...?")."""
    if not is_question_end(raw):
        return False
    if raw.tag_ in ("WP", "WDT", "WP$"):
        return name.name.lower() == raw.lower_  # a relative pronoun resolved to its noun names that noun
    return span_text(token_sentence(raw)).rstrip().endswith("?")


def _judged_by_next_sentence(links: list[CausalLink], sentences: list[Span], sentence_offset: int,
                             lex: ConceptWords) -> list[CausalLink]:
    """Links attributed to others, then judged by the author: "X argued that A caused B. This view is mistaken."

    A denial makes the link negative; a doubt ("has been challenged") makes it
    negative and hedged (:func:`argmine.extraction.factuality.rejection_of_previous`).
    """
    from dataclasses import replace

    judged = {}
    for index, sent in enumerate(sentences[1:], start=1):
        verdict = rejection_of_previous(sent, FactualityWords.of(lex.lexicon))
        if verdict is not None:
            judged[index - 1 + sentence_offset] = verdict
    if not judged:
        return links
    out = []
    for link in links:
        verdict = judged.get(link.sentence_index)
        if verdict is not None and link.asserted_by != "author":
            _, doubts = verdict
            polarity = "negative" if link.polarity == "positive" else "positive"
            modality = "hedged" if doubts and link.modality == "asserted" else link.modality
            link = replace(link, polarity=polarity, modality=modality, hedged=modality != "asserted")
        out.append(link)
    return out


# -- mentions and enumerations ----------------------------------------------

def _about_scholarship(name: ConceptName, doc: Doc, lex) -> bool:
    """Ends that are the scholarship itself ("recent studies", "this chapter argues ...", "we argue ...").

    A clause with "I"/"we" as subject is the author's own discourse only with a verb of the author's work
    (``lex.author_verbs``: "we argue", "I examine", "we ask"); with any other verb the speaker is an actor
    who feels, wants or does something ("I am surprised because ...", "we raised capital to ...").
    """
    head = doc[name.head]
    if name.head_lemma in lex.discourse or head.lemma_.lower() in lex.discourse:
        return True
    if head.pos_ in ("VERB", "AUX"):
        subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return False
        if subject.lower_ in lex.lexicon.words("first_person_pronoun"):
            return head.lemma_.lower() in lex.author_verbs
        if subject.lemma_.lower() in lex.discourse or subject.lemma_.lower() in lex.self_reference:
            return True
    return False


def _mentions(doc, ends, items, sent_of, paragraph_of, header_effects, lex: ConceptWords) -> list[Mention]:
    """Noun phrases, link ends and enumerated items, the latter two with their role."""
    mentions: dict[int, Mention] = {}
    for chunk in doc_noun_chunks(doc):
        root = chunk.root
        if root.pos_ == "PRON":
            continue
        s = sent_of[root.i]
        mentions[root.i] = Mention(root.i, s, paragraph_of[s], name_token(root, lex), span_text(chunk))
    roled = [(role, end.raw.i, end.name, _phrase_text(doc, end.raw, end.span), end.raw.i in header_effects)
             for _, cause, effect in ends for role, end in (("cause", cause), ("effect", effect))]
    roled += [("cause", member.i, name_token(member, lex), member.text, False)
              for _, cause, _ in ends for member in list_members(cause.raw)[1:]]
    roled += [("effect" if item.header.items_are == "effect" else "cause", item.head.i, item.name,
               span_text(doc[item.span[0]:item.span[1]]), False) for item in items]
    for role, index, name, text, header in roled:
        s = sent_of[index]
        existing = mentions.get(index)
        header = header or (existing is not None and existing.header)
        both = existing is not None and existing.role and existing.role != role
        if existing is not None and existing.role == "effect":
            role = "effect"
        also_cause = both or (existing is not None and existing.also_cause)
        mentions[index] = Mention(index, s, paragraph_of[s], name, text, role, header, also_cause)
    return list(mentions.values())


def _phrase_text(doc: Doc, head: Token, span: tuple[int, int]) -> str:
    """The words of a link end that belong to its head's phrase: an end span that runs on into its verb
    ("the famine was not caused") is cut back to the noun phrase ("the famine") when it names an antecedent."""
    inside = [i for i in doc_table(doc).subtree(head.i) if span[0] <= i < span[1]]
    if head.pos_ not in ("NOUN", "PROPN") or not inside:
        return span_text(doc[span[0]:span[1]])
    return span_text(doc[min(inside):max(inside) + 1])


def list_members(head: Token) -> list[Token]:
    """The nouns of a list a phrase head opens: "Inflation, a failed war and a disputed succession" -> all three.

    The parser often hangs such a list on its first noun as an apposition with
    conjuncts; an apposition without a conjunct is a second name, not a list.
    """
    def conjuncts(token: Token) -> list[Token]:
        out = []
        for child in token.children:
            if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN"):
                out += [child] + conjuncts(child)  # "A, B and C": C hangs on B
        return out

    members = [head] + conjuncts(head)
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN") and conjuncts(child):
            members += [child] + conjuncts(child)
    return sorted(set(members), key=lambda t: t.i)


def _enumerations(items: list["_Item"]) -> list[Enumeration]:
    """The enumerations of the header-and-item lists, for the anaphora stage."""
    by_header: dict[int, list[_Item]] = {}
    for item in items:
        by_header.setdefault(item.header.cue.i, []).append(item)
    out = []
    for header, group in by_header.items():
        doc = group[0].head.doc
        out.append(Enumeration(header, tuple((i.head.i, i.name, span_text(doc[i.span[0]:i.span[1]])) for i in group),
                               "colon" if group[0].ordinal.text == ":" else "ordinal"))
    return out


def _numbered_lists(doc, sentences, taken: set[int], lex: ConceptWords) -> list[Enumeration]:
    """"There were two buffers ...: First, A, and second, B": a counted noun whose items an ordinal opens,
    in its own sentence after it or in the next sentence of the paragraph."""
    _, _, first_words, later_words, _ = _enumeration_words(lex.lexicon)
    out = []
    text = None  # Doc.text is rebuilt on every access: read it once, and only when needed
    table = doc_table(doc)
    for index, sent in enumerate(sentences):
        for i in range(sent.start, sent.end):
            if i in taken or table.tag[i] != "NNS" or not any(
                    table.dep[c] == "nummod" and table.like_num[c] for c in table.children[i]):
                continue
            token = doc[i]
            scope = [t for t in sent if t.i > token.i]
            text = doc_text(doc) if text is None else text
            if index + 1 < len(sentences) and "\n\n" not in text[sent.end_char:sentences[index + 1].start_char]:
                scope += list(sentences[index + 1])
            ordinals = [t for t in scope if t.lower_ in first_words | later_words and t.dep_ in ("advmod", "amod", "npadvmod")]
            if not ordinals or ordinals[0].lower_ not in first_words:
                continue
            items = []
            for ordinal in ordinals:
                verb = next((a for a in ordinal.ancestors if a.pos_ in ("VERB", "AUX")), None)
                if verb is None or any(verb.i == i for i, _, _ in items):
                    continue
                name = name_token(verb, lex)
                items.append((verb.i, name, _event_text(verb)))
            if len(items) >= 2:
                out.append(Enumeration(token.i, tuple(items), "ordinal"))
    return out


def _colon_items(doc, sentences, lex) -> list["_Item"]:
    """"Two forces lay behind the reform: a fiscal crisis and a restive nobility": the noun phrases after the
    colon are the items of the header before it."""
    from ..nlp.syntax import np_span

    items: list[_Item] = []
    for sent in sentences:
        table = doc_table(doc)
        colon = next((doc[i] for i in range(sent.start, sent.end) if table.text[i] == ":"), None)
        if colon is None:
            continue
        header = _header(doc[sent.start:colon.i], lex)
        if header is None:
            continue
        after = [t for t in sent if t.i > colon.i and t.pos_ in ("NOUN", "PROPN")
                 and (t.head.i < colon.i or t.head == t) and t.dep_ in ("appos", "ROOT", "dobj", "attr", "npadvmod")]
        if not after:
            continue
        for member in list_members(after[0]):
            items.append(_Item(header, sent, colon, member, np_span(member), name_token(member, lex)))
    return items


def _enumeration_words(lexicon: Lexicon) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(nouns announcing effects, nouns announcing causes, first ordinals, later ordinals, have-verbs)."""
    return lexicon.view(_group_enumeration_words)


def _group_enumeration_words(lexicon: Lexicon) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    effect, cause, first, later, have = set(), set(), set(), set(), set()
    for rule in lexicon:
        if rule.kind == "enumeration_noun":
            (cause if rule.value == "cause" else effect).update(rule.words)
        elif rule.kind == "ordinal":
            (first if rule.value == "first" else later).update(rule.words)
        elif rule.kind == "have_verb":
            have.update(rule.words)
    return frozenset(effect), frozenset(cause), frozenset(first), frozenset(later), frozenset(have)


def _header_effects(doc, ends, lex: ConceptWords) -> set[int]:
    """Effect heads of links like "X had a range of effects on Y": Y is what is affected, not a factor."""
    effect_nouns = _enumeration_words(lex.lexicon)[0]
    return {effect.raw.i for data, _, effect in ends
            if doc[data["cue"][0]].lemma_.lower() in effect_nouns and doc[data["cue"][0]].tag_ == "NNS"}


def _header(sent: Span, lex) -> _Header | None:
    """"X had several effects", "The effects of X were ...", "X changed Y in several ways", "X had two causes"."""
    effect_nouns, cause_nouns, _, _, have = _enumeration_words(lex.lexicon)
    announcing = effect_nouns | cause_nouns
    doc = sent.doc
    lemmas = doc_table(doc).lemma_lower
    for i in range(sent.start, sent.end):
        lemma = lemmas[i]
        if lemma not in announcing:
            continue
        token = doc[i]
        if token.tag_ != "NNS" and not any(c.dep_ == "nummod" for c in token.children):
            continue
        top = token
        while top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.lemma_.lower() in lex.transparent:
            top = top.head.head
        subject = None
        preps = lex.lexicon.words("enumeration_prep")  # "causes of X", "forces behind X"
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in preps), None)
        why = next((c for c in token.children if c.dep_ == "relcl" and c.pos_ in ("VERB", "AUX")
                    and any(g.tag_ == "WRB" for g in c.children)), None)
        if top.dep_ == "dobj" and top.head.lemma_.lower() in have:
            subject = next((c for c in top.head.children if c.dep_ == "nsubj"), None)
        elif of is not None:
            subject = next((c for c in of.children if c.dep_ == "pobj"), None)
        elif why is not None and lemma in cause_nouns:
            subject = why  # "the reasons why the growers were unable to ...": the clause is what the reasons cause
        elif top.dep_ == "nsubj" and top.head.pos_ == "VERB" and any(
                c.dep_ == "prep" and c.lower_ in preps for c in top.head.children):
            # "two forces lay behind the reform"
            prep = next(c for c in top.head.children if c.dep_ == "prep" and c.lower_ in preps)
            subject = next((c for c in prep.children if c.dep_ == "pobj"), None)
        elif top.dep_ == "pobj" and top.head.lower_ == "in" and top.head.head.pos_ == "VERB":
            subject = next((c for c in top.head.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and (subject.pos_ in ("NOUN", "PROPN") or subject is why):
            return _Header(sent, subject, token, "cause" if lemma in cause_nouns else "effect")
    return None


def _enumeration_items(doc, sentences, lex) -> list[_Item]:
    """The "First, ... Second, ..." sentences that follow a header in its paragraph."""
    _, _, first_words, later_words, _ = _enumeration_words(lex.lexicon)
    items: list[_Item] = []
    text = doc_text(doc)
    for index, sent in enumerate(sentences):
        header = _header(sent, lex)
        if header is None:
            continue
        started = False
        paragraph = []
        for following in sentences[index + 1:]:
            if "\n\n" in text[sent.end_char:following.start_char]:
                break
            paragraph.append(following)
        openers = [next((t for t in f if not t.is_space), None) for f in paragraph]
        # "... the reasons why X. [A.] ... Secondly, B.": an unmarked first item is the sentence after the header
        implicit = (paragraph and openers[0] is not None and openers[0].lower_ not in first_words | later_words
                    and not any(o is not None and o.lower_ in first_words for o in openers)
                    and any(o is not None and o.lower_ in later_words for o in openers))
        for number, following in enumerate(paragraph):
            ordinal = openers[number]
            if number == 0 and implicit:
                item = _item(header, following, ordinal, lex, marked=False)
                started = True
                if item is not None:
                    items.append(item)
                continue
            if ordinal is None or ordinal.lower_ not in (later_words if started else first_words):
                continue
            started = True
            item = _item(header, following, ordinal, lex)
            if item is not None:
                items.append(item)
    return items


def _item(header: _Header, sent: Span, ordinal: Token, lex: ConceptWords, marked: bool = True) -> _Item | None:
    from ..nlp.syntax import clause_span, np_span

    root = sent.root
    if root.pos_ not in ("VERB", "AUX", "NOUN", "PROPN"):
        return None
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if (header.items_are == "cause" and root.lemma_.lower() in lex.light and subject is not None
            and subject.pos_ in ("NOUN", "PROPN")):
        root = subject  # "Secondly, the prevalence of tax-farming had dire consequences": the reason is the subject
    name = name_token(root, lex)
    head = root.doc[name.head]
    if not marked:
        ordinal = next(t for t in sent if not t.is_space)
    if head.pos_ in ("NOUN", "PROPN"):
        span = np_span(head)
    else:
        skip = [t.i for t in sent if t.i <= ordinal.i or (t.i == ordinal.i + 1 and t.is_punct)] if marked else []
        span = clause_span(root, exclude=skip)
    return _Item(header, sent, ordinal, head, span, name, marked)


def _enumeration_links(doc, doc_id, items, links, sent_of, sentence_offset, char_offset, claim_at, resolver, found, lex):
    """"X had several effects. First, A. Second, B." -> X -> A and X -> B, implicit.

    With a header of causes ("X had two causes") the items cause X instead.
    """
    from ..nlp.syntax import np_span

    out: list[CausalLink] = []
    for item in items:
        header = item.header
        subject = header.subject
        subject_name = resolver.resolved.get(subject.i, name_token(subject, lex).name)
        sentence_index = sent_of[item.sentence.start] + sentence_offset
        if item.name.name == subject_name:
            continue
        if header.items_are == "effect":
            stated = [l for l in links if l.sentence_index == sentence_index and l.cause_concept == subject_name]
        else:
            stated = [l for l in links if l.sentence_index == sentence_index and l.effect_concept == subject_name]
        if stated:
            continue
        if subject.pos_ in ("VERB", "AUX"):
            from ..nlp.syntax import clause_span

            subject_span = doc[slice(*clause_span(subject))]
        else:
            subject_span = doc[slice(*np_span(subject))]
        item_span = doc[item.span[0]:item.span[1]]
        ends = [(subject_span, subject_name), (item_span, item.name.name)]
        if header.items_are == "cause":
            ends.reverse()
        (cause_span, cause_name), (effect_span, effect_name) = ends
        claim = claim_at.get(item.head.i)
        out.append(CausalLink(
            doc_id=doc_id, sentence_index=sentence_index,
            cause_text=span_text(cause_span), effect_text=span_text(effect_span),
            cause_start=cause_span.start_char + char_offset, cause_end=cause_span.end_char + char_offset,
            effect_start=effect_span.start_char + char_offset, effect_end=effect_span.end_char + char_offset,
            cue=f"{header.cue.text} … {item.ordinal.text}" if item.marked else header.cue.text,
            cue_start=item.ordinal.idx + char_offset, cue_end=item.ordinal.idx + len(item.ordinal.text) + char_offset,
            cause_concept=cause_name, effect_concept=effect_name, explicit=False,
            hedged=claim.hedged if claim else False,
            strength="sufficient" if header.items_are == "effect" else "contributory", polarity="positive",
            confidence=0.6, asserted_by=claim.asserted_by if claim else "author",
            sentence=span_text(item.sentence).strip(), rule="enumeration", claim_id=claim.claim_id if claim else "",
            via=f"enumeration: item '{item.ordinal.text if item.marked else 'unmarked first'}' of '{span_text(header.sentence).strip()}'",
            group=f"{doc_id}:enumeration@{header.cue.idx + char_offset}",
        ))
    return out


def _consequence_links(doc, doc_id, found, sent_of, sentence_offset, char_offset, claim_at, lex) -> list[CausalLink]:
    """"India lost its markets. The ensuing deindustrialization ...": the event before causes the noun phrase
    presented as its consequence (implicit, from the anaphora stage's *bridging* resolutions)."""
    from ..nlp.nominal import lexicon_words, without_time
    from ..nlp.syntax import clause_span

    out = []
    for index, item in sorted(found.items()):
        ante = item.antecedent
        if item.kind != "bridging" or ante is None or not ante.tokens:
            continue
        effect_span = doc[item.span[0]:item.span[1]]
        raw = doc[index]
        cue = next((c for c in raw.children if c.dep_ == "amod" and c.lower_ in lex.consequence), raw)
        claim = claim_at.get(index)
        effect_name = name_token(raw, lex).name
        for token, name, text in zip(ante.tokens, ante.names, ante.mentions):
            head = doc[token]
            cause_span = doc[slice(*without_time(clause_span(head), head.i, doc, lexicon_words(lex.lexicon)))] if head.pos_ in ("VERB", "AUX") \
                else doc[head.left_edge.i:head.right_edge.i + 1]  # "by 1850 India had lost X": the time is no part of it
            out.append(CausalLink(
                doc_id=doc_id, sentence_index=sent_of[index] + sentence_offset,
                cause_text=span_text(cause_span), effect_text=span_text(effect_span),
                cause_start=cause_span.start_char + char_offset, cause_end=cause_span.end_char + char_offset,
                effect_start=effect_span.start_char + char_offset, effect_end=effect_span.end_char + char_offset,
                cue=cue.text, cue_start=cue.idx + char_offset, cue_end=cue.idx + len(cue.text) + char_offset,
                cause_concept=name, effect_concept=effect_name, explicit=False,
                hedged=claim.hedged if claim else False, strength="sufficient", polarity="positive",
                confidence=0.6, asserted_by=claim.asserted_by if claim else "author",
                sentence=span_text(token_sentence(raw)).strip(), rule="consequence-anaphor", claim_id=claim.claim_id if claim else "",
                via=f"anaphora:{ante.reason} '{span_text(effect_span)}' follows '{text}'",
            ))
    return out


# -- link records -----------------------------------------------------------

def _records(doc, doc_id, data, cause: _End, effect: _End, sent_of, sentence_offset, char_offset, claim_at,
             lex: ConceptWords) -> list[CausalLink]:
    fact = assess(doc, data, FactualityWords.of(lex.lexicon))
    cue_tokens = [data["cue"][0]] + list(data.get("cue_extra", []))
    cue_start_token = doc[min(cue_tokens)]
    cue_end_token = doc[max(data["cue"][1] - 1, max(cue_tokens))]
    cue_text = _cue_text(doc, data)
    claim = claim_at.get(data["cue"][0])
    sentence_index = sent_of[data["cue"][0]]
    sent = doc_sentences(doc)[sentence_index]
    base = dict(
        doc_id=doc_id, sentence_index=sentence_index + sentence_offset, cue=cue_text,
        cue_start=cue_start_token.idx + char_offset, cue_end=cue_end_token.idx + len(cue_end_token.text) + char_offset,
        hedged=fact.hedged, modality=fact.modality,
        strength=fact.strength, polarity=fact.polarity,
        asserted_by=fact.source or (claim.asserted_by if claim else "author"),
        sentence=span_text(sent).strip(), rule=data["rule"], claim_id=claim.claim_id if claim else "",
        direction=data.get("direction", ""),
    )
    cause_span, effect_span = doc[cause.span[0]:cause.span[1]], doc[effect.span[0]:effect.span[1]]
    out = []
    change = _change_noun(doc, data)
    for cause_names, cause_via in _end_names(cause, lex, expand=True):
        for effect_names, effect_via in _end_names(effect, lex, expand=False):
            if change and not effect_via and not effect_names.startswith(change):
                # "weakened the crown": what was caused is the weakening of the crown, not the crown
                effect_names = _named_change(change, effect_names)
            # identity anaphora ("the movement" = Stakhanovism) still states the link;
            # a summed-up antecedent ("all of these factors" includes X) only implies it
            explicit = not any("includes" in v for v in (cause_via, effect_via))
            via = "; ".join(v for v in (cause_via, effect_via) if v)
            group = ""
            if "includes" in cause_via:
                group = f"{doc_id}:summary@{cause_span.start_char + char_offset}"
            elif "includes" in effect_via:
                group = f"{doc_id}:summary@{effect_span.start_char + char_offset}"
            words = cause_span
            if cause_via.startswith("list:"):  # a listed cause shows its own words
                from ..nlp.syntax import np_span

                member = next((m for m in list_members(cause.raw) if name_token(m, lex).name == cause_names), None)
                words = doc[slice(*np_span(member))] if member is not None else cause_span
            out.append(CausalLink(
                cause_text=span_text(words), effect_text=span_text(effect_span),
                cause_start=words.start_char + char_offset, cause_end=words.end_char + char_offset,
                effect_start=effect_span.start_char + char_offset, effect_end=effect_span.end_char + char_offset,
                cause_concept=cause_names, effect_concept=effect_names, explicit=explicit,
                confidence=round(data["confidence"] * (1.0 if not via else 0.9 if explicit else 0.75), 3), via=via,
                group=group, **base,
            ))
    return out


@lru_cache(maxsize=None)
def _nominalized_effect_rules() -> frozenset[str]:
    """Ids of the cue rules whose object is named by the cue's nominalization (cue rule field ``nominalized_effect``)."""
    return frozenset(rule.id for rule in load_cue_rules() if rule.nominalized_effect)


def _change_noun(doc: Doc, data: dict) -> str:
    """The nominalization of a cue verb whose object undergoes the change ("weakened X" -> "weakening"),
    for the cue rules with ``nominalized_effect``; "" otherwise."""
    from .concepts import _event_noun

    if data.get("rule") not in _nominalized_effect_rules():
        return ""
    cue = doc[data["cue"][0]]
    return _event_noun(cue.lemma_.lower()) if cue.pos_ == "VERB" else ""


def _as_change(doc: Doc, index: int, name: str) -> str:
    """The name of an antecedent that is the object of a cue verb whose effect is the change it undergoes
    (cue rule field ``nominalized_effect``): "weakened the crown" is taken up as "weakening of crown",
    the name the link to it has; any other antecedent keeps ``name``."""
    from .concepts import _event_noun

    token = doc[index]
    verb = token if token.pos_ == "VERB" else token.head if token.dep_ == "dobj" else None
    if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in _nominalized_effect_lemmas():
        return name
    noun = _event_noun(verb.lemma_.lower())
    return _named_change(noun, name) if noun and not name.startswith(noun) else name


def _named_change(noun: str, name: str) -> str:
    """The change ``noun`` names undergone by ``name`` ("weakening", "crown" -> "weakening of crown"), at most 6 words."""
    return " ".join(f"{noun} of {name}".split()[:6])


@lru_cache(maxsize=1)
def _nominalized_effect_lemmas() -> frozenset[str]:
    """Lemmas of the cue rules with ``nominalized_effect``."""
    return frozenset(lemma for rule in load_cue_rules() if rule.nominalized_effect for lemma in rule.lemmas)


def _end_names(end: _End, lex: ConceptWords, expand: bool) -> list[tuple[str, str]]:
    """The concept names an end stands for, each with how it was resolved.

    A summary anaphor with a concept of its own ("such interaction within
    enterprises") stays one concept as an effect; as a cause (``expand``) each
    summed-up concept is a cause too, which is what lets chains run through it.
    """
    if end.antecedent is None:
        if expand:  # "Inflation, a failed war and a disputed succession weakened the crown": every listed cause
            names = [(end.name.name, "")]
            appos = [c for c in end.raw.children if c.dep_ == "appos"]
            for member in list_members(end.raw)[1:]:
                named = name_token(member, lex).name
                if (member in appos or member.head in appos) and all(named != n for n, _ in names):
                    names.append((named, f"list: '{member.text}' is listed with '{end.raw.text}'"))
            return names
        return [(end.name.name, "")]
    ante = end.antecedent
    mention = span_text(end.raw.doc[end.span[0]:end.span[1]])
    if len(ante.tokens) == len(ante.names):
        # "X weakened the crown. This ...": what "This" takes up is the weakening of the crown, as the link names it
        ante = replace(ante, names=tuple(_as_change(end.raw.doc, i, n) for i, n in zip(ante.tokens, ante.names)))
    if len(ante.names) == 1 and not ante.keep_own:
        return [(ante.names[0], f"anaphora:{ante.reason} '{mention}' = '{ante.mentions[0]}'")]
    names = [(end.name.name, "")] if ante.keep_own else []
    if ante.keep_own and not ante.expand:
        # "both buffers", "the first buffer": the phrase keeps its concept; what it takes up is in the via
        return [(end.name.name, f"anaphora:{ante.reason} '{mention}' = '" + "', '".join(ante.mentions) + "'")]
    if ante.keep_own and not expand:
        return names
    names += [(n, f"anaphora:{ante.reason} '{mention}' includes '{m}'") for n, m in zip(ante.names, ante.mentions)]
    return names


def _cue_text(doc: Doc, data: dict) -> str:
    """The cue's words; a gap of one word inside it is spelled out ("played a part in"),
    a longer one is "…" ("led … to")."""
    tokens = sorted({*range(*data["cue"]), *data.get("cue_extra", [])})
    parts = []
    previous = None
    for index in tokens:
        if previous is not None and index == previous + 2 and not doc[previous + 1].is_punct:
            parts.append(doc[previous + 1].text)
        elif previous is not None and index > previous + 1:
            parts.append("…")
        parts.append(doc[index].text)
        previous = index
    return " ".join(parts)


def _dedupe(links: list[CausalLink], lex: ConceptWords) -> list[CausalLink]:
    """One link per (sentence, cause concept, effect concept, cue); explicit ones first."""
    seen = set()
    out = []
    for link in sorted(links, key=lambda l: (not l.explicit, l.cause_start, l.effect_start)):
        key = (l_key := (link.sentence_index, link.cause_concept, link.effect_concept, link.cue_start))
        if key in seen or concept_key(link.cause_concept, lex) == concept_key(link.effect_concept, lex):  # a self-loop
            continue
        seen.add(l_key)
        out.append(link)
    return sorted(out, key=lambda l: (l.sentence_index, l.cue_start, l.cause_start, l.effect_start))
