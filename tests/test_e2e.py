"""End to end: `argmine run` on the shipped corpus, as a user runs it."""
from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from conftest import ROOT

pytestmark = pytest.mark.model

EXPECTED_PAIRS = [
    ("Stakhanovism", "tensions"),                                   # the movement produced new tensions / exacerbated old ones
    ("tensions", "Great Terror"),                                   # these strains ... linked ... to the Great Terror
    ("Stakhanovism", "factory life"),                               # unsettling effects on factory life
    ("Stakhanovism", "criticism of management"),                    # the movement broadened and/or revived ... to criticize management
    ("criticism of management", "tensions"),                        # this wave of criticism enhanced old tensions, provoked new ones
    ("supervisors' reactions", "problems between levels"),          # supervisors' reactions ... caused further problems
    ("Stakhanovism", "interaction within enterprises"),             # unleashed or deepened by Stakhanovism
    ("interaction within enterprises", "suspicion of sabotage"),    # led ... the leadership to suspect ... sabotage
    ("suspicion of sabotage", "Great Terror"),                      # all of these factors played a part in engendering
]
CHROME = ["Hostname", "Get access", "Kindle", "Dropbox", "Google Drive", "e-mail", "email", "wi-fi",
          "Access options", "Available formats", "Skip to main content", "coreplatform"]


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    completed = subprocess.run([sys.executable, "-m", "argmine", "run", "--out", str(out), "--quiet"],
                               cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert completed.returncode == 0, completed.stderr
    return out


@pytest.mark.parametrize("name", ["documents.csv", "claims.csv", "links.csv", "concepts.csv", "graph.graphml",
                                  "graph.png", "report.html"])
def test_e2e_run_writes_file(run_dir, name):
    assert (run_dir / name).stat().st_size > 0


def test_e2e_run_writes_no_errors_csv(run_dir):
    assert not (run_dir / "errors.csv").exists()


def test_e2e_documents_metadata(run_dir):
    row = pd.read_csv(run_dir / "documents.csv", dtype=str, keep_default_na=False).iloc[0]
    got = {k: row[k] for k in ("chapter_number", "title", "book_title", "book_subtitle", "pages", "publisher",
                               "print_year", "online_date", "content_type")}
    assert got == {
        "chapter_number": "6",
        "title": "The Stakhanovite Movement: The Background to the Great Terror in the Factories, 1935–1938",
        "book_title": "Stalinist Terror", "book_subtitle": "New Perspectives", "pages": "142–160",
        "publisher": "Cambridge University Press", "print_year": "1993", "online_date": "2009-12-07",
        "content_type": "Chapter",
    }


@pytest.mark.parametrize("pair", EXPECTED_PAIRS, ids=lambda p: f"{p[0]}->{p[1]}")
def test_e2e_links_hold_pair(run_dir, pair):
    links = pd.read_csv(run_dir / "links.csv", keep_default_na=False)
    pairs = set(zip(links["cause_concept"], links["effect_concept"]))
    assert pair in pairs


def test_e2e_link_offsets_index_the_words(run_dir):
    text = pd.read_csv(run_dir / "documents.csv", keep_default_na=False)["text"].iloc[0]
    links = pd.read_csv(run_dir / "links.csv", keep_default_na=False)
    bad = [r for r in links.itertuples() if text[r.cause_start:r.cause_end] != r.cause_text
           or text[r.effect_start:r.effect_end] != r.effect_text]
    assert bad == []


@pytest.mark.parametrize("word", CHROME)
def test_e2e_no_page_chrome_in_claims_or_links(run_dir, word):
    claims = pd.read_csv(run_dir / "claims.csv", keep_default_na=False)
    links = pd.read_csv(run_dir / "links.csv", keep_default_na=False)
    texts = list(claims["text"]) + list(links["sentence"]) + list(links["cause_text"]) + list(links["effect_text"])
    assert [t for t in texts if word.lower() in t.lower()] == []


def test_e2e_hedged_and_contributory_links_marked(run_dir):
    links = pd.read_csv(run_dir / "links.csv", keep_default_na=False)
    suspicion = links[(links["effect_concept"] == "suspicion of sabotage") & (links["explicit"])]
    terror = links[(links["cause_concept"] == "suspicion of sabotage") & (links["effect_concept"] == "Great Terror")]
    assert (bool(suspicion["hedged"].all()), set(terror["strength"])) == (True, {"contributory"})


def test_e2e_every_sentence_is_a_typed_claim(run_dir):
    claims = pd.read_csv(run_dir / "claims.csv", keep_default_na=False)
    assert (len(claims), claims["type"].iloc[0], claims["asserted_by"].iloc[0]) == (13, "background", "cited")


def test_e2e_chains_command_finds_headline_chain(run_dir):
    completed = subprocess.run(
        [sys.executable, "-m", "argmine", "chains", str(run_dir), "--from", "Stakhanovism", "--to", "Great Terror"],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert "Stakhanovism → criticism of management → suspicion of sabotage → Great Terror    [continuous" in completed.stdout
