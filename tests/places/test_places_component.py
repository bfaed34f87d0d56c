"""The places component on short sentences: aliases, false friends, regions, containment, possessives."""

from __future__ import annotations

import pytest


def _places(nlp, text):
    doc = nlp(text)
    return doc, {m.text: p for p in doc._.ew_places for m in p.mentions}


@pytest.mark.parametrize("text,mention,country,feature", [
    ("The minister flew to the UK on Monday.", "UK", "GBR", "country"),
    ("Trade with Britain fell sharply.", "Britain", "GBR", "country"),
    ("The US imposed new sanctions.", "US", "USA", "country"),
    ("He moved to Texas last year.", "Texas", "USA", "admin1"),
])
def test_component_aliases(nlp, text, mention, country, feature):
    _, places = _places(nlp, text)
    assert places[mention].country == country
    assert places[mention].feature == feature


@pytest.mark.parametrize("text,word", [
    ("Kim and Putin shook hands.", "Kim"),
    ("Putin spoke to reporters in March.", "March"),
    ("Will Smith arrived late.", "Will"),
    ("Chad Johnson scored twice.", "Chad"),
    ("The Russian delegation left.", "Russian"),
    ("Kim has agreed to supply munitions, according to Tass.", "Tass"),
])
def test_component_false_friends_not_places(nlp, text, word):
    _, places = _places(nlp, text)
    assert word not in places


@pytest.mark.parametrize("text,mention,name,country", [
    ("They met in Russia’s far eastern Amur region on Tuesday.", "Amur region", "Amur Oblast", "RUS"),
    ("Fighting continued in the Belgorod region.", "Belgorod region", "Belgorod Oblast", "RUS"),
    ("Floods hit Bavaria this week.", "Bavaria", "Bavaria", "DEU"),
])
def test_component_admin1_region_phrases(nlp, text, mention, name, country):
    _, places = _places(nlp, text)
    assert places[mention].name == name
    assert places[mention].country == country
    assert places[mention].feature == "admin1"


@pytest.mark.parametrize("text,mention,country", [
    ("Protesters gathered in Paris, Texas, on Sunday.", "Paris", "USA"),
    ("The summit took place in Georgia’s capital, Tbilisi.", "Georgia", "GEO"),
    ("He lives in Alexandria, Egypt.", "Alexandria", "EGY"),
])
def test_component_containment(nlp, text, mention, country):
    _, places = _places(nlp, text)
    assert places[mention].country == country


@pytest.mark.parametrize("text,mention", [
    ("North Korea’s leader left Pyongyang.", "North Korea"),
    ("Russia's army advanced.", "Russia"),
])
def test_component_strips_possessive(nlp, text, mention):
    doc, places = _places(nlp, text)
    assert mention in places
    assert all(not s.text.endswith(("’s", "'s")) for s in doc.spans["ew_places"])


@pytest.mark.parametrize("text", ["Kim met Putin in Moscow and then flew to Pyongyang and back to Moscow."])
def test_component_one_place_per_location_with_ids_in_order(nlp, text):
    doc, _ = _places(nlp, text)
    by_name = {p.name: p for p in doc._.ew_places}
    assert [p.id for p in doc._.ew_places] == [f"p{i}" for i in range(1, len(doc._.ew_places) + 1)]
    assert len(by_name["Moscow"].mentions) == 2
    assert {s.kb_id_ for s in doc.spans["ew_places"]} == {p.id for p in doc._.ew_places}
    for m in by_name["Moscow"].mentions:
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("text,mention,country", [
    ("A stop in the city of Khasan, just over the border, was shown.", "Khasan", "RUS"),
    ("Leaders arrived at Vostochny Cosmodrome on Wednesday.", "Vostochny Cosmodrome", "RUS"),
])
def test_component_sites(nlp, text, mention, country):
    _, places = _places(nlp, text)
    assert places[mention].country == country
    assert places[mention].feature == "site"
