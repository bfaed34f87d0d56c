"""The actors component on short sentences: names, composites, possessives, surnames, metonymy."""

from __future__ import annotations

import pytest


def _actors(nlp, text):
    doc = nlp(text)
    return doc, {m.text: a for a in doc._.ew_actors for m in a.mentions}


@pytest.mark.parametrize("text,mention,code", [
    ("Kim Jong Un met officials on Monday.", "Kim Jong Un", "PRKGOV"),
    ("Vladimir V. Putin spoke in Moscow.", "Vladimir V. Putin", "RUSGOV"),
    ("Sergey Lavrov said the talks were useful.", "Sergey Lavrov", "RUSGOV"),
    ("The Pentagon said it would send more aid.", "Pentagon", "USAMIL"),
    ("Xinhua reported the meeting.", "Xinhua", "CHNMED"),
])
def test_component_name_variants(nlp, text, mention, code):
    _, found = _actors(nlp, text)
    assert found[mention].code == code


@pytest.mark.parametrize("text,mention,code", [
    ("Russian state media reported the visit.", "Russian state media", "RUSMED"),
    ("North Korean news media reported that he had left.", "North Korean news media", "PRKMED"),
    ("Russian forces shelled the town.", "Russian forces", "RUSMIL"),
    ("He was greeted by a Russian official at the station.", "Russian official", "RUSGOV"),
    ("The Chinese foreign ministry protested.", "Chinese foreign ministry", "CHNGOV"),
    ("Kim visited Pyongyang. North Korea said the country’s state media would report it.",
     "the country’s state media", "PRKMED"),
])
def test_component_composite(nlp, text, mention, code):
    _, found = _actors(nlp, text)
    assert found[mention].code == code


@pytest.mark.parametrize("text,mention", [
    ("North Korea’s leader arrived.", "North Korea’s leader"),
    ("It was just over North Korea’s northeastern border.", "North Korea"),
])
def test_component_possessive_cut(nlp, text, mention):
    doc, found = _actors(nlp, text)
    assert mention in found
    assert all(not s.text.endswith(("’s", "'s")) for s in doc.spans["ew_actors"])


@pytest.mark.parametrize("text,full,short", [
    ("Kim Jong-un arrived on Tuesday. Later Kim met the governor.", "Kim Jong-un", "Kim"),
    ("Dmitry Peskov spoke on Tuesday. Peskov said more talks would follow.", "Dmitry Peskov", "Peskov"),
    ("Oleg Smirnovsky, a local trader, arrived. Smirnovsky said prices rose.", "Oleg Smirnovsky",
     "Smirnovsky"),
])
def test_component_surname_links(nlp, text, full, short):
    _, found = _actors(nlp, text)
    assert found[full].id == found[short].id


@pytest.mark.parametrize("text,mention,code", [
    ("The Kremlin confirmed his arrival.", "Kremlin", "RUSGOV"),
    ("Moscow urgently needs to replenish its arsenals.", "Moscow", "RUSGOV"),
    ("The White House declined to comment.", "White House", "USAGOV"),
])
def test_component_metonymy(nlp, text, mention, code):
    _, found = _actors(nlp, text)
    assert found[mention].code == code


@pytest.mark.parametrize("text", ["He flew to Moscow on Monday.", "The war in Ukraine dragged on."])
def test_component_places_are_not_actors(nlp, text):
    doc = nlp(text)
    assert doc._.ew_actors == []


@pytest.mark.parametrize("text,mention", [
    ("Johnathan Wexley, a farmer, said the rains came late.", "Johnathan Wexley"),
])
def test_component_unknown_person(nlp, text, mention):
    _, found = _actors(nlp, text)
    assert found[mention].kind == "person"
    assert found[mention].country is None


@pytest.mark.parametrize("text,person,title", [
    ("Kim and Putin, the Russian President, are both pariahs.", "Putin", "Russian President"),
])
def test_component_apposition_links(nlp, text, person, title):
    _, found = _actors(nlp, text)
    assert found[person].id == found[title].id


@pytest.mark.parametrize("text", ["Kremlin spokesperson Dmitry Peskov said on Tuesday that talks went well."])
def test_component_span_group(nlp, text):
    doc = nlp(text)
    ids = {a.id for a in doc._.ew_actors}
    spans = doc.spans["ew_actors"]
    assert {s.kb_id_ for s in spans} == ids
    assert [a.id for a in doc._.ew_actors] == [f"a{i}" for i in range(1, len(ids) + 1)]
    assert any(s.text == "Dmitry Peskov" and s.label_ == "RUSGOV" for s in spans)


def test_actors_component_dateline_is_not_an_actor(extractor):
    doc = extractor.extract_text(
        "MOSCOW (Reuters) - Russian President Vladimir Putin met Xi Jinping on Monday.", "2023-03-21"
    )
    assert {a.name for a in doc.actors} >= {"Vladimir Putin", "Xi Jinping"}
    assert all(m.start >= doc.article.dateline.end for a in doc.actors for m in a.mentions)
