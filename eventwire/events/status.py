"""Whether an event happened: future, hypothetical or negated, read off the parse.

Reported / confirmed / denied come from the attribution stage (``eventwire.attribution.cue_status``)."""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["FUTURE_AUX", "FUTURE_HEADS", "HYPO_AUX", "HYPO_HEADS", "modality", "pledge"]

FUTURE_AUX = frozenset({"will", "would", "shall", "'ll"})
HYPO_AUX = frozenset({"may", "might", "could", "can", "should", "must"})
# Governing words that put the event in the future ("plan to meet", "is to visit", "due to")...
FUTURE_HEADS = frozenset({"plan", "intend", "expect", "schedule", "aim", "prepare", "hope", "due",
                          "upcoming", "planned", "future", "next"})
# ... or make it only possible ("indications that", "suspected", "willing to").
HYPO_HEADS = frozenset({"indication", "sign", "suspect", "suspected", "possible", "possibility", "likely",
                        "unlikely", "whether", "if", "willing", "ready", "prepared", "allegedly", "rumor", "rumour",
                        "speculation", "fear", "consider", "seek", "try", "attempt", "offer", "propose"})


# A pledge: the governing word commits its subject to the action ("vowed to fight", "is willing to withdraw").
COMMISSIVE_HEADS = frozenset({"promise", "pledge", "vow", "offer", "commit", "committed", "willing", "ready",
                              "prepared", "swear", "threaten", "intend", "plan", "decide", "resolve", "undertake"})
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})


def _own_modality(tok: Token) -> str | None:
    """negated / future / hypothetical read off one word and its auxiliaries and markers; a negation
    wins over the rest ("said they would not attend" did not happen)."""
    found = []
    for child in tok.children:
        low = child.lower_
        if child.dep_ == "neg" or (child.dep_ == "det" and low == "no"):
            return "negated"
        if child.dep_ == "aux" and low in FUTURE_AUX:
            found.append("future")
        elif (child.dep_ == "aux" and low in HYPO_AUX) or (child.dep_ in ("mark", "advmod", "amod")
                                                            and low in HYPO_HEADS):
            found.append("hypothetical")
        elif (child.dep_ in ("amod", "advmod") and low in FUTURE_HEADS) or (
                child.dep_ == "aux" and low == "to" and tok.head.lemma_ == "be" and tok.dep_ == "xcomp"):
            found.append("future")
    return found[0] if found else None


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


def pledge(trigger: Token, sources: list[str], attribution, index) -> bool:
    """Whether a future event is its source's own commitment: a commissive word governs it ("offered to
    hand over", "vowed to fight"), or the one who says it will happen is the one who will do it ("the
    rebels said they would release ...": the speaker is the source, or every source is of the speaker's
    country and sector)."""
    head = trigger
    while head.dep_ in ("xcomp", "conj", "aux") and head.head.i != head.i:
        head = head.head
        # "Honduras is willing to withdraw" commits Honduras; "one of the countries willing to supply"
        # describes them.
        if head.lemma_.lower() in COMMISSIVE_HEADS and head.dep_ not in ("amod", "acl", "relcl"):
            return True
    speaker = getattr(attribution, "source", None) if attribution is not None else None
    if speaker is None or not sources or speaker not in index.actors:
        return False
    if speaker in sources:
        return True
    said = index.actors[speaker]
    return all((index.actors[a].country, index.actors[a].sector) == (said.country, said.sector) for a in sources)


def pronoun_subject(trigger: Token) -> bool:
    """Whether the trigger's subject is a personal pronoun ("they will release", "it would withdraw")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _PRONOUNS for c in trigger.children)
