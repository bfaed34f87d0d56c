"""The actor knowledge base: names, dated roles, country terms, capitals and agent nouns, loaded once per process."""

from __future__ import annotations

import gc
import gzip
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path

__all__ = ["KB_PATH", "MAX_KEY_TOKENS", "OPEN_END", "IGO_CODES", "KnowledgeBase", "Entity", "Role", "day_key",
           "latest_role", "load_kb", "normalize"]

KB_PATH = Path(__file__).resolve().parent.parent / "data" / "actors.json.gz"
# Longest n-gram (in spaCy tokens) looked up as a key: names are short, and the bound keeps the
# scan at a few dict lookups per token; longer dictionary phrases are simply never matched.
MAX_KEY_TOKENS = 6
# Role ranges are yyyymmdd integers, inclusive; an open start is 0, an open end OPEN_END.
OPEN_END = 99_991_231
# What an international organisation puts in `country` (CONTRACT: NATO, UNO, EUR...); IGO is "some IGO".
IGO_CODES = frozenset({"NATO", "UNO", "EUR", "AFR", "ARL", "SEA", "IGO"})

_NON_WORD = re.compile(r"[\s\-‐‑–_]+")
_DROP = re.compile(r"[.\u2019'`]")


@lru_cache(maxsize=1 << 16)
def normalize(text: str) -> str:
    """The lookup key of a name: lower case, hyphens and underscores as spaces, no dots or apostrophes.

    One key for "Kim Jong-un"/"KIM_JONG_UN" and "U.S."/"US", so the spaCy tokenisation of the
    article and the spelling of the dictionaries never have to agree. Memoised: the stages ask for
    the key of the same words over and over (every token of every article), and two regex
    substitutions cost twenty times a cache hit.
    """
    text = _DROP.sub("", text.lower())
    return _NON_WORD.sub(" ", text).strip()


def day_key(day: date | None) -> int | None:
    """A date as the yyyymmdd integer role ranges are written in."""
    return None if day is None else day.year * 10_000 + day.month * 100 + day.day


@dataclass(frozen=True, slots=True)
class Role:
    """One office or affiliation of an actor, valid from `start` to `end` (yyyymmdd, inclusive)."""

    country: str | None
    sector: str | None
    start: int = 0
    end: int = OPEN_END


def latest_role(roles: list[Role] | tuple[Role, ...]) -> Role | None:
    """The role to use when an article's date is unknown: the one valid latest (open-ended first, then the
    latest end), except that an ELI range (a former leader's years out of office) yields to the latest real
    office: news names such people mostly for what they did in it."""
    ranked = sorted(roles, key=lambda r: (r.end, r.start), reverse=True)
    if ranked and ranked[0].sector == "ELI":
        return next((r for r in ranked if r.sector != "ELI"), ranked[0])
    return ranked[0] if ranked else None


@dataclass(frozen=True, slots=True)
class Entity:
    """One knowledge-base actor.

    :param kb_id: stable and unique per entry (the store keys dyads by code or kb_id); a user's actors
        are ``user:<ID>``.
    :param country: the country (or IGO code) when the article's date is unknown: the latest role's.
    :param sector: likewise, the latest role's sector.
    :param roles: dated roles (offices with ranges), from Phoenix's ``[RUSGOV >080508]``, the offices
        table or a user's ``from``/``to``; empty for an actor whose code does not change.
    :param standing: the undated role that holds outside every range (Phoenix's bare ``[DEUELI]``).
    """

    kb_id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    family_first: bool = False
    roles: tuple[Role, ...] = ()
    standing: Role | None = None

    def role_at(self, day: int | None) -> tuple[str | None, str | None]:
        """(country, sector) on the day an article was published (yyyymmdd), or the latest when unknown.

        Inside a range: that office (a real office over an ELI range, then the most recent start). Outside
        every range: the standing role if there is one, else a person is an elite (ELI) of the country of
        the nearest office (a former leader, or one not yet in office), and an organisation keeps the role
        nearest in time.
        """
        if day is None or not self.roles:
            return self.country, self.sector
        inside = [r for r in self.roles if r.start <= day <= r.end]
        if inside:
            best = max(inside, key=lambda r: (r.sector != "ELI", r.start))
            return best.country, best.sector
        if self.standing is not None:
            return self.standing.country, self.standing.sector
        if self.kind != "person":
            nearest = _nearest(self.roles, day)
            return nearest.country, nearest.sector
        # a former NATO or UN chief is an elite of his own country, not of the organisation
        home = [r for r in self.roles if r.country not in IGO_CODES]
        return _nearest(home or self.roles, day).country, "ELI"

    def in_office_now(self) -> bool:
        """Holds an office with no end (or has no dated roles and a real sector)."""
        if not self.roles:
            return self.sector not in (None, "ELI")
        return any(r.end == OPEN_END and r.sector != "ELI" for r in self.roles)

    def in_office(self, day: int | None) -> bool:
        """Holds a real (non-ELI) office on `day`; with no date, in the latest role (as `role_at`)."""
        return self.role_at(day)[1] not in (None, "ELI")


@dataclass(frozen=True)
class KnowledgeBase:
    """Lookup tables keyed by `normalize`d text.

    :param entities: kb_id -> Entity.
    :param aliases: name key -> kb_id (full names and variants, matched in any case).
    :param countries: country name key -> alpha-3 ("north korea" -> PRK).
    :param adjectives: demonym key -> alpha-3 ("north korean" -> PRK).
    :param capitals: capital key -> alpha-3 ("moscow" -> RUS).
    :param agents: generic agent noun -> sector ("state media" -> MED); an empty sector marks a phrase that is
        no agent and hides the one inside it ("market forces").
    :param alone: the agent nouns that name a political actor without a country before them ("police",
        "strikers"), with their sector.
    :param country_names: alpha-3 -> display name.
    :param state_nouns: lemmas that make a modifying demonym's state an actor ("Indian proposal").
    :param team_nouns: lemmas of the sports register that make a modifying country a team or an athlete's
        nationality, not the state ("the Ireland team", "Britain's top sprinters").
    :param acronyms: acronym key -> kb_id, matched only when written in capitals ("DAWN", an NGO, is not the
        newspaper "Dawn").
    :param surnames: bare surname key -> kb_ids of people in the maintained supplement; one links only when
        exactly one of them holds office on the article's date ("Johnson" is Boris Johnson in 2020).
    :param institutions: head nouns of institution names -> sector ("ministry" -> GOV, "court" -> JUD), for
        organisations the KB does not list ("the Department of Education").
    :param regions: first-level region named in one country only -> alpha-3 ("michigan" -> USA).
    """

    entities: Mapping[str, Entity]
    aliases: dict[str, str]
    countries: dict[str, str]
    adjectives: dict[str, str]
    capitals: dict[str, str]
    agents: dict[str, str]
    alone: dict[str, str]
    country_names: dict[str, str]
    state_nouns: frozenset[str]
    team_nouns: frozenset[str]
    acronyms: dict[str, str]
    surnames: dict[str, tuple[str, ...]]
    institutions: dict[str, str]
    regions: dict[str, str]

    @cached_property
    def agent_ends(self) -> frozenset[str]:
        """The last words of the agent phrases: a phrase ending in another word is not looked up."""
        return frozenset(key.rsplit(" ", 1)[-1] for key in self.agents)

    @cached_property
    def agent_starts(self) -> frozenset[str]:
        """The first words of the agent phrases (those listed as no agent too): no phrase starts elsewhere."""
        return frozenset(key.split(" ", 1)[0] for key in self.agents)

    @cached_property
    def name_starts(self) -> frozenset[str]:
        """The first words of the names (aliases, acronyms, countries, adjectives, capitals)."""
        tables = (self.aliases, self.acronyms, self.countries, self.adjectives, self.capitals)
        return frozenset(key.split(" ", 1)[0] for table in tables for key in table)

    @classmethod
    def from_dict(cls, data: dict) -> KnowledgeBase:
        """Build from the JSON structure `scripts/build_actors.py` writes."""
        entities = _Entities(data["entities"])
        surnames = {k: tuple(v) for k, v in data["surnames"].items()}
        return cls(entities, data["aliases"], data["countries"], data["adjectives"], data["capitals"],
                   data["agents"], data["alone"], data["country_names"], frozenset(data["state_nouns"]),
                   frozenset(data["team_nouns"]), data["acronyms"],
                   surnames, data["institutions"], data["regions"])

    def overlay(self, entities: list[Entity], aliases: dict[str, str], acronyms: dict[str, str],
                surnames: dict[str, str]) -> KnowledgeBase:
        """A copy with a user's actors laid over this one: they win every name and surname they claim."""
        merged_surnames = {**self.surnames, **{k: (v,) for k, v in surnames.items()}}
        return replace(self, entities=_Entities(self.entities, {e.kb_id: e for e in entities}),
                       aliases={**self.aliases, **aliases}, acronyms={**self.acronyms, **acronyms},
                       surnames=merged_surnames)

    def surname_owner(self, key: str, day: int | None) -> str | None:
        """The one supplement person with this bare surname in office on `day` (None if none or several). With
        no date, in office now: a bare "Cameron" in an undated article is not a prime minister of the 2010s."""
        owners = [k for k in self.surnames.get(key, ()) if self.entities[k].in_office(day)
                  and (day is not None or self.entities[k].in_office_now())]
        return owners[0] if len(owners) == 1 else None


class _Entities(Mapping):
    """kb_id -> Entity, each built from its JSON row on first use: an article meets a few dozen of the
    26,000 entries, so loading stays well under a second. `extra` entities (a user's) win over the rows."""

    def __init__(self, rows: Mapping, extra: dict[str, Entity] | None = None) -> None:
        self.rows = rows
        self.extra = dict(extra or {})
        self.built: dict[str, Entity] = {}

    def __getitem__(self, kb_id: str) -> Entity:
        found = self.extra.get(kb_id) or self.built.get(kb_id)
        if found is None:
            row = self.rows[kb_id]
            found = self.built[kb_id] = row if isinstance(row, Entity) else _entity(kb_id, row)
        return found

    def __iter__(self) -> Iterator[str]:
        yield from self.extra
        yield from (k for k in self.rows if k not in self.extra)

    def __len__(self) -> int:
        return len(self.rows) + sum(1 for k in self.extra if k not in self.rows)

    def __contains__(self, kb_id: object) -> bool:
        return kb_id in self.extra or kb_id in self.rows


def _nearest(roles: tuple[Role, ...] | list[Role], day: int) -> Role:
    """The role that ended last before `day`, or, when none had, the first to start after it."""
    before = [r for r in roles if r.end < day]
    return max(before, key=lambda r: r.end) if before else min(roles, key=lambda r: r.start)


def _entity(kb_id: str, row: list) -> Entity:
    """[name, kind, country, sector, family_first, roles?, standing?] as written by the build."""
    name, kind, country, sector, family_first, *rest = row
    roles = tuple(Role(*r) for r in rest[0]) if rest else ()
    standing = Role(*rest[1]) if len(rest) > 1 and rest[1] else None
    return Entity(kb_id, name, kind, country, sector, family_first, roles, standing)


@lru_cache(maxsize=2)
def load_kb(path: Path = KB_PATH) -> KnowledgeBase:
    """Read the shipped knowledge base once per process."""
    enabled = gc.isenabled()
    gc.disable()  # the parse makes ~100,000 small objects: collecting while they are made only slows it
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return KnowledgeBase.from_dict(json.load(fh))
    finally:
        if enabled:
            gc.enable()
