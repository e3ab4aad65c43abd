"""bench.signal_misses: the signal of a gold relation and why a prediction misses it (no model, records of ours)."""
from __future__ import annotations

from bench.signal_misses import miss_kind, signal_misses, signal_of

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
