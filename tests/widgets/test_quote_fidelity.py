"""Lesson 3 widgets, driven from Python: the quote checker, the translation chain, headline quotes."""

from __future__ import annotations

import json
import shutil

import ipywidgets as widgets
import pytest
from kit_testing import HOSTILE, all_html, assert_markup_is_escaped, write_story

import medialit.widgets as kit
from medialit.progress import open_work
from medialit.quotes import VERDICTS, align_quotes, check_verdict, compare_quotes, helper_flags
from medialit.story import bundled_story_folder, load_story
from medialit.evidence import quote_fidelity_evidence as evidence
from medialit.quotes.keys import group_key, has_other_version, member_key
from medialit.widgets.quote_fidelity import VERDICT_LABELS, aligned_html

LESSON = "03-quote-fidelity"


@pytest.fixture
def checker(work_folder):
    kit.start(LESSON)
    return kit.quote_checker()


def saved_answers(work_folder) -> dict:
    return open_work(LESSON, load_story().id, folder=work_folder).answers


def saved_answers_of(work_folder, story_id: str) -> dict:
    return open_work(LESSON, story_id, folder=work_folder).answers


def choose(checker, key: str) -> None:
    checker.remark.value = key


def reference_token(checker, contains: str) -> str:
    return next(token for label, token in checker.reference.options if contains in label)


# --- the remark menu ----------------------------------------------------------------------------


def test_remarks_quoted_by_several_reports_come_first_and_say_how_many(checker):
    counts = [len(checker.by_key[key].report_ids) for _, key in checker.remark.options]
    assert counts == sorted(counts, reverse=True) and counts[0] > 1
    assert all(f"quoted by {n} report" in label for (label, _), n in zip(checker.remark.options, counts))


def test_remarks_quoted_by_one_report_can_still_be_chosen(checker):
    single = next(key for _, key in checker.remark.options if len(checker.by_key[key].report_ids) == 1)
    choose(checker, single)
    assert len(checker.rows) == 1 and "Only one report quotes this remark" in checker.reference_box.value


def test_the_menu_says_who_the_kit_found_said_each_remark(checker):
    for label, key in checker.remark.options:
        speaker = checker.by_key[key].speaker
        assert (f"said by {speaker}" if speaker else "the kit found no speaker") in label


def test_each_version_says_who_the_kit_found_said_it(checker):
    choose(checker, "remark:fire-points")
    for row, (_, quote) in zip(checker.rows, checker.group.members):
        assert f"said by {quote.speaker}" in row.title.value and "as the kit reads the page" in row.title.value


def test_remarks_with_a_second_version_come_before_those_with_none(checker):
    has_second = [has_other_version(checker.by_key[key]) for _, key in checker.remark.options]
    assert has_second == sorted(has_second, reverse=True) and has_second[0]


def test_group_keys_do_not_depend_on_list_positions(work_folder):
    story = load_story()
    keys = {group_key(g) for g in align_quotes(story)}
    assert {"remark:warning", "remark:fire-points"} <= keys
    assert all(k.startswith(("remark:", "quote:")) for k in keys)
    assert keys == {group_key(g) for g in reversed(align_quotes(story))}


def test_one_report_quoting_a_remark_twice_gets_a_row_for_each_place(checker):
    choose(checker, "remark:fire-points")
    keys = [row.key for row in checker.rows]
    assert len(keys) == len(set(keys)) and sum(k.startswith("001@") for k in keys) == 2


# --- alignment ----------------------------------------------------------------------------------


def test_each_version_is_lined_up_with_symbols_for_changed_added_and_missing_words(checker):
    choose(checker, "remark:fire-points")
    checker.reference.value = reference_token(checker, "Report 001, standfirst")
    row_000 = next(row for row in checker.rows if row.key.startswith("000@"))
    assert "≠ The firing positions" in row_000.words.value and "(ref: Fire points)" in row_000.words.value
    assert "− " not in aligned_html("a b c", "a b c") and "− c" in aligned_html("a b c", "a b")
    assert "+ d" in aligned_html("a b c", "a b c d")
    assert "≠" in checker.legend.value and "+" in checker.legend.value and "−" in checker.legend.value


def test_the_version_chosen_as_reference_says_so(checker):
    choose(checker, "remark:warning")
    token = reference_token(checker, "Report 002")
    checker.reference.value = token
    row = next(r for r in checker.rows if "report:" + r.key == token)
    assert "this is the reference" in row.title.value
    assert "≠" not in row.words.value


def test_the_russian_original_is_shown_as_text_and_explained_not_lined_up(checker):
    choose(checker, "remark:fire-points")
    checker.reference.value = reference_token(checker, "Russian original")
    assert "Огневые точки" in checker.reference_box.value
    assert "not lined up word by word" in checker.reference_box.value
    assert all("≠" not in row.words.value and "−" not in row.words.value for row in checker.rows)
    assert "reported speech" in checker.reference_box.value


def test_every_published_version_of_the_remark_can_be_the_reference(checker):
    choose(checker, "remark:warning")
    labels = " ".join(label for label, _ in checker.reference.options)
    for name in ("Russian original", "TASS", "Reuters", "Washington Post", "AFP", "Report 000", "Report 004"):
        assert name in labels


# --- verdicts, save and restore -------------------------------------------------------------------


def test_verdicts_and_reasons_are_saved_under_stable_keys(checker, work_folder):
    choose(checker, "remark:fire-points")
    row = checker.rows[0]
    row.verdict.value = "meaning changed"
    row.reason.value = "destroyed is harsher than suppressed"
    answers = saved_answers(work_folder)
    assert answers["verdicts"]["remark:fire-points"][row.key] == {
        "verdict": "meaning changed",
        "reason": "destroyed is harsher than suppressed",
    }
    assert answers["quotecheck.remark"] == "remark:fire-points"
    assert "Saved" in checker.status.value


def test_a_verdict_is_a_row_of_radio_buttons_whose_choice_a_screen_reader_hears(checker, work_folder):
    choose(checker, "remark:fire-points")
    verdict = checker.rows[0].verdict
    # RadioButtons: the browser marks the chosen one "checked" (ToggleButtons only shade it: ipywidgets#2650).
    assert isinstance(verdict, widgets.RadioButtons) and verdict.orientation == "horizontal"
    assert [value for _, value in verdict.options] == list(VERDICTS)


def test_each_verdict_group_is_named_for_its_version_for_a_screen_reader(checker):
    choose(checker, "remark:fire-points")
    names = [row.verdict.description for row in checker.rows]
    assert all(name.endswith(": your verdict") and name.startswith(row.title_text) for name, row in zip(names, checker.rows))
    assert len(set(names)) == len(names)


def test_the_legend_says_what_each_verdict_means_in_words(checker):
    legend = checker.legend.value
    assert all(f"<b>{label}</b>: " in legend for label in VERDICT_LABELS.values())


def test_verdicts_reference_and_reveal_come_back_when_the_notebook_is_run_again(checker, work_folder):
    choose(checker, "remark:warning")
    checker.reference.value = reference_token(checker, "TASS")
    checker.rows[1].verdict.value = "different translation"
    checker.reveal.click()
    kit.start(LESSON)
    again = kit.quote_checker()
    assert again.remark.value == "remark:warning"
    assert "TASS" in again.reference.value
    assert again.rows[1].verdict.value == "different translation"
    assert again.rows[1].result.value and again.reveal.disabled
    answers = saved_answers(work_folder)
    assert answers["reference"] == {"remark:warning": again.reference.value} and answers["revealed"] == ["remark:warning"]


def test_saved_answers_are_plain_json(checker, work_folder):
    checker.rows[0].verdict.value = "fragment"
    checker.reveal.click()
    path = open_work(LESSON, load_story().id, folder=work_folder).path
    assert json.loads(path.read_text())["answers"]["verdicts"]


def test_a_verdict_can_be_cleared(checker, work_folder):
    row = checker.rows[0]
    row.verdict.value = "verbatim"
    row.verdict.value = None
    assert saved_answers(work_folder)["verdicts"][group_key(checker.group)][row.key]["verdict"] == ""


def test_damaged_saved_verdicts_do_not_stop_the_widget(work_folder):
    current = kit.start(LESSON)
    current.work.set("verdicts", {"remark:warning": "not a dict"})
    current.work.set("reference", ["wrong type"])
    current.work.set("quotecheck.remark", "remark:gone")
    checker = kit.quote_checker()
    assert checker.remark.value == checker.remark.options[0][1]
    assert all(row.verdict.value is None for row in checker.rows)


# --- reveal ---------------------------------------------------------------------------------------


def test_helper_flags_stay_hidden_until_revealed(checker):
    choose(checker, "remark:fire-points")
    checker.rows[0].verdict.value = "verbatim"
    assert all(row.result.value == "" for row in checker.rows)
    checker.reveal.click()
    assert all("The helper's flags" in row.result.value for row in checker.rows)


def test_reveal_asks_for_a_verdict_first(checker, work_folder):
    checker.reveal.click()
    assert "at least one version a verdict" in checker.status.value
    assert all(row.result.value == "" for row in checker.rows)
    assert "revealed" not in saved_answers(work_folder)


def test_revealed_flags_show_the_verdict_beside_the_helper_and_whether_it_fits(checker):
    choose(checker, "remark:fire-points")
    checker.reference.value = reference_token(checker, "Reuters")
    row_000 = next(row for row in checker.rows if row.key.startswith("000@"))
    row_000.verdict.value = "verbatim"
    row_000.reason.value = "looks the same"
    checker.reveal.click()
    assert "Verbatim" in row_000.result.value and "looks the same" in row_000.result.value
    assert "⚑ <b>Changed words</b>" in row_000.result.value and "✗ look again" in row_000.result.value
    row_000.verdict.value = "meaning changed"
    assert "✓" in row_000.result.value and "✗" not in row_000.result.value


def test_reveal_is_per_remark(checker):
    choose(checker, "remark:fire-points")
    checker.rows[0].verdict.value = "minor wording"
    checker.reveal.click()
    choose(checker, "remark:warning")
    assert not checker.reveal.disabled and all(row.result.value == "" for row in checker.rows)


def test_against_the_russian_original_flags_say_words_cannot_be_compared(checker):
    choose(checker, "remark:fire-points")
    checker.reference.value = reference_token(checker, "Russian original")
    checker.rows[0].verdict.value = "different translation"
    checker.reveal.click()
    result = checker.rows[0].result.value
    assert "Another language" in result and "Reported speech in the original" in result
    assert "look again" not in result  # no word-by-word judgement across languages


# --- the analysis the widget shows ----------------------------------------------------------------


@pytest.mark.parametrize(
    "verdict, a, b, fits",
    [
        ("verbatim", "they will be suppressed", "They will be suppressed.", True),
        ("verbatim", "they will be suppressed", "they will be destroyed", False),
        ("fragment", "they will be suppressed at once by all means", "they will be suppressed", True),
        ("fragment", "they will be suppressed", "they will be suppressed", False),
        ("minor wording", "they will be suppressed", "they will be suppressed", False),
        ("meaning changed", "they will be suppressed", "they will be destroyed", True),
        ("different translation", "attempts will be curbed", "attempts will be shut down", True),
    ],
)
def test_check_verdict_objects_only_when_the_words_contradict_it(verdict, a, b, fits):
    assert check_verdict(verdict, compare_quotes(a, b))[0] is fits


def test_every_verdict_has_a_label_in_the_widget(checker):
    assert [value for _, value in checker.rows[0].verdict.options] == list(VERDICTS)


def test_helper_flags_for_a_translation_keep_only_what_does_not_need_matching_words():
    from medialit.quotes import ReferenceVersion

    ru = ReferenceVersion("X", "r", "[в] … сказал", "ru")
    kinds = [f.kind for f in helper_flags(ru, "he said")]
    assert kinds == ["translation", "brackets", "ellipsis"]


# --- the other widgets ------------------------------------------------------------------------------


def test_reference_table_shows_every_published_version_with_its_source(work_folder):
    kit.start(LESSON)
    html = kit.reference_table().static_html()
    for text in ("tass.com/politics/966732", "iz.ru/648448", "Washington Post", "AFP", "Огневые точки", "reported speech"):
        assert text in html


def test_quote_places_puts_a_standfirst_quote_beside_the_body_version(work_folder):
    kit.start(LESSON)
    rows = kit.quote_places().rows
    assert any("standfirst" in row[0] and row[2] != "(not quoted in the body)" for row in rows)


# --- stories without the data ------------------------------------------------------------------------


def lone_story(tmp_path):
    """Two reports that quote different people: no remark has a second version, and no published one."""
    return write_story(tmp_path / "lone", {
        "001_a.txt": "Harbour closed after storm\n\n"
        "The harbour master, Jo Lee, said the port would \"stay shut until the swell drops\" on Friday.\n\n"
        "\"We will reopen it when the storm has passed.\"\n",
        "002_b.txt": "Fishing fleet waits out storm\n\n"
        "Skippers waited on the quay. \"Nobody sails in this,\" said Ana Silva, who runs the co-operative.\n",
    })


def test_a_remark_with_no_other_version_offers_no_verdict_against_itself(tmp_path, work_folder):
    kit.start(LESSON, story_path=str(lone_story(tmp_path)))
    checker = kit.quote_checker()
    assert checker.groups and not any(has_other_version(g) for g in checker.groups)
    for _, key in checker.remark.options:
        choose(checker, key)
        assert all(not row.judgeable and row.choice.layout.display == "none" for row in checker.rows)
        assert "there is no verdict to give" in checker.reference_box.value
        assert checker.reveal.layout.display == "none" and checker.reference.layout.display == "none"
    assert "verdicts" not in saved_answers_of(work_folder, "lone")


def test_a_remark_with_no_other_version_shows_the_reports_sentence_and_the_speaker(tmp_path, work_folder):
    kit.start(LESSON, story_path=str(lone_story(tmp_path)))
    checker = kit.quote_checker()
    swell = next(key for label, key in checker.remark.options if "swell" in label)
    choose(checker, swell)
    [row] = checker.rows
    assert "The harbour master, Jo Lee, said the port would" in row.words.value
    assert "<b>stay shut until the swell drops</b>" in row.words.value and "on Friday." in row.words.value
    assert "said by Jo Lee" in row.title.value


def test_a_story_with_no_second_version_anywhere_says_why_in_plain_words(tmp_path, work_folder):
    kit.start(LESSON, story_path=str(lone_story(tmp_path)))
    checker = kit.quote_checker()
    intro = checker.intro.value
    assert "no remark has a second version" in intro and "A verdict would compare a quote with itself" in intro
    assert "who spoke" in intro
    assert ".json" not in intro and ".json" not in checker.static_html()
    assert ".json" not in kit.reference_table().static_html()
    assert "your verdict" not in checker.static_html() and "How to read the lines" not in checker.static_html()


def test_nothing_from_a_remark_with_no_other_version_reaches_lesson_5(tmp_path, work_folder):
    kit.start(LESSON, story_path=str(lone_story(tmp_path)))
    checker = kit.quote_checker()
    checker.reveal.click()
    answers = saved_answers_of(work_folder, "lone")
    assert evidence(answers, load_story(tmp_path / "lone")) == {}
    assert "revealed" not in answers


def test_a_story_without_reference_versions_or_shared_quotes_explains_and_still_works(hostile_story, work_folder):
    kit.start(LESSON, story_path=str(hostile_story))
    checker = kit.quote_checker()
    assert "no remark has a second version" in checker.intro.value
    assert "no published versions" in kit.reference_table().static_html()
    assert "No report in this story puts a quotation" in kit.quote_places().static_html()


def test_a_story_with_shared_remarks_but_no_published_versions_says_the_reports_are_compared(tmp_path, work_folder):
    folder = lone_story(tmp_path)
    (folder / "003_c.txt").write_text(
        "Port stays shut\n\nThe harbour master, Jo Lee, said the port would \"stay shut until the swell drops\".\n",
        encoding="utf-8",
    )
    kit.start(LESSON, story_path=str(folder))
    checker = kit.quote_checker()
    assert "no published versions" in checker.intro.value and "Remarks quoted only once come last" in checker.intro.value
    assert len(checker.group.report_ids) == 2 and all(row.judgeable for row in checker.rows)
    checker.rows[0].verdict.value = "verbatim"
    checker.reveal.click()
    assert "The helper's flags" in checker.rows[0].result.value


def test_bundled_story_without_its_reference_file_falls_back_to_report_references(tmp_path, work_folder):
    folder = tmp_path / "story"
    shutil.copytree(bundled_story_folder(), folder)
    (folder / "reference_quotes.json").unlink()
    kit.start(LESSON, story_path=str(folder))
    checker = kit.quote_checker()
    assert all(token.startswith("report:") for _, token in checker.reference.options)
    assert "no published versions" in checker.intro.value
    assert checker.remark.value.startswith("quote:")


def test_a_storys_references_folder_is_offered_as_a_reference_like_the_published_versions(tmp_path, work_folder):
    folder = tmp_path / "story"
    shutil.copytree(bundled_story_folder(), folder)
    (folder / "reference_quotes.json").unlink()
    (folder / "references").mkdir()
    statement = next(g for g in align_quotes(load_story()) if g.remark == "warning").members[0][1].text
    (folder / "references" / "wire.txt").write_text(f"City <b>Wire</b>, 2 May 2024\n{statement}\n", encoding="utf-8")
    kit.start(LESSON, story_path=str(folder))
    checker = kit.quote_checker()
    group = next(g for g in checker.groups if any(v.citation == "wire.txt" for v in g.reference_versions))
    checker.remark.value = group_key(group)
    assert any(token.startswith("ref:City <b>Wire</b>") for _, token in checker.reference.options)
    assert "no published versions" not in checker.intro.value
    table = kit.reference_table().static_html()
    assert "City &lt;b&gt;Wire&lt;/b&gt;, 2 May 2024" in table and "<b>Wire</b>" not in table


def test_a_story_with_no_quotes_at_all_says_so(tmp_path, work_folder):
    folder = tmp_path / "quiet"
    folder.mkdir()
    (folder / "001_a.txt").write_text("A headline\n\nA body paragraph with no quotation marks at all in it.\n", encoding="utf-8")
    kit.start(LESSON, story_path=str(folder))
    checker = kit.quote_checker()
    assert "No quotations were found" in checker.intro.value and "No quotations" in checker.static_html()


def repeating_story(tmp_path):
    """Two reports, no remark shared and no published version; report 001 quotes Jo Lee's remark twice."""
    return write_story(lone_story(tmp_path), {
        "001_a.txt": "Harbour closed after storm\n\n"
        "The harbour master, Jo Lee, said the port would \"stay shut until the swell drops\" on Friday.\n\n"
        "Boats stayed tied up all day.\n\n"
        "\"It will stay shut until the swell drops,\" Lee repeated in the evening.\n",
    })


def test_a_remark_one_report_repeats_says_to_compare_its_own_versions(tmp_path, work_folder):
    kit.start(LESSON, story_path=str(repeating_story(tmp_path)))
    checker = kit.quote_checker()
    assert set(checker.group.report_ids) == {"001"} and len(checker.rows) == 2
    assert "This report repeats the remark: compare its own versions" in checker.reference_box.value
    assert "Only one report quotes this remark" not in checker.reference_box.value
    assert "quoted by 1 report, 2 times" in checker.remark.options[0][0]


def test_a_story_with_nothing_published_never_asks_to_judge_against_a_published_version(tmp_path, work_folder):
    kit.start(LESSON, story_path=str(repeating_story(tmp_path)))
    checker = kit.quote_checker()
    intro = checker.intro.value
    assert "published version of the remark" not in intro and "compared with each other" not in intro
    assert "no published versions" in intro and "compare its own versions with each other" in intro


def test_a_reports_repeated_versions_are_told_apart_by_their_line(tmp_path, work_folder):
    kit.start(LESSON, story_path=str(repeating_story(tmp_path)))
    checker = kit.quote_checker()
    titles = [row.title_text for row in checker.rows]
    assert titles == ["Report 001, article body, line 3", "Report 001, article body, line 7"]
    assert [label for label, _ in checker.reference.options] == titles


def test_lesson_3_leaves_out_a_quote_on_a_line_the_teachers_key_calls_page_furniture(tmp_path, work_folder):
    folder = repeating_story(tmp_path)
    kit.start(LESSON, story_path=str(folder))
    assert "stay shut until the swell drops" in kit.quote_checker().static_html()
    key = {rid: [{"line": b.line, "role": "boilerplate" if (rid, b.line) == ("001", 3) else b.role, "why": "Teacher."}
                 for b in load_story(folder).report(rid).helper_blocks] for rid in ("001", "002")}
    (folder / "answer_key.json").write_text(json.dumps(key), encoding="utf-8")
    kit.start(LESSON, story_path=str(folder))
    checker = kit.quote_checker()
    line_5 = load_story(folder).report("001").raw_text.index("Boats")
    assert not any(rid == "001" and quote.start < line_5 for g in checker.groups for rid, quote in g.members)
    assert "The harbour master, Jo Lee, said" not in checker.static_html()


@pytest.mark.parametrize("factory", ["quote_checker", "reference_table", "quote_places"])
def test_hostile_markup_shows_as_text_in_every_widget(factory, hostile_story, work_folder):
    kit.start(LESSON, story_path=str(hostile_story))
    widget = getattr(kit, factory)()
    if factory == "quote_checker":
        for key in [k for _, k in widget.remark.options]:
            widget.remark.value = key
            widget.rows[0].verdict.value = "fragment"  # hidden for a remark with one version, still escaped
            widget.rows[0].reason.value = HOSTILE
            widget.reveal.click()
        assert_markup_is_escaped(all_html(widget))
    else:
        html = all_html(widget)
        assert "<img" not in html.lower() and "<script" not in html.lower()


# --- evidence for lesson 5 ----------------------------------------------------------------------------
# Here only from the answers the widget saves; evidence() on hand-made answers is in tests/unit/test_evidence.py.


def test_evidence_gives_lines_per_report_with_the_helper_once_revealed(checker, work_folder):
    choose(checker, "remark:fire-points")
    row_000 = next(row for row in checker.rows if row.key.startswith("000@"))
    row_000.verdict.value = "meaning changed"
    row_000.reason.value = "destroyed"
    before = evidence(saved_answers(work_folder), load_story())
    assert list(before) == ["000"] and "meaning changed (because: destroyed)" in before["000"][0]
    checker.reveal.click()
    after = evidence(saved_answers(work_folder), load_story())
    assert after["000"][1].startswith("Helper on that quote:") and "changed words" in after["000"][1]


def test_member_key_uses_the_offset_in_the_page():
    story = load_story()
    group = next(g for g in align_quotes(story) if g.remark == "fire-points")
    rid, quote = group.members[0]
    assert member_key(rid, quote) == f"{rid}@{quote.start}"
    assert story.report(rid).raw_text[quote.start : quote.end] == quote.text
