"""A user's own actors: the README's YAML example, validation errors with line and field, CLI and settings."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.actors.kb import load_kb
from eventwire.actors.user import ActorsFileError, load_user_actors
from eventwire.cli import EXIT_OK, EXIT_USAGE, app
from eventwire.nlp import load_pipeline
from eventwire.pipeline import Extractor
from eventwire.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def readme_example() -> str:
    """The YAML example of the README's "Your own actors" section, so the documentation stays true."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.search(r"```yaml\n(actors:.*?)```", text, re.S).group(1)


@pytest.fixture(scope="module")
def user_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("actors") / "actors.yaml"
    path.write_text(readme_example(), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def user_extractor(settings, user_file) -> Extractor:
    user_settings = Settings(model=settings.model, actors=str(user_file))
    return Extractor(user_settings, load_pipeline(settings.model, actors=str(user_file)))


def _actor(doc, kb_id):
    return next(a for a in doc.actors if a.kb_id == kb_id)


@pytest.mark.parametrize("published,code", [("2025-11-02", "NORGOV"), ("2024-11-02", "NORELI"), (None, "NORGOV")])
def test_user_readme_example_dated(user_extractor, published, code):
    doc = user_extractor.extract_text("Ada Quuxberg met officials in Oslo on Monday.", published)
    assert _actor(doc, "user:ADA_QUUXBERG").code == code


def test_user_alias_and_surname_link(user_extractor):
    doc = user_extractor.extract_text("Ada Quuxberg arrived on Monday. Later Quuxberg met the mayor.", "2025-11-02")
    assert [m.text for m in _actor(doc, "user:ADA_QUUXBERG").mentions] == ["Ada Quuxberg", "Quuxberg"]
    doc = user_extractor.extract_text("Quuxberg said the talks went well.", "2025-11-02")
    assert _actor(doc, "user:ADA_QUUXBERG").code == "NORGOV"


def test_user_bare_surname_links_across_articles(settings, tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("actors:\n  - name: Bo Tranholmsen\n    country: DNK\n    sector: LEG\n", encoding="utf-8")
    user = load_user_actors(path, load_kb())
    assert user.surnames == {"tranholmsen": "user:BO_TRANHOLMSEN"}
    kb = load_kb().overlay(user.entities, user.aliases, user.acronyms, user.surnames)
    assert kb.surname_owner("tranholmsen", None) == "user:BO_TRANHOLMSEN"


def test_user_actor_wins_a_built_in_name(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("actors:\n  - name: Tass\n    kind: organization\n    country: RUS\n    sector: GOV\n",
                    encoding="utf-8")
    user = load_user_actors(path, load_kb())
    kb = load_kb().overlay(user.entities, user.aliases, user.acronyms, user.surnames)
    assert kb.aliases["tass"] == "user:TASS" and kb.entities["user:TASS"].sector == "GOV"


def test_user_acronym_alias_matches_only_in_capitals(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("actors:\n  - name: Women for Peace Now\n    aliases: [WPN]\n    kind: organization\n"
                    "    sector: NGO\n", encoding="utf-8")
    user = load_user_actors(path, load_kb())
    assert user.acronyms == {"wpn": "user:WOMEN_FOR_PEACE_NOW"} and "wpn" not in user.aliases


@pytest.mark.parametrize("text,where", [
    ("actors:\n  - name: Ada Quuxberg\n    kind: person\n    country: NOR\n    sector: GOVT\n",
     r"line 5: actor 'Ada Quuxberg': field 'sector': 'GOVT' is not one of GOV, MIL"),
    ("actors:\n  - name: A B\n    country: XXX\n", r"line 3: actor 'A B': field 'country': 'XXX' is not an ISO"),
    ("actors:\n  - name: A B\n    sector: GOV\n    from: 2025-13-01\n",
     r"line 4: actor 'A B': field 'from' must be a date"),
    ("actors:\n  - name: A B\n    sector: GOV\n    from: 2025-01-01\n    to: 2024-01-01\n",
     r"line 5: actor 'A B': field 'to' is before 'from'"),
    ("actors:\n  - name: A B\n    sector: GOV\n    role: minister\n", r"line 4: actor 1: unknown field 'role'"),
    ("actors:\n  - aliases: [X]\n    sector: GOV\n", r"line 2: actor 1: field 'name' is required"),
    ("actors:\n  - name: A B\n    kind: person\n", r"line 2: actor 'A B': give a country, a sector or both"),
    ("actors:\n  - name: A B\n    kind: robot\n    sector: GOV\n", r"line 3: actor 'A B': field 'kind': 'robot'"),
    ("actors:\n  - name: A B\n    sector: GOV\n    family_first: maybe\n", r"line 4: .* must be true or false"),
    ("actors:\n  - name: A B\n    sector: GOV\n  - name: C D\n    aliases: [A B]\n    sector: GOV\n",
     r"line 5: actor 'C D': the name 'A B' is already taken by 'A B'"),
    ("actors:\n  - name: A B\n    sector: GOV\n  - name: A B\n    sector: MIL\n",
     r"line 4: actor 'A B' is listed twice"),
    ("actors:\n  name: A B\n", r"line 2: 'actors' must be a list"),
    ("people:\n  - name: A B\n", r"unknown top-level field 'people'"),
    ("", r"the file is empty"),
    ("actors:\n  - name: [A\n", r"line \d: not valid YAML"),
])
def test_user_errors_name_line_and_field(tmp_path, text, where):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ActorsFileError, match=re.escape(str(path))) as err:
        load_user_actors(path, load_kb())
    assert re.search(where, str(err.value)), str(err.value)


def test_user_missing_file(tmp_path):
    with pytest.raises(ActorsFileError, match="actors file not found"):
        load_user_actors(tmp_path / "none.yaml", load_kb())


def test_user_settings_from_environment(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("EVENTWIRE_ACTORS", "mine.yaml")
    assert Settings.from_env().actors == str(tmp_path / "mine.yaml")  # absolute: workers read the same file
    assert Settings.from_env(actors=tmp_path / "other.yaml").actors == str(tmp_path / "other.yaml")


def test_user_cli_option(nlp, user_file, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "1", "text": "Quuxberg met Putin.", "published": "2025-11-02"}) + "\n",
                      encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(source), "--actors", str(user_file), "-q"])
    assert result.exit_code == EXIT_OK, result.output
    codes = {a["kb_id"]: a["code"] for a in json.loads(result.stdout)["actors"]}
    assert codes["user:ADA_QUUXBERG"] == "NORGOV"


def test_user_cli_bad_file_is_one_error_line(nlp, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - name: A B\n    sector: GOVT\n", encoding="utf-8")
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "1", "text": "Putin met Kim.", "published": None}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(source), "--actors", str(bad), "-q"])
    assert result.exit_code == EXIT_USAGE
    assert result.output.startswith("eventwire: error:") and "line 3" in result.output
    assert "Traceback" not in result.output


def test_user_actors_reach_the_worker_processes(settings, user_file):
    """Workers get the file through Settings (n_process > 1), not through state of the parent's stage."""
    from eventwire.ingest.records import validate_record

    extractor = Extractor(Settings(model=settings.model, actors=str(user_file), n_process=2, batch_size=1))
    records = [validate_record({"id": str(n), "text": "Quuxberg met Putin.", "published": "2025-11-02"}, set(),
                               extractor.settings.max_chars) for n in range(4)]
    docs = list(extractor.extract(records))
    assert all(any(a.kb_id == "user:ADA_QUUXBERG" for a in d.actors) for d in docs)
