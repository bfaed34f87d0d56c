"""Readers for every input form: JSONL, plain text, HTML, a folder of these, or stdin.

Each yields `Record` objects or `InputError` objects, one per article, in input order, so the
pipeline can write exactly one output line per input record, bad ones included.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from eventwire.errors import InputError
from eventwire.ingest.records import Record, check_text, validate_record

__all__ = ["FORMATS", "SUFFIXES", "input_format", "read_input", "read_jsonl_lines"]

FORMAT_OF_SUFFIX = {".jsonl": "jsonl", ".txt": "txt", ".html": "html", ".htm": "html"}
SUFFIXES = tuple(FORMAT_OF_SUFFIX)
FORMATS = ("jsonl", "txt", "html")
STDIN_ID = "stdin"
_BOM = b"\xef\xbb\xbf"
Item = Record | InputError


def read_input(
    source: str,
    max_chars: int,
    published: str | None = None,
    article_id: str | None = None,
    fmt: str | None = None,
) -> Iterator[Item]:
    """Records from a path (file or folder) or ``-`` (standard input).

    :param published: publication date of a ``.txt`` article, and of an ``.html`` page that gives none
        (JSONL records carry their own).
    :param article_id: id of a single ``.txt``/``.html`` article (default: the file's stem, ``stdin``).
    :param fmt: ``jsonl``, ``txt`` or ``html``: how to read standard input (default JSONL) or a file
        whatever its suffix. A folder's files are always read by their suffixes.
    :raises InputError: the path itself is unusable (missing, unreadable, unknown suffix).
    """
    seen: set[str] = set()
    if source == "-":
        yield from _read_stream(sys.stdin.buffer, fmt or "jsonl", "standard input", max_chars, seen,
                                published, article_id or STDIN_ID)
        return
    path = Path(source)
    if path.is_dir():
        if fmt:
            raise InputError("unsupported_input", f"{source}: a folder's files are read by their suffixes; "
                             "a format applies to one file or to standard input")
        yield from _read_folder(path, max_chars, seen, published)
        return
    if not path.exists():
        raise InputError("unreadable_file", f"{source}: no such file or folder")
    yield from _read_file(path, fmt or _format_of(path), max_chars, seen, published, article_id or path.stem)


def input_format(source: str, fmt: str | None = None) -> str | None:
    """How ``source`` will be read: ``jsonl``, ``txt``, ``html``, or None for a folder (or an unknown suffix)."""
    if fmt or source == "-":
        return fmt or "jsonl"
    path = Path(source)
    return None if path.is_dir() else FORMAT_OF_SUFFIX.get(path.suffix.lower())


def _format_of(path: Path) -> str:
    fmt = FORMAT_OF_SUFFIX.get(path.suffix.lower())
    if fmt is None:
        raise InputError("unsupported_input", f"{path}: unknown input type (use {', '.join(SUFFIXES)}, "
                         "or name the format of the file)")
    return fmt


def _read_folder(folder: Path, max_chars: int, seen: set[str], published: str | None) -> Iterator[Item]:
    """Every input file below ``folder``, in path order. A file's id is its path relative to the folder
    without the suffix (``a/story``), so same-named files in different subfolders stay apart; a file
    that cannot be read becomes an error item in its place and the next file is read."""
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    if not files:
        raise InputError("unsupported_input", f"{folder}: the folder holds no {', '.join(SUFFIXES)} files")
    for file in files:
        art_id, fmt = file.relative_to(folder).with_suffix("").as_posix(), _format_of(file)
        try:
            yield from _read_file(file, fmt, max_chars, seen, published, art_id, in_folder=True)
        except InputError as err:  # the file could not be opened: its JSONL records have no known ids
            yield _tag(err, None if fmt == "jsonl" else art_id)


def _read_file(path: Path, fmt: str, max_chars: int, seen: set[str], published: str | None, art_id: str,
               in_folder: bool = False) -> Iterator[Item]:
    try:
        fh = path.open("rb")
    except OSError as err:
        raise InputError("unreadable_file", f"{path}: {err.strerror}") from None
    with fh:
        # Lines of a file in a folder name their file: a line number alone would not say which.
        yield from _read_stream(fh, fmt, str(path), max_chars, seen, published, art_id, label=in_folder)


def _read_stream(fh: BinaryIO, fmt: str, name: str, max_chars: int, seen: set[str], published: str | None,
                 art_id: str, label: bool = False) -> Iterator[Item]:
    """The items of one open input (a file or standard input) read as ``fmt``."""
    if fmt == "jsonl":
        try:
            yield from read_jsonl_lines(fh, max_chars, seen, name if label else None)
        except OSError as err:  # a read failing part-way: the lines read so far stand
            yield InputError("unreadable_file", f"{name}: {err.strerror}")
    elif fmt == "txt":
        yield _guard(lambda: _txt_record(_read_text(fh, name), max_chars, seen, published, art_id), art_id)
    elif fmt == "html":
        yield _guard(lambda: _html_record(_read_text(fh, name), max_chars, seen, published, art_id), art_id)
    else:
        raise InputError("unsupported_input", f"{name}: unknown format {fmt!r} (use {', '.join(FORMATS)})")


def _guard(make, art_id: str) -> Item:
    """Run a single-article reader; an `InputError` becomes the item, tagged with the article id."""
    try:
        return make()
    except InputError as err:
        return _tag(err, art_id)


def _tag(err: InputError, art_id: str | None) -> InputError:
    err.article_id = art_id  # type: ignore[attr-defined]
    return err


def read_jsonl_lines(
    stream: Iterable[bytes], max_chars: int, seen: set[str], name: str | None = None, first_line: int = 1
) -> Iterator[Item]:
    """One item per non-blank line; a bad line becomes an `InputError` carrying its line number.

    :param name: prefixed to the messages of bad lines (the file a line of a folder came from).
    :param first_line: the number of the stream's first line (the Spark job reads lines apart from their file).
    """
    for number, raw in enumerate(stream, start=first_line):
        if number == 1:
            raw = raw.removeprefix(_BOM)  # editors on Windows start UTF-8 files with one
        if not raw.strip():
            continue
        try:
            yield validate_record(_decode_json(raw, number), seen, max_chars, number)
        except InputError as err:
            if name:
                err.message = f"{name}: {err.message}"
            yield _tag(err, _salvage_id(raw))


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


def _read_text(fh: BinaryIO, name: str) -> str:
    try:
        data = fh.read()
    except OSError as err:
        raise InputError("unreadable_file", f"{name}: {err.strerror}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError("invalid_utf8", f"{name}: not valid UTF-8 (byte {err.start})") from None


def _txt_record(raw: str, max_chars: int, seen: set[str], published: str | None, art_id: str) -> Record:
    text = check_text(raw.removeprefix("\ufeff"), max_chars)
    record = validate_record({"id": art_id, "text": text, "published": published}, seen, max_chars)
    # Without its byte-order mark the text is one character shorter than the file: ship the text
    # the offsets refer to.
    record.derived_text = len(text) != len(raw)
    return record


def _html_record(raw: str, max_chars: int, seen: set[str], published: str | None, art_id: str) -> Record:
    from eventwire.ingest.html import extract_html

    fields = extract_html(raw)
    fields["published"] = fields["published"] or published  # the page's own date first
    record = validate_record({"id": art_id, **fields}, seen, max_chars)
    record.derived_text = True
    return record
