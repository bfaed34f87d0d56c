"""Records in, documents out: the whole extraction run over a stream of articles."""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
import weakref
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import groupby, islice
from operator import itemgetter

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.errors import InputError
from eventwire.ingest import Layout, Record, find_layout
from eventwire.nlp import STAGES, load_pipeline
from eventwire.nlp.pieces import PIECE_CHARS, join_pieces, piece_bounds
from eventwire.schema import Article, Document, ErrorInfo, Mention
from eventwire.settings import Settings

__all__ = ["Extractor", "error_document"]

log = logging.getLogger(__name__)

# Characters the model gets in one batch: two pieces of a long article, or 32 articles of 3k characters.
_BATCH_CHARS = 2 * PIECE_CHARS


class Extractor:
    """Runs the eventwire pipeline over articles, batched with ``nlp.pipe``, in input order.

    With ``settings.n_process > 1`` the constructor starts that many worker processes (``spawn``:
    safe in threaded programs, on macOS and Windows, with torch models), each of which loads the
    pipeline once and keeps it for the extractor's life; this process then loads no model. Close
    the extractor (``close()`` or ``with``) to stop them; they also stop when it is garbage
    collected or the program ends. One extractor may be used from several threads at once.

    :param settings: model name, batch size, processes and limits.
    :param nlp: an already loaded pipeline (tests and benchmarks share one). Workers cannot share
        it: each loads ``settings.model`` with the same eventwire stages.
    :raises OSError: the model is not installed (from a worker too).
    """

    def __init__(self, settings: Settings | None = None, nlp: Language | None = None) -> None:
        self.settings = settings or Settings.from_env()
        self._nlp = None if nlp is None else self._prepare(nlp)
        self._lock = threading.Lock()
        self._pool = None
        if self.settings.n_process > 1:
            self._pool = _start_pool(self.settings, _stages(nlp))
            self._finalizer = weakref.finalize(self, self._pool.close)
        else:
            self.nlp  # noqa: B018 - load now, so a missing model is reported before any input is read

    @property
    def nlp(self) -> Language:
        """The pipeline of this process (loaded on first use when workers do the work)."""
        if self._nlp is None:
            self._nlp = self._prepare(load_pipeline(self.settings.model, actors=self.settings.actors))
        return self._nlp

    def _prepare(self, nlp: Language) -> Language:
        # Our own limit is the one users set; spaCy's would otherwise raise E088 mid-batch.
        nlp.max_length = max(nlp.max_length, self.settings.max_chars)
        return nlp

    def close(self) -> None:
        """Stop the worker processes, if any; the extractor cannot extract in parallel afterwards."""
        if self._pool is not None:
            self._finalizer()

    def __enter__(self) -> Extractor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def extract(self, items: Iterable[Record | InputError]) -> Iterator[Document]:
        """One document per item, in order; an `InputError` item becomes an error document.

        An exception while processing an article (or a worker process dying on it) becomes an
        ``internal_error`` document for that article; the run goes on.
        """
        it = iter(items)
        if self._pool is None:
            chunks = iter(lambda: list(islice(it, self.settings.batch_size * 4)), [])
            for chunk in chunks:
                yield from _merge(chunk, self.safe_documents(_records(chunk)))
        else:
            yield from self._extract_parallel(iter(lambda: list(islice(it, _task_size(self.settings))), []))

    def extract_text(self, text: str, published: str | None = None, article_id: str = "text") -> Document:
        """Convenience for one text (library use and tests)."""
        from eventwire.ingest.records import validate_record

        record = validate_record(
            {"id": article_id, "text": text, "published": published}, set(), self.settings.max_chars
        )
        return next(self.extract([record]))

    def documents(self, records: list[Record]) -> list[Document]:
        """The documents of valid records, in order, through ``nlp.pipe`` in this process.

        The model's components see a long text in pieces (`eventwire.nlp.pieces`), so its cost and
        memory grow linearly with length; the eventwire stages then see each article whole.
        """
        layouts = [find_layout(r.text, r.credit) for r in records]
        return [build_document(*row) for row in zip(records, layouts, self.docs(records, layouts), strict=True)]

    def docs(self, records: list[Record], layouts: list[Layout]) -> list[Doc]:
        """The records' docs through every component of the pipeline, in order (what `documents` reads;
        the event-type model's training reads them too)."""
        with self._lock:  # one nlp.pipe at a time: stages keep per-document state
            model, stages = self._split_pipeline()
            return list(self.nlp.pipe(self._parsed(records, layouts, stages), batch_size=self.settings.batch_size,
                                      disable=model))

    def timed_document(self, record: Record) -> tuple[Document, dict[str, float]]:
        """One record through each component in turn, with the CPU seconds each took (benchmarks).

        CPU time, not wall time: other programs on a shared machine do not inflate it. The keys are
        ``make_doc``, the component names, ``join_pieces`` and ``document`` (building and serialising
        the output); the document equals the one `documents` gives.
        """
        clock, times = time.process_time, {}
        start = clock()
        layout = find_layout(record.text, record.credit)
        body = record.text[: layout.body_end]
        with self._lock:
            model, stages = self._split_pipeline()
            pieces = [self.nlp.make_doc(body[a:b]) for a, b in piece_bounds(body, PIECE_CHARS)]
            times["make_doc"] = clock() - start
            for name in model:
                start, component = clock(), self.nlp.get_pipe(name)
                pieces = [component(piece) for piece in pieces]
                times[name] = clock() - start
            start = clock()
            doc = _anchor(join_pieces(pieces), record, layout)
            times["join_pieces"] = clock() - start
            for name in stages:
                start = clock()
                doc = self.nlp.get_pipe(name)(doc)
                times[name] = clock() - start
        start = clock()
        document = build_document(record, layout, doc)
        document.to_json()
        times["document"] = clock() - start
        return document, times

    def _split_pipeline(self) -> tuple[list[str], list[str]]:
        """The model's components (those before the first eventwire stage) and the rest."""
        names = self.nlp.pipe_names
        first = next((i for i, name in enumerate(names) if name in STAGES), len(names))
        return names[:first], names[first:]

    def _parsed(self, records: list[Record], layouts: list[Layout], stages: list[str]) -> Iterator[Doc]:
        """Each record's body through the model's components, long ones in pieces joined back, anchored.

        Pieces are batched by count and by characters, so a long article never sits in memory all at
        once inside the model.
        """
        bodies = [r.text[: lay.body_end] for r, lay in zip(records, layouts, strict=True)]
        pieces = ((i, body[a:b]) for i, body in enumerate(bodies) for a, b in piece_bounds(body, PIECE_CHARS))
        for i, group in groupby(self._model_pass(pieces, stages), key=itemgetter(0)):
            yield _anchor(join_pieces([doc for _, doc in group]), records[i], layouts[i])

    def _model_pass(self, pieces: Iterator[tuple[int, str]], stages: list[str]) -> Iterator[tuple[int, Doc]]:
        """(record index, parsed piece) in order: the model's components only."""
        for batch in _batches(pieces, self.settings.batch_size):
            docs = self.nlp.pipe([text for _, text in batch], batch_size=len(batch), disable=stages)
            yield from zip((i for i, _ in batch), docs, strict=True)

    def safe_documents(self, records: list[Record]) -> list[Document]:
        """`documents`, but an exception costs only the article that raised it an error document.

        After a failure the records are run again one by one, so only the culprit is lost.
        """
        try:
            return self.documents(records)
        except Exception as err:  # noqa: BLE001 - becomes an error document, logged with its cause
            if len(records) > 1:
                return [doc for record in records for doc in self.safe_documents([record])]
            log.exception("article %s failed", records[0].id)
            return [record_error(records[0], f"{type(err).__name__}: {err}")]

    def _extract_parallel(self, chunks: Iterator[list[Record | InputError]]) -> Iterator[Document]:
        """Keep a few tasks a worker in flight, so memory stays flat on endless input and order is kept."""
        window = 2 * self.settings.n_process + 1
        pending: deque = deque()
        try:
            for chunk in chunks:
                pending.append((chunk, self._pool.submit(_records(chunk))))
                if len(pending) > window:
                    done, future = pending.popleft()
                    yield from _merge(done, future.result())
            while pending:
                done, future = pending.popleft()
                yield from _merge(done, future.result())
        finally:  # the caller stopped early: drop what was not started
            for _, future in pending:
                future.cancel()


def _anchor(doc: Doc, record: Record, layout: Layout) -> Doc:
    """Give ``doc`` what the stages read besides the text: publication date, dateline, content start."""
    doc._.published = record.anchor
    doc._.dateline = layout.dateline_place
    doc._.content_start = layout.dateline[1] if layout.dateline else 0
    return doc


def _batches(pieces: Iterator[tuple[int, str]], size: int) -> Iterator[list[tuple[int, str]]]:
    """Lists of at most ``size`` pieces and (but for a single piece) `_BATCH_CHARS` characters."""
    batch: list[tuple[int, str]] = []
    chars = 0
    for piece in pieces:
        if batch and (len(batch) == size or chars + len(piece[1]) > _BATCH_CHARS):
            yield batch
            batch, chars = [], 0
        batch.append(piece)
        chars += len(piece[1])
    if batch:
        yield batch


def _task_size(settings: Settings) -> int:
    """Articles a worker gets at a time: small enough that the workers finish together."""
    return max(1, settings.batch_size // 4)


def _stages(nlp: Language | None) -> tuple[str, ...]:
    return STAGES if nlp is None else tuple(name for name in nlp.pipe_names if name in STAGES)


def _start_pool(settings: Settings, stages: tuple[str, ...]):
    from eventwire.scale.workers import WorkerPool, WorkerStartError

    serial = dataclasses.replace(settings, n_process=1)
    try:
        return WorkerPool(settings.n_process, _worker_init, (serial, stages), _worker_run, record_error)
    except WorkerStartError as err:  # the CLI reports a missing model the same way with or without workers
        raise OSError(str(err)) from None


def _worker_init(arg: tuple[Settings, tuple[str, ...]]) -> Extractor:
    """In a worker process: load the pipeline once."""
    settings, stages = arg
    return Extractor(settings, load_pipeline(settings.model, stages, actors=settings.actors))


def _worker_run(extractor: Extractor, records: list[Record]) -> list[Document]:
    """In a worker process: one task."""
    return extractor.safe_documents(records)


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
    if doc._.ew_error:
        return record_error(record, doc._.ew_error, layout)
    return Document(
        article=_article(record, layout),
        actors=[*(doc._.ew_actors or []), *(doc._.ew_implied_actors or [])],
        places=doc._.ew_places or [],
        times=doc._.ew_times or [],
        attributions=doc._.ew_attributions or [],
        events=doc._.ew_events or [],
    )


def record_error(record: Record, message: str, layout: Layout | None = None) -> Document:
    """The ``internal_error`` document of a valid record that could not be processed."""
    article = _article(record, layout or find_layout(record.text, record.credit))
    return Document(article=article, error=ErrorInfo(code="internal_error", message=message, line=record.line))


def error_document(err: InputError) -> Document:
    """The document standing in for a record that could not be processed."""
    article = Article(id=getattr(err, "article_id", None), language=None)
    return Document(article=article, error=ErrorInfo(code=err.code, message=err.message, line=err.line))
