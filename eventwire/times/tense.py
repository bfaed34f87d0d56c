"""The tense a time expression is read in: which way a bare weekday or month points from the anchor.

"Tuesday" in a news story is the last Tuesday unless its clause looks ahead: a future auxiliary
("will meet on Tuesday"), a scheduling word ("talks due on Friday", "is expected to close Monday",
"planned a rally on Saturday", "postponed until Friday"), an infinitive of intention ("agreed to
withdraw by Friday", "is to resume Tuesday"), a present progressive ("are meeting Tuesday") or a
plain present of a non-reporting verb ("the monarch meets Bush on Thursday"). Past verbs ("met",
"has met", "was held") point back. Everything is read off spaCy's parse of the clause the expression
hangs on, a few tokens up the tree, so the cost per expression is constant.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.times.timex import Tense

__all__ = ["verb_tense"]

_FUTURE_AUX = {"will", "wo", "'ll", "shall", "would", "'d", "may", "might", "should", "must", "going", "gonna"}
# Words whose dates lie ahead of them: "talks due on Friday", "a decision is expected Friday",
# "payable Dec. 15", "effective Feb. 1". In the past ("was due to expire Friday", "planned a rally
# for Saturday") they say nothing either way: the plan may have happened since.
_SCHEDULING = {
    "schedule", "reschedule", "plan", "slate", "due", "expect", "upcoming", "forthcoming", "intend", "poised",
    "likely", "payable", "effective", "earmark",
}
# Put off "until Friday" / "to Friday": the new date is ahead.
_DEFERRING = {"postpone", "delay", "defer", "adjourn", "extend", "push", "move"}
_UNTIL = {"until", "till", "to", "into"}
# Given "until Tuesday to sign": a time granted runs to a deadline ahead of the grant.
_GRANTING = {"give", "grant", "allow"}
# Heads of a "to" infinitive that look ahead: "agreed to withdraw by Friday", "called on Iran to free them".
_INTENTION = _SCHEDULING | {
    "want", "hope", "agree", "promise", "pledge", "vow", "threaten", "decide", "seek", "try", "prepare", "aim",
    "need", "ready", "able", "offer", "ask", "urge", "call", "order", "invite", "propose", "wish", "mean",
    "vote", "arrange", "set",
}
_LOOK_BACK = {"be", "have", "go"}  # "was to", "had to", "went to": the head's own tense decides
# Verbs that news writes in the historical present ("Apple says it sold ..."): no future reading.
_REPORTING = {
    "say", "tell", "report", "announce", "claim", "add", "note", "state", "confirm", "deny", "insist",
    "write", "argue", "explain", "show", "reveal", "accord", "cite", "quote", "indicate", "suggest",
}
# A past verb dates an expression only when the expression modifies it directly: in "declared a
# dividend payable Dec. 15" or "informed them of a cutback in September" the date belongs to a noun,
# and a deadline ("until January", "through Nov. 17") usually lies ahead of a past verb.
_DEADLINE = {"until", "till", "through", "by"}
_NOMINAL = {"NOUN", "PROPN", "ADJ", "NUM"}
_CLIMB = 6  # tokens up the tree from the expression to its verb


# Verbs whose past is their present form: a tagger's VBP on them ("stocks hurt the index") says nothing.
_INVARIANT = {"hurt", "cut", "put", "set", "hit", "let", "cost", "shut", "spread", "quit", "bet", "burst", "cast",
              "split", "thrust", "upset", "bid", "broadcast", "forecast", "read", "beat"}
# A date that is an argument ("has set Nov. 10 as the deadline", "the deadline is Friday") is not placed
# in time by its verb the way an adverbial ("met on Friday") is.
_ARGUMENT = {"dobj", "nsubj", "nsubjpass", "attr"}


def verb_tense(span: Span, headline: bool = False) -> Tense:
    """"future", "past" or None for the clause ``span`` (a time expression) belongs to.

    :param headline: the expression is in a headline, whose present tense tells of the past
        ("Kim arrives in Russia"); the caller knows where sentences end.
    """
    tok: Token = span.root
    if tok.dep_ in _ARGUMENT:
        return None
    prep: str | None = None  # the expression's own preposition, the first on the way up
    preps: set[str] = set()
    through_noun = False
    for _ in range(_CLIMB):
        if tok.dep_ == "poss":
            return None  # "Wednesday's ruling": a name for the day, no clause of its own
        if tok.head is tok:
            break
        tok = tok.head
        lemma = tok.lemma_.lower()
        if (prep in _UNTIL and lemma in _DEFERRING) or (prep in ("until", "till") and lemma in _GRANTING):
            return "future"  # "was postponed until Friday": whatever the tense, the new date is ahead
        if _scheduling(tok, lemma, preps):
            return _plan_tense(tok)
        if tok.pos_ in ("VERB", "AUX"):
            break
        if tok.pos_ == "ADP":
            prep = prep or lemma
            preps.add(lemma)
        elif tok.pos_ in _NOMINAL:
            through_noun = True
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    tense = _clause_tense(tok, headline)
    if tense == "past" and (through_noun or prep in _DEADLINE):
        return None
    return tense


def _scheduling(tok: Token, lemma: str, preps: set[str]) -> bool:
    """A word that puts its date ahead: "due", "expected", "set to/for", "has set Nov. 10 as"."""
    if lemma in _SCHEDULING and tok.pos_ in ("ADJ", "VERB"):
        return True
    if lemma == "set" and tok.tag_ == "VBN":
        return "for" in preps or _present_perfect(tok) or any(
            c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ == "for" for c in tok.children)
    return False


def _plan_tense(word: Token) -> Tense:
    """The direction of a planned date: a plan that stands ("is due", "has scheduled") looks ahead; one
    told in the past ("planned a rally for Saturday", "was due to expire Friday") may have happened
    since, so the nearer occurrence wins."""
    if _present_perfect(word):
        return "future"
    if word.tag_ == "VBN" and word.dep_ in ("acl", "amod") and not _auxes(word):
        # "a memorial service planned for Saturday was cancelled": the clause of the noun tells
        noun_verb = word.head.head
        return "near" if noun_verb.pos_ in ("VERB", "AUX") and _past_marked(noun_verb) else "future"
    return "near" if _past_marked(word) else "future"


def _auxes(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def _past_perfect(verb: Token) -> bool:
    """"had agreed", "had been expected": "had" on a past participle."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)


def _present_perfect(verb: Token) -> bool:
    """"has scheduled", "have set": a present auxiliary of "have" on a past participle."""
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def _past_marked(verb: Token) -> bool:
    """A simple past, a perfect or a past auxiliary ("met", "has met", "was held", "had been due")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.pos_ == "ADJ":  # "was due": the copula is the adjective's head
        auxes += [verb.head] if verb.head.lemma_ == "be" else []
        auxes += [c for c in verb.head.children if c.dep_ == "aux"]
    return verb.tag_ == "VBD" or any(a.tag_ in ("VBD", "VBN") or a.lemma_ == "have" for a in auxes)


def _clause_tense(verb: Token, headline: bool) -> Tense:
    """Tense of a verb's clause, following bare and infinitive verbs up to the verb they depend on."""
    for _ in range(3):
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in _FUTURE_AUX for a in auxes):
            # "may have been responsible", "would have met": a modal perfect looks back
            return "past" if any(a.lemma_ == "have" for a in auxes) else "future"
        if verb.lemma_.lower() in _SCHEDULING:
            return _plan_tense(verb)
        if _past_marked(verb):
            return "past"
        if verb.tag_ == "VBN" and not auxes and verb.dep_ in ("acl", "amod", "advcl"):
            return "past"  # "the terms, announced Friday"
        if verb.tag_ == "VBG" and auxes and all(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return "future"
        if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return _present(verb, headline)
        head = verb.head
        if head is verb or head.pos_ not in ("VERB", "AUX", "ADJ"):
            return None
        head_lemma = head.lemma_.lower()
        if any(a.tag_ == "TO" for a in auxes) and head_lemma not in _LOOK_BACK:
            # An infinitive is not yet done when its head is: "subpoenaed him to testify on Feb. 10";
            # but a plan in the past perfect ("had been expected to win the December auction") may be over.
            if head_lemma in _SCHEDULING:
                return _plan_tense(head)
            if head_lemma in _INTENTION:
                return "near" if _past_perfect(head) else "future"
            return None
        verb = head
    return None


def _present(verb: Token, headline: bool) -> Tense:
    """A plain present points ahead ("meets Bush on Thursday"), except reporting verbs and headlines."""
    if headline or verb.lemma_.lower() in _REPORTING or (verb.tag_ == "VBP" and verb.lower_ in _INVARIANT):
        return None
    return "future"
