"""Comparing two versions of a quote word by word, and the flags a reader should notice."""

from __future__ import annotations

import pytest

from medialit.quotes import Quote, compare_quotes, extract_quotes, reference_versions
from quote_cases import KONASHENKOV, words_of


# --- comparing two versions --------------------------------------------------------------------


def test_identical_quotes_are_all_same_and_raise_no_flags():
    c = compare_quotes("We are ready.", "We are ready.")
    assert [op.kind for op in c.ops] == ["same"] and c.flags == () and c.similarity == 1.0


def test_capitals_punctuation_and_us_spelling_do_not_count_as_changes():
    c = compare_quotes("the US operations center,", "The U.S. operations center")
    assert [op.kind for op in c.ops] == ["same"]


def test_changed_words_are_aligned_and_flagged():
    c = compare_quotes("will be immediately destroyed with all the arsenal", "will be immediately suppressed with all the arsenal")
    assert [(op.kind, op.a_words, op.b_words) for op in c.ops] == [
        ("same", ("will", "be", "immediately"), ("will", "be", "immediately")),
        ("changed", ("destroyed",), ("suppressed",)),
        ("same", ("with", "all", "the", "arsenal"), ("with", "all", "the", "arsenal")),
    ]
    assert c.has("changed_words") and "destroyed → suppressed" in c.flags[0].detail


def test_inserted_and_deleted_words_are_their_own_ops():
    c = compare_quotes("we are ready now", "we are not ready")
    assert [op.kind for op in c.ops] == ["same", "inserted", "same", "deleted"]


def test_square_brackets_are_flagged_as_editor_insertions():
    c = compare_quotes("command in Al Udeid was told", "command in [the U.S. operations center in Qatar] was told")
    flag = next(f for f in c.flags if f.kind == "brackets")
    assert flag.explanation == "Square brackets mark words the editor added; they were not said."
    assert "[the U.S. operations center in Qatar]" in flag.detail


def test_round_brackets_inside_a_quote_are_flagged_as_explanations():
    c = compare_quotes("command in Al Udeid (the US operations center in Qatar) was told", "command in Al Udeid was told")
    assert c.has("parentheses") and "explanation" in next(f for f in c.flags if f.kind == "parentheses").explanation


@pytest.mark.parametrize("dots", ["...", "…"])
def test_ellipses_are_flagged_as_cut_words(dots):
    c = compare_quotes(f"{dots}was notified in severe form", "was notified in severe form")
    assert c.has("ellipsis") and "cut out" in next(f for f in c.flags if f.kind == "ellipsis").explanation


def test_a_trimmed_quote_is_flagged_as_partial():
    full = "A representative was told in no uncertain terms that any attempts would be quickly shut down"
    c = compare_quotes(full, "told in no uncertain terms that any attempts would be quickly shut down")
    assert c.has("partial") and not c.has("changed_words")
    assert compare_quotes("told in no uncertain terms that any attempts would be", full).has("partial")


def test_quotes_of_the_same_length_are_not_partial():
    assert not compare_quotes("we are ready now", "we are not ready").has("partial")


def test_different_speakers_are_flagged_only_when_both_sides_name_one():
    a, b = Quote("We are ready", KONASHENKOV, 0, 1), Quote("We are ready", "Ryan Dillon", 0, 1)
    assert compare_quotes(a, b).has("speaker")
    assert not compare_quotes(a, "We are ready").has("speaker")
    assert not compare_quotes(a, Quote("We are ready", "Konashenkov", 0, 1)).has("speaker")


def test_reported_speech_in_the_original_is_flagged(story):
    russian = next(v for v in reference_versions(story) if v.language == "ru" and v.remark == "fire-points")
    c = compare_quotes(russian, "Fire points in those areas will be immediately suppressed with all military means")
    assert c.has("indirect_speech")


def test_every_flag_explanation_is_one_short_plain_sentence():
    c = compare_quotes(
        Quote("We [the army] (the troops) ... will destroy them", "A B", 0, 1),
        Quote("We will suppress them all today and tomorrow as well", "C D", 0, 1),
    )
    assert {f.kind for f in c.flags} >= {"brackets", "parentheses", "ellipsis", "changed_words", "speaker"}
    for flag in c.flags:
        assert flag.explanation.endswith(".") and len(flag.explanation) < 160


def test_reports_003_and_004_differ_by_brackets_and_spelling_of_the_insertion(story):
    [q3] = [q for q in extract_quotes(story.report("003").raw_text) if q.text.startswith("A representative")]
    [q4] = [q for q in extract_quotes(story.report("004").raw_text) if q.text.startswith("A representative")]
    c = compare_quotes(q3, q4)
    assert c.has("brackets") and c.has("parentheses") and c.same_remark
    assert ("deleted", ("Al", "Udeid")) in [(op.kind, op.a_words) for op in c.ops]


def test_compare_uses_a_reference_version_like_a_quote(groups):
    warning = next(g for g in groups if g.remark == "warning")
    for _, quote in warning.members:
        comparison = compare_quotes(warning.reference, quote)
        assert words_of(comparison.ops, "b") == quote.text.split()
