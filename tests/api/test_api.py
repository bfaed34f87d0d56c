"""The REST API: ingest, auth, limits, errors, queries, pagination, CSV, stories, actors, docs."""

from __future__ import annotations

import csv
import io

SHORT = {"id": "a1", "published": "2023-09-13",
         "text": "Russian President Vladimir Putin met North Korean leader Kim Jong-un in Moscow on Tuesday."}


def test_post_one_article_stores_it_and_counts_its_events(client):
    r = client.post("/articles", json=SHORT)
    assert r.status_code == 201, r.text
    body = r.json()
    assert [a["id"] for a in body["articles"]] == ["a1"]
    assert body["articles"][0]["outcome"] == "stored"
    assert body["articles"][0]["events"] >= 1
    assert body["events"] == body["articles"][0]["events"]
    again = client.post("/articles", json=SHORT).json()
    assert again["articles"][0]["outcome"] == "unchanged"
    assert again["articles"][0]["events"] == body["articles"][0]["events"]
    assert client.get("/stats").json()["articles"] == 1


def test_the_stored_document_is_served_with_its_text(client):
    client.post("/articles", json=SHORT)
    doc = client.get("/articles/a1").json()
    assert doc["article"]["id"] == "a1"
    assert doc["text"] == SHORT["text"]
    for event in doc["events"]:
        ev = event["evidence"]
        assert doc["text"][ev["start"]:ev["end"]] == ev["text"]
    assert client.get("/articles/nope").status_code == 404


def test_ids_from_folders_keep_their_slashes(client):
    client.post("/articles", json={**SHORT, "id": "wire/2023/a1"})
    assert client.get("/articles/wire/2023/a1").json()["article"]["id"] == "wire/2023/a1"
    assert client.get("/articles/wire%2F2023%2Fa1").status_code == 200  # as the pages encode it
    assert 'data-id="wire/2023/a1"' in client.get("/view/articles/wire/2023/a1").text


def test_a_list_is_stored_in_order(client, seed_record):
    r = client.post("/articles", json=[seed_record, SHORT])
    assert r.status_code == 201
    assert [a["id"] for a in r.json()["articles"]] == [seed_record["id"], "a1"]


def test_writes_need_the_token_when_one_is_set(make_client):
    client = make_client(token="s3cret")
    assert client.post("/articles", json=SHORT).status_code == 401
    r = client.post("/articles", json=SHORT, headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"
    assert client.post("/articles", json=SHORT, headers={"Authorization": "Bearer s3cret"}).status_code == 201
    assert client.get("/events").status_code == 200  # reads stay open


def test_a_body_over_the_limit_gets_413(make_client):
    client = make_client(max_body=1000)
    r = client.post("/articles", json={**SHORT, "text": "word " * 400})
    assert r.status_code == 413
    assert "1,000 bytes" in r.json()["detail"]
    chunked = client.post("/articles", content=iter([b'{"id": "x", "text": "', b"a" * 2000, b'"}']),
                          headers={"content-type": "application/json"})
    assert chunked.status_code == 413
    assert client.get("/stats").json()["articles"] == 0


def test_bad_fields_get_422_naming_the_field(client):
    r = client.post("/articles", json={"id": "x"})
    assert r.status_code == 422
    assert r.json()["detail"] == [{"loc": ["body", "text"], "msg": "Field required", "type": "missing"}]
    r = client.post("/articles", json=[SHORT, {"id": "b", "text": "  "}])
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"] == ["body", 1, "text"]
    assert r.json()["detail"][0]["type"] == "empty_text"
    r = client.post("/articles", json={**SHORT, "published": "13/09/2023"})
    assert r.json()["detail"][0]["loc"] == ["body", "published"]
    r = client.post("/articles", json=[SHORT, SHORT])
    assert r.json()["detail"][0]["type"] == "duplicate_id"
    assert client.post("/articles", json=[]).status_code == 422
    r = client.post("/articles", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422
    assert client.get("/stats").json()["articles"] == 0  # nothing of a refused request was stored


def test_events_filters_pagination_and_csv(client, seed_record):
    client.post("/articles", json=[seed_record, SHORT])
    everything = client.get("/events").json()
    assert everything["total"] == len(everything["events"]) >= 2
    page = client.get("/events", params={"limit": 1, "offset": 1}).json()
    assert page["total"] == everything["total"]
    assert page["events"] == everything["events"][1:2]
    consult = client.get("/events", params={"type": "CONSULT", "country": "PRK"}).json()
    assert consult["events"] and all(e["type"] == "CONSULT" for e in consult["events"])
    assert client.get("/events", params={"type": "NOPE"}).status_code == 422
    assert "since must be a date" in client.get("/events", params={"since": "yesterday"}).text
    r = client.get("/events", params={"format": "csv", "article": "a1"})
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows and {row["article_id"] for row in rows} == {"a1"}


def test_stories_actors_health(client, seed_record):
    client.post("/articles", json=[seed_record, SHORT])
    stories = client.get("/stories").json()["stories"]
    assert stories
    one = client.get(f"/stories/{stories[0]['id']}").json()
    assert one["story"]["id"] == stories[0]["id"] and one["events"]
    assert client.get("/stories/none").status_code == 404
    network = client.get("/actors").json()
    codes = {a["code"] for a in network["actors"]}
    assert {"PRKGOV", "RUSGOV"} <= codes
    assert any({e["source"], e["target"]} == {"PRKGOV", "RUSGOV"} for e in network["edges"])
    assert client.get("/health").json()["status"] == "ok"


def test_docs_are_served_without_a_cdn(client):
    html = client.get("/docs").text
    assert "/docs-assets/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200
    schema = client.get("/openapi.json").json()
    assert "/articles" in schema["paths"] and "/events" in schema["paths"]
