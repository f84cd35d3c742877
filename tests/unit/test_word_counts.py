"""Lesson 4's word counts: how often each report uses each word of a group.

Every count on the real reports below was made by reading the report's article body
(the paragraphs between the headline block and the page furniture) and counting by hand;
the comment above each table says what was counted where.
"""

from __future__ import annotations

from hypothesis import given, settings

from lesson4_pages import STORY, TERMS, TEXT, page_with, report
from medialit.story import Report
from medialit.terms import TermGroup
from medialit.word_counts import comment_difference, comment_table, count_table, count_terms

# --- counting terms in the five reports ------------------------------------------------------

# 'regime'/'regimes' in the article body, counted by reading each report:
#   000: lines 4, 6, 12, 16 ("Syrian regime ...") and 20 ("Russian-backed regime troops") = 5
#   001: none; 002: lines 9 and 25 ("regime troops") = 2; 003: none
#   004: line 22 ("under regime control"), line 28 ("regime of Bashar al-Assad") = 2
# Reader comments of 004 add two: "NWO regimes" and "The US terror regime" (line 36).
REGIME_BODY = {"000": 5, "001": 0, "002": 2, "003": 0, "004": 2}
REGIME_WITH_COMMENTS = {"000": 5, "001": 0, "002": 2, "003": 0, "004": 4}


def test_regime_counts_in_each_body_match_a_hand_count():
    table = count_table(STORY, ["sides_government"])
    assert {rid: row["regime"] for rid, row in table.items()} == REGIME_BODY


def test_regime_counts_with_comments_add_the_two_in_004s_thread():
    table = count_table(STORY, ["sides_government"], include_comments=True)
    assert {rid: row["regime"] for rid, row in table.items()} == REGIME_WITH_COMMENTS


# 'government' in the body: 001 line 30 "Syrian government forces"; 002 line 23 "Syrian
# government and allied forces"; 004 lines 16, 28 and 30 = 3. 004's comments: "The US
# government" (34), "the Syrian government was behind" and "the Syrian government's
# invitation" (36) = 3 more.
# 'army' in the body: 001 lines 20, 22, 26, 32, 34 = 5; 003 "Army Colonel" (17) = 1;
# 004 "Syrian Army troops" (18), "Syrian Army's" (20), "Syrian army's" (22) = 3.
def test_government_and_army_counts_match_a_hand_count():
    table = count_table(STORY, ["sides_government"])
    assert {rid: row["government"] for rid, row in table.items()} == {"000": 0, "001": 1, "002": 1, "003": 0, "004": 3}
    assert {rid: row["army"] for rid, row in table.items()} == {"000": 0, "001": 5, "002": 0, "003": 1, "004": 3}


def test_comment_table_counts_the_comment_thread_only():
    comments = comment_table(STORY, ["sides_government", "sides_isis"])
    assert comments["004"]["government"] == 3
    assert comments["004"]["regime"] == 2
    assert comments["004"]["ISIS"] == 1  # "working with isis" in comment 1
    assert all(value == 0 for rid in ("000", "001", "002", "003") for value in comments[rid].values())


# Daesh appears only in 000: "fighting Daesh" (12), "Daesh-held" (16), "controlled by Daesh" (24).
# ISIS by any spelling in the body:
#   001: "Isis militants" (20) and the misspelt "Issis" (36) = 2
#   002: "Syrian ISIS Hunters" (17); "SDF and ISIS", "anti-ISIS", "from ISIS" (19);
#        "where ISIS", "anti-ISIS", "against ISIS" (23) = 7
#   004: lines 6, 8, 16, 20, 22, 26 = 6 (the headline's ISIS is not body); comments: "isis" = 1
# 'Islamic State' once each in 002 (17) and 003 (7); 001's "Islamic militants" is not it.
def test_names_for_islamic_state_match_a_hand_count():
    table = count_table(STORY, ["sides_isis"])
    assert {rid: row["Daesh"] for rid, row in table.items()} == {"000": 3, "001": 0, "002": 0, "003": 0, "004": 0}
    assert {rid: row["ISIS"] for rid, row in table.items()} == {"000": 0, "001": 2, "002": 7, "003": 0, "004": 6}
    assert {rid: row["Islamic State"] for rid, row in table.items()} == {"000": 0, "001": 0, "002": 1, "003": 1, "004": 0}
    assert table["001"]["militants"] == 2


def test_isis_in_004_rises_from_six_to_seven_with_comments():
    counts = count_terms(report("004"), ["sides_isis"], include_comments=True)
    assert (counts.body["ISIS"], counts.comments["ISIS"], counts.counts["ISIS"]) == (6, 1, 7)


def test_comment_matches_are_only_listed_when_comments_are_included():
    assert {m.part for m in count_terms(report("004"), ["sides_government"]).matches} == {"body"}
    with_comments = count_terms(report("004"), ["sides_government"], include_comments=True)
    assert {m.part for m in with_comments.matches} == {"body", "comment"}


# 'militia(s)': 001 "US-backed militia" (10), "Arab militias" (12), "US-backed militia said" (30) = 3;
# 003 "US-backed militias" (5) = 1; 004 "U.S.-backed militia" (18) = 1.
# SDF in 000: "Syrian Democratic Forces (SDF)" (6) counts twice, then lines 8, 10, 14, 16, 18, 20 = 8.
def test_militia_and_sdf_counts_match_a_hand_count():
    table = count_table(STORY, ["sides_sdf"])
    assert {rid: row["militia"] for rid, row in table.items()} == {"000": 0, "001": 3, "002": 0, "003": 1, "004": 1}
    assert table["000"]["SDF"] == 8


# 000: "saying" (4), "said" (6, 10), "said" twice (12), "said" (14), "saying" (16) = 7; "denied" (16, 18) = 2.
# 001: said 6 (10, 12, 16, 30, 34, 36), claimed 2 (14, 20), warned 1 (32), threatened 1 (10), denied 1 (30).
def test_attribution_verbs_match_a_hand_count():
    table = count_table(STORY, ["attribution"])
    assert table["000"] == {"said": 7, "claimed": 0, "warned": 0, "threatened": 0, "denied": 2}
    assert table["001"] == {"said": 6, "claimed": 2, "warned": 1, "threatened": 1, "denied": 1}


def test_each_match_keeps_its_sentence_and_line_for_the_student_to_read():
    match = next(m for m in count_terms(report("000"), ["sides_isis"]).matches if m.text == "Daesh")
    assert match.line == 12
    assert match.sentence.startswith("Russian special forces have been deployed to help Syrian regime forces")


# --- counting rules on hand-made texts --------------------------------------------------------


def test_a_hyphen_ends_a_word_so_regime_held_counts_regime():
    assert count_terms("regime-held towns", ["sides_government"]).counts["regime"] == 1


def test_isis_held_and_anti_isis_both_count_isis():
    assert count_terms("ISIS-held areas and an anti-ISIS push", ["sides_isis"]).counts["ISIS"] == 2


def test_us_backed_counts_as_us_when_a_teacher_lists_us():
    group = TermGroup("us", "US", {"US": ("US", "U.S.")})
    assert count_terms("US-backed and U.S.-backed fighters", [group]).counts["US"] == 2


def test_counting_ignores_capitals():
    assert count_terms("Isis, ISIS and isis", ["sides_isis"]).counts["ISIS"] == 3


def test_words_inside_longer_words_do_not_count():
    counts = count_terms("regimental armyworm forcesful", ["sides_government", "sides_sdf"]).counts
    assert counts["regime"] == counts["army"] == counts["forces"] == 0


def test_islamic_state_as_a_phrase_does_not_also_count_state():
    group = TermGroup("g", "g", {"Islamic State": ("Islamic State",), "state": ("state",)})
    counts = count_terms("The Islamic State and the state.", [group]).counts
    assert counts == {"Islamic State": 1, "state": 1}


def test_overlapping_phrases_go_to_the_longest():
    group = TermGroup("g", "g", {"full": ("Syrian Democratic Forces",), "short": ("Democratic Forces",), "forces": ("forces",)})
    assert count_terms("Syrian Democratic Forces", [group]).counts == {"full": 1, "short": 0, "forces": 0}


def test_a_phrase_may_wrap_onto_the_next_line_but_not_cross_a_paragraph():
    assert count_terms("Islamic\nState", ["sides_isis"]).counts["Islamic State"] == 1
    assert count_terms("Islamic\n\nState", ["sides_isis"]).counts["Islamic State"] == 0


def test_comments_are_left_out_unless_asked_for():
    page = page_with("The regime troops crossed the river.", "The regime lies.")
    assert count_terms(page, ["sides_government"]).counts["regime"] == 1
    assert count_terms(page, ["sides_government"], include_comments=True).counts["regime"] == 2


def test_no_at_the_end_of_a_sentence_ends_it():
    text = "The U.S. Army said no. Lt. Col. Ryan Dillon said the regime fell."
    (match,) = count_terms(text, ["sides_government"]).matches[1:]
    assert match.sentence == "Lt. Col. Ryan Dillon said the regime fell."


def test_no_before_a_number_is_an_abbreviation():
    (match,) = count_terms("The regime met at No. 10 Downing Street.", ["sides_government"]).matches
    assert match.sentence == "The regime met at No. 10 Downing Street."


def test_a_capital_initial_does_not_end_the_sentence():
    (match,) = count_terms("John F. Kennedy said the regime fell.", ["sides_government"]).matches
    assert match.sentence == "John F. Kennedy said the regime fell."


def test_every_term_in_a_long_text_keeps_its_own_line():
    matches = count_terms("The regime fell.\n" * 3000, ["sides_government"]).matches
    assert [m.line for m in matches] == list(range(1, 3001))
    assert {m.sentence for m in matches} == {"The regime fell."}


# --- robustness --------------------------------------------------------------------------------



@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_a_text_twice_over_has_twice_the_counts(text: str):
    once = count_terms(text, terms=TERMS).counts
    twice = count_terms(text + "\n\n" + text, terms=TERMS).counts
    assert twice == {term: 2 * n for term, n in once.items()}


@settings(max_examples=100, deadline=None)
@given(TEXT)
def test_any_page_text_can_be_counted_and_every_match_is_in_it(text: str):
    page = Report(id="999", filename="999.txt", raw_text=text)
    counts = count_terms(page, include_comments=True, terms=TERMS)
    assert sum(counts.counts.values()) == len(counts.matches)
    assert all(m.text in page.raw_text or " " in m.text for m in counts.matches)


def test_comment_difference_lists_only_reports_with_comments_and_the_terms_they_add():
    group = TERMS.group("sides_isis")
    assert comment_difference(STORY, group) == {"004": {"ISIS": 1}}


def test_comment_difference_keeps_a_report_whose_comments_add_nothing():
    story_like = type("S", (), {"reports": (page_with("The regime fell.", "No names here."),)})()
    assert comment_difference(story_like, TERMS.group("sides_government")) == {"900": {}}


def test_a_proposed_name_of_several_words_is_counted_as_one_term_wherever_it_is_written():
    # The story builder proposes 'Port Amberley' as one term (medialit.distinctive_words): it is
    # counted with a possessive, across a hard-wrapped line and in any capitals, never as two words.
    names = TermGroup("places", "Places", {"Port Amberley": ("port amberley",), "harbour": ("harbour",)})
    text = "Port Amberley's harbour shut. Ships left Port\nAmberley. PORT AMBERLEY slept. The port was quiet."
    counts = count_terms(text, [names])
    assert counts.counts == {"Port Amberley": 3, "harbour": 1}
    assert [m.text for m in counts.matches][:2] == ["Port Amberley", "harbour"]
