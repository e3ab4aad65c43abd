"""The extraction stage: from a parsed ``Doc`` to records.

:mod:`.extract` turns the components' output into :class:`~argmine.records.CausalLink` and
:class:`~argmine.records.ArgumentativeUnit` records; :mod:`.factuality` gives each link what its author commits
to (polarity, modality, source); :mod:`.anaphora` resolves anaphoric causes and effects;
:mod:`.concepts` names the factors. Causal nominals and noun phrases are read in the nlp stage,
by :mod:`argmine.nlp.nominal` (the causal component needs them).
"""
