"""Names that are not places (demonyms, people, buildings used for institutions, parts of longer names),
one sense per discourse, and the prior for prominent places."""

from __future__ import annotations

import pytest

from eventwire.places.gazetteer import load_gazetteer


def _places(nlp, text):
    doc = nlp(text)
    return {m.text: p for p in doc._.ew_places for m in p.mentions}


@pytest.mark.parametrize("word", ["German", "Germans", "Kashmiris", "Kashmiri", "Georgian", "Sri Lankan",
                                  "Americans", "Chinese", "Iraqi", "French", "Sudanese", "Texan", "Londoner"])
def test_gazetteer_knows_demonyms(word):
    assert load_gazetteer().is_demonym(word)


@pytest.mark.parametrize("word", ["Germany", "Georgia", "Jordan", "Norman", "Roman", "Canaan", "Indiana"])
def test_gazetteer_place_names_are_not_demonyms(word):
    assert not load_gazetteer().is_demonym(word)


@pytest.mark.parametrize("text,word", [
    ("Kashmiris protested in Srinagar on Friday.", "Kashmiris"),
    ("The German chancellor arrived in Rome.", "German"),
    ("Georgian troops shelled the town, Russian officials said.", "Georgian"),
    ("The Sri Lankan government rejected the report.", "Sri Lankan"),
])
def test_demonyms_are_never_places(nlp, text, word):
    assert word not in _places(nlp, text)


def test_town_the_tagger_calls_a_nationality_is_a_place_after_a_locative_cue(nlp):
    """The small model labels some towns NORP ("Samarra"); a town that is no demonym, after "in" or
    "the town of", is the town."""
    for text in ("A bomb exploded in Samarra on Sunday.", "A bombing near the town of Samarra killed two."):
        assert _places(nlp, text)["Samarra"].country == "IRQ"
    assert "Kurds" not in _places(nlp, "He spoke to Kurds in the town.")


def test_modi_will_travel_to_paris_france(nlp):
    places = _places(nlp, "Indian Prime Minister Narendra Modi will travel to Paris on Friday.")
    assert places["Paris"].country == "FRA"


def test_white_house_is_a_building_not_a_town(nlp):
    said = _places(nlp, "The White House said on Monday that the talks would resume.")
    assert "White House" not in said
    at = _places(nlp, "The ceremony took place at the White House on Monday.")
    assert (at["White House"].feature, at["White House"].country) == ("site", "USA")


def test_golden_temple_is_not_temple_texas(nlp):
    places = _places(nlp, "Thousands of pilgrims gathered at the Golden Temple in Amritsar.")
    assert all(p.country != "USA" for p in places.values())
    assert places["Amritsar"].country == "IND"


@pytest.mark.parametrize("text,word", [
    ("Speaking on the BBC's World At One programme, the minister denied it.", "One"),
    ("Coach Darren Ripley praised the team. \"They answered the questions,\" Ripley said.", "Ripley"),
    ("Raquel Henry, 19, was arrested. Police said Henry's car was found nearby.", "Henry"),
    ("Tim and Kristina said they were in shock at the news.", "Kristina"),
    ("Scientists studied the Marburg virus in the laboratory.", "Marburg"),
    ("Mr Bolton said he would meet Ms Harden on Friday.", "Harden"),
])
def test_names_that_are_not_places_are_not_villages(nlp, text, word):
    assert word not in _places(nlp, text)


def test_one_sense_per_discourse(nlp):
    text = ("Gainesville police arrested a man on Monday. The man was taken to the jail in Gainesville, "
            "where Gainesville officers questioned him.")
    doc = nlp(text)
    mentions = [m.text for p in doc._.ew_places for m in p.mentions]
    assert mentions.count("Gainesville") == 3
    assert len({p.id for p in doc._.ew_places if p.mentions[0].text == "Gainesville"}) == 1


def test_a_country_name_is_nobodys_surname(nlp):
    places = _places(nlp, "Garuda Indonesia flew the minister home. Indonesia banned the airline last year.")
    assert places["Indonesia"].country == "IDN"
