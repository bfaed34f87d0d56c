"""spaCy component of the events stage: PLOVER/CAMEO events with roles, time, place and status."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from eventwire.events.lexicon import Hit, Lexicon, load_lexicon
from eventwire.events.roles import TARGET_PREPS, ActorIndex, clause_tokens
from eventwire.events.status import FUTURE_HEADS, HYPO_HEADS, cue_status, innermost_attribution, modality
from eventwire.nlp.stage import Stage
from eventwire.schema import Attribution, Event, Mention

__all__ = ["EventsStage", "make_events"]

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
# Prepositions whose object is where the event happened (not "from": that is the origin).
PLACE_PREPS = frozenset({"in", "at", "near", "to", "inside", "outside", "on"})
SYMMETRIC = frozenset({"CONSULT", "COOPERATE"})
VISIT_CODES = frozenset({"042", "043"})
MODAL_HEADS = FUTURE_HEADS | HYPO_HEADS
_NP_LINKS = frozenset({"compound", "poss", "amod", "pobj", "appos", "conj", "nmod", "case"})


@dataclass
class _Roles:
    source: list[str]
    target: list[str]


class EventsStage(Stage):
    """Codes every lexicon trigger of the body whose source or target is a known actor."""

    name = "eventwire_events"

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()

    def process(self, doc: Doc) -> None:
        index = ActorIndex(doc)
        ctx = _DocContext(doc)
        events: list[Event] = []
        for tok in doc:
            if tok.i in ctx.cue_tokens or tok.i in index.by_token:
                continue
            hit = self._hit(tok)
            if hit is None or _elaborates(tok, hit, self):
                continue
            event = self._event(tok, hit, index, ctx, f"e{len(events) + 1}")
            if event is not None:
                events.append(event)
        doc._.ew_events = events

    def _hit(self, tok: Token) -> Hit | None:
        """The lexicon entry of a verb or event noun, if any."""
        if tok.pos_ == "VERB":
            return self.lexicon.verb_hit(tok)
        if tok.pos_ in ("NOUN", "PROPN"):
            return self.lexicon.noun_hit(tok)
        return None

    def _event(self, tok: Token, hit: Hit, index: ActorIndex, ctx: _DocContext, eid: str) -> Event | None:
        """One event for the trigger, or None when no actor takes part in it."""
        clause = clause_tokens(tok)
        place = ctx.place_in(clause)
        roles = _noun_roles(tok, hit, index) if hit.nominal else _verb_roles(tok, hit, index)
        if (hit.code.cameo[:3] in VISIT_CODES or hit.code.type == "ASSAULT") and not roles.target and place:
            roles.target = index.of_country(ctx.place_country.get(place))
        roles.target = [a for a in roles.target if a not in roles.source]
        if not _worth(roles, hit, index):
            return None
        time_id, date = ctx.time_in(clause if not hit.nominal else clause + clause_tokens(tok.head))
        status, att = _status(tok, ctx)
        start, end = clause[0].idx, clause[-1].idx + len(clause[-1])
        doc = tok.doc
        return Event(
            id=eid, type=hit.code.type, mode=hit.code.mode, context=list(hit.code.context),
            cameo=hit.code.cameo, goldstein=hit.code.goldstein, source=roles.source, target=roles.target,
            date=date, time=time_id, place=place, status=status, attribution=att.id if att else None,
            trigger=Mention(start=tok.idx, end=tok.idx + len(tok), text=tok.text),
            evidence=Mention(start=start, end=end, text=doc.text[start:end]),
            confidence=_confidence(hit, roles),
        )


class _DocContext:
    """Per-doc lookups of the earlier stages' output: cues, times, places, attributions."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.attributions: list[Attribution] = list(doc._.ew_attributions or [])
        self.cue_tokens: set[int] = set()
        for att in self.attributions:
            span = doc.char_span(att.cue_start, att.cue_end, alignment_mode="expand")
            if span is not None:
                self.cue_tokens.update(range(span.start, span.end))
        self.time_value = {t.id: t.value for t in (doc._.ew_times or [])}
        self.place_country = {p.id: p.country for p in (doc._.ew_places or [])}
        self.time_at = _token_map(doc, "ew_times")
        self.place_at = _token_map(doc, "ew_places")

    def time_in(self, clause: list[Token]) -> tuple[str | None, str | None]:
        """The first time expression in the clause, and its day if it names one."""
        for tok in clause:
            tid = self.time_at.get(tok.i)
            if tid:
                value = self.time_value.get(tid, "")
                return tid, value[:10] if _DATE.match(value) else None
        return None, None

    def place_in(self, clause: list[Token]) -> str | None:
        """The first place named in a locative PP of the clause ("at Vostochny", not "from North Korea")."""
        for tok in clause:
            pid = self.place_at.get(tok.i)
            if pid and _locative(tok):
                return pid
        return None


def _token_map(doc: Doc, group: str) -> dict[int, str]:
    """Token index -> item id for one span group."""
    out: dict[int, str] = {}
    for span in doc.spans.get(group, []):
        for i in range(span.start, span.end):
            out.setdefault(i, span.kb_id_)
    return out


def _locative(tok: Token) -> bool:
    """Whether the place word hangs (possibly through a possessive or compound) off a locative preposition."""
    while tok.dep_ in _NP_LINKS and tok.head.i != tok.i:
        if tok.dep_ == "pobj":
            return tok.head.lower_ in PLACE_PREPS
        tok = tok.head
    return False


def _elaborates(tok: Token, hit: Hit, stage: EventsStage) -> bool:
    """A trigger that only elaborates another: an event noun in a trigger verb's clause ("arrived for a
    summit") or a participle of the same type hanging off one ("arrived ..., having travelled")."""
    if not hit.nominal:
        if tok.lemma_.lower() in MODAL_HEADS and any(c.dep_ == "xcomp" for c in tok.children):
            return True  # "plans to meet": the modality of the meeting, not an event of its own
        head_hit = stage._hit(tok.head) if tok.dep_ == "advcl" and tok.tag_ in ("VBG", "VBN") else None
        return head_hit is not None and head_hit.code.type == hit.code.type
    head = tok.head
    while head.i != tok.i and head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head.pos_ == "VERB" and stage._hit(head) is not None


def _verb_roles(tok: Token, hit: Hit, index: ActorIndex) -> _Roles:
    """Subject (or passive agent) as source; object, dative or to/with/against object as target."""
    verb = tok
    while not any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in verb.children) and \
            verb.dep_ in ("xcomp", "conj", "advcl", "ccomp") and verb.head.i != verb.i:
        verb = verb.head
    source: list[str] = []
    target: list[str] = []
    for child in verb.children:
        if child.dep_ == "nsubj":
            source += index.phrase(child)
        elif child.dep_ == "agent":
            source += [a for g in child.children if g.dep_ == "pobj" for a in index.phrase(g)]
        elif child.dep_ == "nsubjpass" and verb.i == tok.i:
            target += index.phrase(child)
    if verb.i != tok.i and not source:
        source = [a for c in verb.children if c.dep_ == "nsubjpass" for a in index.phrase(c)]
    if not source and tok.dep_ == "relcl":
        source = index.phrase(tok.head)
    target += _objects(tok, index)
    for child in tok.children:
        if not target and child.dep_ == "xcomp":
            target += _objects(child, index)  # "threatened to ban voting in X": X is the target
    return _Roles(_unique(source), _unique(target))


def _objects(tok: Token, index: ActorIndex) -> list[str]:
    """Actors of a verb's object, dative, or to/with/against object."""
    target: list[str] = []
    for child in tok.children:
        if child.dep_ in ("dobj", "dative", "iobj"):
            target += index.phrase(child)
        elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
            target += [a for g in child.children if g.dep_ == "pobj" for a in index.phrase(g)]
    return target


def _noun_roles(tok: Token, hit: Hit, index: ActorIndex) -> _Roles:
    """Possessor, actor adjective or by-phrase as source; of/against/with object as target."""
    source: list[str] = []
    target: list[str] = []
    intransitive = hit.code.type == "CONSULT"
    for child in tok.children:
        if child.dep_ in ("poss", "amod", "compound", "nmod"):
            source += index.phrase(child)
        elif child.dep_ == "prep":
            objs = [a for g in child.children if g.dep_ == "pobj" for a in index.phrase(g)]
            if child.lower_ == "by" or (child.lower_ == "of" and intransitive):
                source += objs
            elif child.lower_ in ("of", "against", "with", "on", "to"):
                target += objs
    return _Roles(_unique(source), _unique(target))


def _worth(roles: _Roles, hit: Hit, index: ActorIndex) -> bool:
    """Emit only events with a party: a source for nouns, any actor for verbs; no self-visits."""
    if hit.nominal and not roles.source:
        return False
    if not (roles.source or roles.target):
        return False
    if hit.code.type == "CONSULT" and len(roles.source) + len(roles.target) < 2:
        return False  # a consultation takes two parties; "Kim visited factories" is no CONSULT
    countries = lambda ids: {index.actors[a].country for a in ids}  # noqa: E731
    same = countries(roles.source) == countries(roles.target)
    return not (hit.code.type in SYMMETRIC and roles.target and same)


def _status(tok: Token, ctx: _DocContext) -> tuple[str, Attribution | None]:
    """Modality first, then the innermost attribution (reported / confirmed / denied), else asserted."""
    att = innermost_attribution(tok.idx, tok.idx + len(tok), ctx.attributions)
    mod = modality(tok, ctx.cue_tokens)
    if mod:
        return mod, att
    if att is not None:
        cue = ctx.doc.char_span(att.cue_start, att.cue_end, alignment_mode="expand")
        return cue_status(cue.root.lemma_.lower() if cue is not None else ""), att
    if tok.head.lemma_.lower() in ("confirm", "deny") and tok.dep_ in ("dobj", "ccomp"):
        return cue_status(tok.head.lemma_.lower()), None
    return "asserted", None


def _confidence(hit: Hit, roles: _Roles) -> float:
    """Higher for pattern-coded triggers and for events with both sides filled."""
    score = 0.5 + (0.15 if hit.specific else 0.0) - (0.1 if hit.nominal else 0.0)
    score += 0.15 if roles.source else 0.0
    score += 0.1 if roles.target else 0.0
    return round(min(score, 0.95), 2)


def _unique(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))


@Language.factory("eventwire_events")
def make_events(nlp: Language, name: str) -> EventsStage:
    """The events stage; the lexicon is read once per process."""
    return EventsStage()
