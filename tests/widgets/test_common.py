"""What every lesson widget shares: SavedBox (state in a traitlet, one observer saves it) and the report menu."""

from __future__ import annotations

import ipywidgets as widgets

from medialit.progress import open_work
from medialit.story import load_story
from medialit.widgets.common import SavedBox, report_label, report_menu

STORY = load_story()


# --- SavedBox -----------------------------------------------------------------------------------------


def test_saved_box_restores_its_keys_without_rewriting_the_file(tmp_path):
    open_work("01", "s", folder=tmp_path).update({"a": 1, "other": 2})
    before = (tmp_path / "s" / "01.json").stat().st_mtime_ns
    box = SavedBox(open_work("01", "s", folder=tmp_path), keys=("a", "missing"))
    assert box.state == {"a": 1}
    assert (tmp_path / "s" / "01.json").stat().st_mtime_ns == before and box.status.value == ""


def test_a_change_to_state_is_saved_and_shown_as_saved(tmp_path):
    box = SavedBox(open_work("01", "s", folder=tmp_path), keys=("a",))
    box.remember({"a": "answer"})
    assert open_work("01", "s", folder=tmp_path).get("a") == "answer"
    assert "Saved" in box.status.value


def test_saving_state_keeps_the_lessons_other_answers(tmp_path):
    open_work("01", "s", folder=tmp_path).set("kept", True)
    SavedBox(open_work("01", "s", folder=tmp_path), keys=("a",)).remember({"a": 1})
    assert open_work("01", "s", folder=tmp_path).answers == {"kept": True, "a": 1}


def test_an_unchanged_state_does_not_save_again(tmp_path):
    box = SavedBox(open_work("01", "s", folder=tmp_path), keys=("a",))
    box.remember({"a": 1})
    box.status.value = ""
    box.remember({"a": 1})
    assert box.status.value == ""


def test_save_now_saves_even_when_nothing_changed(tmp_path):
    box = SavedBox(open_work("01", "s", folder=tmp_path), keys=("a",))
    box.save_now()
    assert "Saved" in box.status.value and (tmp_path / "s" / "01.json").exists()


def test_a_key_dropped_from_state_is_dropped_from_the_file(tmp_path):
    box = SavedBox(open_work("01", "s", folder=tmp_path), keys=("a", "b"))
    box.remember({"a": 1, "b": 2})
    box.state = {"a": 1}
    assert open_work("01", "s", folder=tmp_path).answers == {"a": 1}


def test_a_failed_save_shows_the_reason_and_keeps_the_answer_in_state(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    box = SavedBox(open_work("01", "s", folder=blocker), keys=("a",))
    box.remember({"a": "typed"})
    assert "Cannot save" in box.status.value and box.state == {"a": "typed"}


def test_a_saved_box_is_a_box_that_shows_its_children(tmp_path):
    label = widgets.HTML("x")
    box = SavedBox(open_work("01", "s", folder=tmp_path), children=[label])
    assert box.children == (label,)


# --- report_menu --------------------------------------------------------------------------------------


def test_report_menu_names_each_report_by_its_headline():
    menu = report_menu(STORY)
    assert menu.options[1] == (report_label(STORY.report("001")), "001")
    assert menu.value == "000" and menu.description == "Report:"


def test_report_menu_has_an_accessible_description():
    assert report_menu(STORY, help="Choose which page to read").tooltip == "Choose which page to read"


def test_report_menu_restores_a_saved_choice_and_ignores_an_unknown_one():
    assert report_menu(STORY, "003").value == "003"
    assert report_menu(STORY, {"odd": "data"}).value == "000"
    assert report_menu(STORY, "999", default="004").value == "004"


def test_report_menu_can_offer_all_the_reports_first():
    menu = report_menu(STORY, "all", everything="All reports", headlines=False)
    assert menu.options[0] == ("All reports", "all") and menu.options[1] == ("Report 000", "000")
    assert menu.value == "all"
    assert report_menu(STORY, "*", everything="The whole story", everything_value="*").value == "*"


def test_long_headlines_are_cut_at_a_word_with_an_ellipsis():
    label = report_label(STORY.report("004"), limit=40)
    assert len(label) <= 40 and label.endswith("…") and not label[:-1].endswith(" ")


# --- start ----------------------------------------------------------------------------------------------


def test_start_can_save_work_with_another_storys_work_and_show_a_notice(work_folder):
    from medialit.widgets.common import banner, start

    current = start("06-transfer-before", work_story_id="deir-ezzor-2017", notice="This is the pre-test")
    assert current.work.path == work_folder / "deir-ezzor-2017" / "06-transfer-before.json"
    assert "This is the pre-test" in banner(current.story, current.work, current.notice).value
