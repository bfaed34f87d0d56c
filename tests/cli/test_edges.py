"""Command-line edges a new user meets: folders of same-named files, standard input as text, show on any output."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from eventwire.cli import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, app

runner = CliRunner()
STORY = "Kim Jong-un arrived in Russia on Tuesday.\nHe met Vladimir Putin at a cosmodrome."


def _docs(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def _one_error_line(result, *words: str) -> None:
    assert result.exit_code == EXIT_USAGE, result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1, result.output
    assert result.output.startswith("eventwire: error:")
    for word in words:
        assert word in result.output


def test_edges_folder_of_same_named_stories(nlp, tmp_path):
    for sub, text in (("a", "Putin met Kim."), ("b", "Kim met Putin.")):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "story.txt").write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path), "-q"])
    assert result.exit_code == EXIT_OK, result.output
    docs = _docs(result.stdout)
    assert [d["article"]["id"] for d in docs] == ["a/story", "b/story"]
    assert not any("error" in d for d in docs)


def test_edges_reader_error_in_a_later_file_stays_in_place(nlp, tmp_path):
    good = json.dumps({"id": "{}", "text": "Putin met Kim in Moscow.", "published": "2023-09-13"})
    (tmp_path / "1.jsonl").write_text(good.replace("{}", "r1") + "\n", encoding="utf-8")
    (tmp_path / "2.jsonl").write_text(good.replace("{}", "r2") + "\n", encoding="utf-8")
    (tmp_path / "3.jsonl").write_bytes(b'{"id": "r3", "text": "caf\xe9 \xff"}\n' + good.replace("{}", "r4").encode())
    (tmp_path / "4.txt").write_bytes(b"\xff\xfe not text")
    (tmp_path / "5.txt").write_text("Kim met Putin.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path), "-q"])
    assert result.exit_code == EXIT_PARTIAL, result.output
    assert "Traceback" not in result.output
    docs = _docs(result.stdout)
    assert [(d["article"]["id"], d.get("error", {}).get("code")) for d in docs] == [
        ("r1", None), ("r2", None), (None, "invalid_utf8"), ("r4", None), ("4", "invalid_utf8"), ("5", None),
    ]
    assert "3.jsonl: line is not valid UTF-8" in docs[2]["error"]["message"] and docs[2]["error"]["line"] == 1


def test_edges_stdin_as_one_text_article(nlp):
    args = ["extract", "-", "--format", "txt", "--published", "2023-09-13", "--id", "x1", "--pretty"]
    result = runner.invoke(app, args, input=STORY)
    assert result.exit_code == EXIT_OK, result.output
    doc = json.loads(result.stdout)
    assert (doc["article"]["id"], doc["article"]["published"]) == ("x1", "2023-09-13")
    assert {"2023-09-12"} <= {t["value"] for t in doc["times"]}  # "on Tuesday" against the given date
    assert all(STORY[m["start"]:m["end"]] == m["text"] for a in doc["actors"] for m in a["mentions"])
    result = runner.invoke(app, ["extract", "-", "--format", "txt"], input=STORY)
    assert result.exit_code == EXIT_OK and json.loads(result.stdout)["article"]["id"] == "stdin"


@pytest.mark.parametrize("text", [STORY, "2023 was a year of summits.\nKim met Putin."])
def test_edges_stdin_text_without_format_says_what_to_pass(text):
    result = runner.invoke(app, ["extract", "-"], input=text)
    _one_error_line(result, "--format txt", "line 1")


def test_edges_stdin_text_that_is_empty(nlp):
    _one_error_line(runner.invoke(app, ["extract", "-", "--format", "txt"], input="  \n"), "standard input", "empty")


@pytest.mark.parametrize(("args", "words"), [
    (["--id", "x"], ["--id"]),
    (["--published", "2023-09-13"], ["--published", "JSONL"]),
])
def test_edges_options_jsonl_would_ignore_are_refused(tmp_path, args, words):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "g1", "text": "Kim met Putin."}) + "\n", encoding="utf-8")
    _one_error_line(runner.invoke(app, ["extract", str(src), *args]), *words)


def test_edges_format_is_not_for_folders(tmp_path):
    (tmp_path / "a.txt").write_text("Kim met Putin.", encoding="utf-8")
    _one_error_line(runner.invoke(app, ["extract", str(tmp_path), "--format", "txt"]), "suffixes")


def test_edges_show_reads_pretty_output(nlp, tmp_path):
    src = tmp_path / "story.txt"
    src.write_text(STORY, encoding="utf-8")
    pretty = tmp_path / "story.json"
    result = runner.invoke(app, ["extract", str(src), "--id", "s1", "--published", "2023-09-13", "--pretty",
                                 "-o", str(pretty)])
    assert result.exit_code == EXIT_OK and len(pretty.read_text(encoding="utf-8").splitlines()) > 1
    result = runner.invoke(app, ["show", str(pretty)])
    assert result.exit_code == EXIT_OK, result.output
    assert "s1 (2023-09-13)" in result.output and "events" in result.output


def test_edges_show_missing_file():
    _one_error_line(runner.invoke(app, ["show", "missing.jsonl"]), "missing.jsonl: no such file")


@pytest.mark.parametrize(("content", "words"), [
    (b"", ["no documents"]),
    (b'{"article": {"id": "a"}}\n{"article": ', ["invalid JSON at line 2"]),
    (b'\n\n{"article": {"id": "a"}, "extra": 1}\n', ["line 3", "schema errors"]),
    (b"\xff\xfe", ["UTF-8"]),
])
def test_edges_show_bad_files_get_one_line(tmp_path, content, words):
    path = tmp_path / "out.jsonl"
    path.write_bytes(content)
    _one_error_line(runner.invoke(app, ["show", str(path)]), *words)


def test_edges_show_a_folder(tmp_path):
    _one_error_line(runner.invoke(app, ["show", str(tmp_path)]), "folder")
