"""The readers: every input form becomes records or error items in input order, and no file ends a run."""

from __future__ import annotations

import io
import json
import pathlib

import pytest

from eventwire.errors import InputError
from eventwire.ingest import input_format, read_input
from eventwire.ingest.readers import _read_stream, read_jsonl_lines

LIMIT = 10_000


def _jsonl(*ids: str) -> str:
    return "".join(json.dumps({"id": i, "text": f"Story {i}.", "published": "2023-09-13"}) + "\n" for i in ids)


def _ids(items) -> list:
    return [item.id if not isinstance(item, InputError) else (item.code, getattr(item, "article_id", None))
            for item in items]


def test_readers_folder_ids_are_relative_paths(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "story.txt").write_text(f"Story of {sub}.", encoding="utf-8")
    (tmp_path / "top.txt").write_text("Top story.", encoding="utf-8")
    assert _ids(read_input(str(tmp_path), LIMIT)) == ["a/story", "b/story", "top"]


def test_readers_same_path_twice_is_still_a_duplicate(tmp_path):
    (tmp_path / "story.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "story.html").write_text("<html><body><p>Two.</p></body></html>", encoding="utf-8")
    items = list(read_input(str(tmp_path), LIMIT))
    assert isinstance(items[1], InputError) and items[1].code == "duplicate_id"


def test_readers_unreadable_later_file_becomes_an_item(tmp_path, monkeypatch):
    for n in (1, 2, 3):
        (tmp_path / f"{n}.jsonl").write_text(_jsonl(f"r{n}"), encoding="utf-8")
    (tmp_path / "4.txt").write_text("Last story.", encoding="utf-8")
    real_open = pathlib.Path.open

    def open_(self, *args, **kwargs):
        if self.name in ("2.jsonl", "4.txt"):
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", open_)
    items = list(read_input(str(tmp_path), LIMIT))
    assert _ids(items) == ["r1", ("unreadable_file", None), "r3", ("unreadable_file", "4")]
    assert "2.jsonl: Permission denied" in items[1].message


def test_readers_bad_lines_in_a_folder_name_their_file(tmp_path):
    (tmp_path / "1.jsonl").write_text(_jsonl("r1"), encoding="utf-8")
    (tmp_path / "2.jsonl").write_text(_jsonl("r2"), encoding="utf-8")
    (tmp_path / "3.jsonl").write_bytes(b'{"id": "r3", "text": "caf\xe9"}\n' + _jsonl("r4").encode())
    items = list(read_input(str(tmp_path), LIMIT))
    assert _ids(items) == ["r1", "r2", ("invalid_utf8", None), "r4"]
    assert items[2].line == 1 and items[2].message.startswith(str(tmp_path / "3.jsonl") + ": ")


def test_readers_read_failing_part_way_keeps_earlier_lines():
    class Failing(io.BytesIO):
        def __iter__(self):
            yield _jsonl("r1").encode()
            raise OSError(5, "Input/output error")

    items = list(_read_stream(Failing(), "jsonl", "in.jsonl", LIMIT, set(), None, "x"))
    assert _ids(items) == ["r1", ("unreadable_file", None)]
    assert items[1].message == "in.jsonl: Input/output error"


def test_readers_jsonl_byte_order_mark_is_not_an_error():
    items = list(read_jsonl_lines(io.BytesIO(b"\xef\xbb\xbf" + _jsonl("r1", "r2").encode()), LIMIT, set()))
    assert _ids(items) == ["r1", "r2"]


def test_readers_stdin_as_one_text_article(monkeypatch):
    text = "Kim met Putin.\n{not json}\nThey talked."
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    (record,) = read_input("-", LIMIT, "2023-09-13", None, "txt")
    assert (record.id, record.text, record.published) == ("stdin", text, "2023-09-13")


def test_readers_format_overrides_the_suffix(tmp_path):
    src = tmp_path / "story.md"
    src.write_text("Kim met Putin.", encoding="utf-8")
    with pytest.raises(InputError, match="unknown input type"):
        list(read_input(str(src), LIMIT))
    (record,) = read_input(str(src), LIMIT, fmt="txt")
    assert record.id == "story"


def test_readers_format_does_not_apply_to_a_folder(tmp_path):
    (tmp_path / "a.txt").write_text("Kim met Putin.", encoding="utf-8")
    with pytest.raises(InputError, match="suffixes"):
        list(read_input(str(tmp_path), LIMIT, fmt="txt"))


def test_readers_published_dates_a_page_without_one(tmp_path):
    body = "<p>" + "Kim Jong-un arrived in Russia for talks with Vladimir Putin. " * 5 + "</p>"
    src = tmp_path / "page.html"
    src.write_text(f"<html><body><article>{body}</article></body></html>", encoding="utf-8")
    (record,) = read_input(str(src), LIMIT, published="2023-09-13")
    assert record.published == "2023-09-13"


@pytest.mark.parametrize(("source", "fmt", "expected"), [
    ("-", None, "jsonl"), ("-", "txt", "txt"), ("a.jsonl", None, "jsonl"), ("a.HTM", None, "html"),
    ("a.md", None, None), ("a.md", "txt", "txt"),
])
def test_readers_input_format(source, fmt, expected):
    assert input_format(source, fmt) == expected
