"""spaCy component of the events stage: PLOVER/CAMEO events with roles, time, place, status and mentions.

The path of one article: lexicon triggers with parties (``candidates``) -> the main trigger of each
clause -> its PLOVER type from the type model over the trigger's features, its CAMEO code from the
lexicon when the two agree -> PLOVER's conventions (pledges, places acted upon) -> the parties an
event of that type needs -> status, attribution and date -> one event per real event (``merge``).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from eventwire.attribution import REPORTING_LEMMAS, ContentIndex, cue_status
from eventwire.events.candidates import (
    Candidate,
    find_candidates,
    main_candidates,
    predicate_candidates,
    with_sentence_types,
)
from eventwire.events.dating import event_date
from eventwire.events.domain import officials_only
from eventwire.events.features import features
from eventwire.events.lexicon import CodeInfo, Lexicon, load_lexicon
from eventwire.events.merge import merge_mentions
from eventwire.events.model import Prediction, TypeModel, load_model
from eventwire.events.parties import acceptable, has_political_party
from eventwire.events.patients import MOVE_VERBS, Patient, acted_on_party, is_party
from eventwire.events.roles import (
    CLAUSE_DEPS,
    MOVE_PREPS,
    WEAPON_NOUNS,
    ActorIndex,
    Roles,
    clause_tokens,
    joint_subject,
    noun_roles,
    verb_roles,
)
from eventwire.events.status import FUTURE_AUX, modality, pledge, pronoun_subject
from eventwire.nlp.stage import Stage
from eventwire.nlp.tokens import token_table
from eventwire.schema import Attribution, Event, Mention

__all__ = ["EventsStage", "make_events"]

# Prepositions of a trigger's phrase that lead to the place it acts on ("withdraw from", "aid into").
DIRECTION_PREPS = frozenset({"from", "to", "into", "onto", "toward", "towards", "across", "inside", "over"})
# Prepositions whose object is where the event happened (not "from": that is the origin).
PLACE_PREPS = frozenset({"in", "at", "near", "to", "inside", "outside", "on", "across", "throughout"})
VISIT_CODES = frozenset({"042", "043"})
# Types whose party acted upon may be the country of the place where they happen ("rebels shelled
# villages in Sudan", "protesters marched in Paris", "the government lifted the curfew in its province").
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "THREATEN", "CONCEDE", "RETREAT",
                                "REQUEST"})
# Types of act that only an office performs: whoever does one by the lexicon's pattern holds one.
OFFICE_TYPES = frozenset({"COERCE", "SANCTION", "CONCEDE", "RETREAT", "MOBILIZE"})
# Types whose act on no named foreign party is an act on the source's own state (PLOVER GSR practice).
OWN_PEOPLE_TYPES = frozenset({"PROTEST", "COERCE", "CONCEDE", "REQUEST", "THREATEN", "REJECT", "ASSAULT", "ACCUSE"})
# Auxiliaries that put an act as another's obligation ("the government must resign").
OBLIGATION_AUX = frozenset({"must", "should"})
# Dependents that name what the act is done to or asks for.
_ACTED_ON = frozenset({"dobj", "xcomp", "ccomp", "prep", "nsubjpass"})
# Types whose coordinated subject acts with itself ("X and Y agreed", "X and Y met"): one on the other.
JOINT_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})
# Words of a clause that make its coordinated subject act on each other ("failed to reach agreement").
RECIPROCAL_WORDS = frozenset({
    "agreement", "deal", "pact", "treaty", "accord", "talks", "negotiation", "ceasefire", "truce", "joint",
    "bilateral", "together", "other", "another", "mutual", "jointly"})
# Verbs whose object is the party met ("met Putin"); another object is a target met ("met the deadline").
MEETING_VERBS = frozenset({"meet", "see", "receive", "host", "welcome", "visit"})
# Types whose roles the parse reads differently (CONSULT has no object party, REQUEST an addressee).
ROLE_TYPES = frozenset({"CONSULT", "REQUEST"})
# PLOVER: a pledge of one's own future action is AGREE when the action cooperates, THREATEN otherwise.
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
# A concession or retreat its own party says it will not make is a refusal to yield (PLOVER REJECT, mode yield:
# "release of prisoners, ending sanctions, easing curfews and boycotts, ceasefires"), CAMEO 124.
YIELDING = frozenset({"CONCEDE", "RETREAT"})
REFUSE_TO_YIELD = "124"
# A cooperative act its party says it will not do ("will not accept", "would not meet") is a rejection too,
# by the CAMEO code of what is refused: to meet (125), material cooperation (121), aid (122), else 120.
REFUSED = {"CONSULT": "125", "COOPERATE": "121", "AID": "122", "AGREE": "120", "SUPPORT": "120"}
# Verbal conflict announced for later is no threat: "will investigate", "will sue", "will demand" keep their
# type (PLOVER's THREATEN modes are restrictions, arrests, relations, expulsions, territory and violence).
UNPLEDGED = frozenset({"ACCUSE", "REQUEST"})
# Combatants who seize a town, a base or a ship take it by force: PLOVER codes such captures ASSAULT, as it codes
# combatants captured in conflict ASSAULT rather than COERCE arrest. Police and officials seizing stay COERCE.
SANCTION_WORDS = ("sanction", "embargo")
ARMED_SECTORS = frozenset({"MIL", "REB", "INS", "UAF"})
_NP_LINKS = frozenset({"compound", "poss", "amod", "pobj", "appos", "conj", "nmod", "case"})


class EventsStage(Stage):
    """Codes the main lexicon trigger of each clause that has political parties.

    :param use_model: type events with the trained type model (default); ``False`` keeps the
        lexicon's type (the rules-only ablation).
    """

    name = "eventwire_events"

    def __init__(self, lexicon: Lexicon | None = None, model: TypeModel | None = None,
                 use_model: bool = True) -> None:
        self.lexicon = lexicon or load_lexicon()
        self.model = (model or load_model()) if use_model else None

    def process(self, doc: Doc) -> None:
        doc._.ew_implied_actors = []  # this stage's own list: a re-run starts afresh
        index, ctx = ActorIndex(doc), _DocContext(doc)
        events = []
        for cand in self.main_triggers(doc, index, ctx, predicates=self.model is not None):
            event = self._code(cand, index, ctx, f"e{len(events) + 1}")
            if event is not None:
                events.append(event)
        doc._.ew_events = merge_mentions(events, index.actors, ctx.place_country)

    def main_triggers(self, doc: Doc, index: ActorIndex, ctx: _DocContext, predicates: bool) -> list[Candidate]:
        """The main candidate of each clause, among those with a political party; with ``predicates``, also
        the main predicate of each sentence that has none (only the type model can read those)."""
        found = find_candidates(doc, self.lexicon, index, ctx.reporting_cues)
        for cand in found:
            _pronoun_speaker(cand.tok, cand.roles, _status(cand.tok, ctx)[1])
        main = main_candidates([c for c in found if has_political_party(c.roles, index, ctx.officials_only,
                                                                        office_act=_office_act(c, ctx),
                                                                        kind=c.hit.code.type)
                                or self._acts_on_place(c, ctx)], ctx.status_cues)
        if predicates:
            covered = {c.tok.sent.start for c in main}
            main = sorted(main + [c for c in predicate_candidates(doc, index, ctx.reporting_cues, covered)
                                  if has_political_party(c.roles, index, ctx.officials_only)], key=lambda c: c.tok.i)
        return with_sentence_types(main, found)

    def typing_examples(self, doc: Doc) -> list[tuple[Candidate, list[str]]]:
        """The main triggers of a parsed doc with their type-model features (what the model is trained on)."""
        index = ActorIndex(doc)
        return [(c, features(c, index)) for c in self.main_triggers(doc, index, _DocContext(doc), predicates=True)]

    def _acts_on_place(self, cand: Candidate, ctx: _DocContext) -> bool:
        code = cand.hit.code  # only lexicon candidates are asked
        return (code.type in PLACE_TARGET_TYPES or code.cameo[:3] in VISIT_CODES) and \
            ctx.place_in(clause_tokens(cand.tok)) is not None

    def _code(self, cand: Candidate, index: ActorIndex, ctx: _DocContext, eid: str) -> Event | None:
        """One event for the candidate, or None when it lacks the parties its type needs."""
        tok = cand.tok
        # An event noun's lexicon type stands ("sanctions" are sanctions); the model decides a verb's.
        prediction = self.model.predict(features(cand, index), cand.lexicon_type, keep=_kept(cand, index)) \
            if self.model else None
        if cand.hit is None and (prediction is None or prediction.probability < self.model.predicate_floor):
            return None  # a predicate the lexicon does not know codes only when the model is sure of it
        code = self._code_info(cand, prediction)
        roles = cand.roles
        if code.type != cand.lexicon_type and {code.type, cand.lexicon_type} & ROLE_TYPES:
            roles = noun_roles(tok, code.type, index) if cand.nominal else verb_roles(tok, code.type, index)
        clause = clause_tokens(tok)
        place = ctx.place_in(clause)
        self._place_target(cand, code, roles, index, ctx)
        self._state_agent(tok, code, roles, index, ctx, place)
        _unnamed_attacker(cand, code, roles, index, ctx, place, self.lexicon)
        self._own_people(cand, code, roles, index, ctx)
        if code.type in JOINT_TYPES or any(t.lemma_.lower() in RECIPROCAL_WORDS for t in tok.subtree):
            joint_subject(tok, roles, index)
        if not roles.target:
            patient = _patient(cand, index, ctx)
            if patient is not None:
                roles.add("target", [index.add_party(patient, patient.country)], "the unnamed party acted upon")
        status, att = _status(tok, ctx)
        _pronoun_speaker(tok, roles, att)
        if code.type in ("AGREE", "THREATEN") and cand.hit is not None and code.type != cand.lexicon_type and \
                status in ("future", "hypothetical") and not _intention(tok, roles, status, att, index):
            code = cand.hit.code
        demand = self._demand(tok, code, roles, att, index)
        if demand is not None:
            code, status = demand, "reported"
        code = self._armed_seizure(code, roles, index)
        code, mode, status = self._pledge(tok, code, cand, roles, status, att, index)
        refusal = _refusal(tok, code.type, status)
        if refusal in self.lexicon.codes:
            # "the union will not end the strike", "X will not accept refugees": a refusal is an act of its own
            code = self.lexicon.codes[refusal]
            mode = "yield" if refusal == REFUSE_TO_YIELD else code.mode
            status = "reported" if att is not None else "asserted"
        if not acceptable(code.type, code.cameo, roles, index, ctx.officials_only,
                          office_act=_office_act(cand, ctx) and code.type == cand.lexicon_type) \
                or _meets_a_thing(tok, code, roles, index) \
                or (cand.nominal and not roles.source and not self.lexicon.standalone(tok)):
            return None  # an event noun names its agent, unless it names an event alone ("sanctions on X")
        time_id, date, basis = event_date(ctx.time_in(clause if not cand.nominal else clause + clause_tokens(tok.head)),
                                          status, ctx.published)
        start, end = clause[0].idx, clause[-1].idx + len(clause[-1])
        trigger = Mention(start=tok.idx, end=tok.idx + len(tok), text=tok.text)
        evidence = Mention(start=start, end=end, text=ctx.text[start:end])
        return Event(
            id=eid, type=code.type, mode=mode, context=list(code.context), cameo=code.cameo,
            goldstein=code.goldstein, source=roles.source, target=roles.target, date=date, date_basis=basis,
            time=time_id, place=place, status=status, attribution=att.id if att else None, trigger=trigger,
            evidence=evidence, confidence=_confidence(cand, roles, prediction),
            rule=_rule(cand, code, roles, prediction),
        )

    def _code_info(self, cand: Candidate, prediction: Prediction | None) -> CodeInfo:
        """The lexicon's code when the model agrees with its type (or there is no model), else the
        model type's general code."""
        if prediction is None or prediction.type == cand.lexicon_type:
            return cand.hit.code
        return self.lexicon.defaults[prediction.type]

    def _place_target(self, cand: Candidate, code: CodeInfo, roles: Roles, index: ActorIndex,
                      ctx: _DocContext) -> None:
        """An act on a place with no named party acted upon acts on the place's country: the place of the
        trigger's object or of a phrase of direction ("withdraw its troops from Iraq", "a ceasefire in eastern
        Ukraine"); for visits and acts done on a place (attacks, protests, arrests) the place where they
        happen too. Never the sources' own country: that is where they act or come from, not what they act on."""
        visit = code.cameo[:3] in VISIT_CODES
        if roles.target or code.type == "CONSULT" and not visit:
            return
        spans = self._places_acted_on(cand, code, ctx)
        own = {index.actors[a].country for a in roles.source}
        for span in spans:
            country = ctx.place_country.get(span.kb_id_)
            if country and country not in own:
                mention = Mention(start=span.start_char, end=span.end_char, text=span.text)
                roles.add("target", index.of_place(mention, country, self.lexicon.countries.get(country)),
                          "country of the place acted upon")
                return

    def _state_agent(self, tok: Token, code: CodeInfo, roles: Roles, index: ActorIndex, ctx: _DocContext,
                     place: str | None) -> None:
        """Arrests, detentions, bans and expulsions are acts of the state: a passive one with no agent named
        ("was arrested on Monday in Niger") is the act of the state of its place."""
        if roles.source or code.type != "COERCE" or place is None or not _passive(tok):
            return
        country = ctx.place_country.get(place)
        roles.add("source", index.of_country(country, self.lexicon.countries.get(country or "")),
                  "state of the place (a passive coercion by unnamed authorities)")
        roles.target = [a for a in roles.target if a not in roles.source]

    def _own_people(self, cand: Candidate, code: CodeInfo, roles: Roles, index: ActorIndex,
                    ctx: _DocContext) -> None:
        """PLOVER's convention for an act with no foreign party named: a state's or its people's act on
        something of their own (outlawing an organisation, a strike, a demand on the government, refusing
        to resign) targets their own state. The words of that party are kept where the text has them: an
        unnamed party acted upon ("police detained 18 people": of the source's country unless its words give
        another, "a Turkish man"), else a place of the country acted upon ("imposed a curfew in Kashmir")."""
        tok = cand.tok
        if code.type not in OWN_PEOPLE_TYPES or not roles.source:
            return
        if code.type not in ("PROTEST", "COERCE") and not any(c.dep_ in _ACTED_ON for c in tok.children):
            return
        countries = {index.actors[a].country for a in roles.source}
        country = next(iter(countries)) if len(countries) == 1 else None
        if not country or country not in self.lexicon.countries:
            return
        if roles.target:
            if not any(_of_no_country(index.actors[a]) for a in roles.target) or \
                    any(index.actors[a].country for a in roles.target):
                return
            # a party acted upon of no known country ("the judge summoned Petrovic") is one of the source's
            # own people: the state stands beside it for the dyad
            roles.add("target", index.of_country(country, self.lexicon.countries[country], besides=roles.source),
                      "the source's own country (the party acted upon has no known country)")
            return
        patient = _patient(cand, index, ctx)
        if patient is not None:
            roles.add("target", [index.add_party(patient, patient.country or country)],
                      "the unnamed party acted upon" + ("" if patient.country else " (of the source's own country)"))
            return
        name = self.lexicon.countries[country]
        for span in self._places_acted_on(cand, code, ctx):
            if ctx.place_country.get(span.kb_id_) == country and not any(
                    index.by_token.get(i) in roles.source for i in range(span.start, span.end)):
                mention = Mention(start=span.start_char, end=span.end_char, text=span.text)
                roles.add("target", index.of_place(mention, country, name),
                          "the source's own country (a place of it acted upon)")
                return
        roles.add("target", index.of_country(country, name, besides=roles.source),
                  "the source's own country (an act on its own people)")

    @staticmethod
    def _places_acted_on(cand: Candidate, code: CodeInfo, ctx: _DocContext) -> list[Span]:
        """The places the trigger acts on (or the verb that moves people to do it does), and for acts done on a
        place (attacks, protests, arrests) the places where it happens, outside its subject phrase."""
        tok = cand.tok
        spans = list(ctx.acted_on_places(tok))
        if tok.dep_ in ("advcl", "xcomp") and tok.head.lemma_.lower() in MOVE_VERBS:
            spans += ctx.acted_on_places(tok.head)  # "sent inspectors to the plant in Iran to monitor it"
        if code.cameo[:3] in VISIT_CODES or code.type in PLACE_TARGET_TYPES:
            spans += ctx.places_in(_outside_subject(clause_tokens(cand.tok)))
        return spans

    def _demand(self, tok: Token, code: CodeInfo, roles: Roles, att: Attribution | None,
                index: ActorIndex) -> CodeInfo | None:
        """"Estonia's minister said the EU must be ready to mediate", "X said the government must hold
        elections": an act a speaker says another party must do is the speaker's REQUEST of that party, the
        act its mode (PLOVER: demands, whatever is demanded); the clause's subject is the one asked. Not the
        speaker's own duty ("we must withdraw", "Russian officials said Russia must respond"), and a request
        that names a party acted upon of its own stays the clause's ("said X should urge Y")."""
        if att is None or not att.source or att.source in roles.source or not _obliged(tok):
            return None
        asked = roles.source
        if code.type == "REQUEST":
            own = {index.actors[a].country for a in asked}
            if any(not (index.actors[a].kind == "state" and index.actors[a].country in own) for a in roles.target):
                return None
            demand = code
        else:
            speaker = index.actors.get(att.source)
            if speaker is None or not asked or \
                    (speaker.country and all(index.actors[a].country == speaker.country for a in asked)):
                return None  # no one else asked, or the speaker's own side: its own duty
            base = self.lexicon.defaults["REQUEST"]
            demand = CodeInfo(base.cameo, "REQUEST", code.type.lower(), code.context, base.goldstein)
        roles.source, roles.target = [att.source], []
        roles.add("target", asked, "subject of what the speaker says must be done")
        roles.why.append("source: the speaker of the demand")
        return demand

    def _armed_seizure(self, code: CodeInfo, roles: Roles, index: ActorIndex) -> CodeInfo:
        """A seizure (COERCE seize: "troops captured the town", "fighters took over the base") whose every
        source is an armed force is an ASSAULT by conventional force (CAMEO 190)."""
        if code.type != "COERCE" or code.mode != "seize" or not roles.source or \
                any(index.actors[a].sector not in ARMED_SECTORS for a in roles.source):
            return code
        roles.why.append("type: a seizure by armed forces is an assault")
        return self.lexicon.defaults["ASSAULT"]

    def _pledge(self, tok: Token, code: CodeInfo, cand: Candidate, roles: Roles, status: str,
                att: Attribution | None, index: ActorIndex) -> tuple[CodeInfo, str | None, str]:
        """PLOVER's pledge convention: a source's stated intention of a future action ("will provide",
        "vowed to fight", "said it would withdraw") is an AGREE or THREATEN made now, with the pledged
        action kept as the mode."""
        if cand.pledged is not None and cand.pledged not in ("AGREE", "THREATEN", *UNPLEDGED) and \
                cand.lexicon_type != "THREATEN" and code.type in ("AGREE", "THREATEN", cand.lexicon_type):
            # a commissive word's own event ("vowed to fight", "promised to provide"): typed by the act pledged
            return (*self._pledge_code(code, _pledge_kind(cand.pledged), cand.pledged), status)
        if status not in ("future", "hypothetical") or code.type in UNPLEDGED \
                or not _intention(tok, roles, status, att, index):
            return code, code.mode, status
        pledged = cand.lexicon_type if code.type in ("AGREE", "THREATEN") else code.type
        if pledged is None or pledged in ("AGREE", "THREATEN"):
            kind = code.type if code.type in ("AGREE", "THREATEN") else "AGREE"
        else:  # the pledged action decides: "said it will attack" threatens whatever else was learned
            kind = _pledge_kind(pledged)
        return (*self._pledge_code(code, kind, pledged), "reported" if att is not None else "asserted")

    def _pledge_code(self, code: CodeInfo, kind: str, pledged: str | None) -> tuple[CodeInfo, str | None]:
        """The AGREE or THREATEN code of a pledge, with the pledged action as its mode."""
        base = code if code.type == kind else self.lexicon.defaults[kind]
        mode = pledged.lower() if pledged and pledged != kind else base.mode
        return CodeInfo(base.cameo, kind, mode, code.context, base.goldstein), mode


def _pledge_kind(pledged: str) -> str:
    """PLOVER: a pledge of a cooperative act is AGREE, of any other THREATEN."""
    return "AGREE" if pledged in COOPERATIVE else "THREATEN"


class _DocContext:
    """Per-doc lookups of the earlier stages' output: cues, times, places, attributions."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = token_table(doc).text
        self.published = doc._.published
        self.officials_only = officials_only(doc)
        self.attributions: list[Attribution] = list(doc._.ew_attributions or [])
        self.contents = ContentIndex(self.attributions)
        self.cue_tokens: set[int] = set()
        for att in self.attributions:
            span = doc.char_span(att.cue_start, att.cue_end, alignment_mode="expand")
            if span is not None:
                self.cue_tokens.update(range(span.start, span.end))
        # A cue that only reports is never an event; speech acts ("X accused Y", "X urged Y to ...")
        # are attributions and events both.
        self.reporting_cues = {i for i in self.cue_tokens if doc[i].lemma_.lower() in REPORTING_LEMMAS}
        # Cues that vouch for or against their content ("conceded that", "denied that"): what they report
        # is an event of its own.
        self.status_cues = frozenset(i for i in self.cue_tokens if cue_status(doc[i].lemma_.lower()) != "reported")
        self.times = {t.id: t for t in (doc._.ew_times or [])}
        self.place_country = {p.id: p.country for p in (doc._.ew_places or [])}
        self.time_at = _token_map(doc, "ew_times")
        self.place_span: dict[int, Span] = {}
        for span in doc.spans.get("ew_places", []):
            for i in range(span.start, span.end):
                self.place_span.setdefault(i, span)

    def time_in(self, clause: list[Token]):
        """The time expressions of the clause, in text order."""
        ids = dict.fromkeys(self.time_at[t.i] for t in clause if t.i in self.time_at)
        return [self.times[i] for i in ids if i in self.times]

    def place_in(self, clause: list[Token]) -> str | None:
        """The first place named in a locative PP of the clause ("at Vostochny", not "from North Korea")."""
        return next((span.kb_id_ for span in self.places_in(clause)), None)

    def places_in(self, clause: list[Token]) -> list[Span]:
        """The places named in locative PPs of the clause, in text order."""
        return list(dict.fromkeys(self.place_span[t.i] for t in clause if t.i in self.place_span and _locative(t)))

    def acted_on_places(self, tok: Token, depth: int = 2) -> Iterator[Span]:
        """The places named in what the trigger acts on: its object ("shelled the capital Juba"), a phrase of
        direction ("withdraw from Iraq", "aid into the areas", of a verb that moves troops: "sent troops in
        Syria"), or any phrase of the action a pledge or an
        intention leads to ("agreed to lay down their weapons in Lebanon"); not where the trigger itself
        happens ("signed the deal in Paris")."""
        move = tok.lemma_.lower() in MOVE_VERBS
        for child in tok.children:
            if child.dep_ == "dobj" or child.dep_ == "prep" and (child.lower_ in DIRECTION_PREPS or depth < 2
                                                                 or move and child.lower_ in MOVE_PREPS):
                yield from self._places_under(child, 2 - (child.dep_ == "prep"))
            elif child.dep_ == "xcomp" and depth:
                yield from self.acted_on_places(child, depth - 1)

    def _places_under(self, tok: Token, preps: int) -> Iterator[Span]:
        """The places in the phrase under ``tok``, through at most ``preps`` more prepositions and no nested
        clause ("a ceasefire in eastern Ukraine", not "weapons for the war in Ukraine")."""
        if tok.i in self.place_span:
            yield self.place_span[tok.i]
        for child in tok.children:
            if child.dep_ not in CLAUSE_DEPS and (child.dep_ != "prep" or preps):
                yield from self._places_under(child, preps - (child.dep_ == "prep"))


def _pronoun_speaker(tok: Token, roles: Roles, att: Attribution | None) -> None:
    """"X said they will not end the strike": a pronoun subject no actor resolves is the speaker's side."""
    if not roles.source and att is not None and att.source and pronoun_subject(tok):
        roles.add("source", [att.source], "pronoun subject: the speaker")


def _office_act(cand: Candidate, ctx: _DocContext) -> bool:
    """An act that names the office of whoever does it: a verb with the object its lexicon pattern wants, of a
    type only authorities perform ("declared a state of siege", "imposed sanctions on", "lifted the curfew"),
    outside reports on sport or culture. Speech acts, meetings and help are anyone's ("called for", "came to")."""
    return cand.hit is not None and cand.hit.specific and not cand.hit.nominal and not ctx.officials_only and \
        cand.hit.code.type in OFFICE_TYPES


def _kept(cand: Candidate, index: ActorIndex) -> bool:
    """Whether the lexicon's type stands against the model's: an event noun's ("sanctions" are sanctions), and
    sanctions a verb imposes on states ("slapped sanctions on Belarus": the PLOVER manual codes international
    sanctions SANCTION discontinue, whatever else the sentence tells; sanctions on persons and firms are left
    to the model, as the golds code many of them COERCE restrict)."""
    if cand.nominal:
        return True
    targets = cand.roles.target
    return cand.hit is not None and cand.hit.specific and cand.lexicon_type == "SANCTION" and \
        any(word in cand.hit.key for word in SANCTION_WORDS) and bool(targets) and \
        all(index.actors[a].kind == "state" for a in targets)


def _intention(tok: Token, roles: Roles, status: str, att: Attribution | None, index: ActorIndex) -> bool:
    """Whether a future act is its source's stated intention, which PLOVER codes AGREE or THREATEN: the
    source commits itself ("vowed to", "is willing to", "said it would"), or the article itself says a
    named source will act ("Kim will meet Putin"). Another's report of a plan ("Peskov said the leaders
    would discuss"), a mere possibility ("may meet") and the act of nobody named ("countries willing to
    supply") keep their own type, with the status future or hypothetical."""
    if pledge(tok, roles.source, att, index):
        return True
    return status == "future" and att is None and bool(roles.source)


def _refusal(tok: Token, kind: str, status: str) -> str | None:
    """The CAMEO code of the refusal a negated act is: a concession or retreat its trigger itself negates
    ("will not end the strike"), or a cooperative act negated with a will or would ("will not accept")."""
    if status != "negated" or not any(c.dep_ == "neg" for c in tok.children):
        return None
    if kind in YIELDING:
        return REFUSE_TO_YIELD
    if kind in REFUSED and any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | {"wo"} for c in tok.children):
        return REFUSED[kind]
    return None


def _obliged(tok: Token) -> bool:
    """An obligation on the act, on its verb or on the one it completes: "must ensure", "should be ready to
    mediate", "must be able to leave"."""
    verb = tok
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in verb.children):
            return True
        if verb.dep_ not in ("xcomp", "acomp") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _unnamed_attacker(cand: Candidate, code: CodeInfo, roles: Roles, index: ActorIndex, ctx: _DocContext,
                      place: str | None, lexicon: Lexicon) -> None:
    """Violence whose subject is the act, the weapon or an unnamed party, with no one named behind it ("a
    roadside bomb killed two soldiers near Kirkuk", "armed men attacked the camp"): the source is the unnamed
    attackers, the subject's words their mention, and,
    as coders of unidentified actors do, the country of the place where it happened their country. Only a
    subject that names violence or its means: "a drought killed crops" has no attackers."""
    tok = cand.tok
    if code.type != "ASSAULT" or roles.source or cand.nominal:
        return
    subject = next((c for c in tok.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"
                    and c.i not in index.by_token and c.i not in ctx.place_span), None)
    if subject is None or not (_violent(subject, lexicon) or is_party(subject)):
        return
    start = min([t.i for t in subject.lefts for t in t.subtree] + [subject.i])
    while start < subject.i and ctx.doc[start].dep_ in ("det", "predet", "punct"):
        start += 1
    near = [ctx.place_span[t.i].kb_id_ for t in subject.subtree if t.i in ctx.place_span]  # "a bomb near Kirkuk"
    where = place or next(iter(near), None)
    country = ctx.place_country.get(where) if where else None
    patient = Patient(ctx.doc[start:subject.i + 1], country, None, "group")
    roles.add("source", [index.add_party(patient, country)], "the unnamed attackers behind the subject")
    roles.target = [a for a in roles.target if a not in roles.source]


def _violent(noun: Token, lexicon: Lexicon) -> bool:
    """Whether a noun names an act of violence ("the bombing", "an ambush") or its means ("a car bomb")."""
    hit = lexicon.noun_hit(noun)
    return (hit is not None and hit.code.type == "ASSAULT") or noun.lemma_.lower() in WEAPON_NOUNS


def _of_no_country(actor) -> bool:
    """A person or group the actors stage knows no country of (not an organisation that has none: an IGO)."""
    return actor.country is None and actor.kind in ("person", "group") and actor.sector not in ("IGO", "NGO")


def _patient(cand: Candidate, index: ActorIndex, ctx: _DocContext) -> Patient | None:
    """The unnamed party the candidate acts on, if any (see ``eventwire.events.patients``)."""
    return acted_on_party(cand.tok, cand.nominal, set(index.by_token), set(ctx.place_span))


def _meets_a_thing(tok: Token, code: CodeInfo, roles: Roles, index: ActorIndex) -> bool:
    """A meeting verb whose object is no actor meets a target, a deadline or a rule, not a party."""
    return tok.lemma_.lower() in MEETING_VERBS and not roles.target and \
        any(c.dep_ == "dobj" and not index.phrase(c) for c in tok.children)


def _passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or (tok.dep_ == "acl" and tok.tag_ == "VBN")


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


def _status(tok: Token, ctx: _DocContext) -> tuple[str, Attribution | None]:
    """Modality first, then the innermost attribution (reported / confirmed / denied), else asserted."""
    found = ctx.contents.enclosing(tok.idx, tok.idx + len(tok))
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


def _confidence(cand: Candidate, roles: Roles, prediction: Prediction | None) -> float:
    """The type model's calibrated chance that the event is right; without the model a rough score
    from how the trigger was coded and how many sides are filled."""
    if prediction is not None:
        return round(prediction.confidence, 2)
    score = 0.5 + (0.15 if cand.hit and cand.hit.specific else 0.0) - (0.1 if cand.nominal else 0.0)
    score += (0.15 if roles.source else 0.0) + (0.1 if roles.target else 0.0)
    return round(min(score, 0.95), 2)


def _rule(cand: Candidate, code: CodeInfo, roles: Roles, prediction: Prediction | None) -> str:
    """What fired: the lexicon entry, the type model's verdict, the conventions and the role rules."""
    hit = cand.hit
    if hit is None:
        parts = [f"main predicate '{cand.tok.lemma_}' (no lexicon entry)"]
    else:
        kind = "noun" if hit.nominal else ("pattern" if hit.specific else "verb")
        parts = [f"lexicon {kind} '{hit.key}' -> {hit.code.cameo} {hit.code.type}"]
    if prediction is not None:
        if hit and prediction.type == hit.code.type:
            parts.append(f"type model agrees (p={prediction.probability:.2f})")
        elif prediction.type in (code.type, code.mode and code.mode.upper()):
            parts.append(f"type model: {prediction.type} (p={prediction.probability:.2f})")
        else:
            parts.append(f"type model said {prediction.type} (p={prediction.probability:.2f}), not the source's "
                         "own intention: the lexicon's type stands")
    if code.mode and code.type in ("AGREE", "THREATEN") and code.mode.upper() != code.type:
        parts.append(f"pledge of {code.mode} -> {code.type}")
    parts += roles.why
    return "; ".join(parts)


@Language.factory("eventwire_events", default_config={"use_model": True})
def make_events(nlp: Language, name: str, use_model: bool) -> EventsStage:
    """The events stage; the lexicon and the type model are read once per process."""
    return EventsStage(use_model=use_model)
