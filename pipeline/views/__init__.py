"""Views over a result: plots, the HTML report, the interactive graph and terminal output.

Views import from the stages below them and nothing imports a view except the CLI and the thin
methods of :class:`~argmine.graph.result.Result` (lazily).
"""
