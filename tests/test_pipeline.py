"""The extractor: input order, error documents in place, the same output with worker processes."""

from __future__ import annotations

import dataclasses

import pytest

from eventwire.errors import InputError
from eventwire.ingest.records import validate_record
from eventwire.pipeline import Extractor

TEXTS = [
    "Kim Jong-un arrived in Russia on Tuesday.",
    "Vladimir Putin met Xi Jinping in Beijing on Monday, Tass reported.",
    "Protesters in Paris denounced the government on Sunday.",
]


def _items():
    seen: set[str] = set()
    items = [validate_record({"id": f"a{i}", "text": t, "published": "2023-09-13"}, seen, 10_000) for i, t in
             enumerate(TEXTS)]
    items.insert(1, InputError("malformed_json", "bad line", line=2))
    return items


@pytest.mark.parametrize("n_process", [1, 2])
def test_pipeline_order_and_errors(settings, nlp, n_process):
    extractor = Extractor(dataclasses.replace(settings, n_process=n_process, batch_size=1), nlp)
    docs = list(extractor.extract(_items()))
    assert [d.article.id for d in docs] == ["a0", None, "a1", "a2"]
    assert docs[1].error.code == "malformed_json" and docs[1].error.line == 2


def test_pipeline_workers_give_the_same_documents(settings, nlp):
    one = Extractor(dataclasses.replace(settings, n_process=1, batch_size=2), nlp)
    two = Extractor(dataclasses.replace(settings, n_process=2, batch_size=2), nlp)
    assert [d.to_json() for d in one.extract(_items())] == [d.to_json() for d in two.extract(_items())]


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
