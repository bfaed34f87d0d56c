"""The pages' assets: the world outlines rebuild from the vendored world-atlas, and nothing loads from outside."""

from __future__ import annotations

import importlib.util
import json
import re

from eventwire.web import STATIC
from tests.conftest import ROOT


def _build_world():
    spec = importlib.util.spec_from_file_location("build_world", ROOT / "scripts" / "build_world.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_world_outlines_rebuild_identically_from_the_vendored_source():
    build = _build_world()
    topology = json.loads(build.SOURCE.read_text(encoding="utf-8"))
    assert build.render(topology) == (STATIC / "world.json").read_text(encoding="utf-8")
    world = json.loads((STATIC / "world.json").read_text(encoding="utf-8"))
    names = {c["name"] for c in world["countries"]}
    assert {"Russia", "North Korea", "Ukraine", "Brazil"} <= names
    assert (ROOT / "data" / "sources" / "world-atlas" / "LICENSE").exists()


def test_no_asset_is_loaded_from_another_host(client):
    for path in STATIC.glob("*"):
        if path.suffix in (".js", ".css"):
            text = path.read_text(encoding="utf-8")
            urls = set(re.findall(r"https?://[^\s\"'`)]+", text)) - {"http://www.w3.org/2000/svg"}
            assert not urls, f"{path.name} names {urls}"
    for page in ("/", "/view/articles/x", "/view/stories/x", "/view/watches", "/docs"):
        html = client.get(page).text
        assert not re.search(r"(src|href)=\"(https?:)?//", html), page
