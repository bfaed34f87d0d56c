"""The times stage costs time linear in the length of the article (issue 9: no scan per expression
over earlier ones). Four times the text must cost at most about five times as much."""

from __future__ import annotations

import random
import time
from datetime import date

import pytest

from eventwire.times import timex
from eventwire.times.component import TimesStage

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SENTENCES = [
    "The ministers met on {day} in the capital, officials said.",
    "Talks are due to resume on {month} {n}, {year}, according to the agency.",
    "The ceasefire, agreed {n} days ago, held until {day} night.",
    "Two decades later, in {year}, the government will review the treaty.",
    "Prices rose {n} percent in the third quarter from a year earlier.",
    "The envoy, who arrived {day}, said the ban would be lifted the following month.",
    "Since {year}, protests have been held every {day} and the police now patrol daily.",
    "The court adjourned the case until {month} {year} after a hearing that lasted {n} hours.",
]


def _article(n_sentences: int, seed: int) -> str:
    """A news-like text with varied time expressions (varied so that no cache makes it cheap)."""
    rng = random.Random(seed)
    out = []
    for i in range(n_sentences):
        out.append(rng.choice(SENTENCES).format(day=rng.choice(DAYS), month=rng.choice(MONTHS),
                                                 n=rng.randint(2, 28), year=rng.randint(1950, 2030)))
        if i % 6 == 5:
            out.append("\n\n")
    return " ".join(out)


def _parsed(nlp, text: str):
    doc = nlp.make_doc(text)
    doc._.published = date(2023, 9, 13)
    return nlp(doc, disable=[p for p in nlp.pipe_names if p.startswith("eventwire_")])


def _seconds(stage: TimesStage, doc) -> float:
    """CPU seconds of the stage on ``doc`` (CPU time, not wall time: other work on a shared machine
    delays a run without making it cost more)."""
    timex.resolve.cache_clear()
    start = time.process_time()
    stage(doc)
    took = time.process_time() - start
    assert doc._.ew_error is None and len(doc._.ew_times) > len(doc.text) // 200
    return took


@pytest.mark.parametrize("sentences", [250])
def test_times_stage_cost_is_linear_in_length(nlp, sentences: int) -> None:
    short, long = _parsed(nlp, _article(sentences, seed=1)), _parsed(nlp, _article(4 * sentences, seed=2))
    stage = TimesStage()
    # Alternate the two and keep the best of each, so that a burst of load on a shared machine
    # does not land on one side only.
    best_short = best_long = float("inf")
    for _ in range(5):
        best_short = min(best_short, _seconds(stage, short))
        best_long = min(best_long, _seconds(stage, long))
    assert best_long <= 5 * best_short, (
        f"4x the text took {best_long / best_short:.1f}x the time ({best_short:.3f}s -> {best_long:.3f}s)")
