"""The ``eventwire`` command line. Each module of this package adds the commands of one area."""

from __future__ import annotations

import eventwire.cli.gazetteer  # noqa: F401  (registers gazetteer import)
import eventwire.cli.scale  # noqa: F401  (registers spark)
from eventwire.cli import documents  # noqa: F401  (registers extract, show, schema)
from eventwire.cli import serve as _serve  # noqa: F401  (registers serve)
from eventwire.cli import store as _store  # noqa: F401  (registers ingest, stats, query, export, stories, db)
from eventwire.cli import watch as _watch  # noqa: F401  (registers watch add/list/remove/scan/alerts)
from eventwire.cli._app import EXIT_CRASH, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, app

__all__ = ["EXIT_CRASH", "EXIT_OK", "EXIT_PARTIAL", "EXIT_USAGE", "app", "main"]


def main() -> None:
    """Console-script entry point."""
    app()
