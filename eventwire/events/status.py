"""Whether an event happened: asserted, reported, confirmed, denied, future, hypothetical or negated."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.schema import Attribution

__all__ = ["innermost_attribution", "modality", "cue_status"]

FUTURE_AUX = frozenset({"will", "would", "shall", "'ll"})
HYPO_AUX = frozenset({"may", "might", "could", "can", "should", "must"})
# Governing words that put the event in the future ("plan to meet", "is to visit", "due to")...
FUTURE_HEADS = frozenset({"plan", "intend", "expect", "schedule", "aim", "prepare", "hope", "due",
                          "upcoming", "planned", "future", "next"})
# ... or make it only possible ("indications that", "suspected", "willing to").
HYPO_HEADS = frozenset({"indication", "sign", "suspect", "suspected", "possible", "possibility", "likely",
                        "unlikely", "whether", "if", "willing", "ready", "allegedly", "rumor", "rumour",
                        "speculation", "fear", "consider", "seek", "try", "attempt", "offer", "propose"})
CONFIRM_CUES = frozenset({"confirm", "acknowledge", "verify", "admit"})
DENY_CUES = frozenset({"deny", "dismiss", "refute", "reject"})


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


def innermost_attribution(start: int, end: int, attributions: list[Attribution]) -> Attribution | None:
    """The attribution with the smallest content span that contains the trigger's characters."""
    best = None
    for att in attributions:
        cs, ce = att.content_start, att.content_end
        if cs is None or ce is None or not (cs <= start and end <= ce):
            continue
        if best is None or (ce - cs) < (best.content_end - best.content_start):
            best = att
    return best


def cue_status(lemma: str) -> str:
    """reported, or confirmed / denied when the cue verb says so ("the Kremlin confirmed ...")."""
    if lemma in CONFIRM_CUES:
        return "confirmed"
    return "denied" if lemma in DENY_CUES else "reported"
