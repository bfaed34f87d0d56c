"""Input records: validation of one article's fields, whatever file it came from."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from eventwire.errors import InputError

__all__ = ["Record", "parse_published", "validate_record"]

_OPTIONAL_STR = ("title", "url", "credit", "publisher")
# The contract's forms only: Python also accepts "20230913" and "2023-W37-3".
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\Z")


@dataclass
class Record:
    """One article to process. ``text`` is kept exactly as received: offsets index into it."""

    id: str
    text: str
    published: str | None = None
    anchor: date | None = None
    title: str | None = None
    url: str | None = None
    credit: str | None = None
    publisher: str | None = None
    line: int | None = None
    derived_text: bool = False


def parse_published(raw: object, line: int | None = None) -> date | None:
    """``YYYY-MM-DD`` or an ISO datetime (``Z`` allowed) to the date relative times resolve against."""
    if raw is None:
        return None
    if not isinstance(raw, str) or not raw.strip():
        raise InputError("bad_published", f"published must be an ISO date string or null, got {raw!r}", line)
    text = raw.strip()
    if not _ISO_DATE.match(text):
        raise InputError("bad_published", f"published {raw!r} is not YYYY-MM-DD or an ISO datetime", line)
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise InputError(
            "bad_published", f"published {raw!r} is not YYYY-MM-DD or an ISO datetime", line
        ) from None


def check_text(text: object, max_chars: int, line: int | None = None) -> str:
    """The article text, or an `InputError` saying why it cannot be processed."""
    if not isinstance(text, str):
        kind = "missing" if text is None else f"of type {type(text).__name__}"
        raise InputError("not_text", f"text must be a string, but it is {kind}", line)
    if not text.strip():
        raise InputError("empty_text", "text is empty or only white space", line)
    if len(text) > max_chars:
        raise InputError(
            "too_long",
            f"text has {len(text):,} characters, more than the limit of {max_chars:,} "
            "(raise it with EVENTWIRE_MAX_CHARS or split the article)",
            line,
        )
    if _looks_binary(text):
        raise InputError("not_text", "text looks like binary data, not natural language", line)
    return text


def _looks_binary(text: str) -> bool:
    """NUL bytes, or more than a tenth of a sample in control/unassigned/private-use characters."""
    if "\x00" in text:
        return True
    sample = text[:5000]
    odd = sum(
        1 for ch in sample if unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs") and ch not in "\n\r\t\f"
    )
    return odd > len(sample) / 10


def validate_record(obj: object, seen_ids: set[str], max_chars: int, line: int | None = None) -> Record:
    """Check one decoded JSON value against the input contract and make it a `Record`.

    :param seen_ids: ids already accepted in this run; a repeat is a ``duplicate_id`` error.
    """
    if not isinstance(obj, dict):
        raise InputError("not_an_object", f"a line must hold a JSON object, not {type(obj).__name__}", line)
    art_id = _check_id(obj.get("id"), seen_ids, line)
    text = check_text(obj.get("text"), max_chars, line)
    anchor = parse_published(obj.get("published"), line)
    extras = {}
    for key in _OPTIONAL_STR:
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError("bad_field", f"{key} must be a string or null, got {type(value).__name__}", line)
        extras[key] = value
    seen_ids.add(art_id)
    return Record(id=art_id, text=text, published=obj.get("published"), anchor=anchor, line=line, **extras)


def _check_id(raw: object, seen_ids: set[str], line: int | None) -> str:
    if raw is None or raw == "":
        raise InputError("missing_id", "the record has no id", line)
    if isinstance(raw, bool) or not isinstance(raw, str | int):
        raise InputError("bad_id", f"id must be a string, got {type(raw).__name__}", line)
    art_id = str(raw)
    if art_id in seen_ids:
        raise InputError("duplicate_id", f"id {art_id!r} was already used by an earlier record", line)
    return art_id
