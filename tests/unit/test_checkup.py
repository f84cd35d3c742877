"""The story check (medialit check-story and the story builder): what it tells a teacher about lesson 3,
and its notes in plain English."""

from __future__ import annotations

from pathlib import Path

from kit_testing import write_story

from medialit.checkup import _proposed_key_note, check_story_folder
from medialit.story import bundled_story_folder

LESSON_3 = "Lesson 3 needs a remark quoted by two reports, or a reference version"


def lone_story(folder: Path) -> Path:
    """Two reports quoting different people: no remark has a second version."""
    return write_story(
        folder,
        {
            "001_a.txt": "Harbour closed after storm\n\nThe harbour master, Jo Lee, said the port would "
            '"stay shut until the swell drops" on Friday.\n',
            "002_b.txt": "Fishing fleet waits out storm\n\nSkippers waited on the quay. "
            '"Nobody sails in this," said Ana Silva, who runs the co-operative.\n',
        },
    )


def notes(folder: Path) -> list[str]:
    return [f.text for f in check_story_folder(folder) if f.kind == "note"]


def test_a_story_whose_remarks_each_have_one_version_warns_that_lesson_3_needs_a_second(tmp_path):
    [note] = [n for n in notes(lone_story(tmp_path / "lone")) if n.startswith(LESSON_3)]
    assert "references/" in note and "lessons/teacher-own-story.md" in note


def test_the_lesson_3_warning_is_a_note_not_a_problem(tmp_path):
    findings = check_story_folder(lone_story(tmp_path / "lone"))
    assert not any(f.kind == "problem" and LESSON_3 in f.text for f in findings)


def test_a_remark_quoted_by_two_reports_is_enough_for_lesson_3(tmp_path):
    folder = lone_story(tmp_path / "shared")
    write_story(folder, {"003_c.txt": 'Port stays shut\n\nJo Lee said the port would "stay shut until the swell drops".\n'})
    assert not any(n.startswith(LESSON_3) for n in notes(folder))


def test_a_reference_version_of_a_remark_is_enough_for_lesson_3(tmp_path):
    folder = lone_story(tmp_path / "referenced")
    (folder / "references").mkdir()
    (folder / "references" / "office.txt").write_text(
        "Harbour office, 3 May 2024\nThe port will stay shut until the swell drops.\n", encoding="utf-8"
    )
    assert not any(n.startswith(LESSON_3) for n in notes(folder))


def test_a_reference_version_that_matches_no_quote_says_so(tmp_path):
    folder = lone_story(tmp_path / "unmatched")
    (folder / "references").mkdir()
    (folder / "references" / "zoo.txt").write_text("City zoo, 3 May 2024\nThe penguins are fed at noon.\n", encoding="utf-8")
    [note] = [n for n in notes(folder) if n.startswith(LESSON_3)]
    assert "match none of its quotes" in note


def test_a_story_with_no_quotations_says_the_quote_checker_will_be_empty(tmp_path):
    folder = write_story(tmp_path / "quiet", {"001_a.txt": "Calm day\n\nNothing was said by anyone.\n",
                                              "002_b.txt": "Quiet day\n\nThe harbour was calm all day.\n"})
    assert any("finds no quotations" in n for n in notes(folder))


def test_the_bundled_story_has_no_lesson_3_note():
    assert not any("Lesson 3" in n for n in notes(bundled_story_folder()))


def test_the_proposed_key_note_counts_paragraphs_in_plain_english():
    assert "starting with the 1 paragraph where" in _proposed_key_note("001", 1)
    assert "starting with the 13 paragraphs where" in _proposed_key_note("001", 13)
    assert "agree on every paragraph" in _proposed_key_note("001", 0)
    assert all("(s)" not in _proposed_key_note("001", n) for n in (0, 1, 2))


LONG_PAGE = "Report 001 has 81 paragraphs: in lesson 1 students label every one"


def test_a_report_of_more_than_80_paragraphs_gets_a_note_about_lesson_1(tmp_path):
    long_body = "Headline\n\n" + "\n\n".join(f"Menu item {n}" for n in range(80)) + "\n"
    folder = write_story(tmp_path / "long", {"001_a.txt": long_body, "002_b.txt": "Other headline\n\nA short report.\n"})
    notes = [f.text for f in check_story_folder(folder) if f.kind == "note"]
    assert any(note.startswith(LONG_PAGE) and "reader or print view" in note for note in notes)
    assert not any("Report 002" in note and "students label every one" in note for note in notes)


def test_the_bundled_storys_reports_are_short_enough_for_lesson_1():
    assert not any("students label every one" in f.text for f in check_story_folder(bundled_story_folder()))
