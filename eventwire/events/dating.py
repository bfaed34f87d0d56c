"""The date of an event: the day its clause names, else the publication day for what has happened.

GDELT and ICEWS date an event by its report when the text gives no day of its own; a count by day
needs every stated event dated. A future or hypothetical event has not happened, so it gets a day only
from the text; neither does a denied or negated one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date as Date

from eventwire.schema import TimeExpr

__all__ = ["STATED", "event_date"]

# Statuses of events that happened, by the article's or a source's account.
STATED = frozenset({"asserted", "reported", "confirmed"})
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def event_date(times: Sequence[TimeExpr], status: str, published: Date | None
               ) -> tuple[str | None, str | None, str | None]:
    """(time id, YYYY-MM-DD, basis "text" | "published") of an event.

    :param times: the time expressions of the event's clause, in text order.
    :param status: the event's status.
    :param published: the article's publication date (the anchor of its relative times).
    """
    points = [t for t in times if t.type in ("DATE", "TIME")]
    for t in points:
        if _DAY.match(t.value):
            return t.id, t.value[:10], "text"
        if t.value == "PRESENT_REF" and published is not None:
            return t.id, published.isoformat(), "text"
    time_id = points[0].id if points else None
    if points:  # a coarser time ("in March", "last year"): no day of its own, and not the report's day
        return time_id, None, None
    if status in STATED and published is not None:
        return None, published.isoformat(), "published"
    return None, None, None
