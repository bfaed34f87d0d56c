"""Webhooks: a watch's new alerts POSTed as JSON to the URL the watch names."""

from __future__ import annotations

import json
import logging
import urllib.request
from urllib.error import URLError

from eventwire.watch.store import Watch

__all__ = ["post_alerts"]

log = logging.getLogger("eventwire.watch")


def post_alerts(watch: Watch, alerts: list[dict], timeout: float = 10.0) -> int | None:
    """POST ``{"watch": ..., "alerts": [...]}``; return the HTTP status, None when the receiver was unreachable.

    A failure is logged, not raised: a watch's receiver being down must not stop the service storing articles.
    """
    body = json.dumps({"watch": {"id": watch.id, "name": watch.name, "filters": watch.filters()},
                       "alerts": alerts}, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(watch.webhook, data=body, method="POST",
                                     headers={"Content-Type": "application/json", "User-Agent": "eventwire"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310  (http(s) checked by Watch)
            return response.status
    except URLError as err:
        log.warning("watch %s: webhook %s failed: %s", watch.id, watch.webhook, getattr(err, "reason", err))
        return getattr(err, "code", None)
    except OSError as err:
        log.warning("watch %s: webhook %s failed: %s", watch.id, watch.webhook, err)
        return None
