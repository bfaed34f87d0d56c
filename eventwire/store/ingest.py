"""Ingest: input records through an extraction function into a store, one article per transaction.

The store knows no stage: the caller passes ``extract`` (``Extractor(settings).extract``), which maps a
stream of records to documents in order. Records already stored with the same text are not extracted
again, so an interrupted run started again only does what is left.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from eventwire.errors import InputError
from eventwire.ingest import Record
from eventwire.schema import Document
from eventwire.store.store import Store

__all__ = ["IngestReport", "ingest"]

Item = Record | InputError
_LOOKUP_BATCH = 64


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


def ingest(
    store: Store,
    items: Iterable[tuple[str | None, Item]],
    extract: Callable[[Iterable[Record]], Iterator[Document]],
    progress: Callable[[str], None] | None = None,
) -> IngestReport:
    """Store every (source, item) pair: a record as an article, an input error as an ``errors`` row.

    :param extract: documents of records, one each, in order (``Extractor.extract``).
    :param progress: called once per item with its outcome: stored, replaced, unchanged or error.
    """
    report = IngestReport()
    pending: deque[tuple[str | None, Record]] = deque()

    def note(outcome: str) -> None:
        name = "errors" if outcome == "error" else outcome
        setattr(report, name, getattr(report, name) + 1)
        if progress:
            progress(outcome)

    def to_extract() -> Iterator[Record]:
        it = iter(items)
        while chunk := list(islice(it, _LOOKUP_BATCH)):
            known = store.known([(i.id, i.text) for _, i in chunk if isinstance(i, Record)])
            for source, item in chunk:
                if isinstance(item, InputError):
                    store.put_error(item.code, item.message, source, item.line, getattr(item, "article_id", None))
                    note("error")
                elif item.id in known:
                    note("unchanged")
                else:
                    pending.append((source, item))
                    yield item

    for document in extract(to_extract()):
        source, record = pending.popleft()
        if document.error is not None:
            store.put_error(document.error.code, document.error.message, source, record.line, record.id)
            note("error")
            continue
        result = store.put(document, record.text, source, record.line)
        report.events += result.events if result.outcome != "unchanged" else 0
        report.duplicates += result.duplicate_of is not None and result.outcome != "unchanged"
        note(result.outcome)
    return report
