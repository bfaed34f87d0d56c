"""Find actor mentions in a parsed Doc: KB names, country + agent composites, capitals, unknown people.

One left-to-right pass over the tokens. At each token the longest knowledge-base key wins (a dict
lookup per n-gram, never a loop over the KB); spaCy's PERSON/ORG entities fill in what the KB lacks.
The result is a list of `Found` mentions with a grouping key; `component.py` turns them into actors.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from eventwire.actors.kb import IGO_CODES, MAX_KEY_TOKENS, KnowledgeBase, day_key, normalize
from eventwire.nlp.tokens import token_table
from eventwire.nlp.words import HONORIFICS

__all__ = ["Found", "find_mentions"]

POSSESSIVE = {"'s", "’s", "'", "’"}
DEFINITE = {"the"}
ROLE_WORDS = {"leader", "president", "prime minister", "premier", "ruler", "dictator", "king", "chancellor"}
ANAPHORS = {"country", "nation", "state", "regime"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
ORG_HEADS = {"ministry", "council", "party", "assembly", "army", "front", "organization", "organisation",
             "union", "agency", "committee", "commission", "court", "parliament", "movement", "league",
             "brigade", "brigades", "government", "police", "service", "bank", "group", "institute",
             "association", "forces", "guard", "office", "department"}
# A country after these is a place ("bases in Iraq", "a trek across Afghanistan") or a topic ("a film about Iraq").
LOCATIVE_PREPS = {"in", "at", "inside", "within", "throughout", "near", "outside", "across", "about"}
AGENT_PREPS = {"by", "with", "against"}
COORD = {"and", "or", ",", "&"}
OWNER_WORDS = {"its", "their", "his", "her", "our", "my", "your"} | POSSESSIVE
PLACE_OF = {"in", "of"}
_MAX_AGENT = 4
_MAX_SKIP = 2
_MODIFIER_POS = frozenset({"ADJ", "NOUN", "PROPN"})
# An agent noun in one of these relations to a later noun modifies it ("police station", "Soviet-era military
# aircraft"): no actor.
_NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


@dataclass(slots=True)
class Found:
    """One actor mention before ids are given.

    :param key: grouping key; mentions with equal keys are one actor.
    :param link: when set, the key of an earlier actor this mention refers to (apposition, "the leader").
    :param name_from: token where the person's own name starts when a title opens the mention
        ("North Korean leader Kim Jong-un"), so short forms come from the name, not the title.
    """

    start: int
    end: int
    key: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    kb_id: str | None = None
    link: str | None = None
    family_first: bool = False
    tokens: tuple[int, int] = field(default=(0, 0))
    name_from: int | None = None


# "<country>-led forces", "Kremlin-controlled media": the agents after the hyphenated word are the country's
# own (unlike "Russian-backed separatists", whom Russia backs, or a "London-based" NGO, which is nobody's).
OWN_HYPHENS = frozenset({"led", "run", "controlled", "dominated", "owned"})


# Agents that are several states: the country of their context is one of them at most ("North Korea is one
# of the few countries ...", "Russia and other nations").
MANY_STATES = frozenset({"countries", "nations", "member states", "republics", "heads of state",
                         "heads of government", "world leaders"})


def _written_capitalised(text: str) -> bool:
    return text[:1].isupper() or text[:1].isdigit()


def _capitalised(tok: Token) -> bool:
    return _written_capitalised(tok.text)


def _family_first(word: str) -> bool:
    """Family name first for a name the KB does not flag: a hyphenated given name with a lower-case
    second part is the romanised Korean pattern ("Jong-un", "Jae-in", "Son-hui"); two capitalised
    parts are a double surname ("Lai-Smith", "Ould-Abdallah"), whose first word is a given name."""
    parts = word.split("-")
    return len(parts) == 2 and parts[0][:1].isupper() and parts[1][:1].islower()


class _Scanner:
    """State of one pass over one Doc."""

    def __init__(self, doc: Doc, kb: KnowledgeBase) -> None:
        self.doc = doc
        self.kb = kb
        self.found: list[Found] = []
        self.short: dict[str, Found] = {}
        self.ents = {e.start: e for e in map(_strip_determiner, doc.ents) if e.label_ in ("PERSON", "ORG")}
        self.last_country: str | None = None
        self.keys: dict[tuple[int, int], str] = {}
        self.day = day_key(doc._.published)
        self.countries_in: dict[int, list[tuple[int, str]]] = {}
        # person keys by (country, sector), so "the North Korean leader" finds its person without a scan
        self.people: dict[tuple[str | None, str | None], set[str]] = {}
        # Token attributes read once (shared with the other stages): the scan asks for them at every token
        # and n-gram, and each ``doc[i]`` makes a new Token object (the stage's largest cost before this).
        table = token_table(doc)
        self.texts = table.texts
        self.with_ws = [t + s for t, s in zip(table.texts, table.spaces, strict=True)]
        self.pos = table.pos
        self.punct = table.punct
        self.space = table.space
        self.lower = [text.lower() for text in self.texts]
        self.caps = [_written_capitalised(text) for text in self.texts]
        # a name ends at a capitalised word or at the tail of a hyphenated name ("Jong-un")
        self.name_ends = [(self.caps[k] or (k > 0 and self.with_ws[k - 1] == "-")) and not table.punct[k]
                          for k in range(len(self.texts))]
        self.place_of = [word in PLACE_OF for word in self.lower]
        self.words = [normalize(text).split() for text in self.texts]  # each token's key words
        self.next_end = self._next_agent_ends()
        self.may_start = self._may_start(kb.agent_starts)
        self.may_name = self._may_start(kb.name_starts)

    def key_at(self, i: int, j: int) -> str:
        """The KB key of tokens i..j, memoised: the scan asks for the same n-grams many times."""
        key = self.keys.get((i, j))
        if key is None:
            key = self.keys[(i, j)] = normalize("".join(self.with_ws[i : j - 1]) + self.texts[j - 1])
        return key

    def lookup(self, i: int) -> tuple[int, str, str] | None:
        """Longest capitalised KB phrase starting at token i: (end, table, value).

        Acronyms count only in capitals ("DAWN", not "Dawn"); a bare surname of the supplement ("Putin") only
        when one of its owners holds office on the article's date and the article has not named another
        person of that name (then `surname` links it to that person).
        """
        doc, kb = self.doc, self.kb
        if not self.caps[i] or self.lower[i] in DEFINITE:
            return None
        for j in range(min(len(doc), i + MAX_KEY_TOKENS), i, -1) if self.may_name[i] else ():
            if not self.name_ends[j - 1]:
                continue
            glued = self.modifier_compound(j)
            if glued and self.lower[j + 1] not in OWN_HYPHENS:
                continue
            key = self.key_at(i, j)
            value = None if glued else kb.aliases.get(key)
            if value is None and not glued and key in kb.acronyms and _written_in_capitals(doc[i:j].text):
                value = kb.acronyms[key]
            if value is not None:
                return j, "aliases", value
            for table in ("countries", "adjectives") if glued else ("countries", "adjectives", "capitals"):
                value = getattr(kb, table).get(key)
                if value is not None:
                    return j, table, value
        j = self.word_end(i)
        key = self.key_at(i, j)
        if key in kb.surnames and key not in self.short and self.name_ends[j - 1]:
            owner = kb.surname_owner(key, self.day)
            if owner is not None:
                return j, "aliases", owner
        return None

    def modifier_compound(self, end: int) -> bool:
        """"Soviet-era", "Kremlin-backed": a name glued to a hyphen modifies, it is not an actor."""
        return end < len(self.texts) - 1 and self.texts[end] == "-" and self.with_ws[end - 1] == self.texts[end - 1]

    def _next_agent_ends(self) -> list[int]:
        """For each token, the first token at or after it that could end an agent phrase (len(doc) if none).

        A token can end one when it is no punctuation and its last word is one some phrase ends with (a token
        glued to the one before it, or one that normalises to nothing, is left to the full lookup). With this
        the agent lookup at a token with no such end near it costs one comparison.
        """
        ends, n = self.kb.agent_ends, len(self.texts)
        nxt = [n] * (n + 1)
        for i in range(n - 1, -1, -1):
            words = self.words[i]
            glued = i > 0 and self.with_ws[i - 1] == self.texts[i - 1]
            may_end = not self.punct[i] and (glued or not words or words[-1] in ends)
            nxt[i] = i if may_end else nxt[i + 1]
        return nxt

    def _may_start(self, starts: frozenset[str]) -> list[bool]:
        """For each token, whether a phrase of a table could start at it: its first word opens some key of the
        table (``starts``; a token glued to the next one, or one that normalises to nothing, is left to the
        full lookup)."""
        return [not words or with_ws == text or words[0] in starts
                for text, with_ws, words in zip(self.texts, self.with_ws, self.words, strict=True)]

    def agent_at(self, i: int, max_skip: int = _MAX_SKIP) -> tuple[int, int, str] | None:
        """An agent noun phrase at i, possibly after up to ``max_skip`` modifiers: (start, end, sector)."""
        pos, punct, n, nxt = self.pos, self.punct, len(self.texts), self.next_end
        if nxt[i] >= i + max_skip + _MAX_AGENT or not any(self.may_start[i:i + max_skip + 1]):
            return None
        for skip in range(max_skip + 1):
            a = i + skip
            if a >= n or any(p not in _MODIFIER_POS for p in pos[i:a]) or punct[a]:
                return None
            if not self.may_start[a]:
                continue
            for j in range(min(n, a + _MAX_AGENT), a, -1):
                if nxt[j - 1] != j - 1:
                    continue
                sector = self.kb.agents.get(self.key_at(a, j))
                if sector == "":  # a phrase listed as no agent ("market forces"): nothing inside it is one
                    return None
                if sector and pos[j - 1] in ("NOUN", "PROPN"):
                    return a, j, sector
        return None

    def add(self, f: Found) -> Found:
        doc = self.doc
        f.tokens = (f.start, f.end)
        f.start, f.end = doc[f.start].idx, doc[f.end - 1].idx + len(doc[f.end - 1])
        self.found.append(f)
        # "the country" is a state: an international organisation's code (UNO, EUR) is not one
        if f.country and len(f.country) == 3 and f.country not in IGO_CODES:
            self.last_country = f.country
        if f.kind == "person":
            self._register_short(f)
            self.people.setdefault((f.country, f.sector), set()).add(f.key)
        return f

    def _register_short(self, f: Found) -> None:
        """Surname (or family name first: Kim Jong-un -> Kim) as a short form for later mentions.

        Only the person's own name counts: a title in the mention ("South Korean President") or a
        role with no name ("the North Korean leader") must not make "South" or "leader" a short form.
        """
        if not f.key.startswith(("KB:", "PERSON:")):
            return
        first = f.tokens[0] if f.name_from is None else f.name_from
        words = self.doc[first:f.tokens[1]].text.split()
        if len(words) < 2:
            return
        forms = [words[-1]]
        if f.family_first or _family_first(words[-1]):
            forms.append(words[0])
        for form in forms:
            key = normalize(form)
            if len(key) > 1:
                self.short.setdefault(key, f)

    def named_after(self, j: int) -> tuple[int, Found | None] | None:
        """A name (KB alias or NER PERSON/ORG) starting at token j, as a found-but-not-added mention."""
        hit = self.lookup(j) if j < len(self.doc) else None
        if hit and hit[1] == "aliases":
            return hit[0], self.entity_found(j, hit[0], hit[2])
        ent = self.ents.get(j)
        if ent is not None and ent.label_ == "PERSON":
            end = _strip_possessive(ent)
            return end, self.unknown(j, end, "person")
        return None

    def entity_found(self, i: int, j: int, kb_id: str) -> Found:
        e = self.kb.entities[kb_id]
        country, sector = e.role_at(self.day)
        if e.kind == "person" and _former(self.doc, i):
            sector = "ELI"
        return Found(i, j, "KB:" + kb_id, e.name, e.kind, country, sector, kb_id, family_first=e.family_first)

    def unknown(self, i: int, j: int, kind: str) -> Found:
        text = self.doc[i:j].text
        return Found(i, j, f"{kind.upper()}:{normalize(text)}", text, kind, None, None)

    def run(self) -> list[Found]:
        i, doc = 0, self.doc
        while i < len(doc):
            i = self.step(i) if not self.space[i] else i + 1
        return self.found

    def step(self, i: int) -> int:
        """Handle token i; return the next token to look at."""
        hit = self.lookup(i)
        ent = self.ents.get(i)
        if ent is not None and (hit is None or self.longer_name(ent, hit) or self.longer_person(ent, hit)):
            return self.entity(ent, hit)
        if hit is None:
            return self.anaphor(i) or self.surname(i) or self.located_agent(i) or self.bare_agent(i) or i + 1
        end, table, value = hit
        if table == "aliases":
            return self.named(i, end, value)
        if table == "capitals":
            return self.capital(i, end, value)
        return self.country(i, end, value, table == "countries")

    def longer_name(self, ent: Span, hit: tuple[int, str, str]) -> bool:
        """A spaCy name that runs on past a country or capital word, with no agent noun after it: the word is
        part of the name ("UK Athletics", "US Anti-Doping Agency", "Victoria Hamilton"), not the state."""
        end = _strip_possessive(ent)
        # a demonym before a capitalised plural is a people ("Bosnian Serbs"), however spaCy labels it
        beyond = hit[0] + (hit[1] == "adjectives")
        return hit[1] != "aliases" and end > beyond and not self.agent_at(hit[0])

    def longer_person(self, ent: Span, hit: tuple[int, str, str]) -> bool:
        """A one-word person alias opening a longer PERSON name is someone else ("Albert" of Monaco in "Albert
        Einstein", "Erdogan" in "Erdogan Bayraktar")."""
        end, table, kb_id = hit
        if ent.label_ != "PERSON" or table != "aliases" or end - ent.start != 1 or _strip_possessive(ent) <= end:
            return False
        return self.kb.entities[kb_id].kind == "person"

    def named(self, i: int, end: int, kb_id: str) -> int:
        """A KB actor; an agent noun after an organisation joins its mention ("RIA journalists")."""
        f = self.entity_found(i, end, kb_id)
        agent = self.agent_at(end) if f.kind != "person" else None
        if agent and agent[0] == end and self.named_after(agent[1]) is None:
            f.end = agent[1]
        nationality = self.of_country(f.end) if f.kind == "person" else None
        if nationality is not None:  # "of <country>" is read with the person and is no state of its own; the
            f.country = nationality[1]  # text wins over a namesake's country ("King Hassan of Morocco")
        self.add(f)
        return nationality[0] if nationality else f.tokens[1]

    def country(self, i: int, end: int, code: str, is_state: bool) -> int:
        """Country name or adjective: a composite with an agent noun, a state, or a people."""
        doc = self.doc
        self.last_country = code
        j = end + 1 if end < len(doc) and doc[end].text in POSSESSIVE else end
        if j + 2 < len(doc) and doc[j].text == "-" and doc[j + 1].lower_ in OWN_HYPHENS:
            j += 2  # "US-led forces", "London-based group": the country's own agents
        agent = self.agent_at(j) if j < len(doc) else None
        if agent:
            return self.composite(i, agent, code)
        named = self.named_after(j) if j > end and is_state and j < len(doc) else None
        if named is not None and named[1] is not None:
            # "Germany's Marc Blume", "Russia's Gazprom": the country says whose, it does not act
            f = named[1]
            f.name_from, f.start, f.end, f.country = f.start, i, named[0], f.country or code
            self.add(f)
            return named[0]
        shared = self.coordinated_agent(end)
        if shared is not None:
            role, sector = shared
            name = f"{doc[i:end].text} {role}"  # "North Korean leaders" for the span "North Korean"
            self.add(Found(i, end, f"AGENT:{code}{sector}:{role}", name, "group", code, sector))
        elif is_state:
            if not (_locative(doc[i:end]) or self.team_word(doc[i:end])):
                self.add(self.state(i, end, code))
        elif end < len(doc) and _capitalised(doc[end]) and _plural(doc[end]) and not is_state:
            # "Bosnian Serbs", "Iraqi Kurds": a people of the first adjective's country
            self.add(Found(i, end + 1, f"PEOPLE:{code}", doc[i:end + 1].text, "group", code, "CVL"))
            return end + 1
        elif _plural(doc[end - 1]):
            self.add(Found(i, end, f"PEOPLE:{code}", doc[i:end].text, "group", code, "CVL"))
        elif _modified_noun(doc[i:end]).lemma_.lower() in self.kb.state_nouns:
            self.add(self.state(i, end, code))
        elif doc[i:end].root.dep_ not in ("amod", "compound", "npadvmod", "conj"):
            self.add(Found(i, end, f"PEOPLE:{code}", doc[i:end].text, "group", code, None))
        return end

    def team_word(self, span: Span) -> bool:
        """"the Ireland team", "England coach", "Britain's top sprinters": a country modifying or owning a noun
        of the sports register names a team or a nationality, not the state."""
        tok = _role_token(span.root)
        head = tok.head.lemma_.lower()
        if tok.dep_ == "compound" and tok.head.i > tok.i and head not in self.kb.state_nouns:
            return True
        return tok.dep_ in ("compound", "poss", "nmod", "amod") and head in self.kb.team_nouns

    def of_country(self, end: int) -> tuple[int, str] | None:
        """"Christine Arron of France", "King Hassan of Morocco", "Margaret Atwood (Canada)": (end, country) of an
        "of <country>" that says whose a person is (not "of Lebanon's Hezbollah": the country owns what follows)."""
        doc = self.doc
        if end + 1 >= len(doc) or doc[end].lower_ not in ("of", "("):
            return None
        hit = self.lookup(end + 1)
        if hit is None or hit[1] != "countries" or (hit[0] < len(doc) and doc[hit[0]].text in POSSESSIVE):
            return None
        if doc[end].text == "(":  # "Margaret Atwood (Canada)"
            return (hit[0] + 1, hit[2]) if hit[0] < len(doc) and doc[hit[0]].text == ")" else None
        return hit[0], hit[2]

    def state(self, i: int, end: int, code: str) -> Found:
        """The state itself, named ("Iran") or through its adjective ("an Iranian proposal")."""
        name = self.kb.country_names.get(code, self.doc[i:end].text)
        return Found(i, end, "STATE:" + code, name, "state", code, None, code)

    def coordinated_agent(self, end: int) -> tuple[str, str] | None:
        """"the North Korean and Russian leaders", "French, German and Italian troops": the agent noun
        after the last of the coordinated adjectives is shared by every one of them: (role, sector)."""
        doc, k = self.doc, end
        for _ in range(4):
            start = k
            while k < len(doc) and k - start < 2 and doc[k].lower_ in COORD:
                k += 1
            hit = self.lookup(k) if start < k < len(doc) else None
            if hit is None or hit[1] not in ("adjectives", "countries"):
                return None
            agent = self.agent_at(hit[0])
            if agent is not None and agent[0] == hit[0]:
                return self.key_at(agent[0], agent[1]), agent[2]
            k = hit[0]
        return None

    def composite(self, i: int, agent: tuple[int, int, str], code: str) -> int:
        """"Russian forces", "Russian President Boris Yeltsin" (the title joins the named person)."""
        doc = self.doc
        a, j, sector = agent
        named = self.named_after(j)
        if named is not None and named[1] is not None:
            f = named[1]
            f.name_from, f.start, f.country = f.start, i, f.country or code
            f.sector = f.sector or sector
            f.end = named[0]
            self.add(f)
            return named[0]
        role = self.key_at(a, j)
        if sector in _TITLE_SECTORS and _former(doc, i):
            sector = "ELI"
        f = Found(i, j, f"AGENT:{code}{sector}:{role}", doc[i:j].text, "group", code, sector)
        f.link = self.link_for(i, role, code, sector)
        if role in ROLE_WORDS and f.link is None:
            f.kind = "person"
        self.add(f)
        return j

    def link_for(self, i: int, role: str, code: str | None, sector: str) -> str | None:
        """The earlier actor a title refers to: apposition ("Putin, the Russian President") or
        "the North Korean leader" when one person of that country is known."""
        doc = self.doc
        k = i - 1 if i > 0 and doc[i - 1].lower_ in DEFINITE | {"a", "an"} else i
        if k > 0 and doc[k - 1].text == "," and self.found and self.found[-1].tokens[1] == k - 1:
            prev = self.found[-1]
            if prev.kind == "person" and prev.country in (None, code):
                return prev.key
        if role not in ROLE_WORDS or k == i or doc[i - 1].lower_ not in DEFINITE:
            return None
        people = self.people.get((code, sector), set())
        return next(iter(people)) if len(people) == 1 else None

    def capital(self, i: int, end: int, code: str) -> int:
        """A capital speaks for its government as the subject of a verb ("Moscow urgently needs") or
        as the agent or partner of an act ("an admission by Moscow", "talks with Beijing").

        Kind "state": the metonymic capital is the state acting, coded GOV (see docs of `ActorsStage`).
        """
        role = _role_token(self.doc[i:end].root)
        agentive = role.dep_ == "pobj" and role.head.lower_ in AGENT_PREPS
        if role.dep_ in SUBJECT_DEPS or agentive:
            self.add(Found(i, end, f"CAPITAL:{code}", self.doc[i:end].text, "state", code, "GOV"))
        return end

    def anaphor(self, i: int) -> int | None:
        """"the country’s state media": the most recently named country, with the agent's sector."""
        doc = self.doc
        if (self.lower[i] not in ANAPHORS or i == 0 or self.lower[i - 1] not in DEFINITE
                or i + 1 >= len(doc) or doc[i + 1].text not in POSSESSIVE or self.last_country is None):
            return None
        agent = self.agent_at(i + 2)
        if agent is None:
            return None
        a, j, sector = agent
        code = self.last_country
        self.add(Found(i - 1, j, f"AGENT:{code}{sector}:{self.key_at(a, j)}", doc[i - 1:j].text, "group",
                       code, sector))
        return j

    def located_agent(self, i: int) -> int | None:
        """"Rebels in the Ivory Coast", "the government of Iraq", "militias in Tripoli", "police in Michigan": a
        bare agent noun takes the country it is said to be in or of, named or through its capital or one of its
        regions (the place itself stays a place). Not after an owner ("its forces in Lebanon" are not
        Lebanon's)."""
        doc = self.doc
        if i > 0 and self.lower[i - 1] in OWNER_WORDS:
            return None
        # Cheap test first: this runs at every token, the agent lookup only where "in"/"of" follows.
        if not any(self.place_of[i + 1 : i + _MAX_AGENT + 1]):
            return None
        agent = self.agent_at(i, max_skip=0)
        if agent is None or agent[0] != i or agent[1] + 1 >= len(doc) or doc[agent[1]].lower_ not in PLACE_OF:
            return None
        k = agent[1] + 1 + (doc[agent[1] + 1].lower_ in DEFINITE)
        code = self.place_country(k) if k < len(doc) else None
        if code is None:
            return None
        j, sector = agent[1], agent[2]
        role = self.key_at(i, j)
        start = self.name_before(i, j) if role in self.kb.institutions else i
        self.add(Found(start, j, f"AGENT:{code}{sector}:{role}", doc[start:j].text, "group", code, sector))
        return j

    def place_country(self, k: int) -> str | None:
        """The country of a country name, a capital or a region (named in one country only) at token k."""
        hit = self.lookup(k)
        if hit is not None:
            return hit[2] if hit[1] in ("countries", "capitals") else None
        for n in range(min(3, len(self.doc) - k), 0, -1):
            code = self.kb.regions.get(self.key_at(k, k + n))
            if code is not None and _capitalised(self.doc[k]):
                return code
        return None

    def bare_agent(self, i: int) -> int | None:
        """"police", "prosecutors", "striking workers", "senior officials": an agent noun standing alone names
        an actor of its sector (the Phoenix agents' conventions), in the country of its context when the
        sentence or the article names one. Only the agent nouns the KB marks as naming a political actor alone
        ("athletes", "writers" or "people" at large do not), never a modifier ("police station"), a title
        ("the president": a person named elsewhere) or a phrase pointing back ("its forces", "the two leaders")."""
        doc = self.doc
        if self.punct[i]:
            return None
        agent = self.agent_at(i)
        if agent is None:
            return None
        a, j, sector = agent
        if self.caps[i] and not doc[i].is_sent_start and not _acronym_word(self.texts[i]) \
                and (a != i or self.lower[j - 1] not in self.kb.institutions):
            return None  # a capitalised word is a name, unless it opens an institution's ("the Madras High Court")
        head, role = doc[j - 1], self.key_at(a, j)
        if (role not in self.kb.alone or (head.dep_ in _NOUN_MODIFIER_DEPS and head.head.i >= j)
                or role in ROLE_WORDS or self.anaphoric(i) or self.inside_non_agent(i, j)
                or any(self.lookup(k) for k in range(i, a))):
            return None
        start = self.name_before(i, j) if role in self.kb.institutions else i
        country = self.country_inside(start, i) if start < i else None
        if country is None and role not in MANY_STATES:
            country = self.context_country(i)
        self.add(Found(start, j, f"AGENT:{country or ''}{sector}:{role}", doc[start:j].text, "group", country,
                       sector))
        return j

    def name_before(self, i: int, j: int) -> int:
        """Start of the proper name an institution noun is named by ("the Tis Hazari court", "the Delhi police"):
        capitalised words right before it that modify it, not already in a mention."""
        doc, k = self.doc, i
        taken = self.found[-1].tokens[1] if self.found else 0
        while k > taken and doc[k - 1].pos_ == "PROPN" and _capitalised(doc[k - 1]) and k <= doc[k - 1].head.i < j:
            k -= 1
        return k

    def inside_non_agent(self, i: int, j: int) -> bool:
        """The agent noun ends a phrase listed as no agent that starts before it ("market forces")."""
        return any(self.kb.agents.get(self.key_at(k, j)) == "" for k in range(max(0, i - 2), i))

    def anaphoric(self, i: int) -> bool:
        """"its forces", "the two leaders": an owner word or a counted definite points back to actors named
        before (resolved by later stages), so the phrase is no new actor."""
        doc = self.doc
        if i > 0 and doc[i - 1].lower_ in OWNER_WORDS:
            return True
        return i > 1 and doc[i - 1].like_num and doc[i - 2].lower_ in DEFINITE

    def word_end(self, i: int) -> int:
        """End of the written word starting at token i: spaCy splits "Lai-Smith" into three tokens."""
        doc, j = self.doc, i + 1
        while j + 1 < len(doc) and doc[j].text == "-" and not (doc[j - 1].whitespace_ or doc[j].whitespace_):
            j += 2
        return j

    def surname(self, i: int) -> int | None:
        """A later bare surname of a person named earlier in the article."""
        if self.pos[i] not in ("PROPN", "NOUN") or not self.caps[i]:
            return None
        j = self.word_end(i)
        f = self.short.get(self.key_at(i, j))
        if f is None:
            return None
        self.add(Found(i, j, f.key, f.name, f.kind, f.country, f.sector, f.kb_id))
        return j

    def titled_person(self, start: int, end: int) -> int:
        """An unknown person; a title before or at the start of the name ("President Dos Santos",
        "Judge Alejandro Rivera") gives the sector, and the nearest country of the sentence the state."""
        title = self.title_at(start, end)
        name_start = title[1] if title and title[1] > start else start
        f = self.unknown(name_start, end, "person")
        if title is not None:
            f.sector = "ELI" if _former(self.doc, title[0]) else title[2]
            f.country = self.context_country(start)
        nationality = self.of_country(end)
        if nationality is not None:
            f.country = f.country or nationality[1]
        self.add(f)
        return nationality[0] if nationality else end

    def title_at(self, start: int, end: int) -> tuple[int, int, str] | None:
        """A capitalised title ending just before token `start`, or opening the name (spaCy puts
        "Judge" inside the PERSON entity): (start, end, sector); the longest title wins."""
        # before the name a title of the opposition, the clergy, courts, parties or rebels may be lower-case
        # ("opposition leader Alexei Navalny", "imam Ali Bakr"); one of office only capitalised ("England captain
        # Harry Kane", "actor Tom Hanks", "chief executive Tim Cook" hold none); inside spaCy's entity only a
        # capitalised title is one, not a word of the name
        spans = [(a, start) for a in range(max(0, start - _MAX_TITLE), start)]
        spans += [(start, b) for b in range(min(end - 1, start + _MAX_TITLE), start, -1)]
        for a, b in spans:
            sector = self.kb.agents.get(self.key_at(a, b))
            if sector in _TITLE_SECTORS and (_capitalised(self.doc[b - 1]) or b == start and sector in _LOWER_TITLES):
                return a, b, sector
        return None

    def context_country(self, i: int) -> str | None:
        """The country named nearest to token i in its sentence (before it first), else the last one."""
        named = self.sentence_countries(self.doc[i].sent)
        before = [code for k, code in named if k < i]
        after = [code for k, code in named if k > i]
        return (before[-1] if before else None) or (after[0] if after else None) or self.last_country

    def sentence_countries(self, sent: Span) -> list[tuple[int, str]]:
        """(token, alpha-3) of the country words of a sentence, found once per sentence."""
        named = self.countries_in.get(sent.start)
        if named is None:
            named, k = [], sent.start
            while k < sent.end:
                hit = self.lookup(k)
                if hit is not None and hit[1] in ("countries", "adjectives", "capitals"):
                    named.append((k, hit[2]))
                    k = hit[0]
                else:
                    k += 1
            self.countries_in[sent.start] = named
        return named

    def entity(self, ent: Span, hit: tuple[int, str, str] | None) -> int:
        """spaCy PERSON/ORG the KB does not know: a person, or an organisation with an org head word."""
        if ent.label_ == "PERSON" and ent.end - ent.start > 1 and self.doc[ent.start].text.rstrip(".") in HONORIFICS:
            # "Mr Blair": the person is Blair, whom the article may have named before
            ent = Span(self.doc, ent.start + 1, ent.end, label=ent.label_)
        end = _strip_possessive(ent)
        if end <= ent.start:
            return ent.end
        if end == self.word_end(ent.start) and self.key_at(ent.start, end) in self.short:
            # a known surname, whatever spaCy labels it ("Lai-Smith" comes out as an ORG)
            return self.surname(ent.start) or end
        words = normalize(self.doc[ent.start:end].text).split()
        if ent.label_ == "PERSON" and _head_word(words) not in _NEVER_SURNAMES:
            return self.titled_person(ent.start, end)
        acronym = end - ent.start == 1 and ent.text.isupper() and 2 <= len(ent.text) <= 6
        head = _head_word(words)
        if not (set(words) & ORG_HEADS or head in self.kb.institutions or acronym):
            return hit[0] if hit else ent.start + 1
        f = self.unknown(ent.start, end, "organization")
        # the head's sector first: a "Union of Teachers" is a union (LAB), not teachers
        f.sector = self.kb.institutions.get(head) or self.kb.agents.get(head) or self.kb.agents.get(words[-1]) or None
        f.country = self.country_inside(ent.start, end)
        if f.country is None and f.sector in _STATE_SECTORS:
            f.country = self.context_country(ent.start)  # "the Department of Education" of the story's country
        self.add(f)
        return end

    def country_inside(self, start: int, end: int) -> str | None:
        """The country a name names in it: "Government of India", "Indian Ministry of Defence", "Michigan
        Department of Environmental Quality" (a region of one country)."""
        for k in range(start, end):
            hit = self.lookup(k)
            if hit is not None and hit[1] in ("countries", "adjectives", "capitals") and hit[0] <= end:
                return hit[2]
            for n in range(min(3, end - k), 0, -1):
                code = self.kb.regions.get(self.key_at(k, k + n))
                if code is not None and _capitalised(self.doc[k]):
                    return code
        return None


# Institution heads no person is named by: a PERSON "Delhi Police" is the police of Delhi ("Court" and "Guard"
# are surnames too).
_NEVER_SURNAMES = {"police", "ministry", "army", "navy", "parliament", "council", "commission", "government",
                   "department", "agency", "treasury", "tribunal", "senate", "assembly", "cabinet", "judiciary"}
# Sectors of a title before a person's name; the clergy's too ("Imam", "Bishop", "Rabbi": REL and CAMEO's religions).
_TITLE_SECTORS = {"GOV", "MIL", "JUD", "LEG", "COP", "SPY", "OPP", "PTY", "REB", "ELI", "IGO", "REL", "CHR", "JEW",
                  "MOS", "BUD", "HIN"}
_LOWER_TITLES = {"OPP", "REB", "PTY", "JUD", "LEG", "REL", "CHR", "JEW", "MOS", "BUD", "HIN"}
_MAX_TITLE = 4
# Sectors of a state's institutions: an institution name without a country is the country of its context.
_STATE_SECTORS = {"GOV", "JUD", "LEG", "COP", "MIL"}
_HEAD_ENDS = {"of", "for", "on", "in", "and"}


def _head_word(words: list[str]) -> str:
    """The head of an organisation's name: its last word before any "of"/"for" phrase ("ministry of health of
    ethiopia" -> ministry, "federal foreign office" -> office, "office depot" -> depot)."""
    for n, word in enumerate(words):
        if word in _HEAD_ENDS and n > 0:
            return words[n - 1]
    return words[-1] if words else ""


def _acronym_word(text: str) -> bool:
    """An acronym, or its plural: "NGO", "MPs", "MEPs" (a capitalised common noun is no acronym)."""
    stem = text[:-1] if text.endswith("s") and len(text) > 2 else text
    return stem.isupper()


def _written_in_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


FORMER = {"former", "ex", "ex-"}


def _former(doc: Doc, i: int) -> bool:
    """"former President Bill Clinton", "ex-prime minister X", "Former Socialist prime minister X": the person
    is out of office whatever the knowledge base says (ELI). Looks back over the title's modifiers only."""
    for k in range(i - 1, max(-1, i - 6), -1):
        tok = doc[k]
        if tok.lower_ in FORMER or tok.lower_.startswith("ex-"):
            return True
        if tok.pos_ not in ("ADJ", "PROPN", "NOUN", "PUNCT") or tok.text in (",", ";"):
            return False
    return False


def _plural(tok: Token) -> bool:
    """"Russians", "Israelis": a plural demonym names a people."""
    return tok.tag_ in ("NNPS", "NNS") or (tok.pos_ == "PROPN" and tok.text.endswith("s"))


def _strip_determiner(ent: Span) -> Span:
    """"The White House" (spaCy's ORG) starts at "White", where the KB lookup starts too."""
    if len(ent) > 1 and ent[0].lower_ in DEFINITE:
        return Span(ent.doc, ent.start + 1, ent.end, label=ent.label_)
    return ent


def _role_token(tok: Token) -> Token:
    """The first conjunct of a coordination ("in Iraq and Syria": Syria plays Iraq's role)."""
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    return tok


def _locative(span: Span) -> bool:
    """"war in Ukraine", "bases in Iraq and Syria": a country after a place preposition is a place."""
    root = _role_token(span.root)
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS


def _modified_noun(span: Span) -> Token:
    """The noun a demonym modifies, through coordinated demonyms ("the Turkish and Greek sides")."""
    tok = _role_token(span.root)
    return tok.head if tok.dep_ in ("amod", "compound", "nmod") else tok


def _strip_possessive(ent: Span) -> int:
    """End token of an entity without a trailing 's (spaCy puts it inside: "North Korea's")."""
    end = ent.end
    while end > ent.start and (ent.doc[end - 1].text in POSSESSIVE or ent.doc[end - 1].is_punct):
        end -= 1
    return end


def find_mentions(doc: Doc, kb: KnowledgeBase) -> list[Found]:
    """Every actor mention of `doc`, in text order."""
    found = _Scanner(doc, kb).run()
    _join_appositions(doc, found)
    return found


_CLOSERS = {",", ".", ";", ":", ")", "—", "–", "!", "?"}


def _join_appositions(doc: Doc, found: list[Found]) -> None:
    """"The North Korean and Russian leaders, Kim Jong-un and Vladimir Putin, ...": n coordinated role
    phrases followed by a comma and n coordinated people name n actors, not 2n; the i-th role phrase joins
    the i-th person (when their countries agree). One pass over the mentions, in text order.

    The people must close the apposition (a comma, a full stop...), so "the Russian government, Putin said"
    stays two actors.
    """
    i = 0
    while i < len(found):
        roles = [found[i]]
        k = i + 1
        while k < len(found) and found[k].key.startswith("AGENT:") and _joined(doc, roles[-1], found[k]):
            roles.append(found[k])
            k += 1
        if not roles[0].key.startswith("AGENT:") or k >= len(found):
            i += 1
            continue
        comma = roles[-1].tokens[1]
        people = [found[k]] if found[k].kind == "person" and doc[comma].text == "," and (
            found[k].tokens[0] == comma + 1) else []
        while people and k + len(people) < len(found):
            nxt = found[k + len(people)]
            if nxt.kind != "person" or not _joined(doc, people[-1], nxt):
                break
            people.append(nxt)
        end = people[-1].tokens[1] if people else 0
        closed = people and (end >= len(doc) or doc[end].text in _CLOSERS)
        if closed and len(people) == len(roles) and all(p.country in (None, r.country) for r, p in zip(
                roles, people, strict=True)):
            for role, person in zip(roles, people, strict=True):
                role.key, role.link = person.key, None
        i = k  # a list that does not match is not retried from its second item


def _joined(doc: Doc, left: Found, right: Found) -> bool:
    """Only coordination ("and", "or", commas) between two mentions: parts of one list."""
    between = doc[left.tokens[1]:right.tokens[0]]
    return 0 < len(between) <= 2 and all(t.lower_ in COORD for t in between)
