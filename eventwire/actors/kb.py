"""The actor knowledge base: names, country terms, capitals and agent nouns, loaded once per process."""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["KB_PATH", "MAX_KEY_TOKENS", "KnowledgeBase", "Entity", "load_kb", "normalize"]

KB_PATH = Path(__file__).resolve().parent.parent / "data" / "actors.json.gz"
# Longest n-gram (in spaCy tokens) looked up as a key: names are short, and the bound keeps the
# scan at a few dict lookups per token; longer dictionary phrases are simply never matched.
MAX_KEY_TOKENS = 6

_NON_WORD = re.compile(r"[\s\-‐‑–_]+")
_DROP = re.compile(r"[.\u2019'`]")


def normalize(text: str) -> str:
    """The lookup key of a name: lower case, hyphens and underscores as spaces, no dots or apostrophes.

    One key for "Kim Jong-un"/"KIM_JONG_UN" and "U.S."/"US", so the spaCy tokenisation of the
    article and the spelling of the dictionaries never have to agree.
    """
    text = _DROP.sub("", text.lower())
    return _NON_WORD.sub(" ", text).strip()


@dataclass(frozen=True, slots=True)
class Entity:
    """One knowledge-base actor."""

    kb_id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    family_first: bool = False


@dataclass(frozen=True)
class KnowledgeBase:
    """Lookup tables keyed by `normalize`d phrases.

    :param entities: kb_id -> Entity.
    :param aliases: name -> kb_id of a named actor (person, organisation, media, group).
    :param countries: country name -> alpha-3 (the state itself: "North Korea").
    :param adjectives: adjective or demonym -> alpha-3 ("North Korean", "Russians").
    :param capitals: capital -> alpha-3 (metonymic government: "Moscow says").
    :param agents: generic agent noun -> sector ("state media" -> MED).
    :param country_names: alpha-3 -> display name.
    :param state_nouns: lemmas that make a modifying demonym's state an actor ("Indian proposal").
    """

    entities: dict[str, Entity]
    aliases: dict[str, str]
    countries: dict[str, str]
    adjectives: dict[str, str]
    capitals: dict[str, str]
    agents: dict[str, str]
    country_names: dict[str, str]
    state_nouns: frozenset[str]

    @classmethod
    def from_dict(cls, data: dict) -> KnowledgeBase:
        """Build from the JSON structure `scripts/build_actors.py` writes."""
        entities = {k: Entity(k, *v) for k, v in data["entities"].items()}
        return cls(entities, data["aliases"], data["countries"], data["adjectives"], data["capitals"],
                   data["agents"], data["country_names"], frozenset(data["state_nouns"]))


@lru_cache(maxsize=2)
def load_kb(path: Path = KB_PATH) -> KnowledgeBase:
    """Read the shipped knowledge base once per process."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return KnowledgeBase.from_dict(json.load(fh))
