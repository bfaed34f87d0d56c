"""The attribution stage: who says, reports, confirms or denies what, and within whose report.

For the events stage: ``cue_status(cue)`` gives the status a cue lends its content ("reported",
"confirmed", "denied"), ``ContentIndex(attributions).enclosing(start, end)`` the index of the
attribution whose content most tightly holds a stretch of text, and ``REPORTING_LEMMAS`` the cue
lemmas that only report (a cue word with one of these lemmas is never an event itself).
"""

from eventwire.attribution.cues import REPORTING_LEMMAS, cue_status
from eventwire.attribution.nesting import ContentIndex

__all__ = ["REPORTING_LEMMAS", "ContentIndex", "cue_status"]
