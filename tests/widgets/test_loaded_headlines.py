"""Lesson 2 widgets, driven from Python: tagging words, comparing with the helper, rewriting, the class view."""

from __future__ import annotations

import json
import re

import ipywidgets as widgets
import pytest
from kit_testing import HOSTILE, all_html, assert_markup_is_escaped

import medialit.widgets as kit
from medialit.agreement import class_agreement
from medialit.headlines import CATEGORIES, word_spans
from medialit.progress import open_work
from medialit.widgets.aria import PressButton
from medialit.widgets.loaded_headlines import MARK

LESSON = "02-loaded-headlines"


def button_for(tagger, report_id, word):
    return next(b for s, e, b in tagger.rows[report_id]["buttons"] if tagger.rows[report_id]["headline"][s:e] == word)


def kind_menu(tagger, report_id, index=0):
    """The "kind of loaded word" menu of one tag line."""
    line = tagger.rows[report_id]["tag_list"].children[index]
    return next(c for c in line.children if isinstance(c, widgets.Dropdown))


def without_own_charts(html: str) -> str:
    """Drop the kit's own chart images (a PNG data URL with an escaped caption), which are not story markup."""
    return re.sub(r'<img alt="[^"<>]*" src="data:image/png;base64,[A-Za-z0-9+/=]+">', "", html)


def saved(work_folder, story_id="deir-ezzor-2017"):
    return open_work(LESSON, story_id, folder=work_folder).answers


# --- the tagger widget ---------------------------------------------------------------------


def test_every_headline_is_a_row_of_word_buttons(work_folder):
    current = kit.start(LESSON)
    tagger = kit.headline_tagger()
    for report in current.story.reports:
        words = [b.description for _, _, b in tagger.rows[report.id]["buttons"]]
        assert words == [w for _, _, w in word_spans(report.headline)]


def test_clicking_a_word_tags_it_with_a_text_mark_and_a_pressed_state_and_saves_it(work_folder):
    kit.start(LESSON)
    tagger = kit.headline_tagger()
    button = button_for(tagger, "004", "Shoot")
    button.value = True  # what a click (or Space on the focused button) does
    # A PressButton: the browser shows value as aria-pressed, so the state is heard, not only seen.
    assert isinstance(button, PressButton) and button.description == f"{MARK} Shoot"
    assert saved(work_folder)["tags"] == {"004": [{"start": 20, "end": 25, "word": "Shoot", "category": "tagged"}]}
    assert "Shoot" in all_html(tagger) and "Saved" in tagger.status.value


def test_clicking_a_tagged_word_again_removes_the_tag(work_folder):
    kit.start(LESSON)
    tagger = kit.headline_tagger()
    button = button_for(tagger, "000", "race")
    button.value = True
    button.value = False
    assert button.description == "race" and button.value is False
    assert saved(work_folder)["tags"] == {"000": []}


def test_choosing_a_kind_saves_the_category(work_folder):
    kit.start(LESSON)
    tagger = kit.headline_tagger()
    button_for(tagger, "001", "threatens").value = True
    kind = kind_menu(tagger, "001")
    assert kind.options[0][1] == "tagged" and {v for _, v in kind.options[1:]} == set(CATEGORIES)
    assert kind.description == f"{MARK} threatens is"  # the menu's visible label and accessible name
    kind.value = "emotive_verb"
    assert saved(work_folder)["tags"]["001"][0]["category"] == "emotive_verb"


def test_two_neighbouring_tags_offer_a_join_button_that_makes_one_phrase(work_folder):
    kit.start(LESSON)
    tagger = kit.headline_tagger()
    button_for(tagger, "003", "if").value = True
    button_for(tagger, "003", "Provoked").value = True
    join = next(c for c in tagger.rows["003"]["tag_list"].children[0].children if isinstance(c, widgets.Button))
    assert "Provoked" in join.description
    join.click()
    assert [t["word"] for t in saved(work_folder)["tags"]["003"]] == ["if Provoked"]
    assert button_for(tagger, "003", "if").description == f"{MARK} if"


def test_tags_are_restored_when_the_notebook_is_run_again(work_folder):
    kit.start(LESSON)
    tagger = kit.headline_tagger()
    button_for(tagger, "004", "Threatens").value = True
    tagger.choose("004", 7, "emotive_verb")
    kit.start(LESSON)
    again = kit.headline_tagger()
    assert button_for(again, "004", "Threatens").value is True
    assert kind_menu(again, "004").value == "emotive_verb"
    assert "restored" in again.status.value


def test_saved_tags_that_no_longer_fit_the_headline_are_dropped_not_crashed_on(work_folder):
    current = kit.start(LESSON)
    current.work.set("tags", {"004": [{"start": 0, "end": 500, "word": "x"}, "junk"], "999": [], "001": "bad"})
    tagger = kit.headline_tagger()
    assert tagger.tags == {"004": []}


def test_compare_shows_the_helpers_flags_and_reasons_beside_the_students_tags(work_folder):
    kit.start(LESSON)
    tagger = kit.headline_tagger()
    assert tagger.comparison.value == ""
    button_for(tagger, "000", "race").value = True
    tagger.compare_button.click()
    html = tagger.comparison.value
    assert "race" in html and "— not flagged" in html  # only the student
    assert "threatens" in html and "A plainer word is" in html  # only the helper, with its reason
    answers = saved(work_folder)
    assert answers["compared"] is True
    # Comparing means the student looked at every headline: untagged ones become "found nothing".
    assert answers["tags"]["002"] == [] and len(answers["tags"]) == 5


def test_comparison_stays_shown_and_follows_new_tags(work_folder):
    kit.start(LESSON)
    tagger = kit.headline_tagger()
    tagger.compare_button.click()
    button_for(tagger, "002", "Target").value = True
    assert "Target" in tagger.comparison.value
    kit.start(LESSON)
    assert "Target" in kit.headline_tagger().comparison.value


def test_saved_tags_have_exactly_the_format_the_class_view_reads(work_folder):
    current = kit.start(LESSON)
    tagger = kit.headline_tagger()
    button_for(tagger, "000", "threatens").value = True
    tags = saved(work_folder)["tags"]
    assert set(tags["000"][0]) == {"start", "end", "word", "category"}
    assert class_agreement({"a": tags, "b": tags}, current.story) == 1.0


# --- the rewrite box -----------------------------------------------------------------------


def test_rewrite_box_starts_on_the_most_loaded_headline(work_folder):
    kit.start(LESSON)
    assert kit.rewrite_headline().picker.value == "004"


def test_the_rewrite_box_is_named_by_what_it_asks_for_the_report_shown(work_folder):
    kit.start(LESSON)
    box = kit.rewrite_headline()
    assert box.box.description.startswith("Your rewrite of the headline of") and "004" in box.box.description
    box.picker.value = "001"
    assert "001" in box.box.description and "004" not in box.box.description


def test_rewrite_is_checked_by_the_helper_and_saved(work_folder):
    kit.start(LESSON)
    box = kit.rewrite_headline()
    box.box.value = "Russia threatens to fire on US forces in Syria"
    assert "threatens" in box.result.value and "Still loaded" in box.result.value
    assert "5.83" in box.result.value
    box.box.value = "Russia says it will fire on US forces in Syria if attacked"
    assert "✓ The helper finds no loaded words" in box.result.value
    assert saved(work_folder)["rewrites"] == {"004": "Russia says it will fire on US forces in Syria if attacked"}


def test_each_headline_keeps_its_own_rewrite(work_folder):
    kit.start(LESSON)
    box = kit.rewrite_headline()
    box.box.value = "Russia warns US"
    box.picker.value = "000"
    assert box.box.value == ""
    box.box.value = "Russia warns US in push for Syrian town"
    kit.start(LESSON)
    again = kit.rewrite_headline()
    assert again.picker.value == "000" and again.box.value == "Russia warns US in push for Syrian town"
    assert set(saved(work_folder)["rewrites"]) == {"000", "004"}


def test_check_button_with_an_empty_box_asks_for_a_rewrite(work_folder):
    kit.start(LESSON)
    box = kit.rewrite_headline()
    box.check_button.click()
    assert "Type your rewrite" in box.result.value


# --- the class view ------------------------------------------------------------------------


def test_class_view_defaults_to_the_three_sample_students(work_folder):
    kit.start(LESSON)
    view = kit.class_tags()
    assert "Amira K., Ben O., Chloé D." in view.header.value and "made-up students" in view.header.value
    assert view.counts.students == 3
    assert "Krippendorff" in view.agreement.value and "agree only moderately" in view.agreement.value


def test_class_chart_counts_students_per_word_with_the_numbers_as_a_table(work_folder):
    kit.start(LESSON)
    view = kit.class_tags()
    view.picker.value = "004"
    chart = view.chart_area.children[0]
    rows = {row[0]: row[1] for row in chart.rows}
    assert rows["Shoot"] == "3 of 3" and rows["Threatens"] == "3 of 3" and rows["Russia"] == "0 of 3"
    assert chart.png.startswith(b"\x89PNG")


def test_own_tags_join_the_class_as_you(work_folder):
    kit.start(LESSON)
    tagger = kit.headline_tagger()
    button_for(tagger, "002", "Target").value = True
    view = kit.class_tags()
    assert view.counts.students == 4 and "You" in view.header.value


def test_class_view_reads_a_teachers_folder_and_lists_bad_files(work_folder, tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    tags = {"004": [{"start": 20, "end": 25, "word": "Shoot", "category": "sensational"}]}
    for name in ("Dee", "Eli"):
        export = {"format": "medialit-export", "version": 1, "student": name, "story": "deir-ezzor-2017",
                  "exported": "", "lessons": {LESSON: {"tags": tags}}}
        (folder / f"{name}.json").write_text(json.dumps(export), encoding="utf-8")
    (folder / "broken.json").write_text('{"format": "medialit-export", "vers', encoding="utf-8")
    kit.start(LESSON)
    view = kit.class_tags(folder=str(folder), include_me=False)
    assert view.counts.students == 2 and "broken.json" in view.header.value and "cut off" in view.header.value
    assert "made-up" not in view.header.value


def test_class_view_with_no_usable_files_says_so_plainly(work_folder, tmp_path):
    kit.start(LESSON)
    view = kit.class_tags(folder=str(tmp_path / "nowhere"), include_me=False)
    assert "No tags to show yet" in view.header.value and "does not exist" in view.header.value
    assert view.static_html()


def test_agreement_needs_two_students(work_folder, tmp_path):
    kit.start(LESSON)
    view = kit.class_tags(folder=str(tmp_path), include_me=False)
    assert "not enough tags" in view.agreement_html()


# --- any story, and escaping ---------------------------------------------------------------


def test_lesson_works_on_a_story_with_no_sample_class(hostile_story, work_folder):
    kit.start(LESSON, story_path=str(hostile_story))
    tagger = kit.headline_tagger()
    assert len(tagger.rows) == 2
    view = kit.class_tags()
    assert view.counts.students == 0


def test_on_another_story_the_class_view_says_the_teacher_can_load_the_class_instead_of_listing_sample_files(
        hostile_story, work_folder):
    kit.start(LESSON, story_path=str(hostile_story))
    view = kit.class_tags()
    assert "your teacher can load them here" in view.header.value
    for sample_only in ("made-up", "could not be used", "another story", "medialit.json", "⚠"):
        assert sample_only not in view.header.value


def test_on_another_story_the_class_view_still_shows_the_students_own_tags(hostile_story, work_folder):
    kit.start(LESSON, story_path=str(hostile_story))
    tagger = kit.headline_tagger()
    tagger.rows[tagger.story.ids[0]]["buttons"][0][2].value = True
    view = kit.class_tags()
    assert view.counts.students == 1 and "You" in view.header.value


def test_a_teachers_folder_of_another_storys_files_is_still_listed_with_the_reason(work_folder, tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    export = {"format": "medialit-export", "version": 1, "student": "Dee", "story": "some-other-story",
              "exported": "", "lessons": {LESSON: {"tags": {}}}}
    (folder / "dee.json").write_text(json.dumps(export), encoding="utf-8")
    kit.start(LESSON)
    view = kit.class_tags(folder=str(folder), include_me=False)
    assert "could not be used" in view.header.value and "another story" in view.header.value


@pytest.mark.parametrize("factory", ["loaded_word_kinds", "headline_tagger", "rewrite_headline", "class_tags"])
def test_hostile_markup_is_shown_as_text_in_every_lesson_2_widget(factory, hostile_story, work_folder):
    current = kit.start(LESSON, story_path=str(hostile_story))
    report = current.story.reports[0]
    assert "<img" in report.headline
    # Tag a word next to the markup, and write markup as a rewrite, before building each widget.
    current.work.set("tags", {report.id: [{"start": 0, "end": 8, "word": "Breaking", "category": "label"}]})
    current.work.set("rewrites", {report.id: HOSTILE})
    current.work.set("rewrite.report", report.id)
    widget = getattr(kit, factory)()
    if factory == "headline_tagger":
        widget.compare_button.click()
    if factory == "rewrite_headline":
        widget.check_button.click()
    html = all_html(widget)
    if factory == "loaded_word_kinds":
        assert "&lt;" not in html and "<img" not in html.lower()
    else:
        assert_markup_is_escaped(without_own_charts(html))


def test_a_hostile_student_name_in_a_class_file_is_escaped(work_folder, tmp_path):
    tags = {"004": [{"start": 20, "end": 25, "word": "Shoot", "category": HOSTILE}]}
    for name in (HOSTILE, "Plain"):
        export = {"format": "medialit-export", "version": 1, "student": name, "story": "deir-ezzor-2017",
                  "exported": "", "lessons": {LESSON: {"tags": tags}}}
        (tmp_path / f"{len(name)}.json").write_text(json.dumps(export), encoding="utf-8")
    (tmp_path / f"{HOSTILE[:20]}.txt").write_text("x")
    kit.start(LESSON)
    html = all_html(kit.class_tags(folder=str(tmp_path)))
    assert "data:image/png" in html  # the chart was drawn, so the name went through the chart's table too
    assert_markup_is_escaped(without_own_charts(html))


def test_a_failure_inside_the_tagger_shows_in_its_status_line(work_folder, monkeypatch):
    current = kit.start(LESSON)
    tagger = kit.headline_tagger()

    def broken(values, removed=()):
        raise OSError("disk full")

    monkeypatch.setattr(current.work, "update", broken)
    button_for(tagger, "000", "race").value = True
    assert "disk full" in tagger.status.value
    assert [tag.word for tag in tagger.tags["000"]] == ["race"]  # kept on screen for the next save


# --- notebook forms and the class view (the lesson's evidence() is tested in tests/unit/test_evidence.py)


@pytest.mark.parametrize("factory", ["loaded_word_kinds", "headline_tagger", "rewrite_headline", "class_tags"])
def test_every_widget_has_a_plain_text_form_for_the_notebook(factory, work_folder):
    # A notebook asks every output for text/plain too; a method name clashing with ipywidgets' own broke it once.
    kit.start(LESSON)
    widget = getattr(kit, factory)()
    assert type(widget).__name__ in repr(widget)
    assert widget._repr_mimebundle_()["text/html"]


def test_the_class_view_adds_tags_made_after_it_was_shown(work_folder):
    kit.start(LESSON)
    view = kit.class_tags()
    tagger = kit.headline_tagger()
    assert view.counts.students == 3
    button_for(tagger, "002", "Target").value = True
    view.update_button.click()
    assert view.counts.students == 4 and "You" in view.header.value and "Updated" in view.status.value
    assert {row[0]: row[1] for row in view.chart_area.children[0].rows}["Russia"] == "0 of 4"
