"""Who did it to whom: the source and target actors of a trigger, read off the dependency parse."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.schema import Actor

__all__ = ["ActorIndex", "clause_tokens"]

# Dependents that start another clause: their words belong to another event.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "parataxis", "relcl", "csubj", "acl", "xcomp"})
# Inside a noun phrase, these lead to other entities, not to the phrase's own referent.
NP_STOP_DEPS = CLAUSE_DEPS | {"prep", "punct", "cc", "det", "nummod"}
TARGET_PREPS = frozenset({"to", "with", "against", "toward", "towards", "on", "at"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "both"})
THING_PRONOUNS = frozenset({"it", "its"})
# Heads of anaphoric noun phrases ("the two leaders", "both sides").
GROUP_NOUNS = frozenset({"leader", "side", "president", "country", "nation", "government", "minister"})


def clause_tokens(trigger: Token) -> list[Token]:
    """The trigger and its dependents, without nested clauses or coordinated verbs (the event's clause)."""
    out, stack = [], [trigger]
    while stack:
        tok = stack.pop()
        out.append(tok)
        for child in tok.children:
            if child.dep_ in CLAUSE_DEPS and child.i != trigger.i:
                continue
            if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
                continue
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


class ActorIndex:
    """Token -> actor lookups for one doc, plus the minimal anaphora the stage needs."""

    def __init__(self, doc: Doc) -> None:
        self.actors: dict[str, Actor] = {a.id: a for a in (doc._.ew_actors or [])}
        self.by_token: dict[int, str] = {}
        group = doc.spans.get("ew_actors", [])
        for span in group:
            if span.kb_id_ in self.actors:
                for i in range(span.start, span.end):
                    self.by_token.setdefault(i, span.kb_id_)
        self.order = sorted(self.by_token.items())

    def phrase(self, head: Token) -> list[str]:
        """Actors of the noun phrase headed by ``head``, through conjuncts and appositions."""
        ids: list[str] = []
        stack = [head]
        while stack:
            tok = stack.pop()
            if tok.i in self.by_token and self.by_token[tok.i] not in ids:
                ids.append(self.by_token[tok.i])
            stack += [c for c in tok.children if c.dep_ not in NP_STOP_DEPS]
        return ids or self.anaphor(head)

    def anaphor(self, head: Token) -> list[str]:
        """Resolve he/she/it/they and "the two leaders" to earlier actors (no coreference model here)."""
        low = head.lower_
        if low in PERSON_PRONOUNS:
            return self._last(head, lambda a: a.kind == "person", 1)
        if low in THING_PRONOUNS:
            return self._last(head, lambda a: a.kind != "person", 1)
        # Plural pronouns only as subjects: "urging them" is too often not the parties named before.
        if (low in GROUP_PRONOUNS and head.dep_ in ("nsubj", "nsubjpass")) or _group_phrase(head):
            return self._group(head)
        return []

    def _last(self, head: Token, fits, n: int) -> list[str]:
        """The last ``n`` distinct fitting actors mentioned before ``head``."""
        ids: list[str] = []
        for i, aid in reversed(self.order):
            if i < head.i and aid not in ids and fits(self.actors[aid]):
                ids.append(aid)
                if len(ids) == n:
                    break
        return ids

    def _group(self, head: Token) -> list[str]:
        """The actors of the latest sentence that names two or more parties of different countries."""
        sents = [s for s in head.doc.sents if s.start <= head.i]
        for sent in reversed(sents):
            by_country: dict[str, str] = {}
            for i, aid in self.order:
                actor = self.actors[aid]
                if sent.start <= i < min(sent.end, head.i) and actor.country and actor.kind == "person":
                    by_country.setdefault(actor.country, aid)
            if len(by_country) >= 2:
                return list(by_country.values())
        return []

    def of_country(self, country: str | None) -> list[str]:
        """An actor standing for a country (for "arrived in Russia"): the state, else its government."""
        if not country:
            return []
        cands = [a for a in self.actors.values() if a.country == country]
        cands.sort(key=lambda a: (a.kind != "state", a.sector not in (None, "GOV"), a.kind == "person"))
        return [cands[0].id] if cands else []


def _group_phrase(head: Token) -> bool:
    """ "the two leaders", "both sides": a plural definite noun that names parties mentioned before."""
    if head.lemma_.lower() not in GROUP_NOUNS or head.tag_ != "NNS":
        return False
    return any(c.lower_ in ("the", "two", "both") for c in head.children)
