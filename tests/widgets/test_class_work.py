"""The teacher's view of the class: per-lesson summaries of exported work, on good, bad and hostile files."""

from __future__ import annotations

import json

import pytest
from kit_testing import HOSTILE, all_html, assert_markup_is_escaped, assert_no_live_markup, write_story

import medialit.widgets as kit
from medialit import load_story
from medialit.classwork import (
    ClassWork,
    StudentWork,
    label_tallies,
    rank_summaries,
    read_class,
    verdict_tallies,
)
from medialit.answer_key import KeyEntry, load_answer_key

LESSON = "teacher-class-work"


def export(folder, name, lessons, story="deir-ezzor-2017"):
    folder.mkdir(parents=True, exist_ok=True)
    payload = {"format": "medialit-export", "version": 1, "student": name, "story": story,
               "exported": "2024-01-01T00:00:00+00:00", "lessons": lessons}
    path = folder / f"{name.lower().replace(' ', '-')}.medialit.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    return path


def student(name, lessons):
    return StudentWork(name, f"{name}.json", "", lessons)


# --- the pure summaries ------------------------------------------------------------------------


def test_label_tallies_count_each_group_beside_the_keys_group():
    key = {"004": [KeyEntry(34, "comment", ""), KeyEntry(6, "body", "")]}
    work = ClassWork("", None, (
        student("A", {"01-what-is-the-article": {"labeller.labels": {"004": {"34": {"group": "comment"}, "6": {"group": "body"}}}}}),
        student("B", {"01-what-is-the-article": {"labeller.labels": {"004": {"34": {"group": "body"}}}}}),
    ), ())
    tallies = {(t.report_id, t.line): t for t in label_tallies(work, key)}
    assert tallies[("004", 34)].counts == {"comment": 1, "body": 1} and tallies[("004", 34)].agreeing == 1
    assert tallies[("004", 6)].key_group == "body" and tallies[("004", 6)].labelled == 1


def test_label_tallies_skip_labels_of_the_wrong_shape():
    odd = {"labeller.labels": {"004": {"34": "body", "x": {"group": "body"}, "7": {"group": "nonsense"}}, "005": []}}
    assert label_tallies(ClassWork("", None, (student("A", {"01-what-is-the-article": odd}),), ()), {}) == []


def test_verdict_tallies_count_only_real_verdicts():
    answers = {"verdicts": {"remark:w": {"001@1": {"verdict": "fragment"}, "002@9": {"verdict": "<b>evil</b>"},
                                         "003@4": "verbatim"}}}
    work = ClassWork("", None, (student("A", {"03-quote-fidelity": answers}),
                               student("B", {"03-quote-fidelity": {"verdicts": {"remark:w": {"001@1": {"verdict": "fragment"}}}}})), ())
    assert verdict_tallies(work) == {"remark:w": {"001@1": {"fragment": 2}}}


def test_rank_summaries_order_by_average_place_and_ignore_repeats_and_unknown_ids():
    work = ClassWork("", None, (
        student("A", {"05-verdict": {"ranking": ["002", "001", "002", "999"]}}),
        student("B", {"05-verdict": {"ranking": ["002", None, "001"]}}),
        student("C", {"05-verdict": {"ranking": "not a list"}}),
    ), ())
    summaries = rank_summaries(work, ["001", "002", "003"])
    assert [(s.report_id, s.places) for s in summaries] == [("002", (1, 1)), ("001", (2, 3)), ("003", ())]
    assert summaries[0].firsts == 2 and summaries[2].mean is None


def test_the_sample_class_covers_lessons_1_2_3_and_5():
    work = read_class()
    story = load_story()
    assert len(work.students) == 3 and not work.problems
    assert label_tallies(work, load_answer_key(story.folder))
    assert verdict_tallies(work)["remark:fire-points"]
    assert all(summary.places for summary in rank_summaries(work, story.ids))


# --- the widgets -------------------------------------------------------------------------------


def test_every_view_shows_the_sample_class_when_no_folder_is_given(work_folder):
    kit.start(LESSON)
    folder = kit.class_folder()
    assert "sample class" in folder.report.value and "Amira K." in folder.report.value
    assert type(kit.class_labels().body.children[0]).__name__ == "ChartBox"
    assert type(kit.class_quote_verdicts().body.children[0]).__name__ == "ChartBox"
    assert "Why they ranked them so" in all_html(kit.class_rankings())
    assert kit.class_headline_tags().view is not None


def test_reading_another_folder_refreshes_every_view(work_folder, tmp_path):
    kit.start(LESSON)
    folder = kit.class_folder()
    rankings = kit.class_rankings()
    export(tmp_path / "class", "Dana Q", {"05-verdict": {"ranking": ["004", "003", "002", "001", "000"],
                                                         "justification": "Dana's reason"}})
    folder.path.value = str(tmp_path / "class")
    folder.read_button.click()
    assert "Dana Q" in folder.report.value and "Dana&#x27;s reason" in all_html(rankings)
    assert "Amira" not in all_html(rankings)


def test_the_chosen_folder_is_remembered(work_folder, tmp_path):
    kit.start(LESSON)
    export(tmp_path / "class", "Dana Q", {})
    folder = kit.class_folder()
    folder.path.value = str(tmp_path / "class")
    folder.read_button.click()
    kit.start(LESSON)
    assert kit.class_folder().path.value == str(tmp_path / "class")


def test_bad_and_hostile_files_are_skipped_and_listed_with_the_reason(work_folder, tmp_path):
    folder = tmp_path / "class"
    export(folder, "Good Student", {"05-verdict": {"ranking": ["001"]}})
    (folder / "truncated.medialit.json").write_text('{"format": "medialit-export", "stud')
    (folder / "huge.medialit.json").write_text(json.dumps({"x": "y" * 1_200_000}))
    (folder / "wrong-types.medialit.json").write_text(json.dumps(
        {"format": "medialit-export", "version": 1, "student": ["a"], "story": "deir-ezzor-2017", "lessons": []}))
    (folder / f"{'evil'}.medialit.json").write_text(json.dumps(
        {"format": "<script>x()</script>", "student": HOSTILE}))
    kit.start(LESSON)
    view = kit.class_folder()
    view.path.value = str(folder)
    view.read_button.click()
    html = view.report.value
    assert "1 student(s): Good Student" in html and "4 file(s) skipped" in html
    for name in ("truncated", "huge", "wrong-types", "evil"):
        assert f"{name}.medialit.json" in html


def test_markup_in_students_answers_is_shown_as_text_in_every_view(work_folder, tmp_path):
    folder = tmp_path / "class"
    export(folder, f"Eve {HOSTILE}"[:70], {
        "01-what-is-the-article": {"labeller.labels": {"004": {"34": {"group": "body"}}}},
        "02-loaded-headlines": {"tags": {"004": [{"start": 0, "end": 6, "word": "Russia", "category": HOSTILE}]}},
        "03-quote-fidelity": {"verdicts": {HOSTILE: {HOSTILE: {"verdict": "fragment"}}}},
        "05-verdict": {"ranking": ["004"], "justification": HOSTILE},
    })
    kit.start(LESSON)
    view = kit.class_folder()
    view.path.value = str(folder)
    view.read_button.click()
    for widget in (view, kit.class_labels(), kit.class_headline_tags(), kit.class_quote_verdicts(), kit.class_rankings()):
        assert_no_live_markup(all_html(widget))
    assert_markup_is_escaped(all_html(kit.class_rankings()))


def test_a_folder_that_does_not_exist_is_reported_not_raised(work_folder, tmp_path):
    kit.start(LESSON)
    view = kit.class_folder()
    view.path.value = str(tmp_path / "nowhere")
    view.read_button.click()
    assert "0 student(s)" in view.report.value and "nowhere" in view.report.value
    assert "No student in this folder has ranked" in all_html(kit.class_rankings())


def test_a_story_without_an_answer_key_says_labels_cannot_be_marked(work_folder, tmp_path):
    story = tmp_path / "story"
    story.mkdir()
    (story / "001_a.txt").write_text("Headline\n\nThe mayor said the bridge will open on Monday, officials told us.\n")
    export(tmp_path / "class", "Dana Q", {"01-what-is-the-article": {"labeller.labels": {"001": {"1": {"group": "other"}}}}},
           story="story")
    kit.start(LESSON, story_path=str(story))
    view = kit.class_folder()
    view.path.value = str(tmp_path / "class")
    view.read_button.click()
    assert "no answer key" in all_html(kit.class_labels())


def test_on_a_teachers_own_story_the_sample_class_is_not_listed_as_skipped_files(work_folder, tmp_path):
    story = write_story(tmp_path / "story", {"001_a.txt": "Headline\n\nThe mayor said the bridge will open on Monday.\n"})
    kit.start(LESSON, story_path=str(story))
    report = kit.class_folder().report.value
    assert "did the bundled story, not this one" in report and "Read the class's files" in report
    assert "skipped" not in report and "Amira" not in report


def read_folder(folder):
    view = kit.class_folder()
    view.path.value = str(folder)
    view.read_button.click()
    return view


# --- careless and hostile exports in the views (issue 15, rows 5, 7 and 16) ---------------------------


def test_a_remark_or_version_with_dollar_signs_is_drawn_as_plain_text(work_folder, tmp_path):
    export(tmp_path / "class", "Eve", {"03-quote-fidelity": {"verdicts": {"remark:a": {
        "$\\foo$@1": {"verdict": "fragment"}, "001@$\\foo$": {"verdict": "fragment"}}}}})
    kit.start(LESSON)
    read_folder(tmp_path / "class")
    view = kit.class_quote_verdicts()
    assert view.status.value == "" and type(view.body.children[0]).__name__ == "ChartBox"


def test_a_view_that_fails_shows_the_problem_and_the_others_still_draw(work_folder, monkeypatch):
    from medialit.widgets import class_work

    def broken(*args):
        raise ValueError("odd data")

    monkeypatch.setattr(class_work, "rank_summaries", broken)
    kit.start(LESSON)
    kit.class_folder()
    rankings = kit.class_rankings()
    assert "odd data" in rankings.status.value
    assert type(kit.class_quote_verdicts().body.children[0]).__name__ == "ChartBox"


def test_the_verdict_chart_draws_at_most_a_readable_number_of_bars(work_folder, tmp_path):
    from medialit.widgets.class_work import MAX_BARS

    versions = {f"001@{n}": {"verdict": "fragment"} for n in range(90)}
    export(tmp_path / "class", "Eve", {"03-quote-fidelity": {"verdicts": {"remark:a": versions}}})
    kit.start(LESSON)
    read_folder(tmp_path / "class")
    chart = kit.class_quote_verdicts().body.children[0]
    assert len(chart.rows) == MAX_BARS and "more not drawn" in chart.caption


def test_lookalike_names_are_flagged_in_the_folder_report(work_folder, tmp_path):
    export(tmp_path / "class", "Sam Lee", {})
    (tmp_path / "class" / "other.json").write_text(json.dumps({
        "format": "medialit-export", "version": 1, "student": "\u0405am Lee", "story": "deir-ezzor-2017", "lessons": {}}))
    kit.start(LESSON)
    assert "Check these names" in read_folder(tmp_path / "class").report.value


# --- any lesson's work, as soon as it is exported (issue 13) ------------------------------------------


def test_the_answers_view_shows_any_lessons_written_answers(work_folder, tmp_path):
    export(tmp_path / "class", "Dana Q", {"04-words-sources-numbers": {"stance": "Both lean.", "exit.1": "Sources."}})
    kit.start(LESSON)
    read_folder(tmp_path / "class")
    view = kit.class_answers("04-words-sources-numbers")
    html = all_html(view)
    assert "Dana Q" in html and "Both lean." in html and "exit.1" in html


def test_the_answers_view_follows_the_lesson_menu(work_folder):
    kit.start(LESSON)
    kit.class_folder()
    view = kit.class_answers()
    assert view.picker.value == "00-start-here" and "Amira K." in all_html(view)
    view.picker.value = "04-words-sources-numbers"
    assert "No student in this folder has exported written answers" in all_html(view)


def test_the_answers_view_escapes_what_students_wrote(work_folder, tmp_path):
    export(tmp_path / "class", "Eve", {"00-start-here": {"not-article": HOSTILE}})
    kit.start(LESSON)
    read_folder(tmp_path / "class")
    assert_markup_is_escaped(all_html(kit.class_answers("00-start-here")))


def test_chart_labels_from_files_are_plain_text_not_mathtext():
    from medialit.widgets.class_work import plain
    from medialit.widgets.common import figure_png, new_figure

    figure = new_figure()
    axes = figure.subplots()
    axes.bar([0], [1])
    axes.set_xticks([0], [plain("$\\foo$ and $5")])
    assert figure_png(figure).startswith(b"\x89PNG")
