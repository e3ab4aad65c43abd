"""Shared fixtures. The English model is loaded once per session."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "stakhanovite-movement.cambridge-core.txt"
CHAPTERS = ROOT / "tests" / "texts" / "chapters"
SHARED_DATA = Path(os.environ.get("ARGMINE_SHARED_DATA", ROOT.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def nlp():
    from argmine.nlp.model import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seed_result():
    from argmine import analyze

    return analyze(SEED)


@pytest.fixture(scope="session")
def chapters_result():
    from argmine import analyze_corpus

    return analyze_corpus([CHAPTERS])


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data, or skip where it is absent (a user's clone)."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"{SHARED_DATA} is not here (only CI and developers have ../shared)")
    return SHARED_DATA


@pytest.fixture
def extract_links(nlp):
    """Links of a short text, as (cause_concept, cue, effect_concept) triples."""
    from argmine.batch.process import extract_text

    def run(text: str):
        return extract_text(text, nlp=nlp).links

    return run


def component_links(nlp, text: str, *, strength: bool = True) -> list[tuple[str, ...]]:
    """The causal component's links of ``text``: (rule, cause text, effect text[, strength]) in its order."""
    doc = nlp(text)
    return [(l["rule"], doc[slice(*l["cause"])].text, doc[slice(*l["effect"])].text)
            + ((l["strength"],) if strength else ()) for l in doc._.causal_links]


def component_effects(nlp, text: str) -> list[str]:
    """The effect texts of the causal component's links of ``text``, in its order."""
    return [effect for _, _, effect in component_links(nlp, text, strength=False)]
