"""``eventwire watch``: saved queries whose newly stored matching events become alerts."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from eventwire.cli._app import app, fail
from eventwire.cli.store import According, Actor, Cameo, Country, Db, Place, Statuses, Types, _open

watch_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                        help="Saved queries: each newly stored event that matches one becomes an alert (listed "
                             "with 'watch alerts', on /view/watches, in /watches/ID/feed.atom, POSTed to a webhook).")
app.add_typer(watch_app, name="watch")


def _watches(db: str | None):
    from eventwire.watch import Watches

    return Watches(_open(db))


@watch_app.command("add")
def add(
    name: Annotated[str, typer.Argument(help="What the watch is for ('Kim supplies munitions').")],
    db: Db = None, type_: Types = None, status: Statuses = None, country: Country = None, actor: Actor = None,
    source: Annotated[str | None, typer.Option(help="A source actor has this code or country (PRK, PRKGOV).")] = None,
    target: Annotated[str | None, typer.Option(help="A target actor has this code or country (RUS).")] = None,
    cameo: Cameo = None, place: Place = None, according_to: According = None,
    webhook: Annotated[str | None, typer.Option(help="http(s) URL each batch of new alerts is POSTed to as JSON.")]
    = None,
) -> None:
    """Save a watch; it alerts on events stored from now on. Prints the watch as JSON.

    Example: eventwire watch add "Kim arms" --type AGREE --type AID --source PRK --target RUS
    """
    from eventwire.watch import Watch, WatchError

    watches = _watches(db)
    try:
        watch = watches.add(Watch(name=name, types=tuple(type_ or ()), statuses=tuple(status or ()), country=country,
                                  actor=actor, source=source, target=target, cameo=cameo, place=place,
                                  according_to=according_to, webhook=webhook))
    except WatchError as err:
        raise fail(str(err)) from None
    finally:
        watches.store.close()
    typer.echo(json.dumps({"id": watch.id, "name": watch.name, "filters": watch.filters(), "webhook": watch.webhook}))


@watch_app.command("list")
def list_(db: Db = None) -> None:
    """List the watches: id, name, filters, alert count."""
    watches = _watches(db)
    try:
        for w in watches.all():
            typer.echo(f"{w.id}\t{w.name}\t{w.describe()}\t{watches.count_alerts(w.id)} alerts")
    finally:
        watches.store.close()


@watch_app.command("remove")
def remove(watch_id: Annotated[int, typer.Argument(help="The watch's id (see 'watch list').")], db: Db = None) -> None:
    """Delete a watch and its alerts."""
    from eventwire.watch import WatchError

    watches = _watches(db)
    try:
        watches.remove(watch_id)
    except WatchError as err:
        raise fail(str(err)) from None
    finally:
        watches.store.close()


@watch_app.command("scan")
def scan(db: Db = None) -> None:
    """Turn events stored since the last scan (by 'eventwire ingest', say) into alerts and POST them to the
    webhooks; 'eventwire serve' does this itself after every POST /articles. Prints the new alerts' counts."""
    from eventwire.watch import post_alerts

    watches = _watches(db)
    try:
        for watch_id, new in watches.scan().items():
            watch = watches.get(watch_id)
            typer.echo(f"watch {watch_id} ({watch.name}): {len(new)} new alerts")
            if watch.webhook:
                post_alerts(watch, new)
    finally:
        watches.store.close()


@watch_app.command("alerts")
def alerts(watch_id: Annotated[int, typer.Argument(help="The watch's id.")], db: Db = None,
           limit: Annotated[int, typer.Option(min=1, help="At most this many, newest first.")] = 100) -> None:
    """Print a watch's alerts as JSON lines, newest first: the event with its evidence and attribution chain."""
    from eventwire.watch import WatchError

    watches = _watches(db)
    try:
        watches.get(watch_id)
        for alert in watches.alerts(watch_id, limit):
            typer.echo(json.dumps(alert, ensure_ascii=False))
    except WatchError as err:
        raise fail(str(err)) from None
    finally:
        watches.store.close()
