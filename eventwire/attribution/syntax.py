"""What every cue rule reads off the parse: the found item, character spans, the speaker and its phrase.

Shared by the reporting rules (``extract``) and the stance rules (``stance``), so that both name a
source and cut a span the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwire.attribution.cues import CHANNEL_NOUNS, CLAUSAL_CUES, EVIDENCE_NOUNS, SPEECH_ACT_CUES, STRONG_CUES
from eventwire.attribution.quotes import QUOTE_MARKS

__all__ = ["CharSpan", "Found", "chars", "children", "source_span", "subject"]

CharSpan = tuple[int, int]

SUBJECTS = ("nsubj", "csubj")
# Dependents that share the subject of their head ("wants to talk", "said ... and added").
_CLIMB = ("xcomp", "conj", "advcl", "pcomp", "acl", "ccomp")
# A participle that modifies a noun in the active voice has that noun as its subject ("a report
# calling for ...", "officials saying ..."); a past participle is mostly passive ("the plan called
# X"), except where the parser took a finite verb for one ("The governor, a Democrat, called ...").
_ACTIVE_PARTICIPLES = frozenset({"VBG", "VBD"})
_SAYING_VERBS = STRONG_CUES | CLAUSAL_CUES | SPEECH_ACT_CUES
_EDGE_PUNCT = set(",;:.!?-—–()[]") | {" ", "\n"}


@dataclass
class Found:
    """One attribution before ids and parents are assigned (character offsets, end exclusive).

    ``kind`` is "report" (said, wrote, found, according to) or "stance" (believes, wants, is
    confident): see ``cues.cue_kind``. ``token`` is the index of the cue word when the cue is a
    word of the parse, which the nesting filter needs.
    """

    cue: CharSpan
    lemma: str
    source: CharSpan | None
    source_root: int | None
    content: CharSpan | None
    channel: str | None
    quote: bool
    kind: str = "report"
    token: int | None = None


def chars(doc: Doc, first: int, last: int) -> CharSpan | None:
    """Character span of tokens first..last (inclusive) with edge punctuation and space cut off."""
    while first <= last and (doc[first].is_space or doc[first].text in _EDGE_PUNCT):
        first += 1
    while last >= first and (doc[last].is_space or doc[last].text in _EDGE_PUNCT):
        last -= 1
    if first > last:
        return None
    return doc[first].idx, doc[last].idx + len(doc[last])


def children(tok: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def subject(tok: Token) -> Token | None:
    """The speaker: the subject, the agent of a passive, or the subject of the verb it depends on.

    A verb of saying with no subject of its own that the parser hung on the verb of another's
    reported clause ("Carson said he plans ..., insisting that ...", "the campaign said he has not
    ... and suggested that ...") is the outer speaker's next act: its subject is the outer speaker,
    not the reported clause's. One with its own subject ("..., and Trump later called ...") is
    that subject's.
    """
    if tok.dep_ in ("conj", "advcl") and tok.lemma_.lower() in _SAYING_VERBS and tok.head.dep_ == "ccomp" \
            and tok.head.head.lemma_.lower() in _SAYING_VERBS and not children(tok, SUBJECTS):
        tok = tok.head.head
    for _ in range(4):
        subj = children(tok, SUBJECTS)
        if subj:
            return subj[0]
        for agent in children(tok, ("agent",)):
            pobj = children(agent, ("pobj",))
            if pobj:
                return pobj[0]
        if children(tok, ("nsubjpass",)) and tok.lemma_.lower() != "quote":
            return None
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and _is_medium(tok.head):
            tok = tok.head.head if tok.head.dep_ == "dobj" else tok.head.head.head
            continue
        if tok.dep_ == "relcl" or (tok.dep_ == "acl" and tok.tag_ in _ACTIVE_PARTICIPLES):
            return tok.head
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
            tok = tok.head.head
            passive = children(tok, ("nsubjpass",))
            if passive and tok.lemma_.lower() == "quote":
                return passive[0]
            continue
        if tok.dep_ not in _CLIMB or tok.head is tok:
            return None
        tok = tok.head
    return None


def _is_medium(noun: Token) -> bool:
    """ "issued a statement saying", "in a response accusing": a medium noun that is the object of a
    verb (or of its preposition), whose subject is the speaker the participle reports."""
    if noun.lemma_.lower() not in _MEDIA:
        return False
    if noun.dep_ == "dobj":
        return noun.head.pos_ in ("VERB", "AUX")
    return noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("VERB", "AUX")


# A report, a study or a book speaks for itself ("issued a report calling for ..."): it is the source.
_MEDIA = (CHANNEL_NOUNS | {"response", "reply", "ad", "rebuttal", "retort"}) - EVIDENCE_NOUNS - {"book", "document"}


def source_span(tok: Token) -> CharSpan | None:
    """The whole noun phrase of the speaker; for a relative clause's antecedent, without the clause."""
    last = tok.right_edge.i
    relcl = [c for c in tok.children if c.dep_ in ("relcl", "acl") and c.i > tok.i]
    if relcl:
        last = tok.i
    first = tok.left_edge.i
    while first < tok.i and (tok.doc[first].text in QUOTE_MARKS or tok.doc[first].text in _EDGE_PUNCT
                             or "\n" in tok.doc[first].text):  # ',”' before "Sarandon, 69, told"
        first += 1
    for i in range(tok.i - 1, first - 1, -1):
        if "\n" in tok.doc[i].text_with_ws:
            first = i + 1
            break
    return chars(tok.doc, first, last)
