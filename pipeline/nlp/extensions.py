"""Every custom attribute argmine sets on spaCy objects, registered in one place.

Components call :func:`ensure_extensions` in their constructor, so that worker
processes started by ``nlp.pipe(n_process=...)`` have the attributes too.
Only plain data is stored under ``doc._``: lists of dicts holding token
indices, strings and numbers, so that a ``DocBin(store_user_data=True)``
round-trips.
"""
from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["DOC_EXTENSIONS", "ensure_extensions"]

#: name -> default of every ``Doc._`` attribute argmine owns.
DOC_EXTENSIONS: dict[str, object] = {
    "causal_links": None,  # list[dict]: token-level causal links (components/causal.py)
    "claim_units": None,  # list[dict]: argumentative units (components/claims.py)
    "argmine_chunk_offset": 0,  # character offset of this Doc in its chapter (long texts)
}

_OWNER_TAG = "argmine"


def ensure_extensions() -> None:
    """Register argmine's ``Doc._`` attributes, once; fail loudly on a clash.

    >>> ensure_extensions(); ensure_extensions()  # idempotent
    """
    for name, default in DOC_EXTENSIONS.items():
        if Doc.has_extension(name):
            existing = Doc.get_extension(name)
            if existing[0] != default or existing[1:] != (None, None, None):
                raise RuntimeError(
                    f"Doc._.{name} is already registered by other code with a different "
                    f"definition; argmine needs it (default={default!r})"
                )
            continue
        Doc.set_extension(name, default=default)
