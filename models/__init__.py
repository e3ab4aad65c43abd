"""argmine's rule files and trained components, installed as ``argmine_models``.

The files here are data, not code: load them with :mod:`pipeline.rules`.
"""
