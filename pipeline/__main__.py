"""``python -m pipeline`` runs the ``argmine`` command line."""
from .cli import main

main()
