"""Quotes on scraped pages: mixed quote styles, a possessive before a describing quote, a page's own
context around an attribution, and names written family name first. All texts are hand-made."""

from __future__ import annotations

import pytest

from medialit.quotes import extract_quotes
from quote_cases import found, page


# --- one quote, two styles of mark -------------------------------------------------------------

MIXED_PAIRS = [
    # A straight mark opens, a curly one closes.
    'The vote passed. "A fine day for the town, a fine day for all!” Mayor Jo Lee wrote on Friday.',
    # A curly mark opens, a straight one closes.
    'The vote passed. “A fine day for the town, a fine day for all!" Mayor Jo Lee wrote on Friday.',
]


@pytest.mark.parametrize("text", MIXED_PAIRS)
def test_a_quote_opened_in_one_style_and_closed_in_the_other_is_found(text):
    assert found(page(text)) == [("A fine day for the town, a fine day for all!", "Jo Lee")]


def test_a_mixed_pair_next_to_a_curly_quote_gives_both_quotes():
    text = page('"We won,” Jo Lee said, and Tom Reyes called it “a fair result”.')
    assert [t for t, _ in found(text)] == ["We won", "a fair result"]


def test_an_inch_mark_is_not_paired_with_a_later_curly_mark():
    # The straight mark closes a word ("12"), so it cannot open a quote with the ” after it.
    text = page('The screen is 12" wide, Jo Lee said, and it is “too small”.')
    assert [t for t, _ in found(text)] == ["too small"]


def test_a_straight_mark_inside_a_curly_quote_does_not_end_it():
    text = page("“The old 12\" screens are gone,” Jo Lee said.")
    assert found(text) == [('The old 12" screens are gone', "Jo Lee")]


def test_a_stray_straight_mark_with_no_curly_partner_is_still_ignored():
    # The only curly mark opens; the straight one opens too: no pair, so the straight one is a stray.
    text = page('Jo Lee said "the plan is late and “we will fix it”.')
    assert [t for t, _ in found(text)] == ["we will fix it"]


# --- a possessive before a quote that only describes a noun ------------------------------------


def test_a_quote_describing_a_possessed_noun_is_not_the_owners_term():
    [quote] = extract_quotes(page('Critics attacked Jo Lee’s “work-related” emails on Monday.'), include_all=True)
    assert quote.speaker == ""


def test_a_quote_that_is_the_possessed_noun_is_still_the_owners_term():
    [quote] = extract_quotes(page("Critics attacked Jo Lee’s “plan” on Monday."), include_all=True)
    assert quote.speaker == "Jo Lee"


# --- the page around a sentence does not change its speaker ---------------------------------

ENVOY = (
    "Norway’s envoy to Chile accused the council of delay and warned that the government "
    "“will not wait for ever” if the talks “break down”."
)


def test_a_possessive_subject_speaks_in_its_sentence_alone():
    assert {q.speaker for q in extract_quotes(page(ENVOY), include_all=True)} == {"Norway’s envoy to Chile"}


def test_a_possessive_subject_speaks_on_a_page_that_names_its_country_before():
    text = page(
        "Norway sent two ships to the coast on Monday, officials said.",
        "Norway has long argued for a deal, and the council agreed.",
        ENVOY,
        "The talks resume on Friday.",
    )
    speakers = {q.speaker for q in extract_quotes(text) if "wait" in q.text or "break" in q.text}
    assert speakers == {"Norway’s envoy to Chile"}


# --- a name written family name first -----------------------------------------------------------


def test_the_first_word_of_a_full_name_named_earlier_is_that_person():
    text = page(
        'The ambassador to Norway Wang Lifen said the talks were "useful".',
        'Wang said the ships would stay, warning: "We are ready."',
    )
    assert ("We are ready.", "Wang Lifen") in found(text)


def test_the_place_after_a_title_is_not_part_of_the_full_name_a_later_mention_gets():
    text = page(
        'The ambassador to Norway Wang Lifen has said the talks were "useful".',
        'Wang said: "We are ready."',
    )
    assert ("We are ready.", "Wang Lifen") in found(text)


def test_a_first_word_named_only_later_is_not_completed():
    text = page(
        'Wang said: "We are ready."',
        'The ambassador to Norway Wang Lifen said the talks were "useful".',
    )
    assert ("We are ready.", "Wang") in found(text)


def test_a_first_word_shared_by_two_full_names_is_not_completed():
    text = page(
        'Mayor Wang Lifen said the ships were "ready", and Mayor Wang Bo said they were "late".',
        'Wang said: "We will see."',
    )
    assert ("We will see.", "Wang") in found(text)


def test_a_surname_still_wins_over_a_first_word():
    text = page(
        'Mayor Wang Lifen said the ships were "ready".',
        'Mayor Bo Wang said they were "late".',
        'Wang said: "We will see."',
    )
    assert ("We will see.", "Bo Wang") in found(text)
