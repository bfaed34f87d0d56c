"""Word lists more than one stage reads alike, kept in one place so that the stages agree."""

from __future__ import annotations

__all__ = ["HONORIFICS", "honorific_forms"]

# Forms of address before a person's name ("Mr Blair", "Dr. Ripley"): no part of the name, and a sign that
# what follows is a person's name rather than a place's.
HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Madam", "Mme", "Mlle", "Herr", "Frau"})


def honorific_forms() -> frozenset[str]:
    """The honorifics as lower-case tokens, with and without their period ("mr", "mr.")."""
    lower = {h.lower() for h in HONORIFICS}
    return frozenset(lower | {f"{h}." for h in lower})
