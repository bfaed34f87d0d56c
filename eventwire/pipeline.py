"""Records in, documents out: the whole extraction run over a stream of articles."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.errors import InputError
from eventwire.ingest import Layout, Record, find_layout
from eventwire.nlp import load_pipeline
from eventwire.schema import Article, Document, ErrorInfo, Mention
from eventwire.settings import Settings

__all__ = ["Extractor", "error_document"]


class Extractor:
    """Runs the eventwire pipeline over articles, batched with ``nlp.pipe``, in input order.

    :param settings: model name, batch size, processes and limits.
    :param nlp: an already loaded pipeline (tests and benchmarks share one).
    """

    def __init__(self, settings: Settings | None = None, nlp: Language | None = None) -> None:
        self.settings = settings or Settings.from_env()
        self.nlp = nlp or load_pipeline(self.settings.model, actors=self.settings.actors)
        # Our own limit is the one users set; spaCy's would otherwise raise E088 mid-batch.
        self.nlp.max_length = max(self.nlp.max_length, self.settings.max_chars)

    def extract(self, items: Iterable[Record | InputError]) -> Iterator[Document]:
        """One document per item, in order; an `InputError` item becomes an error document.

        With ``settings.n_process > 1`` chunks of records go to forked workers that each run the
        whole pipeline (spaCy's own ``n_process`` would have to serialise our Doc extensions).
        """
        it = iter(items)
        chunks = iter(lambda: list(islice(it, self.settings.batch_size * 4)), [])
        if self.settings.n_process == 1:
            for chunk in chunks:
                yield from _merge(chunk, self.documents(_records(chunk)))
        else:
            yield from self._extract_parallel(chunks)

    def extract_text(self, text: str, published: str | None = None, article_id: str = "text") -> Document:
        """Convenience for one text (library use and tests)."""
        from eventwire.ingest.records import validate_record

        record = validate_record(
            {"id": article_id, "text": text, "published": published}, set(), self.settings.max_chars
        )
        return next(self.extract([record]))

    def documents(self, records: list[Record]) -> list[Document]:
        """The documents of valid records, in order, through one ``nlp.pipe`` call."""
        layouts = [find_layout(r.text, r.credit) for r in records]
        docs = self.nlp.pipe(
            (self._make_doc(r, lay) for r, lay in zip(records, layouts, strict=True)),
            batch_size=self.settings.batch_size,
        )
        return [build_document(*row) for row in zip(records, layouts, docs, strict=True)]

    def _extract_parallel(self, chunks: Iterator[list[Record | InputError]]) -> Iterator[Document]:
        """Keep at most two chunks a worker in flight, so memory stays flat on endless input."""
        global _WORKER_EXTRACTOR
        _WORKER_EXTRACTOR = self  # inherited by the forked workers: the model is loaded once
        n = self.settings.n_process
        with multiprocessing.get_context("fork").Pool(n) as pool:
            pending: deque = deque()
            for chunk in chunks:
                pending.append((chunk, pool.apply_async(_work, (_records(chunk),))))
                if len(pending) > 2 * n:
                    done, result = pending.popleft()
                    yield from _merge(done, result.get())
            while pending:
                done, result = pending.popleft()
                yield from _merge(done, result.get())

    def _make_doc(self, record: Record, layout: Layout) -> Doc:
        # The credit line is cut off the end only, so offsets still index the text as received.
        doc = self.nlp.make_doc(record.text[: layout.body_end])
        doc._.published = record.anchor
        doc._.dateline = layout.dateline_place
        doc._.content_start = layout.dateline[1] if layout.dateline else 0
        return doc


_WORKER_EXTRACTOR: Extractor | None = None


def _work(records: list[Record]) -> list[Document]:
    """Worker side of `Extractor._extract_parallel`."""
    assert _WORKER_EXTRACTOR is not None
    return _WORKER_EXTRACTOR.documents(records)


def _records(chunk: list[Record | InputError]) -> list[Record]:
    return [item for item in chunk if isinstance(item, Record)]


def _merge(chunk: list[Record | InputError], documents: list[Document]) -> Iterator[Document]:
    """Put error documents back at the places of the bad items."""
    done = iter(documents)
    for item in chunk:
        yield error_document(item) if isinstance(item, InputError) else next(done)


def _article(record: Record, layout: Layout) -> Article:
    dateline = None
    if layout.dateline:
        start, end = layout.dateline
        dateline = Mention(start=start, end=end, text=record.text[start:end])
    return Article(
        id=record.id,
        published=record.published,
        title=record.title,
        url=record.url,
        credit=layout.credit,
        publisher=record.publisher,
        dateline=dateline,
        body_end=layout.body_end,
        text=record.text if record.derived_text else None,
    )


def build_document(record: Record, layout: Layout, doc: Doc) -> Document:
    """Gather what the stages left on ``doc`` into the output document."""
    article = _article(record, layout)
    if doc._.ew_error:
        info = ErrorInfo(code="internal_error", message=doc._.ew_error, line=record.line)
        return Document(article=article, error=info)
    return Document(
        article=article,
        actors=[*(doc._.ew_actors or []), *(doc._.ew_implied_actors or [])],
        places=doc._.ew_places or [],
        times=doc._.ew_times or [],
        attributions=doc._.ew_attributions or [],
        events=doc._.ew_events or [],
    )


def error_document(err: InputError) -> Document:
    """The document standing in for a record that could not be processed."""
    article = Article(id=getattr(err, "article_id", None), language=None)
    return Document(article=article, error=ErrorInfo(code=err.code, message=err.message, line=err.line))
