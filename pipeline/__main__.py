"""``python -m argmine`` runs the ``argmine`` command line."""
from .cli import main

main()
