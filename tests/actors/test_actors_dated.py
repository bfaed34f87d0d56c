"""Date-aware roles: the article's publication date picks the office; out of office a person is ELI."""

from __future__ import annotations

import pytest

from eventwire.actors.kb import OPEN_END, Entity, Role, latest_role, load_kb, normalize


def _code(extractor, text: str, published: str | None, mention: str) -> str | None:
    doc = extractor.extract_text(text, published)
    return next(a.code for a in doc.actors for m in a.mentions if m.text == mention)


@pytest.mark.parametrize("name,published,code", [
    ("Donald Trump", "2018-05-01", "USAGOV"), ("Donald Trump", "2022-05-01", "USAELI"),
    ("Donald Trump", "2025-05-01", "USAGOV"), ("Boris Johnson", "2020-05-01", "GBRGOV"),
    ("Boris Johnson", "2024-05-01", "GBRELI"), ("Angela Merkel", "2015-05-01", "DEUGOV"),
    ("Angela Merkel", "2023-05-01", "DEUELI"),
])
def test_dated_role_follows_published(extractor, name, published, code):
    assert _code(extractor, f"{name} arrived in Brussels on Monday.", published, name) == code


@pytest.mark.parametrize("name,code", [
    ("Donald Trump", "USAGOV"), ("Boris Johnson", "GBRGOV"), ("Angela Merkel", "DEUGOV"),
])
def test_dated_role_without_published_is_the_latest_office(extractor, name, code):
    assert _code(extractor, f"{name} arrived in Brussels on Monday.", None, name) == code


def test_dated_role_from_phoenix_ranges():
    # Phoenix: [GBRELI 710101-970502] [GBRGOV 970502-070627] [GBRGOV 030101-070630] [GBRELI]
    blair = load_kb().entities[load_kb().aliases[normalize("Tony Blair")]]
    assert blair.role_at(20010601) == ("GBR", "GOV")
    assert blair.role_at(20150601) == ("GBR", "ELI")  # the bare [GBRELI] holds outside the ranges


def test_dated_role_ranges_are_inclusive_and_eli_uses_the_home_country():
    person = Entity("X", "X", "person", "NATO", "IGO", roles=(
        Role("NOR", "GOV", 20050101, 20131016), Role("NATO", "IGO", 20141001, 20241001)))
    assert person.role_at(20131016) == ("NOR", "GOV")
    assert person.role_at(20140501) == ("NOR", "ELI")
    assert person.role_at(20250101) == ("NOR", "ELI")  # after the NATO years: Norway's, not NATO's
    assert person.role_at(None) == ("NATO", "IGO")


def test_latest_role_prefers_a_real_office_over_a_later_eli_range():
    roles = [Role("USA", "GOV", 20010120, 20090120), Role("USA", "ELI", 20090121, OPEN_END)]
    assert latest_role(roles) == roles[0]


@pytest.mark.parametrize("published,linked", [("2023-05-01", True), ("2010-05-01", False), (None, False)])
def test_surname_alone_links_to_the_one_holder_in_office(extractor, published, linked):
    # Rishi Sunak held office from 2020 (Chancellor) to 2024 (Prime Minister); in 2010 a bare "Sunak" is nobody,
    # and in an undated article a bare surname is someone in office now, which he is not
    doc = extractor.extract_text("Sunak said the talks went well.", published)
    assert any(a.kb_id == "RISHI_SUNAK" for a in doc.actors) is linked


def test_surname_alone_without_a_date_is_a_holder_in_office_now(extractor):
    doc = extractor.extract_text("Starmer said the talks went well.", None)
    assert [a.code for a in doc.actors if a.kb_id == "KEIR_STARMER"] == ["GBRGOV"]


@pytest.mark.parametrize("name,published,code", [
    ("Barack Obama", "2012-05-01", "USAGOV"), ("Barack Obama", "2019-05-01", "USAELI"),
    ("Hillary Clinton", "2006-05-01", "USALEG"), ("Hillary Clinton", "2011-05-01", "USAGOV"),
    ("David Cameron", "2012-05-01", "GBRGOV"), ("David Cameron", "2020-05-01", "GBRELI"),
    ("David Cameron", "2024-01-10", "GBRGOV"), ("Keir Starmer", "2022-05-01", "GBROPP"),
    ("Manmohan Singh", "2010-05-01", "INDGOV"), ("Manmohan Singh", "2018-05-01", "INDELI"),
    ("Sergei Shoigu", "2015-05-01", "RUSMIL"), ("Sergei Shoigu", "2025-05-01", "RUSGOV"),
    ("Jens Stoltenberg", "2018-05-01", "IGONATO"), ("Jens Stoltenberg", "2024-12-01", "NORELI"),
    ("Qin Gang", "2023-03-01", "CHNGOV"), ("Qin Gang", "2024-03-01", "CHNELI"),
])
def test_dated_role_of_the_supplement(extractor, name, published, code):
    """Heads of state and government, foreign and defence ministers 2000 to today (data/actors/offices.tsv)."""
    assert _code(extractor, f"{name} arrived in Brussels on Monday.", published, name) == code


def test_alias_inside_a_longer_person_name_is_that_person(extractor):
    # Phoenix's one-word "Albert" (of Monaco) must not swallow another Albert
    doc = extractor.extract_text("Albert Einstein wrote to the president.", None)
    assert [a.kb_id for a in doc.actors if a.mentions[0].text.startswith("Albert")] == [None]


@pytest.mark.parametrize("text,mention,code", [
    ("Former President Bill Clinton spoke in Dublin.", "President Bill Clinton", "USAELI"),
    ("The former Russian president arrived in Minsk.", "Russian president", "RUSELI"),
])
def test_former_title_is_eli(extractor, text, mention, code):
    assert _code(extractor, text, None, mention) == code
