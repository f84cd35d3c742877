"""Shared fixtures: a private work folder, an offline environment, and stories made for tests."""

from __future__ import annotations

import pytest
from kit_testing import OFFLINE, make_hostile_story

@pytest.fixture
def work_folder(tmp_path, monkeypatch):
    """Keep every saved answer of a test inside its own temporary folder."""
    folder = tmp_path / "work"
    monkeypatch.setenv("MEDIALIT_WORK", str(folder))
    return folder


@pytest.fixture
def offline_env(tmp_path, monkeypatch):
    """Environment for kernels: no network but loopback, and an empty NLTK_DATA."""
    nltk_data = tmp_path / "empty-nltk-data"
    nltk_data.mkdir()
    log = tmp_path / "network-attempts.log"
    monkeypatch.setenv("NLTK_DATA", str(nltk_data))
    monkeypatch.setenv("PYTHONPATH", str(OFFLINE))
    monkeypatch.setenv("MEDIALIT_NETWORK_LOG", str(log))
    return log


@pytest.fixture
def hostile_story(tmp_path):
    return make_hostile_story(tmp_path / "hostile-story")
