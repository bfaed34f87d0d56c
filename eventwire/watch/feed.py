"""A watch's alerts as an Atom 1.0 feed (RFC 4287): feed readers are how many analysts follow a query."""

from __future__ import annotations

from xml.etree.ElementTree import Element, SubElement, tostring

from eventwire.watch.store import Watch

__all__ = ["atom_feed", "alert_title"]

ATOM = "http://www.w3.org/2005/Atom"


def _names(actors: list[dict]) -> str:
    return ", ".join(a["name"] + (f" ({a['code']})" if a["code"] else "") for a in actors) or "?"


def alert_title(event: dict) -> str:
    """One line: type, who on whom, when, status."""
    return (f"{event['type']} {_names(event['source'])} → {_names(event['target'])} "
            f"{event['date'] or 'undated'} [{event['status']}]")


def atom_feed(watch: Watch, alerts: list[dict], base_url: str) -> bytes:
    """The feed of ``alerts`` (newest first); links point into the service at ``base_url``."""
    base = base_url.rstrip("/")
    feed = Element("feed", xmlns=ATOM)
    SubElement(feed, "id").text = f"{base}/watches/{watch.id}"
    SubElement(feed, "title").text = f"eventwire watch {watch.id}: {watch.name}"
    SubElement(feed, "subtitle").text = watch.describe()
    SubElement(feed, "updated").text = alerts[0]["at"] if alerts else "1970-01-01T00:00:00+00:00"
    SubElement(feed, "link", href=f"{base}/watches/{watch.id}/feed.atom", rel="self")
    SubElement(feed, "link", href=f"{base}/watches/{watch.id}", rel="alternate")
    SubElement(SubElement(feed, "author"), "name").text = "eventwire"
    for alert in alerts:
        event = alert["event"]
        entry = SubElement(feed, "entry")
        SubElement(entry, "id").text = f"{base}/watches/{watch.id}/alerts/{alert['id']}"
        SubElement(entry, "title").text = alert_title(event)
        SubElement(entry, "updated").text = alert["at"]
        SubElement(entry, "link", href=f"{base}/view/articles/{event['article_id']}#{event['event_id']}")
        lines = [event["evidence"]["text"], f"status: {event['status']}"]
        if event["according_to"]:
            lines.append(f"according to: {event['according_to']}")
        lines.append(f"article: {event['article_id']} ({event['title'] or 'untitled'})")
        SubElement(entry, "summary").text = "\n".join(lines)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + tostring(feed, encoding="utf-8")
