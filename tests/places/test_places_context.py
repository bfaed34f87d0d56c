"""Round-2 rules: coherence vote, comma-split entities, glued abbreviations, toponyms inside ORG names."""

from __future__ import annotations

import pytest

from eventwire.places.component import Context, Tokens, saturate


def _places(nlp, text):
    doc = nlp(text)
    return {m.text: p for p in doc._.ew_places for m in p.mentions}


def test_context_support_excludes_own_vote():
    ctx = Context()
    ctx.add("dublin", {"IRL": 0.9, "USA": 0.1}, {})
    ctx.add("columbus", {"USA": 1.0}, {"US.OH": 1.0})
    assert ctx.country_support("USA", "dublin") == pytest.approx(1.0)
    assert ctx.country_support("IRL", "dublin") == pytest.approx(0.0)
    assert ctx.admin1_support("US.OH", "columbus") == pytest.approx(0.0)
    assert ctx.country_support(None, "dublin") == 0.0


@pytest.mark.parametrize("votes,best", [
    ([{"IRL": 0.9, "USA": 0.1}, {"USA": 1.0}], "USA"),
    ([{"RUS": 1.0}], "RUS"),
    ([], None),
])
def test_context_best_country(votes, best):
    ctx = Context()
    for i, v in enumerate(votes):
        ctx.add(f"name{i}", v, {})
    assert ctx.best_country() == best


@pytest.mark.parametrize("support,low,high", [(0.0, 0.0, 0.0), (1.0, 0.6, 0.7), (10.0, 0.9, 1.0)])
def test_context_saturate(support, low, high):
    assert low <= saturate(support) <= high


def test_tokens_span_and_glued_period(nlp):
    toks = Tokens(nlp.make_doc("Near London, Ont. today"))
    assert toks.span(1, 3) == "London,"
    assert toks.texts[3:5] == ["Ont", "."]
    assert toks.period_after(4) and not toks.period_after(1)


@pytest.mark.parametrize("text,mention,country", [
    ("Officials in Dublin met with Columbus leaders and Franklin County officials, Ohio.", "Dublin", "USA"),
    ("The unemployment rate in Athens rose, as in Oconee County and Clarke County, the Georgia "
     "Department of Labor said.", "Athens", "USA"),
    ("The Knights beat the Otters in London after games in Sarnia and Brampton.", "London", "CAN"),
    ("Ministers met in Dublin and then flew to Cork and Limerick.", "Dublin", "IRL"),
])
def test_component_coherence_vote(nlp, text, mention, country):
    assert _places(nlp, text)[mention].country == country


@pytest.mark.parametrize("text,parts", [
    ("The plant will be built in Mobile, Alabama, next year.", {"Mobile": "USA", "Alabama": "USA"}),
    ("He was raised in London, Ont., and moved away.", {"London": "CAN"}),
])
def test_component_comma_containment(nlp, text, parts):
    places = _places(nlp, text)
    for mention, country in parts.items():
        assert places[mention].country == country


@pytest.mark.parametrize("text,mention,feature", [
    ("Two men were arrested in Laurel County on Friday.", "Laurel County", "admin2"),
    ("A spokesman for the Texas Department of Transportation said the road was closed.", "Texas", "admin1"),
])
def test_component_counties_and_names_inside_organisations(nlp, text, mention, feature):
    place = _places(nlp, text)[mention]
    assert place.country == "USA"
    assert place.feature == feature


@pytest.mark.parametrize("text,word", [
    ("Agents of the Drug Enforcement Administration seized the boat.", "Drug"),
    ("She works at the Hospital Authority board.", "Hospital"),
])
def test_component_common_words_inside_organisations_not_places(nlp, text, word):
    assert word not in _places(nlp, text)


@pytest.mark.parametrize("text,mention,lon_below", [
    # the county named in the article picks the town (Huntsville, Texas, not Alabama's bigger one)
    ("The burn ban for Walker County was lifted after Huntsville Fire Chief Tom Grisham met the county judge. "
     "Residents of Huntsville may burn again.", "Huntsville", -94.0),
])
def test_component_county_named_in_article_picks_the_town(nlp, text, mention, lon_below):
    assert _places(nlp, text)[mention].lon < lon_below


@pytest.mark.parametrize("text,admin1", [
    # a town and a county that fit one place pick each other over bigger namesakes (Virginia's
    # Alexandria, Nebraska's Douglas County)
    ("A man from Alexandria was taken to the Douglas County Hospital after the crash on Friday.", "Minnesota"),
    ("The Boone County commissioners will meet in Lebanon on Monday to discuss the budget.", "Indiana"),
    # the news' joined particle ("DeSoto") finds GeoNames' "De Soto Parish", named inside an organisation
    ("The DeSoto Parish Police Jury met in Mansfield on Tuesday night.", "Louisiana"),
])
def test_component_town_and_its_county_link(nlp, text, admin1):
    places = _places(nlp, text)
    assert {p.admin1 for p in places.values() if p.feature in ("city", "admin2")} == {admin1}


def test_context_county_link_needs_another_name():
    from eventwire.places.gazetteer import Entry
    town = Entry("Guerrero", 28.5, -107.5, "MEX", "Chihuahua", "MX.06", "MX.06|Guerrero", "city", "PPL", 1, 9000)
    county = town._replace(feature="admin2", code="ADM2")
    ctx = Context()
    ctx.add_counties("guerrero", [town])
    ctx.add_counties("guerrero state", [county])
    assert not ctx.county_linked(town, "guerrero")  # a town and the municipality named after it: one name
    ctx.add_counties("douglas county", [town._replace(feature="admin2", name="Douglas County")])
    assert ctx.county_linked(town, "guerrero") and not ctx.county_linked(county, "guerrero state")


@pytest.mark.parametrize("text,mention,feature", [
    ("Heavy rain fell across Washington state on Sunday.", "Washington state", "admin1"),
    ("Flooding hit New York state overnight.", "New York state", "admin1"),
])
def test_component_state_word_reads_a_state(nlp, text, mention, feature):
    assert _places(nlp, text)[mention].feature == feature


def test_component_state_word_without_a_state_is_no_county(nlp):
    places = _places(nlp, "She studied nursing at Wright State before moving to Dayton.")
    assert all(p.feature != "admin2" for p in places.values())


@pytest.mark.parametrize("text,mention,country", [
    ("Tbilisi said the talks would resume.", "Tbilisi", "GEO"),
])
def test_component_person_label_on_a_place_name_alone(nlp, text, mention, country):
    places = _places(nlp, text)
    assert places[mention].country == country


@pytest.mark.parametrize("text,names", [
    # a plural region word after coordinated names makes each of them a county, whatever the NER label
    ("School enrollment grew fastest in Hall and Forsyth counties, officials in Georgia said.", ["Hall", "Forsyth"]),
    ("Flood warnings cover Becker, Clay and Otter Tail counties in Minnesota.", ["Becker", "Clay", "Otter Tail"]),
    ("The storm damaged roads from Ellsworth to Riley counties in Kansas.", ["Riley"]),
    # listed names no recogniser found (a person's name, a common word) are counties too
    ("Teams from Cooke, Grayson and Love counties will meet in Gainesville.", ["Cooke", "Grayson", "Love"]),
    ("Deputies patrolled Walton, Swift and Wilkin counties overnight.", ["Walton", "Swift", "Wilkin"]),
])
def test_component_coordinated_names_before_plural_region_word_are_counties(nlp, text, names):
    places = _places(nlp, text)
    for name in names:
        assert places[name].feature == "admin2", name
        assert places[name].country == "USA", name


def test_component_one_name_before_plural_region_word_only_qualifies_it(nlp):
    """ "the four metro Athens counties" are the counties around Athens, not Ohio's Athens County."""
    places = _places(nlp, "Unemployment in the four metro Athens counties rose, most of all in Clarke County.")
    assert places["Athens"].feature == "city" and places["Athens"].admin1 == "Georgia"


def test_component_municipal_body_names_its_town(nlp):
    # a small town's name at the head of its own police department or council is the town
    place = _places(nlp, "The Kilgore Police Department arrested two men on Friday.")["Kilgore"]
    assert place.country == "USA"


def test_component_county_inside_organisation_needs_its_region_word(nlp):
    # "Town" is the name of a county of St Lucia, but "Democratic Town Committee" is a party body
    assert "Town" not in _places(nlp, "Members of the Democratic Town Committee met on Monday.")
    assert _places(nlp, "The Walker County Sheriff's Office was closed.")["Walker County"].country == "USA"


@pytest.mark.parametrize("text,mention", [
    ("A Kilgore woman was injured in the crash on Friday.", "Kilgore"),  # a noun of its people after the name
    ("KILGORE — A fire destroyed two barns east of town on Friday.", "KILGORE"),  # an upper-case dateline
    # a dateline names a place even when the name is mostly a person's, an agency or not before the dash
    ("CLINTON — Two town employees were honoured on Monday.", "CLINTON"),
    ("Storm cleanup goes on in Ohio. MADISON (AP) — Crews cleared fallen trees on Sunday.", "MADISON"),
])
def test_component_context_that_places_a_name(nlp, text, mention):
    assert mention in _places(nlp, text)


@pytest.mark.parametrize("text,mention,admin1,feature", [
    # a party letter marks a US legislator's state or home: never the Italian city or a given name
    ("The bill's sponsor, state Sen. Hugh Talbot, R-Florence, voted against it.", "Florence", "South Carolina",
     "city"),
    ("House Speaker Nancy Pelosi, D-Calif, told reporters on Tuesday.", "Calif", "California", "admin1"),
    ("Rep. Nick Rahall, D-W. Va., chairs the committee.", "W. Va.", "West Virginia", "admin1"),
    # a county named without its region word
    ("Delegate Clif Moore, D-McDowell. The vote was 60 to 38 in Charleston, W.Va.", "McDowell",
     "West Virginia", "admin2"),
])
def test_component_party_letter_marks_a_us_place(nlp, text, mention, admin1, feature):
    place = _places(nlp, text)[mention]
    assert (place.country, place.admin1, place.feature) == ("USA", admin1, feature)


@pytest.mark.parametrize("text", [
    "Group D-Florence beat Group A on Saturday.",
    "Veterans gathered in Normandy, D-Day landings were remembered on Friday.",
    "The old general, D-Day veteran John Smith, spoke first.",
])
def test_component_party_letter_needs_a_legislator_and_a_closing_mark(nlp, text):
    assert all(p.country != "USA" for p in _places(nlp, text).values())


@pytest.mark.parametrize("text,mention,name", [
    # a name ending in its region word is the region whatever the label ("... Sheriff's Office spokesman")
    ("“It got our attention,” said Marion County Sheriff’s Office spokesman Rob Hale.", "Marion County",
     "Marion County"),
    # a town inside an organisation's name, its abbreviation spelled out as GeoNames spells it
    ("The driver was flown to St. Cloud Hospital on Friday.", "St. Cloud", "Saint Cloud"),
])
def test_component_region_words_and_names_inside_organisations(nlp, text, mention, name):
    place = _places(nlp, text)[mention]
    assert (place.name, place.country) == (name, "USA")


def test_component_a_title_is_no_place(nlp):
    # even where a town of the article's region has the word as an alternate name
    places = _places(nlp, "Oconee County commissioners met in Watkinsville on Monday. Commissioner Jim Dale said "
                          "the county would appeal.")
    assert "Watkinsville" in places and "Commissioner" not in places


def test_component_big_city_beats_a_smaller_region_of_its_name_abroad(nlp):
    # Jamaica's Portland parish (about 80,000 people) is no match for Portland, Oregon
    assert _places(nlp, "The council in Portland voted on Monday to raise fares.")["Portland"].country == "USA"


@pytest.mark.parametrize("text,mention,admin1", [
    # the Canadian Press abbreviations of provinces, and a German state's English name
    ("She grew up in Gatineau, Que., before moving west.", "Que.", "Quebec"),
    ("The polar bear tours leave from Churchill, Man. every autumn.", "Churchill", "Manitoba"),
    ("Flooding closed roads across Rhineland-Palatinate on Tuesday.", "Rhineland-Palatinate", "Rheinland-Pfalz"),
])
def test_component_province_abbreviations_and_english_state_names(nlp, text, mention, admin1):
    assert _places(nlp, text)[mention].admin1 == admin1
