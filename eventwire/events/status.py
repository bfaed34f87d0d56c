"""Whether an event happened: future, hypothetical or negated, read off the parse.

Reported / confirmed / denied come from the attribution stage (``eventwire.attribution.cue_status``)."""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["FUTURE_HEADS", "HYPO_HEADS", "modality"]

FUTURE_AUX = frozenset({"will", "would", "shall", "'ll"})
HYPO_AUX = frozenset({"may", "might", "could", "can", "should", "must"})
# Governing words that put the event in the future ("plan to meet", "is to visit", "due to")...
FUTURE_HEADS = frozenset({"plan", "intend", "expect", "schedule", "aim", "prepare", "hope", "due",
                          "upcoming", "planned", "future", "next"})
# ... or make it only possible ("indications that", "suspected", "willing to").
HYPO_HEADS = frozenset({"indication", "sign", "suspect", "suspected", "possible", "possibility", "likely",
                        "unlikely", "whether", "if", "willing", "ready", "allegedly", "rumor", "rumour",
                        "speculation", "fear", "consider", "seek", "try", "attempt", "offer", "propose"})


def _own_modality(tok: Token) -> str | None:
    """negated / future / hypothetical read off one word and its auxiliaries and markers."""
    for child in tok.children:
        low = child.lower_
        if child.dep_ == "neg" or (child.dep_ == "det" and low == "no"):
            return "negated"
        if child.dep_ == "aux" and low in FUTURE_AUX:
            return "future"
        if child.dep_ == "aux" and low in HYPO_AUX:
            return "hypothetical"
        if child.dep_ in ("mark", "advmod", "amod") and low in HYPO_HEADS:
            return "hypothetical"
        if child.dep_ in ("amod", "advmod") and low in FUTURE_HEADS:
            return "future"
        if child.dep_ == "aux" and low == "to" and tok.head.lemma_ == "be" and tok.dep_ == "xcomp":
            return "future"
    return None


def modality(trigger: Token, cue_tokens: set[int]) -> str | None:
    """The modality of the trigger's clause and of the words governing it, up to a reporting cue."""
    tok = trigger
    while True:
        found = _own_modality(tok)
        if found:
            return found
        if tok.i != trigger.i and tok.lemma_.lower() in HYPO_HEADS:
            return "hypothetical"
        if tok.i != trigger.i and tok.lemma_.lower() in FUTURE_HEADS:
            return "future"
        # A relative clause describes an entity: the modality above it is not the event's.
        if tok.head.i == tok.i or tok.head.i in cue_tokens or tok.dep_ == "relcl":
            return None
        tok = tok.head
