"""Cues of stance and of talk about a topic, which need a holder and an object to count.

"Clinton wants to ...", "Republicans oppose the bill", "She spoke about the shooting", "Graham has
been critical of Trump", "Trump's support for the wall". Unlike a verb of saying, these words are
cues only when a person or an organisation holds the stance (a name, a noun for people, a personal
pronoun) and what it is about follows the word: an object, a clause, an infinitive or a topic
preposition ("spoke of", "railed against").
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.attribution.cues import (
    ADDRESSEE_VERBS,
    DESIRE_CUES,
    LIGHT_NOUNS,
    LIGHT_VERBS,
    STANCE_ADJECTIVES,
    STANCE_NOUNS,
    TOPIC_CUES,
    TOPIC_PREPS,
    VERBAL_ATTACKS,
    cue_kind,
)
from eventwire.attribution.syntax import SUBJECTS, CharSpan, Found, chars, children, source_span, subject

__all__ = ["is_holder", "light_verb", "stance_adjective", "stance_noun", "stance_verb", "time_phrase", "topic_verb"]

# Pronouns that stand for people (not "it", "this", "that" or "which", which mostly stand for things).
_PEOPLE_PRONOUNS = frozenset({
    "i", "we", "you", "he", "she", "they", "who", "whom", "some", "many", "both", "others", "all",
    "those", "most", "few", "several", "everyone", "anyone", "nobody", "somebody", "someone",
})
# Relative pronouns stand for their antecedent: "cities that support the rules", "the EU, which contended".
_RELATIVES = frozenset({"that", "which"})
_NOT_HOLDERS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "LAW",
                          "WORK_OF_ART", "EVENT", "PRODUCT", "FAC", "LOC"})
# Verbs whose predicative adjective states the holder's own stance ("is", "remains", "grew").
_COPULAS = frozenset({"be", "become", "remain", "seem", "appear", "feel", "sound", "grow", "stay"})
_ADJ_PREPS = frozenset({"about", "of", "with", "over", "on", "to", "for", "in"})
# "was clear about his plans" states a stance; "the road was clear of snow" does not.
_CLEAR_PREPS = frozenset({"about", "on"})
_NOUN_PREPS = frozenset({"for", "of", "to", "on", "against", "about", "over", "with"})


def is_holder(tok: Token) -> bool:
    """Whether a subject can hold a stance: a personal pronoun, a name, a noun that is no date or sum,
    a share of people polled, or a relative pronoun whose antecedent is one of these."""
    if tok.pos_ == "PRON" or tok.tag_ == "WDT":
        if tok.lower_ in _RELATIVES and tok.head.dep_ == "relcl" and tok.head.head is not tok:
            return is_holder(tok.head.head)
        return tok.lower_ in _PEOPLE_PRONOUNS
    if tok.pos_ not in ("PROPN", "NOUN"):
        return tok.ent_type_ == "PERCENT" and tok.pos_ == "NUM"
    return tok.ent_type_ not in _NOT_HOLDERS or _poll_share(tok)


def _poll_share(tok: Token) -> bool:
    """ "5 percent prefer Johnson", "42 percent of those responding", "two-thirds support it": a share
    of people polled."""
    return (tok.ent_type_ == "PERCENT" and tok.lower_ in ("percent", "%")) or tok.lower_ in _FRACTIONS


_FRACTIONS = frozenset({"half", "thirds", "third", "quarters", "quarter", "fifths", "majority", "plurality"})


def stance_verb(tok: Token, lemma: str) -> Found | None:
    """A stance or topic verb with a holder and an object: "wants to", "spoke about", "oppose the bill"."""
    holder = subject(tok)
    if holder is None or not is_holder(holder):
        return None
    if lemma in VERBAL_ATTACKS and not _between_people(tok, holder):
        return None
    content = _verb_content(tok, lemma)
    if content is None:
        return None
    return Found(
        cue=(tok.idx, tok.idx + len(tok)), lemma=lemma, source=source_span(holder), source_root=holder.i,
        content=content, channel=None, quote=False, kind=cue_kind(lemma), token=tok.i,
    )


def _between_people(tok: Token, holder: Token) -> bool:
    """Whether an attack is verbal: a person attacks, or a person is attacked ("attacked Clinton for")."""
    targets = [c for c in tok.children if c.dep_ == "dobj"]
    return holder.ent_type_ == "PERSON" or any(
        t.ent_type_ == "PERSON" or (t.pos_ == "PRON" and t.lower_ in _PEOPLE_PRONOUNS | {"him", "her", "them"})
        for t in targets)


def _verb_content(tok: Token, lemma: str) -> CharSpan | None:
    """What the stance is about: the clause, the infinitive, the object (with its "as"/"for" phrase)
    or the object of a topic preposition, whichever comes first after the verb."""
    after = [c for c in tok.children if c.i > tok.i]
    for dep in ("ccomp", "xcomp"):
        comp = next((c for c in after if c.dep_ == dep), None)
        if comp is not None:
            return chars(tok.doc, comp.left_edge.i, comp.right_edge.i)
    if lemma in DESIRE_CUES:  # "as he looked to make inroads": the infinitive parsed as an adverbial
        inf = next((c for c in after if c.dep_ == "advcl" and c.tag_ == "VB"
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        if inf is not None:
            return chars(tok.doc, inf.left_edge.i, inf.right_edge.i)
    if lemma in DESIRE_CUES:  # "hopes for a deal": a wish with a topic; "wants lower taxes": a thing
        return _topic(tok) if lemma in _TOPIC_STANCES else None
    obj = next((c for c in after if c.dep_ == "dobj"), None)
    if obj is not None:
        last = obj.right_edge.i
        for prep in after:
            if prep.dep_ == "prep" and prep.i > obj.i and prep.lower_ in ("as", "for"):
                last = max(last, prep.right_edge.i)
        return chars(tok.doc, obj.left_edge.i, last)
    if lemma not in TOPIC_CUES and lemma not in _TOPIC_STANCES:
        return _held_thing(tok)
    return _topic(tok) or _held_thing(tok)


def _held_thing(tok: Token) -> CharSpan | None:
    """What a stance verb with no object after it is about: the passive subject ("is supported by
    far fewer papers"), or the noun a passive participle or a relative clause without its own
    object modifies ("schools promoted by both parties", "numbers any taxpayer can understand")."""
    passive = children(tok, ("nsubjpass",))
    if passive:
        return chars(tok.doc, passive[0].left_edge.i, passive[0].right_edge.i)
    if tok.i < tok.head.i or children(tok, ("dobj",)):
        return None
    own_subject = any(c.lower_ not in _RELATIVES | {"who"} for c in children(tok, SUBJECTS))
    if (tok.dep_ == "relcl" and own_subject) or (tok.dep_ == "acl" and tok.tag_ == "VBN"):
        return chars(tok.doc, tok.head.left_edge.i, tok.head.i)
    return None


def _topic(tok: Token) -> CharSpan | None:
    """The object of the first topic preposition after the verb: "spoke about the deal" → "the deal".

    After a verb of talking, "to", "with" and "at" name the hearers or the place ("spoke to
    reporters", "talked with donors", "spoke at a church"), not the topic.
    """
    preps = TOPIC_PREPS - _HEARER_PREPS if tok.lemma_.lower() in _TALK_VERBS else TOPIC_PREPS
    prep = next((c for c in tok.children if c.i > tok.i and c.dep_ == "prep" and c.lower_ in preps
                 and children(c, ("pobj", "pcomp")) and not time_phrase(c)), None)
    if prep is None:
        return None
    return chars(tok.doc, prep.i + 1, prep.right_edge.i)


def time_phrase(prep: Token) -> bool:
    """ "on Monday", "in July": a phrase of time, which names no topic. A clause the parser hangs on
    the date ("reported on Thursday that ...") makes it no mere time."""
    rest = [t for t in prep.subtree if t.i > prep.i]
    return bool(rest) and all(t.ent_type_ in ("DATE", "TIME") for t in rest)


def topic_verb(tok: Token, lemma: str) -> Found | None:
    """A verb of saying with a holder and a topic phrase instead of a clause: "complained about the
    debate", "asked about his taxes", "wrote of the war". Only the preposition's object is taken:
    a verb of saying with a plain object ("wrote a letter") reports nothing."""
    holder = subject(tok)
    # "was asked about his taxes", "was accused of lying": the hearer or target of the speech is the
    # subject, the speaker unnamed
    passive = holder is None and lemma in _TARGETED and bool(children(tok, ("auxpass",)))
    if not passive and (holder is None or not is_holder(holder)):
        return None
    content = _topic(tok)
    if content is None:
        return None
    return Found(
        cue=(tok.idx, tok.idx + len(tok)), lemma=lemma, source=source_span(holder) if holder is not None else None,
        source_root=holder.i if holder is not None else None,
        content=content, channel=None, quote=False, kind=cue_kind(lemma), token=tok.i,
    )


_TALK_VERBS = frozenset({"speak", "talk"})
# Verbs of saying aimed at a person, whose passive names the hearer or the target, not the content.
_TARGETED = ADDRESSEE_VERBS | frozenset({"question", "accuse", "charge", "describe", "criticize", "criticise",
                                         "praise", "blame", "attack"})
_HEARER_PREPS = frozenset({"to", "with", "at"})

# Stance verbs whose object may follow a preposition: "knew about", "worried about", "hope for".
_TOPIC_STANCES = frozenset({"know", "worry", "think", "learn", "care", "fear", "hope"})


def stance_adjective(tok: Token) -> Found | None:
    """ "X is confident that ...", "X has been critical of Y", "X was willing to ...": a predicative
    adjective of stance whose copula has a holder, with a clause, infinitive or prepositional object."""
    if tok.pos_ == "VERB":
        return _felt_participle(tok)
    if tok.pos_ != "ADJ" or tok.dep_ != "acomp" or tok.lemma_.lower() not in STANCE_ADJECTIVES | _IMPERSONAL:
        return None
    head = tok.head
    if head.lemma_.lower() not in _COPULAS:
        return None
    holder = next((c for c in head.children if c.dep_ in SUBJECTS), None)
    if holder is None and head.dep_ == "relcl":
        holder = head.head
    if holder is not None and holder.lower_ == "it" and tok.lower_ in _IMPERSONAL:
        return _impersonal(tok)
    if holder is None or not is_holder(holder) or tok.lower_ in _IMPERSONAL - STANCE_ADJECTIVES:
        return None
    content = _adjective_content(tok, _CLEAR_PREPS if tok.lower_ == "clear" else _ADJ_PREPS)
    if content is None:
        return None
    lemma = tok.lemma_.lower()
    return Found(
        cue=(tok.idx, tok.idx + len(tok)), lemma=lemma, source=source_span(holder), source_root=holder.i,
        content=content, channel=None, quote=False, kind=cue_kind(lemma), token=tok.i,
    )


# "It is unclear whether ...", "it became clear that ...": the writer's (or nobody's) judgement on
# whether the clause holds; an attribution with no source.
_IMPERSONAL = frozenset({"clear", "unclear", "obvious", "evident", "apparent", "uncertain", "unknown"})
_WHETHER = frozenset({"whether", "if", "that"})


def _impersonal(adj: Token) -> Found | None:
    """ "It is unclear whether ...": the clause after the adjective, opened by whether, if or that."""
    clause = next((c for owner in (adj, adj.head) for c in owner.children
                   if c.i > adj.i and c.dep_ in ("ccomp", "advcl", "csubj")
                   and any(m.dep_ == "mark" and m.lower_ in _WHETHER for m in c.children)), None)
    if clause is None:
        return None
    content = chars(adj.doc, clause.left_edge.i, clause.right_edge.i)
    if content is None:
        return None
    return Found(
        cue=(adj.idx, adj.idx + len(adj)), lemma=adj.lower_, source=None, source_root=None,
        content=content, channel=None, quote=False, kind="stance", token=adj.i,
    )


def _felt_participle(tok: Token) -> Found | None:
    """ "Protesters were frustrated that ...", "Republicans were incensed by ...": a participle of
    feeling parsed as a passive verb, with its holder as the passive subject."""
    if tok.tag_ != "VBN" or tok.lower_ not in STANCE_ADJECTIVES:
        return None
    holder = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if holder is None or not is_holder(holder):
        return None
    content = _adjective_content(tok)
    if content is None:
        return None
    return Found(
        cue=(tok.idx, tok.idx + len(tok)), lemma=tok.lower_, source=source_span(holder), source_root=holder.i,
        content=content, channel=None, quote=False, kind="stance", token=tok.i,
    )


def _adjective_content(adj: Token, preps: frozenset[str] = _ADJ_PREPS) -> CharSpan | None:
    """The adjective's clause or infinitive (on it or on its copula), else its prepositional object."""
    for owner in (adj, adj.head):
        comp = next((c for c in owner.children if c.dep_ in ("ccomp", "xcomp") and c.i > adj.i), None)
        if comp is not None:
            return chars(adj.doc, comp.left_edge.i, comp.right_edge.i)
    prep = next((c for c in adj.children if c.dep_ == "prep" and c.lower_ in preps
                 and children(c, ("pobj", "pcomp"))), None)
    if prep is None:
        return None
    return chars(adj.doc, prep.i + 1, prep.right_edge.i)


def stance_noun(tok: Token) -> Found | None:
    """ "Trump's support for the wall", "her criticism of the deal": a stance or speech noun with a
    possessive holder and what it is about (a prepositional object, an infinitive, a that-clause)."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or lemma not in STANCE_NOUNS:
        return None
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    among = _among_holder(tok) if lemma in _POLLED_NOUNS else None
    holder = among or poss or _by_holder(tok)
    if holder is not None and not is_holder(holder):
        return None
    if holder is None and lemma not in _UNHELD_NOUNS:
        return None
    comp = next((c for c in tok.children if c.i > tok.i and (
        (c.dep_ == "prep" and c.lower_ in _NOUN_PREPS and children(c, ("pobj", "pcomp")))
        or c.dep_ in ("acl", "ccomp"))), None)
    if comp is not None:
        first = comp.i + 1 if comp.dep_ == "prep" else comp.left_edge.i
        content = chars(tok.doc, first, comp.right_edge.i)
    elif among is not None and poss is not None:  # "his support among conservatives": support for him
        content = chars(tok.doc, poss.left_edge.i, poss.right_edge.i)
    else:
        return None
    if content is None:
        return None
    return Found(
        cue=(tok.idx, tok.idx + len(tok)), lemma=lemma,
        source=source_span(holder) if holder is not None else None,
        source_root=holder.i if holder is not None else None,
        content=content, channel=None, quote=False, kind=cue_kind(lemma), token=tok.i,
    )


def _among_holder(tok: Token) -> Token | None:
    """ "support among Republicans", "his backing among women": the group polled holds the stance."""
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "among"), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


# Nouns of a stance that polls measure in a group ("support among women", "opposition among Democrats").
_POLLED_NOUNS = frozenset({"support", "opposition", "backing"})


def _by_holder(tok: Token) -> Token | None:
    """ "criticism from Democrats", "support among Republicans": the holder named after the noun."""
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "by", "among")), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


# Nouns of criticism and concern that report a stance even when no one is named as its holder
# ("criticism of the plan", "concerns about his health", "allegations of fraud").
_UNHELD_NOUNS = frozenset({"criticism", "concern", "allegation", "accusation", "complaint",
                           "fear", "doubt", "speculation", "outrage", "condemnation", "endorsement"})



def light_verb(tok: Token) -> Found | None:
    """ "X made the case for Y", "X has doubts about Y", "X made it clear that ...": a light verb
    whose object is a noun of speech or stance, with a holder; the content is what the noun is about
    (its phrase or clause), else the noun phrase itself."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or lemma not in LIGHT_VERBS:
        return None
    holder = subject(tok)
    if holder is None or not is_holder(holder):
        return None
    content = _made_clear(tok) if lemma == "make" else None
    if content is None:
        obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
        if obj is None or obj.lemma_.lower() not in LIGHT_NOUNS:
            return None
        comp = next((c for c in [*obj.children, *tok.children]
                     if c.i > obj.i and c.dep_ in ("prep", "acl", "ccomp", "relcl")), None)
        first = (comp.i + 1 if comp.dep_ == "prep" else comp.left_edge.i) if comp is not None else obj.left_edge.i
        content = chars(tok.doc, first, (comp or obj).right_edge.i)
    if content is None:
        return None
    return Found(
        cue=(tok.idx, tok.idx + len(tok)), lemma=lemma, source=source_span(holder), source_root=holder.i,
        content=content, channel=None, quote=False, kind="report", token=tok.i,
    )


def _made_clear(tok: Token) -> CharSpan | None:
    """ "made it clear that ...", "made clear his support": what follows "clear"."""
    clear = next((c for c in tok.subtree if c.lower_ == "clear" and c.i > tok.i and c.head in (tok, *tok.children)),
                 None)
    if clear is None:
        return None
    after = [c for c in clear.subtree if c.i > clear.i] + [c for c in tok.children if c.i > clear.i]
    if not after:
        return None
    return chars(tok.doc, min(c.left_edge.i for c in after), max(c.right_edge.i for c in after))
