"""Lesson 1 widgets, driven from Python: the paragraph labeller, teacher mode, the page-parts chart, comments only."""

from __future__ import annotations

import html
import importlib
import json
import re
import shutil

import ipywidgets as widgets
import pytest
from kit_testing import HOSTILE, all_html, assert_markup_is_escaped

import medialit.widgets as kit
from medialit.progress import open_work
from medialit.answer_key import ANSWER_KEY_FILE, load_answer_key
from medialit.story import bundled_story_folder
answer_key_module = importlib.import_module("medialit.answer_key")
from medialit.evidence import article_parts_evidence as evidence
from medialit.widgets.article_parts import CHECKED_KEY, HELPER_KEY, LABELS_KEY, REPORT_KEY, TEACHER_KEY

LESSON = "01-what-is-the-article"


def card_at(widget, line):
    return next(card for card in widget.cards if card.block.line == line)


def saved_answers(current):
    return open_work(LESSON, current.story.id, folder=current.work.folder.parent).answers


@pytest.fixture
def copied_story(tmp_path):
    """A writable copy of the bundled story, with its answer key."""
    folder = tmp_path / "story"
    shutil.copytree(bundled_story_folder(), folder)
    return folder


@pytest.fixture
def keyless_story(copied_story):
    (copied_story / ANSWER_KEY_FILE).unlink()
    return copied_story


# --- labelling, saving, restoring ------------------------------------------------------------


def test_one_card_per_paragraph_with_its_line_number(work_folder):
    current = kit.start(LESSON)
    widget = kit.labeller()
    widget.picker.value = "004"
    report = current.story.report("004")
    assert [card.block.line for card in widget.cards] == [block.line for block in report.blocks]
    assert "Line 34" in card_at(widget, 34).children[0].value


def test_each_card_offers_its_parts_as_radio_buttons_and_names_its_finer_role_menu(work_folder):
    kit.start(LESSON)
    card = kit.labeller().cards[0]
    # RadioButtons: the browser marks the chosen part "checked" (ToggleButtons only shade it: ipywidgets#2650).
    assert isinstance(card.group, widgets.RadioButtons) and card.group.orientation == "horizontal"
    assert card.role.description == "Finer role:"  # the visible label is the menu's accessible name


def test_cards_start_unlabelled(work_folder):
    kit.start(LESSON)
    widget = kit.labeller()
    assert all(card.group.value is None and card.role.value == "" for card in widget.cards)


def test_setting_a_role_saves_it_at_once_by_report_and_line(work_folder):
    current = kit.start(LESSON)
    widget = kit.labeller()
    widget.picker.value = "004"
    card_at(widget, 34).group.value = "comment"
    assert saved_answers(current)[LABELS_KEY] == {"004": {"34": {"group": "comment", "role": ""}}}
    assert saved_answers(current)[REPORT_KEY] == "004"
    assert "Saved" in widget.status.value


def test_labels_and_report_come_back_when_the_notebook_is_run_again(work_folder):
    kit.start(LESSON)
    widget = kit.labeller()
    widget.picker.value = "001"
    card_at(widget, 7).role.value = "caption"
    kit.start(LESSON)
    again = kit.labeller()
    assert again.picker.value == "001"
    assert card_at(again, 7).group.value == "other" and card_at(again, 7).role.value == "caption"


def test_labels_of_each_report_are_kept_apart(work_folder):
    kit.start(LESSON)
    widget = kit.labeller()
    widget.picker.value = "000"
    card_at(widget, 4).group.value = "body"
    widget.picker.value = "003"
    assert card_at(widget, 5).group.value is None
    widget.picker.value = "000"
    assert card_at(widget, 4).group.value == "body"


def test_choosing_a_finer_role_sets_its_group(work_folder):
    kit.start(LESSON)
    widget = kit.labeller()
    card = widget.cards[0]
    card.role.value = "comment_ui"
    assert card.group.value == "other"


def test_changing_the_group_clears_a_finer_role_of_another_group(work_folder):
    kit.start(LESSON)
    card = kit.labeller().cards[0]
    card.role.value = "headline"
    card.group.value = "body"
    assert card.role.value == ""


def test_progress_line_counts_labelled_paragraphs(work_folder):
    kit.start(LESSON)
    widget = kit.labeller()
    widget.cards[0].group.value = "other"
    assert f"1 of {len(widget.cards)}" in widget.progress.value


def test_broken_saved_labels_are_skipped_not_fatal(work_folder):
    current = kit.start(LESSON)
    current.work.set(LABELS_KEY, {"000": {"1": "nonsense", "x": {"group": "body"}, "4": {"group": "body", "role": "??"}}})
    widget = kit.labeller()
    widget.picker.value = "000"
    assert card_at(widget, 4).group.value == "body" and card_at(widget, 4).role.value == ""
    assert card_at(widget, 1).group.value is None


# --- checking against the answer key ---------------------------------------------------------


def test_check_marks_right_and_wrong_with_a_symbol_as_well_as_colour(work_folder):
    kit.start(LESSON)
    widget = kit.labeller()
    widget.picker.value = "004"
    card_at(widget, 6).group.value = "body"
    card_at(widget, 34).group.value = "body"
    widget.check_button.click()
    assert "✓" in card_at(widget, 6).mark.value
    assert "✗" in card_at(widget, 34).mark.value and "Comment" in card_at(widget, 34).mark.value
    assert "Reader comment number 1" in card_at(widget, 34).mark.value  # the key's why


def test_score_counts_groups_against_the_key_and_is_saved(work_folder):
    current = kit.start(LESSON)
    widget = kit.labeller()
    widget.picker.value = "004"
    for card in widget.cards:
        card.group.value = {34: "comment", 36: "comment", 38: "comment"}.get(card.block.line, "body")
    widget.check_button.click()
    # 13 body paragraphs and 3 comments are right; the 7 other parts of the page are wrong.
    assert "16 of 23" in widget.score.value
    assert saved_answers(current)[CHECKED_KEY]["004"] == {"right": 16, "scored": 23, "roles_right": 0, "unlabelled": 0}


def test_a_matching_finer_role_is_a_bonus_not_part_of_the_score(work_folder):
    kit.start(LESSON)
    widget = kit.labeller()
    widget.picker.value = "004"
    card_at(widget, 1).role.value = "headline"
    card_at(widget, 3).role.value = "caption"  # right group, wrong finer role
    widget.check_button.click()
    assert "2 of 23" in widget.score.value and "Bonus: 1" in widget.score.value
    assert "★" in card_at(widget, 1).mark.value and "★" not in card_at(widget, 3).mark.value


def test_unlabelled_cards_are_flagged_when_checking(work_folder):
    kit.start(LESSON)
    widget = kit.labeller()
    widget.check_button.click()
    assert "Not labelled yet" in widget.cards[0].mark.value and "not labelled yet" in widget.score.value


def test_changing_a_label_after_checking_hides_the_marks_until_the_next_check(work_folder):
    kit.start(LESSON)
    widget = kit.labeller()
    widget.cards[0].group.value = "body"
    widget.check_button.click()
    widget.cards[0].group.value = "other"
    assert widget.cards[0].mark.value == "" and "again" in widget.score.value


# --- the helper's guess ------------------------------------------------------------------------


def test_helper_guess_is_hidden_until_asked_for(work_folder):
    kit.start(LESSON)
    widget = kit.labeller()
    assert all("Helper" not in card.mark.value for card in widget.cards)


def test_show_the_helpers_guess_gives_role_and_reason_and_is_remembered(work_folder):
    current = kit.start(LESSON)
    widget = kit.labeller()
    widget.picker.value = "004"
    widget.helper_button.click()
    block = current.story.report("004").helper_blocks[-1]  # the helper's own guess, not the key
    assert "Helper&#x27;s guess" in widget.cards[-1].mark.value or "Helper's guess" in widget.cards[-1].mark.value
    assert block.reason.split()[0] in widget.cards[-1].mark.value
    assert saved_answers(current)[HELPER_KEY] == ["004"]
    kit.start(LESSON)
    assert "guess" in kit.labeller().cards[-1].mark.value


def test_where_student_helper_and_key_disagree_all_three_are_shown(work_folder):
    kit.start(LESSON)
    widget = kit.labeller()
    widget.picker.value = "004"
    card_at(widget, 40).group.value = "comment"
    widget.check_button.click()
    widget.helper_button.click()
    mark = card_at(widget, 40).mark.value
    assert "⚑" in mark and "You: Comment" in mark and "Helper: Other" in mark and "Key: Other" in mark
    assert "⚑" not in card_at(widget, 6).mark.value  # unlabelled, helper and key agree


# --- a story with no answer key ------------------------------------------------------------------


def test_without_a_key_check_explains_and_points_to_the_helper(work_folder, keyless_story):
    current = kit.start(LESSON, story_path=str(keyless_story))
    widget = kit.labeller()
    widget.cards[0].group.value = "body"
    widget.check_button.click()
    assert "no answer key" in widget.score.value and "helper" in widget.score.value
    assert "✓" not in widget.cards[0].mark.value and "✗" not in widget.cards[0].mark.value
    assert CHECKED_KEY not in saved_answers(current)


def test_without_a_key_the_student_can_still_compare_with_the_helper(work_folder, keyless_story):
    kit.start(LESSON, story_path=str(keyless_story))
    widget = kit.labeller()
    widget.cards[0].group.value = "body"  # the helper calls the first line a headline
    widget.helper_button.click()
    mark = widget.cards[0].mark.value
    assert "Helper" in mark and "⚑" in mark and "Key: no key" in mark


def test_a_broken_key_does_not_stop_labelling_and_check_names_the_problem(work_folder, copied_story):
    (copied_story / ANSWER_KEY_FILE).write_text("{ not json", encoding="utf-8")
    kit.start(LESSON, story_path=str(copied_story))
    widget = kit.labeller()
    widget.cards[0].group.value = "other"
    widget.check_button.click()
    assert "cannot be read" in widget.score.value and "not valid JSON" in widget.score.value


# --- teacher mode ----------------------------------------------------------------------------------


def label_all(widget, role="body", why="Because."):
    for card in widget.cards:
        card.role.value = role
        card.why.value = why


def test_teacher_mode_writes_an_answer_key_that_loads_back(work_folder, keyless_story):
    current = kit.start(LESSON, story_path=str(keyless_story))
    widget = kit.labeller(teacher=True)
    widget.picker.value = "002"
    label_all(widget, "body", "Article prose.")
    widget.write_button.click()
    key = load_answer_key(keyless_story)
    assert list(key) == ["002"]
    assert [e.line for e in key["002"]] == [b.line for b in current.story.report("002").blocks]
    assert {e.why for e in key["002"]} == {"Article prose."} and "written" in widget.status.value


def test_teacher_key_uses_the_bundled_files_layout(work_folder, copied_story):
    kit.start(LESSON, story_path=str(copied_story))
    widget = kit.labeller(teacher=True)
    widget.picker.value = "003"
    card_at(widget, 5).why.value = "First paragraph of the article."  # an unchanged edit re-saves the report
    widget.write_button.click()
    assert (copied_story / ANSWER_KEY_FILE).read_text() == (bundled_story_folder() / ANSWER_KEY_FILE).read_text()


def test_teacher_mode_keeps_a_backup_of_the_old_key(work_folder, copied_story):
    old = (copied_story / ANSWER_KEY_FILE).read_text()
    kit.start(LESSON, story_path=str(copied_story))
    widget = kit.labeller(teacher=True)
    widget.picker.value = "000"
    card_at(widget, 4).role.value = "standfirst"
    widget.write_button.click()
    backups = list(copied_story.glob(f"{ANSWER_KEY_FILE}.backup-*"))
    assert len(backups) == 1 and backups[0].read_text() == old
    assert load_answer_key(copied_story)["000"][1].role == "standfirst"
    widget.write_button.click()  # a second write never overwrites the first backup
    assert len(list(copied_story.glob(f"{ANSWER_KEY_FILE}.backup-*"))) == 2


def test_teacher_mode_starts_from_the_existing_key(work_folder, copied_story):
    kit.start(LESSON, story_path=str(copied_story))
    widget = kit.labeller(teacher=True)
    widget.picker.value = "004"
    assert card_at(widget, 34).role.value == "comment" and card_at(widget, 34).why.value == "Reader comment number 1."


def test_teacher_mode_refuses_a_report_with_gaps_and_names_the_lines(work_folder, keyless_story):
    kit.start(LESSON, story_path=str(keyless_story))
    widget = kit.labeller(teacher=True)
    widget.picker.value = "002"
    label_all(widget)
    card_at(widget, 3).role.value = ""
    card_at(widget, 3).group.value = "other"  # "Other" needs a finer role in the key
    card_at(widget, 5).why.value = ""
    widget.write_button.click()
    assert "not written" in widget.status.value and "lines 3, 5" in widget.status.value
    assert not (keyless_story / ANSWER_KEY_FILE).exists()


def test_teacher_mode_refuses_to_change_the_bundled_story(work_folder):
    kit.start(LESSON)
    widget = kit.labeller(teacher=True)
    label_all(widget)
    before = (bundled_story_folder() / ANSWER_KEY_FILE).read_text()
    widget.write_button.click()
    assert "comes with the kit" in widget.status.value
    assert (bundled_story_folder() / ANSWER_KEY_FILE).read_text() == before


def test_teacher_mode_refuses_a_folder_it_cannot_write(work_folder, keyless_story, monkeypatch):
    kit.start(LESSON, story_path=str(keyless_story))
    widget = kit.labeller(teacher=True)
    label_all(widget)
    # chmod cannot stop root (CI runs as root), so the permission check itself is made to say no.
    monkeypatch.setattr(answer_key_module.os, "access", lambda path, mode: False)
    widget.write_button.click()
    assert "cannot be written" in widget.status.value and not (keyless_story / ANSWER_KEY_FILE).exists()


def test_teacher_labels_are_saved_apart_from_student_labels(work_folder):
    current = kit.start(LESSON)
    widget = kit.labeller(teacher=True)
    widget.cards[0].why.value = "Title."
    widget.cards[0].role.value = "headline"
    answers = saved_answers(current)
    assert answers[TEACHER_KEY][widget.picker.value][str(widget.cards[0].block.line)]["why"] == "Title."
    assert LABELS_KEY not in answers


# --- the key's why for students, its note for the teacher -----------------------------------------------

POOL_PAGE = ("<html><head><title>Tribune</title></head><body><nav><ul><li>Home</li><li>News</li></ul></nav>"
             "<h1>Council shuts pool after secret vote</h1><p>The council voted on Thursday to close the pool, its "
             "leader said, after engineers put the repair bill at two million pounds.</p><p>Campaigners said the "
             "figure was wrong and that the vote was rushed through before residents could speak.</p>"
             "<footer><p>Privacy Policy</p></footer></body></html>")


@pytest.fixture
def proposed_story(tmp_path):
    """A teacher's own story made from a saved web page: its answer key is the kit's proposal."""
    from medialit.newstory import new_story

    source = tmp_path / "pages"
    source.mkdir()
    (source / "tribune.html").write_text(POOL_PAGE, encoding="utf-8")
    new_story(source, tmp_path / "pool", title="The pool vote")
    return tmp_path / "pool"


def with_note(folder, line: int, note: str) -> None:
    key = json.loads((folder / ANSWER_KEY_FILE).read_text(encoding="utf-8"))
    for report in key.values():
        for entry in report:
            if entry["line"] == line:
                entry["note"] = note
    (folder / ANSWER_KEY_FILE).write_text(json.dumps(key), encoding="utf-8")


def test_after_check_a_proposed_keys_why_is_a_plain_reason_not_a_note_for_the_teacher(work_folder, proposed_story):
    kit.start(LESSON, story_path=str(proposed_story))
    widget = kit.labeller()
    for card in widget.cards:
        card.group.value = "comment"  # wrong everywhere: every card shows the key's why
    widget.check_button.click()
    shown = html.unescape(" ".join(card.mark.value for card in widget.cards))
    assert "Why: Part of the article's own text." in shown and "Why: The report's headline" in shown
    assert not any(word in shown for word in ("trafilatura", "check it", "kit's rules", "structure"))


def test_a_students_card_never_shows_the_keys_note(work_folder, copied_story):
    with_note(copied_story, 34, "SECRET NOTE FOR THE TEACHER")
    kit.start(LESSON, story_path=str(copied_story))
    widget = kit.labeller()
    widget.picker.value = "004"
    card_at(widget, 34).group.value = "body"
    widget.check_button.click()
    widget.helper_button.click()
    assert "Reader comment number 1" in card_at(widget, 34).mark.value  # the why, as before
    assert "SECRET NOTE" not in all_html(widget)


def test_teacher_mode_shows_the_keys_note_on_its_card_apart_from_the_why(work_folder, copied_story):
    with_note(copied_story, 34, "Two methods disagree here: check it.")
    kit.start(LESSON, story_path=str(copied_story))
    widget = kit.labeller(teacher=True)
    widget.picker.value = "004"
    card = card_at(widget, 34)
    assert card.why.value == "Reader comment number 1."
    assert "Two methods disagree here: check it." in all_html(card) and "students do not see it" in all_html(card)
    assert "students do not see it" not in all_html(card_at(widget, 36))  # no note, no line for one


# --- chart and comments ---------------------------------------------------------------------------


def test_chart_table_has_words_per_part_and_reading_level_for_every_report(work_folder):
    current = kit.start(LESSON)
    chart = kit.page_parts_chart()
    assert [row[0] for row in chart.rows] == [r.name for r in current.story.reports]
    row_004 = chart.rows[-1]
    assert row_004[2] > 200 and all(row[2] == 0 for row in chart.rows[:-1])  # only 004 has comments
    assert chart.png.startswith(b"\x89PNG") and "Reading ease, article only" in chart.headers


def test_comments_only_shows_the_comment_thread_with_line_numbers(work_folder):
    kit.start(LESSON)
    view = kit.comments_only()
    assert "Line 34" in view.output.value and "Russia has the right to shoot" in view.output.value
    assert "Report 000" not in view.output.value  # reports without comments are left out


def test_comment_hint_lists_words_the_article_never_uses_and_is_remembered(work_folder):
    current = kit.start(LESSON)
    view = kit.comments_only()
    view.hint_button.click()
    assert "Words the article never uses" in view.output.value and "Murdering" in view.output.value
    assert saved_answers(current)["comments.hints_shown"] is True


def test_comments_only_says_so_plainly_when_no_report_has_comments(work_folder, tmp_path):
    story = tmp_path / "no-comments"
    story.mkdir()
    (story / "001_a.txt").write_text("A headline here\n\nThe minister said the bridge will open in the spring, officials said.\n")
    kit.start(LESSON, story_path=str(story))
    view = kit.comments_only()
    assert "None of the reports in this story has reader comments" in view.output.value
    assert view.hint_button not in view.children


# --- escaping, snapshots, evidence -------------------------------------------------------------------


def hostile_comment_thread(folder):
    """A report whose comment thread (which the helper finds) carries markup."""
    folder.mkdir()
    (folder / "001_thread.txt").write_text(
        f"Minister {HOSTILE} warns\n\n"
        "The minister said the bridge would open next spring, and officials told reporters the cost had doubled.\n\n"
        "Work on the bridge began in 2019 and was meant to end last year, according to the council's own report.\n\n"
        "The council said the delay was caused by the floods of the winter and by a shortage of steel in the region.\n\n"
        "3 Comments\n\n"
        f"  1. This is a long comment by a reader who says the minister {HOSTILE} has lied about the bridge for years.\n",
        encoding="utf-8",
    )
    return folder


@pytest.mark.parametrize("factory", ["labeller", "teacher", "page_parts_chart", "comments_only"])
def test_hostile_markup_shows_as_text_in_every_lesson_1_widget(factory, hostile_story, work_folder, tmp_path):
    story = hostile_comment_thread(tmp_path / "thread") if factory == "comments_only" else hostile_story
    kit.start(LESSON, story_path=str(story))
    widget = {
        "labeller": kit.labeller, "teacher": lambda: kit.labeller(teacher=True),
        "page_parts_chart": kit.page_parts_chart, "comments_only": kit.comments_only,
    }[factory]()
    if factory in ("labeller", "teacher"):
        for card in widget.cards:
            card.group.value = "body"
            card.why.value = HOSTILE
        widget.check_button.click()
        widget.helper_button.click()
    if factory == "comments_only":
        assert "Line 11" in widget.output.value
        widget.hint_button.click()
    # The chart's own picture is an <img>: take it out before looking for markup from the story.
    html = re.sub(r'<img alt="[^"<>]*" src="data:image/png;base64,[^"]*">', "", all_html(widget))
    assert_markup_is_escaped(html)


def test_long_paragraphs_are_shortened_with_the_full_text_behind_a_fold(work_folder):
    kit.start(LESSON)
    widget = kit.labeller()
    widget.picker.value = "004"
    html = card_at(widget, 38).children[0].value
    assert "<details>" in html and "Show the whole paragraph" in html and "Thank you sir." in html


def test_static_snapshot_lists_paragraphs_and_saved_labels(work_folder):
    kit.start(LESSON)
    widget = kit.labeller()
    widget.picker.value = "004"
    card_at(widget, 34).group.value = "comment"
    bundle = widget._repr_mimebundle_()
    assert "Comment" in bundle["text/html"] and "Leave a Reply" in bundle["text/html"]


def test_evidence_summarises_labels_score_and_page_parts(work_folder):
    current = kit.start(LESSON)
    widget = kit.labeller()
    widget.picker.value = "004"
    card_at(widget, 34).group.value = "comment"
    widget.check_button.click()
    lines = evidence(saved_answers(current), current.story)
    assert lines["004"][0] == "You labelled 1 of 23 paragraphs: 0 body, 1 comment, 0 other."
    assert lines["004"][1] == "Checked against the answer key: 1 of 23 paragraphs right."
    assert any("3 comment paragraphs" in line for line in lines["004"])
    assert set(lines) == set(current.story.ids)


@pytest.mark.parametrize("answers", [{}, None, {LABELS_KEY: "x", CHECKED_KEY: {"004": "y"}}, {LABELS_KEY: {"004": {"1": 5}}}])
def test_evidence_survives_missing_or_malformed_answers(answers, work_folder):
    current = kit.start(LESSON)
    lines = evidence(answers, current.story)
    assert all(line.startswith("Helper") for report in lines.values() for line in report)


def test_a_failure_while_saving_shows_in_the_status_line(work_folder, monkeypatch):
    current = kit.start(LESSON)
    widget = kit.labeller()

    def broken(values, removed=()):
        raise OSError("disk full")

    monkeypatch.setattr(current.work, "update", broken)
    widget.cards[0].group.value = "body"
    assert "disk full" in widget.status.value
    # The label stays in the widget's state, so the next change saves it with everything else.
    assert widget.state["labeller.labels"][widget.picker.value][str(widget.cards[0].block.line)]["group"] == "body"


def test_each_cards_choice_group_is_named_by_its_line(work_folder):
    kit.start(LESSON)
    widget = kit.labeller()
    card = widget.cards[0]
    assert card.group.description == f"Line {card.block.line}: which part of the page?"
    assert "medialit-named-group" in card.group._dom_classes
