"""Attributions read off the dependency parse: cue, source, content, channel and the quote flag.

Each cue word is looked at once. The source is the cue's subject (or the object of "according
to"), the content its clausal complement, the quotation it introduces or closes, or, for a
parenthetical cue (", RIA journalists reported."), the clause it comments on.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

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
    STRONG_CUES,
    XCOMP_CUES,
    is_cue_lemma,
)
from eventwire.attribution.quotes import QUOTE_CHARS, QUOTE_MARKS, quote_at

_DASHES = frozenset("―—–")

__all__ = ["Found", "find_attributions"]

CharSpan = tuple[int, int]

_SUBJECTS = ("nsubj", "csubj")
_CLAUSES = ("ccomp", "parataxis")
_CLIMB = ("xcomp", "conj", "advcl", "pcomp", "acl", "ccomp")
_OBJECTS = ("dobj", "xcomp", "oprd", "attr")
_CHANNEL_PREPS = {"on", "in", "via", "through", "during", "to"}
_NOT_TOLD = {"story", "joke", "lie", "tale", "truth", "anecdote", "time", "difference"}
_EDGE_PUNCT = set(",;:.!?-—–()[]") | {" ", "\n"}
_QUOTE_GAP = 4  # characters of punctuation and space allowed between a quotation and its cue


@dataclass
class Found:
    """One attribution before ids and parents are assigned (character offsets, end exclusive)."""

    cue: CharSpan
    lemma: str
    source: CharSpan | None
    source_root: int | None
    content: CharSpan | None
    channel: str | None
    quote: bool


def _chars(doc: Doc, first: int, last: int) -> CharSpan | None:
    """Character span of tokens first..last (inclusive) with edge punctuation and space cut off."""
    while first <= last and (doc[first].is_space or doc[first].text in _EDGE_PUNCT):
        first += 1
    while last >= first and (doc[last].is_space or doc[last].text in _EDGE_PUNCT):
        last -= 1
    if first > last:
        return None
    return doc[first].idx, doc[last].idx + len(doc[last])


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


def _children(tok: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _is_cue_verb(tok: Token) -> bool:
    """A verb that reports, not an adjective ("the said agreement") or another sense ("told a joke")."""
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("amod", "compound"):
        return False
    lemma = tok.lemma_.lower()
    if lemma == "tell":
        return not any(c.dep_ == "dobj" and c.lemma_.lower() in _NOT_TOLD for c in tok.children)
    return is_cue_lemma(lemma)


def _is_report_lemma(lemma: str) -> bool:
    """A verb of saying, which may report without a clause; attitude verbs need their complement."""
    return lemma in STRONG_CUES or lemma in CLAUSAL_CUES or lemma in SPEECH_ACT_CUES


def _is_bare_report(tok: Token) -> bool:
    """A reporting verb with a subject and nothing to report: the tail of an inversion."""
    return (_is_cue_verb(tok) and bool(_children(tok, _SUBJECTS))
            and not _children(tok, _CLAUSES + ("dobj",)))


def _clause_child(tok: Token) -> Token | None:
    """The clausal complement, skipping a parenthetical reporter parsed as one ("..., X reported")."""
    for c in _children(tok, _CLAUSES):
        if c.i > tok.i and _is_bare_report(c) and _follows_break(c):
            continue
        lo, hi = (c.right_edge.i, tok.i) if c.i < tok.i else (tok.i, c.left_edge.i)
        if any(t.text == ";" for t in tok.doc[lo:hi]):
            continue
        return c
    return None


def _follows_break(tok: Token) -> bool:
    """Whether the clause of `tok` (its left edge) follows a comma, dash or closing quotation mark."""
    left = min([tok.i] + [c.left_edge.i for c in _children(tok, _SUBJECTS)])
    if left == 0:
        return False
    prev = tok.doc[left - 1]
    return prev.text in {",", "—", "–", "-", "--"} or (prev.text in QUOTE_MARKS and left >= 2)


def _subject(tok: Token) -> Token | None:
    """The speaker: the subject, the agent of a passive, or the subject of the verb it depends on."""
    for _ in range(4):
        subj = _children(tok, _SUBJECTS)
        if subj:
            return subj[0]
        for agent in _children(tok, ("agent",)):
            pobj = _children(agent, ("pobj",))
            if pobj:
                return pobj[0]
        if _children(tok, ("nsubjpass",)) and tok.lemma_.lower() != "quote":
            return None
        if tok.dep_ == "relcl":
            return tok.head
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
            tok = tok.head.head
            passive = _children(tok, ("nsubjpass",))
            if passive and tok.lemma_.lower() == "quote":
                return passive[0]
            continue
        if tok.dep_ not in _CLIMB or tok.head is tok:
            return None
        tok = tok.head
    return None


def _source_span(tok: Token) -> CharSpan | None:
    """The whole noun phrase of the speaker; for a relative clause's antecedent, without the clause."""
    last = tok.right_edge.i
    relcl = [c for c in tok.children if c.dep_ in ("relcl", "acl") and c.i > tok.i]
    if relcl:
        last = tok.i
    first = tok.left_edge.i
    while first < tok.i and (tok.doc[first].text in QUOTE_MARKS or "\n" in tok.doc[first].text):
        first += 1
    for i in range(tok.i - 1, first - 1, -1):
        if "\n" in tok.doc[i].text_with_ws:
            first = i + 1
            break
    return _chars(tok.doc, first, last)


def _channel(tok: Token, text: str) -> str | None:
    """The medium named with the cue: "on Telegram", "in a statement", "told state television"."""
    for prep in _children(tok, ("prep",)):
        if prep.lower_ not in _CHANNEL_PREPS:
            continue
        for pobj in _children(prep, ("pobj",)):
            named = prep.lower_ in ("on", "via") and pobj.pos_ == "PROPN" and pobj.ent_type_ not in (
                "DATE", "TIME", "GPE", "PERSON", "NORP")
            if pobj.lemma_.lower() in CHANNEL_NOUNS or named:
                span = _chars(tok.doc, prep.i, prep.right_edge.i)
                return text[span[0]:span[1]] if span else None
    if tok.lemma_.lower() == "tell":
        for obj in _children(tok, ("dobj", "dative")):
            if obj.lemma_.lower() in CHANNEL_NOUNS:
                span = _chars(tok.doc, obj.left_edge.i, obj.i)
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
        clause = _clause_child(tok)
        lemma = tok.lemma_.lower()
        if not _is_report_lemma(lemma):
            return self._attitude(tok, lemma, clause), False
        if clause is not None:
            span = _chars(self.doc, clause.left_edge.i, clause.right_edge.i)
            return self._as_quote(span) if span else (None, False)
        has_object = bool(_children(tok, _OBJECTS))
        if not has_object and (_follows_break(tok) or self._quote_before(tok) is not None):
            return self._parenthetical(tok)
        after = self._quote_after(tok)
        if after is not None:
            return after, True
        lemma = tok.lemma_.lower()
        if lemma in SPEECH_ACT_CUES or lemma in STRONG_CUES or _is_finding(tok):
            return self._object(tok), False
        return None, False

    def _attitude(self, tok: Token, lemma: str, clause: Token | None) -> CharSpan | None:
        """Content of a belief or attitude verb: the clause it governs, or its infinitive."""
        if clause is not None and clause.i > tok.i and lemma in BELIEF_CUES:
            return _chars(self.doc, clause.left_edge.i, clause.right_edge.i)
        if lemma in XCOMP_CUES:
            inf = next((c for c in _children(tok, ("xcomp",)) if c.i > tok.i), None)
            if inf is not None:
                return _chars(self.doc, inf.left_edge.i, inf.right_edge.i)
        return None

    def _as_quote(self, span: CharSpan) -> tuple[CharSpan, bool]:
        quote = quote_at(self.quotes, *span)
        if quote is not None:
            return quote, True
        return _strip_quotes(self.text, span), False

    def _clause_left(self, tok: Token) -> int:
        return min([tok.i] + [c.left_edge.i for c in _children(tok, _SUBJECTS)])

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
                return _chars(self.doc, first, head.right_edge.i), False
        else:
            first = tok.sent.start
        span = _chars(self.doc, first, left - 1) if left > first else None
        return (self._as_quote(span) if span else (None, False))

    def _object(self, tok: Token) -> CharSpan | None:
        """What a speech act is about: its object or infinitive ("urged Kim to", "called the plan ...")."""
        lemma = tok.lemma_.lower()
        deps = ("xcomp",) if lemma in ADDRESSEE_VERBS else _OBJECTS
        objs = [c for c in tok.children if c.dep_ in deps and c.i > tok.i]
        if lemma == "call":
            objs += [p for p in _children(tok, ("prep",)) if p.lower_ in ("for", "on")]
        if not objs:
            return None
        return _chars(self.doc, min(o.left_edge.i for o in objs), max(o.right_edge.i for o in objs))


def _verb_attribution(finder: _Finder, tok: Token) -> Found | None:
    """An attribution for a cue verb, or None when this use of the verb reports nothing."""
    lemma = tok.lemma_.lower()
    content, quote = finder.content(tok)
    subj = _subject(tok)
    if content is None and lemma != "say":
        return None
    if lemma == "tell" and subj is None:
        return None
    if not _is_report_lemma(lemma) and not _holds_attitude(finder, tok, subj):
        return None
    if lemma not in STRONG_CUES and lemma not in CLAUSAL_CUES and subj is None and lemma not in NO_HOLDER:
        return None
    source = _source_span(subj) if subj is not None else None
    return Found(
        cue=(tok.idx, tok.idx + len(tok)), lemma=lemma, source=source,
        source_root=subj.i if subj is not None else None,
        content=content, channel=_channel(tok, finder.text), quote=quote,
    )


def _is_finding(tok: Token) -> bool:
    """ "The poll shows Trump ahead": an evidence verb whose subject is a poll, study, report ..."""
    if tok.lemma_.lower() not in EVIDENCE_VERBS:
        return False
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in EVIDENCE_NOUNS for c in tok.children)


def _in_poll(tok: Token) -> Found | None:
    """ "In a new CNN poll, 40 percent ...": a sentence-opening "in" whose object is a poll or survey."""
    if tok.i != tok.sent.start or tok.dep_ != "prep":
        return None
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() not in ("poll", "survey"):
        return None
    content = _chars(tok.doc, tok.right_edge.i + 1, tok.sent.end - 1)
    return Found(
        cue=(tok.idx, tok.idx + len(tok)), lemma="in", source=_source_span(pobj), source_root=pobj.i,
        content=content, channel=None, quote=False,
    )


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
    pobj = _children(to, ("pobj",))
    source = _source_span(pobj[0]) if pobj else None
    pp_last = to.right_edge.i
    head = tok.head
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    sent = tok.sent
    if head is tok:
        first, last = sent.start, sent.end - 1
    else:
        first, last = head.left_edge.i, head.right_edge.i
    content = _chars(doc, first, tok.i - 1) if tok.i > first else _chars(doc, pp_last + 1, last)
    return Found(
        cue=(tok.idx, to.idx + len(to)), lemma="according to", source=source,
        source_root=pobj[0].i if pobj else None, content=content, channel=None, quote=False,
    )


def _colon_cue(tok: Token, text: str) -> Found | None:
    """ "Peskov: ...", "Poll: ...", "- Pew Research: “...”" — a short name opening a line, then a colon.

    The name may follow a dash (digest style) and may be a capitalised noun (headline style).
    """
    sent = tok.sent
    start = sent.start
    for i in range(tok.i - 1, sent.start - 1, -1):
        if "\n" in tok.doc[i].text or tok.doc[i].text in _DASHES or tok.doc[i].text in ("-", "--"):
            start = i + 1
            break
    while start < tok.i and tok.doc[start].is_space:
        start += 1
    left = tok.doc[start:tok.i]
    if not 1 <= len(left) <= 6 or tok.i + 3 >= sent.end:
        return None
    if any(t.pos_ in ("VERB", "AUX", "ADP") for t in left) or not _is_name(left):
        return None
    end = sent.end - 1
    for i in range(tok.i + 1, sent.end):
        if "\n" in tok.doc[i].text:
            end = i - 1
            break
    content = _chars(tok.doc, tok.i + 1, end)
    if content is None:
        return None
    content, quote = _quote_or_plain(text, content)
    return Found(
        cue=(tok.idx, tok.idx + 1), lemma=":", source=_chars(tok.doc, start, tok.i - 1),
        source_root=left.root.i, content=content, channel=None, quote=quote,
    )


def _is_name(tokens: Span) -> bool:
    """A proper name, or a capitalised headline word or two ("Poll", "New Survey")."""
    if any(t.pos_ == "PROPN" for t in tokens):
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
    if quote is None or text[quote[1]:dash].strip(" \xa0,."):
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
        cue=(dash, dash + 1), lemma="―", source=_chars(doc, names[0].i, names[-1].i),
        source_root=names[0].i, content=quote, channel=None, quote=True,
    )


def _noun_cue(tok: Token) -> Found | None:
    """ "Trump's claim that ...", "reports by Tass that ...": a reporting noun with a that-clause."""
    clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "appos")
                   and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)), None)
    if clause is None:
        return None
    speaker = next((c for c in tok.children if c.dep_ == "poss"), None)
    if speaker is None:
        by = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
        speaker = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    return Found(
        cue=(tok.idx, tok.idx + len(tok)), lemma=tok.lemma_.lower(),
        source=_source_span(speaker) if speaker is not None else None,
        source_root=speaker.i if speaker is not None else None,
        content=_chars(tok.doc, clause.left_edge.i, clause.right_edge.i), channel=None, quote=False,
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
    for tok in doc:
        item = None
        if tok.lower_ == "according":
            item = _according_to(tok)
        elif tok.lower_ == "in":
            item = _in_poll(tok)
        elif tok.text == ":":
            item = _colon_cue(tok, finder.text)
        elif tok.text[-1] in _DASHES or tok.text == "--":
            item = _dash_cue(tok, finder)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in NOUN_CUES:
            item = _noun_cue(tok)
        elif _is_cue_verb(tok):
            item = _verb_attribution(finder, tok)
        if item is not None and not _quoted(finder, item):
            found.append(item)
    return found


def _quoted(finder: _Finder, item: Found) -> bool:
    """Whether the cue lies inside a direct quotation: the quoted speaker's own words, not the reporter's.

    A quotation is content already attributed to whoever is quoted; "“I think we will win,” she said"
    holds one attribution (she said), not two. PolNeAR's annotators mark none inside quotations.
    """
    inside = quote_at(finder.quotes, *item.cue)
    return inside is not None and inside[0] < item.cue[0] and item.cue[1] < inside[1]

