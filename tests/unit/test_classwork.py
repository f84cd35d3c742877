"""Reading a class's exported work: good files are read whole, every bad file is skipped with a reason."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medialit import load_story
from medialit.agreement import check_tags
from medialit.classwork import (
    MAX_FILE_BYTES,
    MAX_TEXT_CHARS,
    TAGS_LESSON,
    ClassFileError,
    read_class,
    read_export,
    sample_class_folder,
)
from medialit.progress import export_work, open_work

STORY = "deir-ezzor-2017"


def export(student="Sam L.", story=STORY, lessons=None, **extra) -> dict:
    payload = {
        "format": "medialit-export",
        "version": 1,
        "student": student,
        "story": story,
        "exported": "2024-03-14T10:00:00+00:00",
        "lessons": lessons if lessons is not None else {TAGS_LESSON: {"tags": {"000": []}}},
    }
    payload.update(extra)
    return payload


def write(folder, name, payload) -> None:
    text = payload if isinstance(payload, str) else json.dumps(payload)
    (folder / name).write_text(text, encoding="utf-8")


def reasons(work) -> dict[str, str]:
    return {problem.file: problem.reason for problem in work.problems}


# --- the sample class ----------------------------------------------------------------------


def test_sample_class_is_three_students_on_the_bundled_story():
    work = read_class(story_id=STORY)
    assert work.sample and work.names() == ["Amira K.", "Ben O.", "Chloé D."] and work.problems == ()


def test_sample_students_tagged_differently_and_every_tag_fits_the_headlines():
    tags = read_class(story_id=STORY).tags()
    clean, problems = check_tags(tags, load_story())
    assert problems == []
    as_sets = [{(rid, t.start, t.end) for rid, ts in student.items() for t in ts} for student in clean.values()]
    assert len({frozenset(s) for s in as_sets}) == 3


def test_sample_class_includes_a_skipped_report_and_a_tag_with_no_kind():
    tags = read_class(story_id=STORY).tags()
    assert "002" not in tags["Ben O."]  # did not do that headline: a missing value, not "nothing"
    assert any(t["category"] == "tagged" for ts in tags["Chloé D."].values() for t in ts)


def test_every_lesson_is_available_per_student_not_only_the_tags():
    work = read_class(story_id=STORY)
    assert set(work.answers("00-start-here")) == {"Amira K.", "Ben O."}
    amira = work.students[0]
    assert amira.answers(TAGS_LESSON)["rewrites"]["004"].startswith("Russia says")
    assert amira.file == "amira-k.medialit.json"


def test_a_file_written_by_export_work_is_read_back(tmp_path):
    home, out = tmp_path / "home", tmp_path / "out"
    open_work("profile", STORY, folder=home).set("name", "Rosa P.")
    open_work(TAGS_LESSON, STORY, folder=home).set("tags", {"004": [{"start": 20, "end": 25, "word": "Shoot", "category": "sensational"}]})
    export_work(STORY, out, folder=home)
    work = read_class(out, story_id=STORY)
    assert work.names() == ["Rosa P."] and work.tags()["Rosa P."]["004"][0]["word"] == "Shoot"


# --- bad files are skipped, each with a reason ------------------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"format": "medialit-export", "version": 1, "stud', "cut off"),
        ("{not json at all}", "not valid JSON"),
        ("", "empty"),
        ("[1, 2, 3]", "not a medialit export"),
        (export(format="medialit-work"), "not a medialit export"),
        (export(version=2), "version 2"),
        (export(story="another-story"), "another story"),
        (export(student=""), "no student name"),
        (export(student=["a list"]), "no student name"),
        (export(student="x" * 500), "longer than"),
        (export(lessons=["not", "a", "dict"]), "\"lessons\""),
        (export(lessons={TAGS_LESSON: "not answers"}), "not {question: answer}"),
        (export(lessons={TAGS_LESSON: {"q": "x" * (MAX_TEXT_CHARS + 1)}}), "characters"),
        (export(lessons={TAGS_LESSON: {"q": [[[[[[[[[[[["deep"]]]]]]]]]]]]}}), "nested"),
        ('{"format": "medialit-export", "version": 1, "student": "N", "story": "deir-ezzor-2017", "lessons": {"a": {"x": NaN}}}', "NaN"),
        ("[" * 100_000 + "]" * 100_000, "nested"),
    ],
    ids=["truncated", "not-json", "empty", "list", "wrong-format", "wrong-version", "wrong-story", "no-name",
         "name-not-text", "huge-name", "lessons-not-dict", "answers-not-dict", "huge-string", "too-deep", "nan", "deep-json"],
)
def test_a_bad_file_is_skipped_with_a_reason_and_the_good_ones_are_still_read(tmp_path, content, reason):
    write(tmp_path, "good.json", export("Good Student"))
    write(tmp_path, "bad.json", content)
    work = read_class(tmp_path, story_id=STORY)
    assert work.names() == ["Good Student"]
    assert reason in reasons(work)["bad.json"]


def test_an_oversized_file_is_refused_without_being_parsed(tmp_path):
    (tmp_path / "huge.json").write_bytes(b" " * (MAX_FILE_BYTES + 1))
    assert "MB" in reasons(read_class(tmp_path, story_id=STORY))["huge.json"]


def test_a_file_that_is_not_utf8_is_skipped(tmp_path):
    (tmp_path / "latin1.json").write_bytes(json.dumps(export("Zoë"), ensure_ascii=False).encode("utf-8").replace(b"\xc3\xab", b"\xeb"))
    assert "not text" in reasons(read_class(tmp_path, story_id=STORY))["latin1.json"]


def test_a_second_file_for_the_same_student_is_listed_not_merged(tmp_path):
    write(tmp_path, "a.json", export("Sam L."))
    write(tmp_path, "b.json", export("sam  l."))
    work = read_class(tmp_path, story_id=STORY)
    assert work.names() == ["Sam L."] and "a.json already has work by" in reasons(work)["b.json"]


def test_files_that_are_not_json_are_listed_and_hidden_files_ignored(tmp_path):
    write(tmp_path, "a.json", export())
    (tmp_path / "notes.txt").write_text("hello")
    (tmp_path / "._a.json").write_bytes(b"\x00\x05\x16\x07")  # macOS copies these onto USB sticks
    (tmp_path / "subfolder").mkdir()
    work = read_class(tmp_path, story_id=STORY)
    assert set(reasons(work)) == {"notes.txt"}


def test_a_missing_folder_or_an_empty_one_is_a_problem_not_an_error(tmp_path):
    assert "does not exist" in read_class(tmp_path / "nope", story_id=STORY).problems[0].reason
    assert "no .json files" in read_class(tmp_path, story_id=STORY).problems[0].reason
    write(tmp_path, "x.txt", "x")
    assert "is a file" in read_class(tmp_path / "x.txt", story_id=STORY).problems[0].reason


def test_without_a_story_id_any_story_is_accepted(tmp_path):
    write(tmp_path, "a.json", export(story="another-story"))
    assert read_class(tmp_path).names() == ["Sam L."]


def test_a_student_who_did_not_do_lesson_2_has_no_tags_but_keeps_other_answers(tmp_path):
    write(tmp_path, "a.json", export(lessons={"00-start-here": {"not-article": "answer"}}))
    work = read_class(tmp_path, story_id=STORY)
    assert work.tags() == {} and work.answers("00-start-here") == {"Sam L.": {"not-article": "answer"}}


def test_read_export_raises_a_plain_reason_for_one_file(tmp_path):
    write(tmp_path, "a.json", export(story="other"))
    with pytest.raises(ClassFileError, match="another story"):
        read_export(tmp_path / "a.json", story_id=STORY)


def test_sample_folder_is_inside_the_package():
    assert (sample_class_folder() / "ben-o.medialit.json").is_file()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
def test_any_bytes_in_a_file_never_raise(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "x.json").write_bytes(data)
    work = read_class(folder, story_id=STORY)
    assert len(work.students) + len(work.problems) == 1


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(json_values)
def test_any_json_in_the_lessons_part_is_read_or_skipped_never_raised(tmp_path_factory, lessons):
    folder = tmp_path_factory.mktemp("fuzzjson")
    write(folder, "x.json", export(lessons=lessons))
    work = read_class(folder, story_id=STORY)
    assert len(work.students) + len(work.problems) == 1
    work.tags()
    check_tags(work.tags(), load_story())


# --- careless and hostile exports (issue 15, rows 6, 7, 8 and 16) -------------------------------------


def test_a_label_line_key_in_other_digits_is_skipped_not_raised(tmp_path):
    from medialit.classwork import LABELS_LESSON, label_tallies

    write(tmp_path, "a.json", export(lessons={LABELS_LESSON: {"labeller.labels": {"001": {"²": {"group": "body"}}}}}))
    assert label_tallies(read_class(tmp_path, story_id=STORY), {}) == []


def test_thousands_of_versions_of_one_remark_are_capped_and_twenty_thousand_refused(tmp_path):
    from medialit.answers import MAX_VERSIONS
    from medialit.classwork import QUOTES_LESSON, verdict_tallies

    for name, count in (("a", 10_000), ("b", 20_000)):
        versions = {f"001@{n}": {"verdict": "fragment"} for n in range(count)}
        write(tmp_path, f"{name}.json", export(name, lessons={QUOTES_LESSON: {"verdicts": {"remark:a": versions}}}))
    work = read_class(tmp_path, story_id=STORY)
    assert len(verdict_tallies(work)["remark:a"]) == MAX_VERSIONS
    assert "values" in reasons(work)["b.json"]


def test_version_labels_are_linear_and_number_repeated_reports():
    from medialit.classwork import version_labels

    labels = version_labels([f"001@{n}" for n in range(50_000)], {"001": "Report 001"})
    assert labels[-1] == "Report 001 (quote 50000)"


def test_a_file_of_many_empty_values_is_refused_by_the_value_cap(tmp_path):
    from medialit.classwork import MAX_NODES

    write(tmp_path, "a.json", export(lessons={TAGS_LESSON: {"tags": [{}] * (MAX_NODES + 1)}}))
    assert "values" in reasons(read_class(tmp_path, story_id=STORY))["a.json"]


def test_the_class_as_a_whole_has_a_value_budget(tmp_path, monkeypatch):
    from medialit import classwork

    monkeypatch.setattr(classwork, "MAX_CLASS_NODES", 20)  # each of these files holds 9 values
    for name in ("a", "b", "c"):
        write(tmp_path, f"{name}.json", export(name, lessons={TAGS_LESSON: {"tags": {"000": [], "001": []}}}))
    work = read_class(tmp_path, story_id=STORY)
    assert len(work.students) < 3 and "reading budget" in " ".join(reasons(work).values())


def test_answers_under_undeclared_keys_are_not_kept(tmp_path):
    write(tmp_path, "a.json", export(lessons={TAGS_LESSON: {"tags": {}, "junk": [1] * 100}, "99-nothing": {"x": 1}}))
    assert read_class(tmp_path, story_id=STORY).students[0].lessons == {TAGS_LESSON: {"tags": {}}}


def test_a_name_with_a_zero_width_space_is_the_same_student(tmp_path):
    write(tmp_path, "a.json", export("Sam Lee"))
    write(tmp_path, "b.json", export("Sam\u200bLee"))
    work = read_class(tmp_path, story_id=STORY)
    assert work.names() == ["Sam Lee"] and "already has work" in reasons(work)["b.json"]


def test_a_name_in_compatibility_characters_is_normalised(tmp_path):
    write(tmp_path, "a.json", export("Ｓａｍ Lee"))  # full-width letters
    assert read_class(tmp_path, story_id=STORY).names() == ["Sam Lee"]


def test_a_name_with_lookalike_letters_is_read_and_flagged_to_the_teacher(tmp_path):
    write(tmp_path, "a.json", export("Sam Lee"))
    write(tmp_path, "b.json", export("\u0405am Lee"))  # Cyrillic DZE
    work = read_class(tmp_path, story_id=STORY)
    assert len(work.students) == 2 and "looks like 'Sam Lee'" in work.notes[0]


def test_names_in_one_other_alphabet_are_not_flagged():
    from medialit.classwork import StudentWork, lookalike_notes

    assert lookalike_notes([StudentWork("Сергей", "a", "", {}), StudentWork("Ἀλέξανδρος", "b", "", {})]) == ()


def test_junk_after_the_data_is_named_as_such_not_as_cut_off(tmp_path):
    write(tmp_path, "a.json", json.dumps(export()) + "\nPS: done!")
    reason = reasons(read_class(tmp_path, story_id=STORY))["a.json"]
    assert "something follows" in reason and "cut off" not in reason


def test_a_link_to_a_file_outside_the_folder_is_not_read(tmp_path):
    outside = tmp_path / "outside.json"
    write(tmp_path, "outside.json", export("Outsider"))
    folder = tmp_path / "class"
    folder.mkdir()
    (folder / "passwd.json").symlink_to(outside)
    assert "link to a file outside" in reasons(read_class(folder, story_id=STORY))["passwd.json"]


def test_a_link_to_a_system_file_is_not_called_cut_off(tmp_path):
    (tmp_path / "hostname.json").symlink_to("/etc/hostname")
    reason = reasons(read_class(tmp_path, story_id=STORY))["hostname.json"]
    assert "cut off" not in reason and "link" in reason


def test_question_answers_show_any_lessons_free_text_answers(tmp_path):
    from medialit.classwork import question_answers

    write(tmp_path, "a.json", export(lessons={"04-words-sources-numbers": {"stance": "Both lean.", "terms": {}}}))
    keys, rows = question_answers(read_class(tmp_path, story_id=STORY), "04-words-sources-numbers")
    assert keys == ("stance",) and rows[0].student == "Sam L." and rows[0].answers == ("Both lean.",)


# --- the class's summaries ------------------------------------------------------------------------------


def test_label_agreement_counts_only_paragraphs_the_key_covers_in_story_order():
    from medialit.classwork import ParagraphTally, label_agreement

    tallies = [ParagraphTally("004", 34, "comment", {"comment": 2, "body": 1}),
               ParagraphTally("004", 99, "", {"body": 5}), ParagraphTally("999", 1, "body", {"body": 1})]
    found = label_agreement(tallies, ["001", "004"])
    assert [(a.report_id, a.labelled, a.agreeing, a.share) for a in found] == [("001", 0, 0, 0), ("004", 3, 2, 67)]


def test_hardest_paragraphs_are_the_keyed_ones_the_class_got_wrong_most():
    from medialit.classwork import ParagraphTally, hardest_paragraphs

    tallies = [ParagraphTally("001", 1, "body", {"body": 3}), ParagraphTally("001", 2, "body", {"other": 1, "body": 1}),
               ParagraphTally("001", 3, "comment", {"body": 4}), ParagraphTally("001", 4, "", {"body": 1})]
    assert [t.line for t in hardest_paragraphs(tallies)] == [3, 2]


def test_justifications_keep_only_written_reasons(tmp_path):
    from medialit.classwork import VERDICT_LESSON, justifications

    write(tmp_path, "a.json", export("A", lessons={VERDICT_LESSON: {"justification": "x" * 500}}))
    write(tmp_path, "b.json", export("B", lessons={VERDICT_LESSON: {"justification": ["not text"]}}))
    assert justifications(read_class(tmp_path, story_id=STORY)) == [("A", "x" * 400)]


# --- hand-in .zip files (Binder and laptops, where students download their hand-in) ----------------


def test_a_hand_in_zip_is_read_without_unzipping(tmp_path):
    from medialit.handin import handin_zip

    sam = (sample_class_folder() / "ben-o.medialit.json").read_bytes()
    (tmp_path / "ben-handin.zip").write_bytes(handin_zip({"ben-verdict.html": b"<p>", "ben-o.medialit.json": sam}))
    work = read_class(tmp_path, "deir-ezzor-2017")
    assert [student.student for student in work.students] == ["Ben O."] and work.problems == ()


def test_a_zip_without_a_work_file_is_skipped_with_the_reason(tmp_path):
    from medialit.handin import handin_zip

    (tmp_path / "x-handin.zip").write_bytes(handin_zip({"x-verdict.html": b"<p>"}))
    work = read_class(tmp_path, "deir-ezzor-2017")
    assert work.students == () and "holds 0 work files" in work.problems[0].reason
