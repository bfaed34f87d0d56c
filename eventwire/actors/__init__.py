"""The actors stage: who acts, with country and sector codes, dated roles and a user's own actors."""

from __future__ import annotations

from eventwire.schema import Actor

__all__ = ["NON_POLITICAL_SECTORS", "is_political"]

# Sectors of actors that are parties to markets, not politics: a company's results are not an event.
NON_POLITICAL_SECTORS = frozenset({"BUS", "MNC"})


def is_political(actor: Actor) -> bool:
    """A state, or an actor with a sector other than business: one that can be a party to a political
    event (a government, an armed group, a court, a party, media as sources, civilians as victims).

    An actor without a code (a person the knowledge base does not know, an unknown organisation) is not.
    """
    if actor.kind == "state":
        return True
    return actor.sector is not None and actor.sector not in NON_POLITICAL_SECTORS
