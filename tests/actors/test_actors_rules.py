"""Round-2 recognition rules: coordination, demonyms, located agents, titles, capitals, the KB additions."""

from __future__ import annotations

import pytest

from eventwire.actors.recognize import _acronym_word, _family_first


def _found(nlp, text):
    doc = nlp(text)
    return {m.text: a for a in doc._.ew_actors for m in a.mentions}


@pytest.mark.parametrize("text,mention,code", [
    ("The North Korean and Russian leaders met on Wednesday.", "North Korean", "PRKGOV"),
    ("French and German troops crossed the river.", "French", "FRAMIL"),
    ("Senior Hungarian and Romanian officials agreed on Wednesday.", "Hungarian", "HUNGOV"),
])
def test_recognize_coordinated_adjectives(nlp, text, mention, code):
    assert _found(nlp, text)[mention].code == code


@pytest.mark.parametrize("text,mention,code", [
    ("Bangladesh rejected an Indian proposal on trade.", "Indian", "IND"),
    ("Serbia rejected an Australian ultimatum on Monday.", "Australian", "AUS"),
    ("The Turkish and Greek sides agreed to share information.", "Turkish", "TUR"),
])
def test_recognize_demonym_of_state_noun(nlp, text, mention, code):
    actor = _found(nlp, text)[mention]
    assert (actor.code, actor.kind) == (code, "state")


@pytest.mark.parametrize("text,mention", [
    ("Rockets hit the Thai border on Monday.", "Thai"),
    ("Police found Russian-made rockets in the area.", "Russian"),
])
def test_recognize_demonym_of_other_noun_is_not_actor(nlp, text, mention):
    assert mention not in _found(nlp, text)


@pytest.mark.parametrize("text,mention,code", [
    ("Ghanaian authorities deported 168 Liberians on Monday.", "Liberians", "LBRCVL"),
    ("Some 800,000 Iraqi Kurds sought refuge last month.", "Iraqi Kurds", "IRQCVL"),
    ("A Saudi businessman is suing the company.", "Saudi businessman", "SAUBUS"),
    ("Algerian security forces fired on the crowd.", "Algerian security forces", "DZAMIL"),
    ("Palestinian armed groups fired rockets.", "Palestinian armed groups", "PSEREB"),
    ("Russian aircraft killed 46 civilians.", "Russian aircraft", "RUSMIL"),
])
def test_recognize_demonym_agents(nlp, text, mention, code):
    assert _found(nlp, text)[mention].code == code


@pytest.mark.parametrize("text,mention,code", [
    ("Rebels in the Ivory Coast dismissed the appeal.", "Rebels", "CIVREB"),
    ("Security forces in Guinea have tortured refugees.", "Security forces", "GINMIL"),
])
def test_recognize_located_agent(nlp, text, mention, code):
    assert _found(nlp, text)[mention].code == code


@pytest.mark.parametrize("text", ["Israel has strengthened its forces in Lebanon this week."])
def test_recognize_owned_agent_keeps_no_location(nlp, text):
    assert "forces" not in _found(nlp, text)


@pytest.mark.parametrize("text,mention,code", [
    ("Judge Alejandro Rivera opened investigations against 28 Chilean officials.", "Alejandro Rivera", "CHLJUD"),
    ("Planning Minister Tran Xuan Gia said Vietnam is committed to reform.", "Tran Xuan Gia", "VNMGOV"),
])
def test_recognize_titled_unknown_person(nlp, text, mention, code):
    assert _found(nlp, text)[mention].code == code


@pytest.mark.parametrize("text,mention,sector", [
    ("Opposition leader Amara Quist condemned the vote.", "Amara Quist", "OPP"),  # a lower-case title
    ("The prayers were led by imam Yusuf Barre.", "Yusuf Barre", "REL"),
    ("Bishop Tomas Quist criticised the decree.", "Tomas Quist", "CHR"),  # CAMEO's religion codes are sectors
])
def test_recognize_lower_case_and_clergy_titles(nlp, text, mention, sector):
    assert _found(nlp, text)[mention].sector == sector


@pytest.mark.parametrize("text,mention", [
    ("England captain Harry Kane scored twice.", "Harry Kane"),  # a lower-case "captain" holds no office
    ("Hollywood actor Tom Hanks arrived in Rome.", "Tom Hanks"),
])
def test_recognize_lower_case_office_words_are_no_titles(nlp, text, mention):
    assert _found(nlp, text)[mention].sector is None


@pytest.mark.parametrize("text,mention,code", [
    ("Poland demanded an admission by Moscow that the killings took place.", "Moscow", "RUSGOV"),
    ("Baku broke off talks with Moscow on Monday.", "Moscow", "RUSGOV"),
])
def test_recognize_capital_as_agent(nlp, text, mention, code):
    assert _found(nlp, text)[mention].code == code


@pytest.mark.parametrize("text,mention,code", [
    ("The Sudanese government and SPLM/A agreed to allow access.", "SPLM/A", "SDNREB"),
    ("Greece demanded that its European Community partners refuse.", "European Community", "IGOEUR"),
    ("Boko Haram attacked the village on Monday.", "Boko Haram", "NGAREB"),
    ("The PRC demanded that the US cancel the sale.", "PRC", "CHN"),
    ("Ethopia has agreed to re-open its borders.", "Ethopia", "ETH"),
    ("Kyrgyz Prime Minister Nikolai Tanaev received observers.", "Kyrgyz Prime Minister Nikolai Tanaev",
     "KGZGOV"),
])
def test_recognize_kb_additions(nlp, text, mention, code):
    assert _found(nlp, text)[mention].code == code


@pytest.mark.parametrize("text", ["Bombs fell on bases in Iraq and Syria.", "The war in Ukraine dragged on."])
def test_recognize_coordinated_places_stay_places(nlp, text):
    assert nlp(text)._.ew_actors == []


@pytest.mark.parametrize("text,full,short,code", [
    ("North Korean leader Kim Jong-un arrived on Tuesday. Later Kim said the talks went well.",
     "North Korean leader Kim Jong-un", "Kim", "PRKGOV"),
    ("South Korean President Moon Jae-in met the envoy on Monday. Moon said the talks went well.",
     "South Korean President Moon Jae-in", "Moon", "KORGOV"),
])
def test_recognize_titled_person_short_form(nlp, text, full, short, code):
    actors = [a for a in nlp(text)._.ew_actors if a.kind == "person"]  # "the envoy" is an actor of its own
    assert len(actors) == 1
    assert [m.text for m in actors[0].mentions] == [full, short]
    assert actors[0].code == code


@pytest.mark.parametrize("text,later,linked", [
    ("Jimmy Lai-Smith arrived on Tuesday. Lai-Smith said the talks went well.", "Lai-Smith", True),
    ("Jimmy Lai-Smith arrived on Tuesday. Later Jimmy said the talks went well.", "Jimmy", False),
])
def test_recognize_double_surname_short_form(nlp, text, later, linked):
    found = _found(nlp, text)
    assert (found[later].id == found["Jimmy Lai-Smith"].id) is linked


@pytest.mark.parametrize("word,expected", [
    ("Jong-un", True), ("Jae-in", True), ("Suk-yeol", True), ("Son-hui", True),
    ("Lai-Smith", False), ("Ould-Abdallah", False), ("al-Assad", False), ("Peskov", False),
])
def test_recognize_family_first_rule(word, expected):
    assert _family_first(word) is expected


def test_recognize_coordinated_apposition_names_each_actor_once(nlp):
    doc = nlp("The North Korean and Russian leaders, Kim Jong-un and Vladimir Putin, arrived on Wednesday.")
    actors = [(a.name, a.code, [m.text for m in a.mentions]) for a in doc._.ew_actors]
    assert actors == [("Kim Jong-un", "PRKGOV", ["North Korean", "Kim Jong-un"]),
                      ("Vladimir Putin", "RUSGOV", ["Russian leaders", "Vladimir Putin"])]


@pytest.mark.parametrize("text,joined", [
    ("The Russian leader, Vladimir Putin, said the talks went well.", True),
    ("Under pressure from the Russian government, Putin said the talks went well.", False),
    ("The French and German ministers, Jean Dupont, Hans Meier and Ugo Rossi, met.", False),  # 2 roles, 3 people
])
def test_recognize_apposition_needs_a_closed_matching_list(nlp, text, joined):
    doc = nlp(text)
    putin = [a for a in doc._.ew_actors if len(a.mentions) > 1]
    assert bool(putin) is joined


@pytest.mark.parametrize("text,mention,code", [
    ("US officials said the Department of Education would close schools.", "Department of Education", "USAGOV"),
    ("The Government of India rejected the claim.", "Government of India", "INDGOV"),
    ("Germany said the Federal Foreign Office had summoned the envoy.", "Federal Foreign Office", "DEUGOV"),
    ("The Michigan Department of Environmental Quality tested the water.",
     "Michigan Department of Environmental Quality", "USAGOV"),
    ("The Ministry of Health of Ethiopia reported 20 cases.", "Ministry of Health of Ethiopia", "ETHGOV"),
    ("A court in Lyon sentenced him to five years.", "court", "JUD"),
    ("The Tis Hazari court in Delhi granted him bail.", "Tis Hazari court", "INDJUD"),
    ("The NGO said food was running short.", "NGO", "NGO"),
    ("A group of British lawmakers visited the camp.", "British lawmakers", "GBRLEG"),
    ("US wildlife authorities warned hunters.", "US wildlife authorities", "USAGOV"),
    ("The Springfield Union of Teachers called a strike.", "Springfield Union of Teachers", "LAB"),  # a union
])
def test_recognize_institutions_by_their_head_noun(nlp, text, mention, code):
    assert _found(nlp, text)[mention].code == code


@pytest.mark.parametrize("word,sector", [
    ("Police", "COP"), ("prosecutors", "JUD"), ("critics", "OPP"), ("activists", "OPP"), ("protesters", "OPP"),
    ("strikers", "LAB"), ("workers", "LAB"), ("teachers", "EDU"),
])
def test_recognize_agent_noun_alone(nlp, word, sector):
    found = _found(nlp, f"{word} gathered outside the building on Monday.".capitalize())
    assert found[word.capitalize()].sector == sector


@pytest.mark.parametrize("text,mention,sector", [
    ("Heads of state signed the charter on Friday.", "Heads of state", "GOV"),
    ("Dozens of countries pledged to cut emissions.", "countries", "GOV"),
    ("Several member states rejected the plan.", "Several member states", "GOV"),
    ("Fighters seized the bridge at dawn.", "Fighters", "UAF"),
    ("A suicide bomber struck the market.", "suicide bomber", "UAF"),
    ("Gunmen and attackers fled after the raid.", "attackers", "UAF"),
    ("A drug cartel kidnapped the mayor.", "drug cartel", "CRM"),
    ("Police detained two suspects after the robbery.", "suspects", "CRM"),
    ("Hundreds of employees walked out on Tuesday.", "employees", "LAB"),
    ("Opposition members boycotted the session.", "Opposition members", "OPP"),
])
def test_recognize_generic_agent_nouns(nlp, text, mention, sector):
    """Generic nouns that name a political actor in news with no name ("countries", "suspects")."""
    assert _found(nlp, text)[mention].sector == sector


@pytest.mark.parametrize("text,mention,code", [
    ("ICE detained the men at the border.", "ICE", "USACOP"),
    ("The Department of Homeland Security issued a warning.", "Department of Homeland Security", "USAGOV"),
    ("UNDOF withdrew its observers from the area.", "UNDOF", "IGOUNO"),
])
def test_recognize_agencies_by_name(nlp, text, mention, code):
    assert _found(nlp, text)[mention].code == code


@pytest.mark.parametrize("text,mention", [
    ("He drove to the police station.", "police"),
    ("Iran is buying parts for its ageing military and civilian jets.", "military"),  # nmod of "jets"
    ("Israel said its forces were ready.", "forces"),
    ("The two leaders shook hands.", "leaders"),
    ("Athletes trained in the heat.", "Athletes"),
    ("Market forces set the price.", "forces"),
    ("The president spoke on Monday.", "president"),
])
def test_recognize_agent_noun_not_alone(nlp, text, mention):
    assert not any(mention in m for m in _found(nlp, text))


@pytest.mark.parametrize("text,person,country,absent", [
    ("Germany's Marc Blume finished second.", "Germany's Marc Blume", "DEU", "Germany"),
    ("Christine Arron of France won the race.", "Christine Arron", "FRA", "France"),
    ("The prize went to Margaret Atwood (Canada) this year.", "Margaret Atwood", "CAN", "Canada"),
    ("King Hassan of Morocco received the envoy.", "Hassan", "MAR", "Morocco"),
])
def test_recognize_nationality_of_a_person_is_no_state(nlp, text, person, country, absent):
    found = _found(nlp, text)
    assert found[person].country == country and absent not in found


@pytest.mark.parametrize("text,country", [
    ("The Ireland team won bronze.", "Ireland"), ("England coach Andy Robinson named his squad.", "England"),
    ("Britain's top sprinters were criticised.", "Britain"), ("UK Athletics agreed a new deal.", "UK"),
    ("Victoria Hamilton was named best actress.", "Hamilton"),  # Hamilton, capital of Bermuda
])
def test_recognize_sports_team_or_name_is_no_state(nlp, text, country):
    assert not any(country in m and a.kind == "state" for m, a in _found(nlp, text).items())


@pytest.mark.parametrize("text,state", [
    ("Russia rejected a US proposal on Monday.", "US"), ("The talks in Paris failed, and Iran walked out.", "Iran"),
])
def test_recognize_acting_states_stay(nlp, text, state):
    assert _found(nlp, text)[state].kind == "state"


def test_recognize_acronym_alias_only_in_capitals(nlp):
    assert _found(nlp, "The charity DAWN said women were hurt.")["DAWN"].sector == "NGO"
    assert "Dawn" not in _found(nlp, "Dawn, a Pakistani newspaper, reported the raid.")


def test_recognize_the_country_is_never_an_organisation(nlp):
    found = _found(nlp, "The United Nations said the country's state media had lied.")
    assert "the country's state media" not in found
    found = _found(nlp, "Iran said the United Nations ignored the country's state media.")
    assert found["the country's state media"].code == "IRNMED"


@pytest.mark.parametrize("text,mention,code", [
    ("The Home Office defended the measures in London.", "Home Office", "GBRGOV"),
    ("MPs in London voted against the bill.", "MPs", "GBRLEG"),
    ("The bill was blocked in the Commons.", "Commons", "GBRLEG"),
    ("The Tories accused ministers of failing pensioners.", "Tories", "GBRPTY"),
    ("Republicans in Congress blocked the bill.", "Republicans", "USAPTY"),
])
def test_recognize_state_institutions_and_parties(nlp, text, mention, code):
    assert _found(nlp, text)[mention].code == code


@pytest.mark.parametrize("word,expected", [("NGO", True), ("MPs", True), ("MEPs", True), ("Police", False),
                                           ("Mps", False)])
def test_recognize_acronym_word(word, expected):
    assert _acronym_word(word) is expected


@pytest.mark.parametrize("text,mention,code", [
    ("Delhi Police questioned the suspect for hours.", "Delhi Police", "INDCOP"),  # spaCy reads a PERSON
    ("The Bombay High Court stayed the order on Monday.", "Bombay High Court", "JUD"),  # no NER entity
    ("The British Treasury announced new rules for banks.", "British Treasury", "GBRGOV"),
    ("The United States Treasury blacklisted two firms.", "United States Treasury", "USAGOV"),
    ("Kosovo's president met the envoy.", "Kosovo's president", "XKXGOV"),  # Phoenix's KSV is ISO's XKX
])
def test_recognize_capitalised_institutions(nlp, text, mention, code):
    assert _found(nlp, text)[mention].code == code


def test_recognize_a_surname_that_is_an_institution_word_stays_a_person(nlp):
    assert _found(nlp, "Margaret Court won the final.")["Margaret Court"].kind == "person"


@pytest.mark.parametrize("text,mention,code", [
    ("US-led forces attacked rebel positions near the border.", "US-led forces", "USAMIL"),
    ("Vietnamese-led troops shelled guerrilla camps.", "Vietnamese-led troops", "VNMMIL"),
])
def test_recognize_country_led_agents_are_the_country_s(nlp, text, mention, code):
    assert _found(nlp, text)[mention].code == code


@pytest.mark.parametrize("text,word", [
    ("Russian-backed separatists shelled the town.", "Russian"),
    ("Its Soviet-era aircraft were sold.", "Soviet"),
])
def test_recognize_other_hyphenated_country_words_only_modify(nlp, text, word):
    assert not any(word in mention for mention in _found(nlp, text))


def test_recognize_several_states_take_no_context_country(nlp):
    found = _found(nlp, "Ghana is one of several countries that condemned the coup.")
    assert found["several countries"].country is None
    assert found["Ghana"].country == "GHA"


@pytest.mark.parametrize("text", [
    "Tony Blair met the families. One of them said Mr Blair had spoken with great sincerity.",
    "Angela Merkel arrived. Mrs Merkel said the talks went well.",
])
def test_recognize_form_of_address_is_no_part_of_the_name(nlp, text):
    """spaCy often puts "Mr" inside the PERSON entity: the person is still the one named before."""
    doc = nlp(text)
    assert len(doc._.ew_actors) == 1 and doc._.ew_actors[0].kb_id is not None
