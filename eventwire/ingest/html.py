"""Main text, title and publication date of a web page (trafilatura + htmldate)."""

from __future__ import annotations

from eventwire.errors import InputError

__all__ = ["extract_html"]


def extract_html(html: str) -> dict:
    """The fields of an input record taken from a page: text, title, published, url.

    :raises InputError: ``empty_text`` when no main text can be found in the page.
    """
    import trafilatura

    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = getattr(result, "text", None) if result is not None else None
    if not text or not text.strip():
        raise InputError("empty_text", "no article text could be extracted from the HTML page")
    return {
        "text": text,
        "title": getattr(result, "title", None),
        "published": _iso_date(getattr(result, "date", None)),
        "url": getattr(result, "url", None),
    }


def _iso_date(value: str | None) -> str | None:
    """htmldate gives YYYY-MM-DD; anything else is dropped rather than guessed."""
    if value and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        return value[:10]
    return None
