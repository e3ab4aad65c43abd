"""argmine's spaCy components, one per module; importing this registers their factories."""
from .causal import CausalLinkFinder, make_causal_link_finder
from .claims import ClaimUnitFinder, make_claim_unit_finder

__all__ = ["CausalLinkFinder", "make_causal_link_finder", "ClaimUnitFinder", "make_claim_unit_finder"]
