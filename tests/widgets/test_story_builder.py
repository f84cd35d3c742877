"""The story builder, driven from Python: pages in, a story out, each later step working on it."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from kit_testing import all_html

from medialit import load_story
from medialit.answer_key import ROLE_WHYS
from medialit.widgets.story_builder import KeyReview, StoryBuilder

PAGES = {
    "tribune.html": "<html><head><title>Tribune</title></head><body><nav>Home | News | Sport</nav>"
                    "<h1>Council shuts pool after secret vote</h1><p>The council voted on Thursday to close the pool, "
                    "its leader said, after engineers put the repair bill at two million pounds.</p>"
                    "<p>Campaigners said the figure was wrong and that the vote was rushed.</p></body></html>",
    "gazette.html": "<html><body><h1>Pool to close, council says</h1><p>The council said on Thursday that the pool "
                    "would close because repairs would cost two million pounds, a figure campaigners dispute.</p>"
                    "<p>The leader said residents would be asked first.</p><footer>© Gazette</footer></body></html>",
}


def uploads(pages: dict[str, str]) -> tuple[dict, ...]:
    now = datetime.now(timezone.utc)
    return tuple({"name": name, "type": "text/html", "size": len(text), "content": memoryview(text.encode()),
                  "last_modified": now} for name, text in pages.items())


@pytest.fixture
def built(work_folder, tmp_path):
    builder = StoryBuilder()
    builder.upload.value = uploads(PAGES)
    builder.title.value = "The pool vote"
    builder.target.value = str(tmp_path / "pool-story")
    builder.build.click()
    return builder


def test_building_writes_a_story_with_one_report_per_page(built, tmp_path):
    story = load_story(tmp_path / "pool-story")
    assert len(story.reports) == 2 and story.title == "The pool vote"
    assert "✓ The story" in built.summary.value


def test_after_building_the_later_steps_appear(built):
    kinds = [type(child).__name__ for child in built.later.children if type(child).__name__ != "HTML"]
    assert kinds == ["KeyReview", "TermsEditor", "ReferenceAdder", "StoryCheck", "StoryChooser"]


def test_the_builders_check_also_says_what_is_worth_knowing_before_class(built):
    check = next(child for child in built.later.children if type(child).__name__ == "StoryCheck")
    check.button.click()
    # The two pages quote nobody the same way and the story has no reference version: lesson 3 needs one.
    assert "Worth knowing before class" in check.result.value and "Lesson 3" in check.result.value


def in_doubt(folder, report_id: str, line: int):
    """The built story, with one paragraph marked as one where the two methods disagree."""
    meta = json.loads((folder / "story.json").read_text())
    meta["answer_key"] = {"status": "proposed", "disagree": {report_id: [line]}}
    (folder / "story.json").write_text(json.dumps(meta))
    return load_story(folder)


def roles_of(story, report_id: str) -> dict[int, str]:
    return {entry.line: entry.role for entry in story.report(report_id).key}


def test_the_review_offers_a_menu_for_each_paragraph_in_doubt_set_to_its_proposed_role(built, tmp_path):
    story = in_doubt(tmp_path / "pool-story", "001", 3)
    review = KeyReview(story)
    assert ("001", 3) in review.menus
    assert review.menus[("001", 3)].value == roles_of(story, "001")[3]


def test_the_review_always_lists_each_reports_headline_even_where_the_two_methods_agree(built, tmp_path):
    story = in_doubt(tmp_path / "pool-story", "001", 3)
    headlines = {(report.id, line) for report in story.reports
                 for line, role in roles_of(story, report.id).items() if role == "headline"}
    review = KeyReview(story)
    assert len(headlines) == 2 and headlines <= set(review.menus)
    assert set(review.menus) == headlines | {("001", 3)}  # and nothing else: the rest agree
    assert "Council shuts pool after secret vote" in all_html(review)


def test_each_menu_in_the_review_is_named_for_its_report_and_line(built, tmp_path):
    review = KeyReview(in_doubt(tmp_path / "pool-story", "001", 3))
    assert review.menus[("001", 3)].description == "Role of Report 001, line 3:"
    assert len({menu.description for menu in review.menus.values()}) == len(review.menus)


def with_key(folder, entries: list[dict], disagree: list[int]):
    """The built story with report 001's key replaced by these entries, marked in doubt at these lines."""
    key = json.loads((folder / "answer_key.json").read_text())
    key["001"] = entries
    (folder / "answer_key.json").write_text(json.dumps(key))
    return in_doubt(folder, "001", disagree[0]) if disagree else load_story(folder)


def test_the_review_lists_a_standfirst_and_shows_the_teachers_note_for_each_row(built, tmp_path):
    folder = tmp_path / "pool-story"
    lines = [block.line for block in load_story(folder).report("001").helper_blocks]
    entries = [{"line": line, "role": "body", "why": "Part of the article's own text.",
                "note": f"NOTE FOR LINE {line}"} for line in lines]
    entries[0].update(role="headline", why="The report's headline.")
    entries[1].update(role="standfirst", why="A summary.")
    review = KeyReview(with_key(folder, entries, [lines[2]]))
    assert [line for report_id, line in review.menus if report_id == "001"] == lines[:3]
    html = all_html(review)
    assert all(f"NOTE FOR LINE {line}" in html for line in lines[:3])


def test_a_report_whose_proposed_key_has_no_headline_is_named_in_the_review(built, tmp_path):
    folder = tmp_path / "pool-story"
    lines = [block.line for block in load_story(folder).report("001").helper_blocks]
    review = KeyReview(with_key(folder, [{"line": line, "role": "body", "why": "Prose."} for line in lines], []))
    assert "no paragraph is proposed as its headline" in all_html(review)


def test_a_key_without_notes_shows_what_the_kits_rules_read_where_the_key_differs(built, tmp_path):
    folder = tmp_path / "pool-story"
    story = load_story(folder)
    helper = {block.line: block.role for block in story.report("001").helper_blocks}
    line = next(line for line, role in helper.items() if role == "headline")
    entries = [{"line": other, "role": "body" if other == line else role, "why": "Prose."}
               for other, role in helper.items()]
    review = KeyReview(with_key(folder, entries, [line]))
    assert "rules read it as headline." in all_html(review)


def test_saving_the_reviewed_key_writes_it_and_marks_it_checked(built, tmp_path):
    review = KeyReview(in_doubt(tmp_path / "pool-story", "001", 3))
    review.menus[("001", 3)].value = "caption"
    review.save.click()
    assert "saved and marked as checked" in review.status.value
    story = load_story(tmp_path / "pool-story")
    assert not story.key_proposed
    assert {e.line: e.role for e in story.report("001").key}[3] == "caption"


def test_a_role_changed_in_the_review_gives_students_the_plain_reason_for_the_new_role(built, tmp_path):
    review = KeyReview(in_doubt(tmp_path / "pool-story", "001", 3))
    review.menus[("001", 3)].value = "related"
    review.save.click()
    entry = next(e for e in load_story(tmp_path / "pool-story").report("001").key if e.line == 3)
    assert entry.why == ROLE_WHYS["related"]
    assert "teacher" in entry.note  # "Checked by the teacher" is for the teacher, not the students


def test_the_full_labeller_opens_only_when_asked(built):
    review = built.later.children[1]
    assert review.more.children == ()
    review.full.click()
    assert [type(child).__name__ for child in review.more.children] == ["Labeller"]


def test_nothing_to_build_from_gives_a_message_not_an_error(work_folder):
    builder = StoryBuilder()
    builder.build.click()
    assert "Choose the pages first" in builder.status.value and builder.later.children == ()


def test_a_target_folder_with_files_in_it_is_refused_plainly(work_folder, tmp_path):
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "x.txt").write_text("x")
    builder = StoryBuilder()
    builder.upload.value = uploads(PAGES)
    builder.target.value = str(tmp_path / "taken")
    builder.build.click()
    assert "already has files" in builder.status.value


def test_word_groups_are_proposed_from_the_pages_and_saved_after_editing(built, tmp_path):
    editor = built.later.children[3]
    assert editor.groups, "no word groups proposed"
    editor.add_title.value = "How the decision is described"
    editor.add_words.value = "secret vote, voted"
    editor.add.click()
    editor.save.click()
    assert "Saved" in editor.status.value
    saved = (tmp_path / "pool-story" / "terms.json").read_text()
    assert "How the decision is described" in saved


def test_a_reference_version_is_added_to_the_story(built, tmp_path):
    adder = built.later.children[5]
    adder.upload.value = ({"name": "statement.txt", "type": "text/plain", "size": 30,
                           "content": memoryview(b"Council statement, 14 March 2024\n\nThe pool stays open."),
                           "last_modified": datetime.now(timezone.utc)},)
    adder.add.click()
    assert (tmp_path / "pool-story" / "references" / "statement.txt").exists()
    assert "statement.txt" in adder.listing.value


def test_the_story_check_runs_from_the_builder(built):
    check = built.later.children[7]
    check.button.click()
    assert check.result.value


def test_using_the_story_points_every_lesson_at_it_and_going_back_undoes_it(built, tmp_path, monkeypatch):
    monkeypatch.delenv("MEDIALIT_STORY", raising=False)
    chooser = built.later.children[9]
    chooser.use.click()
    assert load_story().title == "The pool vote"
    chooser.back.click()
    assert load_story().id == "deir-ezzor-2017"


def test_the_exact_line_for_a_terminal_names_the_story_folder(built, tmp_path):
    chooser = built.later.children[9]
    assert f"MEDIALIT_STORY={tmp_path / 'pool-story'} make lab" in chooser.children[0].value
