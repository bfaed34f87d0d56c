"""Ingest: input records through an extraction function into a store, one article per transaction.

The store knows no stage: the caller passes ``extract`` (``Extractor(settings).extract``), which maps a
stream of records to documents in order. Records already stored with the same text are not extracted
again, so an interrupted run started again only does what is left.

Writing runs in a thread of its own beside the extraction (a bounded queue between them), so the
database's work (which mostly waits on SQLite or the PostgreSQL server) overlaps the model's instead of
adding to it; there is still one writer, and each article is still one transaction.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from queue import Queue

from eventwire.errors import InputError
from eventwire.ingest import Record
from eventwire.schema import Document
from eventwire.store.store import Store

__all__ = ["IngestReport", "ingest"]

Item = Record | InputError
_LOOKUP_BATCH = 64  # records looked up in the store at once
_QUEUE = 64  # documents extracted ahead of the writer at most (bounds memory)
_DONE = object()


@dataclass
class IngestReport:
    """What a run did, record by record."""

    stored: int = 0
    replaced: int = 0
    unchanged: int = 0
    errors: int = 0
    events: int = 0
    duplicates: int = 0

    @property
    def records(self) -> int:
        return self.stored + self.replaced + self.unchanged + self.errors


class _Writer(threading.Thread):
    """The one thread that writes: articles, error rows and outcomes, in the order they were queued."""

    def __init__(self, store: Store, progress: Callable[[str], None] | None) -> None:
        super().__init__(name="eventwire-store-writer", daemon=True)
        self.store, self.progress = store, progress
        self.queue: Queue = Queue(maxsize=_QUEUE)
        self.report = IngestReport()
        self.failure: BaseException | None = None
        self.abandoned = False  # the caller stopped (an interrupt): what is still queued is not written

    def run(self) -> None:
        while (task := self.queue.get()) is not _DONE:
            if self.failure is None and not self.abandoned:  # else drain, so the producer never blocks
                try:
                    self._write(*task)
                except BaseException as err:  # noqa: BLE001  (re-raised in the calling thread)
                    self.failure = err

    def _write(self, kind: str, source: str | None, payload) -> None:
        if kind == "unchanged":
            self._note("unchanged")
        elif kind == "input_error":
            err: InputError = payload
            self.store.put_error(err.code, err.message, source, err.line, getattr(err, "article_id", None))
            self._note("error")
        else:
            record, document = payload
            if document.error is not None:
                self.store.put_error(document.error.code, document.error.message, source, record.line, record.id)
                self._note("error")
                return
            result = self.store.put(document, record.text, source, record.line)
            if result.outcome != "unchanged":
                self.report.events += result.events
                self.report.duplicates += result.duplicate_of is not None
            self._note(result.outcome)

    def _note(self, outcome: str) -> None:
        name = "errors" if outcome == "error" else outcome
        setattr(self.report, name, getattr(self.report, name) + 1)
        if self.progress:
            self.progress(outcome)

    def send(self, *task) -> None:
        if self.failure is not None:
            raise self.failure
        self.queue.put(task)


def ingest(
    store: Store,
    items: Iterable[tuple[str | None, Item]],
    extract: Callable[[Iterable[Record]], Iterator[Document]],
    progress: Callable[[str], None] | None = None,
) -> IngestReport:
    """Store every (source, item) pair: a record as an article, an input error as an ``errors`` row.

    :param extract: documents of records, one each, in order (``Extractor.extract``).
    :param progress: called once per item, from the writing thread, with its outcome: stored, replaced,
        unchanged or error.
    :raises: whatever the store raised while writing (`StoreError` and the like), after the writes
        queued before it are done.
    """
    writer = _Writer(store, progress)
    pending: deque[tuple[str | None, Record]] = deque()

    def to_extract() -> Iterator[Record]:
        it = iter(items)
        while chunk := list(islice(it, _LOOKUP_BATCH)):
            known = store.known([(i.id, i.text) for _, i in chunk if isinstance(i, Record)])
            for source, item in chunk:
                if isinstance(item, InputError):
                    writer.send("input_error", source, item)
                elif item.id in known:
                    writer.send("unchanged", source, None)
                else:
                    pending.append((source, item))
                    yield item

    writer.start()
    try:
        for document in extract(to_extract()):
            source, record = pending.popleft()
            writer.send("document", source, (record, document))
    except BaseException:
        writer.abandoned = True
        raise
    finally:
        writer.queue.put(_DONE)
        writer.join()
    if writer.failure is not None:
        raise writer.failure
    return writer.report
