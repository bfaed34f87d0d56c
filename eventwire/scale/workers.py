"""Worker processes that each build their state once and then answer tasks, safe under any start method.

Why not `multiprocessing.Pool` or `ProcessPoolExecutor`: a worker that dies (killed for memory, a
crash in a C extension) breaks either pool for every task in flight, and neither says which task
killed it. Here each worker holds one task at a time over its own pipe, so a death is charged to that
task alone: its items are retried one by one on a fresh worker, and an item that kills a worker again
becomes a failure result (``fail``) instead of ending the run.

Workers are started with ``spawn`` (a fresh interpreter: no inherited threads, locks or torch state),
so the pool is safe in a threaded server and the same on Linux, macOS and Windows. A dispatcher
thread owns the pipes; `submit` may be called from any thread and returns a `Future`.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import signal
import threading
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

__all__ = ["WorkerPool", "WorkerStartError"]

log = logging.getLogger(__name__)

# Messages from a worker: ready after init, the results of a task, a task that raised, an init failure.
_READY, _DONE, _FAILED, _INIT_FAILED = "ready", "done", "failed", "init_failed"
_STOP = None  # sent to a worker: finish


class WorkerStartError(RuntimeError):
    """A worker could not build its state (the model is missing, or it died while loading)."""


@dataclass
class _Job:
    """One submitted list of items; split retries fill its result slots piecewise."""

    future: Future
    results: list
    missing: int
    started: bool = False

    def fill(self, offset: int, results: Sequence[Any]) -> None:
        self.results[offset : offset + len(results)] = results
        self.missing -= len(results)
        if self.missing == 0 and not self.future.done():
            self.future.set_result(self.results)


@dataclass
class _Task:
    job: _Job
    offset: int
    items: list
    deaths: int = 0  # how many workers died holding these items


@dataclass
class _Worker:
    process: Any
    conn: Connection
    ready: bool = False
    task: _Task | None = None


def _worker_main(conn: Connection, init: Callable[[Any], Any], init_arg: Any, run: Callable[[Any, list], list]) -> None:
    """The loop of one worker process: build the state once, then one task after another."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it closes the pool
    try:
        state = init(init_arg)
    except BaseException as err:  # noqa: BLE001 - reported to the parent, which raises it
        conn.send((_INIT_FAILED, f"{type(err).__name__}: {err}"))
        return
    conn.send((_READY, None))
    while True:
        try:
            items = conn.recv()
        except EOFError:  # the parent is gone
            return
        if items is _STOP:
            return
        try:
            conn.send((_DONE, run(state, items)))
        except Exception as err:  # noqa: BLE001 - the parent retries the items one by one, then fails them
            log.exception("task failed in worker")
            conn.send((_FAILED, f"{type(err).__name__}: {err}"))


class WorkerPool:
    """``n`` worker processes that each call ``init(init_arg)`` once, then ``run(state, items)`` per task.

    :param run: must return one result per item, in order; it runs in the worker.
    :param fail: ``fail(item, message)`` makes the result of an item whose worker died on it
        (or whose ``run`` raised); it runs in the parent.
    :raises WorkerStartError: (from the constructor) a worker could not start.
    """

    def __init__(
        self,
        n: int,
        init: Callable[[Any], Any],
        init_arg: Any,
        run: Callable[[Any, list], list],
        fail: Callable[[Any, str], Any],
    ) -> None:
        self._ctx = multiprocessing.get_context("spawn")
        self._target = (init, init_arg, run)
        self._fail = fail
        self._queue: deque[_Task] = deque()
        self._lock = threading.Lock()
        self._wake_r, self._wake_w = self._ctx.Pipe(duplex=False)
        self._closing = False
        self._broken: str | None = None
        self._ready = threading.Event()
        self.restarts = 0
        self._workers = [self._spawn() for _ in range(n)]
        self._thread = threading.Thread(target=self._dispatch, name="eventwire-dispatcher", daemon=True)
        self._thread.start()
        self._ready.wait()
        if self._broken:
            self.close()
            raise WorkerStartError(self._broken)

    @property
    def pids(self) -> list[int]:
        """Process ids of the live workers (for monitoring and tests)."""
        return [w.process.pid for w in self._workers]

    def submit(self, items: list) -> Future:
        """Queue ``items`` as one task; the future's result is the list of their results."""
        future: Future = Future()
        if not items:
            future.set_result([])
            return future
        with self._lock:
            if self._broken or self._closing:
                raise WorkerStartError(self._broken or "the worker pool is closed")
            self._queue.append(_Task(_Job(future, [None] * len(items), len(items)), 0, list(items)))
        self._wake()
        return future

    def close(self) -> None:
        """Stop the workers (after their current task) and the dispatcher; idempotent."""
        with self._lock:
            if self._closing:
                return
            self._closing = True
        self._wake()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join()

    def _wake(self) -> None:
        with contextlib.suppress(OSError):  # closed: the dispatcher has stopped
            self._wake_w.send_bytes(b"")

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(
            target=_worker_main, args=(child, *self._target), name="eventwire-worker", daemon=True
        )
        process.start()
        child.close()
        return _Worker(process, parent)

    # -- the dispatcher thread -------------------------------------------------------------------------

    def _dispatch(self) -> None:
        try:
            while not (self._closing and self._idle()):
                self._assign()
                sentinels = [w.process.sentinel for w in self._workers]
                for ready in wait([self._wake_r, *(w.conn for w in self._workers), *sentinels]):
                    self._handle(ready)
        except BaseException as err:  # noqa: BLE001 - never leave a caller waiting on a dead dispatcher
            log.exception("worker pool dispatcher failed")
            self._break(f"the dispatcher failed: {type(err).__name__}: {err}")
        finally:
            self._shutdown()

    def _idle(self) -> bool:
        with self._lock:
            return not self._queue and all(w.task is None for w in self._workers)

    def _handle(self, ready: Any) -> None:
        if ready is self._wake_r:
            while self._wake_r.poll():
                self._wake_r.recv_bytes()
            return
        for worker in list(self._workers):
            if ready is worker.conn:
                try:
                    self._receive(worker)
                except (EOFError, OSError):
                    self._died(worker)
            elif ready == worker.process.sentinel:
                self._died(worker)

    def _receive(self, worker: _Worker) -> None:
        kind, payload = worker.conn.recv()
        if kind == _READY:
            worker.ready = True
            if all(w.ready for w in self._workers):
                self._ready.set()
        elif kind == _INIT_FAILED:
            self._break(f"a worker could not load the pipeline: {payload}")
        else:
            task, worker.task = worker.task, None
            if task is None:
                return
            if kind == _DONE:
                task.job.fill(task.offset, payload)
            else:
                self._retry_or_fail(task, payload, died=False)

    def _retry_or_fail(self, task: _Task, message: str, died: bool) -> None:
        """A task that failed as a whole: its items again one by one, else the failure result of its one item.

        A single item is retried once after a death (the worker may have been killed for another
        reason), never after an exception (that would only raise again).
        """
        deaths = task.deaths + died
        if len(task.items) == 1 and (not died or deaths > 1):
            task.job.fill(task.offset, [self._fail(task.items[0], message)])
            return
        singles = [_Task(task.job, task.offset + i, [item], deaths) for i, item in enumerate(task.items)]
        with self._lock:
            self._queue.extendleft(reversed(singles))

    def _died(self, worker: _Worker) -> None:
        """Charge the death to the worker's task (unless its result is already in the pipe); start a replacement."""
        if worker not in self._workers:
            return
        try:
            while worker.task is not None and worker.conn.poll():
                self._receive(worker)
        except (EOFError, OSError):
            pass
        worker.process.join()
        code = worker.process.exitcode
        worker.conn.close()
        self._workers.remove(worker)
        if not worker.ready:
            self._break(f"a worker died while loading the pipeline (exit code {code})")
            return
        if worker.task is not None:
            log.warning("worker %s died (exit code %s) holding %d items", worker.process.pid, code,
                        len(worker.task.items))
            self._retry_or_fail(worker.task, f"the worker process died twice while processing it (exit code {code})",
                                died=True)
        if not self._closing:
            self.restarts += 1
            self._workers.append(self._spawn())

    def _assign(self) -> None:
        """Give queued tasks to ready, idle workers, one task each (a worker reads its pipe only when idle)."""
        for worker in self._workers:
            if worker.ready and worker.task is None:
                worker.task = self._next_task()
                if worker.task is None:
                    return
                worker.conn.send(worker.task.items)

    def _next_task(self) -> _Task | None:
        """The first queued task whose caller still wants it."""
        with self._lock:
            while self._queue:
                task = self._queue.popleft()
                if task.job.started or task.job.future.set_running_or_notify_cancel():
                    task.job.started = True
                    return task
        return None

    def _break(self, reason: str) -> None:
        """Unusable pool: every waiting caller gets `WorkerStartError`."""
        with self._lock:
            self._broken = self._broken or reason
            self._closing = True
            tasks = list(self._queue) + [w.task for w in self._workers if w.task is not None]
            self._queue.clear()
            for worker in self._workers:
                worker.task = None
        for task in tasks:
            if not task.job.future.done():
                task.job.future.set_exception(WorkerStartError(reason))
        self._ready.set()

    def _shutdown(self) -> None:
        for worker in self._workers:
            with contextlib.suppress(OSError):
                worker.conn.send(_STOP)
        for worker in self._workers:
            worker.process.join(timeout=10)
            if worker.process.is_alive():
                worker.process.terminate()
                worker.process.join()
            worker.conn.close()
        self._workers = []
        self._wake_w.close()
        self._wake_r.close()
        self._ready.set()
