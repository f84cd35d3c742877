"""Lesson 1's analysis: page parts and comment-only words (medialit.page_makeup), marking labels (medialit.answer_key)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medialit import load_story
from medialit.answer_key import GROUPS, KeyEntry, Label, answer_key_text, load_answer_key, mark_labels
from medialit.page_makeup import group_text, page_parts, words_not_in
from medialit.segmentation import Block, segment
from medialit.story import bundled_story_folder

PAGE = "Big news today\n\nThe mayor said the bridge will open next spring.\n\nPrivacy Policy | Terms"


@pytest.fixture(scope="module")
def story():
    return load_story()


def test_group_text_joins_the_paragraphs_of_one_group():
    blocks = [Block("One.", "body", 1, ""), Block("Menu", "boilerplate", 3, ""), Block("Two.", "body", 5, "")]
    assert group_text(blocks, "body") == "One.\n\nTwo."


def test_page_parts_counts_the_words_of_each_group(story):
    report = story.report("004")
    parts = page_parts(report.blocks)
    assert parts.comment_words > 200  # the reader-comment thread
    assert parts.total_words == parts.body_words + parts.comment_words + parts.other_words
    assert 0 < parts.body_share < 1


def test_only_the_report_with_a_comment_thread_has_comment_words(story):
    assert [r.id for r in story.reports if page_parts(r.blocks).comment_words] == ["004"]


def test_reading_level_of_the_article_alone_differs_from_the_whole_page(story):
    parts = page_parts(story.report("001").blocks)
    assert parts.article_reading_ease != parts.page_reading_ease


def test_page_parts_of_an_empty_page_are_zero():
    parts = page_parts([])
    assert parts.total_words == 0 and parts.body_share == 0.0 and parts.page_grade == 0.0


def test_words_not_in_finds_words_only_the_first_text_uses():
    assert words_not_in("Russia has the right to shoot.", "Russia warned it would fire.") == ["right", "shoot"]


def test_words_not_in_ignores_simple_endings_and_case():
    assert words_not_in("Fighters SUPPORTED them", "a fighter will support") == []


def test_words_not_in_lists_each_word_once_and_stops_at_the_limit():
    assert words_not_in("alpha alpha bravo charlie delta", "", limit=2) == ["alpha", "bravo"]


def test_a_comment_in_report_004_uses_words_its_article_never_does(story):
    report = story.report("004")
    comment = next(b for b in report.blocks if b.line == 36)
    assert "Murdering" in words_not_in(comment.text, group_text(report.blocks, "body"))


def test_mark_labels_scores_groups_and_gives_a_bonus_for_exact_roles():
    blocks = segment(PAGE)
    key = [KeyEntry(1, "headline", "Title."), KeyEntry(3, "body", "Prose."), KeyEntry(5, "boilerplate", "Footer.")]
    score = mark_labels(blocks, {1: Label("other", "caption"), 3: Label("body", "body")}, key)
    assert (score.right, score.scored, score.roles_right, score.unlabelled) == (2, 3, 1, 1)


def test_a_paragraph_the_key_does_not_cover_is_not_scored():
    blocks = segment(PAGE)
    score = mark_labels(blocks, {1: Label("body")}, [KeyEntry(3, "body", "Prose.")])
    assert score.scored == 1 and not score.marks[0].scored and not score.marks[0].right


def test_labels_for_lines_that_are_not_paragraphs_are_ignored():
    score = mark_labels(segment(PAGE), {2: Label("body")}, [KeyEntry(3, "body", "Prose.")])
    assert all(mark.label is None for mark in score.marks)


def test_a_mark_shows_disagreement_when_any_of_the_three_groups_differ():
    blocks = segment(PAGE)
    key = [KeyEntry(3, "body", "Prose.")]
    agree = mark_labels(blocks, {3: Label("body")}, key).marks[1]
    differ = mark_labels(blocks, {3: Label("comment")}, key).marks[1]
    assert not agree.disagreement and differ.disagreement


def test_the_helper_scores_full_marks_against_the_bundled_key(story):
    key = load_answer_key(story.folder)
    for report in story.reports:
        helper = {b.line: Label(b.group, b.role) for b in report.blocks}
        score = mark_labels(report.blocks, helper, key[report.id])
        assert score.right == score.scored == len(report.blocks)


def test_answer_key_text_reproduces_the_bundled_file_byte_for_byte():
    folder = bundled_story_folder()
    assert answer_key_text(load_answer_key(folder)) == (folder / "answer_key.json").read_text(encoding="utf-8")


def test_answer_key_text_round_trips_through_load_answer_key(tmp_path):
    key = {"002": [KeyEntry(3, "caption", 'A "quoted" why, with ünïcode.')], "001": [KeyEntry(1, "headline", "T.")]}
    (tmp_path / "answer_key.json").write_text(answer_key_text(key), encoding="utf-8")
    assert load_answer_key(tmp_path) == key


@given(st.text(max_size=400))
def test_marking_any_page_gives_one_mark_per_paragraph_and_never_raises(text):
    blocks = segment(text)
    labels = {b.line: Label(GROUPS[i % 3]) for i, b in enumerate(blocks)}
    score = mark_labels(blocks, labels, [KeyEntry(b.line, b.role, "") for b in blocks])
    assert len(score.marks) == len(blocks) and score.scored == len(blocks)
