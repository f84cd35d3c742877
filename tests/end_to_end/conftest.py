"""Fixtures the browser tests share: Debian's Chromium under Playwright (skipped, or failed on CI, without it)."""

from __future__ import annotations

import pytest
from lab import chromium_browser


@pytest.fixture(scope="module")
def browser():
    with chromium_browser() as chromium:
        yield chromium
