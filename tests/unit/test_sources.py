"""Lesson 4's sources: who each report cites, of which kind, with the sentence that shows it."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from kit_testing import ROOT

from lesson4_pages import STORY, TERMS, TEXT, by_name, report
from medialit.sources import find_sources, kind_words
from medialit.story import Report, load_story
from medialit.terms import general_terms, load_terms, story_terms

# --- sources ---------------------------------------------------------------------------------


def test_konashenkov_is_one_source_in_000_named_twice():
    sources = [s for s in find_sources(report("000")) if s.kind == "named_official"]
    assert [(s.name, s.mentions) for s in sources] == [("Igor Konashenkov", 2)]


def test_konashenkov_is_named_four_times_in_002():
    assert by_name(find_sources(report("002")))["Igor Konashenkov"].mentions == 4


def test_003_cites_reuters_dillon_and_two_anonymous_us_officials():
    sources = by_name(find_sources(report("003")))
    assert sources["Reuters"].kind == "news_agency"
    assert (sources["Ryan Dillon"].kind, sources["Ryan Dillon"].mentions) == ("named_official", 2)
    assert "said Army Colonel Ryan Dillon" in sources["Ryan Dillon"].evidence
    assert sources["a US military official"].kind == "anonymous"
    assert "condition of anonymity" in sources["a US military official"].evidence
    assert sources["US military officials"].kind == "anonymous"


def test_004_cites_tass_twice_newsweek_reuters_and_a_media_official():
    sources = by_name(find_sources(report("004")))
    assert (sources["TASS"].kind, sources["TASS"].mentions) == ("news_agency", 2)
    assert sources["Newsweek"].kind == "other_outlet"
    assert sources["Reuters"].kind == "news_agency"
    assert sources["a media official"].kind == "anonymous"
    assert "told Reuters" in sources["a media official"].evidence


def test_the_defence_ministry_is_found_in_british_and_american_spelling():
    # 001 writes "The country's defence ministry said"; 003 "The Russian Defense Ministry said".
    for rid, words in (("001", "defence ministry said"), ("003", "Russian Defense Ministry said")):
        ministry = by_name(find_sources(report(rid)))["Russian Defence Ministry"]
        assert ministry.kind == "institution" and words in ministry.evidence


def test_000_cites_an_anonymous_syrian_commander():
    commander = by_name(find_sources(report("000")))["a Syrian commander"]
    assert commander.kind == "anonymous" and "denied Russian accusations" in commander.evidence


def test_001_cites_the_syrian_observatory_and_002_names_the_globe_post():
    assert by_name(find_sources(report("001")))["Syrian Observatory for Human Rights"].kind == "institution"
    assert by_name(find_sources(report("002")))["The Globe Post"].kind == "other_outlet"


def test_every_source_has_a_known_kind_and_evidence_naming_it():
    for rep in STORY.reports:
        for source in find_sources(rep):
            assert source.kind in {"news_agency", "named_official", "anonymous", "institution", "other_outlet"}
            assert source.mentions >= 1 and source.evidence in source.sentences


def test_a_titled_person_who_is_never_quoted_is_not_a_source():
    text = "President Donald Trump approved the launch of missiles. Officials told Reuters so."
    assert "Donald Trump" not in by_name(find_sources(text))


def test_a_name_next_to_a_reporting_verb_is_a_named_source_without_a_title():
    assert by_name(find_sources("Jane Smith said the bridge was shut."))["Jane Smith"].kind == "named_official"


def test_the_spokesman_pointing_back_is_not_an_anonymous_source():
    assert find_sources("The spokesman said it was over.") == []


def test_short_capital_agency_names_only_match_in_capitals():
    assert [s.name for s in find_sources("An AP reporter saw it.")] == ["AP"]
    assert find_sources("We ap the thing.") == []


def test_an_institution_merely_mentioned_is_not_cited():
    assert find_sources("The SDF is a coalition of militias.") == []


def test_an_unnamed_official_with_a_rank_is_an_anonymous_source():
    assert [(s.name, s.kind) for s in find_sources("A senior US official said it was over.")] == [
        ("a senior US official", "anonymous")
    ]


# --- places are not people, in any story ---------------------------------------------------------

ELSEWHERE = (
    "Heavy rain flooded Kyiv Oblast on Monday, emergency services said. "
    "Gaza Strip hospitals said they were full. "
    "North Portbury residents said the docks were shut. "
    "Shops in Little Portbury stayed shut, residents said. "
    "On Monday Anna Kovalenko said the roads were closed."
)


def test_places_in_a_story_about_somewhere_else_are_not_named_officials():
    # None of these places is in terms.json: general rules ('Oblast', 'Strip', 'North',
    # 'in ...') keep them out, and the one person is still found.
    assert [(s.name, s.kind) for s in find_sources(ELSEWHERE)] == [("Anna Kovalenko", "named_official")]


def test_the_bundled_storys_not_people_list_is_documented_in_its_terms_file():
    data = json.loads(Path(TERMS.path).read_text(encoding="utf-8"))
    assert "Deir" in data["sources"]["not_people"] and "not_people" in data["sources"]["note"]


def test_a_name_the_report_puts_after_in_is_a_place_wherever_it_stands(tmp_path: Path):
    # 001: "... when SDF fighters approached Deir al-Zor, he said." reads like a two-word name
    # next to 'said'; the same report writes "In Deir al-Zor" and "tensions in Deir al-Zor",
    # so it is a place even without 'Deir' in the teacher's not_people list.
    data = json.loads(Path(TERMS.path).read_text(encoding="utf-8"))
    data["sources"]["not_people"] = ["Syria"]
    edited = tmp_path / "terms.json"
    edited.write_text(json.dumps(data), encoding="utf-8")
    assert "Deir al-Zor" not in by_name(find_sources(report("001"), terms=load_terms(edited)))
    text = "Floods reached Kelso Ridge overnight. Kelso Ridge said the roads were shut."
    assert "Kelso Ridge" in by_name(find_sources(text, terms=load_terms(edited)))
    assert find_sources("Floods hit houses in Kelso Ridge. " + text, terms=load_terms(edited)) == []


def test_the_teachers_not_people_list_keeps_out_a_place_the_text_never_marks():
    text = "Floods reached Kelso Ridge overnight. Kelso Ridge said the roads were shut."
    terms = replace(general_terms(), not_people=("Kelso",))
    assert find_sources(text, terms=terms) == []


def test_a_country_or_capital_as_speaker_counts_as_its_listed_government():
    sources = find_sources("Moscow said the strikes were legal. Russia warned Kyiv again.")
    assert [(s.name, s.kind, s.mentions) for s in sources] == [("Russian government", "institution", 2)]


def test_an_unlisted_country_as_speaker_is_not_a_person():
    assert find_sources("Ukraine said the strikes were illegal. Kyiv Oblast said so too.") == []


def test_a_title_before_a_place_and_a_name_finds_the_person():
    text = "Kyiv Oblast Governor Ruslan Kravchenko said the roads were closed."
    assert [(s.name, s.kind) for s in find_sources(text)] == [("Ruslan Kravchenko", "named_official")]


@settings(max_examples=100, deadline=None)
@given(TEXT)
def test_any_page_text_gives_sources_whose_evidence_is_one_of_their_sentences(text: str):
    page = Report(id="999", filename="999.txt", raw_text=text)
    for source in find_sources(page, include_comments=True, terms=TERMS):
        assert source.evidence in source.sentences and source.mentions >= len(source.sentences) >= 1


def test_kind_words_are_singular_or_plural():
    assert kind_words("named_official", 1) == "1 named official"
    assert kind_words("news_agency", 2) == "2 news agencies"


# --- organisations from the text, for any story ---------------------------------------------------

ORGANISATIONS = [
    ("The Environment Agency said gusts reached 84 mph.", "Environment Agency"),
    ("A spokesperson for the Department for Environment said ministers knew.", "Department for Environment"),
    ("Crews evacuated 45 people, according to the fire service.", "fire service"),
    ("Storm Ilse flooded 120 homes, the town council said on Wednesday.", "town council"),
]


@pytest.mark.parametrize("text, name", ORGANISATIONS)
def test_an_organisation_given_words_is_found_from_the_text_alone(text, name):
    assert (name, "institution") in [(s.name, s.kind) for s in find_sources(text, terms=general_terms())]


def test_an_organisation_merely_mentioned_is_not_a_source():
    assert find_sources("Crews from the fire service worked all night near the Environment Agency depot.",
                        terms=general_terms()) == []


def test_a_story_that_is_not_the_bundled_one_gets_its_people_and_organisations_from_the_text():
    storm = load_story(ROOT / "tests" / "stories" / "harbour-storm")
    terms = story_terms(storm)
    found = {(s.name, s.kind) for s in find_sources(storm.report("002"), terms=terms)}
    assert {("Robert Carter", "named_official"), ("Environment Agency", "institution"),
            ("Department for Environment", "institution"), ("a spokesperson", "anonymous")} <= found


def test_an_organisation_with_the_verb_far_away_is_not_speaking():
    text = "She served in the Navy and retired from the service as a rear admiral, said her husband."
    assert all(s.kind != "institution" for s in find_sources(text, terms=general_terms()))


def test_a_title_from_the_general_list_is_not_part_of_the_name():
    found = find_sources("Party Chairwoman Donna Brazile said the debates would go ahead.", terms=general_terms())
    assert ("Donna Brazile", "named_official") in [(s.name, s.kind) for s in found]


# --- people quoted with 'said' in any story, and places that are not people ------------------------


def test_a_verb_after_a_new_clause_is_not_the_names():
    assert find_sources("The deal gives Kelso Ridge autonomy, while the city's police deny it.",
                        terms=general_terms()) == []


def test_a_person_described_at_length_before_said_and_a_quote_is_a_named_source():
    text = 'Ana Kovalenko, the commander of the northern river district, said: "We are ready. We will hold."'
    assert [(s.name, s.kind) for s in find_sources(text, terms=general_terms())] == [("Ana Kovalenko", "named_official")]


def test_a_hyphenated_given_name_is_part_of_the_name():
    text = 'Wong Siu-ming, a police commander, said: "It is over."'
    assert [s.name for s in find_sources(text, terms=general_terms())] == ["Wong Siu-ming"]


def test_the_country_of_an_ambassador_is_not_part_of_the_name():
    text = "The country's ambassador to Freedonia Ana Kovalenko has said that talks failed."
    assert [s.name for s in find_sources(text, terms=general_terms())] == ["Ana Kovalenko"]


def test_a_person_named_in_full_once_and_quoted_by_surname_later_is_a_named_source():
    text = ("In the morning lawmakers questioned Maria Lopes, an aide to the governor, and Tim Okoro. "
            '"It was unusual," Lopes said. Okoro said the call was wrong.')
    found = [(s.name, s.kind, s.mentions) for s in find_sources(text, terms=general_terms())]
    assert found == [("Maria Lopes", "named_official", 2), ("Tim Okoro", "named_official", 2)]


def test_a_person_gets_the_longest_name_the_report_gives():
    text = 'Ambassador Lopes spoke first. "We are ready," said Maria Lopes.'
    assert [s.name for s in find_sources(text, terms=general_terms())] == ["Maria Lopes"]


def test_a_word_opening_the_sentence_is_not_part_of_the_name():
    text = "Because Jo Okafor doubted it, she said the test was wrong. Following Okafor's advice, they waited."
    assert [s.name for s in find_sources(text, terms=general_terms())] == ["Jo Okafor"]


def test_a_word_in_capitals_only_at_the_sentence_start_is_not_part_of_the_name():
    text = "Nearby Jo Okafor said the test was wrong. The shop nearby closed."
    assert [s.name for s in find_sources(text, terms=general_terms())] == ["Jo Okafor"]


def test_a_hyphenated_first_word_is_a_description_not_a_name():
    text = "Kenyan-born Okafor said the test was wrong, said Jo Okafor."
    assert [s.name for s in find_sources(text, terms=general_terms())] == ["Jo Okafor"]


def test_names_with_an_inner_capital_or_a_middle_initial_are_whole():
    text = "Jo McAllister said the plan failed. Ana T. Okafor said it would not."
    assert [s.name for s in find_sources(text, terms=general_terms())] == ["Jo McAllister", "Ana T. Okafor"]


def test_a_journal_is_not_a_person():
    assert find_sources("SportsDaily Journal reported that the club was sold.", terms=general_terms()) == []


def test_a_name_with_accented_letters_is_whole():
    found = find_sources("Lucía Peña Ortiz said the road stayed open.", terms=general_terms())
    assert [(s.name, s.kind) for s in found] == [("Lucía Peña Ortiz", "named_official")]


@pytest.mark.parametrize("text, name", [
    ("Harbour Lighting Technologies said the lamps were safe.", "Harbour Lighting Technologies"),
    ("Portbury Boat Systems said the pier would reopen.", "Portbury Boat Systems"),
    ("Northgate Ferries Ltd said no boats would sail.", "Northgate Ferries Ltd"),
])
def test_a_company_named_by_its_ending_is_an_organisation_not_a_person(text, name):
    found = find_sources(text, terms=general_terms())
    assert [(s.name, s.kind) for s in found] == [(name, "institution")]


def test_the_agency_alone_names_no_organisation():
    text = "The Environment Agency said the river was high. Later the agency said it had opened the gates."
    assert [s.name for s in find_sources(text, terms=general_terms())] == ["Environment Agency"]


@pytest.mark.parametrize("text", [
    "Wistow and Harbour Lighting Technologies are said to be among the suppliers of the lamps.",
    "His aunt, Mary Holden, was said to have disliked the plan.",
    "Jo Lee is accused by critics of delaying the repairs.",
])
def test_a_name_others_speak_about_in_the_passive_is_not_a_source(text):
    assert find_sources(text, terms=general_terms()) == []
