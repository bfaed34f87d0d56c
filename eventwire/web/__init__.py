"""The analyst's pages, served by the same app as the API.

Each page is a small HTML shell; the scripts in ``static/`` fetch the API's JSON and build the page with
DOM calls that set text, never markup, so article text, names and ids cannot inject anything. Every
asset ships in the package (the world outlines are built by ``scripts/build_world.py``): no CDN, no tile
server.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Annotated

from fastapi import FastAPI
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

__all__ = ["STATIC", "mount_pages", "page"]

STATIC = Path(__file__).with_name("static")

_SHELL = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · eventwire</title><link rel="stylesheet" href="/static/style.css"></head>
<body data-page="{page}" data-id="{id}">
<header><a href="/" class="brand">eventwire</a><nav><a href="/">events</a> <a href="/view/watches">watches</a>
<a href="/docs">API</a></nav></header>
<main id="main"><noscript>These pages need JavaScript; the same data is at /events, /stories and /docs.</noscript>
</main>
<script src="/static/common.js"></script><script src="/static/{page}.js"></script>
</body></html>"""


def page(name: str, title: str, item_id: str = "") -> HTMLResponse:
    """The shell of page ``name`` (its script is ``static/<name>.js``), for the item ``item_id``."""
    return HTMLResponse(_SHELL.format(title=escape(title), page=escape(name), id=escape(item_id)))


def mount_pages(app: FastAPI) -> None:
    """Add the pages and their static assets to ``app``."""
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def home() -> HTMLResponse:
        return page("home", "events")

    @app.get("/view/articles/{article_id:path}", include_in_schema=False)
    def article_page(article_id: str) -> HTMLResponse:
        return page("article", f"article {article_id}", article_id)

    @app.get("/view/stories/{story_id}", include_in_schema=False)
    def story_page(story_id: str) -> HTMLResponse:
        return page("story", f"story {story_id}", story_id)

    @app.get("/view/watches", include_in_schema=False)
    def watches_page() -> HTMLResponse:
        return page("watches", "watches")

    @app.get("/view/watches/{watch_id}", include_in_schema=False)
    def watch_page(watch_id: Annotated[int, PathParam(ge=1, le=2**63 - 1)]) -> HTMLResponse:
        return page("watches", f"watch {watch_id}", str(watch_id))
