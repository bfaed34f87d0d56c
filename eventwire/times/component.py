"""spaCy component of the times stage: find temporal expressions and give them TIMEX3 values.

Candidates are spaCy's DATE/TIME entities (adjacent ones merged: the small model splits
"Wednesday morning") plus a regex for what NER misses ("now", "recently", "every week", years in
words). Each candidate is resolved by the pure `timex.resolve` against ``doc._.published`` with
hints from the article read so far, in one pass in text order:

- the tense of the clause the expression hangs on (`tense.verb_tense`), which picks the direction of
  a bare weekday or month ("will meet on Tuesday" is the coming Tuesday);
- the last calendar date mentioned, from which anaphoric expressions count ("that day", "the
  following year", "two decades later");
- the quarter in focus, which financial news compares against ("a year earlier");
- the article's order of day and month in numeric dates (03/04/2009), from its unambiguous ones.

A range of two dates ("from 2009 to 2011", "between 2014 and 2016") is kept as its two dates plus a
DURATION over the whole range, as TIMEX3 corpora annotate it. Candidates `resolve` cannot read are
dropped, which keeps precision up. Every step is linear in the length of the article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from eventwire.nlp.stage import Stage
from eventwire.nlp.tokens import token_table
from eventwire.schema import TimeExpr
from eventwire.times.starts import StartFilter
from eventwire.times.tense import verb_tense
from eventwire.times.timex import (
    HOLIDAY_NAMES,
    MONTHS,
    WEEKDAYS,
    Hints,
    Timex,
    calendar_point,
    numeric_date_order,
    resolve,
)

__all__ = ["TimesStage", "make_times"]

_WEEKDAY_RE = "|".join(w for w in WEEKDAYS if len(w) > 3)
# A bare year NER leaves untagged after a preposition: "from 2009 to 2011", "by 2018".
_YEAR_AFTER_PREP = ("(?:" + "|".join(rf"(?<=\b{p} )" for p in ("in", "since", "by", "to", "until", "till", "from",
                                                                  "between", "and", "during", "before", "after",
                                                                  "through"))
                    + r")(?:1[5-9]\d\d|20\d\d)(?![\d,.]\d|\s*(?:%|percent)|\s+[a-z]+s\b)")
_PLURAL_UNITS = r"(?:hours|days|weeks|months|years|decades)"
_MONTH_RE = "|".join(sorted((m for m in MONTHS if m != "may"), key=len, reverse=True))  # "may" is a verb
_HOLIDAY_RE = "|".join(re.escape(h) for h in HOLIDAY_NAMES if h not in ("new year", "easter", "christmas"))
_NUM_WORD = (r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
             r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|"
             r"seven|eight|nine))?)")
# Expressions spaCy's small model often leaves untagged; matched case-insensitively on whole words. Every one
# starts with a word character: the lookahead spares the alternatives at each word's end (a third of the cost).
EXTRA = re.compile(
    r"\b(?=\w)(?:(?:(?:several|many|a\s+few|few|recent)\s+)?" + _PLURAL_UNITS + r"\s+(?:or|and)\s+(?:even\s+)?"
    + _PLURAL_UNITS + r"|now|currently|current|recently|nowadays|lately|\d{1,2}/\d{1,2}/\d{2}(?:\d{2})?|"
    r"(?:the|near) future|the past|at present|these days|the (?:near|short|long) term|"
    r"today|yesterday|tomorrow|tonight|(?:this|last|next) (?:week|month|year|weekend)|"
    r"the (?:day|week|month|year) (?:before|after)(?=\s*(?:[.,;:!?)]|$))|"
    r"(?:several|many|multi|few)-(?:year|month|week|day|decade)s?|(?:hour|day|week|month|year|decade)-long|"
    r"(?:post|pre|mid)-(?:1[5-9]|20)\d\d|(?:[01]\d|2[0-3])[0-5]\d\s?(?:GMT|UTC|BST|CET|EST|EDT|hrs)|"
    r"this (?:crucial |critical |difficult |very )?moment|"
    r"(?:a|some) later (?:date|time|stage)|(?:several|coming|future|recent) quarters|year(?:-|\s|'s\s)end|"
    r"(?:early|late|mid)[\s-]?(?:morning|afternoon|evening)(?:\s+(?:yesterday|today|tomorrow))?|"
    r"(?:(?:last|next|this)\s+)?(?:" + _WEEKDAY_RE + r")(?:\s+(?:morning|afternoon|evening|night))?|"
    r"daily|weekly|monthly|annually|every (?:day|week|month|year|quarter)|"
    r"(?:recent|several|many|a few|few) (?:years|months|weeks|days|decades)|"
    r"(?:years|months|weeks|decades|days) ago|"
    r"(?:" + _MONTH_RE + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,\s+\d{4})?|"
    r"\d{1,2}(?::\d{2})?\s*[ap]\.m\.?(?:\s*(?:EST|EDT|CST|CDT|PST|PDT|GMT|UTC))?(?:,?\s+(?:" + _MONTH_RE
    + r")\.?\s+\d{1,2})?|\d{1,2}:\d{2}(?:\s*(?:utc|gmt))?|"
    r"\d{1,2}(?::\d{2})?\s+(?:o'clock\s+)?(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)|"
    r"(?:earlier|later|early|late)\s+in\s+the\s+(?:year|month|week|quarter)|"
    r"(?<=\bfor )(?:a\s+while|some\s+time)|"
    r"(?<=\bfor )a\s+(?:(?:fairly|very|relatively|rather)\s+)?(?:long|lengthy|extended|short|brief)\s+"
    r"(?:period|spell|stretch)(?:\s+of\s+time)?|"
    r"(?:fiscal[\s-]+)?(?:first|second|third|fourth)[\s-]+(?:fiscal[\s-]+)?quarter"
    r"(?:\s+of\s+(?:fiscal\s+)?(?:1[5-9]|20)\d\d)?|"
    r"(?:a\s+|the\s+(?:past\s+|last\s+)?)?(?:quarter|half)[\s-]+(?:a\s+)?century|"
    r"the (?:year-earlier|year-ago|comparable|corresponding) (?:\d+|three|six|nine|twelve) months|"
    r"(?:(?:at\s+least|about|nearly|almost)\s+)?(?:the\s+)?(?:first|second|last|latter)\s+(?:half|two\s+quarters)\s+of\s+(?:fiscal\s+)?(?:\d{4}|"
    r"the\s+(?:'\d0s|\d{3}0s))|"
    r"(?:(?:last|next|this)\s+)?(?:" + _HOLIDAY_RE + r")|"
    r"the (?:latest|most recent|year-ago|year-earlier|comparable|corresponding|same) (?:period|quarter)"
    r"(?: (?:a year (?:ago|earlier)|last year|of (?:the )?(?:last|previous|prior) year))?|"
    r"(?:(?:at least|more than|about|nearly|almost|some|another|over|under)\s+)?(?:\d+|a|an|" + _NUM_WORD
    + r"|one|two|three|four|five|six|seven|eight|nine)(?:\s+and\s+a\s+half|\s+1/2)?\s+(?:(?:more|additional|further|"
    r"straight|consecutive|trading|business|working)\s+)?(?:decades?|years?|months?|weeks?|days?|hours?|minutes?)"
    r"(?:\s+ago)?(?![\s-]+old)|" + _YEAR_AFTER_PREP + r"|"
    r"(?:the year )?(?:nineteen|eighteen)[\s-]" + _NUM_WORD + r"|the year two thousand(?:[\s-]" + _NUM_WORD + r")?|"
    r"the (?:nineteen[\s-])?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)|"
    r"(?<!\d )(?<![\w-])(?:years|months|weeks|decades|centuries))\b",
    re.IGNORECASE,
)
_EXTRA_STARTS = StartFilter(EXTRA)  # EXTRA tried only at the word starts that can open one of its matches
# "current" and "recent" are times only on their own ("current levels"), not before a unit
# ("the current quarter", found by NER) or in fixed phrases.
_NOT_ALONE = re.compile(r"^current$", re.IGNORECASE)
_UNIT_AFTER = re.compile(r"\s+(?:years?|months?|weeks?|days?|quarters?|decades?|period|account)\b", re.IGNORECASE)
# A leading preposition is outside the TIMEX3 span in TimeBank ("on Wednesday" -> "Wednesday").
LEADING = re.compile(r"^[\s,;:]*(?:(?:on|in|at(?!\s+(?:least|most)\b)|since|by|during|until|till|from|for|of|over|"
                     r"through|throughout|within|before|after|as of|between)\s+)?", re.IGNORECASE)
TRAILING = re.compile(r"(?:'s|’s|[\s,.;:]+)$")
# "each Thursday", "every quarter": the quantifier is part of a SET expression NER leaves out.
_SET_BEFORE = re.compile(r"\b(?:every|each)\s+$", re.IGNORECASE)
_BARE_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
_PERIOD_AFTER = re.compile(r"\s+(?:fiscal\s+)?(?:period|quarter)\b", re.IGNORECASE)
QUARTER_TEXT = re.compile(r"quarter|\bq[1-4]\b", re.IGNORECASE)
# A quarter compared against ("the year-ago quarter") is not the quarter in focus.
_COMPARED = re.compile(r"year[\s-]+(?:ago|earlier)|prior|previous|last year|a year|same|comparable", re.IGNORECASE)
# A quarter told as background ("after a flat second quarter", "since the first quarter") is not the
# quarter the report is about, which later comparisons ("a year ago") count from.
_BACKGROUND = re.compile(r"\b(?:after|following|since)\s+(?:(?:a|an|the|its|their)\s+)?(?:[a-z]+\s+)?$",
                         re.IGNORECASE)
# A figure compared with an earlier one: "up from $5 million last year", "than a year ago".
_COMPARISON = re.compile(r"\b(?:from|than|with|versus|vs\.)\s+[^.;:!?]*\d[^.;:!?]*$", re.IGNORECASE)
MAX_TOKENS = 12
# Results "for the nine months" are compared with the same months of the year before, which TimeBank
# values as that year; a year-back expression after them does not mean the quarter in focus.
_PART_YEAR = {"P6M", "P9M"}
_MONTHS_WORD = re.compile(r"\bmonths\b", re.IGNORECASE)
_YEAR_BACK = re.compile(r"\byear[\s-]+(?:ago|earlier)\b|\blast\s+year\b", re.IGNORECASE)
AGE = re.compile(r"\b(?:year|month|week|day)s?[\s-]+old\b|\baged?\s+\d", re.IGNORECASE)
# TimeBank: "for the year ended Sept. 30" is the length of a fiscal year, not the calendar year.
FISCAL_PERIOD = re.compile(r"^\s*(?:ended|ending|ends|through|to date|to\s+(?:the\s+)?(?:end\s+of\s+)?(?:\d|"
                           r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b))", re.IGNORECASE)
_FUTURE_BEFORE = re.compile(r"\b(?:as (?:soon|early) as|next|coming|upcoming|will|could|might|may|can)\s*$",
                            re.IGNORECASE)
# Numeric dates whose numbers tell the article's order of day and month (13/04/2009, 04/13/2009).
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](?:\d{4}|\d{2})\b")
# The range between two resolved dates: "from 2009 to 2011", "between 2014 and 2016".
_RANGE_OPEN = re.compile(r"\b(?P<prep>from|between)\s+$", re.IGNORECASE)
_RANGE_JOIN = {"from": re.compile(r"^\s*(?:to|until|till|through|-|–)\s*$", re.IGNORECASE),
               "between": re.compile(r"^\s*(?:and|-|–)\s*$", re.IGNORECASE)}


@dataclass
class _Reading:
    """What the article has said so far that later expressions are read against."""

    anchor: date | None
    day_first: bool | None
    headline: bytearray  # per token: 1 if its sentence has no final punctuation (a headline, a dateline)
    quarter: str | None = None
    reference: str | None = None
    reference_end: int = -1  # where the expression that named ``reference`` ends
    quarter_end: int = -1  # where the last expression of the quarter in focus ends
    months_end: int = -1  # where the last "nine months" (a part of the year reported to date) ends

    def hints(self, span: Span, text: str) -> Hints:
        before = text[max(0, span.start_char - 16):span.start_char]
        in_headline = bool(self.headline[span.root.i])
        tense = "future" if _FUTURE_BEFORE.search(before) else verb_tense(span, in_headline)
        compared = bool(_COMPARISON.search(text[max(0, span.start_char - 40):span.start_char]))
        quarter, reference = self.quarter, self.reference
        if self.months_end > self.quarter_end and _YEAR_BACK.search(span.text):
            # "nine months ..., compared with ... a year earlier": the year before the report's, not a quarter
            # (nor a year before the last year named: the months compared are this year's)
            quarter = reference = None
        return Hints(tense=tense, compared=compared, quarter=quarter, reference=reference,
                     day_first=self.day_first)

    def _ahead(self, quarter: str) -> bool:
        """A quarter after the anchor's is a forecast ("profit in the third quarter of 1990"), not the
        quarter reported, which "a year earlier" compares against. (The anchor's own quarter may be a
        fiscal one that has ended: "fourth-quarter profit" of a year that ends in September.)"""
        return self.anchor is not None and quarter > f"{self.anchor.year:04d}-Q{(self.anchor.month - 1) // 3 + 1}"

    def saw(self, span: Span, tx: Timex, text: str) -> None:
        """Remember a resolved expression: the quarter in focus, the months to date and the last calendar date."""
        if tx.type == "DURATION" and tx.value in _PART_YEAR and _MONTHS_WORD.search(span.text):
            self.months_end = span.end_char
        if tx.type not in ("DATE", "TIME") or calendar_point(tx.value) is None:
            return
        if QUARTER_TEXT.search(span.text) and re.fullmatch(r"\d{4}-Q[1-4]", tx.value) \
                and not _COMPARED.search(span.text) and not self._ahead(tx.value) \
                and not _BACKGROUND.search(text[max(0, span.start_char - 24):span.start_char]):
            self.quarter, self.quarter_end = tx.value, span.end_char
        elif self.quarter is not None and tx.value == self.quarter:
            self.quarter_end = span.end_char  # "the quarter" again
        self.reference, self.reference_end = tx.value, span.end_char

    def apposed(self, span: Span, text: str) -> bool:
        """The span renames the date just named: "Oct. 12, the day before the crash"."""
        gap = span.start_char - self.reference_end
        return 0 < gap <= 3 and text[self.reference_end:span.start_char].strip() == ","


class TimesStage(Stage):
    """Writes ``doc._.ew_times`` (schema.TimeExpr, ids t1.. in text order) and ``doc.spans["ew_times"]``."""

    name = "eventwire_times"

    def process(self, doc: Doc) -> None:
        text = token_table(doc).text  # Doc.text is rebuilt from the tokens on every access
        reading = _Reading(doc._.published, day_order(text), headlines(doc))
        found: list[tuple[Span, Timex]] = []
        for cand in joined(doc, text, candidates(doc, text)):
            found += resolve_span(cand, text, reading)
        found = distributed(text, found)
        found = sorted(found + second_days(doc, text, found), key=lambda st: st[0].start_char)
        found = sorted(found + ranges(doc, text, found), key=lambda st: (st[0].start_char, -st[0].end_char))
        times: list[TimeExpr] = []
        spans: list[Span] = []
        for span, tx in found:
            tid = f"t{len(times) + 1}"
            times.append(_time_expr(tid, span, tx))
            span.kb_id_ = tid
            spans.append(span)
        doc._.ew_times = times
        doc.spans["ew_times"] = SpanGroup(doc, name="ew_times", spans=spans)


_TERMINAL = {".", "!", "?", '"', "”", "''", "'", "’"}


def headlines(doc: Doc) -> bytearray:
    """Per token, whether its sentence lacks final punctuation (computed once: `Span.sent` per
    expression would scan its sentence again and again)."""
    flags = bytearray(len(doc))
    if not doc.has_annotation("SENT_START"):
        return flags
    for sent in doc.sents:
        if sent[-1].text not in _TERMINAL:
            flags[sent.start:sent.end] = b"\x01" * len(sent)
    return flags


def day_order(text: str) -> bool | None:
    """Whether the article writes numeric dates day first (True), month first (False), or never says.

    Decided by its unambiguous numeric dates (13/04/2009 is day first, 04/13/2009 month first), and
    more weakly by how it writes dates in words ("13 April" is the British order, "April 13" the
    American): the majority wins; 03/04/2009 alone in an article with no other date says nothing.
    """
    votes = 0
    for m in _NUMERIC_DATE.finditer(text):
        order = numeric_date_order(int(m.group(1)), int(m.group(2)))
        if order is not None:
            votes += 3 if order else -3
    votes += len(_DAY_MONTH_WORDS.findall(text)) - len(_MONTH_DAY_WORDS.findall(text))
    return None if votes == 0 else votes > 0


_MONTH_NAMES = r"(?:January|February|March|April|June|July|August|September|October|November|December|" \
               r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b"
_DAY_MONTH_WORDS = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH_NAMES)
_MONTH_DAY_WORDS = re.compile(_MONTH_NAMES + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?![\d:])")


def resolve_span(span: Span, text: str, reading: _Reading) -> list[tuple[Span, Timex]]:
    """The span's value, or else the values of its longest resolvable parts, in text order; each
    is told to ``reading`` as it is found, so a part reads the dates before it.

    NER glues neighbours together ("56\nOctober 6, 2011", "November 11, three days later"); rather
    than lose them, the longest resolvable token window is kept and the rest searched again.
    """
    trimmed = _trim(span)
    if trimmed is None or AGE.search(span.text):
        return []  # an age ("a 52-year-old man") is not a temporal expression
    span = _with_context(trimmed, text)
    if not_a_time(span, text, bool(reading.headline[span.root.i])):
        return []
    if (tx := _resolved(span, text, reading)) is not None:
        return [(span, tx)]
    n = len(span)
    if n < 2 or n > MAX_TOKENS:
        return []
    for size in range(n - 1, 0, -1):
        for i in range(n - size + 1):
            part = _trim(span[i:i + size])
            if part is None or not part.text.strip() or _resolved(part, text, reading, tell=False) is None \
                    or not_a_time(part, text, bool(reading.headline[part.root.i])):
                continue
            left = resolve_span(span[:i], text, reading) if i else []
            tx = _resolved(part, text, reading)  # again: the left part may have named a date
            right = resolve_span(span[i + size:], text, reading) if i + size < n else []
            return [*left, *([(part, tx)] if tx is not None else []), *right]
    return []


def _resolved(span: Span, text: str, reading: _Reading, tell: bool = True) -> Timex | None:
    """The value of ``span`` read against the article so far (and told to it, unless ``tell`` is off)."""
    said = span.text
    if (m := _BEFORE_AFTER.match(text, span.end_char)) and _UNIT_ALONE.fullmatch(said) \
            and not reading.apposed(span, text):
        said += " " + m.group(1).lower()  # "the day after his death": a day on from the date in focus
    tx = resolve(said, reading.anchor, reading.hints(span, text))
    if tx is None:
        return None
    tx = _fiscal(span, text, tx)
    if _RATE.match(span.text) and _AMOUNT_BEFORE.search(text[max(0, span.start_char - 32):span.start_char]):
        tx = Timex(tx.value, "SET")  # "15 a year": a frequency, TIMEX3's SET
    if tell:
        reading.saw(span, tx, text)
    return tx


# A rate ("$500 million a year", "four flights a week", "24 hours a day"): the unit is a divisor, a SET.
_RATE = re.compile(r"^(?:a|an|per)\s+(?:year|month|week|day|hour|minute|quarter)$", re.IGNORECASE)
_NUMBER_WORD = (r"(?<!\w)(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|dozen|"
                r"hundred|thousand|million|billion|trillion|percent|cents?|once|twice)")
# a number and at most two words after it: "$500 million", "four flights", "10,000 units", "20%"
_AMOUNT_BEFORE = re.compile(_NUMBER_WORD + r"%?(?:\s+[a-z]+){0,2}\s+$", re.IGNORECASE)
# Words of time that name a programme or a title when written capitalised mid-sentence ("ABC's This
# Week", "CBS's 60 Minutes", "VOA Today"); weekdays, months and holidays are capitalised anyway.
_TITLE_WORDS = re.compile(r"\b(?:Today|Tonight|Tomorrow|Yesterday|Now|Daily|Weekly|Week|Weekend|Month|Year|Years|"
                          r"Days?|Hours?|Minutes?|Decade|Century)\b")


def not_a_time(span: Span, text: str, headline: bool) -> bool:
    """Spans that look like time expressions but are not: titles, "a second" before a noun, and "the
    day" or "the night" on their own (figures of speech far more often than dates: "the day belonged
    to", "late in the day", "on the night")."""
    if not headline and not _starts_sentence(span) and _TITLE_WORDS.search(span.text) \
            and not _NAMED_DAY.search(span.text):
        return True
    lower = span.text.lower()
    if lower == "a second" and _WORD_AFTER.match(text, span.end_char):
        return True  # "a second election": an ordinal
    if lower in _RATE_ADVERBS and _AMOUNT_BEFORE.search(text[max(0, span.start_char - 32):span.start_char]):
        return True  # "to rise 8.5% annually": the rate of a figure, which TimeBank leaves unmarked
    return lower in ("the day", "the night") and not _BEFORE_AFTER.match(text, span.end_char)


_RATE_ADVERBS = {"annually", "yearly"}
_NAMED_DAY = re.compile(r"\b(?:" + "|".join([*WEEKDAYS, *MONTHS, *HOLIDAY_NAMES]) + r")\b", re.IGNORECASE)
_BEFORE_AFTER = re.compile(r"\s+(before|after)\b", re.IGNORECASE)
_UNIT_ALONE = re.compile(r"the (?:day|week|month|year)", re.IGNORECASE)
_WORD_AFTER = re.compile(r"\s+(?!later\b|ago\b|earlier\b|before\b|after\b|or\b|and\b)[a-z]", re.IGNORECASE)
_OPENING = {"``", '"', "“", "'", "‘", "(", "[", "-", "--", "_"}


def _starts_sentence(span: Span) -> bool:
    """The span opens its sentence, perhaps after an opening quote or dash (``Today is ...)."""
    first = span[0]
    if first.is_sent_start or first.i == 0:
        return True
    prev = span.doc[first.i - 1]
    return prev.text in _OPENING and (prev.is_sent_start or prev.i == 0 or prev.nbor(-1).text in (".", "!", "?", ":"))


def _with_context(span: Span, text: str) -> Span:
    """Take in the words NER leaves out of an expression: the quantifier of a SET ("each Thursday",
    "every quarter") and the period a year qualifies ("the 1989 period", "the 1988 quarter")."""
    start, end = span.start_char, span.end_char
    if m := _SET_BEFORE.search(text[max(0, start - 8):start]):
        start -= len(m.group(0))
    if _BARE_YEAR.fullmatch(span.text) and (m := _PERIOD_AFTER.match(text, end)):
        end = m.end()
    if (start, end) == (span.start_char, span.end_char):
        return span
    return span.doc.char_span(start, end, alignment_mode="contract") or span


_UNIT_BEFORE = re.compile(r"the\s+(?:day|morning|afternoon|evening|night|week|weekend|month|year)", re.IGNORECASE)
_BEFORE_AFTER_GAP = re.compile(r"\s+(?:before|after)\s+", re.IGNORECASE)


def joined(doc: Doc, text: str, spans: list[Span]) -> list[Span]:
    """Join "the day" to a date named right after "before"/"after" ("the day before last Tuesday"):
    one expression, a day on from that date, not the day in focus and a second date."""
    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        if prev is not None and _UNIT_BEFORE.fullmatch(prev.text) \
                and _BEFORE_AFTER_GAP.fullmatch(text[prev.end_char:span.start_char]):
            out[-1] = doc[prev.start:span.end]
        else:
            out.append(span)
    return out


_WEEKDAY_ONLY = re.compile(r"(?P<wday>" + _WEEKDAY_RE + r")", re.IGNORECASE)
_COORDINATION = re.compile(r"\s*(?:,|,?\s*(?:and|or))\s*", re.IGNORECASE)
_WEEKLY = re.compile(r"XXXX-WXX-[1-7](?P<part>T[A-Z]{2})?")


def distributed(text: str, found: list[tuple[Span, Timex]]) -> list[tuple[Span, Timex]]:
    """A bare weekday coordinated with a weekly SET shares it: in "on Monday and Tuesday nights" both
    days recur ("XXXX-WXX-1TNI"), as the plural says; read alone, "Monday" would be one date."""
    out = list(found)
    for k in range(len(out) - 2, -1, -1):
        (a, _), (b, tb) = out[k], out[k + 1]
        m = _WEEKLY.fullmatch(tb.value)
        day = _WEEKDAY_ONLY.fullmatch(a.text)
        if tb.type != "SET" or m is None or day is None or not _COORDINATION.fullmatch(text[a.end_char:b.start_char]):
            continue
        wday = WEEKDAYS[day.group("wday").lower()] + 1
        out[k] = (a, Timex(f"XXXX-WXX-{wday}{m.group('part') or ''}", "SET"))
    return out


_DAY_END = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?$")
# "April 24 and 25", "May 3 to 10": a second day of the same month, not followed by a noun ("25 people")
_SECOND_DAY = re.compile(r"\s*(?:and|or|to|through|-|–)\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?\b"
                         r"(?![.,]?\d|\s*(?:%|percent)|\s+(?!(?:in|at|on|of|for|and|when|while|with)\b)[a-z])",
                         re.IGNORECASE)


def second_days(doc: Doc, text: str, found: list[tuple[Span, Timex]]) -> list[tuple[Span, Timex]]:
    """The bare day after a month-and-day date ("the summit on April 24 and 25"): a date of that month."""
    out: list[tuple[Span, Timex]] = []
    starts = {span.start_char for span, _ in found}
    for span, tx in found:
        point = calendar_point(tx.value)
        m = _SECOND_DAY.match(text, span.end_char)
        if point is None or point[1] != "D" or m is None or not _DAY_END.search(span.text) \
                or m.start("day") in starts:
            continue
        day = int(m.group("day"))
        second = doc.char_span(m.start("day"), m.end("day"), alignment_mode="contract")
        if second is not None and point[0].day < day <= 31:
            try:
                out.append((second, Timex(point[0].replace(day=day).isoformat(), "DATE")))
            except ValueError:  # "Feb. 28 and 30": no such day
                continue
    return out


def ranges(doc: Doc, text: str, found: list[tuple[Span, Timex]]) -> list[tuple[Span, Timex]]:
    """DURATIONs over "from X to Y" / "between X and Y" for consecutive dates of one granularity."""
    out: list[tuple[Span, Timex]] = []
    for (a, ta), (b, tb) in zip(found, found[1:], strict=False):
        opener = _RANGE_OPEN.search(text[max(0, a.start_char - 10):a.start_char])
        if opener is None or not _RANGE_JOIN[opener.group("prep").lower()].match(text[a.end_char:b.start_char]):
            continue
        length = range_length(ta.value, tb.value)
        span = doc.char_span(a.start_char - len(opener.group(0)), b.end_char, alignment_mode="contract")
        if length is not None and span is not None:
            out.append((span, Timex(length, "DURATION")))
    return out


def range_length(start: str, end: str) -> str | None:
    """The TIMEX3 length from one calendar value to another of the same granularity ("2009", "2011" -> P2Y)."""
    a, b = calendar_point(start), calendar_point(end)
    if a is None or b is None or a[1] != b[1] or b[0] <= a[0]:
        return None
    if a[1] == "Y":
        return f"P{b[0].year - a[0].year}Y"
    if a[1] == "M":
        return f"P{(b[0].year - a[0].year) * 12 + b[0].month - a[0].month}M"
    if a[1] == "D":
        return f"P{(b[0] - a[0]).days}D"
    return None


def _fiscal(span: Span, text: str, tx: Timex) -> Timex:
    """'the year ended June 30', 'the year to 31 December' are a one-year DURATION (as TimeBank writes
    them), not the anchor's year."""
    after = text[span.end_char:span.end_char + 24]
    whole_year = re.fullmatch(r"the (?:fiscal |financial )?year", span.text.lower())
    if tx.type == "DATE" and whole_year and FISCAL_PERIOD.match(after):
        return Timex("P1Y", "DURATION")
    return tx


def _time_expr(tid: str, span: Span, tx: Timex) -> TimeExpr:
    return TimeExpr(id=tid, start=span.start_char, end=span.end_char, text=span.text, value=tx.value,
                    type=tx.type)


_ZONE = re.compile(r"GMT|UTC|BST|CET|EST|EDT|PST|PDT", re.IGNORECASE)  # NER takes "GMT" for an organisation
_NAMES = {"ORG", "PERSON", "WORK_OF_ART", "PRODUCT", "FAC", "LAW", "GPE", "NORP", "LOC"}  # not EVENT: holidays


def candidates(doc: Doc, text: str) -> list[Span]:
    """Non-overlapping candidate spans in text order: merged NER spans first, then regex finds.

    A regex find that overlaps NER spans replaces them when it holds them whole ("several-year"
    over NER's "year"), and is dropped otherwise. Overlap is checked on a per-token array of owners,
    so the cost is linear in the text.
    """
    found: list[Span | None] = list(_ner_spans(doc))
    owner = [-1] * len(doc)
    for k, s in enumerate(found):
        owner[s.start:s.end] = [k] * len(s)
    for m in _EXTRA_STARTS.finditer(text):
        if _NOT_ALONE.match(m.group(0)) and _UNIT_AFTER.match(text, m.end()):
            continue
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or any(t.ent_type_ in _NAMES and not _ZONE.fullmatch(t.text) for t in span):
            continue  # NER reads it as a name: "Sheffield Wednesday", "the Sunday Times"
        hit = {owner[i] for i in range(span.start, span.end)} - {-1}
        if any(found[k].start < span.start or found[k].end > span.end for k in hit):
            continue
        for k in hit:
            found[k] = None
        owner[span.start:span.end] = [len(found)] * len(span)
        found.append(span)
    return sorted((s for s in found if s is not None), key=lambda s: s.start_char)


def _ner_spans(doc: Doc) -> Iterator[Span]:
    """DATE/TIME entities, adjacent ones merged."""
    merged: list[list[int]] = []
    for e in doc.ents:
        if e.label_ not in ("DATE", "TIME"):
            continue
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
    # "expand": a full stop that belongs to its token ("10 p.m.", "Jan.") keeps the token whole
    return span.doc.char_span(start, end, alignment_mode="expand") or span


@Language.factory("eventwire_times", assigns=["doc._.ew_times", "doc.spans"])
def make_times(nlp: Language, name: str) -> TimesStage:
    """Factory of the times stage (no settings: its rules are compiled at import)."""
    return TimesStage()
