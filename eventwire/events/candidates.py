"""Event candidates: lexicon triggers with their parties, and the main one of each clause.

A sentence reports a handful of events at most, and most of its trigger words only elaborate the
main one ("arrived for a summit", "threatened to attack", "the bombing which killed five", "agreed to
supply"). A candidate governed in the parse by another candidate of the same sentence is therefore
part of that candidate's event, not an event of its own, unless it heads a clause with its own
subject ("X attacked Y and Z retaliated").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from eventwire.events.lexicon import Hit, Lexicon
from eventwire.events.roles import ActorIndex, Roles, noun_roles, verb_roles
from eventwire.events.status import COMMISSIVE_HEADS
from eventwire.nlp.tokens import token_table

__all__ = ["Candidate", "find_candidates", "main_candidates", "predicate_candidates", "with_sentence_types"]

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# Links that start a clause of its own when the governed verb has its own subject.
_INDEPENDENT = frozenset({"conj", "parataxis"})


@dataclass
class Candidate:
    """A trigger word, what the lexicon says it means, and the parties the parse gives it."""

    tok: Token
    hit: Hit | None  # None: the main predicate of a sentence the lexicon has nothing for
    roles: Roles
    # Lexicon types of every trigger of the sentence, the governed ones too ("summoned ... to complain").
    sentence_types: tuple[str, ...] = ()
    # The lexicon type of the act a commissive trigger commits its source to ("vowed to fight": ASSAULT).
    pledged: str | None = None

    @property
    def nominal(self) -> bool:
        return self.hit is not None and self.hit.nominal

    @property
    def lexicon_type(self) -> str | None:
        return self.hit.code.type if self.hit else None


def find_candidates(doc: Doc, lexicon: Lexicon, index: ActorIndex, skip: set[int]) -> list[Candidate]:
    """Every lexicon trigger of the story with at least one party.

    :param skip: token indices of pure reporting cues ("said", "reported", "declared"): triggers only where a
        lexicon pattern reads their object as an act ("declared war"); words of actor names and of time
        expressions ("March 28") never are.
    """
    start = doc._.content_start or 0
    times = {i for span in doc.spans.get("ew_times", []) for i in range(span.start, span.end)}
    out = []
    # only verbs and nouns the lexicon knows can be triggers: the token table picks them without a Token
    # object per word
    table = token_table(doc)
    for i, (pos, lemma, lower) in enumerate(zip(table.pos, table.lemmas, table.lowers, strict=True)):
        if not lexicon.may_hit(pos, lemma.lower(), lower):
            continue
        tok = doc[i]
        if tok.idx < start or i in index.by_token or i in times:
            continue
        hit = _hit(lexicon, tok)
        if hit is None or (i in skip and not hit.specific):
            continue  # a reporting cue is an act only by a pattern on its object ("declared a state of siege")
        kind = hit.code.type
        roles = noun_roles(tok, kind, index) if hit.nominal else verb_roles(tok, kind, index)
        out.append(Candidate(tok, hit, roles))
    return out


def predicate_candidates(doc: Doc, index: ActorIndex, skip: set[int], covered: set[int]) -> list[Candidate]:
    """The main predicate of each sentence with no lexicon candidate, for the type model to read.

    The predicate is the sentence's root verb, or, under a reporting verb ("X said ..."), the verb of the
    reported clause; a form of "be" or "have" is no predicate of an event.

    :param covered: start tokens of the sentences that already have a candidate.
    """
    start = doc._.content_start or 0
    out = []
    for sent in doc.sents:
        if sent.start in covered or sent.end_char <= start:
            continue
        verb = sent.root
        while verb.i in skip or verb.lemma_.lower() in _REPORTING:
            nxt = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")), None)
            if nxt is None:
                break
            verb = nxt
        if verb.pos_ != "VERB" or verb.lemma_.lower() in _NO_PREDICATE or verb.i in index.by_token or verb.i in skip:
            continue
        out.append(Candidate(verb, None, verb_roles(verb, "", index)))
    return out


_REPORTING = frozenset({"say", "tell", "report", "announce", "add", "state", "claim", "note", "write"})
_NO_PREDICATE = frozenset({"be", "have", "do", "get", "become", "seem", "appear", "include", "mean", "need",
                           "want", "know", "think", "believe", "see", "look", "feel", "like"})


def _hit(lexicon: Lexicon, tok: Token) -> Hit | None:
    if tok.pos_ == "VERB":
        return lexicon.verb_hit(tok)
    if tok.pos_ in ("NOUN", "PROPN"):
        return lexicon.noun_hit(tok)
    return None


def with_sentence_types(mains: list[Candidate], found: list[Candidate]) -> list[Candidate]:
    """The main candidates, each told the lexicon types of all triggers of its sentence."""
    by_sent: dict[int, list[str]] = defaultdict(list)
    for c in found:
        by_sent[c.tok.sent.start].append(c.hit.code.type)
    return [replace(c, sentence_types=tuple(sorted(set(by_sent.get(c.tok.sent.start, ()))))) for c in mains]


def main_candidates(cands: list[Candidate], content_heads: frozenset[int] = frozenset()) -> list[Candidate]:
    """The candidates no other candidate governs (see the module docstring), in text order.

    :param content_heads: cue tokens whose clause is content of its own ("Russia conceded that its troops
        attacked"): the event reported there is not part of the cue's.

    A governed candidate inside its governor's object ("opened an investigation of Flynn", "called for
    sanctions against Myanmar") names the governor's parties: it lends them where the governor has none.
    """
    at = {c.tok.i: c for c in cands}
    main = []
    for c in cands:
        governor = _governor(c.tok, at, content_heads)
        if governor is None:
            main.append(c)
            continue
        if governor.pledged is None and _infinitive_of(c.tok, governor.tok) and \
                governor.tok.lemma_.lower() in COMMISSIVE_HEADS:
            governor.pledged = c.hit.code.type
        if _in_object(c.tok, governor.tok):
            for role in ("source", "target"):
                if not getattr(governor.roles, role):
                    governor.roles.add(role, [a for a in getattr(c.roles, role) if a not in
                                              governor.roles.source + governor.roles.target],
                                       f"{role} of '{c.tok.text}' in the object")
    return main


def _infinitive_of(tok: Token, governor: Token) -> bool:
    """Whether ``tok`` is the infinitive ``governor`` takes ("vowed to fight"; the parser reads some as an
    adverbial clause)."""
    return tok.head.i == governor.i and (tok.dep_ == "xcomp" or tok.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children))


def _in_object(tok: Token, governor: Token) -> bool:
    """Whether ``tok`` lies in ``governor``'s object or a prepositional object of it (not a clause)."""
    node = tok
    while node.head.i != governor.i:
        if node.dep_ in ("ccomp", "advcl", "relcl", "parataxis", "conj") or node.head.i == node.i:
            return False
        node = node.head
    return node.dep_ in ("dobj", "prep", "attr", "oprd", "dative")


def _governor(tok: Token, at: dict[int, Candidate], content_heads: frozenset[int]) -> Candidate | None:
    """The nearest candidate above ``tok`` in its sentence, unless an independent clause lies between."""
    node = tok
    while node.head.i != node.i:
        if node.dep_ in _INDEPENDENT and node.pos_ in ("VERB", "AUX") and _has_subject(node):
            return None
        if node.dep_ == "ccomp" and node.head.i in content_heads:
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
