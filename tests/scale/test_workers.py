"""The worker pool: order, one init per worker, failures and deaths charged to their items only.

The workers run small functions of this module (spawned interpreters import it), so these tests take
seconds; tests/test_pipeline.py runs the real pipeline through the same pool.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from eventwire.scale.workers import WorkerPool, WorkerStartError


def _init(log_dir: str) -> str:
    """Each worker notes its start in a file of its own."""
    Path(log_dir, f"init-{os.getpid()}").write_text("started")
    return log_dir


def _run(state: str, items: list) -> list:
    if "raise" in items:
        raise ValueError("bad item")
    if "die" in items:
        os._exit(7)
    return [f"{state[-1:]}:{item}" for item in items]


def _fail(item, message: str) -> str:
    return f"failed {item}: {message}"


def _broken_init(arg):
    raise OSError("no such model")


@pytest.fixture
def pool(tmp_path):
    pool = WorkerPool(2, _init, str(tmp_path), _run, _fail)
    yield pool
    pool.close()


def _tag(tmp_path, item) -> str:
    return f"{str(tmp_path)[-1:]}:{item}"


@pytest.mark.parametrize("size", [1, 3])
def test_workers_keep_order_and_load_once(pool, tmp_path, size):
    items = [str(i) for i in range(20)]
    futures = [pool.submit(items[i : i + size]) for i in range(0, len(items), size)]
    results = [r for f in futures for r in f.result(timeout=60)]
    assert results == [_tag(tmp_path, i) for i in items]
    assert len(list(tmp_path.glob("init-*"))) == 2 and pool.restarts == 0


@pytest.mark.parametrize("bad", ["raise", "die"])
def test_workers_failure_costs_only_its_item(pool, tmp_path, bad):
    result = pool.submit(["a", bad, "b"]).result(timeout=60)
    assert result[0] == _tag(tmp_path, "a") and result[2] == _tag(tmp_path, "b")
    reason = "ValueError: bad item" if bad == "raise" else "died twice while processing it (exit code 7)"
    assert result[1].startswith(f"failed {bad}:") and reason in result[1]
    assert pool.restarts == (2 if bad == "die" else 0)  # the task, then the item alone
    assert pool.submit(["c"]).result(timeout=60) == [_tag(tmp_path, "c")]  # the pool goes on


def test_workers_death_is_retried_once(pool):
    assert pool.submit(["die"]).result(timeout=60)[0].startswith("failed die: the worker process died twice")
    assert pool.restarts == 2


def test_workers_start_failure_is_raised():
    with pytest.raises(WorkerStartError, match="OSError: no such model"):
        WorkerPool(2, _broken_init, None, _run, _fail)


def test_workers_two_pools_and_threads_do_not_mix(tmp_path):
    one, two = tmp_path / "1", tmp_path / "2"
    one.mkdir(), two.mkdir()
    pools = [WorkerPool(1, _init, str(one), _run, _fail), WorkerPool(1, _init, str(two), _run, _fail)]
    results: dict[tuple[int, int], list] = {}

    def client(k: int) -> None:
        for n in range(5):
            results[k, n] = pools[k % 2].submit([f"{k}-{n}"]).result(timeout=60)

    threads = [threading.Thread(target=client, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for pool in pools:
        pool.close()
    assert results == {(k, n): [f"{k % 2 + 1}:{k}-{n}"] for k in range(4) for n in range(5)}


def test_workers_close_stops_the_processes(tmp_path):
    pool = WorkerPool(2, _init, str(tmp_path), _run, _fail)
    pids = pool.pids
    pool.close()
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    with pytest.raises(WorkerStartError):
        pool.submit(["x"])
