"""spaCy component of the events stage: PLOVER/CAMEO events with roles, time, place and status."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from eventwire.attribution import REPORTING_LEMMAS, cue_status, enclosing_attribution
from eventwire.events.lexicon import Hit, Lexicon, load_lexicon
from eventwire.events.roles import ActorIndex, Roles, clause_tokens, noun_roles, verb_roles
from eventwire.events.status import FUTURE_HEADS, HYPO_HEADS, modality
from eventwire.nlp.stage import Stage
from eventwire.schema import Attribution, Event, Mention

__all__ = ["EventsStage", "make_events"]

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
# Prepositions whose object is where the event happened (not "from": that is the origin).
PLACE_PREPS = frozenset({"in", "at", "near", "to", "inside", "outside", "on"})
SYMMETRIC = frozenset({"CONSULT", "COOPERATE"})
VISIT_CODES = frozenset({"042", "043"})
MODAL_HEADS = FUTURE_HEADS | HYPO_HEADS
# Types whose complement clause is what was demanded, threatened or refused, not an event of its own.
CONTENT_TYPES = frozenset({"REQUEST", "THREATEN", "REJECT"})
# Types whose party acted upon may be the country of the place where they happen.
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST"})
_NP_LINKS = frozenset({"compound", "poss", "amod", "pobj", "appos", "conj", "nmod", "case"})


class EventsStage(Stage):
    """Codes every lexicon trigger of the body whose source or target is a known actor."""

    name = "eventwire_events"

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()

    def process(self, doc: Doc) -> None:
        doc._.ew_implied_actors = []  # this stage's own list: a re-run starts afresh
        index = ActorIndex(doc)
        ctx = _DocContext(doc)
        events: list[Event] = []
        for tok in doc:
            # A cue that only reports is never an event; speech acts ("X accused Y", "X urged Y to ...")
            # are attributions and events both.
            if tok.i in index.by_token or (tok.i in ctx.cue_tokens and tok.lemma_.lower() in REPORTING_LEMMAS):
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
        kind = hit.code.type
        roles = noun_roles(tok, kind, index) if hit.nominal else verb_roles(tok, kind, index)
        roles.target = [a for a in roles.target if a not in roles.source]
        if not roles.target and (hit.code.cameo[:3] in VISIT_CODES or kind in PLACE_TARGET_TYPES):
            acted_on = ctx.object_place(tok) or ctx.place_in(_outside_subject(clause))
            if acted_on:
                country = ctx.place_country.get(acted_on)
                roles.target = index.of_country(country, self.lexicon.countries.get(country or ""))
        if not roles.target and _unresolved_addressee(tok):
            return None
        if not _worth(tok, roles, hit, self.lexicon, index):
            return None
        time_id, date = ctx.time_in(clause if not hit.nominal else clause + clause_tokens(tok.head))
        status, att = _status(tok, ctx)
        start, end = clause[0].idx, clause[-1].idx + len(clause[-1])
        return Event(
            id=eid, type=hit.code.type, mode=hit.code.mode, context=list(hit.code.context),
            cameo=hit.code.cameo, goldstein=hit.code.goldstein, source=roles.source, target=roles.target,
            date=date, time=time_id, place=place, status=status, attribution=att.id if att else None,
            trigger=Mention(start=tok.idx, end=tok.idx + len(tok), text=tok.text),
            evidence=Mention(start=start, end=end, text=ctx.text[start:end]),
            confidence=_confidence(hit, roles),
        )


class _DocContext:
    """Per-doc lookups of the earlier stages' output: cues, times, places, attributions."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
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

    def object_place(self, tok: Token) -> str | None:
        """A place named in the trigger's object ("shelled the capital Juba"), which is the place acted upon."""
        for child in tok.children:
            if child.dep_ == "dobj":
                for sub in child.subtree:
                    if sub.i in self.place_at:
                        return self.place_at[sub.i]
        return None


def _outside_subject(clause: list[Token]) -> list[Token]:
    """The clause without its subject phrase: "security forces in Guinea" is where the agents are from."""
    inside = {sub.i for t in clause if t.dep_ in ("nsubj", "nsubjpass") for sub in t.subtree}
    return [t for t in clause if t.i not in inside]


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
        if tok.dep_ in ("xcomp", "ccomp") and (head_hit := stage._hit(tok.head)) is not None and \
                head_hit.code.type in CONTENT_TYPES and not head_hit.nominal:
            return True  # "threatened to ban voting": the ban is what was threatened
        if tok.lemma_.lower() in MODAL_HEADS and any(c.dep_ == "xcomp" for c in tok.children):
            return True  # "plans to meet": the modality of the meeting, not an event of its own
        head_hit = stage._hit(tok.head) if tok.dep_ == "advcl" and tok.tag_ in ("VBG", "VBN") else None
        return head_hit is not None and head_hit.code.type == hit.code.type
    head = tok.head
    while head.i != tok.i and head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head.pos_ == "VERB" and stage._hit(head) is not None


def _worth(tok: Token, roles: Roles, hit: Hit, lexicon: Lexicon, index: ActorIndex) -> bool:
    """Emit only events with a party: a source for nouns (or a target for nouns that name an event on
    their own: "international sanctions on X"), any actor for verbs; no self-visits."""
    if hit.nominal and not roles.source and not (roles.target and lexicon.standalone(tok)):
        return False
    if not (roles.source or roles.target):
        return False
    if hit.code.type == "CONSULT" and len(roles.source) + len(roles.target) < 2:
        return False  # a consultation takes two parties; "Kim visited factories" is no CONSULT
    countries = lambda ids: {index.actors[a].country for a in ids}  # noqa: E731
    same = countries(roles.source) == countries(roles.target)
    return not (hit.code.type in SYMMETRIC and roles.target and same)


def _unresolved_addressee(tok: Token) -> bool:
    """A speech act aimed at a pronoun the parse cannot resolve ("urging them to ..."): its addressee is
    unknown, and what the sentence reports is usually the complement, not the act."""
    return tok.pos_ == "VERB" and any(c.dep_ in ("dobj", "dative") and c.pos_ == "PRON" for c in tok.children) \
        and any(c.dep_ in ("xcomp", "ccomp") for c in tok.children)


def _status(tok: Token, ctx: _DocContext) -> tuple[str, Attribution | None]:
    """Modality first, then the innermost attribution (reported / confirmed / denied), else asserted."""
    found = enclosing_attribution(ctx.attributions, tok.idx, tok.idx + len(tok))
    att = ctx.attributions[found] if found is not None else None
    mod = modality(tok, ctx.cue_tokens)
    if mod:
        return mod, att
    if att is not None:
        # The parser's lemma, not the cue's text: "admitted" -> "admit" whatever the inflection.
        cue = ctx.doc.char_span(att.cue_start, att.cue_end, alignment_mode="expand")
        return cue_status(cue.root.lemma_.lower() if cue is not None else att.cue), att
    if tok.head.lemma_.lower() in ("confirm", "deny") and tok.dep_ in ("dobj", "ccomp"):
        return cue_status(tok.head.lemma_.lower()), None
    return "asserted", None


def _confidence(hit: Hit, roles: Roles) -> float:
    """Higher for pattern-coded triggers and for events with both sides filled."""
    score = 0.5 + (0.15 if hit.specific else 0.0) - (0.1 if hit.nominal else 0.0)
    score += 0.15 if roles.source else 0.0
    score += 0.1 if roles.target else 0.0
    return round(min(score, 0.95), 2)


@Language.factory("eventwire_events")
def make_events(nlp: Language, name: str) -> EventsStage:
    """The events stage; the lexicon is read once per process."""
    return EventsStage()
