"""Lesson 0 widgets, driven from Python: the report viewer, saved questions, the name box, the clues."""

from __future__ import annotations

from accessible_names import unnamed

import medialit.widgets as kit
from medialit.progress import open_work
from medialit.widgets.start_here import page_html


def test_start_loads_the_story_and_opens_this_lessons_work(work_folder):
    current = kit.start("00-start-here")
    assert current.story.ids == ["000", "001", "002", "003", "004"]
    assert current.work.path == work_folder / "deir-ezzor-2017" / "00-start-here.json"


def test_viewer_shows_the_chosen_page_with_line_numbers(work_folder):
    kit.start("00-start-here")
    viewer = kit.report_viewer()
    viewer.picker.value = "004"
    assert "Leave a Reply" in viewer.page.value and "Akismet" in viewer.page.value
    assert ">47 </span>" in viewer.page.value  # line numbers students can cite


def test_viewer_remembers_the_last_report_read(work_folder):
    kit.start("00-start-here")
    kit.report_viewer().picker.value = "002"
    kit.start("00-start-here")
    assert kit.report_viewer().picker.value == "002"


def test_question_saves_the_answer_and_restores_it_on_rerun(work_folder):
    kit.start("00-start-here")
    first = kit.question("q", "What is not the article?")
    first.box.value = "The footer on line 43."
    assert "Saved" in first.status.value
    kit.start("00-start-here")
    again = kit.question("q", "What is not the article?")
    assert again.box.value == "The footer on line 43." and "restored" in again.status.value


def test_the_question_is_the_answer_boxs_label_not_only_its_placeholder(work_folder):
    kit.start("00-start-here")
    box = kit.question("q", "What is not the article?").box
    state = box.get_state()
    # ipywidgets draws the description as a <label for> the box: the name a screen reader says.
    assert state["description"] == "What is not the article?" and not state["description_allow_html"]
    assert "medialit-label-above" in state["_dom_classes"] and state["placeholder"] == "Type your answer here"


def test_the_question_is_shown_once_as_the_label_above_the_box(work_folder):
    kit.start("00-start-here")
    question = kit.question("q", "What is not the article?")
    shown = [child for child in question.children if "What is not the article?" in str(getattr(child, "value", ""))]
    assert shown == [] and question.children[0] is question.box


def test_every_box_and_menu_lesson_0_draws_has_a_name(work_folder):
    kit.start("00-start-here")
    assert unnamed(kit.report_viewer(), kit.question("q", "Why?"), kit.name_box(), kit.publisher_clues(),
                   kit.export_button(), kit.background_card()) == []


def test_save_button_saves_too(work_folder):
    current = kit.start("00-start-here")
    box = kit.question("q2", "Why?")
    box.box.value = "Because."
    box.save_button.click()
    assert open_work("00-start-here", current.story.id, folder=work_folder).get("q2") == "Because."


def test_name_box_saves_the_name_for_every_lesson_of_the_story(work_folder):
    current = kit.start("00-start-here")
    kit.name_box().box.value = "  Rosa P. "
    assert open_work("profile", current.story.id, folder=work_folder).get("name") == "Rosa P."


def test_clues_are_hidden_until_asked_for_and_stay_shown_after(work_folder):
    kit.start("00-start-here")
    reveal = kit.publisher_clues()
    assert reveal.output.value == ""
    reveal.button.click()
    assert "Independent readers" in reveal.output.value
    kit.start("00-start-here")
    assert "Independent readers" in kit.publisher_clues().output.value


def test_widgets_carry_a_readable_static_snapshot(work_folder):
    kit.start("00-start-here")
    bundle = kit.report_viewer()._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "Russia threatens US in race to capture key Syria town" in bundle["text/html"]


def test_a_failure_inside_a_widget_is_shown_in_its_status_line(work_folder, monkeypatch):
    current = kit.start("00-start-here")
    box = kit.question("q3", "Why?")

    def broken(values, removed=()):
        raise OSError("disk full")

    monkeypatch.setattr(current.work, "update", broken)
    box.box.value = "text"
    assert "Something went wrong" in box.status.value and "disk full" in box.status.value


def test_page_html_keeps_every_line_of_the_report(work_folder):
    report = kit.start("00-start-here").story.report("000")
    assert page_html(report).count("\n") == report.raw_text.count("\n")


def test_story_intro_describes_whichever_story_is_loaded(work_folder):
    from kit_testing import ROOT

    kit.start("00-start-here")
    assert "Deir Ezzor" in kit.story_intro().static_html() and "5 reports" in kit.story_intro().static_html()
    kit.start("00-start-here", story_path=str(ROOT / "tests" / "stories" / "harbour-storm"))
    intro = kit.story_intro().static_html()
    assert "Portbury" in intro and "3 reports" in intro and "Deir" not in intro


def test_the_scrolling_page_can_be_reached_and_read_by_keyboard(work_folder):
    report = kit.start("00-start-here").story.report("004")
    html = page_html(report)
    assert 'tabindex="0"' in html and 'role="region"' in html and f'aria-label="{report.name}: the page' in html


# --- export after any lesson ------------------------------------------------------------------------


def test_export_button_writes_one_file_with_every_lesson_done_so_far(work_folder, tmp_path, monkeypatch):
    import json

    monkeypatch.setenv("MEDIALIT_HANDIN", str(tmp_path / "handin"))
    current = kit.start("00-start-here")
    kit.name_box().box.value = "Rosa P."
    kit.question("not-article", "?").box.value = "The footer."
    button = kit.export_button()
    button.button.click()
    exported = json.loads((tmp_path / "handin" / "rosa-p.medialit.json").read_text())
    assert exported["lessons"]["00-start-here"]["not-article"] == "The footer."
    assert "lesson 0" in button.output.value and "download=" in button.output.value
    assert current.work.path.exists()


def test_export_button_without_a_name_asks_for_one(work_folder):
    kit.start("00-start-here")
    button = kit.export_button()
    button.button.click()
    assert "Type your name" in button.status.value and button.output.value == ""


# --- the background card ------------------------------------------------------------------------------


def test_background_card_shows_the_note_who_is_who_and_a_map_with_its_numbers(work_folder):
    kit.start("00-start-here")
    card = kit.background_card()
    html = card.static_html()
    assert "Content note." in html and "The Russian Defence Ministry" in html and "Deir Ezzor" in html
    assert card.map.rows[0][:2] == ["Deir Ezzor", "where the warning was about"]
    assert card.map.png.startswith(b"\x89PNG")


def test_a_story_without_a_background_card_tells_students_in_plain_words_without_a_file_name(work_folder, hostile_story):
    kit.start("00-start-here", story_path=str(hostile_story))
    html = kit.background_card().static_html()
    assert "Your teacher has not added background notes for this story" in html
    assert ".json" not in html and "<code>" not in html


def test_background_card_text_and_map_labels_from_the_file_are_plain_text(work_folder, hostile_story):
    import json

    from kit_testing import HOSTILE, assert_markup_is_escaped

    (hostile_story / "background.json").write_text(json.dumps({
        "content_note": {"students": HOSTILE},
        "who_is_who": [{"name": HOSTILE, "who": "x"}],
        "map": {"places": [{"name": "$\\foo$ " + HOSTILE, "lat": 1, "lon": 2}, {"name": "B", "lat": 2, "lon": 3}],
                "lines": [{"name": "$x$", "through": ["B", "$\\foo$ " + HOSTILE]}]},
    }))
    kit.start("00-start-here", story_path=str(hostile_story))
    card = kit.background_card()
    assert card.map.png.startswith(b"\x89PNG")
    assert_markup_is_escaped(card.static_html())
