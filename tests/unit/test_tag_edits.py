"""Editing one student's tags in lesson 2 (medialit.tag_edits): tag, untag, choose a kind, join a phrase."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medialit import load_story
from medialit.agreement import Tag
from medialit.headlines import word_spans
from medialit.tag_edits import (
    clean_saved_tags,
    join_with_next,
    next_joinable,
    saved_tags,
    set_category,
    toggle_word,
)


def test_toggle_word_adds_a_tag_with_exact_offsets_and_no_kind_yet():
    headline = "Russia threatens US in race"
    assert toggle_word([], headline, 23, 27) == [Tag(23, 27, "race", "tagged")]


def test_toggling_a_tagged_word_again_removes_its_tag():
    headline = "Russia threatens US in race"
    assert toggle_word(toggle_word([], headline, 7, 16), headline, 7, 16) == []


def test_tags_stay_in_headline_order_whatever_order_they_are_made_in():
    headline = "Russia threatens US in race"
    tags = toggle_word(toggle_word([], headline, 23, 27), headline, 7, 16)
    assert [tag.word for tag in tags] == ["threatens", "race"]


def test_toggling_any_word_of_a_phrase_removes_the_whole_phrase():
    headline = "Russia Says It Will Target US-Backed SDF Near Deir Ezzor if Fired Upon"
    tags = toggle_word(toggle_word([], headline, 60, 65), headline, 66, 70)
    joined = join_with_next(tags, headline, 60)
    assert [t.word for t in joined] == ["Fired Upon"]
    assert toggle_word(joined, headline, 66, 70) == []


def test_only_neighbouring_tags_can_be_joined():
    headline = "Russia threatens US in race"
    tags = toggle_word(toggle_word([], headline, 7, 16), headline, 23, 27)
    assert next_joinable(tags, headline, 7) is None
    assert join_with_next(tags, headline, 7) == tags


def test_words_joined_by_a_hyphen_can_be_joined():
    headline = "US-Backed fighters"
    tags = [Tag(0, 2, "US", "tagged"), Tag(3, 9, "Backed", "tagged")]
    assert join_with_next(tags, headline, 0) == [Tag(0, 9, "US-Backed", "tagged")]


def test_joining_keeps_the_kind_the_student_chose():
    headline = "Who Support ISIS"
    tags = toggle_word(toggle_word([], headline, 0, 3), headline, 4, 11)
    tags = set_category(tags, 4, "unattributed_claim")
    assert join_with_next(tags, headline, 0)[0].category == "unattributed_claim"


def test_set_category_changes_only_the_tag_at_that_start():
    tags = [Tag(0, 3, "Who", "tagged"), Tag(4, 11, "Support", "tagged")]
    assert [t.category for t in set_category(tags, 4, "label")] == ["tagged", "label"]


def test_set_category_refuses_a_kind_the_kit_does_not_know():
    with pytest.raises(ValueError):
        set_category([], 0, "evil")


def test_saved_tags_that_no_longer_fit_the_story_are_dropped_and_the_rest_kept():
    story = load_story()
    headline = story.report("004").headline
    saved = {"004": [{"start": 0, "end": 999}, {"start": 7, "end": 16, "word": headline[7:16], "category": "emotive_verb"}]}
    assert clean_saved_tags(saved, story) == {"004": [Tag(7, 16, "Threatens", "emotive_verb")]}


def test_saved_tags_of_any_shape_never_raise():
    story = load_story()
    for saved in (None, "junk", [1, 2], {"004": "x"}, {"nope": []}):
        assert isinstance(clean_saved_tags(saved, story), dict)


def test_saved_tags_round_trip_through_the_work_file_format():
    story = load_story()
    tags = {"000": toggle_word([], story.report("000").headline, 7, 16)}
    assert clean_saved_tags(saved_tags(tags), story) == tags


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=20), max_size=25))
def test_any_sequence_of_clicks_leaves_tags_that_never_overlap_and_match_the_headline(clicks):
    headline = "Russia Threatens To Shoot U.S. Special Forces In Syria Who Support ISIS"
    spans = word_spans(headline)
    tags: list[Tag] = []
    for click in clicks:
        start, end, _ = spans[click % len(spans)]
        tags = toggle_word(tags, headline, start, end) if click % 3 else join_with_next(tags, headline, start)
    for before, after in zip(tags, tags[1:]):
        assert before.end <= after.start
    assert all(headline[tag.start : tag.end] == tag.word for tag in tags)
