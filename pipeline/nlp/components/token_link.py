"""The record a causal frame yields: a link as token indices into one ``Doc``."""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["TokenLink"]


@dataclass(frozen=True)
class TokenLink:
    """A causal link as token indices (end-exclusive) into one ``Doc``."""

    rule: str
    cue: tuple[int, int]
    cause: tuple[int, int]
    effect: tuple[int, int]
    cause_head: int
    effect_head: int
    strength: str
    polarity: str
    confidence: float
    cue_extra: tuple[int, ...] = ()  # further cue tokens, e.g. "led ... to"
    direction: str = ""  # what the cue does to the effect: "increase", "decrease" or ""

    def to_data(self) -> dict:
        return {
            "rule": self.rule, "cue": list(self.cue), "cause": list(self.cause),
            "effect": list(self.effect), "cause_head": self.cause_head,
            "effect_head": self.effect_head, "strength": self.strength,
            "polarity": self.polarity, "confidence": self.confidence,
            "cue_extra": list(self.cue_extra), "direction": self.direction,
        }
