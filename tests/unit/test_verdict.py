"""medialit.verdict: the pieces of evidence, what a ranking and a verdict still lack, and the rubric's tips."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medialit import load_story
from medialit.verdict import (
    ALL_REPORTS,
    MIN_EVIDENCE,
    NOTES,
    Evidence,
    chosen_pieces,
    evidence_items,
    join_words,
    note_lines,
    ordinal,
    ranking_problems,
    report_title,
    shorten,
    verdict_problems,
    verdict_tips,
)

IDS = ["001", "002", "003"]


# --- pieces of evidence ---------------------------------------------------------------------------


def test_each_non_blank_line_of_a_note_is_one_piece_in_story_order():
    notes = {"003": "Quotes Reuters", "001": "No byline\n\n  No date  ", ALL_REPORTS: "All say 'threatens'"}
    assert note_lines(notes, IDS) == {"001": ["No byline", "No date"], "003": ["Quotes Reuters"],
                                      ALL_REPORTS: ["All say 'threatens'"]}


def test_notes_about_a_report_no_longer_in_the_story_are_left_out():
    assert note_lines({"999": "gone"}, IDS) == {}


def test_a_long_note_line_is_shortened_at_a_word():
    line = note_lines({"001": "word " * 100}, IDS)["001"][0]
    assert len(line) <= 220 and line.endswith("word…")


def test_pieces_come_report_by_report_with_the_students_notes_last():
    found = [("01-what-is-the-article", {"002": ["Comments marked"], "001": ["Body found"]}),
             ("02-loaded-headlines", {"001": ["Calm headline"]})]
    pieces = evidence_items(found, {"001": "My note"}, IDS)
    assert [(p.report, p.source) for p in pieces] == [
        ("001", "01-what-is-the-article"), ("001", "02-loaded-headlines"), ("001", NOTES),
        ("002", "01-what-is-the-article")]


def test_a_saved_piece_round_trips_and_junk_fields_become_text():
    piece = Evidence("001", NOTES, "No byline")
    assert Evidence.from_saved(piece.key()) == piece
    assert Evidence.from_saved({"report": None}) == Evidence("None", "", "")


def test_saved_choices_in_a_wrong_shape_are_read_as_what_can_be_used():
    assert chosen_pieces([{"report": "001"}, "junk", None]) == [{"report": "001"}]
    assert chosen_pieces({"report": "001"}) == []


def test_a_report_is_named_by_its_headline_and_a_removed_one_says_so():
    story = load_story()
    assert report_title(story, "001").startswith("Report 001: ")
    assert report_title(story, "999") == "Report 999 (no longer in this story)"
    assert report_title(story, ALL_REPORTS) == "All the reports"


# --- the ranking and the verdict ------------------------------------------------------------------


def test_a_full_ranking_has_no_problems():
    assert ranking_problems(["003", "001", "002"], IDS) == []


def test_a_report_in_two_places_and_the_empty_places_are_named():
    assert ranking_problems(["001", None, "001"], IDS) == [
        "Report 001 is in more than one place (1st, 3rd): each report gets one place.", "Place 2 is still empty."]


def test_a_short_ranking_is_padded_and_a_long_one_cut_to_the_number_of_reports():
    assert ranking_problems(["001"], IDS) == ["Places 2 and 3 are still empty."]
    assert ranking_problems(["001", "002", "003", "001"], IDS) == []


def test_a_ranking_naming_unknown_reports_counts_those_places_as_empty():
    assert ranking_problems(["x", "002", "003"], IDS) == ["Place 1 is still empty."]


def test_a_complete_verdict_has_no_problems():
    assert verdict_problems(IDS, [{}] * MIN_EVIDENCE, "Because 001 names its source.", IDS) == []


def test_an_unranked_verdict_says_so_once_instead_of_listing_every_empty_place():
    problems = verdict_problems([None, None, None], [{}] * 3, "x", IDS)
    assert problems == ["You have not ranked the reports yet."]


def test_too_little_evidence_and_a_blank_justification_are_named():
    problems = verdict_problems(IDS, [{}], "   ", IDS)
    assert problems == ["You chose 1 piece of evidence: choose at least 3.",
                        "Your justification is empty: write why you ranked the reports this way."]


@given(st.lists(st.one_of(st.none(), st.sampled_from(IDS + ["x", ""])), max_size=6),
       st.lists(st.dictionaries(st.text(max_size=3), st.text(max_size=3)), max_size=5), st.text(max_size=50))
def test_any_saved_verdict_gives_plain_sentences_never_an_error(ranking, chosen, justification):
    problems = verdict_problems(ranking, chosen, justification, IDS)
    assert all(isinstance(p, str) and p.endswith(".") for p in problems)
    complete = (sorted(v for v in ranking[:3] if v in IDS) == IDS and len(chosen) >= MIN_EVIDENCE
                and justification.strip())
    assert (problems == []) == bool(complete)


# --- tips from the rubric ------------------------------------------------------------------------


def test_evidence_from_one_lesson_only_gets_a_tip_naming_that_lesson():
    chosen = [{"source": "03-quote-fidelity"}] * 3
    tips = verdict_tips(chosen, "x " * 50 + " but", {"03-quote-fidelity": "Lesson 3: Quote fidelity"})
    assert tips == ["All your evidence comes from Lesson 3: Quote fidelity. "
                    "Strong verdicts use evidence from several lessons."]


def test_evidence_from_several_lessons_and_a_long_hedged_justification_gets_no_tip():
    chosen = [{"source": "notes"}, {"source": "02-loaded-headlines"}, {"source": "notes"}]
    assert verdict_tips(chosen, "word " * 45 + "but I am not sure about 002.") == []


def test_a_short_justification_is_counted_and_one_that_names_no_doubt_is_asked_to():
    tips = verdict_tips([], "I trust 001 most.")
    assert tips == ["Your justification has 4 words. Say how each piece of evidence supports your ranking.",
                    "Say what you are not sure about, or what the kit's tools cannot tell you."]


def test_an_empty_justification_gets_no_tip_because_it_is_a_problem_instead():
    assert verdict_tips([], "") == []


# --- words ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("number, expected", [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"),
                                              (12, "12th"), (13, "13th"), (21, "21st"), (22, "22nd"), (111, "111th")])
def test_ordinals(number, expected):
    assert ordinal(number) == expected


def test_words_are_joined_as_in_a_sentence():
    assert [join_words(x) for x in (["a"], ["a", "b"], ["a", "b", "c"])] == ["a", "a and b", "a, b and c"]


def test_shorten_keeps_short_text_and_flattens_whitespace():
    assert shorten("a\n b\tc") == "a b c"
