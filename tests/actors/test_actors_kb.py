"""Knowledge-base build: the shipped file equals a fresh in-memory build, and key entries are right."""

from __future__ import annotations

import gzip
import importlib.util
import json
import time
from pathlib import Path

import pytest

from eventwire.actors.kb import KB_PATH, KnowledgeBase, load_kb, normalize

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("build_actors", ROOT / "scripts" / "build_actors.py")
build_actors = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_actors)


@pytest.fixture(scope="module")
def built() -> dict:
    return build_actors.build()


def test_kb_shipped_file_matches_build(built):
    with gzip.open(KB_PATH, "rt", encoding="utf-8") as fh:
        shipped = json.load(fh)
    assert set(shipped) == set(built)
    for table in built:
        assert shipped[table] == built[table], f"{table} differs: run scripts/build_actors.py"


def test_kb_loads_fast():
    load_kb.cache_clear()
    t0 = time.perf_counter()
    kb = load_kb()
    assert isinstance(kb, KnowledgeBase)
    assert time.perf_counter() - t0 < 1.5


@pytest.mark.parametrize("alias,country,sector", [
    ("Kim Jong-un", "PRK", "GOV"), ("KIM_JONG_UN", "PRK", "GOV"), ("Vladimir Putin", "RUS", "GOV"),
    ("Putin", "RUS", "GOV"), ("Dmitry Peskov", "RUS", "GOV"), ("Tass", "RUS", "MED"),
    ("RIA Novosti", "RUS", "MED"), ("Kremlin", "RUS", "GOV"), ("Pentagon", "USA", "MIL"),
    ("Xinhua", "CHN", "MED"), ("United Nations", "UNO", "IGO"),
])
def test_kb_alias_resolves(alias, country, sector):
    kb = load_kb()
    entity = kb.entities[kb.aliases[normalize(alias)]]
    assert (entity.country, entity.sector) == (country, sector)


@pytest.mark.parametrize("table,key,value", [
    ("adjectives", "North Korean", "PRK"), ("adjectives", "Russian", "RUS"),
    ("countries", "North Korea", "PRK"),
    ("countries", "U.S.", "USA"), ("capitals", "Moscow", "RUS"), ("agents", "state media", "MED"),
    ("agents", "officials", "GOV"), ("agents", "forces", "MIL"), ("agents", "journalists", "MED"),
])
def test_kb_tables(table, key, value):
    assert getattr(load_kb(), table)[normalize(key)] == value


@pytest.mark.parametrize("codes,expected", [
    (["RUSELI 700101-990809", "RUSGOV 991231-080507", "RUSGOV >080508", "RUSELI"], "RUSGOV"),
    (["USAGOV 010120-090120", "USAELI"], "USAGOV"),
    (["IGOUNO >20070101", "KORGOVBUS 2004017-20061201"], "IGOUNO"),
])
def test_build_pick_code_latest(codes, expected):
    assert build_actors.pick_code(codes) == expected


@pytest.mark.parametrize("code,expected", [
    ("RUSGOV", ("RUS", "GOV")), ("~GOVMED", (None, "MED")), ("IGOWSTNAT", ("NATO", "IGO")),
    ("PRK", ("PRK", None)),
])
def test_build_split_code(code, expected):
    assert build_actors.split_code(code, {"RUS", "PRK"}) == expected


@pytest.mark.parametrize("text,key", [
    ("Kim Jong-un", "kim jong un"), ("U.S.", "us"), ("North Korea’s", "north koreas"),
])
def test_kb_normalize(text, key):
    assert normalize(text) == key


@pytest.mark.parametrize("code,phrase,expected", [
    ("~GOVMED", "information ministry", "GOV"), ("~GOVMED", "state media", "MED"),
    ("~GOVHLH", "health ministry", "GOV"), ("~GOVMED", None, "MED"),
])
def test_build_split_code_primary_sector(code, phrase, expected):
    assert build_actors.split_code(code, set(), phrase)[1] == expected


@pytest.mark.parametrize("raw,forms", [
    ("LIBERATION_TIGERS_OF_TAMIL_EELAM_(LTTE)_", ("LIBERATION TIGERS OF TAMIL EELAM", "LTTE")),
    ("SOME_GROUP_(IT)_", ("SOME GROUP", None)),
])
def test_build_name_forms_bracket_acronym(raw, forms):
    assert build_actors._name_forms(raw) == forms


@pytest.mark.parametrize("table,key,value", [
    ("agents", "businessman", "BUS"), ("agents", "government spokesman", "GOV"),
    ("adjectives", "Argentine", "ARG"), ("adjectives", "German", "DEU"), ("countries", "Burma", "MMR"),
])
def test_kb_round2_entries(table, key, value):
    assert getattr(load_kb(), table)[normalize(key)] == value


@pytest.mark.parametrize("key", ["sichuan", "baghlan", "hunan"])
def test_kb_regions_are_not_demonyms(key):
    assert key not in load_kb().adjectives
