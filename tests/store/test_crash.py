"""Crash safety: ``kill -9`` in the middle of a 500-article ingest, then the same command again.

Every article must end up stored exactly once, whole (its event rows match its document), with each bad
input line recorded once in the errors table, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, func, select

from eventwire.store import database_url
from eventwire.store.tables import articles, errors, events, stories

N_ARTICLES = 500
BAD_LINES = ("{not json", json.dumps({"id": "no-text"}), json.dumps({"id": "blank", "text": "   "}))
COUNTRIES = [("French", "Paris"), ("German", "Berlin"), ("Polish", "Warsaw"), ("Italian", "Rome"),
             ("Spanish", "Madrid"), ("Dutch", "Amsterdam"), ("Swedish", "Stockholm"), ("Greek", "Athens")]
VERBS = ["met", "criticised", "praised", "called on"]


def _article(n: int) -> dict:
    """A short made-up report; every one differs (numbers, pairs, days) so none is a near-duplicate."""
    (a, city), (b, _) = COUNTRIES[n % 8], COUNTRIES[(n // 8 + 1 + n % 8) % 8]
    day = 1 + n % 28
    return {
        "id": f"crash-{n:03d}",
        "published": f"2024-02-{day:02d}",
        "text": f"The {a} foreign minister {VERBS[n % 4]} the {b} ambassador in {city} on Monday, report {n}. "
                f"Officials said {n + 3} people attended talks on item {n * 7} of agenda number {n * 13}.",
    }


def _input(tmp_path: Path) -> Path:
    lines = [json.dumps(_article(n)) for n in range(N_ARTICLES)]
    for i, bad in enumerate(BAD_LINES):
        lines.insert(100 + 150 * i, bad)
    path = tmp_path / "crash.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _command(path: Path, url: str) -> list[str]:
    return [str(Path(sys.executable).with_name("eventwire")), "ingest", str(path), "--db", url, "-q"]


def _count(engine, table) -> int:
    try:
        with engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(table)) or 0
    except Exception:  # noqa: BLE001  (the tables do not exist before the run has created them)
        return 0


def test_kill_9_mid_ingest_then_rerun_stores_every_article_once(db_url, tmp_path):
    path = _input(tmp_path)
    env = {**os.environ, "EVENTWIRE_BATCH_SIZE": "8"}
    engine = create_engine(database_url(db_url))
    proc = subprocess.Popen(_command(path, db_url), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 600
        while _count(engine, articles) < 120 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, f"the ingest ended before it could be killed: {proc.stderr.read().decode()}"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    killed_at = _count(engine, articles)
    assert 120 <= killed_at < N_ARTICLES

    rerun = subprocess.run(_command(path, db_url), env=env, capture_output=True, text=True, timeout=900)
    assert rerun.returncode == 3, rerun.stderr  # 3: some records were bad (the errors table holds them)

    ids = [f"crash-{n:03d}" for n in range(N_ARTICLES)]
    with engine.connect() as conn:
        stored = conn.execute(select(articles.c.id, articles.c.pk, articles.c.num_events, articles.c.document)).all()
        per_article = dict(conn.execute(select(events.c.article_pk, func.count()).group_by(events.c.article_pk)).all())
        error_codes = sorted(conn.scalars(select(errors.c.code)))
        orphans = conn.scalar(select(func.count()).select_from(events).where(
            events.c.story_id.is_(None) | events.c.story_id.not_in(select(stories.c.id))))
    assert sorted(row.id for row in stored) == ids  # every article, once
    for row in stored:  # whole: the rows of each article are those of its document
        assert per_article.get(row.pk, 0) == row.num_events == len(json.loads(row.document)["events"]), row.id
    assert error_codes == sorted(["malformed_json", "not_text", "empty_text"])
    assert orphans == 0  # every event is in a story
    assert sum(per_article.values()) > N_ARTICLES // 2

    engine.dispose()
