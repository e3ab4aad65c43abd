"""Scoring causal relations against annotated corpora (precision, recall, F1 by span overlap).
"""
