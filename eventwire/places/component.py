"""spaCy component of the places stage: find toponyms, resolve them against the offline gazetteer."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from eventwire.nlp.stage import Stage
from eventwire.nlp.tokens import token_table
from eventwire.nlp.words import honorific_forms
from eventwire.places.gazetteer import Entry, Gazetteer, load_gazetteer, norm
from eventwire.schema import Mention, Place

__all__ = ["PlacesStage", "make_places"]

NER_LABELS = {"GPE", "LOC", "FAC", "ORG", "NORP"}
# A gazetteer n-gram found inside one of these entities is part of a name ("Ohio State University").
INNER_LABELS = {"ORG", "FAC"}
REGION_WORDS = {"region", "province", "state", "oblast", "krai", "kray", "prefecture", "county",
                "governorate", "territory", "district", "republic"}
# The last words of a region's own name: "Rapides Parish" is a county named as such, not "Rapides" + region.
COUNTY_NAME_WORDS = REGION_WORDS | {"parish", "borough"}
# Region words of one level: "Washington state" is the state, not one of its namesake counties, and
# "Guerrero state" not Chihuahua's Guerrero municipality; "Douglas County" is a county.
LEVEL_OF_REGION_WORD = {"state": "admin1", "province": "admin1", "oblast": "admin1", "krai": "admin1",
                        "kray": "admin1", "governorate": "admin1", "county": "admin2"}
# A plural region word after coordinated names makes each a region: "Jackson and Barrow counties",
# "Clarke, Madison, Oconee and Oglethorpe counties".
PLURAL_REGION_WORDS = {"regions", "provinces", "states", "oblasts", "prefectures", "counties", "parishes",
                       "governorates", "territories", "districts", "boroughs"}
# Words between the names of such a list ("A, B and C counties", "from A to B counties").
LIST_WORDS = frozenset({",", "and", "or", "to", "through"})
# The longest coordination read that way ("A, B, C and D counties").
MAX_COORDINATION = 16
# Municipal bodies named after their town: "Athens Police Department", "Dublin City Council".
MUNICIPAL_WORDS = {"police", "city", "fire", "town", "township", "village", "borough", "municipal", "council",
                   "sheriff", "mayor"}
LOC_PREPS = {"in", "at", "from", "to", "near", "into", "across", "outside", "inside", "toward", "towards",
             "via", "around", "throughout", "within"}
CITY_CUES = {"city", "town", "village", "port", "capital", "settlement", "province", "region", "state"}
CONNECTORS = {"of", "de", "del", "al", "el", "la", "and", "-", "the", "upon", "on", "du", "des", "da"}
POSSESSIVE = {"'s", "’s", "'", "’"}
FEATURE_BONUS = {"country": 4.0, "admin1": 2.0, "admin2": 1.0, "region": 5.0, "site": 5.0, "city": 0.0}
# A national capital is the most prominent place of its name ("Paris", "Athens") unless the article's
# region says otherwise.
CAPITAL_BONUS = 1.0
# Coherence: a reading gains up to this much when the article's other names point to its country/admin1.
COUNTRY_SUPPORT = 5.0
ADMIN1_SUPPORT = 3.0
# A town gains this much when its county is named in the article ("Huntsville" with "Walker County").
ADMIN2_SUPPORT = 3.0
# A town and a county the article both names, the town inside the county ("Alexandria" and "Douglas
# County" of Minnesota), gain this much each, whatever the population of other readings: a pair of
# names that fits one place is rarely chance. A name read in more counties than this links none.
COUNTY_LINK = 3.0
MAX_LINK_COUNTIES = 15
VOTE_ROUNDS = 3
MAX_NGRAM = 5
BIG_CITY = 100_000
# A name given to at least this share of people (% in the US Census) keeps its PERSON label.
PERSON_SHARE_MAX = 0.01
INNER_CITY = 50_000
# Abbreviated name words as GeoNames spells them out ("St. Cloud Hospital" is Saint Cloud's).
SPELLED_OUT = {"st.": "saint", "st": "saint", "ste.": "sainte", "ft.": "fort", "mt.": "mount"}
# A name accepted as a place in one mention is a place in its other mentions too (one sense per
# discourse), except where the model reads a common person's name (% of US Census people) as a person.
PROPAGATE_PERSON_SHARE_MAX = 0.05
# The first word of a PERSON entity given to at least this share of people is a given name ("Darren Ripley").
GIVEN_NAME_SHARE = 0.001
# Words that qualify a place name without making it another place: "North Dallas", "Downtown Gainesville".
QUALIFIERS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
              "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern",
              "southwestern", "upper", "lower", "greater", "downtown", "metro", "metropolitan", "inner", "outer",
              "mainland", "rural", "coastal", "suburban", "north-east", "north-west", "south-east", "south-west",
              "sub-saharan"}
# Inside these a building is a place ("at the White House"); elsewhere it is the institution ("the Kremlin said",
# "signals from the Kremlin").
SITE_PREPS = {"at", "in", "inside", "outside", "near", "into", "within", "around"}
# "The West", "the North": blocs and directions, never the admin1 regions of these names.
COMPASS = {"west", "east", "north", "south"}
# A name before one of these is part of a street's name ("Dublin Road", "Richmond Street", "Augusta St.").
STREET_WORDS = {"street", "st.", "road", "rd.", "avenue", "ave.", "drive", "dr.", "lane", "boulevard", "blvd.",
                "highway", "hwy.", "parkway", "pkwy.", "way", "court", "terrace", "crescent", "pike", "turnpike",
                "expressway", "freeway"}
# Nouns after a name that make it a place's: "a Longview woman", "Roswell police", "an Augusta native".
LOCAL_NOUNS = {"man", "woman", "men", "women", "resident", "residents", "native", "natives", "police", "mayor",
               "officials", "couple", "teen", "teenager", "boy", "girl", "family", "families", "parents", "homeowners",
               "townspeople", "villagers", "area", "city", "town", "village", "township"}
# Capitalised words that are no part of a following name: "Sunday Alexandria Police went ...".
CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
# Dashes and colons after an upper-case dateline place ("TORRINGTON —", "BEIRUT:").
DATELINE_MARKS = {"—", "–", "-", "--", ":"}
# Prepositions after which even an organisation-labelled name is a place ("officials in Dogubayazit").
PLAIN_LOC_PREPS = {"in", "near", "outside", "around", "across"}
# Titles before a name make it a person's: "Mr Ripley", "Judge Marion", "Sen. Clinton".
TITLES = honorific_forms() | {"sir", "lord", "lady", "dame", "sen", "sen.",
          "senator", "rep", "rep.", "gov", "gov.", "governor", "president", "minister", "judge", "justice", "coach",
          "officer", "sgt", "sgt.", "sergeant", "lt", "lt.", "capt", "capt.", "captain", "col", "col.", "gen", "gen.",
          "general", "rev", "rev.", "reverend", "father", "pastor", "mayor", "deputy", "detective", "prof", "prof.",
          "professor", "king", "queen", "prince", "princess", "pope", "sheikh", "commissioner", "councilman",
          "councilwoman", "sheriff", "superintendent", "chairman", "chairwoman", "selectman", "trustee", "delegate"}
# Words before a storm's name ("Hurricane Ike"); unlike a title, such a word alone may be a town's name.
STORM_WORDS = {"hurricane", "storm", "typhoon", "cyclone", "tropical"}
PRENOMINALS = TITLES | STORM_WORDS
# A name followed by one of these words names a disease, after the place it was first found in
# ("Marburg virus", "Rift Valley fever", "Lyme disease").
DISEASE_WORDS = {"virus", "viruses", "fever", "disease", "flu", "influenza", "ebolavirus", "encephalitis"}


@dataclass
class Candidate:
    """A possible toponym: a token span, its NER label and the gazetteer entries its name matches."""

    start: int
    end: int
    label: str
    entries: list[int]
    region: bool = False
    inner: bool = False
    key: str = ""  # the normalised name
    text: str = ""  # the name as it reads in the Doc, read once: the filter looks at it every voting round
    local: bool = False  # the resolved place's admin1 region is where the article's other names are
    street: bool = False  # a street named after a place ("Dublin Road"): a place of its own, not in the gazetteer
    contains: bool = False  # the container of a street before it ("420 Augusta St., Alexandria")
    seat: bool = False  # a US legislator's state or home after a party letter ("R-Marshall", "D-W. Va.")
    parent: Candidate | None = None
    best: int | None = None
    country: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Context:
    """Where the article is: country and admin1 votes of its names (key -> {place: share}), dateline."""

    countries: dict[str, dict[str, float]] = field(default_factory=dict)
    admin1s: dict[str, dict[str, float]] = field(default_factory=dict)
    dateline_country: str | None = None
    country_total: dict[str, float] = field(default_factory=dict)
    admin1_total: dict[str, float] = field(default_factory=dict)
    admin2s: dict[str, dict[str, float]] = field(default_factory=dict)
    admin2_total: dict[str, float] = field(default_factory=dict)
    # county (admin2 key) -> the base names ("douglas" of "douglas county") of the article's names that
    # may be that county / may be a town in it
    county_bases: dict[str, set[str]] = field(default_factory=dict)
    town_bases: dict[str, set[str]] = field(default_factory=dict)

    def add_counties(self, key: str, readings: list[Entry]) -> None:
        """Record which counties the name ``key`` may be and which its towns may lie in."""
        for feature, bases in (("admin2", self.county_bases), ("city", self.town_bases)):
            keys = {e.admin2_key for e in readings if e.feature == feature and e.admin2_key}
            if len(keys) <= MAX_LINK_COUNTIES:
                for k in keys:
                    bases.setdefault(k, set()).add(base_name(key))

    def county_linked(self, e: Entry, key: str) -> bool:
        """Whether another name of the article is the county of the town ``e``, or a town in the county
        ``e``; a town and the county named after it ("Guerrero", "Guerrero state") are one name, no pair."""
        if not e.admin2_key or e.feature not in ("city", "admin2"):
            return False
        bases = (self.county_bases if e.feature == "city" else self.town_bases).get(e.admin2_key, ())
        return bool(bases) and any(b != base_name(key) for b in bases)

    def add(self, key: str, countries: dict[str, float], admin1s: dict[str, float],
            admin2s: dict[str, float] | None = None) -> None:
        """Record the vote of the name ``key`` (kept per name so that a name never votes for itself)."""
        admin2s = admin2s or {}
        self.countries[key], self.admin1s[key], self.admin2s[key] = countries, admin1s, admin2s
        for votes, total in ((countries, self.country_total), (admin1s, self.admin1_total),
                             (admin2s, self.admin2_total)):
            for place, w in votes.items():
                total[place] = total.get(place, 0.0) + w

    def country_support(self, country: str | None, key: str) -> float:
        """How many of the article's *other* names point to ``country`` (shares summed)."""
        if country is None:
            return 0.0
        return self.country_total.get(country, 0.0) - self.countries.get(key, {}).get(country, 0.0)

    def admin1_support(self, admin1: str | None, key: str) -> float:
        """How many of the article's other names point to the admin1 region ``admin1``."""
        if admin1 is None:
            return 0.0
        return self.admin1_total.get(admin1, 0.0) - self.admin1s.get(key, {}).get(admin1, 0.0)

    def admin2_support(self, admin2: str | None, key: str) -> float:
        """How many of the article's other names point to the county (admin2) ``admin2``."""
        if admin2 is None:
            return 0.0
        return self.admin2_total.get(admin2, 0.0) - self.admin2s.get(key, {}).get(admin2, 0.0)

    def admin2_named(self, admin2: str | None, key: str) -> bool:
        """Whether another name's likeliest county is ``admin2``: "Walker County" read most likely as
        Texas's makes "Huntsville" a town of the article even when Alabama's Walker County has a share."""
        return admin2 is not None and any(
            votes and max(votes, key=votes.__getitem__) == admin2
            for name, votes in self.admin2s.items() if name != key)

    def best_country(self) -> str | None:
        """The country that explains most of the article's names."""
        totals = self.country_total
        return max(sorted(totals), key=totals.__getitem__) if totals else None


def base_name(key: str) -> str:
    """A normalised name without its region word: "douglas county" -> "douglas"."""
    head, _, last = key.rpartition(" ")
    return head if head and last in COUNTY_NAME_WORDS else key


def spelled_out(key: str) -> str:
    """A normalised name with its abbreviated words spelled out: "st. cloud" -> "saint cloud"."""
    return " ".join(SPELLED_OUT.get(w, w) for w in key.split())


def is_capitalised(text: str) -> bool:
    """Toponyms are capitalised in English news; lower-case words are never looked up."""
    return text[:1].isupper()


class Tokens:
    """Token texts, trailing spaces and NER labels of a Doc as plain lists, read in one pass: creating
    spaCy Token objects over and over cost more than all the gazetteer lookups."""

    def __init__(self, doc: Doc) -> None:
        table = token_table(doc)
        self.texts = table.texts
        self.spaces = table.spaces
        self.labels = table.ent_types
        self.propn = [p == "PROPN" for p in table.pos]
        self.sent_start = table.sent_start
        alpha = table.alpha
        self.lowers = [t.lower() for t in self.texts]
        self.caps = [is_capitalised(t) for t in self.texts]
        # Tokens of title-case sentences (headlines: "Man Arrested In Gainesville"), where capitals say nothing.
        self.headline = [False] * len(doc)
        for sent in doc.sents if doc.has_annotation("SENT_START") else ():
            words = [self.texts[k] for k in range(sent.start, sent.end) if alpha[k] and len(self.texts[k]) > 3]
            if len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words):
                self.headline[sent.start:sent.end] = [True] * len(sent)
        # The entity around each token (start, end, label); the names of the article's people (set by the stage).
        self.ent: list[tuple[int, int, str] | None] = [None] * len(doc)
        for ent in doc.ents:
            for k in range(ent.start, ent.end):
                self.ent[k] = (ent.start, ent.end, ent.label_)
        self.people: set[str] = set()

    def span(self, start: int, end: int) -> str:
        """The text of tokens ``start:end`` as it reads in the Doc."""
        return "".join(self.texts[k] + self.spaces[k] for k in range(start, end - 1)) + self.texts[end - 1]

    def period_after(self, end: int) -> bool:
        """A "." glued to the name: an abbreviation whose period the tokenizer split off ("Ont.")."""
        return end < len(self.texts) and self.texts[end] == "." and not self.spaces[end - 1]


def saturate(support: float) -> float:
    """0 without support, about 2/3 for one other name, approaching 1 for many."""
    return support / (support + 0.5)


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
        toks = Tokens(doc)
        toks.people = self._people(doc, toks)
        cands = self._candidates(doc, toks)
        self._link_containers(doc, cands)
        ctx = Context()
        self._resolve_all(cands, ctx, doc)
        vetoed = [self._vetoed(toks, c) for c in cands]
        for _ in range(VOTE_ROUNDS):
            ctx = self._context(doc, cands, ctx, self._acceptance(toks, cands, vetoed))
            self._resolve_all(cands, ctx, doc)
        accepted = self._acceptance(toks, cands, vetoed)
        kept = [c for c, ok in zip(cands, accepted, strict=True) if ok]
        doc._.ew_places, doc.spans["ew_places"] = self._places(doc, kept)

    # --- recognition -------------------------------------------------------------------------

    def _candidates(self, doc: Doc, toks: Tokens) -> list[Candidate]:
        """NER candidates and gazetteer n-gram hits, longest first, without overlaps."""
        found = [c for ent in doc.ents if ent.label_ in NER_LABELS for c in self._from_ent(doc, toks, ent)]
        # An unresolvable ORG/FAC name ("Texas Department of Health") is never kept itself, so it must
        # not hide the toponym inside it from the gazetteer n-grams.
        found = [c for c in found if c.entries or c.label in ("GPE", "LOC")]
        found += self._ngrams(toks)
        found += [street for c in found if (street := self._street(toks, c)) is not None]
        found += self._seats(toks)
        found.sort(key=lambda c: (not c.seat, -(c.end - c.start), not c.entries, c.start))
        taken: set[int] = set()
        out = []
        for c in found:
            if taken.isdisjoint(range(c.start, c.end)):
                taken.update(range(c.start, c.end))
                c.text = toks.span(c.start, c.end)
                c.key = norm(c.text)
                out.append(c)
        out.sort(key=lambda c: c.start)
        self._coordinated_regions(toks, out)
        return out

    def _coordinated_regions(self, toks: Tokens, cands: list[Candidate]) -> None:
        """Names coordinated before a plural region word are regions: in "Jackson and Barrow counties"
        each name is read as a county (when the gazetteer has one) rather than a town, and a listed name
        that no recogniser found ("Cooke, Grayson and Love counties") becomes one."""
        by_span = {(c.start, c.end): c for c in cands}
        covered = {k for c in cands for k in range(c.start, c.end)}
        for w, word in enumerate(toks.lowers):
            if word not in PLURAL_REGION_WORDS:
                continue
            for start, end in self._listed_names(toks, w):
                c = by_span.get((start, end))
                if c is None and not covered.isdisjoint(range(start, end)):
                    continue  # part of a longer name
                if c is not None and c.region:
                    continue
                hits = self.gaz.lookup_region(toks.span(start, end))
                if not hits:
                    continue
                if c is None:
                    c = Candidate(start, end, toks.labels[start] or "GPE", [], text=toks.span(start, end))
                    c.key = norm(c.text)
                    cands.append(c)
                    covered.update(range(start, end))
                c.entries, c.region = hits, True
        cands.sort(key=lambda c: c.start)

    @staticmethod
    def _listed_names(toks: Tokens, w: int) -> list[tuple[int, int]]:
        """The capitalised names coordinated right before token ``w`` ("Becker, Clay and Otter Tail"), last
        first; none for a single name that only qualifies the word ("the four metro Athens counties")."""
        names: list[tuple[int, int]] = []
        k = w - 1
        while k >= 0 and w - k <= MAX_COORDINATION:
            end = k + 1
            while k >= 0 and end - k <= MAX_NGRAM and toks.caps[k] and toks.texts[k].isalpha() \
                    and (k + 1 == end or not toks.sent_start[k + 1]):
                k -= 1
            if k + 1 == end or (end - k == 2 and toks.lowers[k + 1] in QUALIFIERS):
                break  # no name, or a compass word ("the Northern and Southern regions")
            names.append((k + 1, end))
            if k < 0 or toks.lowers[k] not in LIST_WORDS:
                break
            k -= 1
            if k >= 0 and toks.lowers[k + 1] in ("and", "or") and toks.texts[k] == ",":
                k -= 1
        if len(names) == 1 and (names[0][0] == 0 or toks.lowers[names[0][0] - 1] not in LIST_WORDS):
            return []
        return names

    def _seats(self, toks: Tokens) -> list[Candidate]:
        """US news marks a legislator's party and state or home after the name: "Nancy Pelosi, D-Calif.",
        "Rep. Clay Cox (R-Lilburn)", "Brent Boggs, D-Braxton" (a county). The name after the party letter
        is a place in the United States, whatever else the name may be ("R-Florence" is no Italian city
        and no given name), when a person's name comes before and no word runs on after it ("D-Day" is none)."""
        out = []
        texts, n = toks.texts, len(toks.texts)
        for i in range(2, n - 2):
            if texts[i] not in ("R", "D", "I") or texts[i + 1] != "-" or texts[i - 1] not in (",", "(") \
                    or toks.spaces[i] or toks.spaces[i + 1]:
                continue
            if toks.labels[i - 2] != "PERSON" and toks.lowers[i - 2] != "both":
                continue  # "Normandy, D-Day": no legislator before the letter
            end = i + 2
            while end < n and end - i - 2 < 4 and toks.caps[end] and texts[end] not in (",", ")", ";"):
                end += 1
            if end == i + 2 or (end < n and texts[end].isascii() and texts[end].isalpha()):
                continue  # the designation ends before any word: "R-Florence, said", not "D-Day landings"
            name = toks.span(i + 2, end)
            dotted = self.gaz.lookup(name + ".")  # "D-Calif" without its period, "D-Calif." split from its period
            if dotted and toks.period_after(end):
                end += 1
            readings = dict.fromkeys(dotted + self.gaz.lookup(name) + self.gaz.lookup_region(name))
            us = [k for k in readings if self.gaz.entry(k).country == "USA"]
            if us:
                out.append(Candidate(i + 2, end, "GPE", us, seat=True))
        return out

    def _street(self, toks: Tokens, c: Candidate) -> Candidate | None:
        """"Dublin Road", "Richmond Street", "Augusta St.": a place name before a street word names the
        street, not the place; a region's name keeps its own reading ("Florida Highway Patrol")."""
        if c.end >= len(toks.texts) or toks.lowers[c.end] not in STREET_WORDS or not toks.caps[c.end]:
            return None
        if c.region or self._state_name(c):
            return None
        return Candidate(c.start, c.end + 1, "FAC", [], street=True)

    def _from_ent(self, doc: Doc, toks: Tokens, ent: Span) -> list[Candidate]:
        """An entity as candidates: one per comma-separated part ("Mobile, Alabama" is two places)."""
        out = []
        start = ent.start
        for i in range(ent.start, ent.end + 1):
            if i == ent.end or toks.texts[i] == ",":
                cand = self._from_part(toks, doc[start:i], ent.label_)
                if cand is not None:
                    out.append(cand)
                start = i + 1
        return out

    def _from_part(self, toks: Tokens, part: Span, label: str) -> Candidate | None:
        """An entity part is kept even when no name matches: a GPE/LOC label alone can make it a place."""
        if not len(part):
            return None
        start, end = trim(part)
        if start >= end or not toks.caps[start]:
            return None
        # The entity itself may end with the region word ("Amur region" tagged as one GPE).
        return self._match(toks, start, end, end - 1, label) or Candidate(start, end, label, [])

    def _ngrams(self, toks: Tokens) -> list[Candidate]:
        """Longest gazetteer match starting at each capitalised token (dict lookups only)."""
        out = []
        i = 0
        while i < len(toks.texts):
            cand = self._match_at(toks, i) if toks.caps[i] else None
            if cand:
                out.append(cand)
                i = cand.end
            else:
                i += 1
        return out

    def _match_at(self, toks: Tokens, i: int) -> Candidate | None:
        """The longest name at token ``i``, extended by a following region word when one fits."""
        run = 1  # how far the name may reach: capitalised words and connectors ("Bosnia and Herzegovina")
        while run < MAX_NGRAM and i + run < len(toks.texts) and (toks.caps[i + run] or toks.lowers[i + run]
                                                                 in CONNECTORS):
            run += 1
        label = toks.labels[i]
        for n in range(run, 0, -1):
            if toks.caps[i + n - 1]:
                cand = self._match(toks, i, i + n, i + n, label, inner=label in INNER_LABELS)
                if cand:
                    return cand
        return None

    def _match(self, toks: Tokens, start: int, end: int, region_at: int, label: str,
               inner: bool = False) -> Candidate | None:
        """The name ``start:end`` read three ways, most specific first, so that "Amur region" is the
        oblast rather than the city and "Ont." is Ontario: the words before a region word at token
        ``region_at`` as a region, the name with the period the tokenizer split off, the name as is.
        Both recognisers call this, so NER entities and gazetteer n-grams match names alike."""
        if start < region_at < len(toks.texts) and toks.lowers[region_at] in REGION_WORDS:
            hits = self.gaz.lookup_region(toks.span(start, region_at))
            level = LEVEL_OF_REGION_WORD.get(toks.lowers[region_at])
            if level:  # a state word needs a state ("Wright State" is a university); some countries'
                # counties are first-level divisions ("Nairobi County")
                hits = [i for i in hits if self.gaz.entry(i).feature == level] or ([] if level == "admin1" else hits)
            if hits:
                return Candidate(start, region_at + 1, label, hits, region=True)
        text = toks.span(start, end)
        if toks.period_after(end):
            hits = self.gaz.lookup(text + ".")
            if hits:
                return Candidate(start, end + 1, label, hits)
        hits = self.gaz.lookup(text)
        if hits and end - start > 1 and toks.lowers[end - 1] in COUNTY_NAME_WORDS:
            # "Alachua County", "Rapides Parish" read whole: the region, whatever the label says
            regions = [i for i in hits if self.gaz.entry(i).feature in ("admin1", "admin2", "region")]
            if regions:
                return Candidate(start, end, label, regions, region=True)
        return Candidate(start, end, label, hits, inner=inner) if hits else None

    def _link_containers(self, doc: Doc, cands: list[Candidate]) -> None:
        """Containment: "Khasan, Russia" and "Russia’s (far eastern) Amur region" constrain the child."""
        for prev, cur in zip(cands, cands[1:], strict=False):
            if cur.start == prev.end + 1 and doc[prev.end].text == ",":
                prev.parent = cur
                cur.contains = prev.street
            gap = doc[prev.end:cur.start]
            if len(gap) and gap[0].text in POSSESSIVE and len(gap) <= 4 and all(
                t.text in POSSESSIVE or t.is_lower or t.text == "-" for t in gap
            ):
                cur.parent = prev

    # --- resolution --------------------------------------------------------------------------

    def _context(self, doc: Doc, cands: list[Candidate], prev: Context, accepted: list[bool]) -> Context:
        """Document-level coherence vote and the dateline's country.

        Each distinct name that passes the toponym filter spreads one vote over the countries (and
        admin1 regions) of its readings, in proportion to how likely each reading is under the
        previous round's context; "Dublin" + "Columbus" + "Franklin County" then outvote Ireland.
        """
        ctx = Context(dateline_country=prev.dateline_country)
        for c, ok in zip(cands, accepted, strict=True):
            key = c.key
            if key in ctx.countries or not c.entries or not ok:
                continue
            readings = self._readings(c)
            ctx.add(key, *self._shares(readings, prev, key))
            ctx.add_counties(key, [self.gaz.entry(i) for i in readings])
        dateline = doc._.dateline
        if dateline:
            hit = [c for c in cands if doc[c.start].idx < dateline[1] and doc[c.end - 1].idx >= dateline[0]]
            if hit and hit[0].best is not None:
                ctx.dateline_country = self.gaz.entry(hit[0].best).country
        return ctx

    def _readings(self, c: Candidate) -> list[int]:
        """The entries ``c`` may denote: those inside its container when it has one."""
        parent = self._parent_entry(c)
        if parent is None:
            return c.entries
        return self._within(c.entries, self.gaz.entry(parent))

    def _within(self, entries: list[int], container: Entry) -> list[int]:
        """The entries inside ``container``; for a county, else those of its admin1 region (a town that
        moved to a new county keeps its region: "Santa Maria, Davao del Sur"); else all of them."""
        inside = [i for i in entries if self._inside(self.gaz.entry(i), container)]
        if not inside and container.feature == "admin2":
            inside = [i for i in entries if self.gaz.entry(i).admin1_key == container.admin1_key]
        return inside or entries

    def _shares(self, entries: list[int], ctx: Context, key: str) -> tuple[dict, dict, dict]:
        """Probability mass of the readings by country, admin1 and admin2 (scores are log10 odds)."""
        scored = [(self.gaz.entry(i), self._score(self.gaz.entry(i), ctx, key)) for i in entries]
        top = max(s for _, s in scored)
        weights = [(e, 10 ** (s - top)) for e, s in scored]
        total = sum(w for _, w in weights)
        countries: dict[str, float] = {}
        admin1s: dict[str, float] = {}
        admin2s: dict[str, float] = {}
        for e, w in weights:
            if e.admin2_key:
                admin2s[e.admin2_key] = admin2s.get(e.admin2_key, 0.0) + w / total
            if e.country:
                countries[e.country] = countries.get(e.country, 0.0) + w / total
            if e.admin1_key:
                admin1s[e.admin1_key] = admin1s.get(e.admin1_key, 0.0) + w / total
        return countries, admin1s, admin2s

    def _resolve_all(self, cands: list[Candidate], ctx: Context, doc: Doc) -> None:
        """Resolve every candidate; a per-document cache makes a repeated name resolve once."""
        cache: dict[tuple, int | None] = {}
        for c in cands:
            parent = self._parent_entry(c)
            key = (c.key, c.region, c.seat, parent)
            if key not in cache:
                cache[key] = self._resolve(c, ctx, key[0], parent)
            c.best = cache[key]
            if c.best is not None:
                e = self.gaz.entry(c.best)
                c.country = e.country
                c.local = (ctx.admin1_support(e.admin1_key, key[0]) >= 1.0
                           or ctx.admin2_support(e.admin2_key, key[0]) >= 0.5
                           or ctx.admin2_named(e.admin2_key, key[0]) or ctx.county_linked(e, key[0]))
            else:
                c.country = self._fallback_country(parent, ctx)

    def _fallback_country(self, parent: int | None, ctx: Context) -> str | None:
        """An unknown place ("Laurel County") is most likely in its container or the article's country."""
        if parent is not None:
            return self.gaz.entry(parent).country
        return ctx.dateline_country or ctx.best_country()

    def _parent_entry(self, c: Candidate) -> int | None:
        """The resolved container of ``c`` if it is a country or a region ("Santa Maria, Davao del Sur")."""
        p = c.parent
        if p is None or p.best is None:
            return None
        return p.best if self.gaz.entry(p.best).feature in ("country", "admin1", "admin2", "region") else None

    def _resolve(self, c: Candidate, ctx: Context, key: str, parent: int | None) -> int | None:
        """The best entry by prior (feature, population) plus article context and containment."""
        entries = c.entries
        if parent is not None:
            entries = self._within(entries, self.gaz.entry(parent))
        if not entries:
            return None
        best = max(entries, key=lambda i: self._score(self.gaz.entry(i), ctx, key))
        return self._prefer_city(best, entries) if not c.region else best

    @staticmethod
    def _inside(e: Entry, container: Entry) -> bool:
        """Whether ``e`` lies in ``container``; a region never contains itself, a country not a country."""
        if container.feature == "admin1":
            return e.admin1_key == container.admin1_key and e is not container
        if container.feature == "admin2":
            return e.admin2_key == container.admin2_key and e.feature == "city"
        return e.country == container.country and e.feature != "country"

    @staticmethod
    def _score(e: Entry, ctx: Context, key: str) -> float:
        """Prior (log10 population + feature bonus) plus the support of the article's other names."""
        score = math.log10(e.population + 10) + FEATURE_BONUS[e.feature]
        score += COUNTRY_SUPPORT * saturate(ctx.country_support(e.country, key))
        if e.country and e.country == ctx.dateline_country:
            score += 2.0
        if e.feature in ("city", "admin2"):
            score += ADMIN1_SUPPORT * saturate(ctx.admin1_support(e.admin1_key, key))
            score += ADMIN2_SUPPORT * saturate(ctx.admin2_support(e.admin2_key, key))
            if ctx.county_linked(e, key):
                score += COUNTY_LINK
        if e.code == "PPLC":
            score += CAPITAL_BONUS
        return score + (1.0 if norm(e.name) == key else 0.0)

    def _prefer_city(self, best: int, entries: list[int]) -> int:
        """"New York", "Moscow", "Washington": a big city beats its same-country admin1 namesake and a
        region abroad with fewer people ("Portland" is Oregon's city, not Jamaica's parish), and a town
        its county namesake ("Cosenza" of "Provincia di Cosenza")."""
        e = self.gaz.entry(best)
        if e.feature == "admin2":
            towns = [i for i in entries if self.gaz.entry(i).feature == "city"
                     and self.gaz.entry(i).admin2_key == e.admin2_key]
            return max(towns, key=lambda i: self.gaz.entry(i).population) if towns else best
        if e.feature != "admin1":
            return best
        cities = [i for i in entries if self.gaz.entry(i).feature == "city" and self.gaz.entry(i).population >= BIG_CITY
                  and (self.gaz.entry(i).country == e.country or self.gaz.entry(i).population > e.population)]
        return max(cities, key=lambda i: self.gaz.entry(i).population) if cities else best

    # --- filtering ---------------------------------------------------------------------------

    def _acceptance(self, toks: Tokens, cands: list[Candidate], vetoed: list[bool]) -> list[bool]:
        """Which candidates are toponyms: those `_accept` keeps, and the other mentions of their names
        (one sense per discourse: "Gainesville" tagged PERSON in one sentence and GPE in the next is one
        town), except vetoed ones and a common person's name that the model reads as a person."""
        yes = [not v and self._accept(toks, c) for c, v in zip(cands, vetoed, strict=True)]
        names = {c.key for c, ok in zip(cands, yes, strict=True) if ok}
        return [ok or (not v and c.key in names and self._propagates(c))
                for c, ok, v in zip(cands, yes, vetoed, strict=True)]

    def _propagates(self, c: Candidate) -> bool:
        """Whether another mention's acceptance carries over to ``c``: not to a site, whose every mention
        needs its own locative cue, nor to a common person's name the model reads as a person."""
        if c.best is not None and self.gaz.entry(c.best).feature == "site":
            return False
        return c.label != "PERSON" or self.gaz.person_share(c.text) < PROPAGATE_PERSON_SHARE_MAX

    def _people(self, doc: Doc, toks: Tokens) -> set[str]:
        """Given names and surnames of the people the article names: "Darren Ripley" (a PERSON entity that
        starts with a given name or follows a title) makes "Darren" and "Ripley" a person's in this article."""
        names = set()
        for ent in doc.ents:
            words = [t for t in ent if t.is_alpha and t.is_title]
            if ent.label_ != "PERSON" or len(words) < 2:
                continue
            titled = ent.start > 0 and toks.lowers[ent.start - 1] in PRENOMINALS and toks.caps[ent.start - 1]
            given = titled or self.gaz.person_share(words[0].text) >= GIVEN_NAME_SHARE
            last = words[-1].text  # a place word is no surname: "Greer Station" is a place the model calls a person
            if given and (not self.gaz.lookup(last) or self.gaz.person_share(last) >= GIVEN_NAME_SHARE):
                names.update((norm(words[0].text), norm(last)))
        return names

    def _vetoed(self, toks: Tokens, c: Candidate) -> bool:
        """Mentions that are never toponyms, whatever the label or the other mentions say: demonyms
        ("Kashmiris", "German"), a person's title before the name ("Mr Ripley", "Hurricane Ike"), a
        surname of a person the article names ("Darren Ripley" ... "Ripley said"), a disease named after a
        place ("Marburg virus"), and the last words of a longer name ("Golden Temple", "World At One")."""
        if self.gaz.is_demonym(c.text) or c.key in COMPASS or c.key in TITLES:
            return True  # a title is no place either ("Commissioner Mike Youngblood")
        prev = c.start - 1
        if prev >= 0 and toks.lowers[prev] in PRENOMINALS and toks.caps[prev]:
            return True
        after = toks.lowers[c.end] if c.end < len(toks.lowers) else ""
        if after in DISEASE_WORDS and not self._state_name(c):
            return True
        if c.key in toks.people and not (c.region or c.seat or c.parent or self._contained(toks, c)
                                         or self._state_name(c) or (c.label == "GPE" and self._cued(toks, c.start))):
            return True
        return self._inside_name(toks, c)

    def _state_name(self, c: Candidate) -> bool:
        """Whether ``c`` names a country or region: nobody's surname ("Garuda Indonesia" is an airline)."""
        return any(self.gaz.entry(i).feature in ("country", "admin1", "region", "admin2") for i in c.entries)

    @staticmethod
    def _contained(toks: Tokens, c: Candidate) -> bool:
        """"Jackson, Miss.": a comma and a capitalised word after the name (its container)."""
        return c.end + 1 < len(toks.texts) and toks.texts[c.end] == "," and toks.caps[c.end + 1]

    @staticmethod
    def _inside_name(toks: Tokens, c: Candidate) -> bool:
        """The name follows another proper noun of the same name ("Golden Temple", "Royal Alexandria
        Hospital", "Raquel Henry"): it is part of that name, unless the word before only qualifies a place
        ("North Dallas") or the name is the object of "of" ("University of Texas")."""
        prev = c.start - 1
        if prev < 0 or not toks.caps[prev] or toks.lowers[prev] in QUALIFIERS or toks.lowers[prev] in CALENDAR \
                or toks.headline[prev]:
            return False
        if toks.lowers[prev] in LOC_PREPS:  # a capitalised "At" inside a title: "World At One"
            return prev > 0 and toks.caps[prev - 1] and not toks.sent_start[prev]
        if toks.lowers[prev] in CONNECTORS:
            return False
        ent = toks.ent[c.start]
        if ent is not None and ent[2] in ("GPE", "LOC"):
            return False
        same_entity = ent is not None and ent[0] <= prev
        return same_entity or (toks.propn[prev] and not toks.sent_start[prev])

    @staticmethod
    def _dateline(toks: Tokens, c: Candidate) -> bool:
        """An upper-case name before a dash or colon, an agency between them or not: "CLINTON —",
        "LEBANON (AP) —", "BEIRUT:". A dateline names a place even when the name is mostly a person's."""
        texts, n, k = toks.texts, len(toks.texts), c.end
        if k >= n or not toks.spaces[k - 1] or not c.text.isupper() or len(c.text) < 3:
            return False
        if texts[k] == "(" and k + 3 < n and texts[k + 2] == ")" and toks.caps[k + 1]:
            k += 3
        return k < n and texts[k] in DATELINE_MARKS

    def _placed(self, toks: Tokens, c: Candidate) -> bool:
        """Context that makes a name a place whatever its label: its container ("Sukoharjo, Central Java",
        "Kenya's Dadaab"), a noun of its people or officials after it ("Roswell police"), a dateline
        ("TORRINGTON —"), or "in"/"near" before it."""
        if c.contains or (c.parent is not None and self._parent_entry(c) is not None):
            return True
        n = len(toks.texts)
        if self._dateline(toks, c):
            return True
        if not toks.propn[c.start] or (c.text.isupper() and len(c.text) <= 4):
            return False  # "Many residents", "One man", "UN police"
        if c.end < n and toks.lowers[c.end] in LOCAL_NOUNS and (not toks.caps[c.end] or toks.lowers[c.end] == "police"):
            return True
        return c.start >= 1 and toks.lowers[c.start - 1] in PLAIN_LOC_PREPS

    def _accept(self, toks: Tokens, c: Candidate) -> bool:
        """Keep a candidate only when the label, capitalisation and context make it a toponym."""
        if c.seat:
            return True
        text = c.text
        cued = self._cued(toks, c.start)
        if c.entries and not c.inner and self._placed(toks, c) and (
                not self.gaz.is_false_friend(text) or self._dateline(toks, c)):
            e = self.gaz.entry(c.best) if c.best is not None else None
            if e is not None and e.feature != "site" and (c.key == norm(e.name) or e.feature != "city"):
                return True
        if c.label == "PERSON" and not (cued or c.region) and not self._mislabelled_person(toks, c):
            return False
        if c.best is None:
            return c.street or (c.label in ("GPE", "LOC") and not self.gaz.is_false_friend(text))
        e = self.gaz.entry(c.best)
        if self.gaz.is_false_friend(text) and not (c.label == "GPE" or c.region or (c.label == "LOC" and cued)):
            return False
        if c.inner:
            return self._accept_inner(toks, c, e)
        if e.feature == "site" and not self._cued(toks, c.start, through_the=True, preps=SITE_PREPS):
            return False  # "the White House said" is the administration; "at the White House" the place
        if (e.feature == "city" and e.population < BIG_CITY and not (cued or c.local or c.region)
                and self.gaz.person_share(text) >= PERSON_SHARE_MAX):
            return False  # "Kristina said": a person's name is no village without a locative cue
        if c.label in ("GPE", "LOC", "FAC") or c.region:
            return True
        if text.isupper() and len(text) <= 4:
            return e.feature in ("country", "admin1")
        if c.label == "NORP":
            # demonyms were vetoed already: a NORP label on a town after "in" or "the town of" ("in
            # Samarra") is the tagger's mistake
            return (e.feature in ("country", "admin1", "region") and c.key == norm(e.name)) or \
                (e.feature == "city" and (cued or self._cued(toks, c.start, city_only=True)))
        if e.feature != "city":
            return True
        if c.label == "ORG":  # "according to Tass": an ORG label needs a big city or "the city of"
            return e.population >= BIG_CITY or c.local or self._cued(toks, c.start, city_only=True)
        return e.population >= BIG_CITY or cued or c.local

    def _mislabelled_person(self, toks: Tokens, c: Candidate) -> bool:
        """A PERSON label on the whole name alone ("Gainesville", "Sri Lanka") is the model's mistake when
        the name is rarely a person's and names a country, a region, a big city or a town of the article's
        region; a name inside a longer PERSON entity ("Alexandria Ocasio") never is."""
        labels = toks.labels
        if (c.start and labels[c.start - 1] == "PERSON") or (c.end < len(labels) and labels[c.end] == "PERSON"):
            return False
        if c.best is None or self.gaz.person_share(c.text) >= PERSON_SHARE_MAX:
            return False
        e = self.gaz.entry(c.best)
        return e.feature != "city" or e.population >= BIG_CITY or c.local

    @staticmethod
    def _accept_inner(toks: Tokens, c: Candidate, e: Entry) -> bool:
        """A name inside an organisation's name ("Texas Department of Health", "Alexandria Police")
        is a toponym when it is a region's name or a city's own name, spelled out or not ("St. Cloud
        Hospital"), not a city's alternate name
        ("Drug Enforcement Administration" is not Durg, India) nor a small town named like a common word
        ("Hospital", "Agency") unless the article's other names are in its admin1 region or the organisation
        is the town's own body ("Harwinton Police", "Dublin City Council"). A county needs its region word
        there ("Walker County Sheriff"): "Town" of "Democratic Town Committee" is no county of St Lucia."""
        if e.feature == "site":
            return False  # "The Wall Street Journal", "Kremlin spokesman"
        if e.feature == "admin2":
            return c.region or toks.lowers[c.end - 1] in COUNTY_NAME_WORDS
        if e.feature != "city":
            return True
        municipal = c.end < len(toks.lowers) and toks.lowers[c.end] in MUNICIPAL_WORDS and toks.caps[c.end]
        own = spelled_out(norm(c.text)) == spelled_out(norm(e.name))
        return own and (e.population >= INNER_CITY or c.local or municipal)

    @staticmethod
    def _cued(toks: Tokens, start: int, city_only: bool = False, through_the: bool = False,
              preps: set[str] = LOC_PREPS) -> bool:
        """A locative preposition ("in", "out of") or "city of" before the name raises its toponym
        likelihood; ``through_the`` also reads it before "the" ("at the White House")."""
        if through_the and start >= 2 and toks.lowers[start - 1] == "the":
            start -= 1
        prev = toks.lowers[start - 1] if start >= 1 else ""
        before = toks.lowers[start - 2] if start >= 2 else ""
        if not city_only and (prev in preps or (prev == "of" and before == "out")):
            return True
        return prev == "of" and before in CITY_CUES

    # --- output ------------------------------------------------------------------------------

    def _places(self, doc: Doc, kept: list[Candidate]) -> tuple[list[Place], list[Span]]:
        """One Place per distinct location, ids in order of first mention, one span per mention."""
        places: dict[object, Place] = {}
        spans = []
        for c in kept:
            span = doc[c.start:c.end]
            ident = c.best if c.best is not None else ("?", c.key)
            place = places.get(ident)
            if place is None:
                place = self._new_place(f"p{len(places) + 1}", c)
                places[ident] = place
            place.mentions.append(Mention(start=span.start_char, end=span.end_char, text=c.text))
            spans.append(Span(doc, c.start, c.end, label="PLACE", kb_id=place.id))
        return list(places.values()), spans

    def _new_place(self, pid: str, c: Candidate) -> Place:
        """An unresolved name is still a place (named as written), with the country the context gives."""
        if c.best is None:
            return Place(id=pid, name=c.text, lat=None, lon=None, country=c.country, admin1=None,
                         feature=None, geonameid=None, mentions=[])
        e = self.gaz.entry(c.best)
        return Place(id=pid, name=e.name, lat=e.lat, lon=e.lon, country=e.country, admin1=e.admin1,
                     feature=e.feature, geonameid=e.geonameid, mentions=[])


@Language.factory("eventwire_places", assigns=["doc._.ew_places", "doc.spans"])
def make_places(nlp: Language, name: str) -> PlacesStage:
    """Factory; the gazetteer (``EVENTWIRE_GAZETTEER``, else the shipped one) is loaded once per process."""
    from pathlib import Path

    from eventwire.settings import Settings

    chosen = Settings.from_env().gazetteer
    return PlacesStage(load_gazetteer(Path(chosen)) if chosen else None)
