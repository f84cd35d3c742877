"""Specification of medialit.answer_key's teacher side: a key built from a teacher's labels, and writing it."""

from __future__ import annotations

import pytest

import medialit.answer_key as answer_key
from medialit.answer_key import (
    ANSWER_KEY_FILE,
    KeyEntry,
    Label,
    answer_key_text,
    key_write_problem,
    load_answer_key,
    teacher_key,
    write_answer_key,
)
from medialit.segmentation import Block
from medialit.story import Report

PAGE = "Storm hits the coast\n\nFlood warnings have been issued across the region as the storm moves in.\n\nPrivacy Policy"


def report(report_id: str = "000", text: str = PAGE) -> Report:
    return Report(id=report_id, filename=f"{report_id}.txt", raw_text=text)


def lines(of: Report) -> list[int]:
    return [block.line for block in of.blocks]


def test_a_fully_labelled_report_becomes_key_entries_with_the_finer_role_or_the_group():
    page = report()
    labels = {"000": {1: Label("other", "headline"), 3: Label("body"), 5: Label("other", "boilerplate")}}
    whys = {"000": {1: "The title.", 3: "Prose.", 5: "A footer link."}}
    key, problems = teacher_key({}, [page], labels, whys)
    assert problems == []
    assert key == {"000": [KeyEntry(1, "headline", "The title."), KeyEntry(3, "body", "Prose."),
                           KeyEntry(5, "boilerplate", "A footer link.")]}


def test_other_without_a_finer_role_or_a_missing_why_is_named_and_keeps_the_old_entries():
    page = report()
    old = {"000": [KeyEntry(1, "headline", "Old why.")]}
    labels = {"000": {1: Label("other"), 3: Label("body"), 5: Label("other", "boilerplate")}}
    whys = {"000": {1: "The title.", 3: "", 5: "A footer link."}}
    key, problems = teacher_key(old, [page], labels, whys)
    assert key == old
    assert problems == ["Report 000: lines 1, 3 need a role (a finer role for 'Other') and a why."]


def test_a_report_the_teacher_has_not_labelled_keeps_its_old_entries():
    old = {"001": [KeyEntry(1, "headline", "Old why.")]}
    key, problems = teacher_key(old, [report("001")], {}, {})
    assert (key, problems) == (old, [])


def test_the_old_key_passed_in_is_not_changed():
    old = {"000": [KeyEntry(1, "headline", "Old why.")]}
    labels = {"000": {line: Label("body") for line in lines(report())}}
    whys = {"000": {line: "Prose." for line in lines(report())}}
    teacher_key(old, [report()], labels, whys)
    assert old == {"000": [KeyEntry(1, "headline", "Old why.")]}


def test_writing_a_key_creates_the_file_in_the_bundled_layout(tmp_path):
    key = {"000": [KeyEntry(1, "headline", "The title."), KeyEntry(3, "body", "Prose.")]}
    assert write_answer_key(tmp_path, key) is None
    assert (tmp_path / ANSWER_KEY_FILE).read_text(encoding="utf-8") == answer_key_text(key)
    assert load_answer_key(tmp_path) == key


def test_writing_over_a_key_keeps_the_old_file_as_a_backup(tmp_path):
    write_answer_key(tmp_path, {"000": [KeyEntry(1, "headline", "First.")]})
    backup = write_answer_key(tmp_path, {"000": [KeyEntry(1, "headline", "Second.")]})
    assert backup is not None and backup.name.startswith(f"{ANSWER_KEY_FILE}.backup-")
    assert "First." in backup.read_text(encoding="utf-8")
    assert load_answer_key(tmp_path)["000"][0].why == "Second."


def test_the_bundled_story_key_may_not_be_rewritten(tmp_path):
    assert "comes with the kit" in key_write_problem(tmp_path, bundled=True)


def test_a_folder_that_cannot_be_written_is_named(tmp_path, monkeypatch):
    # chmod cannot stop root (CI runs as root), so the permission check itself is made to say no.
    monkeypatch.setattr(answer_key.os, "access", lambda path, mode: False)
    assert str(tmp_path) in key_write_problem(tmp_path, bundled=False)


def test_a_writable_copy_of_a_story_may_get_a_key(tmp_path):
    assert key_write_problem(tmp_path, bundled=False) == ""


@pytest.mark.parametrize("role", ["body", "comment"])
def test_a_body_or_comment_label_needs_no_finer_role(role):
    page = report(text="Flood warnings have been issued across the region today.")
    key, problems = teacher_key({}, [page], {"000": {1: Label(role)}}, {"000": {1: "Why."}})
    assert (key["000"][0].role, problems) == (role, [])


def test_a_block_built_by_hand_has_no_offsets_until_segment_gives_them():
    assert (Block("Hi.", "body", 1, "").start, Block("Hi.", "body", 1, "").end) == (0, 0)


def test_changing_roles_touches_only_the_paragraphs_changed():
    from medialit.answer_key import ROLE_WHYS, KeyEntry, with_roles

    key = {"001": [KeyEntry(1, "headline", "Title."), KeyEntry(3, "body", "Prose."), KeyEntry(5, "body", "More.")]}
    changed = with_roles(key, {"001": {3: "caption", 5: "body"}})["001"]
    assert [(e.line, e.role, e.why) for e in changed] == [(1, "headline", "Title."), (3, "caption", ROLE_WHYS["caption"]),
                                                          (5, "body", "More.")]
    assert key["001"][1].role == "body"
