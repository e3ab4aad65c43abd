"""argmine's rule files and trained components, installed as ``argmine.lexicon``.

The files here are data, not code: load them with :mod:`argmine.nlp.rules`.
"""
