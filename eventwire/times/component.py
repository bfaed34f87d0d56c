"""spaCy component of the times stage: find temporal expressions and give them TIMEX3 values.

Candidates are spaCy's DATE/TIME entities (adjacent ones merged: the small model splits
"Wednesday morning") plus a regex for what NER misses ("now", "recently", "every week"). Each
candidate is resolved by the pure `timex.resolve` against ``doc._.published``, with the governing
verb's tense as a hint; candidates it cannot resolve are dropped, which keeps precision up.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from eventwire.nlp.stage import Stage
from eventwire.schema import TimeExpr
from eventwire.times.timex import WEEKDAYS, Hints, Tense, Timex, resolve

__all__ = ["TimesStage", "make_times"]

_WEEKDAY_RE = "|".join(w for w in WEEKDAYS if len(w) > 3)
# Expressions spaCy's small model often leaves untagged; matched case-insensitively on whole words.
EXTRA = re.compile(
    r"\b(?:now|currently|recently|nowadays|lately|\d{1,2}/\d{1,2}/\d{2}(?:\d{2})?|"
    r"(?:the|near) future|the past|at present|these days|"
    r"today|yesterday|tomorrow|tonight|(?:this|last|next) (?:week|month|year|weekend)|"
    r"(?:(?:last|next|this)\s+)?(?:" + _WEEKDAY_RE + r")(?:\s+(?:morning|afternoon|evening|night))?|"
    r"daily|weekly|monthly|annually|every (?:day|week|month|year)|"
    r"(?:recent|several|many|a few|few) (?:years|months|weeks|days|decades)|"
    r"(?:years|months|weeks|decades|days) ago|"
    r"(?<!\d )(?<![\w-])(?:years|months|weeks|decades|centuries))\b",
    re.IGNORECASE,
)
# A leading preposition is outside the TIMEX3 span in TimeBank ("on Wednesday" -> "Wednesday").
LEADING = re.compile(r"^\s*(?:(?:on|in|at|since|by|during|until|till|from|for|of|over|through|throughout|"
                     r"within|before|after|as of|between)\s+)?", re.IGNORECASE)
TRAILING = re.compile(r"(?:'s|’s|[\s,.;:]+)$")
QUARTER_TEXT = re.compile(r"quarter|\bq[1-4]\b", re.IGNORECASE)
MAX_TOKENS = 12
AGE = re.compile(r"\b(?:year|month|week|day)s?[\s-]+old\b|\baged?\s+\d", re.IGNORECASE)
# TimeBank: "for the year ended Sept. 30" is the length of a fiscal year, not the calendar year.
FISCAL_PERIOD = re.compile(r"^\s*(?:ended|ending|ends|through|to date)\b", re.IGNORECASE)
_FUTURE_BEFORE = re.compile(r"\b(?:as (?:soon|early) as|next|coming|upcoming)\s*$", re.IGNORECASE)
_FUTURE_AUX = {"will", "wo", "'ll", "shall", "would", "'d", "going", "gonna"}


class TimesStage(Stage):
    """Writes ``doc._.ew_times`` (schema.TimeExpr, ids t1.. in text order) and ``doc.spans["ew_times"]``."""

    name = "eventwire_times"

    def process(self, doc: Doc) -> None:
        anchor: date | None = doc._.published
        times: list[TimeExpr] = []
        spans: list[Span] = []
        quarter: str | None = None
        text = doc.text  # Doc.text is rebuilt from the tokens on every access: read it once
        for cand in candidates(doc, text):
            for span, tx in resolve_span(cand, text, anchor, quarter):
                if QUARTER_TEXT.search(span.text) and re.fullmatch(r"\d{4}-Q[1-4]", tx.value):
                    quarter = tx.value
                tid = f"t{len(times) + 1}"
                times.append(_time_expr(tid, span, tx))
                span.kb_id_ = tid
                spans.append(span)
        doc._.ew_times = times
        doc.spans["ew_times"] = SpanGroup(doc, name="ew_times", spans=spans)


def resolve_span(span: Span, text: str, anchor: date | None, quarter: str | None) -> list[tuple[Span, Timex]]:
    """The span's value, or else the values of its longest resolvable parts.

    NER glues neighbours together ("56\nOctober 6, 2011", "June 17, two days"); rather than lose
    them, the longest resolvable token window is kept and the rest searched again.
    """
    trimmed = _trim(span)
    if trimmed is None or AGE.search(span.text):
        return []  # an age ("a 52-year-old man") is not a temporal expression
    span = trimmed
    tx = resolve(span.text, anchor, Hints(tense=verb_tense(span, text), quarter=quarter))
    if tx is not None:
        return [(span, _fiscal(span, text, tx))]
    n = len(span)
    if n < 2 or n > MAX_TOKENS:
        return []
    for size in range(n - 1, 0, -1):
        for i in range(n - size + 1):
            part = _trim(span[i:i + size])
            if part is None or not part.text.strip():
                continue
            tx = resolve(part.text, anchor, Hints(tense=verb_tense(part, text), quarter=quarter))
            if tx is not None:
                left = resolve_span(span[:i], text, anchor, quarter) if i else []
                right = resolve_span(span[i + size:], text, anchor, quarter) if i + size < n else []
                return [*left, (part, _fiscal(part, text, tx)), *right]
    return []


def _fiscal(span: Span, text: str, tx: Timex) -> Timex:
    """'the year ended June 30' is a one-year DURATION in TimeBank, not the anchor's year."""
    after = text[span.end_char:span.end_char + 12]
    whole_year = re.fullmatch(r"the (?:fiscal )?year", span.text.lower())
    if tx.type == "DATE" and whole_year and FISCAL_PERIOD.match(after):
        return Timex("P1Y", "DURATION")
    return tx


def _time_expr(tid: str, span: Span, tx: Timex) -> TimeExpr:
    return TimeExpr(id=tid, start=span.start_char, end=span.end_char, text=span.text, value=tx.value,
                    type=tx.type)


def candidates(doc: Doc, text: str) -> list[Span]:
    """Non-overlapping candidate spans in text order: merged NER spans first, then regex finds."""
    found: list[Span] = list(_ner_spans(doc))
    # NER spans do not overlap, so sorted by start they are sorted by end too: the only one a find can
    # overlap is the last starting before its end. Finds come in text order and are token-aligned
    # outside those spans, so of them only the last one kept can overlap the next.
    ner_starts, ner_ends = [s.start_char for s in found], [s.end_char for s in found]
    last_end = -1
    for m in EXTRA.finditer(text):
        k = bisect_left(ner_starts, m.end()) - 1
        if (k >= 0 and ner_ends[k] > m.start()) or m.start() < last_end:
            continue
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None:
            found.append(span)
            last_end = span.end_char
    return sorted(found, key=lambda s: s.start_char)


def _ner_spans(doc: Doc) -> Iterator[Span]:
    """DATE/TIME entities, adjacent ones merged, trimmed of a leading preposition."""
    ents = [e for e in doc.ents if e.label_ in ("DATE", "TIME")]
    merged: list[list[int]] = []
    for e in ents:
        if merged and e.start == merged[-1][1]:
            merged[-1][1] = e.end
        else:
            merged.append([e.start, e.end])
    for start, end in merged:
        yield doc[start:end]


def _trim(span: Span) -> Span | None:
    """Cut a leading preposition and trailing punctuation/possessive off a span (char-exact)."""
    text = span.text
    lead = LEADING.match(text)
    start = span.start_char + (lead.end() if lead else 0)
    trail = TRAILING.search(text)
    end = span.end_char - (len(trail.group(0)) if trail else 0)
    if end <= start:
        return None
    return span.doc.char_span(start, end, alignment_mode="contract") or span


def verb_tense(span: Span, text: str) -> Tense:
    """Tense of the verb the expression hangs on: "past", "future" ("will", present progressive), or None."""
    if _FUTURE_BEFORE.search(text[max(0, span.start_char - 16):span.start_char]):
        return "future"
    tok = span.root
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok or tok.dep_ == "poss":
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX for a in auxes):
        return "future"
    if tok.tag_ in ("VBD",) or any(a.tag_ == "VBD" or a.lemma_ == "have" for a in auxes):
        return "past"
    if tok.tag_ == "VBG" and auxes and all(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "future"
    return None


@Language.factory("eventwire_times", assigns=["doc._.ew_times", "doc.spans"])
def make_times(nlp: Language, name: str) -> TimesStage:
    """Factory of the times stage (no settings: its rules are compiled at import)."""
    return TimesStage()
