"""Readers for every input form: JSONL, plain text, HTML, a folder of these, or stdin.

Each yields `Record` objects or `InputError` objects, one per article, in input order, so the
pipeline can write exactly one output line per input record, bad ones included.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from eventwire.errors import InputError
from eventwire.ingest.records import Record, check_text, validate_record

__all__ = ["SUFFIXES", "read_input", "read_jsonl_lines"]

SUFFIXES = (".jsonl", ".txt", ".html", ".htm")
Item = Record | InputError


def read_input(
    source: str,
    max_chars: int,
    published: str | None = None,
    article_id: str | None = None,
) -> Iterator[Item]:
    """Records from a path (file or folder) or ``-`` (stdin, JSONL).

    :param published: publication date for a single ``.txt`` article (JSONL carries its own).
    :param article_id: id for a single ``.txt``/``.html`` article (default: the file's stem).
    :raises InputError: the path itself is unusable (missing, unreadable, unknown suffix).
    """
    seen: set[str] = set()
    if source == "-":
        yield from read_jsonl_lines(sys.stdin.buffer, max_chars, seen)
        return
    path = Path(source)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        if not files:
            raise InputError("unsupported_input", f"{source}: the folder holds no {', '.join(SUFFIXES)} files")
        for file in files:
            yield from _read_file(file, max_chars, seen, published, None)
        return
    if not path.exists():
        raise InputError("unreadable_file", f"{source}: no such file or folder")
    yield from _read_file(path, max_chars, seen, published, article_id)


def _read_file(path: Path, max_chars: int, seen: set[str], published: str | None, art_id: str | None):
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        try:
            fh = path.open("rb")
        except OSError as err:
            raise InputError("unreadable_file", f"{path}: {err.strerror}") from None
        with fh:
            yield from read_jsonl_lines(fh, max_chars, seen)
    elif suffix == ".txt":
        yield _guard(lambda: _read_txt(path, max_chars, seen, published, art_id or path.stem), art_id or path.stem)
    elif suffix in (".html", ".htm"):
        yield _guard(lambda: _read_html(path, max_chars, seen, art_id or path.stem), art_id or path.stem)
    else:
        raise InputError("unsupported_input", f"{path}: unknown input type (use {', '.join(SUFFIXES)})")


def _guard(make, art_id: str) -> Item:
    """Run a single-article reader; an `InputError` becomes the item, tagged with the article id."""
    try:
        return make()
    except InputError as err:
        err.article_id = art_id  # type: ignore[attr-defined]
        return err


def read_jsonl_lines(stream: Iterable[bytes], max_chars: int, seen: set[str]) -> Iterator[Item]:
    """One item per non-blank line; a bad line becomes an `InputError` carrying its line number."""
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        try:
            yield validate_record(_decode_json(raw, number), seen, max_chars, number)
        except InputError as err:
            err.article_id = _salvage_id(raw)  # type: ignore[attr-defined]
            yield err


def _decode_json(raw: bytes, line: int) -> object:
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as err:
        raise InputError("invalid_utf8", f"line is not valid UTF-8 (byte {err.start})", line) from None
    except json.JSONDecodeError as err:
        raise InputError("malformed_json", f"line is not valid JSON: {err.msg} at column {err.colno}", line) from None


def _salvage_id(raw: bytes) -> str | None:
    """The id of a rejected line when it can still be read, so its error document names it."""
    try:
        obj = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    value = obj.get("id") if isinstance(obj, dict) else None
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    return str(value)


def _read_bytes_as_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError("unreadable_file", f"{path}: {err.strerror}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError("invalid_utf8", f"{path}: not valid UTF-8 (byte {err.start})") from None


def _read_txt(path: Path, max_chars: int, seen: set[str], published: str | None, art_id: str) -> Record:
    raw = _read_bytes_as_text(path)
    text = check_text(raw.removeprefix("\ufeff"), max_chars)
    record = validate_record({"id": art_id, "text": text, "published": published}, seen, max_chars)
    # Without its byte-order mark the text is one character shorter than the file: ship the text
    # the offsets refer to.
    record.derived_text = len(text) != len(raw)
    return record


def _read_html(path: Path, max_chars: int, seen: set[str], art_id: str) -> Record:
    from eventwire.ingest.html import extract_html

    fields = extract_html(_read_bytes_as_text(path))
    record = validate_record({"id": art_id, **fields}, seen, max_chars)
    record.derived_text = True
    return record
