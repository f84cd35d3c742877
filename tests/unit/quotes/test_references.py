"""A story's published versions of its statement: reference_quotes.json, its variants and notes."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from medialit.quotes import (
    REFERENCE_FILE,
    align_quotes,
    reference_notes,
    reference_synonyms,
    reference_versions,
)
from medialit.quotes.references import folder_versions
from medialit.story import Reference, StoryError, bundled_story_folder, load_story
from quote_cases import KONASHENKOV, REFERENCE_MD, copy_story


# --- reference versions --------------------------------------------------------------------------


def test_reference_file_ships_five_sources_for_each_of_the_two_remarks(story):
    versions = reference_versions(story)
    assert [(v.name, v.remark) for v in versions] == [
        (name, remark)
        for name in ("Russian original", "TASS", "Reuters", "Washington Post", "AFP")
        for remark in ("warning", "fire-points")
    ]
    assert {v.language for v in versions if v.name == "Russian original"} == {"ru"}
    assert all(v.speaker == KONASHENKOV for v in versions)


@pytest.mark.skipif(not REFERENCE_MD.is_file(), reason="../shared/reference is not beside this clone")
def test_reference_sources_and_wordings_are_exactly_those_of_the_shared_table(story):
    table = REFERENCE_MD.read_text(encoding="utf-8")
    rows = [r for r in table.splitlines() if r.startswith("| ") and not r.startswith("| source")]
    sources = {r.strip().strip("|").split("|")[0].strip() for r in rows}
    for version in reference_versions(story):
        assert version.source in sources
        assert version.as_given in table and version.text in version.as_given


@pytest.mark.skipif(not REFERENCE_MD.is_file(), reason="../shared/reference is not beside this clone")
def test_reference_notes_are_the_teaching_notes_of_the_shared_file(story):
    table = " ".join(REFERENCE_MD.read_text(encoding="utf-8").split())
    notes = reference_notes(story)
    assert len(notes) == 3 and all(note in table for note in notes)


def test_reference_file_explains_its_translation_variants_to_teachers():
    data = json.loads((bundled_story_folder() / REFERENCE_FILE).read_text(encoding="utf-8"))
    assert "translation variants of this story's statement" in data["synonyms"]["note"]


def test_every_translation_variant_is_a_wording_the_story_uses(story):
    # The variants are facts about this story's texts, not a thesaurus.
    data = json.loads((bundled_story_folder() / REFERENCE_FILE).read_text(encoding="utf-8"))
    texts = " ".join([r.raw_text for r in story.reports] + [v.text for v in reference_versions(story)]).lower()
    wordings = {w for part in ("words", "phrases") for group in data["synonyms"][part] for w in group}
    assert sorted(w for w in wordings if w.lower() not in texts) == []


def test_reference_synonyms_that_are_not_lists_of_wordings_name_the_file_and_the_list(tmp_path):
    folder = copy_story(tmp_path)
    synonyms = {"note": "variants", "words": [["suppressed", "destroyed"], ["alone"]]}
    (folder / REFERENCE_FILE).write_text(json.dumps({"versions": [], "synonyms": synonyms}), encoding="utf-8")
    with pytest.raises(StoryError, match=r"reference_quotes\.json: synonyms words list 2 must hold two or more wordings"):
        reference_synonyms(load_story(folder))


def test_reference_synonyms_section_of_the_wrong_shape_says_what_it_must_hold(tmp_path):
    folder = copy_story(tmp_path)
    (folder / REFERENCE_FILE).write_text(json.dumps({"versions": [], "synonyms": ["a", "b"]}), encoding="utf-8")
    with pytest.raises(StoryError, match=r"'synonyms' must be an object with a \"note\""):
        reference_synonyms(load_story(folder))


def test_fire_points_line_is_marked_as_reported_speech_in_the_original(story):
    russian = {v.remark: v.speech for v in reference_versions(story) if v.language == "ru"}
    assert russian == {"warning": "direct", "fire-points": "indirect"}


def test_story_without_a_reference_file_has_no_reference_versions(tmp_path):
    story = load_story(copy_story(tmp_path))
    assert reference_versions(story) == [] and reference_notes(story) == []
    assert all(g.remark == "" for g in align_quotes(story))


def test_object_without_a_folder_has_no_reference_versions():
    assert reference_versions(SimpleNamespace(reports=[])) == []


def test_reference_file_that_is_not_json_names_the_file_the_spot_and_the_fix(tmp_path):
    folder = copy_story(tmp_path)
    (folder / REFERENCE_FILE).write_text('{"versions": [', encoding="utf-8")
    with pytest.raises(StoryError, match=r"reference_quotes\.json is not valid JSON \(line 1.*delete the file"):
        reference_versions(load_story(folder))


def test_reference_file_without_a_versions_list_says_what_it_must_hold(tmp_path):
    folder = copy_story(tmp_path)
    (folder / REFERENCE_FILE).write_text('{"items": []}', encoding="utf-8")
    with pytest.raises(StoryError, match=r"reference_quotes\.json must hold one JSON object with a list 'versions'"):
        reference_versions(load_story(folder))


def test_reference_version_missing_its_text_is_named_by_number(tmp_path):
    folder = copy_story(tmp_path)
    entry = {"source": "TASS", "remark": "warning", "language": "en"}
    (folder / REFERENCE_FILE).write_text(json.dumps({"versions": [entry]}), encoding="utf-8")
    with pytest.raises(StoryError, match=r"version 1 needs text in quotes for 'text'"):
        reference_versions(load_story(folder))


def test_reference_file_with_notes_that_are_not_texts_is_refused(tmp_path):
    folder = copy_story(tmp_path)
    (folder / REFERENCE_FILE).write_text(json.dumps({"versions": [], "notes": [1]}), encoding="utf-8")
    with pytest.raises(StoryError, match="'notes' must be a list of texts"):
        reference_notes(load_story(folder))


# --- a story's references/ folder (Story.references) ----------------------------------------------

FOLDER_REPORTS = (
    SimpleNamespace(id="a", raw_text='Bridge to close\n\n"The old bridge will close on Monday for urgent repairs," '
                                    "said Mayor Jane Okafor."),
    SimpleNamespace(id="b", raw_text='Repairs ahead\n\nJane Okafor said "the old bridge will close on Monday".'),
)


def folder_story(*references: Reference) -> SimpleNamespace:
    return SimpleNamespace(reports=FOLDER_REPORTS, references=references)


WIRE = Reference("wire.txt", "City Wire, 2 May 2024",
                 "The mayor spoke at noon. The old bridge will close on Monday for urgent repairs, she said.")


def test_an_english_reference_file_gives_the_sentence_that_is_the_same_remark():
    [version] = folder_versions(folder_story(WIRE), "The old bridge will close on Monday for urgent repairs")
    assert version.text == "The old bridge will close on Monday for urgent repairs, she said."
    assert (version.source, version.language, version.citation) == ("City Wire, 2 May 2024", "en", "wire.txt")


def test_a_reference_file_without_the_remark_gives_nothing():
    other = Reference("budget.txt", "City Hall, 3 May 2024", "The budget for parks will rise by a tenth next year.")
    assert folder_versions(folder_story(other), "The old bridge will close on Monday for urgent repairs") == []


def test_a_reference_file_in_another_script_is_given_whole_to_be_compared_by_meaning():
    original = Reference("original.txt", "Городской совет, 2 мая 2024", "Старый мост закроют в понедельник на ремонт.")
    [version] = folder_versions(folder_story(original), "The old bridge will close on Monday")
    assert (version.text, version.language) == (original.text, "other")


def test_lesson_3_offers_the_folder_version_as_the_reference_of_its_remark():
    [group] = align_quotes(folder_story(WIRE))
    assert group.report_ids == ["a", "b"]
    assert group.reference_source == "City Wire, 2 May 2024"
    assert [v.citation for v in group.reference_versions] == ["wire.txt"]


def test_a_story_without_a_references_folder_groups_as_before():
    [group] = align_quotes(folder_story())
    assert (group.reference_versions, group.reference_source) == ((), "a")
