"""The stage's cost grows with the text, not with the square of its quotations, cues or actors."""

from __future__ import annotations

import time

import pytest
from spacy.tokens import Doc

from eventwire.attribution.component import AttributionStage
from eventwire.attribution.nesting import assign_parents

_UNIT = "“We will win,” Vladimir Putin said. He told reporters that talks failed, according to Tass. "


@pytest.fixture(scope="module")
def long_doc(nlp):
    """2,500 copies of a short paragraph (7,500 cues, 2,500 quotations, 5,000 actor mentions), parsed once."""
    ours = [name for name in nlp.pipe_names if name.startswith("eventwire_")]
    with nlp.select_pipes(disable=ours):
        unit = nlp(_UNIT)
    doc = Doc.from_docs([unit] * 2500)
    nlp.get_pipe("eventwire_actors")(doc)
    return doc


def test_scale_stage_on_thousands_of_quotes_is_fast(long_doc):
    start = time.perf_counter()
    AttributionStage()(long_doc)
    elapsed = time.perf_counter() - start
    found = long_doc._.ew_attributions
    assert len(found) == 7500
    assert elapsed < 3.0, f"{elapsed:.1f} s for {len(long_doc.text)} characters"
    # the last paragraph is read like the first: the speaker and the nesting survive at scale
    last = found[-3:]
    assert [a.cue for a in last] == ["said", "told", "according to"]
    assert last[0].quote and last[1].parent == last[2].id and last[1].source == last[0].source


@pytest.mark.parametrize("n", [3, 20000])
def test_scale_assign_parents_on_many_spans_is_fast(n):
    # every attribution reports the next one's cue inside a short content: a long chain
    cues = [(100 * i, 100 * i + 4) for i in range(n)]
    contents = [(100 * i + 50, 100 * i + 150) for i in range(n)]
    start = time.perf_counter()
    parents = assign_parents(cues, contents)
    assert time.perf_counter() - start < 2.0
    assert parents[1:] == list(range(n - 1))
    assert parents[0] is None
