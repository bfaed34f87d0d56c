"""`export`: the store's contents in one of the field's formats, the query filters applied."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from eventwire.export.gdelt import write_gdelt
from eventwire.export.plover import write_plover
from eventwire.export.tabular import write_csv, write_parquet

__all__ = ["FORMATS", "Format", "export"]


@dataclass(frozen=True)
class Format:
    """An export format: what it reads from the store and whether it writes text or a binary file."""

    reads: str  # events | stories | documents
    write: Callable
    binary: bool = False
    help: str = ""


def _jsonl(lines, out) -> int:
    n = 0
    for line in lines:
        out.write((line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n")
        n += 1
    return n


FORMATS: dict[str, Format] = {
    "jsonl": Format("documents", _jsonl, help="the contract's documents, one article a line"),
    "csv": Format("events", write_csv, help="one row an event (columns in the README)"),
    "parquet": Format("events", write_parquet, binary=True, help="one row an event, the CSV's columns, typed"),
    "plover": Format("events", write_plover, help="POLECAT/PLOVER JSON lines, one event a line"),
    "gdelt": Format("stories", write_gdelt, help="GDELT 2.0 Events TSV, 61 columns, one row a story event"),
    "stories": Format("stories", _jsonl, help="story events as JSON lines"),
}


def export(store, name: str, query, path: Path) -> int:
    """Write the store's ``query`` results in format ``name`` to ``path``; return the records written."""
    fmt = FORMATS[name]
    source = {"events": store.events, "stories": store.stories, "documents": store.documents}[fmt.reads](query)
    if fmt.binary:
        return fmt.write(source, path)
    with path.open("w", encoding="utf-8", newline="") as out:
        return fmt.write(source, out)
