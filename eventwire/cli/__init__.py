"""The ``eventwire`` command line. Each module of this package adds the commands of one area."""

from __future__ import annotations

import eventwire.cli.scale  # noqa: F401  (registers spark)
from eventwire.cli import documents  # noqa: F401  (registers extract, show, schema)
from eventwire.cli._app import EXIT_CRASH, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, app

__all__ = ["EXIT_CRASH", "EXIT_OK", "EXIT_PARTIAL", "EXIT_USAGE", "app", "main"]


def main() -> None:
    """Console-script entry point."""
    app()
