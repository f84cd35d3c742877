"""The story builder, driven from Python: pages in, a story out, each later step working on it."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from medialit import load_story
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


def in_doubt(folder, report_id: str, line: int):
    """The built story, with one paragraph marked as one where the two methods disagree."""
    meta = json.loads((folder / "story.json").read_text())
    meta["answer_key"] = {"status": "proposed", "disagree": {report_id: [line]}}
    (folder / "story.json").write_text(json.dumps(meta))
    return load_story(folder)


def test_the_review_offers_a_menu_for_each_paragraph_in_doubt(built, tmp_path):
    story = in_doubt(tmp_path / "pool-story", "001", 3)
    review = KeyReview(story)
    assert list(review.menus) == [("001", 3)]
    assert review.menus[("001", 3)].value == {e.line: e.role for e in story.report("001").key}[3]


def test_saving_the_reviewed_key_writes_it_and_marks_it_checked(built, tmp_path):
    review = KeyReview(in_doubt(tmp_path / "pool-story", "001", 3))
    review.menus[("001", 3)].value = "caption"
    review.save.click()
    assert "saved and marked as checked" in review.status.value
    story = load_story(tmp_path / "pool-story")
    assert not story.key_proposed
    assert {e.line: e.role for e in story.report("001").key}[3] == "caption"


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
