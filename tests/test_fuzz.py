"""Fuzzing the whole extraction (issue 6): random Unicode, punctuation runs, very long tokens.

Two doors are tried. :func:`argmine.batch.process.extract_text` takes raw text as
it is (control characters, stray marks and all), so the parser and the
extraction see every kind of character. :func:`argmine.analyze` takes the
text through the loader's clean-up and language check first; the generated
text there is framed by English sentences so that it is analysed rather than
refused, and a refusal (:class:`~argmine.errors.InputError`) is the one
exception allowed. Each example must raise nothing else, and every offset in
the result must lie inside the document text and slice out exactly the words
reported for it.

Example counts are modest (the parser costs tens of milliseconds per
example); set ``ARGMINE_FUZZ_EXAMPLES`` to fuzz longer.
"""
from __future__ import annotations

import io
import os

import networkx as nx
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from argmine import InputError, analyze
from argmine.batch.process import extract_text

pytestmark = pytest.mark.model

EXAMPLES = int(os.environ.get("ARGMINE_FUZZ_EXAMPLES", "25"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])

SENTENCES = [
    "The drought caused famine in the north.",
    "Hunger led to revolts against the governors, which in turn weakened the dynasty.",
    "Because the harvest failed, prices rose sharply.",
    "These reforms provoked resistance among the nobles.",
    "The war resulted in heavy debts; such debts undermined the crown.",
    "Historians have argued that inflation eroded wages.",
]
PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~…—–«»“”„‘’¡¿·•§¶†‡※"
# Units that spaCy keeps in one token when repeated (an emoji run would be one token per emoji).
LONG_TOKEN_UNITS = ["a", "Z", "é", "-", "中", "ab", "9", "_", "\u0301", "ﬁ"]

sentences = st.sampled_from(SENTENCES)
unicode_runs = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)
punctuation_runs = st.text(st.sampled_from(PUNCTUATION), min_size=1, max_size=80)
long_tokens = st.one_of(
    st.builds(lambda unit, n: unit * n, st.sampled_from(LONG_TOKEN_UNITS), st.integers(200, 2000)),
    st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzAEIOU"), min_size=300, max_size=1500),
)
separators = st.sampled_from([" ", "", "\n", "\n\n", "\t", " , ", ". "])
segments = st.one_of(sentences, unicode_runs, punctuation_runs, long_tokens)
texts = st.lists(st.tuples(segments, separators), min_size=1, max_size=8).map(
    lambda parts: "".join(segment + separator for segment, separator in parts))


def offset_problems(text: str, links, claims, resolutions) -> list[str]:
    """Every offset outside ``text`` or slicing out other words than reported, as readable strings."""
    problems = []
    n = len(text)

    def check(kind: str, start: int, end: int, expected: str | None) -> None:
        if not 0 <= start <= end <= n:
            problems.append(f"{kind} [{start}:{end}] outside 0..{n}")
        elif expected is not None and text[start:end] != expected:
            problems.append(f"{kind} [{start}:{end}] is {text[start:end]!r}, reported {expected!r}")

    for link in links:
        check("cause", link.cause_start, link.cause_end, link.cause_text)
        check("effect", link.effect_start, link.effect_end, link.effect_text)
        check("cue", link.cue_start, link.cue_end, None)
    for claim in claims:
        check("claim", claim.start, claim.end, claim.text)
    for resolution in resolutions:
        check("mention", resolution.start, resolution.end, resolution.mention)
    return problems


@FUZZ
@given(text=texts)
@example(text="")
@example(text="\x00\x01\x1b[31m\ufeff\ufffe\u2028" * 20)
@example(text="The drought caused famine. " + "x" * 120_000 + " The famine led to revolts.")
@example(text="!" * 400 + " The drought caused famine. " + "…" * 400 + "😀" * 100)
def test_fuzz_extraction_offsets_index_the_raw_text(nlp, text):
    extraction = extract_text(text, nlp=nlp)
    assert offset_problems(text, extraction.links, extraction.claims, extraction.resolutions) == []


@FUZZ
@given(middle=texts, first=sentences, last=sentences)
@example(middle="<script>alert(1)</script> & \x00 \ufffe " + "ž" * 2000, first=SENTENCES[0], last=SENTENCES[1])
def test_fuzz_analyze_offsets_index_the_document_text(first, middle, last):
    try:
        result = analyze(f"{first} {middle} {last}")
    except InputError as refusal:  # not English, or nothing left: argmine's documented refusal
        assert "\n" not in str(refusal)
        return
    text = result.documents["text"].iloc[0]
    claims = [c for item in result.chapters for c in item.extraction.claims]
    resolutions = [r for item in result.chapters for r in item.extraction.resolutions]
    assert offset_problems(text, result.link_records, claims, resolutions) == []


@FUZZ
@given(middle=texts, first=sentences, last=sentences)
def test_fuzz_analyze_result_exports_and_reads_back(first, middle, last):
    from argmine.export.writers import write_gexf, write_graphml

    try:
        result = analyze(f"{first} {middle} {last}")
    except InputError:
        return
    result.chains()
    counts = []
    for writer, reader in ((write_graphml, nx.read_graphml), (write_gexf, nx.read_gexf)):
        buffer = io.BytesIO()
        writer(result.graph, buffer)
        buffer.seek(0)
        counts.append(reader(buffer).number_of_edges())
    assert counts == [result.graph.number_of_edges()] * 2
