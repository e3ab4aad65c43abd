"""Node-label quality: the share of causal-graph node labels that are noun phrases of the text.

Run from the repository root::

    python -m bench.label_quality tests/texts/chapters ../shared/history-dev [-v]

For every document folder given (``*.txt``), argmine is run and every node
label of each document's causal graph is checked (:func:`label_ok`):

- it is not on the stop list: a pronoun, a function word, a bare verb or an
  infinitive (``to`` + verb), judged by parsing the label on its own;
- its last word is a noun (or the label is a gerund phrase, "supplying
  market"), so it is a noun phrase;
- every content word is *found* in the document (same lower-case form or
  lemma), or *nominalised* from it: a WordNet nominalization of a verb or
  adjective of the text ("closure" from "closed").

Prints the share per folder and overall (target >= 0.95); ``-v`` lists the
labels that fail with the reason. Exits 0.
"""
from __future__ import annotations

import argparse
import glob
import os
from functools import lru_cache

__all__ = ["label_ok", "main"]

_FUNCTION_POS = ("PRON", "DET", "ADP", "CCONJ", "SCONJ", "PART", "AUX", "PUNCT", "NUM", "INTJ")


@lru_cache(maxsize=1)
def _nlp():
    from argmine.nlp.model import load_nlp

    return load_nlp()


def _text_words(doc) -> set[str]:
    from argmine.nlp.wordnet import wordnet

    wn = wordnet()
    words = set()
    for token in doc:
        words.update({token.lower_, token.lemma_.lower()})
        if token.pos_ in ("VERB", "AUX"):
            words.update(wn.nominals(token.lemma_.lower()))
            from argmine.extraction.concepts import _gerund

            words.add(_gerund(token.lemma_.lower()))
        elif token.pos_ == "ADJ":
            words.update(wn.adjective_nominals(token.lemma_.lower()))
        for part in token.lower_.split("-"):
            words.add(part)
    from argmine.extraction.concepts import concept_words

    for verb, noun in concept_words().nominal_of.items():
        if verb in words:
            words.update(noun.split())
    return words


def label_ok(label: str, text_words: set[str]) -> tuple[bool, str]:
    """(ok, reason) for one node label given the words of its document (lower-case forms and lemmas)."""
    doc = _nlp()(label)
    content = [t for t in doc if not t.is_punct]
    if not content:
        return False, "empty"
    if len(content) == 1 and (content[0].pos_ in _FUNCTION_POS or content[0].pos_ == "VERB" and content[0].tag_ != "VBG"):
        return False, f"stop list: a bare {content[0].pos_.lower()}"
    if content[0].lower_ == "to" and len(content) > 1 and content[1].pos_ in ("VERB", "AUX"):
        return False, "an infinitive"
    last = content[-1]
    gerund = content[0].tag_ == "VBG" or content[0].lower_.endswith("ing")
    if last.pos_ in ("VERB", "AUX") and last.tag_ in ("VB", "VBP", "VBZ", "VBD") and not gerund:
        return False, "ends in a verb (a verb fragment)"
    if content[0].pos_ in ("PRON",) and content[0].lower_ not in ("all",):
        return False, "a pronoun"
    missing = [t.text for t in content if not (t.pos_ in _FUNCTION_POS or t.lower_ in text_words
                                                or t.lemma_.lower() in text_words
                                                or all(p in text_words for p in t.lower_.split("-")))]
    if missing:
        return False, f"not in the text: {missing}"
    return True, ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="+")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    from argmine import analyze_corpus

    total = good = 0
    for folder in args.folders:
        paths = sorted(glob.glob(os.path.join(folder, "*.txt")))
        result = analyze_corpus(paths)
        texts = dict(zip(result.documents["doc_id"], result.documents["text"]))
        n = ok = 0
        bad = []
        for doc_id, text in texts.items():
            words = _text_words(_nlp()(text))
            graph = result.causal_graph(doc_id)
            for label in sorted(graph.nodes):
                fine, why = label_ok(str(label), words)
                n += 1
                ok += fine
                if not fine:
                    bad.append(f"{doc_id}: {label!r} ({why})")
        total, good = total + n, good + ok
        print(f"{folder}: {ok}/{n} labels are noun phrases of the text ({ok / max(n, 1):.2f})")
        if args.verbose:
            for line in bad:
                print(f"    - {line}")
    print(f"overall: {good}/{total} ({good / max(total, 1):.3f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
