"""Event candidates: lexicon triggers with their parties, and the main one of each clause.

A sentence reports a handful of events at most, and most of its trigger words only elaborate the
main one ("arrived for a summit", "threatened to attack", "the bombing which killed five", "agreed to
supply"). A candidate governed in the parse by another candidate of the same sentence is therefore
part of that candidate's event, not an event of its own, unless it heads a clause with its own
subject ("X attacked Y and Z retaliated").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwire.events.lexicon import Hit, Lexicon
from eventwire.events.roles import ActorIndex, Roles, noun_roles, verb_roles

__all__ = ["Candidate", "find_candidates", "main_candidates"]

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# Links that start a clause of its own when the governed verb has its own subject.
_INDEPENDENT = frozenset({"conj", "parataxis"})


@dataclass
class Candidate:
    """A trigger word, what the lexicon says it means, and the parties the parse gives it."""

    tok: Token
    hit: Hit
    roles: Roles

    @property
    def nominal(self) -> bool:
        return self.hit.nominal


def find_candidates(doc: Doc, lexicon: Lexicon, index: ActorIndex, skip: set[int]) -> list[Candidate]:
    """Every lexicon trigger of the story with at least one party.

    :param skip: token indices that cannot be triggers (pure reporting cues: "said", "reported").
    """
    start = doc._.content_start or 0
    out = []
    for tok in doc:
        if tok.idx < start or tok.i in index.by_token or tok.i in skip:
            continue
        hit = _hit(lexicon, tok)
        if hit is None:
            continue
        kind = hit.code.type
        roles = noun_roles(tok, kind, index) if hit.nominal else verb_roles(tok, kind, index)
        out.append(Candidate(tok, hit, roles))
    return out


def _hit(lexicon: Lexicon, tok: Token) -> Hit | None:
    if tok.pos_ == "VERB":
        return lexicon.verb_hit(tok)
    if tok.pos_ in ("NOUN", "PROPN"):
        return lexicon.noun_hit(tok)
    return None


def main_candidates(cands: list[Candidate]) -> list[Candidate]:
    """The candidates no other candidate governs (see the module docstring), in text order."""
    at = {c.tok.i: c for c in cands}
    return [c for c in cands if _governor(c.tok, at) is None]


def _governor(tok: Token, at: dict[int, Candidate]) -> Candidate | None:
    """The nearest candidate above ``tok`` in its sentence, unless an independent clause lies between."""
    node = tok
    while node.head.i != node.i:
        if node.dep_ in _INDEPENDENT and node.pos_ in ("VERB", "AUX") and _has_subject(node):
            return None
        node = node.head
        if node.i in at:
            return at[node.i]
    return None


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in _SUBJECTS for c in tok.children)


def depth(tok: Token) -> int:
    """Distance from the sentence root (the main event of a sentence is the highest candidate)."""
    n = 0
    while tok.head.i != tok.i:
        tok, n = tok.head, n + 1
    return n
