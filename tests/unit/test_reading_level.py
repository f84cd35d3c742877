"""Reading level: Flesch scores offline, their plain-words bands, and a page's body with and without comments."""

from __future__ import annotations

import pytest

from lesson4_pages import STORY, page_with
from medialit.reading_level import ease_words, readability, report_readability


@pytest.mark.parametrize(
    "score, words",
    [(95, "very easy"), (90, "very easy"), (65, "plain English"), (54.2, "fairly difficult"), (10, "very difficult"), (-40, "very difficult")],
)
def test_ease_words_use_fleschs_bands(score, words):
    assert ease_words(score) == words


def test_a_page_without_comments_has_only_a_body_score():
    assert list(report_readability(STORY.report("000"))) == ["body"]


def test_comments_are_scored_together_with_the_body():
    page = page_with("The cat sat. It was happy.", "Notwithstanding considerable institutional disagreement, commentators persevered.")
    scores = report_readability(page)
    assert scores["body"] == readability("The cat sat. It was happy.")
    assert scores["with comments"].words > scores["body"].words
    assert scores["with comments"].reading_ease < scores["body"].reading_ease


def test_an_empty_text_scores_zero_rather_than_failing():
    assert readability("   ") == readability("")
    assert readability("").words == 0
