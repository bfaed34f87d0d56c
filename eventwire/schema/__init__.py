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

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Article(_Model):
    """What we know about the article itself (input metadata plus what ingest found in the text)."""

    id: str | None
    published: str | None = Field(None, description="YYYY-MM-DD or ISO datetime, as normalised")
    title: str | None = None
    url: str | None = None
    credit: str | None = Field(None, description="wire credit line, e.g. 'New York Times News Service'")
    publisher: str | None = None
    language: str | None = "en"
    dateline: Mention | None = Field(None, description="'MOSCOW (Reuters) -' opening, anchors places")
    body_end: int | None = Field(None, description="offset where content ends (credit line excluded)")
    text: str | None = Field(None, description="the text the offsets refer to, when eventwire derived it (HTML)")


class Actor(_Model):
    """One actor of the article (an entity), with every mention of it."""

    id: str
    name: str
    kind: Literal["person", "state", "organization", "group", "media"]
    country: str | None = Field(None, description="ISO 3166 alpha-3, or the CAMEO code of an IGO")
    sector: str | None = Field(None, description="PLOVER/CAMEO sector code: GOV, MIL, MED, ...")
    code: str | None = Field(None, description="CAMEO actor code, country + sector: RUSGOV")
    kb_id: str | None = Field(None, description="knowledge-base entry the actor was linked to")
    mentions: list[Mention]


class Place(_Model):
    """A geocoded place with every mention of it."""

    id: str
    name: str
    lat: float | None
    lon: float | None
    country: str | None = Field(None, description="ISO 3166 alpha-3")
    admin1: str | None = None
    feature: str | None = Field(None, description="country | admin1 | admin2 (county) | city | site | region")
    geonameid: int | None = None
    mentions: list[Mention]


class TimeExpr(_Model):
    """A temporal expression normalised to a TIMEX3 value against the publication date."""

    id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    value: str = Field(description="TIMEX3 value: 2023-09-13, 2023-09-13TMO, 2023-W37, P19M, PRESENT_REF")
    type: Literal["DATE", "TIME", "DURATION", "SET"]


class Attribution(_Model):
    """Who said (reported, confirmed, ...) a stretch of the text, possibly nested in another."""

    id: str
    source: str | None = Field(None, description="actor id of the source, if it is a known actor")
    source_text: str | None
    source_start: int | None = None
    source_end: int | None = None
    cue: str
    cue_start: int
    cue_end: int
    content_start: int | None
    content_end: int | None
    channel: str | None = Field(None, description="medium named with the cue: 'on Telegram'")
    parent: str | None = Field(None, description="id of the attribution this one is reported within")
    quote: bool = False


class EventMention(_Model):
    """One report of an event inside the article: where it is said, how sure, on whose word, of which day."""

    evidence: Mention = Field(description="the clause that states this mention")
    trigger: Mention | None = Field(None, description="the word(s) that evoked this mention")
    status: Status = Field("asserted", description="the status of this mention alone")
    attribution: str | None = Field(None, description="attribution id this mention rests on")
    date: str | None = Field(None, description="YYYY-MM-DD this mention gives the event, if any")


class Event(_Model):
    """Who did what to whom, when, where, according to whom."""

    id: str
    type: PloverType
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    cameo: str | None = None
    goldstein: float | None = None
    source: list[str] = Field(default_factory=list, description="actor ids")
    target: list[str] = Field(default_factory=list, description="actor ids")
    date: str | None = Field(None, description="YYYY-MM-DD the event happened (or is due)")
    date_basis: Literal["text", "published"] | None = Field(
        None, description="where the date comes from: a time expression of the text, or the publication date "
        "(GDELT/ICEWS convention for stated events with no date of their own)")
    time: str | None = Field(None, description="time id")
    place: str | None = Field(None, description="place id")
    status: Status = "asserted"
    attribution: str | None = None
    trigger: Mention | None = Field(None, description="the word(s) that evoked the event")
    evidence: Mention
    confidence: float = Field(ge=0, le=1)
    mentions: list[EventMention] = Field(
        default_factory=list, description="every report of this one real event in the article, its own evidence "
        "among them; the event's status is the strongest of theirs")
    rule: str | None = Field(
        None, description="why the event was coded: the lexicon entry and the role rules that fired")


class ErrorInfo(_Model):
    """Why an input record could not be processed."""

    code: str
    message: str
    line: int | None = Field(None, description="1-based input line (JSONL) the record came from")


class Document(_Model):
    """One output line: an article with its actors, places, times, attributions and events."""

    article: Article
    actors: list[Actor] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    times: list[TimeExpr] = Field(default_factory=list)
    attributions: list[Attribution] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    error: ErrorInfo | None = None

    def to_json(self) -> str:
        """One JSON line; an error document carries only the article and the error, as the contract asks."""
        if self.error is not None:
            return self.model_dump_json(include={"article", "error"})
        return self.model_dump_json(exclude={"error"})


def json_schema() -> str:
    """The JSON Schema of `Document`, as written to `document.schema.json`."""
    return json.dumps(Document.model_json_schema(), indent=2, sort_keys=True) + "\n"
