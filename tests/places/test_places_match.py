"""The one name matcher shared by NER entities and gazetteer n-grams, and the per-document text cache."""

from __future__ import annotations

import pytest

from eventwire.places.component import Tokens


@pytest.fixture(scope="module")
def stage(nlp):
    return nlp.get_pipe("eventwire_places")


@pytest.mark.parametrize("text,start,end,region_at,span,region", [
    # n-gram caller: the region word follows the name
    ("Fighting in Amur region today", 2, 3, 3, (2, 4), True),
    # entity caller: the region word is the entity's last token
    ("Fighting in Amur region today", 2, 4, 3, (2, 4), True),
    # the period the tokenizer split off belongs to the abbreviation
    ("Near London, Ont. today", 3, 4, 4, (3, 5), False),
    # no region word at region_at: the name as is
    ("Fighting in Amur today", 2, 3, 3, (2, 3), False),
])
def test_component_match_reads_region_period_and_plain_names(
        nlp, stage, text, start, end, region_at, span, region):
    cand = stage._match(Tokens(nlp.make_doc(text)), start, end, region_at, "GPE")
    assert cand is not None
    assert ((cand.start, cand.end), cand.region, cand.label) == (span, region, "GPE")
    assert cand.entries


@pytest.mark.parametrize("text,start,end,region_at", [
    ("They went to Zzyzxq today", 3, 4, 4),
    ("They went to Zzyzxq region today", 3, 5, 4),
])
def test_component_match_unknown_name_is_none(nlp, stage, text, start, end, region_at):
    assert stage._match(Tokens(nlp.make_doc(text)), start, end, region_at, "GPE") is None


@pytest.mark.parametrize("inner", [True, False])
def test_component_match_inner_flag_only_on_plain_names(nlp, stage, inner):
    toks = Tokens(nlp.make_doc("The Paris office opened."))
    assert stage._match(toks, 1, 2, 2, "ORG", inner=inner).inner is inner


@pytest.mark.parametrize("text", [
    "Officials in Mobile, Alabama and the Amur region said North Korea’s envoy left London, Ont. on Friday",
])
def test_component_candidates_cache_text_as_in_doc(nlp, stage, text):
    doc = nlp(text)
    cands = stage._candidates(doc, Tokens(doc))
    assert cands
    assert all(c.text == doc[c.start:c.end].text and c.key for c in cands)
