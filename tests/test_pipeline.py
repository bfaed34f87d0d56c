"""The extractor: input order, error documents in place, the same bytes with worker processes."""

from __future__ import annotations

import dataclasses
import os
import signal

import pytest

from eventwire.errors import InputError
from eventwire.ingest.records import validate_record
from eventwire.pipeline import Extractor

TEXTS = [
    "Kim Jong-un arrived in Russia on Tuesday.",
    "Vladimir Putin met Xi Jinping in Beijing on Monday, Tass reported.",
    "Protesters in Paris denounced the government on Sunday.",
]


def _items(seed_record=None, copies: int = 1):
    """The short texts (and the example story), ``copies`` times, with a bad line among them."""
    texts = TEXTS + ([seed_record["text"]] if seed_record else [])
    seen: set[str] = set()
    items = [
        validate_record({"id": f"a{i}", "text": t, "published": "2023-09-13"}, seen, 10_000, i + 1)
        for i, t in enumerate(texts * copies)
    ]
    items.insert(1, InputError("malformed_json", "bad line", line=2))
    return items


@pytest.fixture(scope="module")
def parallel(settings):
    """Two spawned workers, each loading the pipeline once, shared by this module's tests."""
    with Extractor(dataclasses.replace(settings, n_process=2, batch_size=4)) as extractor:
        yield extractor


@pytest.mark.parametrize("n_process", [1, 2])
def test_pipeline_order_and_errors(settings, nlp, parallel, n_process):
    extractor = parallel if n_process == 2 else Extractor(dataclasses.replace(settings, batch_size=1), nlp)
    docs = list(extractor.extract(_items()))
    assert [d.article.id for d in docs] == ["a0", None, "a1", "a2"]
    assert docs[1].error.code == "malformed_json" and docs[1].error.line == 2


def test_pipeline_workers_give_the_same_bytes(settings, nlp, parallel, seed_record):
    items = _items(seed_record, copies=3)
    one = Extractor(dataclasses.replace(settings, batch_size=2), nlp)
    assert [d.to_json() for d in parallel.extract(items)] == [d.to_json() for d in one.extract(items)]


def test_pipeline_worker_killed_mid_run_loses_nothing(extractor, parallel, seed_record):
    items = _items(seed_record, copies=4)
    docs = parallel.extract(items)
    first = next(docs)
    os.kill(parallel._pool.pids[0], signal.SIGKILL)  # as the kernel's out-of-memory killer would
    got = [first.to_json(), *(d.to_json() for d in docs)]
    assert got == [d.to_json() for d in extractor.extract(items)]
    assert parallel._pool.restarts == 1


def test_pipeline_two_parallel_extractors_do_not_mix(settings, extractor, parallel):
    with Extractor(dataclasses.replace(settings, n_process=2, batch_size=1)) as other:
        a, b = parallel.extract(_items()), other.extract(_items()[::-1])
        mixed = [(x.to_json(), y.to_json()) for x, y in zip(a, b, strict=True)]
    expected = [d.to_json() for d in extractor.extract(_items())]
    assert [x for x, _ in mixed] == expected and [y for _, y in mixed] == expected[::-1]


def test_pipeline_exception_costs_one_article(extractor, monkeypatch):
    real = Extractor.documents

    def fragile(self, records):
        if any("Paris" in r.text for r in records):
            raise RuntimeError("parser exploded")
        return real(self, records)

    monkeypatch.setattr(Extractor, "documents", fragile)
    docs = list(extractor.extract(_items()))
    assert [d.error.code if d.error else "ok" for d in docs] == ["ok", "malformed_json", "ok", "internal_error"]
    assert docs[3].article.id == "a2" and "RuntimeError: parser exploded" in docs[3].error.message


def test_pipeline_credit_line_is_not_content(extractor):
    doc = extractor.extract_text("Kim Jong-un met Vladimir Putin.\nReuters", "2023-09-13")
    assert doc.article.credit == "Reuters"
    assert all(m.end <= doc.article.body_end for a in doc.actors for m in a.mentions)
    assert "Reuters" not in {a.name for a in doc.actors}


def test_pipeline_stage_failure_becomes_error_document(extractor, monkeypatch):
    from eventwire.times.component import TimesStage

    def boom(self, doc):
        raise RuntimeError("broken")

    monkeypatch.setattr(TimesStage, "process", boom)
    doc = extractor.extract_text("Kim met Putin on Tuesday.", "2023-09-13")
    assert doc.error.code == "internal_error" and "broken" in doc.error.message


def test_pipeline_missing_model_is_an_oserror_with_workers(settings):
    with pytest.raises(OSError, match="could not load the pipeline"):
        Extractor(dataclasses.replace(settings, model="no_such_model_xyz", n_process=2))
