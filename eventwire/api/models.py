"""The request and response bodies of the API (what /openapi.json describes)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["ArticleIn", "PostResult", "StoredArticle", "WatchIn"]


class ArticleIn(BaseModel):
    """One article, in the contract's input fields (as one line of an input JSONL file)."""

    model_config = ConfigDict(extra="ignore")

    id: Annotated[str, Field(min_length=1)] | int = Field(
        description="the article's id, unique within the store; the same id with a new text replaces the article")
    text: str = Field(description="the article text; offsets in the stored document index into it")
    published: str | None = Field(None, description="publication date, YYYY-MM-DD or an ISO datetime; relative "
                                                    "times resolve against it")
    title: str | None = Field(None, description="headline")
    url: str | None = Field(None, description="address of the article")
    credit: str | None = Field(None, description="wire credit line")
    publisher: str | None = Field(None, description="publisher")


class StoredArticle(BaseModel):
    """What happened to one posted article."""

    id: str = Field(description="the article id")
    outcome: str = Field(description="stored (new), replaced (new text for a known id), unchanged (already stored "
                                     "with this text) or error (the pipeline could not process it)")
    events: int = Field(description="events stored for the article")
    duplicate_of: str | None = Field(None, description="the earlier article this one near-duplicates")
    error: str | None = Field(None, description="why it could not be processed (outcome error)")


class PostResult(BaseModel):
    """The response to POST /articles."""

    articles: list[StoredArticle] = Field(description="one entry per posted article, in order")
    events: int = Field(description="events of the posted articles, added up")


class WatchIn(BaseModel):
    """A watch: a saved event query whose newly stored matches become alerts."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200, description="what the watch is for")
    types: list[str] = Field(default_factory=list, description="PLOVER types (AGREE, AID); empty: any")
    statuses: list[str] = Field(default_factory=list, description="event statuses; empty: any")
    country: str | None = Field(None, description="an actor on either side is of this country (PRK)")
    actor: str | None = Field(None, description="an actor on either side has this code, KB id or name text")
    source: str | None = Field(None, description="a source actor has this code or country (PRK, PRKGOV)")
    target: str | None = Field(None, description="a target actor has this code or country (RUS)")
    cameo: str | None = Field(None, description="CAMEO code prefix")
    place: str | None = Field(None, description="place name text or country code")
    according_to: str | None = Field(None, description="text in the attribution chain")
    webhook: str | None = Field(None, description="http(s) URL every new alert is POSTed to as JSON")
