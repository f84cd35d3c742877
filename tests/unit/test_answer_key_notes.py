"""Specification of the answer key's two explanations: the why a student reads, and the note only the teacher sees."""

from __future__ import annotations

import json

import pytest

from medialit.answer_key import (
    ANSWER_KEY_FILE,
    ROLE_WHYS,
    KeyEntry,
    Label,
    answer_key_text,
    lines_to_check,
    load_answer_key,
    mark_labels,
    with_roles,
    write_answer_key,
)
from medialit.errors import StoryError
from medialit.segmentation import ROLES, Block, segment
from medialit.story import bundled_story_folder

TEACHER_WORDS = ("trafilatura", "check it", "kit's rules", "page's structure", "teacher")


def test_every_role_has_a_plain_why_for_students():
    assert set(ROLE_WHYS) == set(ROLES)
    for why in ROLE_WHYS.values():
        assert why.endswith(".") and not any(word in why.lower() for word in TEACHER_WORDS)


def test_the_bundled_key_loads_without_notes_and_writes_back_byte_for_byte():
    file = bundled_story_folder() / ANSWER_KEY_FILE
    key = load_answer_key(bundled_story_folder())
    assert all(entry.note == "" for entries in key.values() for entry in entries)
    assert answer_key_text(key) == file.read_text(encoding="utf-8")


def test_a_key_without_notes_is_written_without_a_note_field():
    assert "note" not in answer_key_text({"000": [KeyEntry(1, "headline", "The title.")]})


def test_a_note_is_written_and_read_back_with_its_entry(tmp_path):
    key = {"000": [KeyEntry(1, "headline", "The title.", "From the page's <h1>."), KeyEntry(3, "body", "Prose.")]}
    write_answer_key(tmp_path, key)
    assert load_answer_key(tmp_path) == key


def write_raw(folder, entry: dict) -> None:
    (folder / ANSWER_KEY_FILE).write_text(json.dumps({"000": [entry]}), encoding="utf-8")


def test_a_note_that_is_not_text_is_named_with_the_fix(tmp_path):
    write_raw(tmp_path, {"line": 1, "role": "body", "why": "Prose.", "note": 3})
    with pytest.raises(StoryError, match="'note' must be text"):
        load_answer_key(tmp_path)


def test_a_field_the_key_does_not_know_is_named(tmp_path):
    write_raw(tmp_path, {"line": 1, "role": "body", "why": "Prose.", "reason": "Prose."})
    with pytest.raises(StoryError, match="'line', 'role' and 'why'"):
        load_answer_key(tmp_path)


def test_a_students_mark_carries_the_why_and_never_the_note():
    blocks = segment("Storm hits the coast\n\nFlood warnings were issued across the region as the storm moved in.")
    key = [KeyEntry(1, "headline", "The title.", "NOTE-1"), KeyEntry(3, "body", "Part of the article.", "NOTE-3")]
    marks = mark_labels(blocks, {1: Label("body"), 3: Label("other")}, key).marks
    assert [mark.why for mark in marks] == ["The title.", "Part of the article."]
    assert not any("NOTE" in str(value) for mark in marks for value in vars(mark).values())


def test_a_role_the_teacher_keeps_keeps_its_why_and_is_noted_as_checked():
    key = {"000": [KeyEntry(3, "body", "Part of the article's own text.", "Two methods disagree: check it.")]}
    entry = with_roles(key, {"000": {3: "body"}})["000"][0]
    assert (entry.role, entry.why, entry.note) == ("body", "Part of the article's own text.", "Checked by the teacher.")


def test_a_role_the_teacher_changes_gets_the_students_why_of_its_new_role():
    key = {"000": [KeyEntry(3, "body", "Part of the article's own text.", "Check it.")]}
    entry = with_roles(key, {"000": {3: "related"}})["000"][0]
    assert (entry.role, entry.why) == ("related", ROLE_WHYS["related"])
    assert "teacher" in entry.note and "body" in entry.note  # the teacher sees what was proposed


def test_a_paragraph_the_teacher_did_not_review_is_untouched():
    entry = KeyEntry(5, "caption", "A photo.", "The kit's rules: a photo credit.")
    assert with_roles({"000": [entry]}, {"000": {3: "body"}})["000"] == [entry]


def entries(*roles: str) -> list[KeyEntry]:
    return [KeyEntry(line, role, ROLE_WHYS[role]) for line, role in enumerate(roles, start=1)]


def test_the_headline_and_standfirst_are_always_checked_with_the_disagreements_in_line_order():
    key = entries("boilerplate", "headline", "standfirst", "body", "body", "comment")
    assert lines_to_check(key, [6, 4]) == [2, 3, 4, 6]


def test_the_limit_cuts_the_disagreements_never_the_headline_or_standfirst():
    key = entries("headline", "standfirst", "body", "body", "body")
    assert lines_to_check(key, [3, 4, 5], limit=1) == [1, 2, 3]
    assert lines_to_check(key, [3, 4, 5], limit=0) == [1, 2]


def test_a_disagreement_on_a_line_the_key_does_not_have_is_left_out():
    assert lines_to_check(entries("headline", "body"), [2, 9]) == [1, 2]


def test_a_block_with_a_note_free_key_marks_exactly_as_before():
    # The key a person wrote before notes existed: the same marks, the same whys.
    block = Block("Flood warnings were issued across the region.", "body", 1, "Prose.")
    mark = mark_labels([block], {1: Label("other")}, [KeyEntry(1, "body", "Article prose.")]).marks[0]
    assert (mark.key_role, mark.why, mark.right) == ("body", "Article prose.", False)
