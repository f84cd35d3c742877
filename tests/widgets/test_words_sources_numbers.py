"""Lesson 4 widgets, driven from Python: word counts, sources, numbers, readability and the evidence lines."""

from __future__ import annotations

import json
import re

import pytest
from kit_testing import HOSTILE, ROOT, all_html, assert_markup_is_escaped

import medialit.widgets as kit
from medialit.progress import open_work
from medialit.terms import load_terms
from medialit.evidence import words_sources_numbers_evidence as evidence

LESSON = "04-words-sources-numbers"


def without_chart_images(html: str) -> str:
    """Drop the charts' own PNG <img> tags (their alt text is escaped), keeping every other tag to check."""
    return re.sub(r'<img alt="[^"<>]*" src="data:image/png;base64,[A-Za-z0-9+/=]+">', "", html)


def saved(work_folder) -> dict:
    return open_work(LESSON, "deir-ezzor-2017", folder=work_folder).answers


# --- word counts ------------------------------------------------------------------------------


def test_term_widget_starts_on_the_first_group_with_the_body_only(work_folder):
    kit.start(LESSON)
    counter = kit.term_counts()
    assert counter.picker.value == "sides_government" and counter.comments.value is False
    # Hand count of report 000's body: 'regime' five times, never 'government' or 'army'.
    assert counter.chart.rows[0] == ["Report 000", 5, 0, 0]
    assert counter.chart.headers == ["Report", "regime", "government", "army"]


def test_including_comments_changes_the_counts_of_the_report_with_comments(work_folder):
    kit.start(LESSON)
    counter = kit.term_counts()
    assert counter.chart.rows[4] == ["Report 004", 2, 3, 3]
    before = counter.chart.png
    counter.comments.value = True
    # The comment thread of 004 says 'regime' twice and 'government' three times.
    assert counter.chart.rows[4] == ["Report 004", 4, 6, 3]
    assert counter.chart.png != before
    assert "article body + reader comments" in counter.chart.caption


def test_the_difference_line_names_what_comments_add(work_folder):
    kit.start(LESSON)
    counter = kit.term_counts()
    assert "Comments would add 2 × &#x27;regime&#x27;, 3 × &#x27;government&#x27; in Report 004." in counter.difference.value
    counter.comments.value = True
    assert "Comments add 2 × &#x27;regime&#x27;" in counter.difference.value
    assert "would add" not in counter.difference.value


def test_changing_the_group_redraws_the_chart_for_its_terms(work_folder):
    kit.start(LESSON)
    counter = kit.term_counts()
    counter.picker.value = "sides_isis"
    assert counter.chart.headers == ["Report", "Daesh", "ISIS", "Islamic State", "militants"]
    assert counter.chart.rows[0] == ["Report 000", 3, 0, 0, 0]
    assert "Naming Islamic State" in counter.chart.caption


def test_the_redrawn_chart_says_in_its_alt_text_what_it_now_shows(work_folder):
    kit.start(LESSON)
    counter = kit.term_counts()
    counter.picker.value = "sides_isis"
    assert counter.chart.image.alt == counter.chart.caption and "Naming Islamic State" in counter.chart.image.alt


def test_group_choices_are_saved_and_restored_on_rerun(work_folder):
    kit.start(LESSON)
    counter = kit.term_counts()
    counter.picker.value = "attribution"
    counter.comments.value = True
    counter.report_picker.value = "004"
    assert "Saved" in counter.status.value
    assert saved(work_folder)["terms"] == {
        "group": "attribution", "include_comments": True, "report": "004", "seen": ["sides_government", "attribution"],
    }
    kit.start(LESSON)
    again = kit.term_counts()
    assert (again.picker.value, again.comments.value, again.report_picker.value) == ("attribution", True, "004")


def test_a_saved_group_that_no_longer_exists_falls_back_to_the_first(work_folder):
    current = kit.start(LESSON)
    current.work.set("terms", {"group": "deleted_group", "include_comments": "yes", "report": "999", "seen": "x"})
    counter = kit.term_counts()
    assert counter.picker.value == "sides_government" and counter.report_picker.value == "000"


def test_matches_show_each_sentence_with_the_word_highlighted(work_folder):
    kit.start(LESSON)
    counter = kit.term_counts()
    counter.report_picker.value = "000"
    assert counter.matches.value.count("<mark>") == 5
    assert "<mark><b>regime</b></mark>" in counter.matches.value


def test_comment_matches_appear_only_when_comments_are_included(work_folder):
    kit.start(LESSON)
    counter = kit.term_counts()
    counter.report_picker.value = "004"
    assert "comment, line" not in counter.matches.value
    counter.comments.value = True
    assert "comment, line" in counter.matches.value


def test_a_group_with_no_matches_shows_zeros_and_says_so(work_folder, tmp_path):
    from medialit.widgets.words_sources_numbers import TermCounter

    terms_file = tmp_path / "terms.json"
    terms_file.write_text(json.dumps({"groups": [
        {"id": "fruit", "title": "Fruit", "terms": {"apple": ["apple"], "pear": ["pear"]}},
    ]}), encoding="utf-8")
    current = kit.start(LESSON)
    counter = TermCounter(current.story, current.work, terms=load_terms(terms_file))
    assert all(row[1:] == [0, 0] for row in counter.chart.rows)
    assert "None of these words appear" in counter.empty.value
    assert "none of these words" in counter.difference.value
    assert "No words from this group" in counter.matches.value


def test_a_story_without_comments_says_the_box_changes_nothing(tmp_path, work_folder):
    story = tmp_path / "no-comments"
    story.mkdir()
    for number in ("001", "002"):
        (story / f"{number}_page.txt").write_text(
            f"Headline {number}\n\nThe regime said on Monday that the talks would go on, officials told reporters.\n"
        )
    kit.start(LESSON, story_path=str(story))
    counter = kit.term_counts()
    assert "changes nothing here" in counter.difference.value
    counter.comments.value = True
    assert "Something went wrong" not in counter.status.value


# --- sources ----------------------------------------------------------------------------------


def test_source_chart_counts_each_kind_per_report(work_folder):
    kit.start(LESSON)
    chart = kit.source_chart()
    headers = chart.chart.headers
    row_003 = dict(zip(headers, chart.chart.rows[3]))
    # 003 cites Reuters, Konashenkov and Col. Ryan Dillon, and two unnamed US military sources.
    assert row_003["News agencies"] == 1 and row_003["Named officials"] == 2 and row_003["Anonymous sources"] == 2


def test_source_table_shows_the_evidence_sentence_and_filters_by_report(work_folder):
    kit.start(LESSON)
    chart = kit.source_chart()
    assert "Ryan Dillon" in chart.list.value and "Konashenkov" in chart.list.value
    chart.picker.value = "003"
    assert "said Army Col" in chart.list.value and "Report 000" not in chart.list.value
    assert saved(work_folder)["sources"] == {"report": "003"}
    kit.start(LESSON)
    assert kit.source_chart().picker.value == "003"


def test_a_report_with_no_sources_says_so(hostile_story, work_folder):
    kit.start(LESSON, story_path=str(hostile_story))
    chart = kit.source_chart()
    assert "found no cited sources" in chart.list.value


# --- numbers ----------------------------------------------------------------------------------


def test_numbers_line_up_the_distance_the_reports_disagree_on(work_folder):
    kit.start(LESSON)
    check = kit.number_check()
    html = check.lined_up.value
    assert "How far apart the Syrian army and the SDF are" in html
    assert "≠ The figures differ." in html and "cannot" not in html
    assert "at least 7 km" in html and "within 4 miles" in html
    assert "given by someone the report cites (&#x27;saying&#x27;)" in html and "stated by the report itself" in html
    assert "<li>Do they describe the same place and the same time?</li>" in html


def test_numbers_that_agree_get_a_tick(work_folder):
    kit.start(LESSON)
    assert "✓ These fit together." in kit.number_check().lined_up.value


def test_every_number_in_the_chosen_report_is_listed_with_its_measure(work_folder):
    kit.start(LESSON)
    check = kit.number_check()
    check.picker.value = "002"
    assert "within 4 miles" in check.list.value and "distance" in check.list.value
    assert "restates the number before" in check.list.value  # '(6 kilometers)'
    assert saved(work_folder)["numbers"] == {"report": "002"}


def test_each_listed_number_says_whose_figure_it_is(work_folder):
    kit.start(LESSON)
    check = kit.number_check()
    check.picker.value = "000"
    assert "Whose figure" in check.list.value and "inside a quotation" in check.list.value


def test_a_story_with_nothing_to_line_up_says_what_to_do_instead(hostile_story, work_folder):
    kit.start(LESSON, story_path=str(hostile_story))
    html = kit.number_check().lined_up.value
    assert "no two reports giving a number" in html and "List every number" in html


def test_a_story_without_number_topics_lines_up_what_its_reports_count(work_folder):
    kit.start(LESSON, story_path=str(ROOT / "tests" / "stories" / "harbour-storm"))
    html = kit.number_check().lined_up.value
    assert "How many homes (found in the text)" in html and "≠ The figures differ." in html


# --- readability ------------------------------------------------------------------------------


def test_readability_rows_give_body_scores_and_comments_where_present(work_folder):
    kit.start(LESSON)
    chart = kit.readability_chart()
    parts = [(row[0], row[1]) for row in chart.chart.rows]
    assert ("Report 004", "body + reader comments") in parts
    assert ("Report 000", "body + reader comments") not in parts
    assert chart.chart.rows[0][:5] == ["Report 000", "article body", 366, 17, 21.5]


def test_readability_explains_what_a_formula_cannot_say(work_folder):
    kit.start(LESSON)
    text = kit.readability_chart().explained.value
    assert "syllables" in text and "cannot tell whether a report is true" in text and "hyphenation" in text


def test_readability_runs_with_no_nltk_data(work_folder, offline_env):
    kit.start(LESSON)
    assert kit.readability_chart().scores["000"]["body"].reading_ease > 0
    assert not offline_env.exists()


# --- escaping and evidence --------------------------------------------------------------------
# Evidence here only from the answers the widgets save; evidence() on hand-made answers is in tests/unit/test_evidence.py.


@pytest.mark.parametrize("factory", ["term_counts", "source_chart", "number_check", "readability_chart"])
def test_hostile_markup_shows_as_text(factory, hostile_story, work_folder):
    kit.start(LESSON, story_path=str(hostile_story))
    widget = getattr(kit, factory)()
    pickers = [w for w in (getattr(widget, "report_picker", None), getattr(widget, "picker", None)) if w is not None]
    for picker in pickers:
        if "001" in [value for _, value in picker.options]:
            picker.value = "001"
    html = all_html(widget) + (widget.matches_html() if factory == "term_counts" else "")
    assert_markup_is_escaped(without_chart_images(html))


def test_term_matches_escape_hostile_sentences(hostile_story, work_folder):
    kit.start(LESSON, story_path=str(hostile_story))
    counter = kit.term_counts()
    counter.picker.value = "attribution"
    counter.report_picker.value = "001"
    assert_markup_is_escaped(counter.matches.value)
    assert HOSTILE not in counter.matches.value


def test_evidence_works_on_any_story(hostile_story, work_folder):
    current = kit.start(LESSON, story_path=str(hostile_story))
    kit.term_counts(), kit.source_chart(), kit.number_check(), kit.readability_chart()
    lines = evidence(current.work.answers, current.story)
    assert set(lines) == {"001", "002"}
    assert "Cites no source the kit could find" in lines["002"]


def test_opening_the_widgets_records_what_was_seen(work_folder):
    kit.start(LESSON)
    kit.term_counts(), kit.source_chart(), kit.number_check(), kit.readability_chart()
    answers = saved(work_folder)
    assert answers["terms"]["group"] == "sides_government" and answers["readability"] == {"seen": True}
    assert answers["sources"] == {"report": "all"} and answers["numbers"] == {"report": "000"}


def test_widgets_carry_a_static_snapshot(work_folder):
    kit.start(LESSON)
    for widget in (kit.term_counts(), kit.source_chart(), kit.number_check(), kit.readability_chart()):
        bundle = widget._repr_mimebundle_()
        assert "application/vnd.jupyter.widget-view+json" in bundle and bundle["text/html"]


def test_a_failure_while_saving_shows_in_the_status_line(work_folder, monkeypatch):
    current = kit.start(LESSON)
    counter = kit.term_counts()

    def broken(values, removed=()):
        raise OSError("disk full")

    monkeypatch.setattr(current.work, "update", broken)
    counter.comments.value = True
    assert "disk full" in counter.status.value


def test_opening_a_widget_is_recorded_without_a_saved_line_the_student_did_not_cause(work_folder):
    kit.start(LESSON)
    widgets_shown = (kit.term_counts(), kit.source_chart(), kit.number_check(), kit.readability_chart())
    assert all("Saved" not in widget.status.value for widget in widgets_shown)
    counter = widgets_shown[0]
    counter.comments.value = True
    assert "Saved" in counter.status.value


def test_every_report_menu_has_a_name_and_a_description(work_folder):
    kit.start(LESSON)
    menus = [kit.term_counts().report_picker, kit.source_chart().picker, kit.number_check().picker]
    assert all(menu.description and menu.tooltip for menu in menus)
