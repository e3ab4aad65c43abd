"""Running argmine over a corpus: per-document processing, engines, the cache, passage-level links.
"""
