"""Benchmarks of argmine on the annotated corpora in ../shared/data (run from the repository root)."""
