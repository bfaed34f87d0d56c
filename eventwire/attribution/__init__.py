"""The attribution stage: who says, reports, confirms or denies what, and within whose report.

For the events stage: ``cue_status(cue)`` gives the status a cue lends its content ("reported",
"confirmed", "denied"), and ``enclosing_attribution(attributions, start, end)`` the index of the
attribution whose content most tightly holds a stretch of text.
"""

from eventwire.attribution.cues import cue_status
from eventwire.attribution.nesting import enclosing as enclosing_attribution

__all__ = ["cue_status", "enclosing_attribution"]
