"""The shipped JSON Schema is generated from the models, and real output validates against it."""

from __future__ import annotations

import json

import jsonschema
import pytest

from eventwire.errors import InputError
from eventwire.pipeline import error_document
from eventwire.schema import SCHEMA_PATH, json_schema


@pytest.fixture(scope="module")
def validator():
    return jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def test_schema_file_is_up_to_date():
    assert SCHEMA_PATH.read_text(encoding="utf-8") == json_schema(), "run `make schema`"


def undescribed(schema: dict) -> list[str]:
    """``Model.field`` for every property of the schema and its definitions that has no description."""
    models = [("Document", schema), *schema.get("$defs", {}).items()]
    return [f"{name}.{field}" for name, model in models for field, prop in model.get("properties", {}).items()
            if not str(prop.get("description", "")).strip()]


def test_schema_every_field_is_described():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert undescribed(schema) == [], "give these fields a Field(description=...), then `make schema`"


def test_schema_undescribed_fields_are_noticed():
    schema = {"properties": {"article": {"description": "the article"}, "events": {}},
              "$defs": {"Event": {"properties": {"mode": {"description": " "}, "type": {"description": "PLOVER"}}}}}
    assert undescribed(schema) == ["Document.events", "Event.mode"]


def test_schema_seed_document_validates(validator, seed_doc):
    validator.validate(json.loads(seed_doc.to_json()))


def test_schema_error_document_validates(validator):
    doc = json.loads(error_document(InputError("malformed_json", "bad", line=3)).to_json())
    validator.validate(doc)
    assert set(doc) == {"article", "error"}


def test_schema_offsets_index_the_text(seed_doc, seed_record):
    text = seed_record["text"]
    spans = [m for a in seed_doc.actors for m in a.mentions] + [m for p in seed_doc.places for m in p.mentions]
    spans += [t for t in seed_doc.times] + [e.evidence for e in seed_doc.events]
    for span in spans:
        assert text[span.start : span.end] == span.text
    for q in seed_doc.attributions:
        assert 0 <= q.cue_start < q.cue_end <= len(text)
