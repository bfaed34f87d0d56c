"""spaCy component of the places stage: find toponyms, resolve them against the offline gazetteer."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from eventwire.nlp.stage import Stage
from eventwire.places.gazetteer import Entry, Gazetteer, load_gazetteer, norm
from eventwire.schema import Mention, Place

__all__ = ["PlacesStage", "make_places"]

NER_LABELS = {"GPE", "LOC", "FAC", "ORG", "NORP"}
REGION_WORDS = {"region", "province", "state", "oblast", "krai", "kray", "prefecture", "county",
                "governorate", "territory", "district", "republic"}
LOC_PREPS = {"in", "at", "from", "to", "near", "into", "across", "outside", "inside", "toward", "towards",
             "via", "around", "throughout", "within"}
CITY_CUES = {"city", "town", "village", "port", "capital", "settlement", "province", "region", "state"}
CONNECTORS = {"of", "de", "del", "al", "el", "la", "and", "-", "the", "upon", "on", "du", "des", "da"}
POSSESSIVE = {"'s", "’s", "'", "’"}
FEATURE_BONUS = {"country": 4.0, "admin1": 2.0, "region": 5.0, "site": 5.0, "city": 0.0}
MAX_NGRAM = 5
BIG_CITY = 100_000


@dataclass
class Candidate:
    """A possible toponym: a token span, its NER label and the gazetteer entries its name matches."""

    start: int
    end: int
    label: str
    entries: list[int]
    region: bool = False
    parent: Candidate | None = None
    best: int | None = None
    country: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Context:
    """What the article says about where it is: countries and admin1 regions it mentions, dateline."""

    countries: dict = field(default_factory=dict)
    admin1s: set = field(default_factory=set)
    dateline_country: str | None = None


def is_capitalised(text: str) -> bool:
    """Toponyms are capitalised in English news; lower-case words are never looked up."""
    return text[:1].isupper()


def trim(span: Span) -> tuple[int, int]:
    """Token bounds without a leading "the" and a trailing possessive or punctuation ("North Korea’s")."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in ("the", "a"):
        start += 1
    while end > start and (span.doc[end - 1].text in POSSESSIVE or span.doc[end - 1].is_punct):
        end -= 1
    return start, end


class PlacesStage(Stage):
    """Recognises toponyms (NER candidates + gazetteer n-grams) and geocodes them with article context."""

    name = "eventwire_places"

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gaz = gazetteer or load_gazetteer()

    def process(self, doc: Doc) -> None:
        cands = self._candidates(doc)
        self._link_containers(doc, cands)
        ctx = Context()
        self._resolve_all(cands, ctx, doc)
        ctx = self._context(doc, cands)
        self._resolve_all(cands, ctx, doc)
        kept = [c for c in cands if self._accept(doc, c)]
        doc._.ew_places, doc.spans["ew_places"] = self._places(doc, kept)

    # --- recognition -------------------------------------------------------------------------

    def _candidates(self, doc: Doc) -> list[Candidate]:
        """NER candidates and gazetteer n-gram hits, longest first, without overlaps."""
        labels = self._token_labels(doc)
        found = [self._from_ent(doc, ent) for ent in doc.ents if ent.label_ in NER_LABELS]
        found += self._ngrams(doc, labels)
        found = [c for c in found if c is not None]
        found.sort(key=lambda c: (-(c.end - c.start), not c.entries, c.start))
        taken: set[int] = set()
        out = []
        for c in found:
            if taken.isdisjoint(range(c.start, c.end)):
                taken.update(range(c.start, c.end))
                out.append(c)
        return sorted(out, key=lambda c: c.start)

    @staticmethod
    def _token_labels(doc: Doc) -> list[str]:
        """The NER label of every token ("" outside entities)."""
        labels = [""] * len(doc)
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                labels[i] = ent.label_
        return labels

    def _from_ent(self, doc: Doc, ent: Span) -> Candidate | None:
        """An entity as a candidate, its name looked up as is or as "<name> region"."""
        start, end = trim(ent)
        if start >= end or not is_capitalised(doc[start].text):
            return None
        text = doc[start:end].text
        if end - start > 1 and doc[end - 1].lower_ in REGION_WORDS:
            hits = self.gaz.lookup_region(doc[start:end - 1].text)
            if hits:
                return Candidate(start, end, ent.label_, hits, region=True)
        return Candidate(start, end, ent.label_, self.gaz.lookup(text))

    def _ngrams(self, doc: Doc, labels: list[str]) -> list[Candidate]:
        """Longest gazetteer match starting at each capitalised token (dict lookups only)."""
        out = []
        i = 0
        while i < len(doc):
            cand = self._match_at(doc, i, labels) if is_capitalised(doc[i].text) else None
            if cand:
                out.append(cand)
                i = cand.end
            else:
                i += 1
        return out

    def _match_at(self, doc: Doc, i: int, labels: list[str]) -> Candidate | None:
        """The longest name at token ``i``, extended by a following region word when one fits."""
        for n in range(min(MAX_NGRAM, len(doc) - i), 0, -1):
            words = doc[i:i + n]
            if not is_capitalised(words[-1].text) or any(
                not is_capitalised(t.text) and t.lower_ not in CONNECTORS for t in words
            ):
                continue
            nxt = doc[i + n] if i + n < len(doc) else None
            if nxt is not None and nxt.lower_ in REGION_WORDS:
                hits = self.gaz.lookup_region(words.text)
                if hits:
                    return Candidate(i, i + n + 1, labels[i], hits, region=True)
            hits = self.gaz.lookup(words.text)
            if hits:
                return Candidate(i, i + n, labels[i], hits)
        return None

    def _link_containers(self, doc: Doc, cands: list[Candidate]) -> None:
        """Containment: "Khasan, Russia" and "Russia’s (far eastern) Amur region" constrain the child."""
        for prev, cur in zip(cands, cands[1:], strict=False):
            if cur.start == prev.end + 1 and doc[prev.end].text == ",":
                prev.parent = cur
            gap = doc[prev.end:cur.start]
            if len(gap) and gap[0].text in POSSESSIVE and len(gap) <= 4 and all(
                t.text in POSSESSIVE or t.is_lower or t.text == "-" for t in gap
            ):
                cur.parent = prev

    # --- resolution --------------------------------------------------------------------------

    def _context(self, doc: Doc, cands: list[Candidate]) -> Context:
        """Countries and admin1 regions the article mentions (by confident matches) and its dateline."""
        ctx = Context()
        for c in cands:
            if c.best is None:
                continue
            e = self.gaz.entry(c.best)
            if e.feature != "city" and e.country:
                ctx.countries.setdefault(e.country, set()).add(norm(doc[c.start:c.end].text))
            if e.feature == "admin1":
                ctx.admin1s.add(e.admin1_key)
        dateline = doc._.dateline
        if dateline:
            hit = [c for c in cands if doc[c.start].idx < dateline[1] and doc[c.end - 1].idx >= dateline[0]]
            if hit and hit[0].best is not None:
                ctx.dateline_country = self.gaz.entry(hit[0].best).country
        return ctx

    def _resolve_all(self, cands: list[Candidate], ctx: Context, doc: Doc) -> None:
        """Resolve every candidate; a per-document cache makes a repeated name resolve once."""
        cache: dict[tuple, int | None] = {}
        for c in cands:
            parent = self._parent_entry(c)
            key = (norm(doc[c.start:c.end].text), c.region, parent)
            if key not in cache:
                cache[key] = self._resolve(c, ctx, key[0], parent)
            c.best = cache[key]
            if c.best is not None:
                c.country = self.gaz.entry(c.best).country
            else:
                c.country = self._fallback_country(parent, ctx)

    def _fallback_country(self, parent: int | None, ctx: Context) -> str | None:
        """An unknown place ("Laurel County") is most likely in its container or the article's country."""
        if parent is not None:
            return self.gaz.entry(parent).country
        if ctx.dateline_country:
            return ctx.dateline_country
        if not ctx.countries:
            return None
        return max(sorted(ctx.countries), key=lambda cc: len(ctx.countries[cc]))

    def _parent_entry(self, c: Candidate) -> int | None:
        """The resolved container of ``c`` if it is a country or admin1 region."""
        p = c.parent
        if p is None or p.best is None:
            return None
        return p.best if self.gaz.entry(p.best).feature in ("country", "admin1", "region") else None

    def _resolve(self, c: Candidate, ctx: Context, key: str, parent: int | None) -> int | None:
        """The best entry by prior (feature, population) plus article context and containment."""
        entries = c.entries
        if parent is not None:
            pe = self.gaz.entry(parent)
            inside = [i for i in entries if self._inside(self.gaz.entry(i), pe)]
            entries = inside or entries
        if not entries:
            return None
        best = max(entries, key=lambda i: self._score(self.gaz.entry(i), ctx, key))
        return self._prefer_city(best, entries) if not c.region else best

    @staticmethod
    def _inside(e: Entry, container: Entry) -> bool:
        if container.feature == "admin1":
            return e.admin1_key == container.admin1_key and e is not container
        return e.country == container.country and e.feature != "country"

    @staticmethod
    def _score(e: Entry, ctx: Context, key: str) -> float:
        score = math.log10(e.population + 10) + FEATURE_BONUS[e.feature]
        if ctx.countries.get(e.country, set()) - {key}:  # another name of the article votes for it
            score += 3.0
        if e.country and e.country == ctx.dateline_country:
            score += 2.0
        if e.admin1_key and e.admin1_key in ctx.admin1s and e.feature == "city":
            score += 2.0
        return score + (1.0 if norm(e.name) == key else 0.0)

    def _prefer_city(self, best: int, entries: list[int]) -> int:
        """"New York", "Moscow", "Washington": a big city beats its same-country admin1 namesake."""
        e = self.gaz.entry(best)
        if e.feature != "admin1":
            return best
        cities = [i for i in entries if self.gaz.entry(i).feature == "city"
                  and self.gaz.entry(i).country == e.country and self.gaz.entry(i).population >= BIG_CITY]
        return max(cities, key=lambda i: self.gaz.entry(i).population) if cities else best

    # --- filtering ---------------------------------------------------------------------------

    def _accept(self, doc: Doc, c: Candidate) -> bool:
        """Keep a candidate only when the label, capitalisation and context make it a toponym."""
        span = doc[c.start:c.end]
        cued = self._cued(doc, c.start)
        if c.label == "PERSON" and not cued:
            return False
        if c.best is None:
            return c.label in ("GPE", "LOC") and not self.gaz.is_false_friend(span.text)
        e = self.gaz.entry(c.best)
        if self.gaz.is_false_friend(span.text) and not (c.label == "GPE" or (c.label == "LOC" and cued)):
            return False
        if c.label in ("GPE", "LOC", "FAC") or c.region:
            return True
        if span.text.isupper() and len(span.text) <= 4:
            return e.feature in ("country", "admin1")
        if c.label == "NORP":
            return e.feature in ("country", "admin1", "region") and norm(span.text) == norm(e.name)
        if e.feature != "city":
            return True
        if c.label == "ORG":  # "according to Tass": an ORG label needs a big city or "the city of"
            return e.population >= BIG_CITY or self._cued(doc, c.start, city_only=True)
        return e.population >= BIG_CITY or cued

    @staticmethod
    def _cued(doc: Doc, start: int, city_only: bool = False) -> bool:
        """A locative preposition or "city of" before the name raises its toponym likelihood."""
        prev = doc[start - 1].lower_ if start >= 1 else ""
        if prev in LOC_PREPS and not city_only:
            return True
        return prev == "of" and start >= 2 and doc[start - 2].lower_ in CITY_CUES

    # --- output ------------------------------------------------------------------------------

    def _places(self, doc: Doc, kept: list[Candidate]) -> tuple[list[Place], list[Span]]:
        """One Place per distinct location, ids in order of first mention, one span per mention."""
        places: dict[object, Place] = {}
        spans = []
        for c in kept:
            span = doc[c.start:c.end]
            ident = c.best if c.best is not None else ("?", norm(span.text))
            place = places.get(ident)
            if place is None:
                place = self._new_place(f"p{len(places) + 1}", c, span)
                places[ident] = place
            place.mentions.append(Mention(start=span.start_char, end=span.end_char, text=span.text))
            spans.append(Span(doc, c.start, c.end, label="PLACE", kb_id=place.id))
        return list(places.values()), spans

    def _new_place(self, pid: str, c: Candidate, span: Span) -> Place:
        if c.best is None:
            return Place(id=pid, name=span.text, lat=None, lon=None, country=c.country, admin1=None,
                         feature=None, geonameid=None, mentions=[])
        e = self.gaz.entry(c.best)
        return Place(id=pid, name=e.name, lat=e.lat, lon=e.lon, country=e.country, admin1=e.admin1,
                     feature=e.feature, geonameid=e.geonameid, mentions=[])


@Language.factory("eventwire_places", assigns=["doc._.ew_places", "doc.spans"])
def make_places(nlp: Language, name: str) -> PlacesStage:
    """Factory; the gazetteer is loaded once per process (module-level cache)."""
    return PlacesStage()
