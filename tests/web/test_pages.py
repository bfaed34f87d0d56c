"""The pages in a real browser: the example story through the API, found in the table, on the timeline and
on the map; its article view; escaping of hostile text; the story, watch and API documentation pages."""

from __future__ import annotations

from urllib.parse import quote

import httpx

from tests.web.conftest import post

HOSTILE = {
    "id": "xss-<img src=x onerror=alert(1)>",
    "title": "<script>window.__pwned = 'title'</script>",
    "published": "2023-09-14",
    "text": "Russian President Vladimir Putin met <script>window.__pwned = 'text'</script> North Korean leader "
            "Kim Jong-un in Moscow <img src=x onerror=\"window.__pwned = 'img'\"> on Thursday.",
}


def _meeting(base: str, article_id: str) -> dict:
    """The summit: the placed CONSULT event one of whose reports names Vostochny."""
    events = httpx.get(f"{base}/events", params={"article": article_id, "type": "CONSULT"}).json()["events"]
    found = [e for e in events if e["place"] and e["date"]
             and any("Vostochny" in m["evidence"]["text"] for m in [e, *e["mentions"]])]
    assert found, f"no dated, placed CONSULT event reported at Vostochny in {[e['evidence'] for e in events]}"
    return found[0]


def test_the_example_meeting_in_table_timeline_map_and_article_view(live, page, shot, seed_record):
    post(live, seed_record)
    meeting = _meeting(live, seed_record["id"])
    page.goto(f"{live}/")
    row = page.locator(f'#table tr[data-event="{seed_record["id"]}#{meeting["event_id"]}"]')
    row.wait_for()
    assert "Vostochny" in row.inner_text() and meeting["type"] in row.inner_text()
    bar = page.locator(f'#timeline rect[data-date="{meeting["date"]}"][data-type="CONSULT"]')
    assert bar.count() == 1
    place = meeting["place"]["name"]
    dot = page.locator(f'#map circle[data-place="{place}"]')
    assert dot.count() == 1
    shot(page, "home")
    dot.click()  # selecting the place filters the table, the timeline and the network
    assert f"place: {place}" in page.locator("#selection").inner_text()
    rows = page.locator("#table tbody tr")
    assert rows.count() >= 1 and all(place in t for t in rows.all_inner_texts())
    summit = page.locator(f'#table tr[data-event="{seed_record["id"]}#{meeting["event_id"]}"]')
    assert "Vostochny" in summit.inner_text()
    assert page.locator("#timeline rect.bar").count() >= 1
    assert page.locator("#network g.node").count() >= 2
    shot(page, "home-place-selected")
    summit.locator("a", has_text=seed_record["id"]).click()
    page.wait_for_url(f"**/view/articles/{seed_record['id']}#{meeting['event_id']}")
    details = page.locator("#event-details")
    details.wait_for()
    assert meeting["status"] in details.inner_text()
    assert "rule" in details.inner_text()
    if meeting["according_to"]:  # the chain lists every source, outermost first
        first = meeting["according_to"].split(" → ")[0]
        assert first in page.locator(".chain li").first.inner_text()
    assert page.locator("#text .ev.picked").count() >= 1  # its evidence is marked in the text
    assert page.locator("#text .actor", has_text="Kim").count() >= 1
    assert page.locator("#text .place", has_text="Vostochny").count() >= 1
    assert page.locator("#text .ev.picked", has_text="Vostochny").count() >= 1  # the summit's other report
    assert "CAMEO" in page.locator("#text .ev").first.get_attribute("title")  # hovering shows the codes
    page.locator("#text .ev").last.click()
    assert page.locator(".eventlist li.picked").count() == 1
    page.locator(f'.eventlist li[data-event="{meeting["event_id"]}"]').click()  # back to the summit
    assert meeting["evidence"]["text"] in page.locator("#event-details").inner_text()
    shot(page, "article")
    assert not page.errors


def test_article_text_is_escaped_so_nothing_runs(live, page, shot):
    stored = post(live, HOSTILE)
    assert stored["articles"][0]["outcome"] == "stored"
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{live}/")
    page.locator("#table tbody tr", has_text="Moscow").first.wait_for()
    assert page.evaluate("window.__pwned") is None
    page.goto(f"{live}/view/articles/{quote(HOSTILE['id'], safe='')}")
    page.locator("#text").wait_for()
    assert "<script>window.__pwned = 'text'</script>" in page.locator("#text").inner_text()
    assert page.locator("h1").inner_text() == HOSTILE["title"]
    assert page.locator("#main img, #main script").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert not dialogs and not page.errors
    shot(page, "article-escaped")


def test_story_watch_and_docs_pages(live, page, shot, seed_record):
    watch = httpx.post(f"{live}/watches", json={"name": "meetings", "types": ["CONSULT"]}).json()
    post(live, {**seed_record, "id": "seed-copy", "text": seed_record["text"] + "\nMore on this later."})
    meeting = _meeting(live, "seed-copy")
    page.goto(f"{live}/view/stories/{meeting['story_id']}")
    page.locator("table.events tbody tr").first.wait_for()
    assert page.locator("table.events tbody tr").count() >= 2  # the story's reports in both articles
    shot(page, "story")
    page.goto(f"{live}/view/watches/{watch['id']}")
    page.locator("table.events tbody tr", has_text="CONSULT").first.wait_for()
    assert page.locator("a", has_text="Atom feed").get_attribute("href") == f"/watches/{watch['id']}/feed.atom"
    assert not page.errors
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{live}/docs")
    page.locator(".swagger-ui .opblock").first.wait_for()  # Swagger UI ran, from the package's assets
    assert all(url.startswith(live) for url in requests), [u for u in requests if not u.startswith(live)]
