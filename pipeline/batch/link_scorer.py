"""A learned link scorer: the chance that a stated relation is one an annotation scheme counts.

The rules state every relation they can read; a corpus annotates only some of them (the
Causal News Corpus, for instance, leaves out harm suffered "in" an event and many agents'
acts, and draws its spans by its own conventions). A :class:`LinkScorer` is a logistic
regression over features of each stated relation (:func:`relation_features`: the rule and
cue behind it, its strength, polarity, modality and direction, the lengths of its ends,
their order and distance, how many relations the passage states, the passage's length);
:func:`argmine.batch.links.predict_records` drops a relation whose probability is below the
scorer's ``threshold``. No word of the text other than the cue is a feature, so a scorer
learns which of argmine's readings a scheme counts, not the topic of the corpus.

Weights are plain JSON (no pickle), applied here with the standard library. A scorer is
trained by ``scripts/train_link_scorer.py`` (with :mod:`argmine.evaluation.link_training`; numpy, Newton's method on the L2-penalised
log-likelihood: :func:`fit_logistic`) on a corpus whose licence allows shipping it (the
Causal News Corpus v2 is CC0), and measured on records it never saw by k-fold
cross-validation (``python -m bench.link_scorer_cv``). The model file also keeps, for each
fold, the weights trained without that fold and the record groups it held out, so that
scoring the training corpus itself (``bench.eval_corpora``) uses for each record weights
that never saw it (:meth:`LinkScorer.weights_for`).

A scorer is off by default (``argmine links``, ``argmine run`` and history texts do not use
one); it is applied where it was measured: ``bench.eval_corpora``'s scheme of the corpus it
was trained on, or ``argmine links --scorer FILE``.
"""
from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..records import CausalLink

__all__ = [
    "FEATURE_VERSION",
    "LinkScorer",
    "relation_features",
    "record_group",
    "fit_logistic",
    "load_scorer",
]

#: Bumped whenever :func:`relation_features` changes; a model file of another version is refused.
FEATURE_VERSION = 1

#: Upper bounds of the word-count bins of an end (the last bin is "more").
_SPAN_BINS = (1, 2, 3, 5, 8, 12, 20)
#: ... of the words between the two ends.
_GAP_BINS = (0, 1, 2, 4, 8)
#: ... of the words of the passage.
_TEXT_BINS = (10, 20, 30, 45, 60)


def _bin(value: int, edges: Sequence[int]) -> str:
    for edge in edges:
        if value <= edge:
            return str(edge)
    return "more"


def _words(text: str) -> int:
    return len(text.split())


def relation_features(links: Sequence[CausalLink], relation: Mapping, text: str, n_relations: int) -> dict[str, float]:
    """The features of one stated relation, as ``{name: value}`` (indicator features have value 1).

    Parameters
    ----------
    links : sequence of CausalLink
        The links behind the relation (:func:`argmine.batch.links.stated_relations`); the first
        gives the rule, cue, strength, polarity, modality, direction and sentence index.
    relation : mapping
        The relation in the ``argmine links`` schema (``cause``, ``effect`` and their offsets).
    text : str
        The passage the offsets index.
    n_relations : int
        How many relations the passage states.

    Returns
    -------
    dict of str to float
        Names such as ``rule=connective-after``, ``cue=after``, ``cause_words=5``,
        ``cause_first``; no word of the passage other than the cue.
    """
    link = links[0]
    cause_start, cause_end = relation["cause_start"], relation["cause_end"]
    effect_start, effect_end = relation["effect_start"], relation["effect_end"]
    cause_first = cause_start < effect_start
    gap = text[min(cause_end, effect_end):max(cause_start, effect_start)]
    before = text[:min(cause_start, effect_start)]
    features = {
        "bias": 1.0,
        f"rule={link.rule}": 1.0,
        f"cue={(link.cue or '').lower()}": 1.0,
        f"strength={link.strength}": 1.0,
        f"polarity={link.polarity}": 1.0,
        f"modality={link.modality}": 1.0,
        f"direction={link.direction}": 1.0,
        f"resolved={'yes' if link.via else 'no'}": 1.0,
        f"confidence={round(link.confidence, 1)}": 1.0,
        f"cause_words={_bin(_words(text[cause_start:cause_end]), _SPAN_BINS)}": 1.0,
        f"effect_words={_bin(_words(text[effect_start:effect_end]), _SPAN_BINS)}": 1.0,
        f"gap_words={_bin(_words(gap), _GAP_BINS)}": 1.0,
        f"relations={_bin(n_relations, (1, 2, 3))}": 1.0,
        f"links={_bin(len(links), (1, 2))}": 1.0,
        f"text_words={_bin(_words(text), _TEXT_BINS)}": 1.0,
        f"sentence={_bin(link.sentence_index, (0, 1))}": 1.0,
    }
    if cause_first:
        features["cause_first"] = 1.0
    if ":" in before:
        features["after_colon"] = 1.0
    return features


def record_group(record_id: str | int) -> str:
    """The group of a record for cross-validation: its id without the last ``_`` field.

    The Causal News Corpus numbers sentences within a news article (``..._<article>_<sentence>``);
    the sentences of one article go to the same fold.

    >>> record_group("cnc_v2:train_03_17_2210")
    'cnc_v2:train_03_17'
    >>> record_group(12)
    '12'
    """
    text = str(record_id)
    return text.rsplit("_", 1)[0] if "_" in text else text


def _logit(weights: Mapping[str, float], features: Mapping[str, float]) -> float:
    return sum(weights.get(name, 0.0) * value for name, value in features.items())


@dataclass(frozen=True)
class LinkScorer:
    """Logistic-regression weights over :func:`relation_features`, with a threshold.

    ``weights``: feature name to weight (a feature not listed weighs 0). ``threshold``: a
    relation whose probability is below it is dropped (in [0, 1]). ``folds``: for each
    cross-validation fold, the record groups (:func:`record_group`) it held out and the weights
    trained without them. ``meta``: where the model came from (corpus, licence, command,
    held-out figures), kept as written.
    """

    weights: Mapping[str, float]
    threshold: float
    folds: tuple[tuple[frozenset[str], Mapping[str, float]], ...] = ()
    meta: Mapping = field(default_factory=dict)

    def weights_for(self, record_id: str | int | None) -> Mapping[str, float]:
        """The weights that never saw ``record_id``: its fold's when it was held out of one, else the full model's."""
        if record_id is not None and self.folds:
            group = record_group(record_id)
            for held_out, weights in self.folds:
                if group in held_out:
                    return weights
        return self.weights

    def probability(self, features: Mapping[str, float], record_id: str | int | None = None) -> float:
        """The probability (0 to 1) that a relation with these features is right."""
        z = _logit(self.weights_for(record_id), features)
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        ez = math.exp(z)
        return ez / (1.0 + ez)

    def keeps(self, features: Mapping[str, float], record_id: str | int | None = None) -> bool:
        """Whether the relation's probability reaches the threshold."""
        return self.probability(features, record_id) >= self.threshold

    def to_dict(self) -> dict:
        """The JSON form read by :meth:`from_dict`."""
        return {
            "feature_version": FEATURE_VERSION,
            "threshold": self.threshold,
            "meta": dict(self.meta),
            "weights": dict(sorted(self.weights.items())),
            "folds": [{"held_out_groups": sorted(groups), "weights": dict(sorted(weights.items()))}
                      for groups, weights in self.folds],
        }

    @classmethod
    def from_dict(cls, data: Mapping) -> LinkScorer:
        """A scorer from its JSON form.

        Raises
        ------
        ValueError
            When the file was written for other features, or the threshold is not in [0, 1].
        """
        version = data.get("feature_version")
        if version != FEATURE_VERSION:
            raise ValueError(f"link scorer written for features version {version!r}; this argmine computes "
                             f"version {FEATURE_VERSION}: retrain it with scripts/train_link_scorer.py")
        threshold = float(data["threshold"])
        if not 0.0 <= threshold <= 1.0:
            raise ValueError(f"link scorer threshold must be in [0, 1], got {threshold}")
        folds = tuple((frozenset(fold["held_out_groups"]), {k: float(v) for k, v in fold["weights"].items()})
                      for fold in data.get("folds", ()))
        return cls({k: float(v) for k, v in data["weights"].items()}, threshold, folds, dict(data.get("meta", {})))


def load_scorer(name_or_path: str | Path) -> LinkScorer:
    """A scorer from a JSON file: a path, or the name of a file shipped in ``models/`` (``argmine.lexicon``).

    Raises
    ------
    FileNotFoundError
        When neither a file at that path nor a shipped model of that name exists.
    ValueError
        See :meth:`LinkScorer.from_dict`.
    """
    path = Path(name_or_path)
    if not path.is_file():
        shipped = resources.files("argmine.lexicon").joinpath(str(name_or_path))
        if not shipped.is_file():
            raise FileNotFoundError(f"no link scorer at {name_or_path} (nor shipped in models/)")
        return LinkScorer.from_dict(json.loads(shipped.read_text(encoding="utf-8")))
    return LinkScorer.from_dict(json.loads(path.read_text(encoding="utf-8")))


def fit_logistic(rows: Sequence[Mapping[str, float]], labels: Sequence[int], *, l2: float = 1.0,
                 min_count: int = 2, iterations: int = 100) -> dict[str, float]:
    """Logistic-regression weights for feature rows and 0/1 labels (needs numpy).

    Features seen in fewer than ``min_count`` rows are left out (weight 0). The weights
    maximise the log-likelihood less ``l2 / 2`` times their squared norm (the bias included),
    found by Newton's method (stops when no weight moves by more than 1e-7).

    >>> w = fit_logistic([{"bias": 1, "a": 1}] * 4 + [{"bias": 1}] * 4, [1, 1, 1, 0, 0, 0, 0, 1])
    >>> w["a"] > 0
    True
    """
    import numpy as np

    if len(rows) != len(labels):
        raise ValueError(f"{len(rows)} feature rows but {len(labels)} labels")
    counts = Counter(name for row in rows for name in row)
    names = sorted(name for name, count in counts.items() if count >= min_count)
    index = {name: j for j, name in enumerate(names)}
    X = np.zeros((len(rows), len(names)))
    for i, row in enumerate(rows):
        for name, value in row.items():
            j = index.get(name)
            if j is not None:
                X[i, j] = value
    y = np.asarray(labels, dtype=float)
    w = np.zeros(len(names))
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(X @ w)))
        gradient = X.T @ (p - y) + l2 * w
        hessian = (X.T * (p * (1.0 - p))) @ X + l2 * np.eye(len(names))
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return {name: round(float(weight), 6) for name, weight in zip(names, w) if abs(weight) > 1e-9}

