"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.nlp import load_pipeline
from eventwire.pipeline import Extractor
from eventwire.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "seed.jsonl"


def pytest_addoption(parser):
    parser.addoption("--slow", action="store_true", help="also run the slow gold-set tests")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings.from_env()


@pytest.fixture(scope="session")
def nlp(settings):
    return load_pipeline(settings.model)


@pytest.fixture(scope="session")
def extractor(settings, nlp) -> Extractor:
    return Extractor(settings, nlp)


@pytest.fixture(scope="session")
def seed_record() -> dict:
    return json.loads(EXAMPLE.read_text(encoding="utf-8").splitlines()[0])


@pytest.fixture(scope="session")
def seed_doc(extractor, seed_record):
    """The example story through the whole pipeline (computed once)."""
    return extractor.extract_text(seed_record["text"], seed_record["published"], seed_record["id"])
