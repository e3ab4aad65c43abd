#!/usr/bin/env python3
"""Derive argmine's causal verb lexicon from VerbNet 3.4 and Open English WordNet.

Usage (from the repository root; stdlib only, deterministic)::

    python scripts/derive_causal_lexicon.py --resources ../shared/resources \\
        [--data ../shared/data] [--out models]

Writes

- ``models/causal_verbs.jsonl``: cue rules in the schema of ``causal_cues.jsonl``
  (loaded by :func:`argmine.nlp.rules.load_cue_rules` alongside the hand rules), one
  rule per VerbNet class or WordNet sense group and direction, each with its
  ``source``, ``direction`` (increase / decrease / ""), and an ``example``
  sentence written for the project (``scripts/causal_lexicon_config.json``).
- ``models/noun_classes.jsonl``: nouns whose first WordNet sense is a person,
  a group or a concrete thing (``noun.person``, ``noun.group``,
  ``noun.artifact`` ...) and no sense an event, act, state, phenomenon or
  process: the broad verb classes do not link a person or group to a thing
  ("the bishop broke the seal"), and a psych verb needs a person or group as
  its Experiencer.

How a verb gets in:

1. VerbNet: the classes chosen in :data:`CLASSES` (each with its rationale),
   members and subclass members, single-word lemmas only.
2. WordNet direction: a lemma is ``increase`` when one of its verb senses lies
   in the hyponym tree of a "make bigger / more / stronger / more intense"
   synset, ``decrease`` under "make smaller / reduce / weaken / destroy", and
   keeps no direction when it lies under both. Prevent-type synsets
   ("keep from happening", "be a hindrance to", "hinder or prevent the
   progress of", "prevent the progress or free movement of") give negative
   polarity: the cause stops the effect from happening. "X reduced / weakened /
   destroyed Y" is a positive link with direction decrease.
3. WordNet sense groups: members of those trees (and causative ``causes``
   synsets of verb.change) that VerbNet does not list, when their first sense
   is in verb.change, verb.creation, verb.social or verb.emotion.
4. Exclusions: lemmas whose first WordNet verb sense reads motion, speech,
   perception, contact, body or consumption, the light and ambiguous verbs of
   the config's ``exclude``, and (with ``--data``) lemmas whose measured
   precision as a causal cue on the CNC v2 and BECauSE dev files is below
   :data:`MIN_PRECISION` over at least :data:`MIN_OCCURRENCES` uses. Only
   counts are read from those files; none of their text is written anywhere.
5. Hand rules (``models/causal_cues.jsonl``) win: a lemma a hand rule of the
   same frame already reads is left out.

Sources and licences: ``models/ATTRIBUTION.md``.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
CONFIG = HERE / "causal_lexicon_config.json"

VERBNET_COMMIT = "ae8e9cfdc2c0d3414b748763612f1a0a34194cc1"
OEWN_COMMIT = "d94538ad0df3d7a4c77837bde6af69d7a6592c32"

MIN_PRECISION = 0.10
MIN_OCCURRENCES = 8

# -- VerbNet classes -----------------------------------------------------------
# (class id, rule suffix, frame, default direction, polarity, strength, rationale).
# strength: "sufficient" where the class's verbs assert that the cause brought the
# effect about (engender, ensure, prevent); "unspecified" for the plain change-of-
# state classes (destroy, reduce, weaken, end), which say the cause changed the
# effect but not that it was enough alone; "contributory" for support and promotion.
# The rationale says which roles and predicates make the class causal: a
# subject (Agent / Cause / Causer / Stimulus / Instrument) acting on a
# Patient / Theme / Experiencer, with a ``cause`` predicate or a change of state.
# Classes whose only subject is the Patient (calibratable_cos-45.6.1 "prices
# rose", entity_specific_cos-45.5 "the timber rotted", break_down-45.8) name no
# cause and are not taken; nor are agentive classes of deliberate acts whose
# object is made or handled, not changed by a cause (create-26.4, establish-55.5,
# build-26.1), nor those of persuasion or speech between persons (lure-59.3,
# bully-59.5, urge-58.1 except its forcing members, which the causative rule has).
CLASSES = [
    ("destroy-44", "destroy", "verb", "decrease", "positive", "unspecified",
     "Agent/Instrument subject, Patient object, predicate destroyed(Patient): "
     "the cause ends the existence or integrity of the effect ('the war ruined the ports')"),
    ("break-45.1", "break", "verb", "decrease", "positive", "unspecified",
     "Agent/Instrument subject, cause + degradation_material_integrity(Patient): "
     "breaking a whole ('the defeat shattered the alliance')"),
    ("caused_calibratable_cos-45.6.2", "scale", "verb", "", "positive", "unspecified",
     "Causer subject, cause + change_value(Attribute of Patient): raise / reduce / "
     "increase / decrease a quantity; the direction is the verb's"),
    ("other_cos-45.4", "change-of-state", "verb", "", "positive", "unspecified",
     "Agent/Instrument subject, cause + has_state(Patient, Result): the large class of "
     "caused changes of state (weaken, worsen, stabilize, modernize); direction per lemma from WordNet"),
    ("remedy-45.7", "remedy", "verb", "", "positive", "unspecified",
     "Agent subject, cause + has_state(Patient): caused changes to a state, better or worse "
     "(alleviate, exacerbate, paralyze, marginalize)"),
    ("bend-45.2", "shape", "verb", "", "positive", "unspecified",
     "Agent/Instrument subject, cause + has_state: changes of extent (shrink, inflate, "
     "stretch); kept only where WordNet gives a direction, the rest read physical handling"),
    ("limit-76", "limit", "verb", "decrease", "positive", "unspecified",
     "Causer subject, limit(Patient): the cause restricts the effect ('the tariffs limited trade')"),
    ("subjugate-42.3", "subjugate", "verb", "decrease", "positive", "unspecified",
     "Agent subject, cause + subjugated(Patient): the cause puts down or stifles the effect"),
    ("murder-42.1-1", "kill", "verb", "decrease", "positive", "unspecified",
     "the Instrument-subject subclass of murder-42.1 (kill): 'the plague killed a third of "
     "the town'; the rest of murder-42.1 needs a deliberate Agent"),
    ("stop-55.4", "stop", "verb", "decrease", "positive", "unspecified",
     "Affector subject, cause + occur(Eventuality) ending: 'the treaty ended the war'"),
    ("engender-27.1", "engender", "verb", "", "positive", "sufficient",
     "Causer subject, cause + be(Theme): the cause brings the effect into being "
     "(engender, generate, spawn, inspire, incite)"),
    ("stimulate-59.4", "stimulate", "verb", "increase", "positive", "unspecified",
     "Agent subject, cause + has_state(Patient): the cause stirs the effect into action"),
    ("amuse-31.1", "psych", "verb", "", "positive", "unspecified",
     "Stimulus subject, cause + has_emotional_state(Experiencer) in_reaction_to(Stimulus): "
     "the cause moves a person's feelings ('the levies angered the merchants')"),
    ("promote-102", "promote", "verb", "increase", "positive", "contributory",
     "Agent subject, encourage(Theme): the cause furthers the effect"),
    ("support-15.3-1", "support", "verb", "increase", "positive", "contributory",
     "Agent/Instrument subject, cause + support(Theme): bolster, buttress, reinforce"),
    ("sustain-55.6", "sustain", "verb", "", "positive", "contributory",
     "Agent subject, cause + be(Theme): the cause keeps the effect going (sustain, prolong)"),
    ("ensure-99", "ensure", "verb", "", "positive", "sufficient",
     "Precondition subject, ensure(Theme): the cause guarantees the effect"),
    ("benefit-72.2", "benefit", "verb", "", "positive", "contributory",
     "Causer subject, cause + benefit(Beneficiary): 'the canal benefited the merchants'"),
    ("free-10.6.3", "free", "verb", "", "positive", "unspecified",
     "Causer subject, cause + free(Theme from Source): relieve, alleviate, ease"),
    ("deprive-10.6.2", "deprive", "verb", "decrease", "positive", "unspecified",
     "Agent subject, cause + not has_possession: the cause takes something away (sap, drain, deplete)"),
    ("discourage-64.5", "hinder", "verb", "", "negative", "unspecified",
     "Causer subject, discourage(Eventuality): the cause keeps the effect from happening "
     "(hinder, impede, inhibit, deter): negative polarity"),
    ("forbid-64.4", "prevent", "verb", "", "negative", "sufficient",
     "Causer subject, not allow(Eventuality): the cause blocks the effect (prevent, preclude, "
     "block); deontic members (ban, forbid, prohibit) are a person's act and are excluded"),
]

# Rules for argument frames built from classes: (class ids, rule id, frame, extra
# fields, rationale). Their lemmas are the classes' members that the config's
# ``frames`` entry keeps; their words are the rule's, not a list here.
FRAME_CLASSES = [
    (("turn-26.6.1", "convert-26.6.2"), "into",
     "turn-26.6.1 / convert-26.6.2: Agent subject, cause + has_state(Patient, Result) "
     "with a Result PP 'into Y': the thing turned becomes Y"),
    (("deprive-10.6.2", "rob-10.6.4"), "of",
     "deprive-10.6.2 / rob-10.6.4: Agent subject, not has_possession(Source, Theme) "
     "with 'X of Y': the cause takes Y away (decrease of Y)"),
    (("compel-59.1", "urge-58.1"), "causative",
     "compel-59.1 / urge-58.1 forcing members: Agent subject, cause + act(Patient, Result) "
     "with a to-infinitive Result: 'X impelled Y to V'"),
]

# -- WordNet sense groups (synset ids of the OEWN commit above) --------------------
INCREASE_ROOTS = {
    "00153083-v": "increase: make bigger or more",
    "00230031-v": "enhance, heighten, raise: increase the level of",
    "00221295-v": "strengthen, fortify: make strong or stronger",
    "00227591-v": "intensify, compound, heighten, deepen: make more intense",
    "00208618-v": "worsen, aggravate, exacerbate: make worse (a problem grows; its hyponyms, "
                  "cheapen / devalue, lower a worth, so the tree is not followed)",
}
# roots whose hyponyms are not followed; "make better" (00206293-v) is left out on
# purpose: improving Y raises its quality but assuaging fears lowers them
ROOT_ONLY = {"00208618-v"}
DECREASE_ROOTS = {
    "00442400-v": "decrease, lessen, minify: make become smaller",
    "00430013-v": "reduce, cut down, cut back: make a reduction in",
    "00225327-v": "weaken: lessen the strength of",
    "00390886-v": "dampen, soften, weaken: lessen in force or effect",
    "00241017-v": "reduce, scale down: make smaller",
    "01566925-v": "destroy, ruin: destroy completely; damage irreparably",
    "01622948-v": "destroy, destruct: cause the destruction or undoing of",
    "02549304-v": "sabotage, undermine, subvert, weaken",
    "00259743-v": "impair's hypernym: make worse or less effective",
}
PREVENT_ROOTS = {
    "02458316-v": "prevent, forestall, preclude: keep from happening or arising",
    "02455370-v": "prevent, keep: stop from doing something or being in a state",
    "02456614-v": "impede, hinder: be a hindrance or obstacle to",
    "02563025-v": "obstruct, block, hinder, stymie: hinder or prevent the progress of",
    "00237139-v": "hamper, cramp, strangle: prevent the progress or free movement of",
}
CAUSE_ROOTS = {
    "01649143-v": "cause, make: give rise to; cause to happen or occur (its direct hyponyms: "
                  "occasion, engender, breed, facilitate, precipitate ...)",
}
TREE_DEPTH = 3
# lexicographer files whose first sense excludes a verb (motion, speech, perception ...)
EXCLUDED_FIRST_SENSE = {"verb.motion", "verb.communication", "verb.perception", "verb.contact",
                        "verb.body", "verb.consumption", "verb.weather", "verb.stative", "verb.cognition"}
# amuse-31.1 members whose first sense is bodily, physical or speech ('shake', 'stir', 'sting', 'threaten')
# read a physical act more often than a feeling
PSYCH_EXCLUDED_FIRST_SENSE = {"verb.motion", "verb.contact", "verb.body", "verb.consumption", "verb.communication",
                              "verb.perception"}
MOTION_SPEECH_PERCEPTION = {"verb.motion", "verb.communication", "verb.perception"}
GROUP_FIRST_SENSE = {"verb.change", "verb.creation", "verb.social", "verb.emotion"}
# noun lexicographer files of persons and concrete things; and of events and conditions
CONCRETE_NOUN_FILES = {"noun.person": "person", "noun.artifact": "artifact", "noun.animal": "thing",
                       "noun.body": "thing", "noun.food": "thing", "noun.plant": "thing",
                       "noun.object": "thing", "noun.substance": "thing", "noun.group": "group"}


HAPPENING_NOUN_FILES = {"noun.event", "noun.act", "noun.state", "noun.phenomenon", "noun.process"}


# -- readers -------------------------------------------------------------------------

def write_jsonl(path: Path, entries: list[dict]) -> None:
    """Write ``entries`` to ``path`` as JSON Lines (UTF-8, non-ASCII kept): the format of every file in ``models/``."""
    with open(path, "w", encoding="utf-8") as handle:
        for entry in entries:
            handle.write(json.dumps(entry, ensure_ascii=False) + "\n")


def word_list_args(description: str, out_name: str, resources_required: bool = False) -> argparse.Namespace:
    """The command line of a script that derives one word-list file: ``--resources`` (the folder of
    ``verbnet3.4/`` and ``open-english-wordnet/``; default ``../shared/resources``) and ``--out`` (default
    ``models/<out_name>`` of this repository)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--resources", type=Path, required=resources_required,
                        default=None if resources_required else Path("../shared/resources"))
    parser.add_argument("--out", type=Path, default=HERE.parent / "models" / out_name)
    return parser.parse_args()


def parse_yaml_synsets(path: str) -> dict[str, dict]:
    """The synsets of one OEWN lexicographer file (a small reader for its fixed YAML layout)."""
    out: dict[str, dict] = {}
    current: dict = {}
    key = None
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            if not line.startswith(" "):
                current = {}
                out[line.rstrip(":").strip("'\"")] = current
                key = None
            elif line.startswith("  - "):
                if isinstance(current.get(key), list):
                    current[key].append(line[4:].strip().strip("'\""))
            elif line.startswith("  ") and not line.startswith("   "):
                key, _, value = line.strip().partition(":")
                current[key] = value.strip() if value.strip() else []
            elif isinstance(current.get(key), list) and current[key]:
                current[key][-1] += " " + line.strip()
    return out


def parse_yaml_entries(path: str) -> dict[str, dict[str, dict]]:
    """lemma -> part of speech -> {"synsets": [...in sense order], "forms": [...]}."""
    out: dict[str, dict[str, dict]] = {}
    lemma = pos = None
    field = None
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            indent = len(line) - len(line.lstrip(" "))
            text = line.strip()
            if indent == 0:
                lemma = text.rstrip(":").strip("'\"")
                out[lemma] = {}
                pos = None
            elif indent == 2:
                pos = text.rstrip(":").split("-")[0]  # "v-1", "v-2": homographs ("lower" /ləʊə/, /laʊə/) of one part of speech
                out[lemma].setdefault(pos, {"synsets": [], "forms": []})
                field = None
            elif indent == 4 and not text.startswith("- "):
                field = text.rstrip(":")
            elif pos is not None and field == "form" and indent == 4 and text.startswith("- "):
                out[lemma][pos]["forms"].append(text[2:].strip("'\""))
            elif pos is not None and field == "sense" and text.startswith(("synset:", "- synset:")):
                out[lemma][pos]["synsets"].append(text.split(":", 1)[1].strip().strip("'\""))
    return out


def verbnet_features(classes: dict[str, ET.Element]) -> dict[str, str]:
    """lemma -> "increase" / "decrease" from VerbNet member features ("+increase",
    "direction_of_change: decrease"); a lemma with both in different classes gets none."""
    found: dict[str, set[str]] = {}
    for root in classes.values():
        for member in root.iter("MEMBER"):
            features = member.get("features") or ""
            for direction in ("increase", "decrease"):
                if re.search(r"(\+|direction_of_change: )" + direction, features):
                    found.setdefault(member.get("name"), set()).add(direction)
    return {lemma: next(iter(dirs)) for lemma, dirs in found.items() if len(dirs) == 1}


def verbnet_members(root: ET.Element, wanted: str | None = None) -> list[str]:
    """Member lemmas of a class and its subclasses (or of the subclass ``wanted`` only)."""
    found: list[str] = []

    def walk(cls: ET.Element, take: bool) -> None:
        take = take or cls.get("ID") == wanted
        if take:
            found.extend(m.get("name") for m in cls.find("MEMBERS"))
        for sub in cls.find("SUBCLASSES") or []:
            walk(sub, take)

    walk(root, wanted is None)
    return found


def load_verbnet(folder: str) -> dict[str, ET.Element]:
    classes = {}
    for path in sorted(glob.glob(os.path.join(folder, "*.xml"))):
        root = ET.parse(path).getroot()
        classes[root.get("ID")] = root
    return classes


def find_class(classes: dict[str, ET.Element], class_id: str) -> tuple[ET.Element, str | None]:
    if class_id in classes:
        return classes[class_id], None
    for cid, root in classes.items():
        if class_id.startswith(cid + "-"):
            return root, class_id
    raise SystemExit(f"VerbNet class {class_id} not found")


# -- morphology and measurement ------------------------------------------------------

def inflections(lemma: str, forms: list[str]) -> set[str]:
    """Regular English verb forms of ``lemma`` plus WordNet's irregular ``forms``."""
    out = {lemma, *forms}
    if lemma.endswith("e"):
        out |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        out |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        out |= {lemma + "s", lemma + "ed", lemma + "ing"}
        if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", lemma) and len(lemma) <= 6:
            out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return out


def measure(data: str, lemma_forms: dict[str, set[str]]) -> dict[str, tuple[int, int]]:
    """lemma -> (uses, uses inside a gold causal signal or between a gold cause and effect).

    Reads ``cnc_v2/dev.jsonl`` and ``because/dev.jsonl``; only counts leave this function.
    """
    form_to_lemmas: dict[str, list[str]] = {}
    for lemma, forms in lemma_forms.items():
        for form in forms:
            form_to_lemmas.setdefault(form, []).append(lemma)
    counts = {lemma: [0, 0] for lemma in lemma_forms}
    for corpus in ("cnc_v2", "because"):
        path = os.path.join(data, corpus, "dev.jsonl")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                text = record["text"]
                relations = record.get("relations") or []
                for match in re.finditer(r"[A-Za-z][A-Za-z-]*", text):
                    lemmas = form_to_lemmas.get(match.group(0).lower())
                    if not lemmas:
                        continue
                    start, end = match.span()
                    hit = False
                    for rel in relations:
                        for s, e in rel.get("signal_spans") or []:
                            if s < end and start < e:
                                hit = True
                        lo = min(rel["cause_end"], rel["effect_end"])
                        hi = max(rel["cause_start"], rel["effect_start"])
                        if lo <= start and end <= hi:
                            hit = True
                    for lemma in lemmas:
                        counts[lemma][0] += 1
                        counts[lemma][1] += hit
    return {lemma: (n, k) for lemma, (n, k) in counts.items()}


# -- derivation ----------------------------------------------------------------------

def closure(roots: dict[str, str], hyponyms: dict[str, list[str]], depth: int) -> dict[str, str]:
    """Synset id -> root id for the roots and their hyponyms down to ``depth`` levels."""
    found: dict[str, str] = {}
    for root in sorted(roots):
        frontier = [root]
        for _ in range(1 if root in ROOT_ONLY else depth + 1):
            following = []
            for synset in frontier:
                if synset not in found:
                    found[synset] = root
                    following.extend(sorted(hyponyms.get(synset, ())))
            frontier = following
    return found


def derive(resources: str, data: str | None, repo: Path) -> tuple[list[dict], list[dict], list[str]]:
    config = json.loads(CONFIG.read_text(encoding="utf-8"))
    report: list[str] = []
    verbnet = load_verbnet(os.path.join(resources, "verbnet3.4"))
    yaml_dir = os.path.join(resources, "open-english-wordnet", "src", "yaml")
    synsets: dict[str, dict] = {}
    lexname: dict[str, str] = {}
    for path in sorted(glob.glob(os.path.join(yaml_dir, "verb.*.yaml")) + glob.glob(os.path.join(yaml_dir, "noun.*.yaml"))):
        name = os.path.basename(path)[:-5]
        for sid, synset in parse_yaml_synsets(path).items():
            synsets[sid] = synset
            lexname[sid] = name
    entries: dict[str, dict[str, dict]] = {}
    for path in sorted(glob.glob(os.path.join(yaml_dir, "entries-*.yaml"))):
        for lemma, by_pos in parse_yaml_entries(path).items():
            entries.setdefault(lemma, {}).update(by_pos)
    hyponyms: dict[str, list[str]] = {}
    for sid, synset in synsets.items():
        for parent in synset.get("hypernym", []) if isinstance(synset.get("hypernym"), list) else []:
            hyponyms.setdefault(parent, []).append(sid)

    up = closure(INCREASE_ROOTS, hyponyms, TREE_DEPTH)
    down = closure(DECREASE_ROOTS, hyponyms, TREE_DEPTH)
    stop = closure(PREVENT_ROOTS, hyponyms, TREE_DEPTH)
    cause = closure(CAUSE_ROOTS, hyponyms, 1)

    def verb_senses(lemma: str) -> list[str]:
        return entries.get(lemma, {}).get("v", {}).get("synsets", [])

    def first_sense_file(lemma: str) -> str:
        senses = verb_senses(lemma)
        return lexname.get(senses[0], "") if senses else ""

    features = verbnet_features(verbnet)
    gloss_words = config.get("gloss_direction", {})

    def direction_of(lemma: str) -> tuple[str, str]:
        """The verb's direction: its WordNet senses under the increase / decrease trees; else its
        VerbNet member feature ("+decrease"); else words of its first WordNet gloss (config
        ``gloss_direction``: "increase twofold", "divide by two")."""
        senses = verb_senses(lemma)
        ups = sorted({up[s] for s in senses if s in up})
        downs = sorted({down[s] for s in senses if s in down})
        if ups and not downs:
            return "increase", ups[0]
        if downs and not ups:
            return "decrease", downs[0]
        if ups and downs:
            return "", ""
        if lemma in features:
            return features[lemma], "VerbNet member feature"
        if senses:
            gloss = " ".join(synsets.get(senses[0], {}).get("definition") or []).lower()
            hits = {d for d, words in gloss_words.items() if any(re.search(r"\b" + re.escape(w) + r"\b", gloss) for w in words)}
            if len(hits) == 1:
                return hits.pop(), "OEWN gloss of the first sense"
        return "", ""

    def prevents(lemma: str) -> str:
        """The prevent-type root of the verb's first sense ("restrict" limits, it does not prevent)."""
        senses = verb_senses(lemma)
        return stop.get(senses[0], "") if senses else ""

    waived = {w for words in config.get("first_sense_waived", {}).values() for w in words}
    exclude = {w: reason for reason, words in config["exclude"].items() for w in words}
    hand = [json.loads(line) for line in (repo / "models" / "causal_cues.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("//")]
    hand_verbs = {lemma for rule in hand if rule["frame"] == "verb" for lemma in rule["lemmas"]}
    hand_by_frame = {}
    for rule in hand:
        hand_by_frame.setdefault(rule["frame"], set()).update(rule["lemmas"])

    def usable(lemma: str, why: list[str], strict: bool = False) -> bool:
        """A single-word verb not excluded by the config nor by its WordNet senses.

        A VerbNet member (``strict`` false) already has its class's sense; it is
        left out only when its first sense reads motion, speech or perception and
        no sense is a change, creation, social or emotion verb. A WordNet-group
        lemma (``strict``) must not have its first sense among :data:`EXCLUDED_FIRST_SENSE`.
        """
        if "_" in lemma or " " in lemma or "-" in lemma:
            return False  # multiword and particle verbs: the verb frame reads single tokens
        if lemma in exclude:
            why.append(f"{lemma} ({exclude[lemma]})")
            return False
        if not verb_senses(lemma):
            why.append(f"{lemma} (not a WordNet verb)")
            return False
        files = {lexname.get(sid, "") for sid in verb_senses(lemma)}
        if strict and first_sense_file(lemma) in EXCLUDED_FIRST_SENSE and lemma not in waived:
            why.append(f"{lemma} (first WordNet sense in {first_sense_file(lemma)})")
            return False
        if (not strict and first_sense_file(lemma) in MOTION_SPEECH_PERCEPTION and not files & GROUP_FIRST_SENSE
                and lemma not in waived):
            why.append(f"{lemma} (first WordNet sense in {first_sense_file(lemma)}, none in {sorted(GROUP_FIRST_SENSE)})")
            return False
        return True

    # candidate lemmas per (rule, direction), before measurement
    assigned: set[str] = set()
    groups: list[dict] = []
    for class_id, suffix, frame, default_dir, polarity, strength, rationale in CLASSES:
        root, sub = find_class(verbnet, class_id)
        members = sorted(set(verbnet_members(root, sub)))
        why: list[str] = []
        by_dir: dict[str, list[str]] = {}
        for lemma in members:
            if lemma in assigned or not usable(lemma, why):
                continue
            if suffix == "psych" and first_sense_file(lemma) in PSYCH_EXCLUDED_FIRST_SENSE:
                why.append(f"{lemma} (first WordNet sense in {first_sense_file(lemma)}: 'the quake shook the houses')")
                continue
            if lemma in hand_verbs:
                why.append(f"{lemma} (a hand rule reads it)")
                continue
            direction, _ = direction_of(lemma) if suffix != "psych" else ("", "")
            stop_root = prevents(lemma)
            if stop_root and polarity == "positive":
                continue  # a prevent-type verb goes to the prevent group below
            if suffix == "shape" and not direction:
                continue  # bend-45.2: only the members WordNet puts on a scale
            direction = direction or (default_dir if polarity == "positive" else "")
            by_dir.setdefault(direction, []).append(lemma)
            assigned.add(lemma)
        for direction, lemmas in sorted(by_dir.items()):
            groups.append({"class": class_id, "suffix": suffix, "frame": frame, "direction": direction,
                           "polarity": polarity, "strength": strength, "lemmas": lemmas,
                           "source": f"VerbNet 3.4 {class_id}" + (
                               f"; direction {direction}: OEWN {direction} trees or the class's predicates"
                               if direction else ""),
                           "rationale": rationale, "excluded": why})

    # WordNet sense groups not covered by the VerbNet classes
    for name, roots, index, polarity, direction in (
        ("oewn-increase", INCREASE_ROOTS, up, "positive", "increase"),
        ("oewn-decrease", DECREASE_ROOTS, down, "positive", "decrease"),
        ("oewn-prevent", PREVENT_ROOTS, stop, "negative", ""),
        ("oewn-cause", CAUSE_ROOTS, cause, "positive", ""),
    ):
        lemmas = set()
        why: list[str] = []
        for sid in index:
            for lemma in synsets.get(sid, {}).get("members", []):
                lemma = lemma.lower()
                if lemma in assigned or lemma in hand_verbs:
                    continue
                senses = verb_senses(lemma)
                if first_sense_file(lemma) not in GROUP_FIRST_SENSE or not senses:
                    continue
                if name != "oewn-cause" and senses[0] not in index:
                    continue  # the group's sense must be the verb's first (most frequent) sense;
                    # a direct hyponym of "cause" needs only be a change/creation/social/emotion verb
                if not usable(lemma, why, strict=True):
                    continue
                if polarity == "positive" and (prevents(lemma) or direction_of(lemma)[0] != direction):
                    continue
                if name == "oewn-cause" and lemma in assigned:
                    continue
                lemmas.add(lemma)
        assigned |= lemmas
        if lemmas:
            groups.append({"class": name, "suffix": name.split("-", 1)[1], "frame": "verb", "direction": direction,
                           "polarity": polarity, "lemmas": sorted(lemmas),
                           # a cause verb asserts a sufficient cause; an increase/decrease verb only a change
                           "strength": "sufficient" if name in ("oewn-cause", "oewn-prevent") else "unspecified",
                           "source": "OEWN " + "; ".join(f"{sid} ({roots[sid]})" for sid in sorted(roots)),
                           "rationale": f"hyponyms (depth {TREE_DEPTH}) of the WordNet synsets named in source",
                           "excluded": sorted(set(why))})
    # a prevent-type member of a positive VerbNet class joins the prevent group
    for class_id, suffix, frame, default_dir, polarity, strength, rationale in CLASSES:
        if polarity != "positive":
            continue
        root, sub = find_class(verbnet, class_id)
        for lemma in sorted(set(verbnet_members(root, sub))):
            if lemma not in assigned and lemma not in hand_verbs and prevents(lemma) and usable(lemma, []):
                group = next(g for g in groups if g["class"] == "oewn-prevent")
                group["lemmas"] = sorted(set(group["lemmas"]) | {lemma})
                group["source"] += f"; VerbNet 3.4 {class_id}"
                assigned.add(lemma)

    # measurement on the causal corpora: counts only
    measured: dict[str, tuple[int, int]] = {}
    if data:
        forms = {lemma: inflections(lemma, entries.get(lemma, {}).get("v", {}).get("forms", []))
                 for g in groups for lemma in g["lemmas"]}
        measured = measure(data, forms)
    for group in groups:
        kept, dropped = [], []
        for lemma in group["lemmas"]:
            n, k = measured.get(lemma, (0, 0))
            if group["class"].startswith("oewn") and n >= MIN_OCCURRENCES and k / n < MIN_PRECISION:
                dropped.append(f"{lemma} {k}/{n}")
            else:
                kept.append(lemma)
        group["lemmas"] = kept
        group["dropped"] = dropped
        group["low"] = [f"{lemma} {measured[lemma][1]}/{measured[lemma][0]}" for lemma in kept
                        if measured.get(lemma, (0, 0))[0] >= MIN_OCCURRENCES
                        and measured[lemma][1] / measured[lemma][0] < MIN_PRECISION]
        report.append(f"{group['class']:32s} {group['direction'] or '-':9s} {group['polarity']:8s} "
                      f"{len(kept):4d} kept; dropped by measurement: {', '.join(dropped) or 'none'}"
                      f"; low but kept: {', '.join(group['low']) or 'none'}")
        report.append("    not taken: " + "; ".join(w for w in group["excluded"] if "first WordNet" in w or "not a WordNet" in w))

    # rules
    examples = config["examples"]
    rules: list[dict] = []
    missing_examples: list[str] = []
    for group in groups:
        if not group["lemmas"]:
            continue
        rule_id = f"vn-{group['suffix']}" if not group["class"].startswith("oewn") else group["class"]
        if group["direction"] and not group["class"].startswith("oewn"):
            rule_id += f"-{group['direction']}"
        example = examples.get(rule_id)
        if example is None:
            missing_examples.append(f"{rule_id} ({' '.join(group['lemmas'])})")
            continue
        if example["verb"] not in group["lemmas"]:
            raise SystemExit(f"example verb {example['verb']!r} of {rule_id} is not among its lemmas")
        note = group["rationale"]
        if group["dropped"]:
            note += f"; dropped (precision < {MIN_PRECISION} over >= {MIN_OCCURRENCES} uses on CNC v2 + BECauSE dev): " + ", ".join(group["dropped"])
        if group["low"]:
            note += f"; kept as VerbNet members though below {MIN_PRECISION} on the (protest news) corpora: " + ", ".join(group["low"])
        rule = {"id": rule_id, "frame": group["frame"], "lemmas": group["lemmas"], "example": example["text"],
                "cause": example["cause"], "effect": example["effect"]}
        if group["strength"] != "sufficient":
            rule["strength"] = group["strength"]
        if group["polarity"] != "positive":
            rule["polarity"] = group["polarity"]
        rule["confidence"] = 0.65 if group["polarity"] == "positive" else 0.6
        rule["abstract_end"] = True
        if group["suffix"] in ("engender", "cause"):
            rule["abstract_effect"] = True  # engender-27.1 / WordNet "cause": making a thing is production
        if group["suffix"] == "engender":
            rule["actor_event_effect"] = True  # "the cartographer created an atlas": a maker and the thing made
        if group["suffix"] in ("scale", "change-of-state") and group["direction"]:
            rule["event_cause"] = True  # "the bank doubled its capital": an agent setting a quantity acts, it is no cause
        if group["suffix"] == "psych":
            rule["experiencer"] = True  # amuse-31.1: the Experiencer is animate
            # amuse-31.1's subject is a Stimulus: a person or body who threatens, annoys or alarms someone acts on
            # them ("the unions threatened the junta with a strike"); an event or condition moves their feelings
            rule["event_cause"] = True
        rule["direction"] = group["direction"]
        rule["source"] = group["source"]
        rule["note"] = note
        rules.append(rule)

    if missing_examples:
        raise SystemExit(f"no example in {CONFIG.name} for: " + "; ".join(missing_examples))

    # frame rules built from classes: their lemmas are the class members the config keeps
    for class_ids, key, rationale in FRAME_CLASSES:
        spec = config["frames"][key]
        members = set()
        for class_id in class_ids:
            root, sub = find_class(verbnet, class_id)
            members |= set(verbnet_members(root, sub))
        lemmas = sorted(m for m in members if m in set(spec["keep"]) and m not in hand_by_frame.get(spec["rule"]["frame"], ()))
        missing = sorted(set(spec["keep"]) - members)
        if missing:
            raise SystemExit(f"frame {key}: {missing} are not members of {class_ids}")
        rule = dict(spec["rule"])
        rule["lemmas"] = lemmas
        rule["source"] = "VerbNet 3.4 " + ", ".join(class_ids)
        rule["note"] = rationale
        rules.append(rule)
        report.append(f"{rule['id']:32s} frame {rule['frame']}: {', '.join(lemmas)}")

    nouns = concrete_nouns(entries, lexname)
    report.append(f"noun classes: {sum(len(r['words']) for r in nouns)} concrete nouns")
    return rules, nouns, report


def concrete_nouns(entries: dict[str, dict[str, dict]], lexname: dict[str, str]) -> list[dict]:
    """Single-word nouns whose first (most frequent) sense is a person or a concrete thing.

    A noun with any sense among events, acts, states, phenomena or processes
    ("fire", "strike", "seal" of a treaty is an act) may name what happened and
    is left out. The class is that of the first sense.
    """
    by_class: dict[str, list[str]] = {}
    eventive_groups: list[str] = []  # first sense a group, not a concrete noun ("audience", "city-state")
    for lemma in sorted(entries):
        senses = entries[lemma].get("n", {}).get("synsets", [])
        if not senses or not re.fullmatch(r"[a-z][a-z-]*[a-z]", lemma):
            continue
        name = CONCRETE_NOUN_FILES.get(lexname.get(senses[0], ""), "")
        if name and ("-" in lemma or any(lexname.get(s, "") in HAPPENING_NOUN_FILES for s in senses)):
            if name == "group":
                eventive_groups.append(lemma)
            continue
        if not name:
            continue
        by_class.setdefault(name, []).append(lemma)
    examples = {"person": "The bishop broke the seal.", "artifact": "The bishop broke the seal.",
                "thing": "The farmer cut the timber.", "group": "The guild built a new hall."}
    values = {"person": "noun.person", "artifact": "noun.artifact",
              "thing": "noun.animal, noun.body, noun.food, noun.plant, noun.object, noun.substance",
              "group": "noun.group (an agent like a person: 'the guild built a hall')"}
    return [{"id": f"concrete-{name}", "kind": "concrete_noun", "words": words, "example": examples[name],
             "value": name, "note": f"first OEWN sense in {values[name]}, no sense in "
                                    f"{', '.join(sorted(HAPPENING_NOUN_FILES))} (OEWN {OEWN_COMMIT[:7]})"}
            for name, words in sorted(by_class.items())] + [
        {"id": "group-eventive", "kind": "group_noun", "words": eventive_groups,
         "example": "The audience were on their feet.", "value": "group",
         "note": f"first OEWN sense in noun.group, not a concrete_noun (a sense also in noun.act, noun.event, "
                 f"noun.phenomenon, noun.process or noun.state, or a hyphenated word); with concrete-group, the "
                 f"nouns whose first sense is a group (OEWN {OEWN_COMMIT[:7]})"}]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--resources", required=True, help="folder with verbnet3.4/ and open-english-wordnet/")
    parser.add_argument("--data", default=None, help="folder with cnc_v2/ and because/ dev files (measurement)")
    parser.add_argument("--out", default=None, help="output folder (default: models/ of this repository)")
    args = parser.parse_args(argv)
    repo = HERE.parent
    out = Path(args.out) if args.out else repo / "models"
    rules, nouns, report = derive(args.resources, args.data, repo)
    write_jsonl(out / "causal_verbs.jsonl", rules)
    write_jsonl(out / "noun_classes.jsonl", nouns)
    print("\n".join(report))
    print(f"wrote {len(rules)} rules ({sum(len(r['lemmas']) for r in rules)} lemmas) to {out / 'causal_verbs.jsonl'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
