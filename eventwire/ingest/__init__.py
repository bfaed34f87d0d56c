"""Reading articles in (JSONL, text, HTML, folders, stdin) and finding credit lines and datelines."""

from eventwire.ingest.layout import Layout, find_layout
from eventwire.ingest.readers import FORMATS, SUFFIXES, input_format, read_input
from eventwire.ingest.records import Record, parse_published

__all__ = [
    "FORMATS", "SUFFIXES", "Layout", "Record", "find_layout", "input_format", "parse_published", "read_input",
]
