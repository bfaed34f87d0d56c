"""Watches: saved event queries; every newly stored event that matches one becomes an alert.

Alerts are found by scanning the events stored since the watch's cursor, so they come the same way
whoever stored the article (``eventwire serve``, ``eventwire ingest`` followed by ``eventwire watch
scan``). Each alert keeps a copy of its event (evidence, status, attribution chain), listed on the
service's watch page, in an Atom feed per watch, and optionally POSTed to the watch's webhook.
"""

from eventwire.watch.feed import atom_feed
from eventwire.watch.store import Watch, WatchError, Watches
from eventwire.watch.webhook import post_alerts

__all__ = ["Watch", "WatchError", "Watches", "atom_feed", "post_alerts"]
