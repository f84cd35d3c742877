"""The synthetic story of `make bench` (bench/quotes_synthetic.py): a fixture outside the package."""

from __future__ import annotations

import sys

import medialit
from kit_testing import ROOT
from medialit.quotes import align_quotes, extract_quotes

sys.path.insert(0, str(ROOT / "bench"))
from quotes_synthetic import synthetic_story  # noqa: E402


def test_synthetic_story_is_a_benchmark_fixture_not_analysis_api():
    assert not hasattr(medialit.quotes, "synthetic_story")
    assert "make bench" in synthetic_story.__doc__

def test_synthetic_story_has_the_requested_number_of_quotes():
    story = synthetic_story(reports=20, quotes_per_report=10, seed=3)
    assert len(story.reports) == 20
    assert all(len(extract_quotes(r.raw_text)) == 10 for r in story.reports)


def test_synthetic_story_groups_never_mix_speakers():
    for group in align_quotes(synthetic_story(reports=40, quotes_per_report=10, seed=1)):
        assert len({q.speaker for _, q in group.members}) == 1
