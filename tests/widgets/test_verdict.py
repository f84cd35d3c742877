"""Lesson 5 widgets, driven from Python: gathering evidence, notes, ranking, choosing, checking, the summary."""

from __future__ import annotations

import base64
import importlib
import io
import json
import re
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from accessible_names import unnamed
from kit_testing import HOSTILE, all_html, assert_markup_is_escaped, fake_evidence_functions

import medialit.widgets as kit
from medialit.progress import PROFILE, open_work
from medialit.widgets import verdict
from medialit.widgets.verdict import (
    ALL_REPORTS,
    lesson0_evidence,
    summary_html,
    verdict_problems,
)

STORY = "deir-ezzor-2017"
labeller, tagger, quotecheck, compare = (
    importlib.import_module(f"medialit.widgets.{name}") for name in ("article_parts", "loaded_headlines", "quote_fidelity", "words_sources_numbers")
)
MODULES = {"01-what-is-the-article": labeller, "02-loaded-headlines": tagger,
           "03-quote-fidelity": quotecheck, "04-words-sources-numbers": compare}
EVENT_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)


@pytest.fixture
def no_lessons(monkeypatch):
    """Lessons 1-4 have no evidence function (as while the other lessons are being built)."""
    monkeypatch.setattr(verdict, "evidence_functions", lambda: {"00-start-here": lesson0_evidence})


@pytest.fixture
def fake_lessons(monkeypatch):
    """Lessons 1 and 2 give evidence; 3 fails; 4 returns nothing."""
    functions = {"00-start-here": lesson0_evidence, **fake_evidence_functions()}
    monkeypatch.setattr(verdict, "evidence_functions", lambda: functions)


def save(work_folder, lesson: str, **answers) -> None:
    work = open_work(lesson, STORY, folder=work_folder)
    for key, value in answers.items():
        work.set(key, value)


def save_all_lessons(work_folder) -> None:
    save(work_folder, "00-start-here", **{"not-article": "Report 004 ends with reader comments.",
                                          "first-impression": "The headlines use different verbs."})
    for lesson in MODULES:
        save(work_folder, lesson, count=3)


# --- gathering ------------------------------------------------------------------------------
# The evidence table as the student sees it; gather_evidence() and each evidence() on hand-made answers
# are tested in tests/unit/test_evidence.py.


def test_lesson0_evidence_comes_from_the_real_saved_answers(work_folder, no_lessons):
    save(work_folder, "00-start-here", **{"publisher-clues": "003 says Reuters reported."})
    kit.start("05-verdict")
    table = kit.evidence_table()
    assert "003 says Reuters reported." in table.table.value
    assert "✓ Evidence found from lesson 0." in table.table.value


def test_a_lesson_without_an_evidence_function_is_shown_as_not_done(work_folder, no_lessons):
    save(work_folder, "02-loaded-headlines", tags={"001": ["threatens"]})
    kit.start("05-verdict")
    html = kit.evidence_table().table.value
    assert "not done yet — open lesson 2 (02-loaded-headlines.ipynb)" in html
    assert "not done yet — open lesson 0 (00-start-here.ipynb)" in html


def test_a_lesson_with_no_saved_answers_is_not_done_even_with_an_evidence_function(work_folder, fake_lessons):
    kit.start("05-verdict")
    assert all(not item.done for item in verdict.board().gathered)


def test_the_table_names_every_report_by_its_headline(work_folder, fake_lessons):
    save_all_lessons(work_folder)
    story = kit.start("05-verdict").story
    html = kit.evidence_table().table.value
    for report in story.reports:
        assert verdict.esc(report.headline[:40]) in html
    assert "Helper: headline loadedness 5.8" in html


def test_gather_again_picks_up_work_done_since(work_folder, no_lessons):
    kit.start("05-verdict")
    table = kit.evidence_table()
    assert "No saved work" in table.table.value
    save(work_folder, "00-start-here", **{"not-article": "The footer of 000."})
    table.button.click()
    assert "The footer of 000." in table.table.value and "Gathered again" in table.status.value


# --- notes ----------------------------------------------------------------------------------


def test_notes_are_saved_per_report_and_restored(work_folder, no_lessons):
    kit.start("05-verdict")
    notes = kit.evidence_notes()
    notes.picker.value = "002"
    notes.box.value = "Tags above the article\nNo date"
    notes.picker.value = "003"
    assert notes.box.value == ""
    assert open_work("05-verdict", STORY, folder=work_folder).get("notes") == {"002": "Tags above the article\nNo date"}
    kit.start("05-verdict")
    again = kit.evidence_notes()
    again.picker.value = "002"
    assert again.box.value == "Tags above the article\nNo date"


def test_a_new_note_shows_in_the_table_and_the_tick_list_at_once(work_folder, no_lessons):
    kit.start("05-verdict")
    table, notes, chooser = kit.evidence_table(), kit.evidence_notes(), kit.evidence_chooser()
    notes.picker.value = "001"
    notes.box.value = "Named author and time"
    assert "Named author and time" in table.table.value
    assert [piece.text for _, piece in chooser.boxes] == ["Named author and time"]


def test_clearing_a_note_removes_it(work_folder, no_lessons):
    kit.start("05-verdict")
    notes = kit.evidence_notes()
    notes.box.value = "something"
    notes.box.value = "   "
    assert open_work("05-verdict", STORY, folder=work_folder).get("notes") == {}


# --- ranking --------------------------------------------------------------------------------


def test_ranking_has_one_menu_per_report_and_is_saved_and_restored(work_folder, no_lessons):
    story = kit.start("05-verdict").story
    box = kit.ranking()
    assert len(box.places) == len(story.ids)
    for place, report_id in zip(box.places, reversed(story.ids)):
        place.value = report_id
    assert "✓ Every report has one place" in box.status.value
    kit.start("05-verdict")
    assert kit.ranking().value == list(reversed(story.ids))


def test_a_report_in_two_places_is_explained_and_still_saved(work_folder, no_lessons):
    kit.start("05-verdict")
    box = kit.ranking()
    box.places[0].value = "001"
    box.places[2].value = "001"
    assert "Report 001 is in more than one place (1st, 3rd)" in box.status.value
    assert "Places 2, 4 and 5 are still empty." in box.status.value
    assert open_work("05-verdict", STORY, folder=work_folder).get("ranking") == ["001", None, "001", None, None]


def test_a_saved_ranking_naming_reports_no_longer_in_the_story_starts_those_places_empty(work_folder, no_lessons):
    save(work_folder, "05-verdict", ranking=["999", "001"])
    kit.start("05-verdict")
    assert kit.ranking().value == [None, "001", None, None, None]


# --- choosing and checking --------------------------------------------------------------------


def test_ticking_evidence_is_saved_counted_and_restored(work_folder, fake_lessons):
    save_all_lessons(work_folder)
    kit.start("05-verdict")
    chooser = kit.evidence_chooser()
    for box, _ in chooser.boxes[:3]:
        box.value = True
    assert "✓ You have chosen 3 pieces" in chooser.count.value
    chosen = open_work("05-verdict", STORY, folder=work_folder).get("chosen")
    assert len(chosen) == 3 and set(chosen[0]) == {"report", "source", "text"}
    kit.start("05-verdict")
    assert sum(box.value for box, _ in kit.evidence_chooser().boxes) == 3


def test_chosen_evidence_that_is_no_longer_gathered_is_kept(work_folder, no_lessons):
    gone = {"report": "002", "source": "02-loaded-headlines", "text": "A line from an older version"}
    save(work_folder, "05-verdict", chosen=[gone])
    kit.start("05-verdict")
    chooser = kit.evidence_chooser()
    assert [(piece.text, box.value) for box, piece in chooser.boxes] == [("A line from an older version", True)]


def test_with_no_evidence_at_all_the_tick_list_says_what_to_do(work_folder, no_lessons):
    kit.start("05-verdict")
    assert "No evidence yet" in all_html(kit.evidence_chooser())


def test_check_says_plainly_what_is_missing(work_folder, no_lessons):
    kit.start("05-verdict")
    check = kit.verdict_check()
    check.button.click()
    text = check.output.value
    assert "You have not ranked the reports yet." in text
    assert "You chose 0 pieces of evidence: choose at least 3." in text
    assert "Your justification is empty" in text


def test_check_says_complete_when_ranking_evidence_and_justification_are_there(work_folder, fake_lessons):
    save_all_lessons(work_folder)
    story = kit.start("05-verdict").story
    for place, report_id in zip(kit.ranking().places, story.ids):
        place.value = report_id
    for box, _ in kit.evidence_chooser().boxes[:3]:
        box.value = True
    kit.justification().box.value = "001 names its author. But I cannot tell who wrote 000."
    check = kit.verdict_check()
    check.button.click()
    assert "✓ Your verdict is complete" in check.output.value
    assert "Not finished" not in check.output.value


def test_verdict_problems_counts_one_piece_in_the_singular():
    assert "You chose 1 piece of evidence: choose at least 3." in verdict_problems(["a"], [{}], "x", ["a"])


def test_tips_suggest_evidence_from_several_lessons_and_naming_uncertainty():
    tips = verdict.verdict_tips([{"source": "notes"}] * 3, "I trust 001 most.")
    assert any("several lessons" in tip for tip in tips)
    assert any("not sure" in tip for tip in tips)


# --- the summary ------------------------------------------------------------------------------


def test_summary_needs_the_students_name(work_folder, no_lessons):
    kit.start("05-verdict")
    maker = kit.summary_maker()
    maker.button.click()
    assert "Type your name" in maker.status.value
    assert not list(work_folder.rglob("*-verdict.html"))


def test_summary_is_written_to_the_work_folder_with_the_full_work_file(work_folder, fake_lessons):
    save_all_lessons(work_folder)
    save(work_folder, PROFILE, name="Rosa P.")
    story = kit.start("05-verdict").story
    kit.ranking().places[0].value = "003"
    kit.justification().box.value = "Reuters is a named source."
    maker = kit.summary_maker()
    maker.button.click()
    page = (work_folder / STORY / "rosa-p-verdict.html").read_text(encoding="utf-8")
    assert "Rosa P." in page and story.title in page and "Reuters is a named source." in page
    assert "Not finished yet" in page  # only one place filled, no evidence
    assert (work_folder / STORY / "rosa-p.medialit.json").exists()
    assert "rosa-p-verdict.html" in maker.output.value and "Download my hand-in" in maker.output.value
    assert open_work("05-verdict", STORY, folder=work_folder).get("summary").endswith("rosa-p-verdict.html")


def handin_download(maker) -> dict[str, bytes]:
    """The files inside the hand-in link's .zip, by name."""
    link = re.search(r'download="([^"]+)" href="data:application/zip;base64,([^"]+)"', maker.output.value)
    assert link and link.group(1).endswith("-handin.zip")
    archive = zipfile.ZipFile(io.BytesIO(base64.b64decode(link.group(2))))
    return {name: archive.read(name) for name in archive.namelist()}


def test_the_one_download_carries_the_summary_and_the_work_file_the_teacher_reads(work_folder, no_lessons):
    save(work_folder, PROFILE, name="Rosa P.")
    kit.start("05-verdict")
    kit.ranking().places[0].value = "003"
    maker = kit.summary_maker()
    maker.button.click()
    files = handin_download(maker)
    assert sorted(files) == ["rosa-p-verdict.html", "rosa-p.medialit.json"]
    assert files["rosa-p-verdict.html"] == (work_folder / STORY / "rosa-p-verdict.html").read_bytes()
    exported = json.loads(files["rosa-p.medialit.json"])
    assert exported["student"] == "Rosa P."
    assert exported["lessons"]["05-verdict"]["ranking"][0] == "003"
    assert exported["lessons"]["05-verdict"]["summary"].endswith("rosa-p-verdict.html")


def test_a_later_hand_in_replaces_the_earlier_one_and_loses_no_lesson(work_folder, no_lessons):
    save(work_folder, PROFILE, name="Sam")
    save(work_folder, "02-loaded-headlines", tags={"001": ["threatens"]})
    kit.start("05-verdict")
    maker = kit.summary_maker()
    maker.button.click()
    kit.justification().box.value = "Second thoughts."
    maker.button.click()
    exported = json.loads(handin_download(maker)["sam.medialit.json"])
    assert exported["lessons"]["05-verdict"]["justification"] == "Second thoughts."
    assert exported["lessons"]["02-loaded-headlines"]["tags"] == {"001": ["threatens"]}
    assert sorted(p.name for p in (work_folder / STORY).glob("sam*")) == ["sam-verdict.html", "sam.medialit.json"]


def test_on_binder_the_hand_in_says_to_download_before_the_session_ends(work_folder, no_lessons, monkeypatch):
    monkeypatch.setenv("BINDER_LAUNCH_HOST", "https://mybinder.org/")
    save(work_folder, PROFILE, name="Sam")
    kit.start("05-verdict")
    maker = kit.summary_maker()
    assert "You are working on Binder" in maker.note.value and "Download my hand-in" in maker.note.value
    maker.button.click()
    assert "on Binder everything is deleted" in maker.output.value


def test_off_binder_there_is_no_binder_warning(work_folder, no_lessons, monkeypatch):
    for name in ("BINDER_LAUNCH_HOST", "BINDER_REPO_URL", "BINDER_REF_URL"):
        monkeypatch.delenv(name, raising=False)
    kit.start("05-verdict")
    assert kit.summary_maker().note.value == ""


def test_students_whose_names_share_no_latin_letter_get_different_hand_in_files(work_folder, no_lessons, tmp_path,
                                                                                  monkeypatch):
    monkeypatch.setenv("MEDIALIT_HANDIN", str(tmp_path / "handin"))
    for name in ("张伟", "李娜"):
        save(work_folder, PROFILE, name=name)
        kit.start("05-verdict")
        kit.summary_maker().button.click()
    assert len(list((tmp_path / "handin").glob("*-verdict.html"))) == 2


def test_summary_goes_to_the_folder_the_teacher_sets(work_folder, no_lessons, tmp_path, monkeypatch):
    save(work_folder, PROFILE, name="Sam")
    monkeypatch.setenv("MEDIALIT_HANDIN", str(tmp_path / "handin"))
    kit.start("05-verdict")
    kit.summary_maker().button.click()
    assert sorted(p.name for p in (tmp_path / "handin").iterdir()) == ["sam-verdict.html", "sam.medialit.json"]


def test_summary_lists_the_ranking_in_order_and_the_chosen_evidence(work_folder, fake_lessons):
    save_all_lessons(work_folder)
    story = kit.start("05-verdict").story
    box = kit.ranking()
    box.places[0].value, box.places[1].value = "004", "001"
    chooser = kit.evidence_chooser()
    chooser.boxes[0][0].value = True
    page = verdict.board().summary()
    assert page.index(verdict.esc(story.report("004").headline)) < page.index(verdict.esc(story.report("001").headline))
    assert verdict.esc(chooser.boxes[0][1].text) in page


def test_summary_html_escapes_markup_in_every_field():
    page = summary_html(student=HOSTILE, story_title=HOSTILE, ranking=[HOSTILE], evidence=[(HOSTILE, HOSTILE, HOSTILE)],
                        justification=HOSTILE, made=HOSTILE, story_date=HOSTILE, missing=[HOSTILE])
    assert_markup_is_escaped(page)
    assert not EVENT_HANDLER.search(page)
    assert page.count("&lt;script&gt;") >= 9  # every field is shown, as text


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(), min_size=6, max_size=6))
def test_no_text_can_put_a_script_or_event_handler_in_the_summary(texts):
    def page(values):
        return summary_html(values[0], values[1], [values[2]], [(values[3], values[4], values[5])], values[5],
                            values[0], values[1])

    # The same texts with every visible character replaced by "x": any extra tag must come from the input.
    harmless = ["".join(c if c.isspace() else "x" for c in text) for text in texts]
    made = page(texts)
    assert "<script" not in made.lower()
    assert not EVENT_HANDLER.search(made)
    assert re.findall(r"<[a-z/!]+", made) == re.findall(r"<[a-z/!]+", page(harmless))


# --- any story, escaping, snapshots -------------------------------------------------------------


def test_every_verdict_widget_shows_hostile_markup_as_text(hostile_story, work_folder, no_lessons):
    current = kit.start("05-verdict", story_path=str(hostile_story))
    open_work(PROFILE, current.story.id, folder=work_folder).set("name", HOSTILE)
    open_work("00-start-here", current.story.id, folder=work_folder).set("not-article", f"Report 001 {HOSTILE}")
    made = [kit.evidence_table(), kit.evidence_notes(), kit.ranking(), kit.evidence_chooser(),
            kit.justification(), kit.verdict_check(), kit.summary_maker()]
    made[0].button.click()
    made[1].box.value = HOSTILE
    made[2].places[0].value = "001"
    for box, _ in made[3].boxes:
        box.value = True
    made[4].box.value = HOSTILE
    made[5].button.click()
    made[6].button.click()
    assert "Your summary is ready" in made[6].output.value
    for widget in [made[0], made[1], made[3], made[4]]:
        assert_markup_is_escaped(all_html(widget))
    assert_markup_is_escaped("\n".join(all_html(widget) for widget in made))
    page = next(work_folder.rglob("*-verdict.html")).read_text(encoding="utf-8")
    assert_markup_is_escaped(page)
    assert not EVENT_HANDLER.search(page)


def test_works_on_a_two_report_story_with_no_clues_for_one_report(hostile_story, work_folder, no_lessons):
    current = kit.start("05-verdict", story_path=str(hostile_story))
    assert len(kit.ranking().places) == 2
    open_work("00-start-here", current.story.id, folder=work_folder).set("first-impression", "Both are short.")
    kit.start("05-verdict", story_path=str(hostile_story))
    found = verdict.board().gathered[0].lines
    assert "002" not in found and found[ALL_REPORTS] == ["You wrote (First impression of the headlines): “Both are short.”"]


def test_widgets_carry_a_readable_static_snapshot(work_folder, no_lessons):
    save(work_folder, "05-verdict", ranking=["002"], notes={"002": "Tags above"})
    kit.start("05-verdict")
    assert "Tags above" in kit.evidence_table()._repr_mimebundle_()["text/html"]
    assert "Report 002" in kit.ranking()._repr_mimebundle_()["text/html"]


def test_a_failure_while_saving_shows_in_the_status_line(work_folder, no_lessons, monkeypatch):
    current = kit.start("05-verdict")
    box = kit.ranking()

    def broken(key, value):
        raise OSError("disk full")

    monkeypatch.setattr(current.work, "update", lambda values, removed=(): broken(None, values))
    box.places[0].value = "001"
    assert "disk full" in box.status.value


def test_every_ranking_menu_and_the_notes_menu_has_a_name_and_a_description(work_folder, no_lessons):
    kit.start("05-verdict")
    places = kit.ranking().places
    assert [place.description for place in places[:3]] == ["1st place:", "2nd place:", "3rd place:"]
    assert all(place.tooltip and ordinal in place.tooltip for place, ordinal in zip(places, ["1st", "2nd", "3rd"]))
    notes = kit.evidence_notes()
    assert notes.picker.description == "Report:" and notes.picker.tooltip
    assert ("All the reports (the whole story)", ALL_REPORTS) in notes.picker.options


def test_the_notes_box_is_named_by_a_label_for_the_report_chosen_in_the_menu(work_folder, no_lessons):
    kit.start("05-verdict")
    notes = kit.evidence_notes()
    notes.picker.value = "002"
    state = notes.box.get_state()
    assert state["description"] == "Your evidence notes on Report 002, one per line:"
    assert "medialit-label-above" in state["_dom_classes"]
    notes.picker.value = ALL_REPORTS
    assert notes.box.description == "Your evidence notes on all the reports, one per line:"


def test_the_justification_box_is_named_by_its_question(work_folder, no_lessons):
    kit.start("05-verdict")
    box = kit.justification().box
    assert box.get_state()["description"].startswith("Why did you rank the reports this way?")
    assert "medialit-label-above" in box._dom_classes and box.placeholder.startswith("I trust")


def test_every_box_menu_and_tick_box_lesson_5_draws_has_a_name(work_folder, fake_lessons):
    save_all_lessons(work_folder)
    kit.start("05-verdict")
    drawn = [kit.evidence_table(), kit.evidence_notes(), kit.ranking(), kit.evidence_chooser(), kit.justification(),
             kit.verdict_check(), kit.summary_maker()]
    assert len(drawn[3].boxes) >= 1, "some evidence to tick"
    assert unnamed(*drawn) == []
