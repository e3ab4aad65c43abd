"""Training data and cross-validation folds for the learned link scorer (:mod:`argmine.batch.link_scorer`).

Used by ``scripts/train_link_scorer.py`` (the shipped model) and ``bench.link_scorer_cv`` (its
held-out figures): argmine states its relations on gold records of the causal schema
(:func:`stated_items`), each labelled by the corpus scorer's own matching; the records are dealt
into folds by :func:`~argmine.batch.link_scorer.record_group`, and one logistic regression is
fitted per fold on the others (:func:`cross_fit`). Needs numpy.
"""
from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

from ..batch.link_scorer import fit_logistic, record_group, relation_features
from ..batch.links import extract_records, stated_relations
from .scoring import match_relations

__all__ = ["stated_items", "training_rows", "fold_of_groups", "cross_fit"]


def stated_items(gold: Sequence[Mapping], nlp=None) -> list[tuple[Mapping, list[tuple[dict, dict[str, float], int]]]]:
    """Each gold record with the relations argmine states in it: ``(relation, features, label)``.

    ``gold``: records of the causal schema (``id``, ``text``, ``relations``), each id once. The
    label is 1 when the relation is matched to a gold relation of its record by
    :func:`argmine.evaluation.scoring.match_relations` (the scorer's own matching), else 0.
    A record whose extraction fails is left out.
    """
    by_id = {record["id"]: record for record in gold}
    out = []
    for record, links in extract_records({"id": r["id"], "text": r["text"]} for r in gold):
        if isinstance(links, Exception):
            continue
        items = stated_relations(links, record["text"])
        gold_relations = by_id[record["id"]].get("relations") or []
        matched = {p for _, p in match_relations(gold_relations, [rel for _, rel in items], record["text"])} \
            if gold_relations and items else set()
        out.append((by_id[record["id"]], [
            (relation, relation_features(group, relation, record["text"], len(items)), int(i in matched))
            for i, (group, relation) in enumerate(items)]))
    return out


def training_rows(items: Sequence[tuple[Mapping, Sequence[tuple[dict, dict[str, float], int]]]]
                  ) -> list[tuple[str | int, dict[str, float], int]]:
    """``(record id, features, label)`` for every relation of :func:`stated_items`."""
    return [(record["id"], features, label) for record, relations in items for _, features, label in relations]


def fold_of_groups(groups: Sequence[str], k: int, seed: int = 0) -> dict[str, int]:
    """Each group's fold (0 to k-1): the sorted groups shuffled with ``seed``, dealt in turn."""
    ordered = sorted(set(groups))
    random.Random(seed).shuffle(ordered)
    return {group: i % k for i, group in enumerate(ordered)}


def cross_fit(rows: Sequence[tuple[str | int, Mapping[str, float], int]], k: int = 5, seed: int = 0, *,
              l2: float = 1.0, min_count: int = 2) -> tuple[tuple[frozenset[str], dict[str, float]], ...]:
    """For each of ``k`` folds of record groups, the groups it holds out and weights fitted on the others."""
    fold = fold_of_groups([record_group(record_id) for record_id, _, _ in rows], k, seed)
    out = []
    for f in range(k):
        train = [(features, label) for record_id, features, label in rows if fold[record_group(record_id)] != f]
        weights = fit_logistic([x for x, _ in train], [y for _, y in train], l2=l2, min_count=min_count)
        out.append((frozenset(g for g, i in fold.items() if i == f), weights))
    return tuple(out)
