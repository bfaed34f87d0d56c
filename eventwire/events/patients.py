"""The party an act falls on when the actors stage named none there: "arrested a Turkish man", "convicted the
party", "opened an investigation into 70 employees", "detained 18 people".

PLOVER's target is whoever the act is done to, named or not. The actors stage names only the parties a coder
can look up (states, offices, known people and organisations, agents such as "police" that stand for a
sector). A common noun for a person, a group or an organisation in the place of the party acted upon is a
party too, unnamed; its country is the one its words give ("a Turkish man"), else none here (the caller may
apply PLOVER's own-people convention). A thing acted upon ("rejected the referendum", "imposed a curfew") is
no party and yields none.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Span, Token

from eventwire.actors.kb import KnowledgeBase, load_kb, normalize

__all__ = ["MOVE_VERBS", "Patient", "acted_on_party", "is_party"]

# Verbs that move the source's own people or things ("sent troops to X", "withdrew its envoy from Y"): their
# object is what moves, the party acted upon is where it goes or leaves.
MOVE_VERBS = frozenset({"send", "deploy", "dispatch", "withdraw", "pull", "contribute", "station", "redeploy",
                        "move", "airlift", "recall"})

# Prepositions of a verb whose object is the party acted upon ("filed a lawsuit against X", "gave aid to X").
VERB_PREPS = frozenset({"against", "to", "with", "on", "into", "toward", "towards", "for"})
# Prepositions of an event noun or of the thing acted upon that lead on to the party ("an investigation into
# the employees", "investigations against hundreds of banks", "the arrest of two men").
NOUN_PREPS = frozenset({"of", "into", "against", "on", "with", "to", "over", "for"})
# Heads that count a party ("hundreds of banks", "one of two men", "all three", "members of a ring").
COUNT_HEADS = frozenset({
    "hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "million", "millions", "one", "two", "three",
    "some", "many", "most", "several", "all", "both", "each", "scores", "member", "members", "group", "number",
    "rest", "majority", "remnant", "remnants", "part"})
# Common nouns for persons, groups and organisations the actors KB lists no sector for.
PARTY_NOUNS = frozenset({
    "man", "men", "woman", "women", "person", "persons", "people", "individual", "individuals", "suspect",
    "suspects", "inmate", "inmates", "convict", "convicts", "detainee", "detainees", "captive", "captives",
    "fugitive", "fugitives", "defendant", "defendants", "accused", "national", "nationals", "foreigner",
    "foreigners", "tourist", "tourists", "child", "children", "boy", "boys", "girl", "girls", "teenager",
    "teenagers", "youth", "youths", "family", "families", "member", "members", "party", "parties", "group",
    "groups", "organisation", "organisations", "organization", "organizations", "company", "companies", "firm",
    "firms", "bank", "banks", "association", "associations", "movement", "movements", "faction", "factions",
    "owner", "owners", "colleague", "colleagues", "counterpart", "counterparts", "ally", "allies", "partner",
    "partners", "stakeholder", "stakeholders", "driver", "drivers", "crew", "crews", "employee", "employees",
    "staff", "servicemen", "serviceman", "homeguard", "homeguards", "leader", "leaders", "ringleader",
    "ringleaders", "opponent", "opponents", "supporter", "supporters", "follower", "followers", "sect", "community",
    "communities", "minority", "minorities", "tribe", "tribes", "clan", "clans", "population", "populations",
    "hacker", "hackers", "attacker", "attackers", "citizen", "citizens", "resident", "residents", "worker",
    "workers", "agency", "agencies"})
# Entity labels of a proper name that is a person or an organisation (not a place: places are the places
# stage's, and a place acted upon gives its country by another rule).
PARTY_LABELS = frozenset({"PERSON", "ORG"})
# Nouns that name another party by its relation to the owner ("their counterparts", "its allies").
RELATIONAL_NOUNS = frozenset({"counterpart", "colleague", "ally", "partner", "opponent", "rival", "neighbour",
                              "neighbor", "enemy", "adversary", "host", "guest", "critic", "creditor"})
_DROP_LEFT = frozenset({"det", "predet", "punct", "cc", "case"})


class Patient:
    """An unnamed party acted upon: its words, the country and sector they give, and its kind."""

    def __init__(self, span: Span, country: str | None, sector: str | None, kind: str) -> None:
        self.span, self.country, self.sector, self.kind = span, country, sector, kind


@lru_cache(maxsize=1)
def _kb() -> KnowledgeBase:
    return load_kb()


def acted_on_party(tok: Token, nominal: bool, taken: set[int], places: set[int]) -> Patient | None:
    """The unnamed party ``tok`` acts on, if the phrase of the party acted upon is one.

    :param nominal: ``tok`` is an event noun (its of/into/against object is what it acts on).
    :param taken: tokens of actor mentions (a named party there is the role rules' business).
    :param places: tokens of place mentions.
    """
    for head in _acted_on_heads(tok, nominal):
        found = _party_in(head, taken, places, depth=2)
        if found is not None:
            return found
    return None


def _acted_on_heads(tok: Token, nominal: bool) -> Iterator[Token]:
    """The phrases that name what the trigger acts on, nearest first."""
    if nominal:
        yield from _pobjs(tok, NOUN_PREPS)
        return
    move = tok.lemma_.lower() in MOVE_VERBS
    for child in tok.children:
        if (child.dep_ == "dobj" and not move) or child.dep_ == "dative" or \
                (child.dep_ == "nsubjpass" and tok.dep_ != "acl"):
            yield child
    yield from _pobjs(tok, VERB_PREPS)


def _pobjs(tok: Token, preps: frozenset[str]) -> Iterator[Token]:
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            yield from (g for g in prep.children if g.dep_ == "pobj")


def _party_in(head: Token, taken: set[int], places: set[int], depth: int) -> Patient | None:
    """The party the phrase under ``head`` names: the phrase itself, what it counts ("hundreds of banks"),
    or the party behind the thing it names ("an investigation into the employees of X")."""
    if head.i in taken or head.i in places or head.pos_ == "PRON" or _owned(head):
        return None
    if is_party(head):
        return _patient(head, head)
    counted = head.lower_ in COUNT_HEADS or head.lemma_.lower() in COUNT_HEADS or head.like_num
    for pobj in _pobjs(head, NOUN_PREPS if depth else frozenset()):
        if counted and pobj.head.lower_ == "of" and is_party(pobj) and pobj.i not in taken | places:
            return _patient(head, pobj)
        found = _party_in(pobj, taken, places, depth - 1)
        if found is not None:
            return found
    return None


def _owned(head: Token) -> bool:
    """ "its troops", "their envoys": a party owned by one named before is that one's own, not a new party
    (but "their counterparts", "its allies" name another party through the relation)."""
    return head.lemma_.lower() not in RELATIONAL_NOUNS and \
        any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children)


def is_party(tok: Token) -> bool:
    """A common noun for a person, group or organisation, or a proper name of one."""
    if tok.pos_ == "PROPN":
        return tok.ent_type_ in PARTY_LABELS
    if tok.pos_ != "NOUN":
        return False
    kb = _kb()
    words = (tok.lower_, tok.lemma_.lower())
    return any(w in PARTY_NOUNS or w in kb.alone or kb.agents.get(w) for w in words)


def _patient(first: Token, head: Token) -> Patient:
    """The party's mention (its words up to the head, without a leading determiner) and what they tell."""
    left = [t for t in first.lefts for t in t.subtree]
    start = min([t.i for t in left] + [first.i])
    doc = first.doc
    while start < first.i and doc[start].dep_ in _DROP_LEFT:
        start += 1
    span = doc[start:head.i + 1]
    kb = _kb()
    words = (head.lower_, head.lemma_.lower())
    sector = next((kb.agents[w] for w in words if kb.agents.get(w)), None)
    plural = head.tag_ in ("NNS", "NNPS") or head.i != first.i
    kind = "person" if head.ent_type_ == "PERSON" or (head.pos_ == "NOUN" and not plural
                                                      and head.lower_ in _PERSON_WORDS) else "group"
    return Patient(span, _country(span, kb), sector, kind)


_PERSON_WORDS = frozenset({"man", "woman", "person", "individual", "suspect", "inmate", "convict", "detainee",
                           "captive", "fugitive", "defendant", "national", "foreigner", "tourist", "child", "boy",
                           "girl", "teenager", "youth", "owner", "colleague", "counterpart", "driver",
                           "serviceman", "homeguard", "leader", "ringleader", "opponent", "supporter",
                           "citizen", "resident", "worker", "employee"})


def _country(span: Span, kb: KnowledgeBase) -> str | None:
    """The country a demonym or country name among the party's words gives ("a Turkish man", "two Afghan
    men", "South Korean workers"), longest words first."""
    toks = list(span)
    for n in (3, 2, 1):
        for i in range(len(toks) - n + 1):
            key = normalize(span.doc[toks[i].i:toks[i].i + n].text)
            code = kb.adjectives.get(key) or kb.countries.get(key)
            if code:
                return code
    return None
