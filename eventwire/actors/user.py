"""A user's own actors: a YAML file laid over the built-in knowledge base at run time.

```yaml
actors:
  - name: Ada Quuxberg
    aliases: [Quuxberg]
    kind: person
    country: NOR
    sector: GOV
    from: 2025-10-01   # optional validity
```

Every error names the file, the line and the field. A user's actor wins every name it claims over the
built-in ones, and links by alias and (for a person) by bare surname like a built-in actor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from eventwire.actors.kb import IGO_CODES, OPEN_END, Entity, KnowledgeBase, Role, day_key, normalize
from eventwire.errors import EventwireError
from eventwire.schema import SECTORS

__all__ = ["ActorsFileError", "KINDS", "UserActors", "load_user_actors", "overlay_user_actors"]

KINDS = ("person", "organization", "media", "group")
_FIELDS = ("name", "aliases", "kind", "country", "sector", "from", "to", "family_first")


class ActorsFileError(EventwireError):
    """The user's actors file cannot be used; the message says where (file, line, field) and why."""

    code = "bad_actors_file"


@dataclass
class UserActors:
    """The parsed file: entities and the name tables they claim (keys as `normalize` makes them)."""

    entities: list[Entity] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)
    acronyms: dict[str, str] = field(default_factory=dict)
    surnames: dict[str, str] = field(default_factory=dict)


def load_user_actors(path: str | Path, kb: KnowledgeBase) -> UserActors:
    """Read and validate a user's actors file against the knowledge base's country codes.

    :raises ActorsFileError: unreadable file, YAML syntax, or any entry that breaks the format.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ActorsFileError(f"{path}: actors file not found") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ActorsFileError(f"{path}: cannot read the actors file ({err})") from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        raise ActorsFileError(f"{path}{where}: not valid YAML ({getattr(err, 'problem', None) or err})") from None
    return _Reader(path, kb).read(root)


def overlay_user_actors(kb: KnowledgeBase, path: str | Path | None) -> KnowledgeBase:
    """The knowledge base with the user's actors laid over it (unchanged when there is no file)."""
    if not path:
        return kb
    user = load_user_actors(path, kb)
    return kb.overlay(user.entities, user.aliases, user.acronyms, user.surnames)


class _Reader:
    """Walks the composed YAML nodes, so every error can give the line of the offending value."""

    def __init__(self, path: Path, kb: KnowledgeBase) -> None:
        self.path = path
        self.kb = kb
        self.codes = set(kb.country_names) | IGO_CODES
        self.out = UserActors()
        self.owner: dict[str, str] = {}  # alias key -> name of the user's actor that claimed it
        self.shared: set[str] = set()  # surnames of more than one of the user's people

    def fail(self, node: Node | None, message: str) -> ActorsFileError:
        where = f" line {node.start_mark.line + 1}" if node is not None else ""
        return ActorsFileError(f"{self.path}{where}: {message}")

    def read(self, root: Node | None) -> UserActors:
        if root is None:
            raise self.fail(None, "the file is empty: expected 'actors:' with a list of actors")
        top = self.mapping(root, "the file")
        if set(top) != {"actors"}:
            extra = sorted(set(top) - {"actors"})
            raise self.fail(root, f"unknown top-level field {extra[0]!r}: the file holds only 'actors:'" if extra
                            else "expected 'actors:' with a list of actors")
        entries = top["actors"][1]
        if not isinstance(entries, SequenceNode):
            raise self.fail(entries, "'actors' must be a list ('- name: ...' entries)")
        for number, entry in enumerate(entries.value, start=1):
            self.entry(number, entry)
        return self.out

    def mapping(self, node: Node, what: str) -> dict[str, tuple[Node, Node]]:
        if not isinstance(node, MappingNode):
            raise self.fail(node, f"{what} must be a mapping of fields ('field: value')")
        fields: dict[str, tuple[Node, Node]] = {}
        for key, value in node.value:
            name = key.value if isinstance(key, ScalarNode) else None
            if name in fields:
                raise self.fail(key, f"field {name!r} is given twice")
            fields[str(name)] = (key, value)
        return fields

    def entry(self, number: int, node: Node) -> None:
        fields = self.mapping(node, f"actor {number}")
        for name, (key, _) in fields.items():
            if name not in _FIELDS:
                raise self.fail(key, f"actor {number}: unknown field {name!r} (fields: {', '.join(_FIELDS)})")
        if "name" not in fields:
            raise self.fail(node, f"actor {number}: field 'name' is required")
        name = self.text(fields["name"][1], "name")
        where = f"actor {name!r}"
        if normalize(name) in self.owner and self.owner[normalize(name)] == name:
            raise self.fail(fields["name"][1], f"{where} is listed twice")
        kind = self.choice(fields, "kind", KINDS, where) or "person"
        country = self.choice(fields, "country", None, where)
        sector = self.choice(fields, "sector", SECTORS, where)
        if country is None and sector is None:
            raise self.fail(node, f"{where}: give a country, a sector or both")
        start, end = self.day(fields, "from", where), self.day(fields, "to", where)
        if start and end and end < start:
            raise self.fail(fields["to"][1], f"{where}: field 'to' is before 'from'")
        family_first = self.flag(fields, "family_first", where)
        aliases = self.aliases(fields, where)
        self.add(name, aliases, kind, country, sector, start, end, family_first, fields)

    def add(self, name: str, aliases: list[str], kind: str, country: str | None, sector: str | None,
            start: int | None, end: int | None, family_first: bool, fields: dict) -> None:
        kb_id = "user:" + normalize(name).replace(" ", "_").upper()
        roles: tuple[Role, ...] = ()
        if start or end:
            roles = (Role(country, sector, start or 0, end or OPEN_END),)
        self.out.entities.append(Entity(kb_id, name, kind, country, sector, family_first, roles))
        for alias in [name, *aliases]:
            key = normalize(alias).removeprefix("the ")
            if not key:
                continue
            if self.owner.get(key, name) != name:
                node = fields["aliases"][1] if "aliases" in fields and alias != name else fields["name"][1]
                raise self.fail(node, f"actor {name!r}: the name {alias!r} is already taken by {self.owner[key]!r}")
            self.owner[key] = name
            table = self.out.acronyms if _capitals(alias) else self.out.aliases
            table[key] = kb_id
        words = normalize(name).split()
        if kind == "person" and len(words) > 1:
            self.surname(words[0] if family_first else words[-1], kb_id)

    def surname(self, key: str, kb_id: str) -> None:
        """A bare surname links as a built-in one does; two of the user's people sharing it make it ambiguous."""
        kb = self.kb
        if len(key) <= 3 or key in kb.countries or key in kb.adjectives or key in kb.capitals:
            return
        if key in self.shared or self.out.surnames.get(key, kb_id) != kb_id:
            self.shared.add(key)
            self.out.surnames.pop(key, None)
        else:
            self.out.surnames[key] = kb_id

    def text(self, node: Node, field_name: str) -> str:
        if not isinstance(node, ScalarNode) or not str(node.value).strip():
            raise self.fail(node, f"field {field_name!r} must be a non-empty text")
        return str(node.value).strip()

    def choice(self, fields: dict, name: str, allowed: tuple[str, ...] | None, where: str) -> str | None:
        if name not in fields:
            return None
        node = fields[name][1]
        value = self.text(node, name)
        if name == "country":
            value = value.upper()
            if value not in self.codes:
                raise self.fail(node, f"{where}: field 'country': {value!r} is not an ISO 3166 alpha-3 code or an "
                                f"IGO code ({', '.join(sorted(IGO_CODES))})")
        elif allowed is not None and value not in allowed:
            listing = ", ".join(allowed)
            raise self.fail(node, f"{where}: field {name!r}: {value!r} is not one of {listing}")
        return value

    def day(self, fields: dict, name: str, where: str) -> int | None:
        if name not in fields:
            return None
        node = fields[name][1]
        value = _construct(node)
        if isinstance(value, str):
            try:
                value = date.fromisoformat(value.strip())
            except ValueError:
                value = None
        if not isinstance(value, date):
            raise self.fail(node, f"{where}: field {name!r} must be a date YYYY-MM-DD, got {node.value!r}")
        return day_key(value)

    def flag(self, fields: dict, name: str, where: str) -> bool:
        if name not in fields:
            return False
        value = _construct(fields[name][1])
        if not isinstance(value, bool):
            raise self.fail(fields[name][1], f"{where}: field {name!r} must be true or false")
        return value

    def aliases(self, fields: dict, where: str) -> list[str]:
        if "aliases" not in fields:
            return []
        node = fields["aliases"][1]
        items = node.value if isinstance(node, SequenceNode) else [node]
        if isinstance(node, MappingNode):
            raise self.fail(node, f"{where}: field 'aliases' must be a list of names")
        return [self.text(item, "aliases") for item in items]


def _construct(node: Node) -> object:
    """A scalar as YAML types it (dates, booleans), without giving up the node's line."""
    try:
        return SafeConstructor().construct_object(node, deep=True)
    except (ConstructorError, ValueError):  # ValueError: a date-shaped value that is no date (2025-13-01)
        return node.value


def _capitals(alias: str) -> bool:
    """An alias written in capitals is an acronym: it names the actor only in capitals (as built-in ones)."""
    letters = [c for c in alias if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in alias.strip()
