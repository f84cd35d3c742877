"""Lesson 4's word lists: the bundled story's groups, the general groups, a story's own file first, and the messages for broken files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from kit_testing import ROOT

from lesson4_pages import TERMS
from medialit.story import StoryError, load_story
from medialit.distinctive_words import propose_terms
from medialit.terms import (
    TermGroup,
    TERMS_FILE,
    general_terms,
    load_terms,
    story_terms,
    terms_problems,
    write_terms,
)
from medialit.word_counts import count_terms

# --- the word lists --------------------------------------------------------------------------


def test_bundled_word_lists_have_the_four_lesson_groups():
    assert [g.id for g in TERMS.groups] == ["sides_government", "sides_isis", "sides_sdf", "attribution"]


def test_every_bundled_group_has_a_title_and_a_note_for_teachers():
    assert all(group.title and group.note for group in TERMS.groups)


def test_attribution_verbs_list_their_inflections():
    verbs = TERMS.group("attribution").terms
    assert {"say", "says", "said", "saying"} <= set(verbs["said"])
    assert {"deny", "denies", "denied", "denying"} <= set(verbs["denied"])


def test_malformed_word_list_names_the_file_line_and_fix(tmp_path: Path):
    bad = tmp_path / "terms.json"
    bad.write_text('{"groups": [\n  {"id": "x" "title": "X"}\n]}', encoding="utf-8")
    with pytest.raises(StoryError) as caught:
        load_terms(bad)
    message = str(caught.value)
    assert str(bad) in message and "line 2" in message and "comma" in message


def test_group_without_terms_is_refused_with_an_example_of_the_right_shape(tmp_path: Path):
    bad = tmp_path / "terms.json"
    bad.write_text(json.dumps({"groups": [{"id": "x", "title": "X"}]}), encoding="utf-8")
    with pytest.raises(StoryError, match=r"group 'x': 'terms' must be an object like"):
        load_terms(bad)


def test_same_term_name_in_two_groups_is_refused(tmp_path: Path):
    groups = [{"id": a, "title": a, "terms": {"forces": ["forces"]}} for a in ("one", "two")]
    bad = tmp_path / "terms.json"
    bad.write_text(json.dumps({"groups": groups}), encoding="utf-8")
    with pytest.raises(StoryError, match="'forces' is also in group 'one'"):
        load_terms(bad)


def test_missing_word_list_file_says_how_to_fall_back(tmp_path: Path):
    with pytest.raises(StoryError, match="does not exist.*leave it out"):
        load_terms(tmp_path / "nope.json")


def test_unknown_group_id_lists_the_known_ones():
    with pytest.raises(StoryError, match="sides_government, sides_isis"):
        count_terms("text", ["no_such_group"])


def test_not_people_must_be_a_list_of_words(tmp_path: Path):
    data = json.loads(Path(TERMS.path).read_text(encoding="utf-8"))
    data["sources"]["not_people"] = "Gaza"
    bad = tmp_path / "terms.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(StoryError, match="'not_people' must be a list"):
        load_terms(bad)


# --- a story's own list first, the general lists for the rest ----------------------------------


def test_the_bundled_story_keeps_its_hand_made_groups():
    assert [g.id for g in story_terms(load_story()).groups] == [g.id for g in TERMS.groups]


def test_a_story_without_its_own_list_gets_the_general_groups():
    other = load_story(ROOT / "tests" / "stories" / "harbour-storm")
    terms = story_terms(other)
    assert [g.id for g in terms.groups] == [g.id for g in general_terms().groups]
    assert "regime" not in {term for g in terms.groups for term in g.terms}


def test_general_groups_hold_for_any_story_and_name_no_side():
    general = general_terms()
    assert {"said", "claimed", "warned", "admitted"} <= set(general.group("attribution").terms)
    assert general.number_topics == () and general.not_people == ()
    assert "institution" not in general.sources


def test_a_storys_own_groups_come_first_and_missing_lists_come_from_the_general_ones(tmp_path: Path):
    own = {"groups": [{"id": "storm", "title": "Naming the storm", "terms": {"storm": ["storm"], "gale": ["gale"]}}]}
    story = _story_with(tmp_path, own)
    terms = story_terms(story)
    assert [g.id for g in terms.groups] == ["storm"]
    assert terms.reporting_verbs == general_terms().reporting_verbs
    assert terms.sources["news_agency"] == general_terms().sources["news_agency"]


def test_a_storys_list_without_groups_keeps_the_general_groups_and_adds_its_places(tmp_path: Path):
    story = _story_with(tmp_path, {"sources": {"not_people": ["Portbury"]}})
    terms = story_terms(story)
    assert terms.not_people == ("Portbury",)
    assert [g.id for g in terms.groups] == [g.id for g in general_terms().groups]


def test_a_broken_story_list_names_its_file(tmp_path: Path):
    story = _story_with(tmp_path, {"groups": "storm"})
    with pytest.raises(StoryError, match=r"terms\.json: 'groups' must be a list"):
        story_terms(story)


def _story_with(tmp_path: Path, terms: dict):
    folder = tmp_path / "story"
    folder.mkdir()
    for number in ("001", "002"):
        (folder / f"{number}_page.txt").write_text(f"Headline {number}\n\nThe storm hit the coast, officials said.\n")
    (folder / TERMS_FILE).write_text(json.dumps(terms), encoding="utf-8")
    return load_story(folder)


def test_the_story_check_finds_a_broken_terms_file_and_nothing_in_a_good_or_missing_one(tmp_path: Path):
    assert terms_problems(tmp_path) == []
    (tmp_path / TERMS_FILE).write_text(json.dumps({"sources": {"not_people": ["Portbury"]}}), encoding="utf-8")
    assert terms_problems(tmp_path) == []
    (tmp_path / TERMS_FILE).write_text('{"groups": [\n  {"id": "x" "title": "X"}\n]}', encoding="utf-8")
    (problem,) = terms_problems(tmp_path)
    assert TERMS_FILE in problem and "line 2" in problem


def test_the_bundled_storys_word_lists_pass_the_story_check():
    assert terms_problems(load_story().folder) == []


# --- the story's terms.json -----------------------------------------------------------------------


def _story_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "storm"
    folder.mkdir()
    for name in ("001_coastal_courier.txt", "002_national_wire.txt", "003_daily_shout.txt"):
        (folder / name).write_bytes((ROOT / "tests" / "stories" / "harbour-storm" / name).read_bytes())
    return folder


def test_written_groups_are_what_lesson_4_reads_for_that_story(tmp_path: Path):
    folder = _story_folder(tmp_path)
    proposed = propose_terms(load_story(folder))
    path = write_terms(folder, proposed)
    assert path == folder / "terms.json"
    terms = story_terms(load_story(folder))
    assert [g.id for g in terms.groups] == [g.id for g in proposed]
    assert terms.group("attribution").terms == proposed[0].terms
    assert terms.sources["news_agency"] == general_terms().sources["news_agency"]


def test_writing_groups_keeps_the_files_other_parts(tmp_path: Path):
    folder = _story_folder(tmp_path)
    (folder / "terms.json").write_text(json.dumps({"sources": {"not_people": ["Portbury"]}}), encoding="utf-8")
    write_terms(folder, [TermGroup("storm", "Storm words", {"storm": ("storm",)})])
    data = json.loads((folder / "terms.json").read_text(encoding="utf-8"))
    assert data["sources"] == {"not_people": ["Portbury"]} and data["groups"][0]["id"] == "storm"


def test_broken_groups_are_refused_and_the_old_file_is_kept(tmp_path: Path):
    folder = _story_folder(tmp_path)
    write_terms(folder, [TermGroup("storm", "Storm words", {"storm": ("storm",)})])
    before = (folder / "terms.json").read_text(encoding="utf-8")
    twice = [TermGroup(g, g, {"storm": ("storm",)}) for g in ("one", "two")]
    with pytest.raises(StoryError, match="'storm' is also in group 'one'"):
        write_terms(folder, twice)
    assert (folder / "terms.json").read_text(encoding="utf-8") == before


def test_writing_to_something_that_is_not_a_folder_says_so(tmp_path: Path):
    with pytest.raises(StoryError, match="is not a folder"):
        write_terms(tmp_path / "nowhere", [])
