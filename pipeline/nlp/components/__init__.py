"""argmine's spaCy components; importing this registers their factories.

:mod:`.causal` (``argmine_causal_links``) and :mod:`.claims` (``argmine_claims``) each hold one
component. The causal component's frames live beside it, one module per family mixed into
:class:`~argmine.nlp.components.causal.CausalLinkFinder` (:mod:`.verb_frames`, :mod:`.means_frames`,
:mod:`.connective_frames`, :mod:`.noun_frames`), and :mod:`.token_link` holds the record a frame yields.
"""
from .causal import CausalLinkFinder, make_causal_link_finder
from .claims import ClaimUnitFinder, make_claim_unit_finder

__all__ = ["CausalLinkFinder", "make_causal_link_finder", "ClaimUnitFinder", "make_claim_unit_finder"]
