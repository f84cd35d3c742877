"""Fixtures of the quote tests: the bundled story and its remarks, loaded once per module."""

from __future__ import annotations

import pytest

import medialit
from medialit.quotes import align_quotes
from medialit.story import load_story


@pytest.fixture(scope="module")
def story() -> medialit.Story:
    return load_story()


@pytest.fixture(scope="module")
def groups(story) -> list:
    return align_quotes(story)

