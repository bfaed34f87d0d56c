"""Pure TIMEX3 resolution: a temporal expression's text + the publication date -> value and type.

TIMEX3 values carry the granularity the text states (``2023``, ``2023-09``, ``2023-W36``,
``2023-Q3``, ``2023-09-13TMO``, ``P19M``, ``PRESENT_REF``): scoring a full datetime everywhere is
wrong most of the time. Everything here is a pure function of its arguments so it can be unit- and
property-tested without spaCy. Relative expressions without an anchor get ``X`` placeholders.

Two anchors: deictic expressions ("yesterday", "two years ago", "next week") count from the
publication date; anaphoric ones ("that day", "the following year", "two decades later") from
``Hints.reference``, the last date the article named. ``Hints.tense`` turns a bare weekday, month,
date or holiday towards the past or the future: ``resolve("March 3", date(2023, 9, 13),
Hints(tense="future"))`` is 2024-03-03, with "past" 2023-03-03. Later stages that read an
expression in another clause's tense can call `resolve` the same way; `calendar_point` turns a
value into its first day and granularity.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

__all__ = ["Hints", "Timex", "calendar_point", "normalise", "numeric_date_order", "resolve", "spelled_year"]

# "near": a plan told in the past ("planned a rally for Saturday") may lie on either side of the
# anchor, so the nearer occurrence wins; None: the default of news, which looks back.
Tense = Literal["past", "future", "near"] | None


@dataclass(frozen=True)
class Timex:
    """A resolved TIMEX3 value and its type (DATE, TIME, DURATION or SET)."""

    value: str
    type: str


@dataclass(frozen=True)
class Hints:
    """Context the text alone lacks.

    :param tense: tense of the governing verb ("past"/"future", or "near" for a plan told in the
        past), picks the direction of a weekday.
    :param compared: the expression ends a comparison of figures ("up from $5 million last year"),
        which in a quarterly report means the same quarter a year back.
    :param quarter: the last quarter value ("1989-Q3") mentioned earlier in the article, which
        financial news compares against ("up from $5 million a year ago" = the same quarter).
    :param reference: the value of the last calendar date mentioned before the expression ("1995",
        "1998-10-23"): anaphoric expressions ("that day", "the following year", "two decades later")
        count from it, deictic ones ("yesterday", "two years ago") from the anchor.
    :param day_first: how the article writes numeric dates: True for 03/04/2009 = 3 April, False for
        4 March, None when it does not say (the reading nearer the anchor wins).
    """

    tense: Tense = None
    compared: bool = False
    quarter: str | None = None
    reference: str | None = None
    day_first: bool | None = None


MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
UNITS = {
    "year": "Y", "yr": "Y", "month": "M", "week": "W", "day": "D", "hour": "TH", "hr": "TH",
    "minute": "TM", "min": "TM", "second": "TS", "sec": "TS", "decade": "DE", "century": "CE",
    "quarter": "Q", "weekend": "WE",
}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_SMALL = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
NUMBER_WORDS: dict[str, float] = {w: i for i, w in enumerate(_SMALL)} | _TENS | {
    "a": 1, "an": 1, "one": 1, "a couple of": 2, "a couple": 2, "couple of": 2, "a dozen": 12, "dozen": 12,
    "a hundred": 100, "one hundred": 100, "hundred": 100, "a half": 0.5, "half a": 0.5, "half an": 0.5,
    "a thousand": 1000,
}
VAGUE = ("several", "many", "few", "a few", "some", "the past few", "the last few", "the next few",
         "the coming", "the past several", "the last several", "numerous", "countless", "recent")

_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30,
}
_UNITS_ORD = {w: n for w, n in _ORDINAL_WORDS.items() if n < 10}


def _day_ordinal(raw: str) -> int | None:
    """"8", "8th", "eighth", "twenty-first" as a day of the month."""
    raw = re.sub(r"[\s-]+", " ", raw.strip())
    if m := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", raw):
        return int(m.group(1))
    if raw in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[raw]
    tens, _, unit = raw.partition(" ")
    if tens in ("twenty", "thirty") and unit in _UNITS_ORD:
        return _TENS[tens] + _UNITS_ORD[unit]
    return None


_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WDAY = r"(?P<wday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
_PART = r"(?P<part>morning|afternoon|evening|night|overnight)s?"
_UNIT = r"(?P<unit>" + "|".join(sorted(UNITS, key=len, reverse=True)) + r")(?:s|es)?"
_NUMW = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
_TENW = "|".join(_TENS)
_SMALLW = "|".join(_SMALL[1:])
_UNITW = "|".join(_SMALL[1:10])
_NUM = (rf"(?P<num>\d+(?:\.\d+)?(?:\s+1/2)?|(?:{_TENW})(?:[\s-](?:{_SMALLW}))?|{_NUMW})"
        r"(?P<andhalf>\s+and\s+a\s+half)?")
# Words between a number and its unit that do not change the length: "20 more years", "eight trading days".
_UNIT_ADJ = (r"(?:(?:more|additional|extra|further|straight|consecutive|full|long|whole|short|trading|business|"
             r"working|school|calendar|fiscal|successive)\s+)*")
_QUAL = (r"(?:(?:about|around|nearly|almost|approximately|roughly|some|over|more\s+than|less\s+than|"
         r"fewer\s+than|up\s+to|at\s+least|just|only|barely|a\s+full|the\s+first|the\s+past|the\s+last|"
         r"the\s+next|the\s+previous|the\s+coming|the\s+following|the\s+final|another|an\s+additional|"
         r"the\s+better\s+part\s+of|a\s+period\s+of|within|for|the|past|last|next|first|final|all|"
         r"year[\s-]+(?:earlier|ago)|comparable|corresponding|"
         r"well\s+over|under|close\s+to|upwards\s+of|an\s+estimated|an|a)\s+)*")
# Years in words: "nineteen ninety-six", "nineteen oh five", "two thousand and one", "twenty ten".
_TEEN_OR_TENS = rf"(?:(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|" \
                rf"(?:{_TENW})(?:[\s-](?:{_UNITW}))?)"
_YEAR_WORDS = (rf"(?:(?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)[\s-]+"
               rf"(?:hundred|oh[\s-]+(?:{_UNITW})|{_TEEN_OR_TENS})|"
               rf"two[\s-]+thousand(?:[\s-]+(?:and[\s-]+)?(?:{_UNITW}|{_TEEN_OR_TENS}))?)")
_YEAR = r"(?P<year>\d{4}|'\d{2}|" + _YEAR_WORDS + ")"
_TZ = r"utc|gmt|edt|est|cst|cdt|pst|pdt|et|bst|cet|cest"
_TIME = (r"(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<ampm>a\.?\s?m\.?|p\.?\s?m\.?)?"
         r"(?:\s*(?:\((?P<tz>" + _TZ + r")\b[^)]*\)|(?P<tz2>" + _TZ + r")\b))?")

_PREP = re.compile(r"^(?:on|in|at(?!\s+(?:least|most)\b)|since|by|during|until|till|from|for|of|as\s+of|over|"
                   r"before|after|around|about|through|throughout|within|between|starting|beginning|ending)\s+")


def normalise(text: str) -> str:
    """Lower-case, unify quotes/dashes/space, drop a possessive and outer punctuation."""
    t = text.lower().replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    t = re.sub(r"\s+", " ", t).strip(" ,;:!?\"()[]")
    t = re.sub(r"'s$|s'$", "", t).strip()
    return t


def _number(raw: str, andhalf: str | None = None) -> float | None:
    """Digits or English number words ("twenty-five", "a couple of", "2 1/2") as a number."""
    raw = re.sub(r"[\s-]+", " ", raw.strip())
    if m := re.fullmatch(r"(\d+(?:\.\d+)?)( 1/2)?", raw):
        n = float(m.group(1)) + (0.5 if m.group(2) else 0)
    elif raw in NUMBER_WORDS:
        n = NUMBER_WORDS[raw]
    else:
        parts = raw.split(" ")
        if len(parts) != 2 or parts[0] not in _TENS or parts[1] not in NUMBER_WORDS:
            return None
        n = _TENS[parts[0]] + NUMBER_WORDS[parts[1]]
    return n + 0.5 if andhalf else n


def _words_number(raw: str) -> int | None:
    """A number below 100 in words ("ninety-six", "oh five", "twelve")."""
    raw = re.sub(r"^oh ", "", raw)
    n = _number(raw)
    return int(n) if n is not None and n == int(n) and 0 < n < 100 else None


def spelled_year(raw: str) -> int | None:
    """A year written in words: "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001."""
    raw = re.sub(r"[\s-]+", " ", raw.strip().lower())
    if raw.startswith("two thousand"):
        rest = raw[len("two thousand"):].strip().removeprefix("and ").strip()
        if not rest:
            return 2000
        n = _words_number(rest)
        return None if n is None else 2000 + n
    century, _, rest = raw.partition(" ")
    hundreds = _number(century)
    if hundreds is None or not 11 <= hundreds <= 20:
        return None
    if rest == "hundred":
        return int(hundreds) * 100
    n = _words_number(rest)
    return None if n is None else int(hundreds) * 100 + n


def _fmt_num(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


# --- granular values relative to the anchor -------------------------------------------------

def _day(anchor: date | None, delta: int = 0) -> str:
    return "XXXX-XX-XX" if anchor is None else (anchor + timedelta(days=delta)).isoformat()


def _week(anchor: date | None, delta: int = 0) -> str:
    if anchor is None:
        return "XXXX-WXX"
    y, w, _ = (anchor + timedelta(weeks=delta)).isocalendar()
    return f"{y}-W{w:02d}"


def _month(anchor: date | None, delta: int = 0) -> str:
    if anchor is None:
        return "XXXX-XX"
    m = anchor.year * 12 + anchor.month - 1 + delta
    return f"{m // 12:04d}-{m % 12 + 1:02d}"


def _year(anchor: date | None, delta: int = 0) -> str:
    return "XXXX" if anchor is None else f"{anchor.year + delta:04d}"


def _quarter(anchor: date | None, delta: int = 0) -> str:
    if anchor is None:
        return "XXXX-QX"
    q = anchor.year * 4 + (anchor.month - 1) // 3 + delta
    return f"{q // 4:04d}-Q{q % 4 + 1}"


def _decade(anchor: date | None, delta: int = 0) -> str:
    return "XXX" if anchor is None else f"{anchor.year // 10 + delta:03d}"


def _century(anchor: date | None, delta: int = 0) -> str:
    return "XX" if anchor is None else f"{anchor.year // 100 + delta:02d}"


def _weekend(anchor: date | None, delta: int = 0) -> str:
    return "XXXX-WXX-WE" if anchor is None else _week(anchor, delta) + "-WE"


SHIFTERS: dict[str, Callable[[date | None, int], str]] = {
    "Y": _year, "M": _month, "W": _week, "D": _day, "Q": _quarter, "DE": _decade, "CE": _century,
    "WE": _weekend, "TH": _day, "TM": _day, "TS": _day,
}


def _weekday(anchor: date | None, wday: int, tense: Tense, offset: str | None = None) -> str:
    """The date of a weekday: past direction by default in news, future for "will"/"next"."""
    if anchor is None:
        return "XXXX-XX-XX"
    back = (anchor.weekday() - wday) % 7
    fwd = (wday - anchor.weekday()) % 7
    if offset == "last":
        return _day(anchor, -(back or 7))
    if offset in ("next", "coming"):
        return _day(anchor, fwd or 7)
    if offset == "this":
        return _day(anchor, wday - anchor.weekday())
    if tense == "near":
        return _day(anchor, fwd if fwd < back else -back)
    return _day(anchor, fwd if tense == "future" else -back)


def _year_of_month(anchor: date, month: int, tense: Tense, day: int = 15) -> int:
    """The year of a month (and day) named without one: the nearest, or in the verb's direction."""
    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    now = (anchor.year, anchor.month, anchor.day if day else 0)
    if tense == "past":
        return max(y for y in years if (y, month, day) <= now)
    if tense == "future":
        return min(y for y in years if (y, month, day) >= now)
    ahead = 1 if tense == "near" else 2  # news looks back more often than ahead: a future month counts twice

    def distance(y: int) -> float:
        months = (y - anchor.year) * 12 + month - anchor.month + (day - anchor.day) / 31
        return ahead * months if months > 0 else -months

    return min(years, key=distance)


def _full_year(raw: str, anchor: date | None) -> int:
    """'1998' -> 1998; "'98" -> 1998 (the century that puts it nearest the anchor); words -> the year."""
    if raw[:1].isalpha():
        year = spelled_year(raw)
        if year is None:
            raise ValueError(f"not a year: {raw!r}")  # resolve() skips the rule
        return year
    if not raw.startswith("'"):
        return int(raw)
    yy = int(raw[1:])
    base = (anchor.year if anchor else 2000) // 100 * 100
    cands = (base - 100 + yy, base + yy, base + 100 + yy)
    ref = anchor.year if anchor else 1990
    return min(cands, key=lambda y: abs(y - ref + 0.1))


def _valid_day(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


# --- rules: (pattern, handler). Handlers return Timex or None. ---------------------------------

Rule = tuple[re.Pattern[str], Callable[[re.Match[str], date | None, Hints], Timex | None]]
RULES: list[Rule] = []


def rule(pattern: str) -> Callable:
    """Register a handler for texts that fully match ``pattern``; earlier rules win."""
    def deco(fn: Callable) -> Callable:
        RULES.append((re.compile(pattern), fn))
        return fn
    return deco


_REFS = {
    "PRESENT_REF": r"now|right now|just now|currently|current|present|the present|at present|nowadays|"
                   r"these days|at the moment|the moment|this (?:[a-z]+ )?moment|this time|presently|today's|"
                   r"this point",
    "PAST_REF": r"recently|recent|previously|the past|in the past|past|formerly|lately|earlier|once|"
                r"recent (?:years|decades)|in recent years|years ago|decades ago|long ago|"
                r"(?:several|many|some|a few|few) (?:years|decades) ago|the old days|historically",
    "FUTURE_REF": r"the future|future|in the future|soon|shortly|the near future|the coming years|"
                  r"coming years|in coming years|the years ahead|the years to come|eventually|someday|"
                  r"the (?:near|short|medium|long) term|the long run|upcoming|forthcoming|"
                  r"(?:a|some) later (?:date|time|stage)|(?:coming|future|the next few) quarters",
}


@rule(r"one\s+day")
def _one_day(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    """"will one day be" is some time ahead; otherwise "one day" is a day's length ("followed by one day")."""
    return Timex("FUTURE_REF", "DATE") if hints.tense == "future" else Timex("P1D", "DURATION")


@rule(r"(?P<ref>" + "|".join(f"(?:{p})" for p in _REFS.values()) + ")")
def _ref(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    text = m.group("ref")
    for value, pat in _REFS.items():
        if re.fullmatch(pat, text):
            return Timex(value, "DATE")
    return Timex("PRESENT_REF", "DATE")  # unreachable: the alternation came from _REFS


@rule(r"(?P<iso>\d{4}-\d{2}-\d{2})(?:t(?P<h>\d{2}):(?P<mi>\d{2})(?::\d{2}(?:\.\d+)?)?(?P<z>z)?)?")
def _iso(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
    y, mo, d = (int(x) for x in m.group("iso").split("-"))
    if not _valid_day(y, mo, d):
        return None
    if m.group("h") is None:
        return Timex(m.group("iso"), "DATE")
    return Timex(f"{m.group('iso')}T{m.group('h')}:{m.group('mi')}{'Z' if m.group('z') else ''}", "TIME")


_DEICTIC = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "this": 0, "last": -1}


@rule(r"(?:(?:early|late|earlier|later)\s+)?(?P<deic>today|yesterday|tomorrow|tonight)"
      r"(?:\s+" + _PART + ")?")
def _deictic(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    word = m.group("deic")
    value = _day(anchor, _DEICTIC.get(word, 0))
    part = PARTS.get(m.group("part") or "") or ("NI" if word == "tonight" else None)
    return Timex(f"{value}T{part}", "TIME") if part else Timex(value, "DATE")


# --- anaphoric expressions: counted from the last date mentioned (``hints.reference``) ----------

_GRANULARITY = {"Y": 0, "Q": 1, "M": 2, "W": 3, "D": 4}
_CAL = re.compile(r"(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?|Q(?P<q>[1-4])|W(?P<w>\d{2})))?")


def calendar_point(value: str | None) -> tuple[date, str] | None:
    """A TIMEX3 calendar value as (its first day, granularity "Y"/"Q"/"M"/"W"/"D"), else None.

    "1998-10-23TNI" -> (1998-10-23, "D"); "1988-Q3" -> (1988-07-01, "Q"); "PXY" -> None.
    """
    m = _CAL.match(value or "")
    if m is None:
        return None
    y = int(m.group("y"))
    try:
        if m.group("d"):
            return date(y, int(m.group("m")), int(m.group("d"))), "D"
        if m.group("m"):
            return date(y, int(m.group("m")), 1), "M"
        if m.group("q"):
            return date(y, 3 * int(m.group("q")) - 2, 1), "Q"
        if m.group("w"):
            return date.fromisocalendar(y, int(m.group("w")), 1), "W"
    except ValueError:
        return None
    return date(y, 1, 1), "Y"


def _base(anchor: date | None, hints: Hints) -> tuple[date, str] | None:
    """The point an anaphoric expression counts from: the last date mentioned, else the anchor."""
    return calendar_point(hints.reference) or ((anchor, "D") if anchor else None)


def _shift(day: date, unit: str, n: int) -> date:
    """``day`` moved by n units (Y, Q, M, W, D, DE, CE), clamped to the end of a shorter month."""
    if unit in ("D", "W"):
        return day + timedelta(days=n * (7 if unit == "W" else 1))
    months = n * {"Y": 12, "Q": 3, "M": 1, "DE": 120, "CE": 1200}[unit]
    k = day.year * 12 + day.month - 1 + months
    y, mo = k // 12, k % 12 + 1
    for d in range(day.day, 27, -1):
        if _valid_day(y, mo, d):
            return date(y, mo, d)
    return date(y, mo, min(day.day, 28))


def _at(point: tuple[date, str] | None, unit: str) -> str:
    """A point written at the granularity of ``unit``; what the point does not know stays X."""
    if point is None:
        return {"Y": "XXXX", "Q": "XXXX-QX", "M": "XXXX-XX", "W": "XXXX-WXX"}.get(unit, "XXXX-XX-XX")
    day, have = point
    known = _GRANULARITY[have]
    if unit in ("Y", "DE", "CE"):
        return f"{day.year:04d}"
    if unit == "Q":
        return _quarter(day) if known >= 1 else f"{day.year:04d}-QX"
    if unit == "M":
        return _month(day) if known >= 2 else f"{day.year:04d}-XX"
    if unit == "W":
        return _week(day) if known >= 3 else f"{day.year:04d}-WXX"
    if known == 4:
        return day.isoformat()
    return f"{day.year:04d}-{day.month:02d}-XX" if have == "M" else f"{day.year:04d}-XX-XX"


def _moved(point: tuple[date, str] | None, unit: str, n: int) -> tuple[date, str] | None:
    return None if point is None else (_shift(point[0], unit, n), point[1])


_ANA_UNIT = r"(?P<unit>day|week|month|year|quarter|weekend|morning|afternoon|evening|night)"
_ANA_UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y", "quarter": "Q", "weekend": "W"}


def _anaphoric(point: tuple[date, str] | None, word: str, n: int) -> Timex:
    """The unit or part of day ``word`` n units from the point: "the following month", "that night"."""
    if word in PARTS:
        moved = _moved(point, "D", n)
        return Timex(f"{_at(moved, 'D')}T{PARTS[word]}", "TIME")
    unit = _ANA_UNITS[word]
    value = _at(_moved(point, unit, n), unit)
    return Timex(value + "-WE" if word == "weekend" and "WXX" not in value else value, "DATE")


_EARLY_LATE = r"(?:(?:earlier|later|early|late)\s+(?:in\s+|on\s+)?)?"


@rule(_EARLY_LATE + r"(?:that|that\s+same|that\s+very|the\s+same|the\s+very\s+same)\s+" + _ANA_UNIT + "|"
      + _EARLY_LATE + r"the\s+(?P<unit2>day|morning|afternoon|evening|night)")
def _that_unit(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    """"that day", "the same week", "later that year", "the morning": the unit of the last date named."""
    return _anaphoric(_base(anchor, hints), m.group("unit") or m.group("unit2"), 0)


_NEXT_PREV = {"following": 1, "next": 1, "succeeding": 1, "subsequent": 1, "previous": -1, "preceding": -1,
              "prior": -1}


@rule(r"(?:the\s+)?(?P<dir>following|succeeding|subsequent|previous|preceding|prior)\s+" + _ANA_UNIT + "|"
      r"the\s+(?P<dir2>next)\s+(?P<unit2>day|morning|afternoon|evening|night)|"
      r"the\s+(?P<unit3>day|morning|afternoon|evening|night|week|month|year)\s+(?P<dir3>before|after)")
def _next_unit(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    """"the following year", "the next morning", "the day before": one unit on from the last date named.

    ("next week" without "the" counts from the anchor: it is deictic.)"""
    word = m.group("unit") or m.group("unit2") or m.group("unit3")
    direction = m.group("dir") or m.group("dir2") or ("previous" if m.group("dir3") == "before" else "following")
    return _anaphoric(_base(anchor, hints), word, _NEXT_PREV[direction])


@rule(r"the\s+(?P<unit>day|morning|afternoon|evening|night|week|weekend|month|year)\s+(?P<dir>before|after)\s+"
      r"(?P<rest>.+)")
def _unit_from_date(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
    """"the day before last Tuesday", "the week after Christmas": one unit on from the date named."""
    inner = resolve(m.group("rest"), anchor, hints)
    point = calendar_point(inner.value) if inner is not None and inner.type in ("DATE", "TIME") else None
    if point is None:
        return None
    return _anaphoric(point, m.group("unit"), -1 if m.group("dir") == "before" else 1)


@rule(r"the\s+day\s+(?P<dir>before\s+yesterday|after\s+tomorrow)")
def _two_days(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    return Timex(_day(anchor, -2 if m.group("dir").startswith("before") else 2), "DATE")


@rule(r"(?:the\s+)?(?P<dir>previous|preceding|prior|following)\s+" + _WDAY)
def _wday_from_reference(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    """"the previous Friday": the Friday before the last day named."""
    point = _base(anchor, hints)
    if point is None:
        return Timex("XXXX-XX-XX", "DATE")
    day, wday = point[0], WEEKDAYS[m.group("wday")]
    if m.group("dir") == "following":
        return Timex(_day(day, (wday - day.weekday()) % 7 or 7), "DATE")
    return Timex(_day(day, -((day.weekday() - wday) % 7 or 7)), "DATE")


@rule(r"(?:(?:early|late|earlier|later)\s+)?(?P<this>this|last|yesterday|tomorrow)\s+" + _PART)
def _this_part(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    delta = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(m.group("this"), 0)
    return Timex(f"{_day(anchor, delta)}T{PARTS[m.group('part')]}", "TIME")


@rule(_TIME + r"(?:,?\s+(?:on\s+)?(?:(?P<deic>today|yesterday|tomorrow|tonight)|" + _WDAY + "|"
      + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?))?")
def _clock(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
    """"10 p.m. Wednesday", "5 p.m. EST Nov. 9", "08:30 UTC"; a bare time is on the day in focus."""
    h, mi = int(m.group("hour")), int(m.group("minute") or 0)
    ampm = (m.group("ampm") or "").replace(".", "").replace(" ", "")
    if not ampm and m.group("minute") is None:
        return None  # a bare number is not a time
    if ampm == "pm" and h < 12:
        h += 12
    elif ampm == "am" and h == 12:
        h = 0
    if h > 23 or mi > 59:
        return None
    if m.group("wday"):
        day = _weekday(anchor, WEEKDAYS[m.group("wday")], hints.tense)
    elif m.group("month"):
        dated = _day_value(anchor, MONTHS[m.group("month")], int(m.group("day")), m.group("year"), hints)
        if dated is None:
            return None
        day = dated.value
    elif m.group("deic"):
        day = _day(anchor, _DEICTIC[m.group("deic")])
    else:
        point = calendar_point(hints.reference)
        day = point[0].isoformat() if point and point[1] == "D" else _day(anchor)
    zulu = (m.group("tz") or m.group("tz2")) in ("utc", "gmt")
    return Timex(f"{day}T{h:02d}:{mi:02d}{'Z' if zulu else ''}", "TIME")


@rule(r"(?P<h>\d{1,2})(?::(?P<mi>[0-5]\d))?\s+(?:o'clock\s+)?(?:in\s+the\s+(?P<part>morning|afternoon|evening)|"
      r"(?P<night>at\s+night))")
def _clock_part(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
    """"4 in the morning", "8 in the evening", "11 at night": the part of day says a.m. or p.m."""
    h, mi = int(m.group("h")), int(m.group("mi") or 0)
    if not 1 <= h <= 12:
        return None
    if m.group("part") == "morning":
        h %= 12
    elif m.group("part") or h >= 6:  # "2 at night" is after midnight, "11 at night" before it
        h = h % 12 + 12
    point = calendar_point(hints.reference)
    day = point[0].isoformat() if point and point[1] == "D" else _day(anchor)
    return Timex(f"{day}T{h:02d}:{mi:02d}", "TIME")


@rule(r"(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?:(?P<tz>" + _TZ + r")|hrs|hours|h|local\s+time)")
def _clock_24(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    """"1405 GMT", "0830 hrs": the 24-hour clock of wire copy, on the day in focus."""
    point = calendar_point(hints.reference)
    day = point[0].isoformat() if point and point[1] == "D" else _day(anchor)
    zulu = m.group("tz") in ("utc", "gmt")
    return Timex(f"{day}T{m.group('h')}:{m.group('mi')}{'Z' if zulu else ''}", "TIME")


@rule(r"(?P<noon>noon|midday|midnight)(?:\s+(?:on\s+)?(?:(?P<deic>today|yesterday|tomorrow)|" + _WDAY + "))?")
def _noon(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    """Noon of a day; "midnight Friday" ends Friday (a deadline's day), ISO 8601's T24:00, while a bare
    "midnight" is the one that starts the day in focus."""
    if m.group("wday"):
        day = _weekday(anchor, WEEKDAYS[m.group("wday")], hints.tense)
    else:
        day = _day(anchor, _DEICTIC.get(m.group("deic") or "today", 0))
    if m.group("noon") != "midnight":
        return Timex(f"{day}T12:00", "TIME")
    return Timex(f"{day}T{'24:00' if m.group('wday') or m.group('deic') else '00:00'}", "TIME")


@rule(r"(?:(?P<off>last|next|this|past|coming|early|late|earlier|later)\s+)?" + _WDAY
      + r"(?:\s+" + _PART + r")?")
def _wday(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
    if m.group("part") and m.group(0).endswith("s"):
        return None  # "Tuesday nights" is a SET
    off = m.group("off")
    value = _weekday(anchor, WEEKDAYS[m.group("wday")], hints.tense, "last" if off == "past" else off)
    part = PARTS.get(m.group("part") or "")
    return Timex(f"{value}T{part}", "DATE") if part else Timex(value, "DATE")


@rule(r"(?:(?:early|late|mid)[\s-]*)?" + _PART + r"(?:\s+(?:of\s+)?(?:" + _WDAY
      + r"|(?P<deic>yesterday|today|tomorrow)))?")
def _part_wday(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    """"morning of Friday", "mid-afternoon yesterday"; a bare "mid-afternoon" is on the day in focus."""
    part = PARTS[m.group("part")]
    if m.group("wday"):
        return Timex(f"{_weekday(anchor, WEEKDAYS[m.group('wday')], hints.tense)}T{part}", "DATE")
    if m.group("deic"):
        return Timex(f"{_day(anchor, _DEICTIC[m.group('deic')])}T{part}", "TIME")
    point = calendar_point(hints.reference)
    day = point if point and point[1] == "D" else ((anchor, "D") if anchor else None)
    if m.group(0) == "overnight":
        # "overnight losses", "struck overnight": the night before the day in focus
        return Timex(f"{_at(_moved(day, 'D', -1), 'D')}TNI", "TIME")
    if m.group(0).startswith(m.group("part")):
        return None  # a bare "morning" is a noun more often than a time ("the morning papers")
    return _anaphoric(day, m.group("part").rstrip("s"), 0)


def _day_value(anchor: date | None, month: int, day: int | None, year: str | None, hints: Hints) -> Timex | None:
    if day is None:
        return None
    if year:
        y = _full_year(year, anchor)
    elif anchor is None:
        return Timex(f"XXXX-{month:02d}-{day:02d}", "DATE") if 1 <= day <= 31 else None
    else:
        y = _year_of_month(anchor, month, hints.tense, day)
    return Timex(f"{y:04d}-{month:02d}-{day:02d}", "DATE") if _valid_day(y, month, day) else None


# "last Oct. 23", "this coming June 5": the offset says the direction the verb would.
_WDAY_PRE = r"(?:(?P<doff>last|this past|next|this coming)\s+)?(?:" + _WDAY + r",?\s+)?"
_DAY_OFFSET: dict[str | None, Tense] = {"last": "past", "this past": "past", "next": "future", "this coming": "future"}
_DAY_WORDS = "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))
_DAY = rf"(?P<day>\d{{1,2}}(?:st|nd|rd|th)?|(?:(?:twenty|thirty)[\s-]+)?(?:{_DAY_WORDS}))"


@rule(_WDAY_PRE + _MONTH + r"\s+(?:the\s+)?" + _DAY + r"(?:,?\s+" + _YEAR + ")?")
def _month_day(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
    if m.group("doff"):
        hints = replace(hints, tense=_DAY_OFFSET[m.group("doff")])
    return _dated_weekday(m, anchor, hints) or _day_value(
        anchor, MONTHS[m.group("month")], _day_ordinal(m.group("day")), m.group("year"), hints)


@rule(_WDAY_PRE + r"(?:the\s+)?" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + ")?")
def _day_month(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
    if m.group("doff"):
        hints = replace(hints, tense=_DAY_OFFSET[m.group("doff")])
    return _dated_weekday(m, anchor, hints) or _day_value(
        anchor, MONTHS[m.group("month")], _day_ordinal(m.group("day")), m.group("year"), hints)


def _dated_weekday(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
    """"Monday, Oct. 26" without a year: the year (of the three around the anchor) that makes it a Monday."""
    day = _day_ordinal(m.group("day"))
    if not m.group("wday") or m.group("year") or anchor is None or day is None:
        return None
    month, wday = MONTHS[m.group("month")], WEEKDAYS[m.group("wday")]
    years = [y for y in (anchor.year, anchor.year - 1, anchor.year + 1)
             if _valid_day(y, month, day) and date(y, month, day).weekday() == wday]
    return Timex(f"{years[0]:04d}-{month:02d}-{day:02d}", "DATE") if years else None


_NEAR_DAYS = 31


def numeric_date_order(a: int, b: int) -> bool | None:
    """Whether a numeric date "a/b/yyyy" can only be day first (True), only month first (False), or either."""
    if a > 12 >= b:
        return True
    if b > 12 >= a:
        return False
    return None


@rule(r"(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{2}|\d{4})")
def _slash(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
    """03/04/2009: the order the numbers force, else the article's (``hints.day_first``), else the
    reading nearer the anchor, else month first (the US wire convention)."""
    y = int(m.group("y"))
    y = y if y > 99 else _full_year(f"'{y:02d}", anchor)
    a, b = int(m.group("a")), int(m.group("b"))
    if m.group("sep") == "." and len(m.group("y")) == 2 and hints.day_first is None:
        return None  # "3.04.09" could be a version number
    readings = [(d, mo) for d, mo in ((a, b), (b, a)) if _valid_day(y, mo, d)]
    if not readings:
        return None
    forced = numeric_date_order(a, b)
    day_first = forced if forced is not None else hints.day_first
    if day_first is None and anchor is not None and len(readings) == 2:
        near = [dm for dm in readings if abs((date(y, dm[1], dm[0]) - anchor).days) <= _NEAR_DAYS]
        if len(near) == 1:  # one reading is about the publication date, the other months away
            day_first = near[0] == (a, b)
    d, mo = (a, b) if day_first else (b, a)
    if not _valid_day(y, mo, d):
        return None
    return Timex(f"{y:04d}-{mo:02d}-{d:02d}", "DATE")


_REL_YEAR = r"(?P<ry>this|last|next|the past|the coming|the previous|the current)\s+year"
_REL = {"this": 0, "last": -1, "next": 1, "the past": -1, "the coming": 1, "the previous": -1,
        "the current": 0, "past": -1, "coming": 1, "previous": -1, "current": 0, "the same": 0,
        "the following": 1, "following": 1, "the last": -1, "the next": 1, "this past": -1}


@rule(r"(?:(?:early|mid|late|the end of|the beginning of|the start of|the middle of|end of|end-|"
      r"beginning of|start of|middle of)[\s-]*)?(?:(?P<off>last|next|this|the coming|this past|past)\s+)?"
      + _MONTH + r"(?:,?\s+(?:of\s+)?(?:" + _YEAR + "|" + _REL_YEAR + "))?")
def _month_only(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
    month = MONTHS[m.group("month")]
    if m.group("year"):
        y = _full_year(m.group("year"), anchor)
    elif anchor is None:
        return Timex(f"XXXX-{month:02d}", "DATE")
    elif m.group("ry"):
        y = anchor.year + _REL[m.group("ry")]
    else:
        off = m.group("off")
        tense: Tense = {"last": "past", "this past": "past", "past": "past", "next": "future",
                        "the coming": "future"}.get(off or "", hints.tense)
        y = anchor.year if off == "this" else _year_of_month(anchor, month, tense, 0)
        if off == "last" and y == anchor.year and month == anchor.month:
            y -= 1
    return Timex(f"{y:04d}-{month:02d}", "DATE")


@rule(r"(?:(?:the\s+)?(?:early|mid|late|the end of|the beginning of|the start of|the middle of|end of|"
      r"fiscal|calendar|the fiscal year|the calendar year|the year|"
      r"the summer of|fy|year-end|year end|post|pre)[\s-]*)?(?P<y>\d{4}|" + _YEAR_WORDS + ")")
def _year_only(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
    raw = m.group("y")
    if re.fullmatch(r"two[\s-]+thousand", raw) and m.group(0) == raw:
        return None  # a number ("two thousand years") unless named a year ("the year two thousand")
    y = int(raw) if raw.isdigit() else spelled_year(raw)
    if y is None or not 1000 <= y <= 2199:
        return None
    return Timex(f"{y:04d}", "DATE")


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


@rule(r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?P<dec>\d{3})0'?s|'(?P<short>\d)0'?s|"
      r"'?(?:(?P<cent>nineteen|eighteen)[\s-]+)?(?P<word>" + "|".join(_DECADE_WORDS) + r"))")
def _decade_lit(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
    """"the 1990s" -> 199, "the '80s" / "the eighties" -> the last such decade before the anchor."""
    if m.group("dec"):
        return Timex(m.group("dec"), "DATE")
    if m.group("cent"):
        return Timex(f"{18 if m.group('cent') == 'eighteen' else 19}{_DECADE_WORDS[m.group('word')]}", "DATE")
    tens = int(m.group("short")) if m.group("short") else _DECADE_WORDS[m.group("word")]
    y = _full_year(f"'{tens}0", anchor)
    if anchor and y > anchor.year:
        y -= 100
    return Timex(f"{y // 10:03d}", "DATE")


@rule(r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<c>\d{1,2})(?:st|nd|rd|th)[\s-]+century")
def _century_lit(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    return Timex(f"{int(m.group('c')) - 1:02d}", "DATE")


_Q_YEAR = r"(?:,?\s+(?:of\s+)?(?:fiscal\s+)?(?:" + _YEAR + "|" + _REL_YEAR + "))?"


@rule(r"(?:(?:the|this|last|that|its|their|a|an)\s+)?(?:(?P<y0>\d{4})\s+|(?P<ry0>this|last|next) year(?:'s)?\s+|"
      r"(?P<ago>year[\s-]+ago|year[\s-]+earlier|prior[\s-]+year|previous[\s-]+year|last[\s-]+year's)\s+)?"
      r"(?:(?:fiscal|calendar|latest|current|final|same|comparable|flat|strong|weak|disappointing|"
      r"record|difficult|usual)\s+)*"
      r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?quarter" + _Q_YEAR)
def _quarter_lit(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    q = ORDINALS[m.group("q")]
    if m.group("y0") or m.group("year"):
        return Timex(f"{_full_year(m.group('y0') or m.group('year'), anchor):04d}-Q{q}", "DATE")
    if anchor is None:
        return Timex(f"XXXX-Q{q}", "DATE")
    if m.group("ago"):  # "the year-ago third quarter": that quarter a year before the one reported
        aq = (anchor.month - 1) // 3 + 1
        return Timex(f"{anchor.year - (q > aq) - 1:04d}-Q{q}", "DATE")
    rel = m.group("ry0") or m.group("ry")
    if rel:
        return Timex(f"{anchor.year + _REL[rel]:04d}-Q{q}", "DATE")
    aq = (anchor.month - 1) // 3 + 1
    # Quarters are mostly reported after they end, whatever the verb's tense.
    return Timex(f"{anchor.year - (q > aq):04d}-Q{q}", "DATE")


@rule(r"q(?P<q>[1-4])(?:\s+(?P<year>\d{4}))?")
def _q_short(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    y = m.group("year") or _year(anchor)
    return Timex(f"{y}-Q{m.group('q')}", "DATE")


@rule(r"(?:the\s+)?(?P<h>first|second|last|latter)\s+(?:half|two\s+quarters)(?:\s+of)?(?:\s+(?:the\s+year|(?:fiscal\s+)?"
      + _YEAR + "|"
      + _REL_YEAR + "))?")
def _half(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    """"the first half of 1990" is 1990-H1, "the latter half" (of the year in view) H2."""
    if m.group("year"):
        y = f"{_full_year(m.group('year'), anchor):04d}"
    else:
        y = _year(anchor, _REL.get(m.group("ry") or "this", 0))
    return Timex(f"{y}-H{1 if m.group('h') == 'first' else 2}", "DATE")


@rule(r"(?:the\s+)?(?:first|second|last|latter|early|later)\s+(?:half|part|years)\s+of\s+(?P<rest>.+)")
def _part_of_period(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
    """"the last half of the '80s", "the early years of the century": TIMEX3 has no value for part of a
    decade or century, so the expression takes the whole period's value (coarser, but not wrong)."""
    inner = resolve(m.group("rest"), anchor, hints)
    if inner is None or inner.type != "DATE" or not re.fullmatch(r"\d{2,3}", inner.value):
        return None
    return inner


@rule(r"(?:the\s+)?(?:year[\s-]+(?:earlier|ago)|prior[\s-]+year|previous[\s-]+year|"
      r"(?P<y>\d{4}))(?:\s+(?:fiscal\s+)?(?P<unit>quarter|period|year))?")
def _year_ago(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
    """"the year-earlier quarter" / "year-ago period": the quarter in focus one year back."""
    if m.group("y"):
        if not m.group("unit") or m.group("unit") == "year":
            return None
        q = hints.quarter.split("-Q")[1] if hints.quarter else None
        return Timex(f"{m.group('y')}-Q{q}" if q else m.group("y"), "DATE")
    if hints.quarter and m.group("unit") != "year" and hints.quarter[:4].isdigit():
        return Timex(f"{int(hints.quarter[:4]) - 1:04d}-Q{hints.quarter[-1]}", "DATE")
    return Timex(_year(anchor, -1), "DATE")


_HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's day": (1, 1), "new year's eve": (12, 31), "new year": (1, 1),
             "independence day": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14),
             "veterans day": (11, 11), "boxing day": (12, 26)}


# Holidays whose date moves: (month, weekday, nth) -- US Thanksgiving is the 4th Thursday of November,
# US Election Day the Tuesday after the first Monday of November; Easter by the Gregorian computus.
_MOVING = {"thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "election day": (11, 0, 1),
           "labor day": (9, 0, 1), "memorial day": (5, 0, -1), "easter": (0, 0, 0), "easter sunday": (0, 0, 0),
           "easter week": (0, 0, 0), "good friday": (0, 0, -2), "easter monday": (0, 0, 1)}


def _moving_day(name: str, y: int) -> date:
    month, wday, nth = _MOVING[name]
    if month == 0:
        return _easter(y) + timedelta(days=nth)
    if nth < 0:  # the last such weekday of the month
        last = date(y, month + 1, 1) - timedelta(days=1)
        day = last - timedelta(days=(last.weekday() - wday) % 7)
    else:
        first = date(y, month, 1)
        day = first + timedelta(days=(wday - first.weekday()) % 7 + 7 * (nth - 1))
    return day + timedelta(days=1) if name == "election day" else day


def _easter(y: int) -> date:
    """Gregorian Easter Sunday (the anonymous computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    return date(y, month, (h + ell - 7 * m + 114) % 31 + 1)


HOLIDAY_NAMES = sorted([*_HOLIDAYS, *_MOVING], key=len, reverse=True)


@rule(r"(?:(?P<off>last|next|this|this past|this coming)\s+)?(?P<h>" + "|".join(HOLIDAY_NAMES) + r")"
      r"(?:,?\s+" + _YEAR + ")?")
def _holiday(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
    """Fixed-date holidays and moving ones (Thanksgiving, Easter, US Election Day), in the tense's direction."""
    name, year, off = m.group("h"), m.group("year"), m.group("off")
    if year:
        y = _full_year(year, anchor)
    elif anchor is not None and off == "this":
        y = anchor.year
    elif anchor is None:
        fixed = _HOLIDAYS.get(name)
        return Timex(f"XXXX-{fixed[0]:02d}-{fixed[1]:02d}" if fixed else "XXXX-XX-XX", "DATE")
    else:
        tense = {"last": "past", "this past": "past", "next": "future", "this coming": "future"}.get(
            off or "", hints.tense)
        years = (anchor.year - 1, anchor.year, anchor.year + 1)
        # a holiday week has begun by its Monday ("as Easter week began")
        days = [_holiday_date(name, y) - timedelta(days=6 if name == "easter week" else 0) for y in years]
        if tense == "past":
            pick = [d for d in days if d < anchor][-1]
        elif tense == "future":
            pick = [d for d in days if d > anchor][0]
        else:  # the nearest, a future one counting twice as far unless a plan was told ("near")
            ahead = 1 if tense == "near" else 2
            pick = min(days, key=lambda d: ahead * (d - anchor).days if d > anchor else (anchor - d).days)
        y = pick.year
    day = _holiday_date(name, y)
    if name == "easter week":
        return Timex(_week(day), "DATE")
    return Timex(day.isoformat(), "DATE")


def _holiday_date(name: str, y: int) -> date:
    return date(y, *_HOLIDAYS[name]) if name in _HOLIDAYS else _moving_day(name, y)


@rule(r"(?:the\s+)?(?:(?P<cur>latest|current|same|most recent|recent)\s+)?(?:fiscal\s+)?(?:quarter|period)")
def _the_quarter(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
    """"the quarter": the one in focus; "the current quarter" the anchor's; "the latest" the last one ended."""
    cur = m.group("cur")
    if cur == "current":
        return Timex(_quarter(anchor), "DATE")
    last_ended = _quarter(anchor, -1)
    if hints.quarter:
        ended = cur not in ("latest", "most recent") or hints.quarter <= last_ended
        return Timex(hints.quarter if ended else last_ended, "DATE")
    if m.group(0).endswith("period"):
        return None
    return Timex(last_ended, "DATE")


@rule(r"(?:the\s+)?(?:(?:corresponding|comparable|same|year-ago|year-earlier)\s+)?(?:quarter|period)\s+"
      r"(?:a\s+year\s+(?:ago|earlier)|last\s+year|of\s+(?:the\s+)?(?:last|previous|prior)\s+year)|"
      r"last\s+year's\s+(?:quarter|period)")
def _quarter_year_ago(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    """"the quarter a year ago", "the corresponding period last year": the focus quarter, a year back."""
    if hints.quarter and hints.quarter[:4].isdigit():
        return Timex(f"{int(hints.quarter[:4]) - 1:04d}-{hints.quarter[5:]}", "DATE")
    return Timex(_year(anchor, -1), "DATE")


@rule(r"(?:(?P<off>this|last|next|the past|the coming|the previous|the current|past|coming|previous|current|"
      r"the same|the following|the last|the next|this past|early|late|mid|the)[\s-]+)?"
      r"(?P<season>spring|summer|fall|autumn|winter)"
      + r"(?:\s+(?:of\s+)?" + _YEAR + ")?")
def _season(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    code = SEASONS[m.group("season")]
    if m.group("year"):
        return Timex(f"{_full_year(m.group('year'), anchor):04d}-{code}", "DATE")
    if anchor is None:
        return Timex(f"XXXX-{code}", "DATE")
    start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    word = m.group("off")
    if word in (None, "early", "late", "mid", "the"):
        # a bare season is the nearest one, looking back unless the verb looks ahead ("in the autumn"
        # of a February article is the last one); a winter runs from December into the next year
        y = _year_of_month(anchor, start + 1 if code != "WI" else 1, hints.tense, 0)
        return Timex(f"{y - (code == 'WI'):04d}-{code}", "DATE")
    off = _REL.get(word, 0)
    y = anchor.year
    if off < 0 and anchor.month < start + 3:
        y -= 1
    elif off > 0 and anchor.month >= start:
        y += 1
    return Timex(f"{y:04d}-{code}", "DATE")


@rule(r"the\s+(?P<unit>week|weekend|month)\s+of\s+(?P<rest>.+)")
def _unit_of(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
    """"the week of March 6": the week (weekend, month) that holds the day."""
    inner = resolve(m.group("rest"), anchor, hints)
    point = calendar_point(inner.value) if inner else None
    if point is None or point[1] != "D":
        return None
    unit = m.group("unit")
    if unit == "month":
        return Timex(_month(point[0]), "DATE")
    return Timex(_week(point[0]) + ("-WE" if unit == "weekend" else ""), "DATE")


@rule(r"(?:the\s+)?past\s+decade")
def _past_decade(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    """"the past decade" is the last ten years, like "the past two years" (P2Y); "the last decade" a decade."""
    return Timex("P10Y", "DURATION")


@rule(r"(?:(?:earlier|later|early|late)\s+)?(?P<off>this|last|next|the past|the coming|the previous|"
      r"the current|past|coming|previous|current|the same|the following|this past|the last|the next)[\s-]+"
      r"(?P<unit>year|month|week|weekend|quarter|decade|century)")
def _rel_unit(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    unit = UNITS[m.group("unit")]
    if m.group(0) == "last year" and hints.compared and hints.quarter and hints.quarter[:4].isdigit():
        return Timex(f"{int(hints.quarter[:4]) - 1:04d}{hints.quarter[4:]}", "DATE")
    return Timex(SHIFTERS[unit](anchor, _REL[m.group("off")]), "DATE")


@rule(r"(?:(?:over|during|at|for|through|until)\s+)?the\s+(?P<unit>weekend|week|month)")
def _the_week(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    unit = UNITS[m.group("unit")]
    if unit == "WE":
        return Timex(_weekend(anchor, 0 if hints.tense == "future" else -1), "DATE")
    return Timex(SHIFTERS[unit](anchor, 0), "DATE")


@rule(r"the\s+year|(?:the\s+)?(?:(?:current|present|full|whole|entire|calendar|fiscal|financial)\s+)+year|"
      r"year(?:-|\s+|'s\s+)end")
def _the_year(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    return Timex(_year(anchor), "DATE")


_DEICTIC_DIR = {"ago": -1, "from now": 1, "hence": 1}
_ANAPHORIC_DIR = {"earlier": -1, "before": -1, "previously": -1, "later": 1, "after": 1, "on": 1}


@rule(r"(?:(?:just|only|about|nearly|almost|some|more than|less than|roughly|barely|fully|exactly|"
      r"at least|over|under|well over)\s+)?"
      + _NUM + r"[\s-]+" + _UNIT_ADJ + _UNIT + r"(?:\s+and\s+a\s+half)?(?:\s+or\s+so)?"
      + r"\s+(?P<dir>ago|from now|hence|earlier|before|later|after|previously|on)")
def _ago(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
    """"two years ago" counts back from the anchor; "two decades later" on from the last date named."""
    n = _number(m.group("num"), m.group("andhalf"))
    unit = UNITS[m.group("unit")]
    if n is None or n != int(n) or n > 10000 or unit == "WE":
        return None
    word = m.group("dir")
    sign = _DEICTIC_DIR.get(word) or _ANAPHORIC_DIR[word]
    if unit == "Y" and n == 1 and sign < 0 and hints.quarter:
        y, q = hints.quarter.split("-Q")
        return Timex(f"{int(y) - 1:04d}-Q{q}", "DATE") if y.isdigit() else Timex(hints.quarter, "DATE")
    point = (anchor, "D") if anchor else None
    if word not in _DEICTIC_DIR:
        point = _base(anchor, hints)
    if unit in ("TH", "TM", "TS"):
        # "an hour later": no day worth naming; the span falls back to its duration ("an hour")
        return Timex(_at(point, "D"), "DATE") if word in _DEICTIC_DIR else None
    return Timex(_at(_moved(point, unit, sign * int(n)), unit), "DATE")


_SET_WORDS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M",
              "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W",
              "every day": "P1D", "each day": "P1D", "per year": "P1Y", "per day": "P1D", "a day": "P1D",
              "semiannual": "P6M", "semiannually": "P6M", "biennial": "P2Y", "annually": "P1Y"}


@rule(r"(?P<w>" + "|".join(sorted(_SET_WORDS, key=len, reverse=True)) + ")")
def _set_word(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    return Timex(_SET_WORDS[m.group("w")], "SET")


@rule(r"(?:every|each|per|once\s+a|twice\s+a)\s+(?:(?P<n>\d+|other|" + _SMALLW + r")\s+)?" + _UNIT)
def _every(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
    unit = UNITS[m.group("unit")]
    raw = m.group("n")
    n = 2 if raw == "other" else (_number(raw) if raw else 1)
    if n is None or unit in ("DE", "CE"):
        return None
    if unit == "WE":
        return Timex("XXXX-WXX-WE", "SET")
    return Timex(_duration(n, unit), "SET")


@rule(r"(?:(?:every|each)\s+" + _WDAY + "|" + _WDAY.replace("wday", "wdays") + "s)(?:\\s+" + _PART + ")?|"
      + _WDAY.replace("wday", "wday2") + r"\s+(?P<parts>morning|afternoon|evening|night)s")
def _every_wday(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    wday = WEEKDAYS[m.group("wday") or m.group("wdays") or m.group("wday2")]
    part = PARTS.get(m.group("part") or m.group("parts") or "")
    return Timex(f"XXXX-WXX-{wday + 1}" + (f"T{part}" if part else ""), "SET")


@rule(r"(?:every|each)\s+" + _MONTH)
def _every_month(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    return Timex(f"XXXX-{MONTHS[m.group('month')]:02d}", "SET")


def _duration(n: float, unit: str) -> str:
    """TIMEX3 duration: P2Y, PT48H, P10Y for a decade, P1.5Y."""
    if unit == "DE":
        return f"P{_fmt_num(n * 10)}Y"
    if unit == "CE":
        return f"P{_fmt_num(n * 100)}Y"
    if unit == "Q":
        return f"P{_fmt_num(n)}Q"
    if unit == "WE":
        return f"P{_fmt_num(n * 2)}D"
    whole, part = int(n), n - int(n)
    smaller = _SMALLER.get(unit)
    if part and smaller and (part * smaller[1]).is_integer():
        lower = _duration(part * smaller[1], smaller[0])
        if not whole:
            return lower
        head = _duration(whole, unit)
        return head + (lower[2:] if unit.startswith("T") else lower[1:])
    if unit.startswith("T"):
        return f"PT{_fmt_num(n)}{unit[1]}"
    return f"P{_fmt_num(n)}{unit}"


# A fraction of a clock unit is written in the next smaller one, which it divides exactly ("5 1/2 hours"
# -> PT5H30M); calendar units keep a decimal ("two and a half years" -> P2.5Y), as ISO 8601 allows.
_SMALLER = {"TH": ("TM", 60), "TM": ("TS", 60)}


@rule(_QUAL + _NUM + r"[\s-]+" + _UNIT_ADJ + _UNIT + r"(?P<andhalf2>\s+and\s+a\s+half)?"
      r"(?:[\s-]+(?:long|old|running))?")
def _dur(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
    n = _number(m.group("num"), m.group("andhalf") or m.group("andhalf2"))
    unit = UNITS[m.group("unit")]
    if n is None or n > 100000 or (n >= 1000 and unit not in ("D", "TH", "TM", "TS")):
        return None  # "the 1988 quarter" is a date, not 1988 quarters
    if re.fullmatch(r"1[5-9]\d\d|20\d\d", m.group("num")):
        return None  # "the 1988 second quarter": a year
    return Timex(_duration(n, UNITS[m.group("unit")]), "DURATION")


_PLURAL_UNITS = r"(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries)"


@rule(r"(?P<first>(?:[a-z]+\s+){0,2}" + _PLURAL_UNITS + r")\s+(?:or|and)\s+(?:even\s+)?" + _PLURAL_UNITS)
def _units_or_units(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
    """"weeks or months", "recent weeks and months": one vague length, told in its first (smaller) unit."""
    first = resolve(m.group("first"), anchor, hints)
    return first if first is not None and first.type == "DURATION" else None


@rule(r"(?:(?P<vague>" + "|".join(VAGUE) + r"|the|multi)[\s-]+)?(?:(?:past|last|next|coming)\s+)?" + _UNIT
      + r"(?:[\s-]+(?:long|old))?")
def _vague_dur(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
    unit = UNITS[m.group("unit")]
    plural = m.string[m.end("unit"):m.end("unit") + 1] == "s" or m.string[m.end("unit"):].startswith("es")
    if not (plural or m.group("vague")) or unit in ("Q", "WE"):
        return None
    if m.group("vague") == "the" and not plural and unit in ("TS", "TM"):
        return None  # "the second", "the minute": an ordinal, an idiom
    letter = {"DE": "Y", "CE": "Y"}.get(unit, unit)  # "decades-long": some number of years, as TimeBank writes it
    return Timex("PT" + "X" + letter[1] if unit.startswith("T") else "PX" + letter, "DURATION")


@rule(r"(?:a\s+|the\s+(?:past\s+|last\s+)?)?(?P<part>quarter|half)[\s-]+(?:a\s+|of\s+a\s+)?century")
def _part_century(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    """"a quarter-century", "half a century": 25 and 50 years (NER splits "quarter" from "century")."""
    return Timex("P25Y" if m.group("part") == "quarter" else "P50Y", "DURATION")


@rule(r"a\s+while|some\s+time|a\s+(?:(?:fairly|very|relatively|rather)\s+)?(?:long|lengthy|extended|short|brief)\s+"
      r"(?:period|spell|stretch)(?:\s+of\s+time)?")
def _some_while(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    """"for a while", "for some time", "a fairly lengthy period": a length of no stated unit."""
    return Timex("PXX", "DURATION")


@rule(r"(?P<unit>hour|day|week|month|year|decade|century)[\s-]long")
def _unit_long(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    """"a day-long meeting", "a year-long inquiry": one unit's length."""
    return Timex(_duration(1, UNITS[m.group("unit")]), "DURATION")


@rule(r"(?:(?P<vague>" + "|".join(VAGUE) + r"|the\s+past|the\s+last)\s+)+quarters")
def _vague_quarters(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    """"several quarters": some number of quarters (coming ones are FUTURE_REF, among the references)."""
    return Timex("PXQ", "DURATION")


@rule(r"(?:(?:the\s+)?(?:past|last|previous|next|coming)\s+)?(?P<n>" + _SMALLW
      + r"|\d+)?\s*(?P<unit>decades?|centuries|century)")
def _decade_dur(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
    n = _number(m.group("n")) if m.group("n") else None
    unit = "DE" if m.group("unit").startswith("decade") else "CE"
    if n is None:
        return Timex("PXY", "DURATION")
    return Timex(_duration(n, unit), "DURATION")


_TRIM = re.compile(r"^(?:(?:about|around|nearly|almost|approximately|roughly|some|just|only|at least|as early as|"
                   r"as late as|as recently as|sometime|some time|late|early|earlier|later|mid|until|by|"
                   r"since|the end of|the beginning of|the start of|the middle of|end of|start of|"
                   r"the very end of|the very beginning of|the very start of|"
                   r"the week of|the weekend of|the night of|the morning of|the evening of|the afternoon of)"
                   r"[\s-]+)+")


_AGE = re.compile(r"(?:\d+|[a-z]+)[\s-]+(?:years?|months?)[\s-]+old|aged?\s+\d+")


@lru_cache(maxsize=65536)
def resolve(text: str, anchor: date | None = None, hints: Hints = Hints()) -> Timex | None:
    """The TIMEX3 value and type of a temporal expression, or None if it is not one we understand.

    Never raises: any string is accepted. An ISO date resolves to itself.
    """
    t = normalise(text)
    if not t or len(t) > 80:
        return None
    t = _PREP.sub("", t)
    if _AGE.fullmatch(t):
        return None  # an age ("52-year-old") is not a TIMEX3
    # "earlier in the year": a trimmed qualifier may leave a preposition in front
    for candidate in dict.fromkeys((t, _PREP.sub("", _TRIM.sub("", t)))):
        for pattern, handler in RULES:
            m = pattern.fullmatch(candidate)
            if m is None:
                continue
            try:
                out = handler(m, anchor, hints)
            except (OverflowError, ValueError):  # an anchor at the edge of the calendar (year 1, 9999)
                continue
            if out is not None:
                return out
    return None
