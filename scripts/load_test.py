"""Load benchmark of ``eventwire serve`` on loopback (a benchmark to read, not a timed test).

Starts the service on a new SQLite store, has N concurrent clients POST the articles one at a time (and
re-post a share of them, as a newsroom retrying would), then checks that every article was stored exactly
once and prints the request latencies (p50/p95) and the throughput.

    .venv/bin/python scripts/load_test.py --corpus BENCH_DIR/bbc.jsonl --articles 500 --clients 20

Without --corpus the articles are the paragraphs of examples/seed.txt
under new ids, each with its own number so that no two texts are the same.
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def _articles(corpus: Path | None, n: int) -> list[dict]:
    if corpus:
        out = []
        with corpus.open(encoding="utf-8") as f:
            for i, line in enumerate(f):
                if len(out) == n:
                    break
                record = json.loads(line)
                out.append({"id": f"load-{i}", "text": record["text"], "published": record.get("published"),
                            "title": record.get("title")})
        return out
    paragraphs = [p for p in (ROOT / "examples" / "seed.txt").read_text(encoding="utf-8").split("\n") if p.strip()]
    return [{"id": f"load-{i}", "published": "2023-09-13",
             "text": f"Report {i}. " + " ".join(paragraphs[(i + k) % len(paragraphs)] for k in range(3))}
            for i in range(n)]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(db: Path, port: int) -> subprocess.Popen:
    exe = Path(sys.executable).with_name("eventwire")
    server = subprocess.Popen([str(exe), "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.3)
        if server.poll() is not None:
            raise SystemExit(f"the service did not start: {server.stderr.read()}")
    server.kill()
    raise SystemExit("the service did not answer /health within 120 s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=None,
                        help="JSONL articles to post (e.g. the BBC benchmark corpus); default: generated")
    parser.add_argument("--articles", type=int, default=500, help="articles to post")
    parser.add_argument("--clients", type=int, default=20, help="concurrent clients")
    parser.add_argument("--repost", type=float, default=0.1, help="share of articles posted a second time")
    args = parser.parse_args()

    articles = _articles(args.corpus, args.articles)
    again = random.Random(7).sample(articles, int(len(articles) * args.repost))
    work = [*articles, *again]
    random.Random(11).shuffle(work)
    lock = threading.Lock()
    latencies: list[float] = []
    outcomes: dict[str, list[str]] = {}
    failures: list[str] = []

    with tempfile.TemporaryDirectory() as tmp:
        port = _free_port()
        server = _start(Path(tmp) / "load.db", port)
        base = f"http://127.0.0.1:{port}"

        def client() -> None:
            with httpx.Client(base_url=base, timeout=600) as http:
                while True:
                    with lock:
                        if not work:
                            return
                        article = work.pop()
                    t0 = time.perf_counter()
                    r = http.post("/articles", json=article)
                    dt = time.perf_counter() - t0
                    with lock:
                        latencies.append(dt)
                        if r.status_code != 201:
                            failures.append(f"{article['id']}: {r.status_code} {r.text[:200]}")
                        else:
                            outcomes.setdefault(article["id"], []).append(r.json()["articles"][0]["outcome"])

        start = time.perf_counter()
        threads = [threading.Thread(target=client) for _ in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - start
        stats = httpx.get(f"{base}/stats").json()
        server.terminate()
        server.wait(30)

    stored_once = sum(1 for o in outcomes.values() if o.count("stored") == 1)
    q = statistics.quantiles(latencies, n=100)
    print(f"{len(latencies)} requests ({len(articles)} articles, {len(again)} posted twice) from {args.clients} "
          f"clients in {wall:.1f} s: {len(articles) / wall:.1f} articles/s")
    print(f"latency p50 {q[49]:.2f} s, p95 {q[94]:.2f} s, max {max(latencies):.2f} s")
    print(f"stored exactly once: {stored_once}/{len(articles)}; store holds {stats['articles']} articles, "
          f"{stats['events']} events; failures {len(failures)}")
    ok = not failures and stored_once == len(articles) == stats["articles"]
    for line in failures[:5]:
        print("  ", line)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
