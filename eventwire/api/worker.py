"""The extraction worker: one thread owns the pipeline, so request handlers never run spaCy on the event loop.

Requests queue their records; the worker takes every request waiting (up to a batch), runs their new
records through one ``Extractor.extract`` call (``nlp.pipe`` batches, or the extractor's worker processes
with ``--n-process``; an article that fails becomes an error, not a failed request) and
stores each article in its own transaction, in arrival order. One writer means an article posted by many
clients at once is still stored once: the second put finds the same id and text and is ``unchanged``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from queue import Empty, Queue

from eventwire.ingest import Record
from eventwire.pipeline import Extractor
from eventwire.store import EventQuery, Store

__all__ = ["ExtractionWorker", "Stored"]

log = logging.getLogger("eventwire.api")

_STOP = object()


@dataclass(frozen=True)
class Stored:
    """What the service did with one posted article."""

    id: str
    outcome: str  # stored | replaced | unchanged | error
    events: int
    duplicate_of: str | None = None
    error: str | None = None


class ExtractionWorker(threading.Thread):
    """Extracts and stores posted records in a thread of its own; `submit` returns a future per request.

    :param after_store: called (in the worker thread) after each batch that stored something, e.g. to
        turn newly stored events into watch alerts.
    """

    def __init__(self, store: Store, extractor: Extractor,
                 after_store: Callable[[], None] | None = None, batch_size: int | None = None) -> None:
        super().__init__(name="eventwire-extraction", daemon=True)
        self.store, self.extractor, self.after_store = store, extractor, after_store
        self.batch_size = batch_size or extractor.settings.batch_size
        self.queue: Queue = Queue()

    def submit(self, records: list[Record]) -> Future[list[Stored]]:
        """Queue one request's records; the future holds one `Stored` per record, in order."""
        future: Future[list[Stored]] = Future()
        self.queue.put((records, future))
        return future

    def stop(self) -> None:
        """Finish what is queued, then end the thread."""
        self.queue.put(_STOP)
        self.join()

    def run(self) -> None:
        while (job := self.queue.get()) is not _STOP:
            jobs = [job]
            size = len(job[0])
            while size < self.batch_size:
                try:
                    more = self.queue.get_nowait()
                except Empty:
                    break
                if more is _STOP:
                    self.queue.put(_STOP)
                    break
                jobs.append(more)
                size += len(more[0])
            self._run(jobs)

    def _run(self, jobs: list[tuple[list[Record], Future]]) -> None:
        live = [(records, future) for records, future in jobs if future.set_running_or_notify_cancel()]
        try:
            results = self._process([r for records, _ in live for r in records])
            if self.after_store and any(s.outcome in ("stored", "replaced") for s in results):
                self._after_store()  # before answering: once a POST returns, its alerts are there
        except BaseException as err:  # noqa: BLE001  (handed to every waiting request)
            for _, future in live:
                future.set_exception(err)
            return
        start = 0
        for records, future in live:
            future.set_result(results[start : start + len(records)])
            start += len(records)

    def _after_store(self) -> None:
        try:
            self.after_store()
        except Exception:  # the articles are stored: a failing watch scan is logged, not the request's failure
            log.exception("after storing articles")

    def _process(self, records: list[Record]) -> list[Stored]:
        """Extract the records not already stored with the same text, then store them one by one, in order."""
        known = self.store.known([(r.id, r.text) for r in records])
        fresh = [r for r in records if r.id not in known]
        documents = iter(list(self.extractor.extract(fresh)))  # the pipeline's path: its worker pool if it has one
        out = []
        for record in records:
            if record.id in known:
                out.append(Stored(record.id, "unchanged", self.store.count_events(EventQuery(article=record.id))))
                continue
            document = next(documents)
            if document.error is not None:
                self.store.put_error(document.error.code, document.error.message, "api", None, record.id)
                out.append(Stored(record.id, "error", 0, error=document.error.message))
                continue
            result = self.store.put(document, record.text, "api")
            out.append(Stored(record.id, result.outcome, result.events, result.duplicate_of))
        return out
