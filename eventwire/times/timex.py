"""Pure TIMEX3 resolution: a temporal expression's text + the publication date -> value and type.

TIMEX3 values carry the granularity the text states (``2023``, ``2023-09``, ``2023-W36``,
``2023-Q3``, ``2023-09-13TMO``, ``P19M``, ``PRESENT_REF``): scoring a full datetime everywhere is
wrong most of the time. Everything here is a pure function of its arguments so it can be unit- and
property-tested without spaCy. Relative expressions without an anchor get ``X`` placeholders.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

__all__ = ["Hints", "Timex", "normalise", "resolve"]

Tense = Literal["past", "future"] | None


@dataclass(frozen=True)
class Timex:
    """A resolved TIMEX3 value and its type (DATE, TIME, DURATION or SET)."""

    value: str
    type: str


@dataclass(frozen=True)
class Hints:
    """Context the text alone lacks.

    :param tense: tense of the governing verb ("past"/"future"), picks the direction of a weekday.
    :param quarter: the last quarter value ("1989-Q3") mentioned earlier in the article, which
        financial news compares against ("up from $5 million a year ago" = the same quarter).
    """

    tense: Tense = None
    quarter: str | None = None


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
    "a hundred": 100, "one hundred": 100, "hundred": 100, "a half": 0.5, "half a": 0.5, "a thousand": 1000,
}
VAGUE = ("several", "many", "few", "a few", "some", "the past few", "the last few", "the next few",
         "the coming", "the past several", "the last several", "numerous", "countless", "recent")

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WDAY = r"(?P<wday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
_PART = r"(?P<part>morning|afternoon|evening|night|overnight)s?"
_UNIT = r"(?P<unit>" + "|".join(sorted(UNITS, key=len, reverse=True)) + r")(?:s|es)?"
_NUMW = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
_TENW = "|".join(_TENS)
_SMALLW = "|".join(_SMALL[1:])
_NUM = (rf"(?P<num>\d+(?:\.\d+)?|(?:{_TENW})(?:[\s-](?:{_SMALLW}))?|{_NUMW})"
        r"(?P<andhalf>\s+and\s+a\s+half)?")
_QUAL = (r"(?:(?:about|around|nearly|almost|approximately|roughly|some|over|more\s+than|less\s+than|"
         r"fewer\s+than|up\s+to|at\s+least|just|only|barely|a\s+full|the\s+first|the\s+past|the\s+last|"
         r"the\s+next|the\s+previous|the\s+coming|the\s+following|the\s+final|another|an\s+additional|"
         r"the\s+better\s+part\s+of|a\s+period\s+of|within|for|the|past|last|next|first|final|all|"
         r"well\s+over|under|close\s+to|upwards\s+of|an\s+estimated|an|a)\s+)*")
_YEAR = r"(?P<year>\d{4}|'\d{2})"
_TIME = (r"(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<ampm>a\.?\s?m\.?|p\.?\s?m\.?)?"
         r"(?:\s*\(?(?P<tz>utc|gmt|edt|est|cst|cdt|pst|pdt|et)\b[^)]*\)?)?")

_PREP = re.compile(r"^(?:on|in|at|since|by|during|until|till|from|for|of|as\s+of|over|before|after|"
                   r"around|about|through|throughout|within|between|starting|beginning|ending)\s+")


def normalise(text: str) -> str:
    """Lower-case, unify quotes/dashes/space, drop a possessive and outer punctuation."""
    t = text.lower().replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    t = re.sub(r"\s+", " ", t).strip(" ,;:!?\"()[]")
    t = re.sub(r"'s$|s'$", "", t).strip()
    return t


def _number(raw: str, andhalf: str | None = None) -> float | None:
    """Digits or English number words ("twenty-five", "a couple of") as a number."""
    raw = re.sub(r"[\s-]+", " ", raw.strip())
    if re.fullmatch(r"\d+(?:\.\d+)?", raw):
        n = float(raw)
    elif raw in NUMBER_WORDS:
        n = NUMBER_WORDS[raw]
    else:
        parts = raw.split(" ")
        if len(parts) != 2 or parts[0] not in _TENS or parts[1] not in NUMBER_WORDS:
            return None
        n = _TENS[parts[0]] + NUMBER_WORDS[parts[1]]
    return n + 0.5 if andhalf else n


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
    return _day(anchor, fwd if tense == "future" else -back)


def _year_of_month(anchor: date, month: int, tense: Tense, day: int = 15) -> int:
    """The year of a month (and day) named without one: the nearest, or in the verb's direction."""
    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    now = (anchor.year, anchor.month, anchor.day if day else 0)
    if tense == "past":
        return max(y for y in years if (y, month, day) <= now)
    if tense == "future":
        return min(y for y in years if (y, month, day) >= now)

    def distance(y: int) -> float:
        # News looks back more often than ahead: a future month counts as twice as far.
        months = (y - anchor.year) * 12 + month - anchor.month + (day - anchor.day) / 31
        return 2 * months if months > 0 else -months

    return min(years, key=distance)


def _full_year(raw: str, anchor: date | None) -> int:
    """'1998' -> 1998; "'98" -> 1998 (the century that puts it nearest the anchor)."""
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
                   r"these days|at the moment|the moment|this time|presently|today's|this point",
    "PAST_REF": r"recently|recent|previously|the past|in the past|past|formerly|lately|earlier|once|"
                r"recent (?:years|decades)|in recent years|years ago|decades ago|long ago|"
                r"(?:several|many|some|a few|few) (?:years|decades) ago|the old days|historically",
    "FUTURE_REF": r"the future|future|in the future|soon|shortly|the near future|the coming years|"
                  r"coming years|in coming years|the years ahead|the years to come|eventually|someday|"
                  r"one day|the long term|the long run|upcoming|forthcoming",
}


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


@rule(r"(?:(?:early|late|earlier|later)\s+)?(?P<deic>today|yesterday|tomorrow|tonight|the day)"
      r"(?:\s+" + _PART + ")?")
def _deictic(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    word = m.group("deic")
    value = _day(anchor, _DEICTIC.get(word, 0))
    part = PARTS.get(m.group("part") or "") or ("NI" if word == "tonight" else None)
    return Timex(f"{value}T{part}", "TIME") if part else Timex(value, "DATE")


@rule(r"(?:(?:early|late|earlier|later)\s+)?(?P<this>this|last|yesterday|tomorrow)\s+" + _PART)
def _this_part(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    delta = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(m.group("this"), 0)
    return Timex(f"{_day(anchor, delta)}T{PARTS[m.group('part')]}", "TIME")


@rule(_TIME + r"(?:\s+(?:on\s+)?(?:(?P<deic>today|yesterday|tomorrow|tonight)|" + _WDAY + "))?")
def _clock(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
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
    else:
        day = _day(anchor, _DEICTIC.get(m.group("deic") or "today", 0))
    return Timex(f"{day}T{h:02d}:{mi:02d}{'Z' if m.group('tz') in ('utc', 'gmt') else ''}", "TIME")


@rule(r"(?P<noon>noon|midday|midnight)(?:\s+(?:on\s+)?(?:(?P<deic>today|yesterday|tomorrow)|" + _WDAY + "))?")
def _noon(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    if m.group("wday"):
        day = _weekday(anchor, WEEKDAYS[m.group("wday")], hints.tense)
    else:
        day = _day(anchor, _DEICTIC.get(m.group("deic") or "today", 0))
    return Timex(f"{day}T{'00:00' if m.group('noon') == 'midnight' else '12:00'}", "TIME")


@rule(r"(?:(?P<off>last|next|this|past|coming|early|late|earlier|later)\s+)?" + _WDAY
      + r"(?:\s+" + _PART + r")?")
def _wday(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    off = m.group("off")
    value = _weekday(anchor, WEEKDAYS[m.group("wday")], hints.tense, "last" if off == "past" else off)
    part = PARTS.get(m.group("part") or "")
    return Timex(f"{value}T{part}", "DATE") if part else Timex(value, "DATE")


@rule(r"(?:(?:early|late)\s+)?" + _PART + r"(?:\s+of)?\s+" + _WDAY)
def _part_wday(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    value = _weekday(anchor, WEEKDAYS[m.group("wday")], hints.tense)
    return Timex(f"{value}T{PARTS[m.group('part')]}", "DATE")


def _day_value(anchor: date | None, month: int, day: int, year: str | None, hints: Hints) -> Timex | None:
    if year:
        y = _full_year(year, anchor)
    elif anchor is None:
        return Timex(f"XXXX-{month:02d}-{day:02d}", "DATE") if 1 <= day <= 31 else None
    else:
        y = _year_of_month(anchor, month, None, day)
    return Timex(f"{y:04d}-{month:02d}-{day:02d}", "DATE") if _valid_day(y, month, day) else None


_WDAY_PRE = r"(?:" + _WDAY + r",?\s+)?"


@rule(_WDAY_PRE + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+" + _YEAR + ")?")
def _month_day(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
    return _day_value(anchor, MONTHS[m.group("month")], int(m.group("day")), m.group("year"), hints)


@rule(_WDAY_PRE + r"(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH
      + r"(?:,?\s+" + _YEAR + ")?")
def _day_month(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
    return _day_value(anchor, MONTHS[m.group("month")], int(m.group("day")), m.group("year"), hints)


@rule(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{2}|\d{4})")
def _slash(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
    y = int(m.group("y"))
    y = y if y > 99 else _full_year(f"'{y:02d}", anchor)
    mo, d = int(m.group("a")), int(m.group("b"))
    return Timex(f"{y:04d}-{mo:02d}-{d:02d}", "DATE") if _valid_day(y, mo, d) else None


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
                        "the coming": "future"}.get(off or "")
        y = _year_of_month(anchor, month, tense, 0)
        if off == "last" and y == anchor.year and month == anchor.month:
            y -= 1
    return Timex(f"{y:04d}-{month:02d}", "DATE")


@rule(r"(?:(?:the\s+)?(?:early|mid|late|the end of|the beginning of|the start of|the middle of|end of|"
      r"the first half of|the second half of|fiscal|calendar|the fiscal year|the calendar year|the year|"
      r"the summer of|fy|year-end|year end)[\s-]*)?(?P<y>\d{4})")
def _year_only(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
    y = int(m.group("y"))
    if not 1000 <= y <= 2199:
        return None
    return Timex(f"{y:04d}", "DATE")


@rule(r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?P<dec>\d{3})0|'(?P<short>\d)0)'?s")
def _decade_lit(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    if m.group("dec"):
        return Timex(m.group("dec"), "DATE")
    y = _full_year(f"'{m.group('short')}0", anchor)
    if anchor and y > anchor.year:
        y -= 100
    return Timex(f"{y // 10:03d}", "DATE")


@rule(r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<c>\d{1,2})(?:st|nd|rd|th)[\s-]+century")
def _century_lit(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    return Timex(f"{int(m.group('c')) - 1:02d}", "DATE")


_Q_YEAR = r"(?:,?\s+(?:of\s+)?(?:fiscal\s+)?(?:" + _YEAR + "|" + _REL_YEAR + "))?"


@rule(r"(?:(?:the|this|last|that|its|a|(?P<y0>\d{4})|(?P<ry0>this|last|next) year(?:'s)?)\s+)?"
      r"(?:(?:fiscal|calendar|latest|current|final|same)\s+)*"
      r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?quarter" + _Q_YEAR)
def _quarter_lit(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    q = ORDINALS[m.group("q")]
    if m.group("y0") or m.group("year"):
        return Timex(f"{_full_year(m.group('y0') or m.group('year'), anchor):04d}-Q{q}", "DATE")
    if anchor is None:
        return Timex(f"XXXX-Q{q}", "DATE")
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


@rule(r"(?:the\s+)?(?P<h>first|second)\s+half(?:\s+of)?(?:\s+(?:the\s+year|" + _YEAR + "|"
      + _REL_YEAR + "))?")
def _half(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    if m.group("year"):
        y = f"{_full_year(m.group('year'), anchor):04d}"
    else:
        y = _year(anchor, _REL.get(m.group("ry") or "this", 0))
    return Timex(f"{y}-H{1 if m.group('h') == 'first' else 2}", "DATE")


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


@rule(r"(?P<h>" + "|".join(sorted(_HOLIDAYS, key=len, reverse=True)) + r"|thanksgiving(?: day)?)"
      r"(?:,?\s+" + _YEAR + ")?")
def _holiday(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
    """Fixed-date holidays and (US) Thanksgiving, the fourth Thursday of November."""
    name = m.group("h")
    if name.startswith("thanksgiving"):
        month, day = 11, 0
    else:
        month, day = _HOLIDAYS[name]
    if anchor is None and not m.group("year"):
        return Timex(f"XXXX-{month:02d}-{day:02d}" if day else "XXXX-11-XX", "DATE")
    year = m.group("year")
    y = _full_year(year, anchor) if year else _year_of_month(anchor, month, None, 0)
    if not day:
        first = date(y, 11, 1)
        day = 1 + (3 - first.weekday()) % 7 + 21
    return Timex(f"{y:04d}-{month:02d}-{day:02d}", "DATE")


@rule(r"(?:the\s+)?(?:(?P<cur>latest|current|same|most recent|recent)\s+)?(?:fiscal\s+)?(?:quarter|period)")
def _the_quarter(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
    if hints.quarter:
        return Timex(hints.quarter, "DATE")
    if m.group(0).endswith("period"):
        return None
    return Timex(_quarter(anchor, 0 if m.group("cur") == "current" else -1), "DATE")


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
    off = _REL.get(m.group("off") or "", 0) if m.group("off") not in ("early", "late", "mid", "the") else 0
    y = anchor.year
    if off < 0 and anchor.month < start + 3:
        y -= 1
    elif off > 0 and anchor.month >= start:
        y += 1
    return Timex(f"{y:04d}-{code}", "DATE")


@rule(r"(?:(?:earlier|later|early|late)\s+)?(?P<off>this|last|next|the past|the coming|the previous|"
      r"the current|past|coming|previous|current|the same|the following|this past|the last|the next)[\s-]+"
      r"(?P<unit>year|month|week|weekend|quarter|decade|century)")
def _rel_unit(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    unit = UNITS[m.group("unit")]
    return Timex(SHIFTERS[unit](anchor, _REL[m.group("off")]), "DATE")


@rule(r"(?:(?:over|during|at|for|through|until)\s+)?the\s+(?P<unit>weekend|week|month)")
def _the_week(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    unit = UNITS[m.group("unit")]
    if unit == "WE":
        return Timex(_weekend(anchor, 0 if hints.tense == "future" else -1), "DATE")
    return Timex(SHIFTERS[unit](anchor, 0), "DATE")


@rule(r"(?:the\s+)?(?:full|whole|entire|calendar|fiscal)?\s*year")
def _the_year(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    return Timex(_year(anchor), "DATE")


@rule(r"(?:(?:just|only|about|nearly|almost|some|more than|less than|roughly)\s+)?"
      + _NUM + r"[\s-]+" + _UNIT
      + r"\s+(?P<dir>ago|earlier|before|later|after|from now|hence|previously|since)")
def _ago(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
    n = _number(m.group("num"), m.group("andhalf"))
    unit = UNITS[m.group("unit")]
    if n is None or n != int(n) or n > 10000 or unit == "WE":
        return None
    sign = 1 if m.group("dir") in ("later", "after", "from now", "hence") else -1
    if unit == "Y" and n == 1 and sign < 0 and hints.quarter:
        y, q = hints.quarter.split("-Q")
        return Timex(f"{int(y) - 1:04d}-Q{q}", "DATE") if y.isdigit() else Timex(hints.quarter, "DATE")
    if unit == "DE" and anchor is not None:
        return Timex(f"{anchor.year - 10 * int(n):04d}", "DATE")
    if unit in ("TH", "TM", "TS"):
        return Timex(_day(anchor), "DATE")
    if unit in ("Y", "M", "W", "Q", "CE", "D") and anchor is not None:
        return Timex(SHIFTERS[unit](anchor, sign * int(n)), "DATE")
    return Timex(SHIFTERS[unit](anchor, 0), "DATE")


_SET_WORDS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M",
              "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W",
              "every day": "P1D", "each day": "P1D", "per year": "P1Y", "per day": "P1D", "a day": "P1D",
              "semiannual": "P6M", "semiannually": "P6M", "biennial": "P2Y"}


@rule(r"(?P<w>" + "|".join(sorted(_SET_WORDS, key=len, reverse=True)) + ")")
def _set_word(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    return Timex(_SET_WORDS[m.group("w")], "SET")


@rule(r"(?:every|each|per|once\s+a|twice\s+a)\s+(?:(?P<n>\d+|other|" + _SMALLW + r")\s+)?" + _UNIT)
def _every(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
    unit = UNITS[m.group("unit")]
    raw = m.group("n")
    n = 2 if raw == "other" else (_number(raw) if raw else 1)
    if n is None or unit in ("Q", "DE", "CE"):
        return None
    if unit == "WE":
        return Timex("XXXX-WXX-WE", "SET")
    return Timex(_duration(n, unit), "SET")


@rule(r"(?:(?:every|each)\s+" + _WDAY + "|" + _WDAY.replace("wday", "wdays") + "s)(?:\\s+" + _PART + ")?")
def _every_wday(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex:
    wday = WEEKDAYS[m.group("wday") or m.group("wdays")]
    part = PARTS.get(m.group("part") or "")
    return Timex(f"XXXX-WXX-{wday + 1}" + (f"T{part}" if part else ""), "SET")


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
    if unit.startswith("T"):
        return f"PT{_fmt_num(n)}{unit[1]}"
    return f"P{_fmt_num(n)}{unit}"


@rule(_QUAL + _NUM + r"[\s-]+" + _UNIT + r"(?:[\s-]+(?:long|old|running))?")
def _dur(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
    n = _number(m.group("num"), m.group("andhalf"))
    unit = UNITS[m.group("unit")]
    if n is None or n > 100000 or (n >= 1000 and unit not in ("D", "TH", "TM", "TS")):
        return None  # "the 1988 quarter" is a date, not 1988 quarters
    return Timex(_duration(n, UNITS[m.group("unit")]), "DURATION")


@rule(r"(?:(?P<vague>" + "|".join(VAGUE) + r"|the)\s+)?(?:(?:past|last|next|coming)\s+)?" + _UNIT
      + r"(?:[\s-]+(?:long|old))?")
def _vague_dur(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
    unit = UNITS[m.group("unit")]
    plural = not m.group(0).rstrip().endswith(m.group("unit")) or m.group(0).endswith("s-long")
    if not (plural or m.group("vague")) or unit in ("Q", "WE"):
        return None
    letter = {"DE": "DE", "CE": "CE"}.get(unit, unit)
    return Timex("PT" + "X" + letter[1] if unit.startswith("T") else "PX" + letter, "DURATION")


@rule(r"(?:(?:the\s+)?(?:past|last|previous|next|coming)\s+)?(?P<n>" + _SMALLW
      + r"|\d+)?\s*(?P<unit>decades?|centuries|century)")
def _decade_dur(m: re.Match[str], anchor: date | None, hints: Hints) -> Timex | None:
    n = _number(m.group("n")) if m.group("n") else None
    unit = "DE" if m.group("unit").startswith("decade") else "CE"
    if n is None:
        return Timex(f"PX{'DE' if unit == 'DE' else 'CE'}", "DURATION")
    return Timex(_duration(n, unit), "DURATION")


_TRIM = re.compile(r"^(?:(?:about|around|nearly|almost|approximately|roughly|some|just|only|as early as|"
                   r"as late as|as recently as|sometime|some time|late|early|earlier|later|mid|until|by|"
                   r"since|the end of|the beginning of|the start of|the middle of|end of|start of|"
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
    for candidate in dict.fromkeys((t, _TRIM.sub("", t))):
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
