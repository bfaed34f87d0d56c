"""Watches: saved queries, alerts on newly stored matching events, the Atom feed, the webhook, the CLI."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from xml.etree import ElementTree

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from tests.api.test_api import SHORT

ATOM = "{http://www.w3.org/2005/Atom}"
OTHER = {"id": "b1", "published": "2023-09-14",
         "text": "Protesters marched in Berlin on Thursday against rising prices, police said."}


@pytest.fixture
def receiver():
    """A webhook receiver on loopback: the JSON bodies it was POSTed."""
    got: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            got.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *_args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/hook", got
    server.shutdown()


def _wait(condition, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.05)


def test_a_matching_event_stored_later_becomes_an_alert(client, receiver):
    url, got = receiver
    client.post("/articles", json=OTHER)
    r = client.post("/watches", json={"name": "Putin meets Kim", "types": ["CONSULT"], "source": "RUS",
                                      "target": "PRK", "webhook": url})
    assert r.status_code == 201, r.text
    watch = r.json()
    assert watch["alerts_count"] == 0
    client.post("/articles", json=SHORT)
    alerts = client.get(f"/watches/{watch['id']}").json()["alerts"]
    assert alerts, "the CONSULT RUS -> PRK event of the new article is an alert"
    event = alerts[0]["event"]
    assert event["type"] == "CONSULT" and event["article_id"] == "a1"
    assert any(a["country"] == "PRK" for a in event["target"])
    assert SHORT["text"][event["evidence"]["start"]:event["evidence"]["end"]] == event["evidence"]["text"]
    client.post("/articles", json={**OTHER, "id": "b2"})
    assert len(client.get(f"/watches/{watch['id']}").json()["alerts"]) == len(alerts)  # no match, no alert
    _wait(lambda: got)
    assert got and got[0]["watch"]["id"] == watch["id"]
    assert [a["id"] for a in got[0]["alerts"]] == [a["id"] for a in alerts][::-1]


def test_the_feed_is_atom_with_one_entry_per_alert(client):
    watch = client.post("/watches", json={"name": "meetings <b>", "types": ["CONSULT"]}).json()
    client.post("/articles", json=SHORT)
    r = client.get(f"/watches/{watch['id']}/feed.atom")
    assert r.headers["content-type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(r.content)
    assert feed.find(f"{ATOM}title").text.endswith("meetings <b>")
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == client.get(f"/watches/{watch['id']}").json()["alerts_count"] > 0
    assert entries[0].find(f"{ATOM}title").text.startswith("CONSULT")
    assert "/view/articles/a1#" in entries[0].find(f"{ATOM}link").get("href")
    assert client.get("/watches/999/feed.atom").status_code == 404


def test_bad_watches_are_refused(make_client):
    client = make_client(token="t")
    assert client.post("/watches", json={"name": "x"}).status_code == 401
    auth = {"Authorization": "Bearer t"}
    r = client.post("/watches", json={"name": "x", "types": ["FLY"]}, headers=auth)
    assert r.status_code == 422 and "unknown PLOVER type" in r.text
    r = client.post("/watches", json={"name": "x", "webhook": "file:///etc/passwd"}, headers=auth)
    assert r.status_code == 422 and "http(s) URL" in r.text
    assert client.delete("/watches/1", headers=auth).status_code == 404


def test_watch_cli_add_scan_alerts(tmp_path, extractor, monkeypatch):
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    added = runner.invoke(app, ["watch", "add", "Kim", "--type", "CONSULT", "--country", "PRK", "--db", db])
    assert added.exit_code == 0, added.output
    watch_id = json.loads(added.output)["id"]
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(SHORT) + "\n", encoding="utf-8")
    monkeypatch.setattr("eventwire.cli.documents._extractor", lambda _settings: extractor)
    assert runner.invoke(app, ["ingest", str(src), "--db", db, "-q"]).exit_code == 0
    scanned = runner.invoke(app, ["watch", "scan", "--db", db])
    assert f"watch {watch_id} (Kim): 1 new alerts" in scanned.output
    assert "0 new" not in runner.invoke(app, ["watch", "scan", "--db", db]).output  # nothing twice
    lines = runner.invoke(app, ["watch", "alerts", str(watch_id), "--db", db]).output.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["event"]["type"] == "CONSULT"
    assert "1 alerts" in runner.invoke(app, ["watch", "list", "--db", db]).output
    assert runner.invoke(app, ["watch", "add", "bad", "--type", "FLY", "--db", db]).exit_code == 2


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_scan_alerts_once_on_both_backends(backend, tmp_path, extractor):
    from contextlib import nullcontext

    from eventwire.store import Store
    from eventwire.watch import Watch, Watches
    from tests.store.conftest import new_pg_database

    where = nullcontext(str(tmp_path / "w.db")) if backend == "sqlite" else new_pg_database()
    with where as url:
        store = Store(url)
        try:
            watches = Watches(store)
            watch = watches.add(Watch(name="meetings", types=("CONSULT",), target="PRK"))
            store.put(extractor.extract_text(SHORT["text"], SHORT["published"], "a1"), SHORT["text"])
            first = watches.scan()
            assert [a["event"]["type"] for a in first[watch.id]] == ["CONSULT"]
            assert watches.scan() == {}  # the cursor moved: nothing alerts twice
            store.put(extractor.extract_text(OTHER["text"], OTHER["published"], "b1"), OTHER["text"])
            assert watches.scan() == {}
            assert watches.count_alerts(watch.id) == 1
        finally:
            store.close()
