"""Attributions read off the dependency parse: cue, source, content, channel and the quote flag.

Each cue word is looked at once. The source is the cue's subject (or the object of "according
to"), the content its clausal complement, the quotation it introduces or closes, or, for a
parenthetical cue (", RIA journalists reported."), the clause it comments on.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span, Token

from eventwire.attribution.cues import (
    ADDRESSEE_VERBS,
    ANY_HOLDER,
    BELIEF_CUES,
    CHANNEL_NOUNS,
    CLAUSAL_CUES,
    EVIDENCE_NOUNS,
    EVIDENCE_VERBS,
    NO_HOLDER,
    NOUN_CUES,
    SPEECH_ACT_CUES,
    STANCE_CUES,
    STRONG_CUES,
    TOPIC_CUES,
    XCOMP_CUES,
    cue_kind,
    is_cue_lemma,
    verb_lemma,
)
from eventwire.attribution.nesting import assign_parents
from eventwire.attribution.quotes import QUOTE_CHARS, QUOTE_MARKS, quote_at
from eventwire.attribution.stance import (
    is_holder,
    light_verb,
    stance_adjective,
    stance_noun,
    stance_verb,
    time_phrase,
    topic_verb,
)
from eventwire.attribution.syntax import SUBJECTS, CharSpan, Found, chars, children, source_span, subject
from eventwire.nlp.tokens import token_table

_DASHES = frozenset("―—–")

__all__ = ["Found", "find_attributions"]

_CLAUSES = ("ccomp", "parataxis")
_OBJECTS = ("dobj", "xcomp", "oprd", "attr")
_CHANNEL_PREPS = {"on", "in", "via", "through", "during", "to"}
_NOT_TOLD = {"story", "joke", "lie", "tale", "truth", "anecdote", "time", "difference"}
_QUOTE_GAP = 4  # characters of punctuation and space allowed between a quotation and its cue


def _strip_quotes(text: str, span: CharSpan) -> CharSpan:
    """Cut unbalanced quotation marks at the edges (a clause ending in a closing mark it never opened)."""
    start, end = span

    def has_mark(a: int, b: int) -> bool:
        return any(c in QUOTE_CHARS for c in text[a:b])

    while end > start and text[end - 1] in QUOTE_CHARS and not has_mark(start, end - 1):
        end -= 1
    while start < end and text[start] in QUOTE_CHARS and not has_mark(start + 1, end):
        start += 1
    return start, end


def _is_cue_verb(tok: Token) -> bool:
    """A verb that reports, not an adjective ("the said agreement") or another sense ("told a joke")."""
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("amod", "compound"):
        return False
    lemma = _lemma(tok)
    if lemma == "tell":
        return not any(c.dep_ == "dobj" and c.lemma_.lower() in _NOT_TOLD for c in tok.children)
    return is_cue_lemma(lemma)


def _lemma(tok: Token) -> str:
    return verb_lemma(tok.lemma_.lower(), tok.lower_)


def _is_report_lemma(lemma: str) -> bool:
    """A verb of saying, which may report without a clause; attitude verbs need their complement."""
    return lemma in STRONG_CUES or lemma in CLAUSAL_CUES or lemma in SPEECH_ACT_CUES


def _is_bare_report(tok: Token) -> bool:
    """A reporting verb with a subject and nothing to report: the tail of an inversion."""
    return (_is_cue_verb(tok) and bool(children(tok, SUBJECTS))
            and not children(tok, _CLAUSES + ("dobj",)))


def _clause_child(tok: Token) -> Token | None:
    """The clausal complement, skipping a parenthetical reporter parsed as one ("..., X reported")."""
    for c in children(tok, _CLAUSES):
        if c.i > tok.i and _is_bare_report(c) and _follows_break(c) and not _marked_that(c):
            continue
        lo, hi = (c.right_edge.i, tok.i) if c.i < tok.i else (tok.i, c.left_edge.i)
        if ";" in token_table(tok.doc).texts[lo:hi]:  # a list slice: no Token object per word between
            continue
        return c
    return None


def _marked_that(clause: Token) -> bool:
    """ "reported that “agents are looking ...”": a that-clause is a complement, never a parenthetical."""
    return any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)


def _clause_end(clause: Token) -> int:
    """The last token of a reported clause, without a conjunct that starts the writer's next statement.

    "Rubio said the extremist is Clinton, and he railed against the moderators": the parser hangs
    the conjunct on the reported clause, but the comma and the new subject start a statement of the
    writer's, not more of what was said. One that repeats the complementiser (", and that Americans
    should worry ...") is still reported.
    """
    doc = clause.doc
    for conj in children(clause, ("conj",)):
        if not children(conj, SUBJECTS) or children(conj, ("mark",)):
            continue
        cc = next((c for c in list(clause.children) + list(conj.children)
                   if c.dep_ == "cc" and clause.i < c.i < conj.left_edge.i), None)
        if cc is not None and doc[cc.i - 1].text == ",":
            return cc.i - 2
    return clause.right_edge.i


def _question_clause(tok: Token) -> Token | None:
    """ "asked the mayor if she would run": the parser hangs the indirect question as an adverbial."""
    if tok.lemma_.lower() not in _ASKING:
        return None
    return next((c for c in children(tok, ("advcl",)) if c.i > tok.i
                 and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)), None)


_ASKING = frozenset({"ask", "wonder", "question"})


def _medium_clause(tok: Token) -> Token | None:
    """ "said in a statement that ...": the that-clause the parser hung on the medium noun."""
    for prep in children(tok, ("prep",)):
        for pobj in children(prep, ("pobj",)):
            if pobj.lemma_.lower() not in CHANNEL_NOUNS:
                continue
            for c in children(pobj, ("acl", "ccomp", "relcl")):
                if _marked_that(c):
                    return c
    return None


def _follows_break(tok: Token) -> bool:
    """Whether the clause of `tok` (its left edge) follows a comma, dash or closing quotation mark."""
    left = min([tok.i] + [c.left_edge.i for c in children(tok, SUBJECTS)])
    if left == 0:
        return False
    prev = tok.doc[left - 1]
    return prev.text in {",", "—", "–", "-", "--"} or (prev.text in QUOTE_MARKS and left >= 2)


def _channel(tok: Token, text: str) -> str | None:
    """The medium named with the cue: "on Telegram", "in a statement", "told state television"."""
    for prep in children(tok, ("prep",)):
        if prep.lower_ not in _CHANNEL_PREPS:
            continue
        for pobj in children(prep, ("pobj",)):
            named = prep.lower_ in ("on", "via") and pobj.pos_ == "PROPN" and pobj.ent_type_ not in (
                "DATE", "TIME", "GPE", "PERSON", "NORP")
            if pobj.lemma_.lower() in CHANNEL_NOUNS or named:
                span = chars(tok.doc, prep.i, prep.right_edge.i)
                return text[span[0]:span[1]] if span else None
    if tok.lemma_.lower() == "tell":
        for obj in children(tok, ("dobj", "dative")):
            if obj.lemma_.lower() in CHANNEL_NOUNS:
                span = chars(tok.doc, obj.left_edge.i, obj.i)
                return text[span[0]:span[1]] if span else None
    return None


class _Finder:
    """Finds the content of a cue verb; holds the doc and its quotation spans.

    The quotations are in text order and do not overlap, so their starts and ends are both sorted:
    the quotation next to a cue is found by bisection, never by scanning them all for each cue.
    """

    def __init__(self, doc: Doc, text: str, quotes: list[CharSpan]) -> None:
        self.doc = doc
        self.text = text
        self.quotes = quotes
        self.starts = [q[0] for q in quotes]
        self.ends = [q[1] for q in quotes]

    def content(self, tok: Token) -> tuple[CharSpan | None, bool]:
        """(content span, is a direct quotation) for a cue verb, or (None, False)."""
        clause = _clause_child(tok) or _medium_clause(tok) or _question_clause(tok)
        lemma = _lemma(tok)
        if not _is_report_lemma(lemma):
            return self._attitude(tok, lemma, clause), False
        if clause is not None:
            span = chars(self.doc, clause.left_edge.i, _clause_end(clause))
            return self._as_quote(span) if span else (None, False)
        colon = self._after_colon(tok)
        if colon is not None:
            return _quote_or_plain(self.text, _strip_quotes(self.text, colon))
        has_object = _has_content_object(tok, lemma)
        if not has_object and (_follows_break(tok) or self._quote_before(tok) is not None):
            return self._parenthetical(tok)
        if not has_object and _as_clause(tok):
            return self._as_content(tok), False
        after = self._quote_after(tok)
        if after is not None:
            return after, True
        content = None
        if lemma in SPEECH_ACT_CUES or lemma in STRONG_CUES or _is_finding(tok) or _held_object(tok):
            content = self._object(tok)
        return content or self._passive_subject(tok), False

    def _after_colon(self, tok: Token) -> CharSpan | None:
        """ "Schumer tweeted: “Let's go.”", "The headline reads: ...": what follows a colon right after the
        verb, to the end of its line."""
        doc = self.doc
        nxt = tok.i + 1
        while nxt < len(doc) and doc[nxt].dep_ in ("advmod", "npadvmod") and doc[nxt].head is tok:
            nxt += 1
        if nxt >= len(doc) or doc[nxt].text != ":":
            return None
        end = nxt
        while end + 1 < len(doc) and "\n" not in doc[end + 1].text:
            end += 1
        return chars(doc, nxt + 1, end) if end > nxt + 1 else None

    def _as_content(self, tok: Token) -> CharSpan | None:
        """ "As The Post reported, the deal was off": the clause the as-clause comments on, without it."""
        head = tok.head
        if tok.i < head.i:
            return chars(self.doc, tok.right_edge.i + 1, head.right_edge.i)
        return chars(self.doc, head.left_edge.i, tok.left_edge.i - 1)

    def _passive_subject(self, tok: Token) -> CharSpan | None:
        """ "The meeting was first reported by Politico", "The plan was criticized": the passive subject is
        what was reported, whoever reported it."""
        passive = children(tok, ("nsubjpass",))
        if not passive or passive[0].pos_ == "PRON":
            return None
        return chars(self.doc, passive[0].left_edge.i, passive[0].right_edge.i)

    def _attitude(self, tok: Token, lemma: str, clause: Token | None) -> CharSpan | None:
        """Content of a belief or attitude verb: the clause it governs, or its infinitive."""
        if clause is not None and clause.i > tok.i and lemma in BELIEF_CUES:
            return chars(self.doc, clause.left_edge.i, clause.right_edge.i)
        if lemma in XCOMP_CUES:
            deps = ("xcomp", "acomp", "oprd") if lemma in NO_HOLDER else ("xcomp",)
            inf = next((c for c in children(tok, deps) if c.i > tok.i), None)
            if inf is not None:
                return chars(self.doc, inf.left_edge.i, inf.right_edge.i)
            like = next((c for c in children(tok, ("prep",)) if c.i > tok.i and c.lower_ == "like"), None)
            if like is not None and lemma in ("seem", "appear"):  # "seems like a long shot"
                return chars(self.doc, like.i + 1, like.right_edge.i)
        return None

    def _as_quote(self, span: CharSpan) -> tuple[CharSpan, bool]:
        quote = quote_at(self.quotes, *span)
        if quote is not None:
            return quote, True
        return _strip_quotes(self.text, span), False

    def _clause_left(self, tok: Token) -> int:
        return min([tok.i] + [c.left_edge.i for c in children(tok, SUBJECTS)])

    def _quote_before(self, tok: Token) -> CharSpan | None:
        """The quotation that ends just before the cue's clause: “...,” he said."""
        start = self.doc[self._clause_left(tok)].idx
        sent_start = tok.sent.start_char
        for k in range(bisect_left(self.ends, start - _QUOTE_GAP), bisect_right(self.ends, start)):
            qs, qe = self.quotes[k]
            opens_sentence = qs <= sent_start + 1 or not self.text[sent_start:qs].strip()
            if not self.text[qe:start].strip(" ,—–-\n") and opens_sentence:
                return qs, qe
        return None

    def _quote_after(self, tok: Token) -> CharSpan | None:
        """The quotation the cue opens: he said: “...”, he said, “...”."""
        last = max([tok.i] + [c.right_edge.i for c in tok.children if c.i > tok.i and c.dep_ != "punct"])
        end = self.doc[last].idx + len(self.doc[last])
        for k in range(bisect_left(self.starts, end), bisect_right(self.starts, end + _QUOTE_GAP)):
            if self.text[end:self.starts[k]].strip() in (":", ",", ""):
                return self.quotes[k]
        return None

    def _parenthetical(self, tok: Token) -> tuple[CharSpan | None, bool]:
        """Content of ", X said": the quotation before it (and the one it opens), else the clause."""
        before = self._quote_before(tok)
        if before is not None:
            after = self._quote_after(tok)
            return ((before[0], after[1]) if after else before), True
        left = self._clause_left(tok)
        head = tok.head
        if head is not tok and head.i < tok.i:
            first = head.left_edge.i
            if tok.right_edge.i + 1 < len(self.doc) and self.doc[tok.right_edge.i + 1].text == ",":
                return chars(self.doc, first, head.right_edge.i), False
        else:
            first = tok.sent.start
        span = chars(self.doc, first, left - 1) if left > first else None
        return (self._as_quote(span) if span else (None, False))

    def _object(self, tok: Token) -> CharSpan | None:
        """What a speech act is about: its object or infinitive ("urged Kim to", "called the plan ...")."""
        lemma = tok.lemma_.lower()
        deps = ("xcomp",) if lemma in ADDRESSEE_VERBS else _OBJECTS
        objs = [c for c in tok.children if c.dep_ in deps and c.i > tok.i]
        if lemma == "call":
            objs += [p for p in children(tok, ("prep",)) if p.lower_ in ("for", "on")]
            objs += [c for c in children(tok, ("advcl",)) if c.i > tok.i and _for_clause(c)]
        if not objs:
            return None
        return chars(self.doc, min(o.left_edge.i for o in objs), max(o.right_edge.i for o in objs))


def _for_clause(tok: Token) -> bool:
    """ "called for the state to raise taxes": a for-to clause, which the parser hangs as an adverbial."""
    return any(m.dep_ == "mark" and m.lower_ == "for" and m.i < tok.i for m in tok.children)


def _has_content_object(tok: Token, lemma: str) -> bool:
    """Whether the verb has an object that can be what was said (not the hearer of "told MSNBC")."""
    deps = ("xcomp", "oprd", "attr") if lemma in ADDRESSEE_VERBS else _OBJECTS
    return bool(children(tok, deps))


def _held_object(tok: Token) -> bool:
    """A verb of saying whose object is what a person or organisation said: "predicted a win".

    An object that names the medium ("wrote a letter", "posted a message") says nothing of what
    was in it, so it is no content.
    """
    lemma = _lemma(tok)
    if lemma in _PLAIN_OBJECT_VERBS:
        return False
    subj = subject(tok)
    if subj is None or not is_holder(subj):
        return False
    if lemma not in _ACTS_BY_INFINITIVE and any(c.i > tok.i for c in children(tok, ("xcomp",))):
        return True
    return any(c.lemma_.lower() not in CHANNEL_NOUNS for c in children(tok, ("dobj",)))


# "The ceasefire seems fragile": the subject of a raising verb is what the impression is about, not
# whoever holds it (the writer, unnamed).
_RAISING = frozenset({"seem", "appear", "sound"})

# Verbs of saying that report only with a clause or a quotation: with a plain object or an
# infinitive they mean something else ("continued to lead in the polls", "found a job", "added
# jobs", "maintained a lead").
_PLAIN_OBJECT_VERBS = frozenset({"continue", "find", "add", "maintain"})

# "Kim has agreed to supply munitions": agreeing to do something is the act itself (an AGREE event),
# not a report of it.
_ACTS_BY_INFINITIVE = frozenset({"agree"})


def _as_clause(tok: Token) -> bool:
    """ "As The Post reported, ...", "..., as Clyburn noted": a reporting verb in an as-clause."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)


def _verb_attribution(finder: _Finder, tok: Token) -> Found | None:
    """An attribution for a cue verb, or None when this use of the verb reports nothing.

    A verb of saying or attitude is read by the reporting rules first; a stance or topic verb
    (some are both: "hope", "fear") is then read by the stance rules, and a verb of saying that
    found no clause or quotation may still name its topic ("complained about the debate").
    """
    lemma = _lemma(tok)
    item = _report_attribution(finder, tok, lemma) if _is_reporting_verb(lemma) else None
    if item is None and (lemma in STANCE_CUES or lemma in TOPIC_CUES):
        item = stance_verb(tok, lemma)
    if item is None and _is_report_lemma(lemma):
        item = topic_verb(tok, lemma)
    return item


def _is_reporting_verb(lemma: str) -> bool:
    return _is_report_lemma(lemma) or lemma in XCOMP_CUES or lemma in BELIEF_CUES


def _report_attribution(finder: _Finder, tok: Token, lemma: str) -> Found | None:
    """The reporting rules' reading of a verb of saying, belief or attitude."""
    content, quote = finder.content(tok)
    subj = None if lemma in _RAISING else subject(tok) or _apposed_speaker(tok)
    if content is None and lemma != "say":
        return None
    if lemma == "tell" and subj is None:
        return None
    if not _is_report_lemma(lemma) and not _holds_attitude(finder, tok, subj):
        return None
    if (lemma not in STRONG_CUES and lemma not in CLAUSAL_CUES and subj is None and lemma not in NO_HOLDER
            and not children(tok, ("nsubjpass",))):
        return None
    if subj is None and lemma in _RAISING:
        subj = _impression_holder(tok)
    source = source_span(subj) if subj is not None else None
    return Found(
        cue=(tok.idx, tok.idx + len(tok)), lemma=lemma, source=source,
        source_root=subj.i if subj is not None else None,
        content=content, channel=_channel(tok, finder.text), quote=quote, kind=cue_kind(lemma), token=tok.i,
    )


def _impression_holder(tok: Token) -> Token | None:
    """ "He seemed to confirm the report", "Obama appeared to blame Congress": a person or group whose
    act or stance the raising verb hedges is the source PolNeAR names. A thing ("The ceasefire seems
    fragile") holds no stance: the impression is the writer's."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or not is_holder(subj):
        return None
    return subj if subj.pos_ in ("PRON", "PROPN") or subj.ent_type_ in _PEOPLE_ENTS else None


_PEOPLE_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _apposed_speaker(tok: Token) -> Token | None:
    """ "Senator Harry Reid, the minority leader, said": a name with an apposition just before a
    subjectless verb of saying, which the parser attached elsewhere."""
    if tok.i < 2 or children(tok, ("nsubjpass",)) or tok.doc[tok.i - 1].text != ",":
        return None
    last = tok.doc[tok.i - 2]
    while last.dep_ != "appos" and last.head.i < last.i and last.head.i >= tok.sent.start:
        last = last.head
    if last.dep_ != "appos" or last.head.pos_ not in ("PROPN", "NOUN"):
        return None
    return last.head


def _known_as(tok: Token) -> Found | None:
    """ "the contests known as Super Tuesday", "Burma, also known as Myanmar", "is best known for his
    films", "is seen as a moderate", "was widely viewed as a mistake": a name or a view held by people
    unnamed (or by the agent of the participle); what it is known or seen as is the content."""
    lemma = tok.lemma_.lower()
    if tok.tag_ != "VBN" or lemma not in _KNOWN_AS:
        return None
    preps = _KNOWN_AS[lemma]
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in preps and c.i > tok.i), None)
    pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    if pobj is None:
        return None
    agent = subject(tok)
    return Found(
        cue=(tok.idx, tok.idx + len(tok)), lemma=lemma, source=source_span(agent) if agent is not None else None,
        source_root=agent.i if agent is not None else None,
        content=chars(tok.doc, pobj.left_edge.i, pobj.right_edge.i), channel=None, quote=False, token=tok.i,
        kind=cue_kind(lemma),
    )


# Participles that name a reputation or a view, with the prepositions that carry it.
_KNOWN_AS = {
    "know": frozenset({"as", "for"}),
    "see": frozenset({"as"}),
    "view": frozenset({"as"}),
    "regard": frozenset({"as"}),
    "perceive": frozenset({"as"}),
}


def _is_finding(tok: Token) -> bool:
    """ "The poll shows Trump ahead": an evidence verb whose subject is a poll, study, report ..."""
    if tok.lemma_.lower() not in EVIDENCE_VERBS:
        return False
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in EVIDENCE_NOUNS for c in tok.children)


def _in_poll(tok: Token) -> Found | None:
    """ "In a new CNN poll, 40 percent ...", "Trump leads in the latest polls": "in" whose object is a
    poll or survey (or an average of polls); the content is the clause it is attached to."""
    if tok.dep_ != "prep":
        return None
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None or not _is_poll(pobj):
        return None
    if tok.i == tok.sent.start:  # "In a new poll, ..."
        content = chars(tok.doc, tok.right_edge.i + 1, tok.sent.end - 1)
    elif not any(c.dep_ not in ("det", "punct") for c in pobj.children):
        return None  # "leads in the polls": no poll in particular
    else:
        head = tok.head
        while head.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl") and head.head is not head:
            head = head.head
        first, last = head.left_edge.i, head.right_edge.i
        content = chars(tok.doc, first, tok.i - 1) if tok.i > first else chars(tok.doc, tok.right_edge.i + 1, last)
    return Found(
        cue=(tok.idx, tok.idx + len(tok)), lemma="in", source=source_span(pobj), source_root=pobj.i,
        content=content, channel=None, quote=False,
    )


_POLLS = frozenset({"poll", "survey", "polling"})


def _is_poll(tok: Token) -> bool:
    """A poll or survey, or an average or ranking of polls ("the RealClearPolitics average of polls")."""
    if tok.lemma_.lower() in _POLLS:
        return True
    return any(p.lower_ == "of" and any(o.lemma_.lower() in _POLLS for o in children(p, ("pobj",)))
               for p in children(tok, ("prep",)))


def _holds_attitude(finder: _Finder, tok: Token, subj: Token | None) -> bool:
    """Whether a belief or attitude verb is reported as someone's stance, not a hedge.

    Inside a quotation "I think" or "you know" is the speaker's hedge, and "he thinks" in running
    text is mostly narration; a named holder ("Analysts believe ...") or a refusal is a stance.
    """
    if quote_at(finder.quotes, tok.idx, tok.idx + len(tok)) is not None:
        return False
    lemma = tok.lemma_.lower()
    if lemma in ANY_HOLDER:
        return True
    if subj is None:
        return lemma in NO_HOLDER
    return subj.pos_ in ("NOUN", "PROPN")


def _according_to(tok: Token) -> Found | None:
    """ "..., according to X" / "According to X, ...": the PP's object is the source."""
    doc = tok.doc
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    to = doc[tok.i + 1]
    pobj = children(to, ("pobj",))
    source = source_span(pobj[0]) if pobj else None
    pp_last = to.right_edge.i
    head = tok.head
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    sent = tok.sent
    if head is tok:
        first, last = sent.start, sent.end - 1
    else:
        first, last = head.left_edge.i, head.right_edge.i
    content = chars(doc, first, tok.i - 1) if tok.i > first else chars(doc, pp_last + 1, last)
    return Found(
        cue=(tok.idx, to.idx + len(to)), lemma="according to", source=source,
        source_root=pobj[0].i if pobj else None, content=content, channel=None, quote=False,
    )


def _colon_cue(tok: Token, text: str) -> Found | None:
    """ "Peskov: ...", "Poll: ...", "- Pew Research: “...”", "WALLACE: ..." — a short name opening a
    line or a sentence, then a colon; the content runs to the end of the line.

    The name may follow a dash (digest style) or an opening quotation mark (a quoted transcript),
    and may be a capitalised noun (headline style) or a speaker label in capitals. The parser often
    cuts a transcript's "PENCE:" into a sentence of its own, so the line, not the sentence, bounds
    the content. Only the few tokens before the colon and the one line after it are looked at.
    """
    doc = tok.doc
    start = max(tok.sent.start, tok.i - _LABEL_TOKENS - 2)
    for i in range(tok.i - 1, start - 1, -1):
        if "\n" in doc[i].text or doc[i].text in _DASHES or doc[i].text in ("-", "--"):
            start = i + 1
            break
    else:
        if start > tok.sent.start:
            return None
    while start < tok.i and (doc[start].is_space or doc[start].text in QUOTE_MARKS):
        start += 1
    left = _speaker_part(doc[start:tok.i])
    if not 1 <= len(left) <= _LABEL_TOKENS:
        return None
    if any(t.pos_ in ("VERB", "AUX", "ADP") and not _tagged_name(t) for t in left) or not _is_name(left) \
            or _is_label(left):
        return None
    if all(t.ent_type_ == "GPE" for t in left if t.is_alpha):  # "Iowa: Cruz 28%, Trump 24%" heads a list
        return None
    end = tok.i
    while end + 1 < len(doc) and "\n" not in doc[end + 1].text:
        end += 1
    if end < tok.i + 3:
        return None
    content = chars(doc, tok.i + 1, end)
    if content is None:
        return None
    content, quote = _quote_or_plain(text, _strip_quotes(text, content))
    return Found(
        cue=(tok.idx, tok.idx + 1), lemma=":", source=chars(doc, left.start, left.end - 1),
        source_root=left.root.i, content=content, channel=None, quote=quote,
    )


_LABEL_TOKENS = 6  # the longest name or label a colon cue takes as its source
# Headline style "Clinton to Planned Parenthood: ...", "Mukasey at RNC: ...", "CNN President On Trump:
# ...": the speaker, a preposition, then the audience, venue or topic.
_TOPIC_PREPS = frozenset({"to", "on", "at", "about"})


def _speaker_part(left: Span) -> Span:
    """The speaker of a colon cue's left side: the words before a topic preposition when they name
    someone, else the whole of it."""
    for t in left[1:]:
        if t.lower_ in _TOPIC_PREPS:  # a headline's capitals hide the tag: "CNN President On Trump"
            head = left[: t.i - left.start]
            return head if _is_name(head) else left
        if t.pos_ in ("VERB", "AUX") and not _tagged_name(t):
            break
    return left


def _tagged_name(tok: Token) -> bool:
    """A word the tagger misreads in a headline's capitals ("HUFFPOLLSTER" as a verb, "Issa" as an
    adjective) is still a name when the recogniser made it part of a person or organisation, or is
    written in capitals."""
    return tok.ent_type_ in ("PERSON", "ORG", "NORP") or (tok.is_upper and len(tok) > 1 and tok.is_alpha)


# Newsroom labels that head a line with a colon but name no speaker ("Editor's note:", "UPDATE:").
_LABELS = frozenset({
    "note", "breaking", "byline", "video", "correction", "update", "updated", "exclusive", "question",
    "name", "photo", "photos", "watch", "related", "reminder", "clarification", "disclosure", "source",
    "sources", "caption", "credit", "editor", "transcript", "listen", "read", "more", "live",
})


def _is_label(tokens: Span) -> bool:
    """A newsroom label ("Editor's note", "BREAKING"), or the "Q" and "A" of an interview, whose lines
    are the questions and the answers, not reports: the answer's "I think" is the attribution."""
    words = [t for t in tokens if t.is_alpha]
    if len(words) == 1 and len(words[0]) == 1:
        return True
    return bool(words) and words[-1].lower_ in _LABELS


def _is_name(tokens: Span) -> bool:
    """A proper name, a capitalised headline word or two ("Poll", "New Survey"), or a transcript's
    speaker label in capitals ("WALLACE", "MR. PENCE")."""
    if any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "NORP") for t in tokens):
        return True
    words = [t for t in tokens if t.is_alpha]
    if words and len(tokens) <= 3 and all(t.is_upper and len(t) > 1 for t in words):
        return True
    return len(tokens) <= 2 and all(t.is_title and t.pos_ == "NOUN" for t in tokens)


def _dash_cue(tok: Token, finder: _Finder) -> Found | None:
    """ "“...” ― Sonya Herridge": a dash between a quotation and the name of whoever said it.

    Only the last quotation ending before the dash can qualify: an earlier one has that quotation
    between itself and the dash.
    """
    doc, text = tok.doc, finder.text
    dash = tok.idx + len(tok) - 1
    k = bisect_right(finder.ends, dash) - 1
    quote = finder.quotes[k] if k >= 0 else None
    if quote is None or text[quote[1]:dash].strip(" \xa0,.\n"):
        return None
    names = []
    for t in doc[tok.i + 1: min(len(doc), tok.i + 12)]:
        if t.is_space and not names and "\n" not in t.text:
            continue
        if "\n" in t.text or t.text in (".", ";", "“", '"') or t.is_sent_start and names and t.i > names[0].i:
            break
        names.append(t)
    if not names or not (names[0].is_title or names[0].pos_ == "PROPN"):
        return None
    return Found(
        cue=(dash, dash + 1), lemma="―", source=chars(doc, names[0].i, names[-1].i),
        source_root=names[0].i, content=quote, channel=None, quote=True,
    )


def _noun_cue(tok: Token) -> Found | None:
    """ "Trump's claim that ...", "reports by Tass that ...": a reporting noun with a that-clause.

    In "X said in a statement that ..." the parser may hang the clause on the noun: the clause is
    what the verb reports, and the noun only its medium, so such a noun is no cue of its own.
    """
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and _is_cue_verb(tok.head.head):
        return None
    clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "appos") and _marked_that(c)), None)
    if clause is None:
        return None
    speaker = next((c for c in tok.children if c.dep_ == "poss"), None)
    if speaker is None:
        by = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
        speaker = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    return Found(
        cue=(tok.idx, tok.idx + len(tok)), lemma=tok.lemma_.lower(),
        source=source_span(speaker) if speaker is not None else None,
        source_root=speaker.i if speaker is not None else None,
        content=chars(tok.doc, clause.left_edge.i, clause.right_edge.i), channel=None, quote=False,
    )


# "The DNC issued a statement condemning ...", "Mook released a memo titled ...": putting out a text is
# saying what it says. A video, a list or a plan shows or proposes rather than says, so is left out.
_PUBLISHING = frozenset({"release", "issue", "put"})
_PUBLISHED = frozenset({"statement", "memo", "letter", "ad", "advert", "advertisement", "commercial", "report",
                        "tweet", "op-ed", "editorial", "communique", "declaration", "rebuttal", "response"})
# What a text is about ("a statement on the deal", "in opposition to"); not its hearer ("to reporters")
# or its author ("from his office").
_ABOUT = frozenset({"on", "about", "against", "in", "of", "over"})


def _published(tok: Token) -> Found | None:
    """ "Sanders released a statement in opposition to the deal": a holder putting out a text, whose
    content is what the text is about: its participle or clause ("a memo titled ...") or a phrase of
    topic. When the text's participle is itself a cue ("issued a statement saying ..."), that cue
    reports it; a colon or quotation after the text is the colon and quotation rules' to read."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in _PUBLISHING:
        return None
    if tok.lemma_.lower() == "put" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children):
        return None
    holder = subject(tok)
    obj = next((c for c in children(tok, ("dobj",)) if c.i > tok.i), None)
    if holder is None or not is_holder(holder) or obj is None or obj.lemma_.lower() not in _PUBLISHED:
        return None
    about = [c for c in [*obj.children, *tok.children] if c.i > obj.i and (
        c.dep_ in ("acl", "relcl") or c.dep_ == "prep" and c.lower_ in _ABOUT and not time_phrase(c))]
    if any(_is_cue_verb(c) for c in about) or any(_is_cue_verb(c) for c in children(tok, ("advcl", "xcomp"))):
        return None
    if not about:
        return None
    first = about[0].i + 1 if about[0].dep_ == "prep" else about[0].left_edge.i
    content = chars(tok.doc, first, max(c.right_edge.i for c in about))
    if content is None:
        return None
    return Found(
        cue=(tok.idx, obj.idx + len(obj)), lemma=tok.lemma_.lower(), source=source_span(holder),
        source_root=holder.i, content=content, channel=None, quote=False, token=tok.i,
    )


# Adverbs that mark a clause as reported by someone unnamed: "Trump reportedly offered him the job".
# "Allegedly" is left out: it mostly hedges a charge in crime reports, which PolNeAR does not mark.
_HEARSAY = frozenset({"reportedly", "purportedly", "supposedly", "reputedly"})


def _hearsay(tok: Token) -> Found | None:
    """ "He reportedly met the donors": an attribution without a source; the content is the clause
    the adverb modifies."""
    head = tok.head
    if tok.dep_ != "advmod" or head is tok or head.pos_ not in ("VERB", "AUX"):
        return None
    content = chars(tok.doc, head.left_edge.i, head.right_edge.i)
    if content is None:
        return None
    return Found(
        cue=(tok.idx, tok.idx + len(tok)), lemma=tok.lower_, source=None, source_root=None,
        content=content, channel=None, quote=False, token=tok.i,
    )


def _quote_or_plain(text: str, span: CharSpan) -> tuple[CharSpan, bool]:
    """The span, and whether it is wholly a quotation (opens and closes with a mark)."""
    inner = text[span[0]:span[1]]
    is_quote = len(inner) > 2 and (inner[0] in QUOTE_CHARS or inner[:2] in QUOTE_MARKS) \
        and (inner[-1] in QUOTE_CHARS or inner[-2:] == "''")
    return span, is_quote


def find_attributions(doc: Doc, text: str, quotes: list[CharSpan]) -> list[Found]:
    """Every attribution of the doc, in the order of its cue.

    ``text`` is ``doc.text``, passed in because spaCy rebuilds it from the tokens on every access.
    """
    finder = _Finder(doc, text, quotes)
    found: list[Found] = []
    table = token_table(doc)
    for i, (word, lower, pos) in enumerate(zip(table.texts, table.lowers, table.pos, strict=True)):
        if pos not in _CUE_POS and lower not in _CUE_WORDS and word not in (":", "--") and word[-1] not in _DASHES:
            continue  # no rule below can fire: skip it without making a Token object
        tok = doc[i]
        item = None
        if tok.lower_ == "according":
            item = _according_to(tok)
        elif tok.lower_ == "in":
            item = _in_poll(tok)
        elif tok.text == ":":
            item = _colon_cue(tok, finder.text)
        elif tok.text[-1] in _DASHES or tok.text == "--":
            item = _dash_cue(tok, finder)
        elif tok.pos_ == "NOUN":
            item = _noun_cue(tok) if tok.lemma_.lower() in NOUN_CUES else None
            item = item or stance_noun(tok)
        elif tok.pos_ == "ADJ":
            item = stance_adjective(tok)
        elif tok.lower_ in _HEARSAY:
            item = _hearsay(tok)
        elif _is_cue_verb(tok):
            item = _verb_attribution(finder, tok) or _published(tok) or stance_adjective(tok) or _known_as(tok)
        elif tok.pos_ == "VERB":
            item = light_verb(tok) or _published(tok) or stance_adjective(tok)
        if item is not None and not _quoted(finder, item):
            found.append(item)
    return _without_nested_stances(doc, found)


_CUE_POS = frozenset({"NOUN", "ADJ", "VERB", "AUX"})  # the parts of speech of the cues below
_CUE_WORDS = frozenset({"according", "in"}) | _HEARSAY  # cue words of other parts of speech


def _without_nested_stances(doc: Doc, found: list[Found]) -> list[Found]:
    """Drop stances and speech acts found inside the content of another attribution.

    "Palmieri said Trump cannot defend his record": "defend" is part of what Palmieri said, not a
    second attribution; "The White House said it believes ...": the belief is what was said. A
    verb of saying stays nested ("Putin told reporters that ..., RIA reported"): that is a chain
    of reports. PolNeAR's annotators mark almost no attribution inside another's content (129 of
    19,875 in its training part). A speech act that shares its subject with the report it sits
    in ("Trump insisted that ..., claiming that ...", "he said ... and called it ...") is the
    same speaker's next act, which the parser hung inside the first one's clause: it stays too.
    """
    parents = assign_parents([f.cue for f in found], [f.content for f in found])
    return [f for f, parent in zip(found, parents, strict=True)
            if parent is None or _is_saying(f) or _next_act(doc, f, found[parent])
            or _transcript_belief(f, found[parent])]


def _transcript_belief(item: Found, parent: Found) -> bool:
    """ "A: I think the law went a long way": a belief the speaker of a transcript line states. The
    line is no quotation, and PolNeAR's annotators mark the speaker's "I think", "we know" in it."""
    return parent.lemma == ":" and item.lemma in _BELIEFS


def _next_act(doc: Doc, item: Found, parent: Found) -> bool:
    """A speech act in a participle or a conjunct with no subject of its own ("..., calling it ..."),
    by the speaker of the report it sits in. "Kim visited factories, urging them to ..., according to
    state media" is what the media reported of Kim: part of the report."""
    if item.kind != "report" or item.token is None or item.source_root != parent.source_root:
        return False
    tok = doc[item.token]
    shape = tok.dep_ == "conj" or (tok.dep_ == "advcl" and tok.tag_ == "VBG")  # not "to express"
    return shape and not children(tok, SUBJECTS + ("nsubjpass",))


_BELIEFS = BELIEF_CUES | {"know"}


def _is_saying(item: Found) -> bool:
    """A plain report of speech or writing, which may be reported within another report."""
    return item.kind == "report" and item.lemma in _SAYING


# Verbs of plain saying: they report speech whoever reports them in turn. Speech acts (called,
# urged, denied) and stances inside a report are part of what was reported.
_SAYING = frozenset({"say", "tell", "add", "note", "write", "report", "explain", "ask", "argue", "suggest",
                     "state", "according to"})


def _quoted(finder: _Finder, item: Found) -> bool:
    """Whether the cue lies inside a direct quotation: the quoted speaker's own words, not the reporter's.

    A quotation is content already attributed to whoever is quoted; "“I think we will win,” she said"
    holds one attribution (she said), not two. PolNeAR's annotators mark none inside quotations.
    A speaker label that opens the quotation ("“WALLACE: Let's start ...") is the transcript's, not
    the speaker's: it stays.
    """
    inside = quote_at(finder.quotes, *item.cue)
    if inside is None or not (inside[0] < item.cue[0] and item.cue[1] < inside[1]):
        return False
    return not (item.lemma == ":" and item.source is not None and item.source[0] - inside[0] <= 2)

