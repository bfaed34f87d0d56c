"""The event lexicon: which words evoke which CAMEO code, and what that code means in PLOVER."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

__all__ = ["LEXICON_PATH", "NO_EVENT", "CodeInfo", "Lexicon", "load_lexicon", "stems"]

LEXICON_PATH = Path(__file__).resolve().parent.parent / "data" / "event_lexicon.json"
# A pattern under which the verb names no event ("hijack elections", "take office").
NO_EVENT = "---"


@dataclass(frozen=True)
class CodeInfo:
    """A CAMEO code with its PLOVER type, mode, context and Goldstein score."""

    cameo: str
    type: str
    mode: str | None
    context: tuple[str, ...]
    goldstein: float | None


@dataclass(frozen=True)
class Hit:
    """A trigger found in the lexicon; ``specific`` when a verb+object pattern decided the code; ``key``
    the entry that matched ("attack", "sign|agreement", "hunger strike")."""

    code: CodeInfo
    specific: bool
    nominal: bool
    key: str


class Lexicon:
    """Dict lookups over the built lexicon (verbs, verb+object patterns, event nouns)."""

    def __init__(self, data: dict) -> None:
        self.codes = {c: CodeInfo(c, v["type"], v["mode"], tuple(v["context"]), v["goldstein"])
                      for c, v in data["codes"].items()}
        self.verbs: dict[str, str] = data["verbs"]
        self.patterns: dict[str, str] = data["patterns"]
        self.nouns: dict[str, str] = data["nouns"]
        # the verbs some pattern starts with: any other verb not in ``verbs`` needs no look at its dependents
        self.pattern_verbs: frozenset[str] = frozenset(key.split("|", 1)[0] for key in self.patterns)
        # the last words of the noun keys: a noun whose lemma ends none needs no look at its modifiers
        self.noun_ends: frozenset[str] = frozenset(key.rsplit(" ", 1)[-1] for key in self.nouns)
        self.standalone_nouns: frozenset[str] = frozenset(data["standalone"])
        self.countries: dict[str, str] = data["countries"]
        self.transitive: frozenset[str] = frozenset(data["transitive"])
        self.intransitive: frozenset[str] = frozenset(data["intransitive"])
        self.defaults: dict[str, CodeInfo] = {t: self.codes[c] for t, c in data["defaults"].items()}

    def may_hit(self, pos: str, lemma: str, lower: str) -> bool:
        """Whether a token with this POS, lower-cased lemma and lower-cased text can be a trigger at all: a
        test on strings, so the stage makes Token objects and reads dependents only for the few that can."""
        if pos == "VERB":
            return self._knows_verb(self.verb_lemma(lemma, lower))
        return pos in ("NOUN", "PROPN") and (lemma in self.noun_ends or lower in self.nouns)

    def verb_lemma(self, lemma: str, lower: str) -> str:
        """The lemma the lexicon knows a verb by: the lemmatizer's, or for an inflected form the small model
        lemmatizes wrongly ("staged" -> "stag"), the form without its ending that the lexicon knows."""
        if self._knows_verb(lemma):
            return lemma
        return next((stem for stem in stems(lower) if self._knows_verb(stem)), lemma)

    def _knows_verb(self, lemma: str) -> bool:
        return lemma in self.verbs or lemma in self.pattern_verbs

    def verb_hit(self, token: Token) -> Hit | None:
        """The code of a verb token: a pattern on its object or PP first, else the verb's default."""
        lemma = self.verb_lemma(token.lemma_.lower(), token.lower_)
        if not self._knows_verb(lemma):
            return None
        for key in _pattern_keys(lemma, token):
            if key in self.patterns:
                code = self.patterns[key]
                return None if code == NO_EVENT else Hit(self.codes[code], True, False, key)
        code = self.verbs.get(lemma)
        has_object = any(c.dep_ in ("dobj", "nsubjpass") for c in token.children)
        if (lemma in self.transitive and not has_object) or (lemma in self.intransitive and has_object):
            return None
        return Hit(self.codes[code], False, False, lemma) if code else None

    def noun_hit(self, token: Token) -> Hit | None:
        """The code of an event noun ("summit", "invasion"), by its modifier and lemma first ("hunger
        strike" is no military strike), then by its text or its lemma."""
        lemma = token.lemma_.lower()
        if lemma not in self.noun_ends and token.lower_ not in self.nouns:
            return None
        keys = [f"{c.lemma_.lower()} {lemma}" for c in token.children if c.dep_ in ("compound", "amod")]
        key = next((k for k in [*keys, token.lower_, lemma] if k in self.nouns), None)
        return Hit(self.codes[self.nouns[key]], len(key.split()) > 1, True, key) if key else None

    def standalone(self, token: Token) -> bool:
        """Whether an event noun names an event even with no agent named ("international sanctions")."""
        return token.lower_ in self.standalone_nouns or token.lemma_.lower() in self.standalone_nouns


def stems(lower: str) -> list[str]:
    """Candidate bare forms of an inflected verb: "staged" -> stage, "attacked" -> attack, "banned" -> ban,
    "voting" -> vote, "urges" -> urge."""
    for ending in ("ed", "ing", "es", "s"):
        if lower.endswith(ending) and len(lower) > len(ending) + 2:
            stem = lower[: -len(ending)]
            forms = [stem + "e", stem] if ending in ("ed", "ing") else [stem]
            if ending == "es":
                forms.append(stem + "e")
            if len(stem) > 2 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])  # a doubled consonant: "banned", "planning"
            return forms
    return []


def _pattern_keys(lemma: str, token: Token) -> list[str]:
    """``verb|particle object`` ("call|off strike"), then ``verb|object``, ``verb|particle``, ``verb|complement``
    ("refuse|comment", "find|guilty") and ``verb|prep object`` keys for the verb's dependents (passive subject
    too), then the bare ``verb|prep`` ones: the most specific reading first."""
    keys, loose = [], []
    # a phrasal verb with its object first ("called off the strike" is no "called off the talks")
    objects = [w for c in token.children if c.dep_ in ("dobj", "nsubjpass") for w in (c.lower_, c.lemma_.lower())]
    phrasal = [f"{lemma}|{c.lower_} {o}" for c in token.children if c.dep_ == "prt" for o in objects]
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr", "prt", "xcomp") or _adjective_complement(child):
            keys += [f"{lemma}|{child.lower_}", f"{lemma}|{child.lemma_.lower()}"]
            # the object's compound modifier after its head: "closed the crossing points" reads close|crossing
            loose += [f"{lemma}|{m.lemma_.lower()}" for m in child.children if m.dep_ == "compound"]
        elif child.dep_ in ("prep", "dative", "agent") and not _of_time(child):
            keys += [f"{lemma}|{child.lower_} {g.lemma_.lower()}" for g in child.children if g.dep_ == "pobj"]
            loose.append(f"{lemma}|{child.lower_}")
    return phrasal + keys + loose


def _adjective_complement(child: Token) -> bool:
    """An adjective that completes the verb ("found him guilty", "declared it illegal")."""
    return child.pos_ == "ADJ" and child.dep_ in ("ccomp", "oprd", "acomp")


# Entity labels of a preposition's object that make the phrase a time ("called him on Tuesday").
_TIME_LABELS = frozenset({"DATE", "TIME"})


def _of_time(prep: Token) -> bool:
    """Whether a preposition's phrase says when, not what: "called Kim on Tuesday" is no "call on" (appeal)."""
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(objects) and all(g.ent_type_ in _TIME_LABELS for g in objects)


@lru_cache(maxsize=2)
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """The lexicon, read once per process."""
    return Lexicon(json.loads(path.read_text(encoding="utf-8")))
