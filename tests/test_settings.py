"""Settings: defaults, environment, explicit options; bad values are clear errors."""

from __future__ import annotations

import pytest

from eventwire.settings import DEFAULT_MODEL, Settings


def test_settings_environment_is_not_hidden_by_unset_options(monkeypatch):
    monkeypatch.setenv("EVENTWIRE_SPACY_MODEL", "en_core_web_lg")
    monkeypatch.setenv("EVENTWIRE_BATCH_SIZE", "8")
    settings = Settings.from_env(model=None, batch_size=None)
    assert (settings.model, settings.batch_size) == ("en_core_web_lg", 8)


def test_settings_options_win_over_environment(monkeypatch):
    monkeypatch.setenv("EVENTWIRE_BATCH_SIZE", "8")
    assert Settings.from_env(batch_size=4).batch_size == 4


def test_settings_defaults(monkeypatch):
    for name in ("EVENTWIRE_SPACY_MODEL", "EVENTWIRE_BATCH_SIZE", "EVENTWIRE_N_PROCESS", "EVENTWIRE_MAX_CHARS"):
        monkeypatch.delenv(name, raising=False)
    assert Settings.from_env() == Settings(model=DEFAULT_MODEL)


@pytest.mark.parametrize(("key", "value"), [("EVENTWIRE_BATCH_SIZE", "0"), ("EVENTWIRE_N_PROCESS", "two")])
def test_settings_bad_values(monkeypatch, key, value):
    monkeypatch.setenv(key, value)
    with pytest.raises(ValueError, match="setting"):
        Settings.from_env()
