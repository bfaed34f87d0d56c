"""Near-duplicate fingerprints: one wire story run twice is found, different stories are not."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire import dedup

# A made-up wire story and an outlet's light edit of it (headline dropped, one sentence reworded, a
# closing line added), against a different story on the same subject.
WIRE = (
    "Farmers in the northern province blocked three highways with tractors on Monday, demanding that the "
    "government withdraw a planned tax on diesel. Police said about 4,000 people took part and that no one "
    "was hurt. The agriculture minister invited union leaders to talks in the capital on Thursday, and said "
    "the tax would help pay for rural roads. Union leaders said the blockades would continue until the plan "
    "was dropped. Opposition parties backed the protest and called for a vote in parliament next week."
)
EDITED = (
    "Farmers in the northern province blocked three highways with tractors on Monday, demanding that the "
    "government withdraw a planned tax on diesel. Police said roughly 4,000 people took part and that no one "
    "was hurt. The agriculture minister invited union leaders to talks in the capital on Thursday, and said "
    "the tax would help pay for rural roads. Union leaders said the blockades would continue until the plan "
    "was dropped. Opposition parties backed the protest and called for a vote in parliament next week. "
    "Reporting by a staff correspondent."
)
OTHER = (
    "The government said on Monday it would go ahead with a tax on diesel despite protests by farmers. A "
    "spokesman told reporters that the revenue was needed for roads in rural areas and that talks with the "
    "farmers' unions remained open. Several hundred tractors were still parked along the main highway north "
    "of the capital late in the day, witnesses said, and more protests were planned for the weekend."
)


def test_dedup_identical_texts_are_one():
    a, b = dedup.signature(WIRE), dedup.signature(WIRE)
    assert np.array_equal(a, b)
    assert dedup.similarity(a, b) == 1.0


def test_dedup_an_edited_copy_is_a_near_duplicate():
    score = dedup.similarity(dedup.signature(WIRE), dedup.signature(EDITED))
    assert score >= dedup.THRESHOLD
    assert set(dedup.band_keys(dedup.signature(WIRE))) & set(dedup.band_keys(dedup.signature(EDITED)))


def test_dedup_another_story_on_the_same_subject_is_not():
    score = dedup.similarity(dedup.signature(WIRE), dedup.signature(OTHER))
    assert score < 0.2
    assert not set(dedup.band_keys(dedup.signature(WIRE))) & set(dedup.band_keys(dedup.signature(OTHER)))


def test_dedup_case_and_punctuation_do_not_matter():
    shouted = WIRE.upper().replace(",", " ;")
    assert dedup.similarity(dedup.signature(WIRE), dedup.signature(shouted)) == 1.0


def test_dedup_a_text_without_words_has_no_signature():
    assert dedup.signature("") is None
    assert dedup.signature(" -- ... ") is None
    assert dedup.signature("Short text.") is not None


def test_dedup_signatures_are_stable_values():
    """Stored signatures must mean the same in every process: no salted hash, fixed coefficients."""
    sig = dedup.signature("one two three four")
    assert sig.dtype == np.uint32 and len(sig) == dedup.BANDS * 3
    assert np.array_equal(dedup.from_bytes(dedup.to_bytes(sig)), sig)
    assert len(dedup.to_bytes(sig)) == 240
    assert all(0 <= k < 2**63 for k in dedup.band_keys(sig))


WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40), st.lists(st.sampled_from(WORDS), min_size=1,
                                                                            max_size=40))
def test_dedup_similarity_is_symmetric_and_bounded(a, b):
    sa, sb = dedup.signature(" ".join(a)), dedup.signature(" ".join(b))
    assert dedup.similarity(sa, sb) == dedup.similarity(sb, sa)
    assert 0.0 <= dedup.similarity(sa, sb) <= 1.0
