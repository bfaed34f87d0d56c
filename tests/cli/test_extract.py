"""The extract command end to end: input forms, bad input, exit status, one line per record."""

from __future__ import annotations

import json

import jsonschema
import pytest
from typer.testing import CliRunner

from eventwire.cli import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, app
from eventwire.schema import SCHEMA_PATH

runner = CliRunner()
GOOD = {"id": "g1", "text": "Kim Jong-un arrived in Russia on Tuesday.", "published": "2023-09-13"}


def _lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def bad_batch(tmp_path):
    rows = [
        json.dumps(GOOD),
        "{not json",
        json.dumps({"id": "g1", "text": "Duplicate id."}),
        json.dumps([1, 2]),
        json.dumps({"id": "t", "text": 42}),
        json.dumps({"id": "e", "text": "   "}),
        json.dumps({"text": "No id here."}),
        json.dumps({"id": "p", "text": "Fine text.", "published": "13/09/2023"}),
        json.dumps({"id": "g2", "text": "Putin met Kim.", "published": None}),
    ]
    path = tmp_path / "in.jsonl"
    path.write_bytes(("\n".join(rows) + "\n").encode() + b'{"id": "u", "text": "\xff\xfe"}\n')
    return path


def test_extract_bad_lines_keep_their_place(nlp, bad_batch, tmp_path):
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(bad_batch), "-o", str(out), "-q"])
    assert result.exit_code == EXIT_PARTIAL, result.output
    docs = _lines(out)
    codes = [d.get("error", {}).get("code") for d in docs]
    assert codes == [
        None, "malformed_json", "duplicate_id", "not_an_object", "not_text", "empty_text",
        "missing_id", "bad_published", None, "invalid_utf8",
    ]
    assert [d["error"]["line"] for d in docs if "error" in d] == [2, 3, 4, 5, 6, 7, 8, 10]
    assert docs[0]["article"]["id"] == "g1" and docs[8]["article"]["id"] == "g2"
    assert all(set(d) == {"article", "error"} for d in docs if "error" in d)
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    for doc in docs:
        validator.validate(doc)


def test_extract_good_batch_exits_zero(nlp, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(src), "-o", str(out)])
    assert result.exit_code == EXIT_OK, result.output
    (doc,) = _lines(out)
    assert doc["article"]["id"] == "g1"
    assert set(doc) >= {"actors", "places", "times", "attributions", "events"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\xff\xfe\x00\x01garbage\x80", "UTF-8"),
        (b"\x00\x01\x02\x03\x04\x05\x06\x07", "binary"),
    ],
)
def test_extract_bad_single_file_is_one_line_error(nlp, tmp_path, content, message):
    src = tmp_path / "story.txt"
    src.write_bytes(content)
    result = runner.invoke(app, ["extract", str(src)])
    assert result.exit_code == EXIT_USAGE
    assert "Traceback" not in result.output
    assert message in result.output and len(result.output.strip().splitlines()) == 1


def test_extract_too_long_article(nlp, tmp_path):
    src = tmp_path / "big.txt"
    src.write_text("Kim met Putin in Moscow. " * 210_000, encoding="utf-8")  # about 5 MB
    result = runner.invoke(app, ["extract", str(src)])
    assert result.exit_code == EXIT_USAGE
    assert "EVENTWIRE_MAX_CHARS" in result.output


def test_extract_txt_with_published_and_id(nlp, tmp_path):
    src = tmp_path / "story.txt"
    src.write_text(GOOD["text"], encoding="utf-8")
    result = runner.invoke(app, ["extract", str(src), "--published", "2023-09-13", "--id", "x1", "--pretty"])
    assert result.exit_code == EXIT_OK, result.output
    doc = json.loads(result.stdout)
    assert doc["article"] == doc["article"] | {"id": "x1", "published": "2023-09-13"}


def test_extract_bad_published_option(nlp, tmp_path):
    src = tmp_path / "story.txt"
    src.write_text(GOOD["text"], encoding="utf-8")
    result = runner.invoke(app, ["extract", str(src), "--published", "last week"])
    assert result.exit_code == EXIT_USAGE
    assert "published" in result.output


def test_extract_html_page(nlp, tmp_path):
    body = " ".join(["Kim Jong-un arrived in Russia on Tuesday for talks with Vladimir Putin."] * 4)
    page = (
        "<html><head><title>Kim in Russia</title>"
        '<meta property="article:published_time" content="2023-09-13"></head>'
        f"<body><nav>Home | World</nav><article><h1>Kim in Russia</h1><p>{body}</p>"
        f"<p>{body}</p></article><footer>Contact us</footer></body></html>"
    )
    src = tmp_path / "page.html"
    src.write_text(page, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(src)])
    assert result.exit_code == EXIT_OK, result.output
    article = json.loads(result.stdout)["article"]
    assert article["published"] == "2023-09-13"
    assert "Kim Jong-un arrived" in article["text"] and "Contact us" not in article["text"]


def test_extract_folder_and_stdin(nlp, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Putin met Kim.", encoding="utf-8")
    (folder / "b.jsonl").write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(folder), "-q"])
    assert result.exit_code == EXIT_OK, result.output
    assert [json.loads(x)["article"]["id"] for x in result.stdout.splitlines()] == ["a", "g1"]
    result = runner.invoke(app, ["extract", "-", "-q"], input=json.dumps(GOOD) + "\n")
    assert result.exit_code == EXIT_OK
    assert json.loads(result.stdout)["article"]["id"] == "g1"


@pytest.mark.parametrize("args", [["extract", "/no/such/file.jsonl"], ["extract", "x.jsonl", "--batch-size", "0"]])
def test_extract_usage_errors(args):
    result = runner.invoke(app, args)
    assert result.exit_code == EXIT_USAGE
    assert result.output.startswith("eventwire: error:")


def test_extract_unknown_model(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(src), "--model", "no_such_model_xyz"])
    assert result.exit_code == EXIT_USAGE
    assert "no_such_model_xyz" in result.output


def test_show_prints_summary(nlp, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    runner.invoke(app, ["extract", str(src), "-o", str(out)])
    result = runner.invoke(app, ["show", str(out)])
    assert result.exit_code == EXIT_OK
    assert "g1" in result.output and "according to" in result.output


def test_show_rejects_foreign_file(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text('{"a": 1}\n', encoding="utf-8")
    result = runner.invoke(app, ["show", str(path)])
    assert result.exit_code == EXIT_USAGE and "not eventwire output" in result.output


def test_cli_every_command_has_help():
    for command in ("extract", "show", "schema"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0 and "Example:" in result.output


def test_extract_output_folder_must_exist(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(src), "-o", str(tmp_path / "nope" / "out.jsonl")])
    assert result.exit_code == EXIT_USAGE and "does not exist" in result.output


def test_extract_pretty_needs_a_single_article(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(GOOD) + "\n" + json.dumps(GOOD | {"id": "g2"}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(src), "--pretty"])
    assert result.exit_code == EXIT_USAGE and "single article" in result.output


def test_extract_env_model_is_used(tmp_path, monkeypatch):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    monkeypatch.setenv("EVENTWIRE_SPACY_MODEL", "no_such_model_from_env")
    result = runner.invoke(app, ["extract", str(src)])
    assert result.exit_code == EXIT_USAGE and "no_such_model_from_env" in result.output


def test_extract_error_document_keeps_an_integer_id(nlp, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": 124, "text": "Fine.", "published": "soon"}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(src)])
    assert result.exit_code == EXIT_PARTIAL
    assert json.loads(result.stdout)["article"]["id"] == "124"


def test_extract_txt_byte_order_mark_ships_the_text(nlp, tmp_path):
    src = tmp_path / "bom.txt"
    src.write_bytes("\ufeffKim Jong-un arrived in Russia.".encode())
    result = runner.invoke(app, ["extract", str(src)])
    assert result.exit_code == EXIT_OK
    doc = json.loads(result.stdout)
    text = doc["article"]["text"]
    assert text == "Kim Jong-un arrived in Russia."
    assert all(text[m["start"] : m["end"]] == m["text"] for a in doc["actors"] for m in a["mentions"])
