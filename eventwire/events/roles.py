"""Who did it to whom: the source and target actors of a trigger, read off the dependency parse."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from eventwire.events.lexicon import load_lexicon, stems
from eventwire.events.patients import MOVE_VERBS, Patient
from eventwire.schema import Actor, Mention

__all__ = ["ActorIndex", "Roles", "clause_tokens", "joint_subject", "noun_roles", "verb_roles"]

# Dependents that start another clause: their words belong to another event.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "parataxis", "relcl", "csubj", "acl", "xcomp"})
# Inside a noun phrase, these lead to other entities, not to the phrase's own referent.
NP_STOP_DEPS = CLAUSE_DEPS | {"prep", "punct", "cc", "det", "nummod"}
TARGET_PREPS = frozenset({"to", "with", "against", "toward", "towards", "on", "at"})
# Prepositions on a verb's object noun that lead to the party acted upon: "lodged a protest with Albania",
# "imposed sanctions on X", "rejected calls by Y", "dismissed an appeal from Z".
OBJECT_PREPS = TARGET_PREPS - {"at"} | {"into", "by", "from", "between"}
# Prepositions of a moving verb that lead to that party ("sent troops into Libya", "pulled out of Iraq").
MOVE_PREPS = frozenset({"into", "from", "in", "inside", "out"})
# "Despite sanctions, X ...", "under sanctions, X ...": the clause's subject endures them.
ENDURED_PREPS = frozenset({"despite", "under"})
ENDURED_TYPES = frozenset({"SANCTION", "COERCE"})
# "supply munitions the Kremlin needs": the one who needs or asked for what is given is its recipient.
NEED_VERBS = frozenset({"need", "want", "request", "seek", "lack", "require", "demand"})
# Texts that act for their authors ("a report accusing X", "a resolution demanding Y").
TEXT_NOUNS = frozenset({"report", "statement", "resolution", "declaration", "communique", "letter", "decree",
                        "law", "bill", "motion", "ruling", "verdict", "order", "study", "document", "petition",
                        "appeal", "message", "note", "editorial", "article", "video", "broadcast", "leaflet"})
# Means of violence that name an attack by whoever used them ("a car bomb killed", "shells hit").
WEAPON_NOUNS = frozenset({"bomb", "bomber", "missile", "rocket", "shell", "mortar", "grenade", "mine", "explosive",
                          "drone", "gunfire", "sniper", "gunshot", "bullet", "artillery", "airstrike", "device"})
# Prepositions of an event noun that lead to the party acted upon ("mediation between India and Pakistan").
NOUN_TARGET_PREPS = frozenset({"of", "against", "with", "on", "to", "into", "over", "between"})
# Event nouns whose "for" object is the party they benefit ("support for Maduro", "aid for refugees").
FOR_TYPES = frozenset({"SUPPORT", "AID", "COOPERATE"})
# Verbs whose complement's subject is the party they let or make act ("allow the WFP to deliver food").
PERMISSION_VERBS = frozenset({"allow", "permit", "let", "enable", "help", "authorize", "authorise", "invite",
                              "force", "compel", "forbid", "prevent"})
# Event types whose that-clause subject is the addressee: "demanded that the US cancel ...".
DIRECTIVE_TYPES = frozenset({"REQUEST"})
# Verbs that only carry an event noun ("launched an offensive", "announced a suspension"): the noun's
# source is the verb's subject.
LIGHT_VERBS = frozenset({
    "launch", "stage", "hold", "begin", "start", "open", "conduct", "carry", "announce", "lodge", "issue",
    "make", "wage", "mount", "declare", "resume", "undertake", "file", "initiate", "pursue", "continue",
    "complete", "order", "step", "intensify", "escalate", "impose", "extend", "offer", "deliver", "commence",
    "unleash", "renew", "organise", "organize", "perform", "spearhead", "orchestrate"})
# Nouns that measure out the event noun of their of-phrase ("a new round of talks", "ten days of war games"): a
# light verb's object through them carries the event as its own object does.
MEASURE_NOUNS = frozenset({"round", "series", "wave", "spate", "string", "campaign", "day", "week", "month", "year",
                           "hour", "night", "cycle", "programme", "program", "phase", "stage"})
# Heads of "a member of the Syrian parliament", "a group of Moroccan diplomats": the of-object is the actor.
# Pictures of someone, which an event told of the picture is told of: "images of him being greeted".
DEPICTIONS = frozenset({"image", "picture", "photo", "photograph", "footage", "video"})
PARTITIVE_NOUNS = frozenset({
    "member", "group", "delegation", "head", "chief", "leader", "spokesman", "spokeswoman", "spokesperson",
    "representative", "official", "envoy", "unit", "team", "faction", "wing", "some", "many", "most",
    "several", "one", "thousand", "hundred", "dozen", "part",
    # titles: "the chairman of the African Union Commission", "the president of the court"
    "chairman", "chairwoman", "chair", "president", "director", "secretary", "minister", "commissioner",
    "governor", "ambassador", "commander", "chancellor", "speaker", "prosecutor", "judge"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "both"})
THING_PRONOUNS = frozenset({"it", "its"})


def _is_person(actor: Actor) -> bool:
    return actor.kind == "person"


def _not_person(actor: Actor) -> bool:
    return actor.kind != "person"


# Prepositions from a thing to its owner or author ("the dealings of X", "threats made by Y").
OWNER_PREPS = frozenset({"of", "by", "from", "against", "on", "into", "over", "with", "for"})
# Verbs whose subject undergoes the event noun they take: "Iran faces criticism from the UN".
UNDERGO_VERBS = frozenset({"face", "receive", "suffer", "draw", "attract", "endure", "come", "incur", "risk"})
# Passive participles whose subject acts: "were engaged in clashes", "was involved in the attack".
STATIVE_PASSIVES = {"engage": "in", "involve": "in", "commit": "to"}
# How many actor mentions back a pronoun looks for its antecedent (bounded: the cost stays linear).
LOOK_BACK = 40
# Heads of anaphoric noun phrases ("the two leaders", "both sides").
GROUP_NOUNS = frozenset({"leader", "side", "president", "country", "nation", "government", "minister"})


def clause_tokens(trigger: Token) -> list[Token]:
    """The trigger and its dependents, without nested clauses or coordinated verbs (the event's clause)."""
    out, stack = [], [trigger]
    while stack:
        tok = stack.pop()
        out.append(tok)
        for child in tok.children:
            if child.dep_ in CLAUSE_DEPS and child.i != trigger.i:
                continue
            if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
                continue
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


class ActorIndex:
    """Token -> actor lookups for one doc, plus the minimal anaphora the stage needs.

    ``actors`` holds the actors stage's actors and the implied ones this stage adds (``of_country``), so
    every lookup sees both; the implied ones are written to ``doc._.ew_implied_actors`` only, since
    ``doc._.ew_actors`` belongs to the actors stage.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        implied = doc._.ew_implied_actors or []
        self.actors: dict[str, Actor] = {a.id: a for a in [*(doc._.ew_actors or []), *implied]}
        self._by_country: dict[str, list[Actor]] = defaultdict(list)  # for of_country, in actor order
        for actor in self.actors.values():
            if actor.country:
                self._by_country[actor.country].append(actor)
        self.by_token: dict[int, str] = {}
        group = doc.spans.get("ew_actors", [])
        for span in group:
            if span.kb_id_ in self.actors:
                for i in range(span.start, span.end):
                    self.by_token.setdefault(i, span.kb_id_)
        self.order = sorted(self.by_token.items())
        self._next_id = 1 + max((int(a[1:]) for a in self.actors if a[:1] == "a" and a[1:].isdigit()), default=0)
        self._sents: tuple[list[int], list[list[tuple[int, str]]], list[int | None]] | None = None
        self._implied: dict[str, Actor] = {}  # country -> this stage's state actor standing for places of it
        self._unnamed: set[str] = set()  # ids of the unnamed parties acted upon this stage added

    def phrase(self, head: Token) -> list[str]:
        """Actors of the noun phrase headed by ``head``, through conjuncts and appositions."""
        return self._np(head) or self.anaphor(head)

    def behind(self, head: Token, depth: int = 2) -> list[str]:
        """The actors of the noun phrase, or else those behind the thing it names: the party acted upon in
        "condemned the decision of the court", "probed the business dealings of Kempinski" is the owner
        or author of what the verb acts on."""
        ids = self.phrase(head)
        if ids or depth == 0:
            return ids
        return [a for p in head.children if p.dep_ == "prep" and p.lower_ in OWNER_PREPS
                for g in p.children if g.dep_ == "pobj" for a in self.behind(g, depth - 1)] or self.made_by(head)

    def made_by(self, head: Token) -> list[str]:
        """The author of a thing the text says was made by someone: "rejected the offer made by the Taliban",
        "the plan drawn up by Albania" (the agent of a participle describing the thing)."""
        return [a for v in head.children if v.dep_ == "acl" and v.tag_ == "VBN" for c in v.children
                if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj" for a in self.phrase(g)]

    def _np(self, head: Token) -> list[str]:
        shown = [g for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                 if g.dep_ == "pobj"] if head.lemma_.lower() in DEPICTIONS else []
        if shown:
            # "video images of him being greeted": the picture stands for whom it shows, not for whoever the
            # parser folded into it ("state media publishing video images")
            return [a for g in shown for a in self.phrase(g)]
        ids: list[str] = []
        stack = [head]
        while stack:
            tok = stack.pop()
            if tok.i in self.by_token and self.by_token[tok.i] not in ids:
                ids.append(self.by_token[tok.i])
            stack += [c for c in tok.children if c.dep_ not in NP_STOP_DEPS]
        if not ids and head.pos_ == "NOUN":
            # "members of the union", "doctors from two aid groups": a part of an actor stands for it
            preps = ("of", "from") if head.lemma_.lower() in PARTITIVE_NOUNS else ("from",)
            ids = [a for p in head.children if p.dep_ == "prep" and p.lower_ in preps for g in p.children
                   if g.dep_ == "pobj" for a in self.phrase(g)]
        return ids

    def anaphor(self, head: Token) -> list[str]:
        """Resolve he/she/it/they and "the two leaders" to earlier actors (no coreference model here)."""
        low = head.lower_
        if low in PERSON_PRONOUNS:
            return self._teller(head, _is_person) or self._last(head, _is_person, 1)
        if low in THING_PRONOUNS:  # "it" is mostly a thing: only an organisation of this or the last sentence
            return self._teller(head, _not_person) or self._last(head, _not_person, 1, near=True)
        # Plural pronouns only as subjects: "urging them" is too often not the parties named before.
        if (low in GROUP_PRONOUNS and head.dep_ in ("nsubj", "nsubjpass")) or _group_phrase(head):
            # "the leaders ... they": persons of two countries; else "the rebels said they would ...":
            # the last group, organisation or state named.
            return self._group(head) or (self._teller(head, _not_person) or self._last(head, _not_person, 1)
                                         if low in GROUP_PRONOUNS else [])
        return []

    def _teller(self, head: Token, fits: Callable[[Actor], bool]) -> list[str]:
        """"the rebels loyal to the commander said they attacked", "the union announced that it has called
        off the strike": a pronoun subject of a clause that a verb's subject tells is that subject (the head
        of its phrase, not the actors it modifies), when it fits the pronoun."""
        clause = head.head
        if head.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp" or clause.head.i == clause.i:
            return []
        for subj in clause.head.children:
            if subj.dep_ == "nsubj" and subj.i < head.i and subj.i in self.by_token:
                aid = self.by_token[subj.i]
                return [aid] if fits(self.actors[aid]) else []
        return []

    def _last(self, head: Token, fits, n: int, near: bool = False) -> list[str]:
        """The last ``n`` distinct fitting actors among the ``LOOK_BACK`` mentions before ``head``; ``near``:
        only those named in its sentence or the one before."""
        ids: list[str] = []
        k = bisect_left(self.order, (head.i, ""))
        sent = head.sent
        floor = (self.doc[sent.start - 1].sent.start if sent.start > 0 else 0) if near else 0
        for i, aid in reversed(self.order[max(0, k - LOOK_BACK):k]):
            if i < floor:
                break
            if aid not in ids and fits(self.actors[aid]):
                ids.append(aid)
                if len(ids) == n:
                    break
        return ids

    def _group(self, head: Token) -> list[str]:
        """The actors of the latest sentence that names two or more persons of different countries
        (in the head's own sentence, only those before it)."""
        starts, persons, latest = self._person_sents()
        k = bisect_right(starts, head.i) - 1
        own = _by_country([(i, aid) for i, aid in persons[k] if i < head.i], self.actors)
        if len(own) >= 2:
            return own
        prev = latest[k - 1] if k > 0 else None
        return _by_country(persons[prev], self.actors) if prev is not None else []

    def _person_sents(self) -> tuple[list[int], list[list[tuple[int, str]]], list[int | None]]:
        """Sentence start tokens, each sentence's mentions of persons with a country, and for each
        sentence the latest one up to it that names two countries' persons. Built once per doc on the
        first plural anaphor: scanning every sentence for every "they" was quadratic."""
        if self._sents is None:
            starts = [s.start for s in self.doc.sents]
            persons: list[list[tuple[int, str]]] = [[] for _ in starts]
            for i, aid in self.order:
                actor = self.actors[aid]
                if actor.country and actor.kind == "person":
                    persons[bisect_right(starts, i) - 1].append((i, aid))
            latest: list[int | None] = []
            for k, found in enumerate(persons):
                two = len({self.actors[aid].country for _, aid in found}) >= 2
                latest.append(k if two else (latest[-1] if latest else None))
            self._sents = (starts, persons, latest)
        return self._sents

    def implied(self, aid: str) -> bool:
        """Whether the actor is one this stage added: for a country the text names only as a place, or for an
        unnamed party acted upon (neither is a political party the actors stage named)."""
        return aid in self._unnamed or any(a.id == aid for a in self._implied.values())

    def add_party(self, patient: Patient, country: str | None) -> str:
        """A new actor for an unnamed party acted upon ("arrested a Turkish man"), with its words as mention;
        ``country``: the country its words give, or the one a convention gives it."""
        span = patient.span
        actor = Actor(id=f"a{self._next_id}", name=span.text, kind=patient.kind, country=country,
                      sector=patient.sector, code=(country or "") + (patient.sector or "") or None,
                      mentions=[Mention(start=span.start_char, end=span.end_char, text=span.text)])
        self._next_id += 1
        self._unnamed.add(actor.id)
        self.actors[actor.id] = actor
        self.doc._.ew_implied_actors = [*(self.doc._.ew_implied_actors or []), actor]
        return actor.id

    def of_country(self, country: str | None, name: str | None = None, besides: list[str] = ()) -> list[str]:
        """The actor standing for a country (for "arrived in Russia", "shelled villages in Sudan"): its
        state, else its government, other than the actors ``besides`` (the sources: "the British government
        outlawed a group" acts on the state, not on itself); when the article names none, a mention-less
        state actor is added, since the place's country is the party acted upon."""
        if not country:
            return []
        cands = [a for a in self._by_country.get(country, ()) if (a.kind == "state"
                 or a.sector == "GOV" and a.kind != "person") and a.id not in besides]
        if cands:
            cands.sort(key=lambda a: a.kind != "state")
            return [cands[0].id]
        return [self._implied_state(country, name).id]

    def of_place(self, mention: Mention, country: str, name: str | None = None) -> list[str]:
        """The actor standing for the country of a place acted upon ("withdraw from Iraq", "a ceasefire in
        eastern Ukraine"): the actor named there if the place's words name one, else this stage's own
        state actor for the country, with the place's words as its mention (the evidence of the role)."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        named = [self.by_token[i] for i in range(span.start, span.end) if i in self.by_token] if span else []
        fits = [a for a in named if self.actors[a].country == country]
        if fits:
            return fits[:1]
        actor = self._implied_state(country, name)
        if mention not in actor.mentions:
            actor.mentions.append(mention)
            actor.mentions.sort(key=lambda m: m.start)
        return [actor.id]

    def _implied_state(self, country: str, name: str | None) -> Actor:
        """This stage's one state actor for ``country`` in the doc, added on first use."""
        actor = self._implied.get(country)
        if actor is None:
            actor = Actor(id=f"a{self._next_id}", name=name or country, kind="state", country=country, sector=None,
                          code=country, mentions=[])
            self._next_id += 1
            self._implied[country] = actor
            self.actors[actor.id] = actor
            self._by_country[country].append(actor)
            self.doc._.ew_implied_actors = [*(self.doc._.ew_implied_actors or []), actor]
        return actor


def _by_country(persons: list[tuple[int, str]], actors: dict[str, Actor]) -> list[str]:
    """The first person mentioned of each country, in order."""
    by_country: dict[str, str] = {}
    for _, aid in persons:
        by_country.setdefault(actors[aid].country, aid)
    return list(by_country.values())


def _group_phrase(head: Token) -> bool:
    """ "the two leaders", "both sides": a plural definite noun that names parties mentioned before."""
    if head.lemma_.lower() not in GROUP_NOUNS or head.tag_ != "NNS":
        return False
    return any(c.lower_ in ("the", "two", "both") for c in head.children)


@dataclass
class Roles:
    """Source and target actor ids of one trigger, and the role rules that found them (for ``Event.rule``)."""

    source: list[str]
    target: list[str]
    why: list[str] = field(default_factory=list)

    def add(self, role: str, ids: list[str], rule: str) -> None:
        """Add ``ids`` to ``role`` ("source" or "target") and record ``rule`` when it found any new one."""
        have = getattr(self, role)
        new = [a for a in ids if a not in have]
        if new:
            have += new
            self.why.append(f"{role}: {rule}")


def verb_roles(tok: Token, event_type: str, index: ActorIndex) -> Roles:
    """Subject (or passive agent) as source; the party acted upon as target, looked for from the
    closest to the farthest: object, dative, to/with/against object; a preposition on the object noun;
    the object of a complement verb ("threatened to break relations with Russia"); the subject of a
    that-clause of a demand ("demanded that the US cancel")."""
    roles = Roles([], [])
    verb = _subject_bearer(tok)
    for child in verb.children:
        if child.dep_ == "nsubj":
            roles.add("source", index.phrase(child), "subject" if verb.i == tok.i else f"subject of '{verb.text}'")
            roles.add("source", [] if roles.source else _maker(child, index), "maker of the subject")
        elif child.dep_ == "agent":
            roles.add("source", [a for g in child.children if g.dep_ == "pobj" for a in index.phrase(g)],
                      "passive agent (by)")
        elif child.dep_ == "nsubjpass" and verb.i == tok.i and _stative_passive(tok):
            roles.add("source", index.phrase(child), "subject of a stative passive")
        elif child.dep_ == "nsubjpass" and verb.i == tok.i:
            roles.add("target", index.behind(child), "passive subject")
    if verb.i != tok.i and not roles.source:
        roles.add("source", [a for c in verb.children if c.dep_ == "nsubjpass" for a in index.phrase(c)],
                  f"passive subject of '{verb.text}'")
    if not roles.source and tok.dep_ in ("relcl", "acl") and tok.tag_ != "VBN":
        roles.add("source", index.phrase(tok.head), "head of the relative clause")
    if not roles.source and verb.i != tok.i and verb.pos_ == "ADJ" and verb.dep_ in ("amod", "acl"):
        # "the few countries willing to supply Russia": whom the adjective of readiness describes
        roles.add("source", _copular_subject(verb.head, index) or index.phrase(verb.head),
                  f"noun '{verb.text}' describes")
    if not roles.source and tok.dep_ == "acl" and tok.tag_ == "VBG":
        roles.add("source", _author_of(tok.head, index), "author of the text the participle describes")
    if not roles.source and tok.dep_ == "acl" and tok.tag_ == "VBN":
        roles.add("target", index.phrase(tok.head), "noun the participle describes")
    _reach(tok, index, roles, depth=2)
    if not roles.target and event_type in DIRECTIVE_TYPES:
        roles.add("target", [a for c in _demands(tok) for g in c.children
                             if g.dep_ in ("nsubj", "nsubjpass") for a in index.phrase(g)], "subject of the demand")
    if not roles.target and event_type == "THREATEN":
        roles.add("target", _condition_subjects(tok, index), "subject of the threat's condition")
    roles.target = [a for a in roles.target if a not in roles.source]
    return roles


def _stative_passive(tok: Token) -> bool:
    """A passive form that names what its subject does: "fighters were engaged in clashes", "troops
    involved in the raid", "Vietnam is committed to opening its economy" (the subject takes part or pledges;
    nobody engaged or committed it)."""
    prep = STATIVE_PASSIVES.get(tok.lemma_.lower())
    return prep is not None and not any(c.dep_ == "agent" for c in tok.children) and \
        any(c.dep_ == "prep" and c.lower_ == prep for c in tok.children)


def _demands(tok: Token) -> list[Token]:
    """The clauses that say what is demanded: the verb's that-clause ("demanded that the US cancel"), or
    that of the demand noun it takes ("insisted on its demand that the government resign")."""
    nouns = [c for c in tok.children if c.dep_ == "dobj"] + \
        [g for p in tok.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    return [c for c in tok.children if c.dep_ == "ccomp"] + \
        [c for n in nouns for c in n.children if c.dep_ in ("ccomp", "acl") and c.pos_ in ("VERB", "AUX")]


def _condition_subjects(tok: Token, index: ActorIndex) -> list[str]:
    """Whom a threat is made against: the subject of its condition ("threatened to leave the talks if the
    US deploys the missiles"), on the threatening verb or the threatened act."""
    verbs = [tok] + [c for c in tok.children if c.dep_ == "xcomp"]
    return [a for v in verbs for c in v.children if c.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
            for g in c.children if g.dep_ in ("nsubj", "nsubjpass") for a in index.phrase(g)]


def _maker(subject: Token, index: ActorIndex) -> list[str]:
    """Who is behind a subject that names an act, a weapon or a text ("a bombing by the rebels killed ...",
    "missiles fired by the army struck ...", "a report by Amnesty accused ..."): its by-object or the agent of
    a participle describing it. Not any thing's maker: "spending by the president pushed the deficit up"."""
    if not (_text_or_weapon(subject) or load_lexicon().noun_hit(subject) is not None):
        return []
    return [a for p in subject.children if p.dep_ == "prep" and p.lower_ == "by" for a in _pobj(p, index)] \
        or index.made_by(subject)


def _text_or_weapon(noun: Token) -> bool:
    return noun.lemma_.lower() in TEXT_NOUNS or noun.lemma_.lower() in WEAPON_NOUNS


def _author_of(noun: Token, index: ActorIndex) -> list[str]:
    """Who issued a text that acts ("Amnesty published a report accusing X", "the Senate passed a resolution
    demanding Y"): the subject of the verb that takes the text as its object."""
    if noun.dep_ != "dobj" or noun.lemma_.lower() not in TEXT_NOUNS:
        return []
    return [a for c in noun.head.children if c.dep_ == "nsubj" for a in index.phrase(c)]


def _copular_subject(noun: Token, index: ActorIndex) -> list[str]:
    """ "North Korea is one of the few countries ...", "Iran is a country ...": the subject the noun is
    said of."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "attr":
        noun = noun.head.head
    if noun.dep_ != "attr":
        return []
    return [a for c in noun.head.children if c.dep_ == "nsubj" for a in index.phrase(c)]


def _subject_bearer(tok: Token) -> Token:
    """The verb whose subject is the trigger's: itself, or up through complements and conjuncts."""
    verb = tok
    while not any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in verb.children) and verb.head.i != verb.i:
        if verb.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acomp"):
            verb = verb.head
        elif verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ == "ADJ":
            verb = verb.head.head  # "are guilty of violating the ceasefire", "is responsible for shelling"
        else:
            break
    return verb


def _reach(tok: Token, index: ActorIndex, roles: Roles, depth: int) -> None:
    """Actors a verb acts upon: its objects, else those behind its object noun, else its complement's."""
    before = len(roles.target)
    objects(tok, index, roles)
    if len(roles.target) == before:
        roles.add("target", [a for child in tok.children if child.dep_ == "dobj" for p in child.children
                             if p.dep_ == "prep" and p.lower_ in OBJECT_PREPS for a in _pobj(p, index, behind=True)],
                  "preposition on the object")
    if len(roles.target) == before and tok.lemma_.lower() in PERMISSION_VERBS:
        roles.add("target", [a for c in tok.children if c.dep_ in ("ccomp", "xcomp") for g in c.children
                             if g.dep_ == "nsubj" for a in index.phrase(g)], f"the one '{tok.text}' lets act")
    if len(roles.target) == before and depth:
        for c in tok.children:
            if c.dep_ == "xcomp":
                _reach(c, index, roles, depth - 1)


def objects(tok: Token, index: ActorIndex, roles: Roles) -> None:
    """Actors of a verb's object (not of a verb that moves it: what is sent is the source's own), dative, or
    to/with/against object, or else the subject of its infinitive complement ("rejected the minister to delay
    the trial", "urged Serbia to withdraw": the parser often reads the verb's object as the infinitive's
    subject)."""
    before = len(roles.target)
    move = tok.lemma_.lower() in MOVE_VERBS
    for child in tok.children:
        if child.dep_ in ("dobj", "dative", "iobj") and not (move and child.dep_ == "dobj"):
            roles.add("target", index.behind(child), f"object of '{tok.text}'")
        elif child.dep_ == "prep" and (child.lower_ in TARGET_PREPS or move and child.lower_ in MOVE_PREPS):
            roles.add("target", _pobj(child, index, behind=True), f"'{child.lower_}' object of '{tok.text}'")
    if len(roles.target) == before:
        roles.add("target", [a for c in tok.children if c.dep_ == "ccomp" and _infinitive(c) for g in c.children
                             if g.dep_ == "nsubj" for a in index.phrase(g)], f"the one '{tok.text}' addresses")
    if len(roles.target) == before:
        roles.add("target", [a for o in tok.children if o.dep_ == "dobj" for c in o.children
                             if c.dep_ == "relcl" and c.lemma_.lower() in NEED_VERBS for g in c.children
                             if g.dep_ == "nsubj" for a in index.phrase(g)], "the one who needs the object")


def _infinitive(verb: Token) -> bool:
    """A to-infinitive clause ("X to delay"), not a finite one ("that X delays")."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children) and \
        not any(c.dep_ == "mark" for c in verb.children)


def noun_roles(tok: Token, event_type: str, index: ActorIndex) -> Roles:
    """Possessor, actor adjective or by-phrase as source; of/against/with object as target. An event
    noun carried by a light verb ("Italy announced a suspension of links with Serbia") takes the
    verb's subject as source and the verb's to/with/against object as target."""
    roles = Roles([], [])
    intransitive = event_type == "CONSULT"
    for child in tok.children:
        if child.dep_ in ("poss", "amod", "compound", "nmod"):
            roles.add("source", index.phrase(child), "possessor or modifier")
        elif child.dep_ == "prep":
            objs = _pobj(child, index)
            if child.lower_ in ("by", "from") or (child.lower_ == "of" and intransitive):
                roles.add("source", objs, f"'{child.lower_}' object")
            elif child.lower_ in NOUN_TARGET_PREPS or child.lower_ == "for" and event_type in FOR_TYPES:
                roles.add("target", objs or _pobj(child, index, behind=True), f"'{child.lower_}' object")
    if not roles.target and event_type in DIRECTIVE_TYPES:
        roles.add("target", [a for c in tok.children if c.dep_ in ("ccomp", "acl") and c.pos_ in ("VERB", "AUX")
                             for g in c.children if g.dep_ in ("nsubj", "nsubjpass") for a in index.phrase(g)],
                  "subject of the demand")
    head = tok.head
    if tok.dep_ in ("dobj", "pobj") and _lemma_of_verb(tok) in UNDERGO_VERBS and not roles.target:
        verb = tok.head if tok.dep_ == "dobj" else tok.head.head
        roles.add("target", [a for c in verb.children if c.dep_ == "nsubj" for a in index.phrase(c)],
                  f"subject of '{verb.text}' (undergoes it)")
        if not roles.source:
            roles.add("source", [a for p in verb.children if p.dep_ == "prep" and p.lower_ in ("from", "by")
                                 for a in _pobj(p, index)], f"'from' object of '{verb.text}'")
    if tok.dep_ == "pobj" and head.lower_ in ENDURED_PREPS and event_type in ENDURED_TYPES and not roles.target:
        # "Despite international sanctions, North Korea has built missiles": who carries on under them
        roles.add("target", [a for c in head.head.children if c.dep_ == "nsubj" for a in index.phrase(c)],
                  f"subject the '{head.lower_}' phrase qualifies")
    if tok.dep_ == "nsubjpass" and _light(head) and not roles.source:
        roles.add("source", [a for c in head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
                             for a in index.phrase(g)], f"agent of the light verb '{head.text}'")
    light = light_verb(tok)
    if light is not None:
        if not roles.source:
            roles.add("source", [a for c in light.children if c.dep_ == "nsubj" for a in index.phrase(c)],
                      f"subject of the light verb '{light.text}'")
        if not roles.target:
            objects(light, index, roles)
    roles.target = [a for a in roles.target if a not in roles.source]
    return roles


def light_verb(noun: Token) -> Token | None:
    """The light verb that carries an event noun as its object ("launched an offensive"), also through a noun
    that measures it out ("launched ten days of war games", "began a new round of talks")."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in MEASURE_NOUNS:
        noun = noun.head.head
    return noun.head if noun.dep_ == "dobj" and _light(noun.head) else None


def _light(verb: Token) -> bool:
    """A light verb; by its stems too, as the small model lemmatizes some forms wrongly ("staged" -> "stag")."""
    return verb.lemma_.lower() in LIGHT_VERBS or not LIGHT_VERBS.isdisjoint(stems(verb.lower_))


def _lemma_of_verb(tok: Token) -> str:
    """The lemma of the verb that takes ``tok`` as object, directly or through a preposition ("came under fire")."""
    head = tok.head if tok.dep_ == "dobj" else tok.head.head
    return head.lemma_.lower()


def _pobj(prep: Token, index: ActorIndex, behind: bool = False) -> list[str]:
    """Actors of the preposition's object; with ``behind``, else those behind it ("talks with the minister
    of Jordan")."""
    find = index.behind if behind else index.phrase
    return [a for g in prep.children if g.dep_ == "pobj" for a in find(g)]


def joint_subject(tok: Token, roles: Roles, index: ActorIndex) -> None:
    """PLOVER's dyad for parties acting together with no other party named ("Canada and Costa Rica agreed
    to start talks", "India and Pakistan failed to reach agreement"): the first conjunct of the subject is
    the source, the others the target."""
    if roles.target or len(roles.source) < 2:
        return
    head = _joint_head(tok)
    conjuncts = _conjuncts(head) if head is not None else []
    if not conjuncts:
        return
    others = [a for c in conjuncts for a in index.phrase(c)]
    first = [a for a in roles.source if a not in others]
    if first and others:
        roles.source = first
        roles.add("target", others, "other conjuncts of a joint subject")


def _joint_head(tok: Token) -> Token | None:
    """The head of the phrase naming who acts: the verb's subject; for an event noun, its light verb's subject
    ("warships staged war games") or passive agent ("war games were staged by Jordan and the US")."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return next((c for c in _subject_bearer(tok).children if c.dep_ == "nsubj"), None)
    light = light_verb(tok)
    if light is not None:
        return next((c for c in light.children if c.dep_ == "nsubj"), None)
    if tok.dep_ == "nsubjpass" and _light(tok.head):
        return next((g for c in tok.head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    return None


def _conjuncts(head: Token) -> list[Token]:
    """The conjuncts of a subject phrase: its head's ("Canada and Chile"), or its possessor's or modifier's
    ("Chile and Peru's ministers": the possessor's conjunct is the other party)."""
    own = [c for c in head.children if c.dep_ == "conj"]
    if own:
        return own
    return [c for m in head.children if m.dep_ in ("poss", "compound", "amod", "nmod")
            for c in m.children if c.dep_ == "conj"]
