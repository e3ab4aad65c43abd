"""Score predicted causal relations against gold annotations.

Gold and predictions are records in the causal schema of
``../shared/data/README.md``: ``{"id", "text", "causal", "relations": [{"cause",
"effect", "cause_start", "cause_end", "effect_start", "effect_end", ...}]}``.
Predictions are what ``argmine links`` writes (the same schema without
``text``); a prediction line with an ``"error"`` key stands for a record the
extractor could not process.

Two things are scored, micro-averaged over all gold records:

- **relations**: a predicted relation is correct when its cause matches the
  cause of a gold relation of the same record and its effect matches the
  effect of that same gold relation (see :func:`spans_match`). Each gold
  relation and each predicted relation take part in at most one match; the
  matches of a record form a maximum bipartite matching (see
  :func:`match_relations`), so the number of true positives is the largest
  possible.
- **sentences**: is the passage causal? A prediction says yes when its
  ``"causal"`` is true or it has at least one relation; gold says yes when its
  ``"causal"`` is true, and when ``"causal"`` is null, when it has relations.

Gold records whose ``"causal"`` is true but which carry no relations (corpora
that only label sentences) count for the sentence metric only: relations
predicted for them are neither right nor wrong. A gold id without a
prediction, and a prediction with an ``"error"`` key, count as an empty
prediction. Predictions whose id is not in the gold are not scored; they are
counted in :attr:`Scores.extra`.

Size: about 570 lines: the reader, the span matcher and the scorer of one
schema, with their doctests; they are used together and only here.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

from ..errors import InputError

__all__ = [
    "Scores",
    "spans_match",
    "match_relations",
    "score_records",
    "read_jsonl",
    "score_files",
    "format_scores",
]

#: The head-word rule applies to gold spans of at most this many words ...
HEAD_MAX_GOLD_WORDS = 3
#: ... found inside a predicted span of at most this many words.
HEAD_MAX_PRED_WORDS = 8

_ROLES = ("cause", "effect")


@dataclass(frozen=True)
class Scores:
    """Relation and sentence-level scores of a set of predictions.

    Attributes
    ----------
    records : int
        Gold records scored.
    tp, fp, fn : int
        Matched predicted relations, unmatched predicted relations and
        unmatched gold relations.
    precision, recall, f1 : float
        Relation scores (0.0 where a denominator is zero).
    sent_tp, sent_fp, sent_fn : int
        Sentence-level causal detection counts.
    sent_precision, sent_recall, sent_f1 : float
        Sentence-level scores (0.0 where a denominator is zero).
    errors : int
        Prediction lines with an ``"error"`` key (each scored as empty).
    sent_tn : int
        Records that gold and prediction both call non-causal.
    missing : int
        Gold ids with no prediction line (each scored as empty).
    extra : int
        Prediction lines whose id is not in the gold (not scored).
    sentence_only : int
        Gold records with ``"causal": true`` and no relations, which count for
        the sentence metric only.
    exact : bool
        Whether spans had to match offsets exactly.
    """

    records: int
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float
    sent_tp: int
    sent_fp: int
    sent_fn: int
    sent_precision: float
    sent_recall: float
    sent_f1: float
    errors: int = 0
    sent_tn: int = 0
    missing: int = 0
    extra: int = 0
    sentence_only: int = 0
    exact: bool = False


def _words(text: str) -> int:
    return len(text.split())


def spans_match(
    gold: tuple[int, int],
    pred: tuple[int, int],
    gold_text: str,
    pred_text: str,
    *,
    exact: bool = False,
) -> bool:
    """Whether a predicted span matches a gold span.

    Parameters
    ----------
    gold, pred : tuple of int
        End-exclusive character offsets ``(start, end)``.
    gold_text, pred_text : str
        The text of each span, used to count whitespace-separated words.
    exact : bool
        Require identical offsets instead of the overlap rules.

    Returns
    -------
    bool
        True when the offsets are identical (``exact=True``), or else when
        the Jaccard overlap of the two character index sets is at least 0.5,
        or when the gold span has 1 to 3 words, lies inside the predicted
        span, and the predicted span has at most 8 words (head-word
        annotations as in SemEval or Causal-TimeBank).

    Examples
    --------
    >>> spans_match((0, 10), (5, 10), "a" * 10, "a" * 5)
    True
    >>> spans_match((0, 10), (6, 10), "a" * 10, "a" * 4)
    False
    >>> spans_match((4, 9), (0, 18), "price", "the price of wheat")
    True
    >>> spans_match((4, 9), (0, 18), "price", "the price of wheat", exact=True)
    False
    """
    gold_start, gold_end = gold
    pred_start, pred_end = pred
    if exact:
        return gold_start == pred_start and gold_end == pred_end
    overlap = max(0, min(gold_end, pred_end) - max(gold_start, pred_start))
    union = (gold_end - gold_start) + (pred_end - pred_start) - overlap
    # Integer form of overlap / union >= 0.5, so the boundary is exact.
    if union > 0 and 2 * overlap >= union:
        return True
    gold_words = _words(gold_text)
    return (
        1 <= gold_words <= HEAD_MAX_GOLD_WORDS
        and pred_start <= gold_start
        and gold_end <= pred_end
        and _words(pred_text) <= HEAD_MAX_PRED_WORDS
    )


@dataclass(frozen=True)
class _Relation:
    """A relation's spans as offsets plus the text of each span."""

    cause: tuple[int, int]
    effect: tuple[int, int]
    cause_text: str
    effect_text: str


def match_relations(
    gold: Sequence[Mapping],
    pred: Sequence[Mapping],
    text: str | None = None,
    *,
    exact: bool = False,
) -> list[tuple[int, int]]:
    """Match the predicted relations of one record to its gold relations.

    A pair can match when :func:`spans_match` accepts both its causes and its
    effects. Among such pairs a maximum bipartite matching is chosen
    (augmenting paths, Kuhn's algorithm), so no gold relation and no
    predicted relation is used twice and the number of matches is the
    largest possible. The matching is deterministic: predictions are placed
    in input order, each trying gold relations in input order.

    Parameters
    ----------
    gold, pred : sequence of mapping
        Relations with ``cause_start``, ``cause_end``, ``effect_start`` and
        ``effect_end``.
    text : str, optional
        The record's text. When given, the words of every span are counted
        on ``text[start:end]``; otherwise on the relation's ``cause`` and
        ``effect`` strings.
    exact : bool
        Require identical offsets.

    Returns
    -------
    list of tuple of int
        ``(gold_index, pred_index)`` pairs, sorted by gold index.

    Raises
    ------
    ValueError
        When a relation lacks valid offsets.

    Examples
    --------
    >>> rel = {"cause_start": 0, "cause_end": 4, "effect_start": 10, "effect_end": 15}
    >>> match_relations([rel], [rel, rel], "rain makes flood")
    [(0, 0)]
    """
    gold_rels = _relations(gold, text, "gold")
    pred_rels = _relations(pred, text, "predicted")
    return _maximum_matching(gold_rels, pred_rels, exact=exact)


def _maximum_matching(
    gold: Sequence[_Relation], pred: Sequence[_Relation], *, exact: bool
) -> list[tuple[int, int]]:
    candidates = [
        [
            g
            for g, gold_rel in enumerate(gold)
            if spans_match(gold_rel.cause, pred_rel.cause, gold_rel.cause_text,
                           pred_rel.cause_text, exact=exact)
            and spans_match(gold_rel.effect, pred_rel.effect, gold_rel.effect_text,
                            pred_rel.effect_text, exact=exact)
        ]
        for pred_rel in pred
    ]
    pred_of_gold: dict[int, int] = {}

    def place(p: int, seen: set[int]) -> bool:
        # Kuhn's augmenting path: take a free candidate gold relation, or
        # move the prediction holding one to another of its candidates.
        for g in candidates[p]:
            if g in seen:
                continue
            seen.add(g)
            if g not in pred_of_gold or place(pred_of_gold[g], seen):
                pred_of_gold[g] = p
                return True
        return False

    for p in range(len(pred)):
        place(p, set())
    return sorted(pred_of_gold.items())


def _relations(relations: Sequence[Mapping], text: str | None, side: str) -> list[_Relation]:
    return [_relation(r, text, f"{side} relation {i}") for i, r in enumerate(relations)]


def _relation(rel: Mapping, text: str | None, what: str) -> _Relation:
    if not isinstance(rel, Mapping):
        raise ValueError(f"{what} is {type(rel).__name__}, expected an object")
    offsets = {}
    for role in _ROLES:
        start, end = rel.get(f"{role}_start"), rel.get(f"{role}_end")
        for key, value in ((f"{role}_start", start), (f"{role}_end", end)):
            if not isinstance(value, int) or isinstance(value, bool):
                raise ValueError(f"{what}: {key} is {value!r}, expected an integer offset")
        if not 0 <= start <= end:
            raise ValueError(f"{what}: {role} offsets ({start}, {end}) are not 0 <= start <= end")
        if text is not None and end > len(text):
            raise ValueError(
                f"{what}: {role}_end {end} is past the end of the text ({len(text)} characters)"
            )
        offsets[role] = (start, end)
    texts = {}
    for role in _ROLES:
        start, end = offsets[role]
        if text is not None:
            texts[role] = text[start:end]
        elif isinstance(rel.get(role), str):
            texts[role] = rel[role]
        else:
            raise ValueError(f"{what}: no {role} text and no record text to count its words")
    return _Relation(offsets["cause"], offsets["effect"], texts["cause"], texts["effect"])


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def _f1(tp: int, fp: int, fn: int) -> float:
    # 2PR / (P + R) written on the counts, which avoids rounding twice.
    return _ratio(2 * tp, 2 * tp + fp + fn)


def _relations_of(record: Mapping, what: str) -> list:
    relations = record.get("relations")
    if relations is None:
        return []
    if not isinstance(relations, list):
        raise ValueError(f"{what}: relations is {type(relations).__name__}, expected a list")
    return relations


def _record_id(record: object, name: str, number: int) -> str | int:
    if not isinstance(record, Mapping):
        raise InputError(name, f"record {number} is {type(record).__name__}, expected an object")
    record_id = record.get("id")
    if not isinstance(record_id, (str, int)) or isinstance(record_id, bool):
        raise InputError(name, f"record {number} has id {record_id!r}, expected a string")
    return record_id


def score_records(
    gold: Iterable[dict],
    pred: Iterable[dict],
    *,
    exact: bool = False,
    gold_name: str = "gold",
    pred_name: str = "predictions",
) -> Scores:
    """Score predicted records against gold records.

    Parameters
    ----------
    gold : iterable of dict
        Gold records in the causal schema; ids must be unique.
    pred : iterable of dict
        Predicted records (``id``, ``causal``, ``relations``), or error
        records (``id`` and ``error``); ids must be unique. Order does not
        matter; records are paired by id.
    exact : bool
        Require spans to match offsets exactly.
    gold_name, pred_name : str
        Names of the two sources, used in error messages.

    Returns
    -------
    Scores

    Raises
    ------
    argmine.errors.InputError
        On a record without an id, a duplicate id, or a relation without
        valid offsets.

    Examples
    --------
    >>> rel = {"cause_start": 0, "cause_end": 4, "effect_start": 11, "effect_end": 16}
    >>> gold = [{"id": "a", "text": "Rain causes flood", "causal": True, "relations": [rel]}]
    >>> s = score_records(gold, [{"id": "a", "causal": True, "relations": [rel]}])
    >>> (s.tp, s.fp, s.fn, s.f1, s.sent_f1)
    (1, 0, 0, 1.0, 1.0)
    """
    predictions: dict[str | int, Mapping] = {}
    errors = 0
    for number, record in enumerate(pred, start=1):
        if isinstance(record, Mapping) and "error" in record:
            errors += 1
            if record.get("id") is None:
                continue  # an error without an id cannot be paired; it is counted
        record_id = _record_id(record, pred_name, number)
        if record_id in predictions:
            raise InputError(pred_name, f"record {number}: duplicate id {record_id!r}")
        predictions[record_id] = record

    seen: set[str | int] = set()
    tp = fp = fn = 0
    sent_tp = sent_fp = sent_fn = sent_tn = 0
    missing = sentence_only = 0
    for number, record in enumerate(gold, start=1):
        record_id = _record_id(record, gold_name, number)
        if record_id in seen:
            raise InputError(gold_name, f"record {number}: duplicate id {record_id!r}")
        seen.add(record_id)
        try:
            gold_relations = _relations_of(record, f"record {record_id!r}")
        except ValueError as error:
            raise InputError(gold_name, str(error)) from error
        gold_causal = record.get("causal")
        if gold_causal is None:
            gold_causal = bool(gold_relations)

        prediction = predictions.get(record_id)
        if prediction is None:
            missing += 1
            pred_relations, pred_causal = [], False
        elif "error" in prediction:
            pred_relations, pred_causal = [], False
        else:
            try:
                pred_relations = _relations_of(prediction, f"record {record_id!r}")
            except ValueError as error:
                raise InputError(pred_name, str(error)) from error
            pred_causal = prediction.get("causal") is True or bool(pred_relations)

        if gold_causal and pred_causal:
            sent_tp += 1
        elif pred_causal:
            sent_fp += 1
        elif gold_causal:
            sent_fn += 1
        else:
            sent_tn += 1

        text = record.get("text") if isinstance(record.get("text"), str) else None
        try:
            gold_rels = _relations(gold_relations, text, "gold")
        except ValueError as error:
            raise InputError(gold_name, f"record {record_id!r}: {error}") from error
        try:
            pred_rels = _relations(pred_relations, text, "predicted")
        except ValueError as error:
            raise InputError(pred_name, f"record {record_id!r}: {error}") from error
        if gold_causal and not gold_relations:
            sentence_only += 1
            continue
        matched = len(_maximum_matching(gold_rels, pred_rels, exact=exact))
        tp += matched
        fp += len(pred_relations) - matched
        fn += len(gold_relations) - matched

    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    sent_precision = _ratio(sent_tp, sent_tp + sent_fp)
    sent_recall = _ratio(sent_tp, sent_tp + sent_fn)
    return Scores(
        records=len(seen),
        tp=tp,
        fp=fp,
        fn=fn,
        precision=precision,
        recall=recall,
        f1=_f1(tp, fp, fn),
        sent_tp=sent_tp,
        sent_fp=sent_fp,
        sent_fn=sent_fn,
        sent_precision=sent_precision,
        sent_recall=sent_recall,
        sent_f1=_f1(sent_tp, sent_fp, sent_fn),
        errors=errors,
        sent_tn=sent_tn,
        missing=missing,
        extra=len(set(predictions) - seen),
        sentence_only=sentence_only,
        exact=exact,
    )


def read_jsonl(path: str | PathLike) -> Iterator[dict]:
    """Yield the JSON objects of a JSON Lines file, skipping blank lines.

    Parameters
    ----------
    path : str or path-like
        A UTF-8 file with one JSON object per line.

    Yields
    ------
    dict

    Raises
    ------
    argmine.errors.InputError
        When the file cannot be opened, or a line is not UTF-8, not JSON, or
        not a JSON object; the reason names the line number.
    """
    path = Path(path)
    try:
        handle = path.open("rb")
    except OSError as error:
        raise InputError(str(path), f"cannot be read ({error.strerror or error})") from error
    with handle:
        for number, raw in enumerate(handle, start=1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                raise InputError(str(path), f"line {number}: not UTF-8 ({error.reason})") from error
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(
                    str(path), f"line {number}: not valid JSON ({error.msg}, column {error.colno})"
                ) from error
            if not isinstance(record, dict):
                raise InputError(
                    str(path), f"line {number}: a JSON {type(record).__name__}, expected an object"
                )
            yield record


def score_files(
    gold_path: str | PathLike, pred_path: str | PathLike, *, exact: bool = False
) -> Scores:
    """Score a predictions file against a gold file (both JSON Lines).

    Parameters
    ----------
    gold_path, pred_path : str or path-like
    exact : bool
        Require spans to match offsets exactly.

    Returns
    -------
    Scores

    Raises
    ------
    argmine.errors.InputError
        On an unreadable file or a malformed line or record, naming the file.
    """
    return score_records(
        read_jsonl(gold_path),
        read_jsonl(pred_path),
        exact=exact,
        gold_name=str(gold_path),
        pred_name=str(pred_path),
    )


def format_scores(scores: Scores, name: str = "") -> str:
    """Render scores as a short human-readable block.

    Parameters
    ----------
    scores : Scores
    name : str
        A title for the block, such as the gold file or corpus name.

    Returns
    -------
    str
        Lines without a trailing newline.

    Examples
    --------
    >>> s = Scores(10, 3, 1, 2, 0.75, 0.6, 2/3, 5, 1, 0, 5/6, 1.0, 10/11)
    >>> print(format_scores(s, "cnc_v2"))
    cnc_v2 (overlap match)
    records    10   errors 0   missing 0
    relations  P 0.750  R 0.600  F1 0.667   tp 3  fp 1  fn 2
    sentences  P 0.833  R 1.000  F1 0.909   tp 5  fp 1  fn 0
    """
    mode = "exact match" if scores.exact else "overlap match"
    title = f"{name} ({mode})" if name else f"({mode})"
    lines = [
        title,
        f"records    {scores.records}   errors {scores.errors}   missing {scores.missing}",
        f"relations  P {scores.precision:.3f}  R {scores.recall:.3f}  F1 {scores.f1:.3f}"
        f"   tp {scores.tp}  fp {scores.fp}  fn {scores.fn}",
        f"sentences  P {scores.sent_precision:.3f}  R {scores.sent_recall:.3f}"
        f"  F1 {scores.sent_f1:.3f}   tp {scores.sent_tp}  fp {scores.sent_fp}"
        f"  fn {scores.sent_fn}",
    ]
    if scores.extra:
        lines.append(f"ignored    {scores.extra} predictions whose id is not in the gold")
    if scores.sentence_only:
        lines.append(
            f"note       {scores.sentence_only} causal gold records without relations"
            " scored for sentences only"
        )
    return "\n".join(lines)
