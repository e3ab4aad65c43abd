"""The NLP stage: the spaCy pipeline argmine runs, its components, and what they read.

:mod:`.model` loads the English pipeline and adds argmine's components; :mod:`.components` holds
the components themselves (causal links, argumentative units), registered as spaCy factories;
:mod:`.extensions` declares the ``Doc``/``Span`` extensions they set; :mod:`.syntax` holds helpers
over the dependency parse; :mod:`.rules` loads and validates the rule and lexicon files of
``models/`` (installed as ``argmine.lexicon``); :mod:`.wordnet` reads the derived WordNet data;
:mod:`.nominal` reads causal nominals and noun phrases (here, not in extraction, because the causal
component reads them).
"""
