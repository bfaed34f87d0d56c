"""Round-2 recognition rules: coordination, demonyms, located agents, titles, capitals, the KB additions."""

from __future__ import annotations

import pytest

from eventwire.actors.recognize import _family_first


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
    actors = nlp(text)._.ew_actors
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
