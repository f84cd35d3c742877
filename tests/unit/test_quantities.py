"""Lesson 4's numbers: what each number measures, and the reports' numbers lined up by topic."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings

from kit_testing import ROOT
from lesson4_pages import STORY, TERMS, TEXT, report
from medialit.story import load_story
from medialit.quantities import compare_numbers, find_numbers, topics_from_text
from medialit.story import Report, Story
from medialit.terms import NumberTopic

# --- numbers ---------------------------------------------------------------------------------


def numbers_of(rid: str):
    return [(n.text, n.measure) for n in find_numbers(report(rid))]


def test_000_gives_at_least_7_km_and_twice_twice():
    assert numbers_of("000") == [("twice", "count"), ("twice", "count"), ("at least 7 km", "distance")]
    distance = find_numbers(report("000"))[-1]
    assert (distance.value, distance.unit, distance.qualifier, distance.standard) == (7.0, "km", "at least", (7.0, "km"))


def test_002_gives_4_miles_restated_as_6_kilometers():
    four, six = [n for n in find_numbers(report("002")) if n.measure == "distance"]
    assert (four.text, four.qualifier, four.standard) == ("within 4 miles", "within", (6.44, "km"))
    assert (six.text, six.restates) == ("6 kilometers", True)


def test_001_distances_keep_about_and_around():
    distances = [(n.qualifier, n.value, n.unit) for n in find_numbers(report("001")) if n.measure == "distance"]
    assert distances == [("around", 100.0, "miles"), ("about", 62.0, "miles")]


def test_002_counts_the_fighters_women_and_children_written_in_words():
    counts = [(n.value, n.unit) for n in find_numbers(report("002")) if n.measure == "count" and n.unit != "times"]
    assert counts == [(5.0, "fighters"), (3.0, "women"), (9.0, "children")]


def test_004_percentages_range_missiles_and_a_date():
    found = {n.text: n for n in find_numbers(report("004"))}
    assert (found["85 percent"].measure, found["80 per cent"].measure) == ("percentage", "percentage")
    fighters = found["between 700 to 1,000"]
    assert (fighters.value, fighters.high, fighters.unit, fighters.measure) == (700.0, 1000.0, "ISIS fighters", "count")
    assert (found["59"].unit, found["59"].measure) == ("cruise missiles", "count")
    assert (found["September 2015"].measure, found["September 2015"].value) == ("date", 2015.0)


def test_twice_is_a_count_of_two_times():
    (twice,) = find_numbers("They fired twice.")
    assert (twice.value, twice.unit, twice.measure) == (2.0, "times", "count")


def test_years_and_dates_are_dates_not_counts():
    found = [(n.text, n.measure) for n in find_numbers("In 2017, on 21 September 2017 and March 3, 3 soldiers left.")]
    assert found == [("2017", "date"), ("21 September 2017", "date"), ("March 3", "date"), ("3", "count")]


def test_money_duration_time_and_plain_numbers():
    found = {n.text: (n.value, n.measure) for n in find_numbers("It cost $5 million for 10 days, at 20:57, said Article 5.")}
    assert found == {
        "$5 million": (5_000_000.0, "money"),
        "10 days": (10.0, "duration"),
        "20:57": (20 + 57 / 60, "time"),
        "5": (5.0, "number"),
    }


def test_a_number_inside_a_name_or_a_lone_number_word_is_not_read():
    assert find_numbers("The F-16 and the two of them.") == []


def test_list_numbers_in_the_comment_thread_are_not_numbers():
    assert find_numbers(report("004"), include_comments=True) == find_numbers(report("004"))


def test_each_number_keeps_its_sentence_and_line():
    distance = [n for n in find_numbers(report("000")) if n.measure == "distance"][0]
    assert distance.line == 16 and distance.sentence.startswith("However, a Syrian commander")


# --- comparing numbers across reports -----------------------------------------------------------


def test_000_and_002_disagree_on_the_distance_between_the_forces():
    distance = next(c for c in compare_numbers(STORY) if c.topic == "distance_between_forces")
    assert {rid for rid, ms in distance.mentions.items() if ms} == {"000", "002"}
    assert distance.unit == "km" and distance.agree is False
    assert "000: at least 7 km" in distance.summary and "within 4 miles" in distance.summary


def test_figures_that_differ_are_never_called_false_and_the_summary_asks_what_to_check():
    distance = next(c for c in compare_numbers(STORY) if c.topic == "distance_between_forces")
    assert distance.verdict == "The figures differ."
    assert "cannot" not in distance.summary and "true" not in distance.summary
    assert "same place and the same time" in distance.summary and "the outlet itself" in distance.summary


def test_000s_distance_is_a_cited_commanders_figure_and_002s_is_the_outlets_own():
    distance = next(c for c in compare_numbers(STORY) if c.topic == "distance_between_forces")
    (commander,), (own,) = distance.mentions["000"], distance.mentions["002"]
    assert (commander.given_by, commander.cue) == ("source", "saying")
    assert own.given_by == "report"
    assert "Here 000 gives its figure as someone else's words." in distance.questions


def test_four_reports_agree_the_troops_were_fired_on_twice_and_004_is_silent():
    fired = next(c for c in compare_numbers(STORY) if c.topic == "times_fired_on")
    assert fired.agree is True
    assert {rid: len(ms) for rid, ms in fired.mentions.items()} == {"000": 2, "001": 2, "002": 1, "003": 1, "004": 0}


def test_reports_that_agree_by_repeating_other_peoples_words_are_told_so():
    fired = next(c for c in compare_numbers(STORY) if c.topic == "times_fired_on")
    assert all(m.given_by != "report" for ms in fired.mentions.values() for m in ms)
    assert fired.questions == ("Every report gives this figure as someone else's words: agreeing reports may all repeat one source.",)


TERMS_WITHOUT_TOPICS = replace(TERMS, number_topics=())


def hand_story(*bodies: str) -> Story:
    reports = tuple(
        Report(id=f"90{i}", filename=f"90{i}.txt", raw_text=f"Headline {i}\n\n{body}") for i, body in enumerate(bodies)
    )
    return Story("test", "Test", "", Path("."), reports)


def test_about_10_km_and_6_miles_fit_together_after_converting_units():
    story = hand_story(
        "The two armies are now about 10 km apart from each other along the front line, officers said.",
        "The two armies are now 6 miles apart from each other along the front line, officers said today.",
    )
    (topic,) = compare_numbers(story, [NumberTopic("gap", "Gap", "distance", "", ("apart",))])
    assert topic.agree is True


def test_a_topic_given_by_one_report_has_nothing_to_compare():
    story = hand_story("The two armies are now about 10 km apart from each other along the front line, officers said.")
    (topic,) = compare_numbers(story, ["distance_between_forces"], terms=TERMS)
    assert topic.agree is None and "Only one report" in topic.summary


# --- whose figure it is ---------------------------------------------------------------------------

GIVEN_BY = [
    ('The mayor said: "About 300 homes flooded."', "quote", ""),
    ("\u201cAbout 300 homes flooded,\u201d the mayor said.", "quote", ""),
    ("About 300 homes flooded, according to the council.", "source", "according to"),
    ("According to the council, about 300 homes flooded.", "source", "According to"),
    ("Officials warned that 300 homes could flood.", "source", "warned"),
    ("About 300 homes flooded in the United States.", "report", ""),
    ("About 300 homes flooded overnight.", "report", ""),
]


@pytest.mark.parametrize("text, given_by, cue", GIVEN_BY)
def test_each_number_says_whose_figure_it_is(text, given_by, cue):
    (homes,) = find_numbers(text)
    assert (homes.given_by, homes.cue) == (given_by, cue)


def test_a_quote_opened_in_an_earlier_sentence_still_holds_the_number():
    text = '"We saw it coming. About 300 homes flooded," she said. Then 40 more flooded.'
    assert [(n.value, n.given_by) for n in find_numbers(text)] == [(300.0, "quote"), (40.0, "report")]


def test_figures_that_differ_ask_about_place_time_and_source():
    story = hand_story(
        "The two armies are now 30 km apart from each other along the front line.",
        "The two armies are now 6 miles apart from each other along the front line, officers said today.",
    )
    (topic,) = compare_numbers(story, [NumberTopic("gap", "Gap", "distance", "", ("apart",))])
    assert topic.agree is False and topic.verdict == "The figures differ."
    assert topic.questions[-1] == "Here 901 gives its figure as someone else's words."
    assert "900: 30 km, stated by the report itself" in topic.summary


# --- units, sentences and long texts ----------------------------------------------------------------


def test_a_number_followed_by_a_verb_has_no_unit():
    (crowd,) = find_numbers("More than 50,000 took part.")
    assert (crowd.value, crowd.unit, crowd.measure, crowd.qualifier) == (50000.0, "", "number", "more than")


def test_a_counted_noun_is_not_looked_for_past_a_preposition():
    (crowd,) = find_numbers("Some 50,000 gathered in towns.")
    assert (crowd.unit, crowd.measure) == ("", "number")


def test_a_full_stop_after_a_digit_ends_the_sentence():
    sentences = [n.sentence for n in find_numbers("He scored 5. Then 3 soldiers left.")]
    assert sentences == ["He scored 5.", "Then 3 soldiers left."]


def test_every_number_in_a_long_text_keeps_its_own_sentence_and_line():
    found = find_numbers("Gen. X. took 5 km.\n" * 3000)
    assert len(found) == 3000
    assert [n.line for n in found] == list(range(1, 3001))
    assert {n.sentence for n in found} == {"Gen. X. took 5 km."}


@settings(max_examples=100, deadline=None)
@given(TEXT)
def test_any_page_text_gives_numbers_in_reading_order_with_their_sentence(text: str):
    page = Report(id="999", filename="999.txt", raw_text=text)
    found = find_numbers(page)
    assert [n.line for n in found] == sorted(n.line for n in found)
    assert all(n.sentence and n.measure for n in found)



# --- a story with no number topics: topics and units from the text ----------------------------------


def test_speeds_are_read_and_compared_in_kilometres_per_hour():
    (gust,) = find_numbers("Gusts reached 84 mph at the harbour mouth.")
    assert (gust.measure, gust.unit, gust.standard) == ("speed", "mph", (135.2, "km/h"))
    (wind,) = find_numbers("Winds of 60 miles per hour were recorded.")
    assert (wind.measure, wind.unit) == ("speed", "miles per hour")


def test_pounds_written_as_a_sign_or_a_word_are_one_currency():
    sign, word = find_numbers("It could cost £3 million.")[0], find_numbers("It may cost about 3 million pounds.")[0]
    assert sign.standard == word.standard == (3_000_000.0, "£")


def test_two_numbers_in_the_same_unit_get_no_rounding_slack():
    story = hand_story("Gusts reached 84 mph in the town.", "Gusts reached 80 mph in the town.")
    (speeds,) = compare_numbers(story, terms=TERMS_WITHOUT_TOPICS)
    assert speeds.agree is False


def test_the_same_number_converted_from_another_unit_allows_for_rounding():
    story = hand_story("Gusts reached 50 mph in the town.", "Gusts reached 80 km/h in the town.")
    (speeds,) = compare_numbers(story, terms=TERMS_WITHOUT_TOPICS)
    assert speeds.agree is True


def test_topics_come_from_what_two_reports_count_or_measure():
    found = {
        "001": find_numbers("More than 120 homes flooded and 45 people left. It was 1990 again."),
        "002": find_numbers("About 100 homes flooded. 3 boats sank."),
    }
    assert [(t.measure, t.unit, t.title) for t in topics_from_text(found)] == [
        ("count", "homes", "How many homes (found in the text)")
    ]


def test_a_story_that_is_not_the_bundled_one_gets_its_numbers_lined_up_from_the_text():
    storm = load_story(ROOT / "tests" / "stories" / "harbour-storm")
    by_title = {c.title: c for c in compare_numbers(storm)}
    homes = by_title["How many homes (found in the text)"]
    assert homes.agree is False and {rid for rid, ms in homes.mentions.items() if ms} == {"001", "002"}
    assert by_title["How many people (found in the text)"].agree is True
    assert by_title["Sums of money (£) (found in the text)"].agree is True
    speeds = by_title["Speeds (found in the text)"]
    assert speeds.agree is False and [m.given_by for m in speeds.mentions["003"]] == ["report"]
