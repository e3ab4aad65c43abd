"""bench.signal_misses: the signal of a gold relation and why a prediction misses it (no model, records of ours)."""
from __future__ import annotations

from bench.signal_misses import false_positive_kind, false_positives, miss_kind, signal_misses, signal_of

TEXT = "The dyke broke in March , which led to the loss of the harvest ."
CAUSE = (0, 25)   # "The dyke broke in March ,"
EFFECT = (39, 64)  # "the loss of the harvest ."


def relation(cause, effect, text=TEXT, signal=None):
    return {"cause": text[slice(*cause)], "effect": text[slice(*effect)], "cause_start": cause[0], "cause_end": cause[1],
            "effect_start": effect[0], "effect_end": effect[1], "signal": signal}


def test_signal_is_the_words_between_the_spans_when_none_is_annotated():
    assert TEXT[slice(*CAUSE)] == "The dyke broke in March ," and TEXT[slice(*EFFECT)] == "the loss of the harvest ."
    assert signal_of(TEXT, relation(CAUSE, EFFECT)) == "which led to"
    assert signal_of(TEXT, relation(CAUSE, EFFECT, signal="Led To")) == "led to"


def test_miss_kinds():
    gold = relation(CAUSE, EFFECT)
    assert miss_kind(TEXT, gold, []) == "no prediction"
    assert miss_kind(TEXT, gold, [relation((4, 8), (39, 62))]) == "cause"       # "dyke" is too short a cause
    assert miss_kind(TEXT, gold, [relation((0, 23), (43, 47))]) == "effect"     # "loss" is too short an effect
    assert miss_kind(TEXT, gold, [relation((43, 47), (4, 8))]) == "reversed"
    assert miss_kind(TEXT, gold, [relation((4, 8), (9, 14))]) == "elsewhere"


def test_counts_by_signal():
    records = [{"id": "a", "text": TEXT, "relations": [relation(CAUSE, EFFECT)]}]
    total, hit, missed = signal_misses(records, {"a": {"relations": [relation((0, 23), (39, 62))]}})
    assert (total["which led to"], hit["which led to"], sum(missed.values())) == (1, 1, 0)
    total, hit, missed = signal_misses(records, {"a": {"relations": []}})
    assert (hit["which led to"], missed[("which led to", "no prediction")]) == (0, 1)


def test_false_positive_kinds():
    gold = [relation(CAUSE, EFFECT)]
    assert false_positive_kind(TEXT, [], relation((4, 8), (43, 47)), set()) == "no gold"
    assert false_positive_kind(TEXT, gold, relation((4, 8), (43, 47)), set()) == "near"          # both ends too short
    assert false_positive_kind(TEXT, gold, relation((4, 8), (43, 47)), {0}) == "near matched"
    assert false_positive_kind(TEXT, gold, relation((43, 47), (4, 8)), set()) == "reversed"
    assert false_positive_kind(TEXT, gold, relation((4, 8), (9, 14)), set()) == "extra"
    assert false_positive_kind(TEXT, gold, relation((4, 8), (9, 14)), {0}) == "extra, gold all matched"


def test_false_positives_counted_by_cue():
    records = [{"id": "a", "text": TEXT, "relations": [relation(CAUSE, EFFECT)]},
               {"id": "b", "text": TEXT, "relations": []}]
    predictions = {"a": {"relations": [relation((0, 23), (39, 62), signal="led to"),
                                       relation((4, 8), (9, 14), signal="in")]},
                   "b": {"relations": [relation((0, 23), (39, 62), signal="led to")]}}
    kinds, by_cue, matched = false_positives(records, predictions)
    assert kinds == {"extra, gold all matched": 1, "no gold": 1}
    assert by_cue[("no gold", "led to")] == 1 and matched["led to"] == 1
