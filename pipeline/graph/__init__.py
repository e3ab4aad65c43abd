"""Aggregation over records: pure functions and plain data.

:mod:`.result` holds :class:`~argmine.graph.result.Result` (the tables of a run) and builds it;
:mod:`.network` builds the causal graph over concepts; :mod:`.argument` builds the argument graph
(argumentative units with their support and attack relations).
"""
