"""A live service on loopback (uvicorn in a thread) and a headless chromium driven by Playwright.

The browser is Debian's chromium (``/usr/bin/chromium``, installed by ``.ci/run``); Playwright downloads
nothing. Screenshots go to ``out/screenshots/`` (``$EVENTWIRE_ARTIFACTS`` overrides it).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import httpx
import pytest
import uvicorn

from eventwire.api import ServiceConfig, create_app
from eventwire.store import Store

CHROMIUM = Path(os.environ.get("EVENTWIRE_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(os.environ.get("EVENTWIRE_ARTIFACTS", Path(__file__).resolve().parents[2] / "out" / "screenshots"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def live(tmp_path_factory, extractor):
    """The base URL of a service over a new store."""
    store = Store(str(tmp_path_factory.mktemp("web") / "web.db"))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(store, extractor, ServiceConfig()), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the service did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)
    store.close()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing on CI: .ci/run should have installed Debian's chromium")
        pytest.skip(f"{CHROMIUM} is not installed (.ci/run installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda err: page.errors.append(str(err)))
    yield page
    context.close()


@pytest.fixture
def shot():
    """shot(page, name): save a full-page screenshot as a test artifact."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def save(page, name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save


def post(base: str, articles) -> dict:
    r = httpx.post(f"{base}/articles", json=articles, timeout=120)
    assert r.status_code == 201, r.text
    return r.json()
