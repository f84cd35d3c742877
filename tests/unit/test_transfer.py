"""The transfer task: the page is a real story folder, attempts are told apart, and scores come from the key and the helper."""

from __future__ import annotations

import pytest

from medialit.checkup import check_story
from medialit.classwork import ClassWork, StudentWork
from medialit.transfer import (
    AFTER,
    BEFORE,
    QUOTE_KEY,
    attempt_lesson,
    choose_attempt,
    compare_attempts,
    load_transfer_story,
    original_statement,
    quote_check,
    score_attempt,
    transfer_folder,
)


IDS = ["000", "001", "002"]


@pytest.fixture(scope="module")
def page():
    return load_transfer_story()


# --- the page ----------------------------------------------------------------------------------


def test_the_transfer_page_is_a_story_the_checker_finds_no_problem_with():
    assert check_story(transfer_folder()) == []


def test_the_transfer_page_is_one_report_with_a_headline(page):
    assert page.ids == ["001"]
    assert page.reports[0].headline.startswith("Fury")


def test_the_original_statement_is_not_read_as_a_report(page):
    assert "Statement by" not in page.reports[0].raw_text
    assert original_statement().startswith("Statement by")


def test_every_paragraph_of_the_page_has_a_key_entry(page):
    from medialit.answer_key import load_answer_key
    from medialit.segmentation import segment

    key_lines = {entry.line for entry in load_answer_key(transfer_folder())["001"]}
    assert {block.line for block in segment(page.reports[0].raw_text)} == key_lines


# --- which attempt -----------------------------------------------------------------------------


def test_a_student_who_has_not_ranked_the_reports_does_the_before_attempt():
    assert choose_attempt({"05-verdict": {"ranking": [None, None, None]}}, IDS) == BEFORE


def test_a_student_who_has_ranked_the_reports_does_the_after_attempt():
    assert choose_attempt({"05-verdict": {"ranking": ["002", None, "001"]}}, IDS) == AFTER


def test_odd_saved_work_means_the_before_attempt():
    assert choose_attempt({"05-verdict": "not a dict"}, IDS) == BEFORE
    assert choose_attempt([], IDS) == BEFORE
    assert choose_attempt({"05-verdict": {"ranking": ["999"]}}, IDS) == BEFORE


def test_each_attempt_is_saved_as_its_own_lesson():
    assert attempt_lesson(BEFORE) != attempt_lesson(AFTER)
    with pytest.raises(ValueError):
        attempt_lesson("during")


# --- the quote step ----------------------------------------------------------------------------


def test_the_quote_checked_is_the_one_cut_from_the_original(page):
    check = quote_check(page)
    assert "close the pool" in check.quote.text
    assert "consider whether" in check.original_sentence


def test_the_helper_sees_words_left_out_of_the_quote(page):
    kinds = {flag.kind for flag in quote_check(page).comparison.flags}
    assert {"ellipsis", "partial"} <= kinds


# --- scoring -----------------------------------------------------------------------------------


def test_labels_are_scored_against_the_pages_answer_key(page):
    right = score_attempt({"labeller.labels": {"001": {"1": {"group": "other"}}}}, page)
    wrong = score_attempt({"labeller.labels": {"001": {"1": {"group": "body"}}}}, page)
    assert (right.labels_right, right.labels_scored) == (1, 1)
    assert (wrong.labels_right, wrong.labels_scored) == (0, 1)


def test_headline_tags_are_split_into_shared_with_the_helper_and_the_students_own(page):
    headline = page.reports[0].headline
    fury, pool = headline.index("Fury"), headline.index("Pool")
    answers = {"tags": {"001": [{"start": fury, "end": fury + 4, "word": "Fury"},
                                {"start": pool, "end": pool + 4, "word": "Pool"}]}}
    score = score_attempt(answers, page)
    assert "fury" in score.loaded_agreed
    assert "pool" in score.loaded_own


def test_a_quote_verdict_is_checked_against_what_the_helper_finds(page):
    verbatim = score_attempt({QUOTE_KEY: {"verdict": "verbatim"}}, page)
    changed = score_attempt({QUOTE_KEY: {"verdict": "meaning changed", "reason": "consider was cut"}}, page)
    assert verbatim.quote_verdict_fits is False
    assert changed.quote_verdict_fits is True and changed.quote_reason == "consider was cut"


def test_an_unknown_quote_verdict_is_ignored(page):
    assert score_attempt({QUOTE_KEY: {"verdict": "<script>"}}, page).quote_verdict == ""


def test_hostile_saved_answers_score_as_nothing_done(page):
    score = score_attempt({"labeller.labels": [1, 2], "tags": "x", QUOTE_KEY: [], "transfer.trust": 5}, page)
    assert score.parts_done == 0


# --- the teacher's comparison ------------------------------------------------------------------


def test_the_teacher_sees_each_students_before_and_after_side_by_side(page):
    sam = StudentWork("Sam", "sam.json", "", {
        "06-transfer-before": {"labeller.labels": {"001": {"1": {"group": "body"}}}},
        "06-transfer-after": {"labeller.labels": {"001": {"1": {"group": "other"}}}},
    })
    ali = StudentWork("Ali", "ali.json", "", {"01-what-is-the-article": {}})
    rows = compare_attempts(ClassWork("/tmp", None, (sam, ali), ()), page)
    assert [row.student for row in rows] == ["Sam"]
    assert (rows[0].before.labels_right, rows[0].after.labels_right) == (0, 1)
    assert rows[0].change().startswith("labels right 0 → 1")
