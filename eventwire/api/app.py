"""The FastAPI application: the REST API over a store, the analyst's pages and the watches.

`create_app` wires a `Store`, an `Extractor` (run only in the `ExtractionWorker` thread) and the
watches together; ``eventwire serve`` runs it under uvicorn, the tests under httpx.
"""

from __future__ import annotations

import asyncio
import io
import secrets
import threading
from collections import Counter
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Annotated, Literal

import fastapi_offline
from fastapi import Body, Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from pydantic import Field

from eventwire import __version__
from eventwire.api.limits import BodyLimit
from eventwire.api.models import ArticleIn, PostResult, WatchIn
from eventwire.api.worker import ExtractionWorker
from eventwire.errors import InputError
from eventwire.ingest.records import validate_record
from eventwire.pipeline import Extractor
from eventwire.store import EventQuery, Store
from eventwire.watch import Watch, WatchError, Watches, atom_feed, post_alerts

__all__ = ["ServiceConfig", "create_app"]

DEFAULT_MAX_BODY = 10 * 1024 * 1024
MAX_PAGE = 1000
_MISSING = {404: {"description": "no such item in the store"}}
WatchId = Annotated[int, PathParam(ge=1, le=2**63 - 1, description="the watch's id")]
_WRITE = {401: {"description": "a token is set and the request lacks it"}}
_FIELD_OF_CODE = {"missing_id": "id", "bad_id": "id", "duplicate_id": "id", "empty_text": "text", "not_text": "text",
                  "too_long": "text", "bad_published": "published"}


@dataclass(frozen=True)
class ServiceConfig:
    """How the service runs.

    :param token: when set, writes (POST /articles, watch changes) need ``Authorization: Bearer <token>``.
    :param max_body: largest request body in bytes (413 over it).
    :param webhooks: POST new alerts to the watches' webhook URLs.
    """

    token: str | None = None
    max_body: int = DEFAULT_MAX_BODY
    webhooks: bool = True


def create_app(store: Store, extractor: Extractor, config: ServiceConfig | None = None) -> FastAPI:
    """The service over ``store``; extraction runs in one worker thread, started with the app."""
    config = config or ServiceConfig()
    watches = Watches(store)
    alert_lock = threading.Lock()

    def after_store() -> None:
        with alert_lock:
            found = watches.scan()
        if config.webhooks:
            for watch_id, new in found.items():
                watch = watches.get(watch_id)
                if watch.webhook:
                    threading.Thread(target=post_alerts, args=(watch, new), daemon=True).start()

    running = {"worker": None, "users": 0}

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        # One worker however many servers run this app at once (a test client inside another one).
        if running["users"] == 0:
            running["worker"] = ExtractionWorker(store, extractor, after_store)
            running["worker"].start()
        running["users"] += 1
        try:
            yield
        finally:
            running["users"] -= 1
            if running["users"] == 0:
                await asyncio.to_thread(running["worker"].stop)

    app = FastAPI(title="eventwire", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Sourced, geocoded, time-resolved political event data from news articles.")
    app.state.store, app.state.watches, app.state.config = store, watches, config
    app.add_middleware(BodyLimit, max_bytes=config.max_body)
    app.add_exception_handler(RequestValidationError, _validation_error)
    assets = Path(fastapi_offline.__file__).parent / "static"
    app.mount("/docs-assets", StaticFiles(directory=assets), name="docs-assets")
    writer = _Writer(config.token)

    @app.get("/docs", include_in_schema=False)
    def docs() -> Response:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="eventwire API",
                                   swagger_js_url="/docs-assets/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-assets/swagger-ui.css",
                                   swagger_favicon_url="/docs-assets/favicon.png")

    @app.post("/articles", status_code=201, response_model=PostResult, dependencies=[Depends(writer)],
              responses={401: {"description": "a token is set and the request lacks it"},
                         413: {"description": "the body is over the limit"},
                         422: {"description": "a field is missing or bad; detail names it"}})
    async def post_articles(body: Annotated[ArticleIn | Annotated[list[ArticleIn], Field(min_length=1)], Body()]
                            ) -> PostResult:
        """Extract and store one article or a list (the contract's input fields); returns their ids and event
        counts. The same id and text again is ``unchanged``; the same id with a new text replaces the article."""
        items = body if isinstance(body, list) else [body]
        records = _records(items, extractor.settings.max_chars, isinstance(body, list))
        stored = await asyncio.wrap_future(running["worker"].submit(records))
        return PostResult(articles=[asdict(s) for s in stored], events=sum(s.events for s in stored))

    @app.get("/articles/{article_id:path}", responses=_MISSING)
    def get_article(article_id: str) -> dict:
        """The stored document of one article (the contract's output), plus the ``text`` its offsets index."""
        document = store.document(article_id)
        if document is None:
            raise HTTPException(404, f"no article {article_id!r} in the store")
        return {**document, "text": store.text(article_id)}

    @app.get("/events", response_model=None,
             responses={200: {"content": {"text/csv": {}}, "description": "a page of events (JSON) or all (CSV)"}})
    def get_events(query: Annotated[EventQuery, Depends(_event_query)],
                   format: Literal["json", "csv"] = "json") -> dict | Response:  # noqa: A002
        """Events matching every filter given, in date order: a page with the total (JSON), or CSV rows
        in the export's columns."""
        if format == "csv":
            from eventwire.export.tabular import write_csv

            out = io.StringIO()
            write_csv(store.events(query), out)
            return Response(out.getvalue(), media_type="text/csv; charset=utf-8")
        return {"total": store.count_events(query), "limit": query.limit, "offset": query.offset,
                "events": list(store.events(query))}

    @app.get("/stories")
    def get_stories(query: Annotated[EventQuery, Depends(_event_query)],
                    min_articles: Annotated[int, Query(ge=1, le=2**62)] = 1) -> dict:
        """Story events (one real event, its reports across articles) holding a matching event."""
        return {"stories": list(store.stories(query, min_articles))}

    @app.get("/stories/{story_id}", responses=_MISSING)
    def get_story(story_id: str) -> dict:
        """One story event, with its events (the reports)."""
        story = store.story(story_id)
        if story is None:
            raise HTTPException(404, f"no story {story_id!r} in the store")
        return {"story": story, "events": list(store.events(EventQuery(story=story_id)))}

    @app.get("/actors")
    def get_actors(query: Annotated[EventQuery, Depends(_event_query)]) -> dict:
        """The actors of the matching events, with their event counts, and the network: who acts on whom,
        each edge weighted by its events."""
        return actor_network(store.events(replace(query, limit=None, offset=0)))

    @app.get("/stats")
    def get_stats() -> dict:
        """Counts of what the store holds."""
        return store.stats()

    @app.get("/health")
    def health() -> dict:
        """The service is up and its store answers."""
        return {"status": "ok", "version": __version__, "articles": store.stats()["articles"],
                "queued": running["worker"].queue.qsize() if running["worker"] else 0}

    _watch_routes(app, watches, writer, after_store)
    from eventwire.web import mount_pages

    mount_pages(app)
    return app


_bearer = HTTPBearer(auto_error=False, description="the token given to eventwire serve --token")


class _Writer:
    """The dependency of every write: with a token set, ``Authorization: Bearer <token>`` or 401."""

    def __init__(self, token: str | None) -> None:
        self.token = token

    def __call__(self, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> None:
        if self.token is None:
            return
        if credentials is None or not secrets.compare_digest(credentials.credentials.encode(), self.token.encode()):
            raise HTTPException(401, "writes need the header Authorization: Bearer <token of eventwire serve>",
                                headers={"WWW-Authenticate": "Bearer"})


def _records(items: list[ArticleIn], max_chars: int, as_list: bool) -> list:
    seen: set[str] = set()
    records, problems = [], []
    for i, item in enumerate(items):
        try:
            records.append(validate_record(item.model_dump(), seen, max_chars))
        except InputError as err:
            field = _FIELD_OF_CODE.get(err.code) or err.message.split(" ", 1)[0]
            loc = ["body", i, field] if as_list else ["body", field]
            problems.append({"loc": loc, "msg": err.message, "type": err.code})
    if problems:
        raise HTTPException(422, problems)
    return records


def _event_query(
    country: Annotated[str | None, Query(description="an actor on either side is of this country (PRK)")] = None,
    actor: Annotated[str | None, Query(description="an actor's code, KB id or name text")] = None,
    type: Annotated[list[str] | None, Query(description="PLOVER types; repeat for several")] = None,  # noqa: A002
    cameo: Annotated[str | None, Query(description="CAMEO code prefix")] = None,
    since: Annotated[str | None, Query(description="first date, YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="last date, YYYY-MM-DD")] = None,
    place: Annotated[str | None, Query(description="place name text or country code")] = None,
    status: Annotated[list[str] | None, Query(description="event statuses; repeat for several")] = None,
    according_to: Annotated[str | None, Query(description="text in the attribution chain")] = None,
    article: Annotated[str | None, Query(description="an article id")] = None,
    story: Annotated[str | None, Query(description="a story id")] = None,
    limit: Annotated[int, Query(ge=0, le=MAX_PAGE, description="page size")] = 100,
    offset: Annotated[int, Query(ge=0, le=2**62, description="events to skip")] = 0,
) -> EventQuery:
    try:
        return EventQuery(country=country, actor=actor, types=tuple(type or ()), cameo=cameo, since=since, until=until,
                          place=place, statuses=tuple(status or ()), according_to=according_to, article=article,
                          story=story, limit=limit, offset=offset)
    except ValueError as err:
        raise HTTPException(422, [{"loc": ["query"], "msg": str(err), "type": "bad_filter"}]) from None


def actor_key(actor: dict) -> str:
    """One node per actor: its code when it has one, else its name."""
    return actor["code"] or actor["name"]


def actor_network(rows) -> dict:
    """Actors with event counts, and source→target edges weighted by events."""
    nodes: dict[str, dict] = {}
    edges: Counter = Counter()
    for row in rows:
        for actor in row["source"] + row["target"]:
            node = nodes.setdefault(actor_key(actor), {"id": actor_key(actor), "name": actor["name"],
                                                       "code": actor["code"], "country": actor["country"], "events": 0})
            node["events"] += 1
        for s in row["source"]:
            for t in row["target"]:
                if actor_key(s) != actor_key(t):
                    edges[(actor_key(s), actor_key(t))] += 1
    return {"actors": sorted(nodes.values(), key=lambda n: (-n["events"], n["id"])),
            "edges": [{"source": s, "target": t, "events": n} for (s, t), n in sorted(edges.items())]}


def _watch_routes(app: FastAPI, watches: Watches, writer, after_store) -> None:
    @app.post("/watches", status_code=201, dependencies=[Depends(writer)], responses=_WRITE)
    def add_watch(body: WatchIn) -> dict:
        """Save a watch: a query whose newly stored matching events become alerts."""
        try:
            watch = watches.add(Watch(**{**body.model_dump(), "types": tuple(body.types),
                                         "statuses": tuple(body.statuses)}))
        except WatchError as err:
            raise HTTPException(422, [{"loc": ["body"], "msg": str(err), "type": "bad_watch"}]) from None
        return _watch_json(watch, watches)

    @app.get("/watches")
    def list_watches() -> dict:
        """Every watch, with its alert count."""
        return {"watches": [_watch_json(w, watches) for w in watches.all()]}

    @app.get("/watches/{watch_id}", responses=_MISSING)
    def get_watch(watch_id: WatchId, limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100) -> dict:
        """A watch and its alerts, newest first."""
        watch = _get(watches, watch_id)
        return {**_watch_json(watch, watches), "alerts": watches.alerts(watch_id, limit)}

    @app.delete("/watches/{watch_id}", status_code=204, dependencies=[Depends(writer)],
                responses={**_MISSING, **_WRITE})
    def delete_watch(watch_id: WatchId) -> Response:
        try:
            watches.remove(watch_id)
        except WatchError as err:
            raise HTTPException(404, str(err)) from None
        return Response(status_code=204)

    @app.get("/watches/{watch_id}/feed.atom", response_class=Response,
             responses={200: {"content": {"application/atom+xml": {}}}, **_MISSING})
    def watch_feed(watch_id: WatchId, request: Request) -> Response:
        """The watch's alerts as an Atom feed."""
        watch = _get(watches, watch_id)
        return Response(atom_feed(watch, watches.alerts(watch_id), str(request.base_url)),
                        media_type="application/atom+xml")


def _get(watches: Watches, watch_id: WatchId) -> Watch:
    try:
        return watches.get(watch_id)
    except WatchError as err:
        raise HTTPException(404, str(err)) from None


def _watch_json(watch: Watch, watches: Watches) -> dict:
    return {"id": watch.id, "name": watch.name, "filters": watch.filters(), "describe": watch.describe(),
            "webhook": watch.webhook, "alerts_count": watches.count_alerts(watch.id),
            "feed": f"/watches/{watch.id}/feed.atom"}


_UNION_BRANCHES = {"ArticleIn": dict, "list[ArticleIn]": list}


def _clean(errors: list[dict], body) -> list[dict]:
    """Pydantic reports a failed one-or-a-list body once per branch; keep the branch the body took, unnamed."""
    out = []
    for e in errors:
        loc = list(e["loc"])
        if len(loc) > 1 and loc[0] == "body" and loc[1] in _UNION_BRANCHES:
            if not isinstance(body, _UNION_BRANCHES[loc[1]]):
                continue
            loc = ["body", *loc[2:]]
        out.append({"loc": loc, "msg": e["msg"], "type": e["type"]})
    return out


async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
    """422 with one line per problem: where (body.0.text) and what."""
    detail = _clean(exc.errors(), exc.body) or [{"loc": ["body"], "msg": "the body must be one article (a JSON object) "
                                                 "or a list of them", "type": "bad_body"}]
    message = "; ".join(f"{'.'.join(str(p) for p in d['loc'])}: {d['msg']}" for d in detail)
    return JSONResponse({"detail": detail, "message": message}, status_code=422)
