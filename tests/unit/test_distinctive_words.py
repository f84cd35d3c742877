"""Word groups proposed from a story's own reports: the Fightin' Words statistic, the groups, and the file."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kit_testing import ROOT
from lesson4_pages import STORY
from medialit.distinctive_words import log_odds, propose_terms
from medialit.story import Report, Story, load_story
from medialit.terms import TermGroup
from medialit.word_counts import count_table

HARBOUR = ROOT / "tests" / "stories" / "harbour-storm"


# --- the statistic, against Monroe, Colaresi & Quinn (2008), eqs. 16 and 20 ----------------------


def test_log_odds_follows_the_papers_formulas_on_a_hand_computed_example():
    # Report i: regime 4, army 1 (n_i = 5); the others j: government 4, army 1 (n_j = 5).
    # Prior = both added up: a_regime = 4, a_army = 2, a_government = 4, a0 = 10.
    scores = log_odds({"regime": 4, "army": 1}, {"government": 4, "army": 1})
    delta = math.log((4 + 4) / (5 + 10 - 4 - 4)) - math.log((0 + 4) / (5 + 10 - 0 - 4))  # log(8/7) - log(4/11)
    variance = 1 / (4 + 4) + 1 / (0 + 4)
    assert scores["regime"].delta == pytest.approx(delta) == pytest.approx(1.145132, abs=1e-6)
    assert scores["regime"].variance == pytest.approx(0.375)
    assert scores["regime"].z == pytest.approx(delta / math.sqrt(variance)) == pytest.approx(1.870, abs=1e-3)
    assert scores["government"].z == pytest.approx(-scores["regime"].z)
    assert scores["army"].z == pytest.approx(0.0)


def test_a_smaller_prior_weighs_the_counts_more():
    counts, others = {"regime": 4, "army": 1}, {"government": 4, "army": 1}
    strong = log_odds(counts, others)["regime"].z
    weak = log_odds(counts, others, prior_size=2)["regime"].z
    # a0 = 2: a_regime = 0.8, a_army = 0.4; by hand:
    delta = math.log(4.8 / (5 + 2 - 4.8)) - math.log(0.8 / (5 + 2 - 0.8))
    assert weak == pytest.approx(delta / math.sqrt(1 / 4.8 + 1 / 0.8))
    assert weak > strong


def test_a_word_outside_the_prior_gets_no_score():
    assert "storm" not in log_odds({"storm": 3}, {"rain": 3}, prior={"rain": 3})


# --- the proposed groups -----------------------------------------------------------------------


def _every_proposed_word_occurs(story: Story, groups: list[TermGroup]) -> None:
    for group in groups:
        table = count_table(story, [group])
        for term in group.terms:
            assert sum(row[term] for row in table.values()) > 0, (group.id, term)


def test_every_word_proposed_for_the_bundled_story_occurs_in_its_article_bodies():
    _every_proposed_word_occurs(STORY, propose_terms(STORY))


def test_words_different_reports_use_in_the_same_place_are_grouped():
    names = propose_terms(STORY)[0]
    assert names.id == "names_1" and set(names.terms) == {"army", "regime"}
    assert "between words like" in names.note and "regime: 000" in names.note


def test_each_report_gets_its_own_distinctive_words_and_the_general_groups_follow():
    groups = {g.id: g for g in propose_terms(STORY)}
    assert "Daesh" in groups["distinct_000"].terms and "ISIS" in groups["distinct_002"].terms
    assert {"attribution", "certainty"} <= set(groups)
    assert "alleged" not in groups["attribution"].terms  # no report uses it, so it is not proposed


def test_a_story_too_short_for_distinctive_words_still_gets_the_general_groups_it_uses():
    story = load_story(HARBOUR)
    groups = propose_terms(story)
    assert [g.id for g in groups] == ["attribution", "certainty"]
    assert "admitted" in groups[0].terms and "claimed" not in groups[0].terms
    _every_proposed_word_occurs(story, groups)


def _hand_story(*bodies: str) -> Story:
    reports = tuple(Report(id=f"90{i}", filename=f"90{i}.txt", raw_text=f"Headline {i}\n\n{body}") for i, body in enumerate(bodies))
    return Story("test", "Test", "", Path("."), reports)


def test_two_names_for_one_side_in_a_story_about_anything_are_grouped():
    story = _hand_story(
        "Armed rebels attacked the northern checkpoint. Later armed rebels attacked the southern checkpoint. "
        "The armed rebels held the bridge. Armed rebels attacked the western checkpoint at dawn. Farmers watched.",
        "Armed terrorists attacked the northern checkpoint. Then armed terrorists attacked the southern checkpoint. "
        "The armed terrorists held the bridge. Armed terrorists attacked the western checkpoint at dawn. Farmers fled.",
        "Farmers harvested wheat near the river while officials said the bridge stayed open. Farmers waited.",
    )
    names = propose_terms(story)[0]
    assert set(names.terms) == {"rebels", "terrorists"}
    _every_proposed_word_occurs(story, propose_terms(story))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("abc rebels terrorists.\n")), max_size=200), min_size=1, max_size=4))
def test_any_reports_give_groups_whose_every_word_occurs(bodies):
    story = _hand_story(*bodies)
    _every_proposed_word_occurs(story, propose_terms(story))


def test_a_story_of_one_report_has_nothing_to_compare_and_gets_only_general_groups():
    story = _hand_story("The council said the storm flooded the town. The council said it again.")
    assert [g.id for g in propose_terms(story)] == ["attribution"]


# --- names of several words, and what a group of 'different words in the same place' needs -------


def test_a_name_of_several_capitalised_words_is_one_term():
    story = _hand_story(
        "Ships left Port Amberley at dawn. Crews in Port Amberley cheered. Port Amberley's mayor waved. "
        "Port Amberley slept.",
        "Ships left the harbour at dawn. Crews cheered. The mayor waved from the quay.",
        "The quay was quiet. Farmers watched the ships from the hills.",
    )
    terms = {term: forms for group in propose_terms(story) for term, forms in group.terms.items()}
    assert terms["Port Amberley"] == ("port amberley",)
    assert "Port" not in terms and "Amberley" not in terms
    _every_proposed_word_occurs(story, propose_terms(story))


def test_a_name_ending_in_small_letters_after_a_hyphen_is_one_term():
    story = _hand_story(
        "Ships met Tam Ka-wai at dawn. Crews of Tam Ka-wai cheered. Tam Ka-wai's mayor waved. Tam Ka-wai slept.",
        "Ships left the harbour at dawn. Crews cheered. The mayor waved from the quay.",
        "The quay was quiet. Farmers watched the ships from the hills.",
    )
    terms = {term: forms for group in propose_terms(story) for term, forms in group.terms.items()}
    assert terms["Tam Ka-wai"] == ("tam ka-wai",)
    assert "Tam" not in terms


def test_words_the_story_also_writes_with_a_small_letter_are_not_one_name():
    story = _hand_story(
        "The Coastal Guard rescued two sailors. The Coastal Guard rescued a dog. The Coastal Guard rescued a cat. "
        "Later the coastal guard slept.",
        "Fishermen rescued two sailors. Fishermen rescued a dog. Fishermen rescued a cat.",
        "The quay was quiet. Farmers watched the ships from the hills.",
    )
    terms = {term.casefold() for group in propose_terms(story) for term in group.terms}
    assert "coastal guard" not in terms


def test_one_shared_place_between_words_of_one_report_each_is_not_a_group():
    # 'the busy ferry terminal' and 'the busy barge terminal': one place in common, and each
    # word in one report only. That is as likely chance as two names for one thing.
    story = _hand_story(
        "Cars queued at the busy ferry terminal. Tourists waved as the ferry sailed. Ferry tickets sold out.",
        "Trucks queued at the busy barge terminal. Workers slept while the barge docked. Barge crews rested.",
        "Farmers harvested wheat near the river while officials said the road stayed open.",
    )
    assert not [g for g in propose_terms(story) if g.id.startswith("names_")]


def test_the_first_word_of_longer_names_joins_no_group():
    # 'Harbour' opens 'Harbour Committee', 'Harbour Board' and 'Harbour Trust' (names used once
    # each), so it is part of those names, though 'port' shares three of its places.
    story = _hand_story(
        "Later the powerful Harbour Committee met, the powerful Harbour Board voted and the powerful Harbour Trust paid.",
        "Later the powerful port committee met, the powerful port board voted and the powerful port trust paid.",
        "Farmers harvested wheat near the river while officials said the road stayed open.",
    )
    assert not [g for g in propose_terms(story) if g.id.startswith("names_")]
