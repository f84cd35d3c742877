"""The transfer task's widgets, driven from Python: the attempt, the quote step, the teacher's comparison."""

from __future__ import annotations

import medialit.widgets as kit
from medialit.progress import open_work
from medialit.transfer import QUOTE_KEY


def test_a_student_who_has_not_finished_the_unit_gets_the_before_attempt(work_folder):
    current = kit.start_transfer()
    assert current.work.lesson == "06-transfer-before" and "BEFORE" in current.notice


def test_the_attempt_is_saved_with_the_units_story_so_one_export_carries_it(work_folder):
    current = kit.start_transfer()
    assert current.story.id == "tallowmere-pool-2024"
    assert current.work.path.parent.name == "deir-ezzor-2017"


def test_a_student_who_ranked_the_reports_gets_the_after_attempt(work_folder):
    finished_the_unit()
    assert kit.start_transfer().work.lesson == "06-transfer-after"


def test_the_quote_step_saves_the_verdict_and_reason(work_folder):
    kit.start_transfer()
    step = kit.transfer_quote()
    step.verdict.value = "meaning changed"
    step.reason.value = "'consider whether' was cut"
    saved = open_work("06-transfer-before", "deir-ezzor-2017").get(QUOTE_KEY)
    assert saved == {"verdict": "meaning changed", "reason": "'consider whether' was cut"}


def finished_the_unit() -> None:
    open_work("05-verdict", "deir-ezzor-2017").update({"ranking": ["002", None, None, None, None]})


REVEALING = {"Show the helper's view", "Check my labels", "Show the helper's guess", "Compare with the helper",
             "Check my rewrite"}


def button_names(widget) -> set[str]:
    """The descriptions of every button shown inside a widget."""
    found = {widget.description} if type(widget).__name__ == "Button" else set()
    for child in getattr(widget, "children", ()):
        found |= button_names(child)
    return found


def steps_shown() -> set[str]:
    return set().union(*(button_names(widget) for widget in (
        kit.transfer_quote(), kit.labeller(), kit.headline_tagger(), kit.rewrite_headline())))


def test_the_before_attempt_shows_no_check_and_no_helper_answers(work_folder):
    kit.start_transfer()
    assert not REVEALING & steps_shown()


def test_the_after_attempt_shows_the_checks_and_the_helper(work_folder):
    finished_the_unit()
    kit.start_transfer()
    assert REVEALING <= steps_shown()


def test_the_helper_waits_for_the_students_verdict(work_folder):
    finished_the_unit()
    kit.start_transfer()
    step = kit.transfer_quote()
    step.reveal.click()
    assert step.helper.value == "" and "Choose your verdict first" in step.status.value


def test_the_helpers_view_names_the_reference_and_this_version_in_plain_words(work_folder):
    finished_the_unit()
    kit.start_transfer()
    step = kit.transfer_quote()
    step.verdict.value = "verbatim"
    step.reveal.click()
    assert "it sees it differently" in step.helper.value and "this version has" in step.helper.value
    assert open_work("06-transfer-after", "deir-ezzor-2017").get(QUOTE_KEY)["revealed"] is True


def test_the_original_statement_is_a_keyboard_reachable_region(work_folder):
    kit.start_transfer()
    html = kit.original().static_html()
    assert 'role="region"' in html and 'tabindex="0"' in html and "Statement by" in html


def test_the_teacher_sees_no_rows_when_no_export_has_a_transfer_attempt(work_folder):
    kit.start("teacher-class-work")
    kit.class_folder()  # the kit's sample students, who did not do the transfer task
    assert "No student in this folder has exported a transfer-task attempt" in kit.class_transfer().static_html()


def test_the_teacher_sees_a_students_before_and_after_attempts(work_folder, tmp_path):
    from medialit.progress import export_work

    kit.start_transfer()
    kit.transfer_quote().verdict.value = "verbatim"
    finished_the_unit()
    kit.start_transfer()
    kit.transfer_quote().verdict.value = "meaning changed"
    open_work("profile", "deir-ezzor-2017").update({"name": "Sam Lee"})
    export_work("deir-ezzor-2017", tmp_path / "class")
    kit.start("teacher-class-work")
    folder = kit.class_folder()
    folder.path.value = str(tmp_path / "class")
    folder.read()
    html = kit.class_transfer().static_html()
    assert "Sam Lee" in html and "verbatim → meaning changed" in html


def test_the_quote_verdict_group_is_a_named_radio_group(work_folder):
    kit.start_transfer()
    step = kit.transfer_quote()
    assert step.verdict.description == "Your verdict:" and "medialit-named-group" in step.verdict._dom_classes
