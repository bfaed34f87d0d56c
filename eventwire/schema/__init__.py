"""The output document of eventwire: one typed model, the single source of the contract.

Every stage fills these models, the CLI writes them, and `document.schema.json` beside this file is
generated from them (`eventwire schema`), so the contract in ``shared/CONTRACT.md`` lives in one
place. Field names follow the contract exactly; fields beyond it are additions, never renames.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "SCHEMA_PATH",
    "PLOVER_TYPES",
    "SECTORS",
    "STATUSES",
    "Actor",
    "Article",
    "Attribution",
    "Document",
    "ErrorInfo",
    "Event",
    "EventMention",
    "Mention",
    "Place",
    "TimeExpr",
    "json_schema",
]

SCHEMA_PATH = Path(__file__).with_name("document.schema.json")

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
STATUSES = ("asserted", "reported", "confirmed", "denied", "future", "hypothetical", "negated")
# CAMEO/PLOVER sector codes an actor may carry (the contract names the first ones; the rest are
# the Phoenix agent codes).
SECTORS = (
    "GOV", "MIL", "MED", "JRN", "REB", "OPP", "PTY", "LEG", "JUD", "COP", "SPY", "BUS", "CVL",
    "IGO", "NGO", "ELI", "EDU", "HLH", "REF", "LAB", "AGR", "CRM", "UAF", "IMG", "MNC", "RAD",
    "ENV", "HRI", "SET", "MOD", "DEV", "SOC", "INS", "SEP", "ETH", "REL", "BUD", "CHR", "HIN",
    "JEW", "MOS", "ATH", "CON", "NON",
)

PloverType = Literal[PLOVER_TYPES]  # type: ignore[valid-type]
Status = Literal[STATUSES]  # type: ignore[valid-type]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Mention(_Model):
    """A stretch of the article text: character offsets into the text as received, end exclusive."""

    start: int = Field(ge=0, description="character offset of the first character in the text as received")
    end: int = Field(ge=0, description="character offset just after the last character (end exclusive)")
    text: str = Field(description="the text between start and end, exactly as in the article")


class Article(_Model):
    """What we know about the article itself (input metadata plus what ingest found in the text)."""

    id: str | None = Field(description="the input record's id (a file's path without suffix); null only in an "
                           "error document whose record had no readable id")
    published: str | None = Field(None, description="publication date as given in the input (YYYY-MM-DD or ISO "
                                  "datetime); relative times are resolved against its day")
    title: str | None = Field(None, description="headline, from the input record or the HTML page")
    url: str | None = Field(None, description="address of the article, from the input record or the HTML page")
    credit: str | None = Field(None, description="wire credit line, e.g. 'New York Times News Service'")
    publisher: str | None = Field(None, description="publisher named in the input record")
    language: str | None = Field("en", description="ISO 639-1 language of the text (English only); null in an "
                                 "error document")
    dateline: Mention | None = Field(None, description="'MOSCOW (Reuters) -' opening, anchors places")
    body_end: int | None = Field(None, description="offset where content ends (credit line excluded)")
    text: str | None = Field(None, description="the text the offsets refer to, when eventwire derived it (HTML)")


class Actor(_Model):
    """One actor of the article (an entity), with every mention of it."""

    id: str = Field(description="actor id within this document (a1, a2, ...), used by events and attributions")
    name: str = Field(description="the actor's name: its knowledge-base entry's when linked, else as first written")
    kind: Literal["person", "state", "organization", "group", "media"] = Field(
        description="person, state (a country as actor), organization, group (armed or non-state) or media")
    country: str | None = Field(None, description="ISO 3166 alpha-3, or the CAMEO code of an IGO")
    sector: str | None = Field(None, description="PLOVER/CAMEO sector code: GOV, MIL, MED, ...")
    code: str | None = Field(None, description="CAMEO actor code, country + sector: RUSGOV")
    kb_id: str | None = Field(None, description="knowledge-base entry the actor was linked to")
    mentions: list[Mention] = Field(description="every mention of the actor in the text")


class Place(_Model):
    """A geocoded place with every mention of it."""

    id: str = Field(description="place id within this document (p1, p2, ...), used by events")
    name: str = Field(description="gazetteer name of the place, or the name as written when it was not resolved")
    lat: float | None = Field(description="latitude, WGS84 decimal degrees; null when the place was not resolved")
    lon: float | None = Field(description="longitude, WGS84 decimal degrees; null when the place was not resolved")
    country: str | None = Field(None, description="ISO 3166 alpha-3")
    admin1: str | None = Field(None, description="name of the first-level region (state, province) it lies in")
    feature: str | None = Field(None, description="country | admin1 | admin2 (county) | city | site | region")
    geonameid: int | None = Field(None, description="GeoNames id, when the place is a GeoNames entry")
    mentions: list[Mention] = Field(description="every mention of the place in the text")


class TimeExpr(_Model):
    """A temporal expression normalised to a TIMEX3 value against the publication date."""

    id: str = Field(description="time id within this document (t1, t2, ...), used by events")
    start: int = Field(ge=0, description="character offset where the expression starts")
    end: int = Field(ge=0, description="character offset where the expression ends (exclusive)")
    text: str = Field(description="the expression as written: 'on Tuesday' gives 'Tuesday'")
    value: str = Field(description="TIMEX3 value: 2023-09-13, 2023-09-13TMO, 2023-W37, P19M, PRESENT_REF")
    type: Literal["DATE", "TIME", "DURATION", "SET"] = Field(
        description="TIMEX3 type: a calendar DATE, a TIME of day, a DURATION, or a recurring SET")


class Attribution(_Model):
    """Who said (reported, confirmed, ...) a stretch of the text, possibly nested in another."""

    id: str = Field(description="attribution id within this document (q1, q2, ...), used by events and parents")
    source: str | None = Field(None, description="actor id of the source, if it is a known actor")
    source_text: str | None = Field(
        description="the source as written ('a Kremlin spokesman'); null when none is named")
    source_start: int | None = Field(None, description="character offset where source_text starts")
    source_end: int | None = Field(None, description="character offset where source_text ends (exclusive)")
    cue: str = Field(description="the reporting word(s): said, told, according to, confirmed, denied, ...")
    cue_start: int = Field(description="character offset where the cue starts")
    cue_end: int = Field(description="character offset where the cue ends (exclusive)")
    content_start: int | None = Field(description="character offset where the attributed content starts")
    content_end: int | None = Field(description="character offset where the attributed content ends (exclusive)")
    channel: str | None = Field(None, description="medium named with the cue: 'on Telegram'")
    parent: str | None = Field(None, description="id of the attribution this one is reported within")
    quote: bool = Field(False, description="true when the content is a direct quotation (in quotation marks)")


class EventMention(_Model):
    """One report of an event inside the article: where it is said, how sure, on whose word, of which day."""

    evidence: Mention = Field(description="the clause that states this mention")
    trigger: Mention | None = Field(None, description="the word(s) that evoked this mention")
    status: Status = Field("asserted", description="the status of this mention alone")
    attribution: str | None = Field(None, description="attribution id this mention rests on")
    date: str | None = Field(None, description="YYYY-MM-DD this mention gives the event, if any")


class Event(_Model):
    """Who did what to whom, when, where, according to whom."""

    id: str = Field(description="event id within this document (e1, e2, ...)")
    type: PloverType = Field(description="PLOVER v0.8 event type")
    mode: str | None = Field(None, description="PLOVER mode, how the event was carried out (CONSULT: visit, "
                             "phone, third-party; RETREAT: release, return, ...), from the CAMEO code")
    context: list[str] = Field(default_factory=list, description="PLOVER contexts, what the event is about "
                               "(diplomatic, military, economic, legal, ...), from the CAMEO code")
    cameo: str | None = Field(None, description="CAMEO event code (2 to 4 digits: '042' make a visit)")
    goldstein: float | None = Field(None, description="Goldstein score of the CAMEO code, -10 (conflict) to +10 "
                                    "(cooperation)")
    source: list[str] = Field(default_factory=list, description="actor ids")
    target: list[str] = Field(default_factory=list, description="actor ids")
    date: str | None = Field(None, description="YYYY-MM-DD the event happened (or is due)")
    date_basis: Literal["text", "published"] | None = Field(
        None, description="where the date comes from: a time expression of the text, or the publication date "
        "(GDELT/ICEWS convention for stated events with no date of their own)")
    time: str | None = Field(None, description="time id")
    place: str | None = Field(None, description="place id")
    status: Status = Field("asserted", description="asserted (the article states it), reported (on a source's "
                           "word), confirmed, denied, future (planned, 'would'), hypothetical (possible, suspected) "
                           "or negated; a modality wins over an attribution")
    attribution: str | None = Field(None, description="attribution id the event rests on")
    trigger: Mention | None = Field(None, description="the word(s) that evoked the event")
    evidence: Mention = Field(description="the clause that states the event")
    confidence: float = Field(ge=0, le=1, description="how sure the coder is, 0 to 1: higher for a specific "
                              "lexicon pattern and for events with both source and target found")
    mentions: list[EventMention] = Field(
        default_factory=list, description="every report of this one real event in the article, its own evidence "
        "among them; the event's status is the strongest of theirs")
    rule: str | None = Field(
        None, description="why the event was coded: the lexicon entry and the role rules that fired")


class ErrorInfo(_Model):
    """Why an input record could not be processed."""

    code: str = Field(description="machine-readable reason: malformed_json, invalid_utf8, not_an_object, "
                      "missing_id, bad_id, duplicate_id, not_text, empty_text, too_long, bad_published, bad_field, "
                      "unreadable_file, unsupported_input or internal_error")
    message: str = Field(description="what is wrong, for a person (names the file when the input was a folder)")
    line: int | None = Field(None, description="1-based input line (JSONL) the record came from")


class Document(_Model):
    """One output line: an article with its actors, places, times, attributions and events."""

    article: Article = Field(description="the article the document is about")
    actors: list[Actor] = Field(default_factory=list, description="who: people, states, organisations, groups, "
                                "media, with country and sector codes")
    places: list[Place] = Field(default_factory=list, description="where: geocoded places named in the text")
    times: list[TimeExpr] = Field(default_factory=list, description="when: time expressions as TIMEX3 values")
    attributions: list[Attribution] = Field(default_factory=list, description="according to whom: who said, "
                                            "reported or confirmed which stretch of the text")
    events: list[Event] = Field(default_factory=list, description="who did what to whom, when, where, according "
                                "to whom")
    error: ErrorInfo | None = Field(None, description="why the record could not be processed; an error document "
                                    "carries only article and error")

    def without_events_below(self, confidence: float) -> Document:
        """The document with only the events whose confidence reaches ``confidence`` (``--min-confidence``)."""
        if confidence <= 0:
            return self
        return self.model_copy(update={"events": [e for e in self.events if e.confidence >= confidence]})

    def to_json(self) -> str:
        """One JSON line; an error document carries only the article and the error, as the contract asks."""
        if self.error is not None:
            return self.model_dump_json(include={"article", "error"})
        return self.model_dump_json(exclude={"error"})


def json_schema() -> str:
    """The JSON Schema of `Document`, as written to `document.schema.json`."""
    return json.dumps(Document.model_json_schema(), indent=2, sort_keys=True) + "\n"
