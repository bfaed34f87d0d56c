"""The ``eventwire`` command group, its exit codes and the helpers every command shares.

Errors raised in the library are translated into one-line messages at this edge and nowhere else.
"""

from __future__ import annotations

from typing import Annotated

import typer

from eventwire import __version__

EXIT_OK, EXIT_CRASH, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2, 3

EXIT_HELP = """
Exit status: 0 every article was processed; 3 the output was written but some records were
bad and got error documents (each carries error.code, error.message and error.line);
2 the command could not start (no such file, unreadable single article, unknown model,
bad option); 1 an unexpected internal failure.
"""

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Turn news articles into sourced, geocoded, time-resolved PLOVER/CAMEO event data.",
)


def fail(message: str) -> typer.Exit:
    """Print one plain error line; the caller raises the returned exit (status 2)."""
    typer.echo(f"eventwire: error: {message}", err=True)
    return typer.Exit(EXIT_USAGE)


def console(stderr: bool = True):
    """A rich console; outside a terminal (a log, a pipe) it is 140 columns wide, not 80."""
    from rich.console import Console

    out = Console(stderr=stderr)
    if not out.is_terminal:
        out.width = 140
    return out


def _version(value: bool) -> None:
    if value:
        typer.echo(f"eventwire {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Turn news articles into sourced, geocoded, time-resolved PLOVER/CAMEO event data."""
