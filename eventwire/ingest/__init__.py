"""Reading articles in (JSONL, text, HTML, folders, stdin) and finding credit lines and datelines."""

from eventwire.ingest.layout import Layout, find_layout
from eventwire.ingest.readers import SUFFIXES, read_input
from eventwire.ingest.records import Record, parse_published

__all__ = ["SUFFIXES", "Layout", "Record", "find_layout", "parse_published", "read_input"]
