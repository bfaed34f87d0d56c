"""Fixtures of the events stage's tests."""

from __future__ import annotations

import pytest

from eventwire.events.component import EventsStage


@pytest.fixture(scope="session")
def stage() -> EventsStage:
    return EventsStage()
