"""Wire-story layout: the credit line at the end and the dateline at the start.

The text is never changed (offsets must index the text as received). Instead we find where the
content ends, so the credit ("New York Times News Service") is metadata and not a mention of an
actor, and where the dateline ("MOSCOW (Reuters) -") names the place the story was filed from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Layout", "find_layout"]

# Words that make a short last line a credit rather than content.
_CREDIT_WORDS = re.compile(
    r"\b(news\s+service|news\s+agency|press|reuters|afp|agence|associated|bloomberg|wire|syndicat\w*"
    r"|times|post|herald|tribune|journal|guardian|telegraph|gazette|service|newsroom|staff)\b",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"©|\(c\)\s|\bcopyright\b", re.IGNORECASE)
_JOINERS = {"of", "the", "and", "for", "by", "de", "la", "le", "&"}
# All-caps openings that are story labels, not the place a story was filed from.
_SLUGS = {"EXCLUSIVE", "UPDATE", "UPDATED", "BREAKING", "URGENT", "FLASH", "ANALYSIS", "OPINION", "WATCH",
          "CORRECTED", "CORRECTION", "FACTBOX", "EXPLAINER", "LIVE", "REFILE", "INSIGHT", "VIDEO", "PHOTOS",
          "EDITORIAL", "COMMENT", "REVIEW", "INTERVIEW", "NEWS", "SPORT", "SPORTS", "WORLD", "BUSINESS"}
# "MOSCOW (Reuters) -", "SEOUL, South Korea (AP) —", "WASHINGTON —", "Paris, March 3 (AFP) -"
_DATELINE = re.compile(
    r"\A\s*(?P<place>[A-Z][A-Z.'\- ]{1,40}?(?:,\s*[A-Z][A-Za-z.'\- ]{1,40}?)?)"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\((?P<agency>[A-Za-z][A-Za-z .&-]{0,40})\))?\s*[-–—]+\s+"
)


@dataclass(frozen=True)
class Layout:
    """Where the content of an article lies, and what surrounds it."""

    body_end: int
    credit: str | None = None
    dateline: tuple[int, int] | None = None
    dateline_place: tuple[int, int] | None = None


def find_layout(text: str, known_credit: str | None = None) -> Layout:
    """The body end (before a trailing credit line), the credit, and the dateline, if any."""
    body_end, credit = _credit(text, known_credit)
    dateline, place = _dateline(text)
    return Layout(body_end=body_end, credit=credit, dateline=dateline, dateline_place=place)


def _credit(text: str, known: str | None) -> tuple[int, str | None]:
    stripped = text.rstrip()
    start = stripped.rfind("\n") + 1
    last = stripped[start:].strip()
    if start == 0 or not _is_credit(last, known):
        return len(stripped), known
    return len(stripped[:start].rstrip()), known or last


def _is_credit(line: str, known: str | None) -> bool:
    """A short last line without sentence punctuation that names a wire, paper or copyright.

    Besides a credit word, every word must be capitalised (or a small joining word), so a headline-like
    last sentence ("Russia to press ahead with talks") stays content.
    """
    if known and line.strip(" .") == known.strip(" ."):
        return True
    if not line or len(line) > 80 or len(line.split()) > 8 or line[-1] in ".?!\"”’:":
        return False
    if _COPYRIGHT.search(line):
        return True
    words = [w for w in re.findall(r"[^\W\d_][\w.'’&-]*", line) if w.lower() not in _JOINERS]
    return bool(words) and all(w[0].isupper() for w in words) and bool(_CREDIT_WORDS.search(line))


def _dateline(text: str) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    match = _DATELINE.match(text[:120])
    if not match:
        return None, None
    place = match.group("place")
    # An all-caps first word is what marks a dateline; "The talks -" is not one.
    first = place.split(",")[0].strip()
    if not first.isupper() or len(first) < 3 or first.split()[0] in _SLUGS:
        return None, None
    dateline = (match.start("place"), match.start() + len(match.group(0).rstrip()))
    return dateline, (match.start("place"), match.end("place"))
