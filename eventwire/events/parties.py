"""Who may take part in a political event: the parties each PLOVER type needs.

A dictionary coder that fires on any subject codes match reports and film reviews. A political event
needs a political party on at least one side: a state, a government and its officials, armed forces
and groups, parties, legislatures, courts and police, IGOs and NGOs, opposition and protesters, the
media. A company, a person of no known office or a club is a party only beside a political one
("the government sanctioned the firm", "prosecutors charged the businessman").
"""

from __future__ import annotations

from eventwire.events.roles import ActorIndex, Roles

__all__ = ["POLITICAL_SECTORS", "acceptable", "has_political_party", "political"]

POLITICAL_SECTORS = frozenset({
    "GOV", "MIL", "REB", "OPP", "PTY", "LEG", "JUD", "COP", "SPY", "IGO", "NGO", "MED", "JRN", "ELI", "INS",
    "SEP", "UAF", "IMG", "RAD", "HRI", "CVL", "LAB", "REF", "MOD", "ETH", "REL", "CRM", "CHR", "JEW", "MOS",
    "BUD", "HIN",
})
# Sectors whose members' protests and strikes are political events, though little else they do is (students,
# teachers, doctors and farmers marching or striking).
PROTEST_SECTORS = frozenset({"EDU", "HLH", "AGR", "ENV", "SOC", "DEV"})
SYMMETRIC = frozenset({"CONSULT", "COOPERATE"})
VISIT_CODES = frozenset({"042", "043"})


# In a report on sport or culture states are teams or settings: only these sectors make a party political
# there (a ministry, a
# court, the police: "charged by a Greek prosecutor" is a legal act in any report).
OFFICIAL_SECTORS = frozenset({"GOV", "MIL", "REB", "OPP", "PTY", "LEG", "JUD", "COP", "SPY", "IGO", "NGO"})


def political(actor, officials_only: bool = False) -> bool:
    """A state, or an actor whose sector takes part in politics (in a report on sport or culture: an
    official one)."""
    if officials_only:
        return actor.kind != "state" and actor.sector in OFFICIAL_SECTORS
    return actor.kind == "state" or actor.sector in POLITICAL_SECTORS


def has_political_party(roles: Roles, index: ActorIndex, officials_only: bool = False,
                        named_only: bool = False, office_act: bool = False, kind: str | None = None) -> bool:
    """Whether a party is political; with ``named_only`` an actor the text does not name (the state of a
    place, added by a convention) does not count; with ``office_act`` (an act only an office performs: "declared
    a state of siege", "imposed sanctions on") a person of no known office counts as its holder; for an event of
    type ``kind`` PROTEST, students, teachers, doctors and farmers count (outside reports on sport or culture)."""
    protest = kind == "PROTEST" and not officials_only
    return any((political(index.actors[a], officials_only) or office_act and _unknown_person(index.actors[a])
                or protest and index.actors[a].sector in PROTEST_SECTORS)
               and not (named_only and index.implied(a)) for a in roles.source + roles.target)


def _unknown_person(actor) -> bool:
    """A person the knowledge base does not know: no office, no sector."""
    return actor.kind == "person" and actor.sector is None


def acceptable(kind: str, cameo: str, roles: Roles, index: ActorIndex, officials_only: bool = False,
               office_act: bool = False) -> bool:
    """Whether an event of type ``kind`` (CAMEO ``cameo``) with these parties is worth coding: a political
    party the text names (violence may be known by its place alone: "a bombing in Kabul")."""
    parties = roles.source + roles.target
    if not has_political_party(roles, index, officials_only, named_only=kind != "ASSAULT", office_act=office_act,
                               kind=kind):
        return False
    if kind == "CONSULT" and cameo[:3] in VISIT_CODES:
        if len(parties) < 2:
            return False  # a visit is to someone or somewhere: "Kim visited factories" is no CONSULT
        if not any(political(index.actors[a], officials_only) for a in roles.source):
            return False  # the visitor makes a visit political: a traveller coming to Britain is no CONSULT
    if kind in SYMMETRIC and roles.target:
        return not set(roles.source) & set(roles.target)
    return True
