"""Each lesson's evidence for the verdict, read from saved answers made by hand, and how lesson 5 gathers it.

The widgets' own tests check only that the answers they save give evidence (tests/widgets/).
"""

from __future__ import annotations

import json

import pytest
from kit_testing import ROOT, fake_evidence_functions, write_story

from medialit import evidence, load_story
from medialit.course import EVIDENCE_LESSONS
from medialit.verdict import gather_evidence

STORY = load_story()
SAMPLE = ROOT / "helpers" / "medialit" / "data" / "sample_class"


def sample_work(name: str) -> dict:
    return json.loads((SAMPLE / name).read_text(encoding="utf-8"))["lessons"]


@pytest.mark.parametrize("name", ["amira-k.medialit.json", "ben-o.medialit.json", "chloe-d.medialit.json"])
def test_every_lessons_evidence_runs_on_a_sample_students_work_without_error(name):
    found = gather_evidence(STORY, sample_work(name), strict=True)
    done = {item.lesson.id for item in found if item.done}
    assert {"01-what-is-the-article", "02-loaded-headlines", "03-quote-fidelity"} <= done


def test_strict_mode_re_raises_a_failing_evidence_function():
    def broken(answers, story):
        raise KeyError("a bug in lesson 2")

    work = {"02-loaded-headlines": {"tags": {}}}
    with pytest.raises(KeyError):
        gather_evidence(STORY, work, {"02-loaded-headlines": broken}, strict=True)
    assert not gather_evidence(STORY, work, {"02-loaded-headlines": broken})[2].done


@pytest.mark.parametrize("item", EVIDENCE_LESSONS, ids=lambda item: item.id)
@pytest.mark.parametrize("odd", [{"tags": "x", "verdicts": [], "labeller.labels": 5, "terms": {"seen": 3}},
                                 {"verdicts": {"remark:x": {"001@1": {"verdict": "fragment", "reason": 7}}}}])
def test_odd_answers_never_make_evidence_raise(item, odd):
    assert isinstance(item.evidence(odd, STORY), dict)


def test_a_label_with_an_odd_line_key_does_not_stop_lesson_1s_evidence():
    answers = {"labeller.labels": {"004": {"²": {"group": "body"}, "34": {"group": "comment"}}}}
    assert evidence.article_parts_evidence(answers, STORY)["004"][0].startswith("You labelled 1 of")


# --- lesson 0 -------------------------------------------------------------------------------------


def test_lesson_0_files_an_answer_under_the_report_it_names():
    found = evidence.start_here_evidence({"not-article": "Report 4 has comments.", "first-impression": "All differ."}, STORY)
    assert found["004"][-1] == "You wrote (What is not the article): “Report 4 has comments.”"
    assert found[evidence.ALL_REPORTS] == ["You wrote (First impression of the headlines): “All differ.”"]


def test_lesson_0_gives_each_reports_page_clues_once_the_student_answered():
    found = evidence.start_here_evidence({"not-article": "Report 4 has comments."}, STORY)
    assert any("Henry Austin" in line for line in found["001"])


def test_lesson_0_counts_as_not_done_until_the_student_answered():
    assert evidence.start_here_evidence({"viewer.report": "002"}, STORY) == {}


# --- lesson 1 -------------------------------------------------------------------------------------


def test_lesson_1_counts_comment_paragraphs_not_comments():
    # One reader's comment may run to several paragraphs, so the helper's line says what it counted.
    lines = evidence.article_parts_evidence({"labeller.labels": {}}, STORY)
    assert "Helper: 3 comment paragraphs (238 words) below the article." in lines["004"]
    assert not any("comment" in line for line in lines["000"])


# --- lesson 2 -------------------------------------------------------------------------------------


def test_lesson_2_gives_tags_helper_score_agreement_and_rewrite_per_report():
    answers = {
        "tags": {"004": [{"start": 20, "end": 25, "word": "Shoot", "category": "sensational"}], "002": []},
        "rewrites": {"004": "Russia says it may fire on US forces"},
    }
    lines = evidence.loaded_headlines_evidence(answers, STORY)
    assert set(lines) == set(STORY.ids)
    assert lines["004"][0] == "You tagged 1 loaded word: Shoot (Shock words)."
    assert "the most loaded of 5" in lines["004"][1]
    assert "agreed on 1 of 3" in lines["004"][2]
    assert "helper score 5.83" in lines["004"][3]
    assert lines["002"][0] == "You found no loaded words in this headline."
    assert lines["000"][0].startswith("Helper:")  # not looked at: only the helper's line


def story_of_headlines(folder, *headlines):
    """A hand-made story with one report per headline, each with a line of body under it."""
    folder.mkdir()
    for number, headline in enumerate(headlines, start=1):
        body = "The council met on Monday and the plan was read out to the members in full, officials said."
        (folder / f"{number:03d}_report.txt").write_text(f"{headline}\n\n{body}\n", encoding="utf-8")
    return load_story(folder)


def helper_rank(story, report_id):
    line = evidence.loaded_headlines_evidence({}, story)[report_id][0]
    return line[line.index("(") + 1:line.index(")")]


def test_lesson_2_headlines_with_the_same_score_share_their_place(tmp_path):
    story = story_of_headlines(
        tmp_path / "story",
        "Chaos as furious minister threatens rivals",
        "Minister threatens rivals over the new budget plan",
        "Mayor threatens rivals over the new school plan",
        "Minister presents the new budget plan",
    )
    assert helper_rank(story, "002") == helper_rank(story, "003") == "joint 2nd most loaded of 4"
    assert helper_rank(story, "001") == "the most loaded of 4"
    assert helper_rank(story, "004") == "the least loaded of 4"


def test_lesson_2_tied_least_and_most_loaded_headlines_are_joint(tmp_path):
    story = story_of_headlines(
        tmp_path / "story",
        "Minister threatens rivals over the new budget plan",
        "Mayor threatens rivals over the new school plan",
        "Minister presents the new budget plan",
        "Mayor presents the new school plan",
    )
    assert helper_rank(story, "001") == helper_rank(story, "002") == "joint most loaded of 4"
    assert helper_rank(story, "003") == helper_rank(story, "004") == "joint least loaded of 4"


def test_lesson_2_headlines_that_all_score_the_same_are_not_ranked(tmp_path):
    story = story_of_headlines(tmp_path / "story", "Minister presents the new budget plan", "Mayor presents the new school plan")
    assert helper_rank(story, "001") == helper_rank(story, "002") == "all 2 score the same"


@pytest.mark.parametrize("answers", [{}, None, {"tags": "junk", "rewrites": [1, 2]}, {"tags": {"004": [{"start": "a"}]}}])
def test_lesson_2_never_crashes_on_missing_or_broken_answers(answers):
    lines = evidence.loaded_headlines_evidence(answers, STORY)
    assert all(lines[rid] for rid in STORY.ids)


# --- lesson 3 -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "answers",
    [{}, {"verdicts": None}, {"verdicts": {"remark:gone": {"x@1": {"verdict": "fragment"}}}}, {"verdicts": {"k": [1]}},
     {"verdicts": {"remark:warning": {"000@1304": "text"}}, "revealed": "all", "reference": 5}],
)
def test_lesson_3_survives_missing_or_partial_answers(answers):
    assert isinstance(evidence.quote_fidelity_evidence(answers, STORY), dict)


# --- lesson 4 -------------------------------------------------------------------------------------


def test_lesson_4_gives_lines_for_what_the_student_looked_at():
    answers = {"terms": {"group": "sides_government", "include_comments": False, "seen": ["sides_government"]},
               "sources": {"report": "all"}, "numbers": {"report": "000"}, "readability": {"seen": True}}
    lines = evidence.words_sources_numbers_evidence(answers, STORY)
    assert "Naming the Syrian government side: 'regime' 5 times in the body" in lines["000"]
    assert any(line.startswith("Cites 1 news agency, 2 named officials, 2 anonymous sources") for line in lines["003"])
    assert any("at least 7 km, which differs from another report's figure" in line for line in lines["000"])
    assert "Reading ease 54 (fairly difficult), grade 11, 21.5 words per sentence" in lines["000"]
    assert any("reader comments add 'regime' 2 times" in line for line in lines["004"])


def test_lesson_4_leaves_out_what_the_student_did_not_open():
    lines = evidence.words_sources_numbers_evidence({"readability": {"seen": True}}, STORY)
    assert all(len(found) == 1 and found[0].startswith("Reading ease") for found in lines.values())


def story_with_own_words(folder):
    """Three hand-made reports (002 with a reader comment, by its answer key) and a terms.json
    with the group the kit proposes for report 001's own words."""
    folder.mkdir()
    (folder / "001_first.txt").write_text(
        "Flood closes bridge\n\nThe river burst its banks and the bridge was shut, police said.\n", encoding="utf-8")
    (folder / "002_second.txt").write_text(
        "Town waits for water to fall\n\nThe council met on Monday to plan the clean-up, the mayor said.\n\n"
        "The river was this high in 1990 too.\n", encoding="utf-8")
    key = {"002": [{"line": 1, "role": "headline", "why": "The title."}, {"line": 3, "role": "body", "why": "Article."},
                   {"line": 5, "role": "comment", "why": "A reader's comment."}]}
    (folder / "answer_key.json").write_text(json.dumps(key), encoding="utf-8")
    (folder / "003_third.txt").write_text(
        "Schools reopen\n\nPupils went back to class on Tuesday after the water fell, the school said.\n", encoding="utf-8")
    group = {"id": "distinct_001", "title": "Words Report 001 uses more than the others",
             "terms": {"river": ["river"], "bridge": ["bridge"]}}
    (folder / "terms.json").write_text(json.dumps({"groups": [group]}), encoding="utf-8")
    return load_story(folder)


def test_lesson_4_names_a_reports_own_words_by_whose_words_they_are_on_every_row(tmp_path):
    story = story_with_own_words(tmp_path / "story")
    lines = evidence.words_sources_numbers_evidence({"terms": {"seen": ["distinct_001"]}}, story)
    assert lines["001"] == ["Report 001's own words: 'river' 1 time, 'bridge' 1 time in the body"]
    assert lines["003"] == ["Report 001's own words: none in this report"]


def test_lesson_4_words_only_the_reader_comments_use_are_none_in_the_body(tmp_path):
    story = story_with_own_words(tmp_path / "story")
    lines = evidence.words_sources_numbers_evidence({"terms": {"seen": ["distinct_001"]}}, story)
    assert lines["002"] == ["Report 001's own words: none in the body; reader comments add 'river' 1 time"]


@pytest.mark.parametrize("answers", [{}, None, {"terms": "broken"}, {"terms": {"group": "gone", "seen": ["gone"]}}])
def test_lesson_4_survives_missing_or_broken_answers(answers):
    lines = evidence.words_sources_numbers_evidence(answers, STORY)
    assert set(lines) == {"000", "001", "002", "003", "004"} and all(v == [] for v in lines.values())


# --- gathering every lesson's evidence (lesson 5) -------------------------------------------------


def test_gathering_uses_each_lessons_evidence_and_survives_failures():
    functions = fake_evidence_functions()
    work = {lesson: {"count": 3} for lesson in functions}
    found = {item.lesson.number: item for item in gather_evidence(STORY, work, functions)}
    assert found[1].done and found[1].lines["002"] == ["You marked 3 comment paragraphs in 002"]
    assert found[2].lines == {"000": ["Helper: headline loadedness 5.8, most loaded"]}  # unknown report dropped
    assert not found[3].done  # raised
    assert not found[4].done  # returned nothing


def test_evidence_functions_that_return_junk_do_not_crash():
    junk = {"01-what-is-the-article": lambda a, s: ["not a dict"], "02-loaded-headlines": lambda a, s: {"001": "a string"},
            "03-quote-fidelity": lambda a, s: {"001": [None, "", "  ", 42]}}
    found = gather_evidence(STORY, {lesson: {"x": 1} for lesson in junk}, junk)
    assert [item.done for item in found] == [False, False, False, True, False]
    assert found[3].lines == {"001": ["None", "42"]}


# --- random saved answers: evidence never raises (issue 15's fuzz test, for the verdict's readers) ------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**6), st.text(max_size=12),
                     st.sampled_from(["000", "004", "001@59", "remark:fire-points", "fragment", "body", "sides_isis", "34"]))
_values = st.recursive(_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3),
    st.dictionaries(st.text(max_size=6) | st.sampled_from(["004", "34", "group", "verdict", "reason", "seen", "group",
                                                           "start", "end", "word", "category", "right", "scored"]),
                    inner, max_size=3)), max_leaves=15)


@pytest.mark.parametrize("item", EVIDENCE_LESSONS, ids=lambda item: item.id)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_saved_answers_never_make_evidence_raise(item, data):
    answers = data.draw(st.dictionaries(st.sampled_from(item.keys), _values, max_size=4))
    found = gather_evidence(STORY, {item.id: answers}, strict=True)
    assert all(isinstance(line, str) for lesson in found for lines in lesson.lines.values() for line in lines)


def test_a_quote_judged_against_itself_is_not_evidence():
    # Report 002's remark at 2005 has no other version; remark "quote:000@826" is compared with report 000's own version.
    answers = {"verdicts": {
        "quote:002@2005": {"002@2005": {"verdict": "verbatim"}},
        "quote:000@826": {"000@826": {"verdict": "verbatim"}, "002@688": {"verdict": "fragment"}},
    }}
    found = evidence.quote_fidelity_evidence(answers, STORY)
    assert list(found) == ["002"] and len(found["002"]) == 1 and "fragment" in found["002"][0]


def test_a_reports_own_repeated_quote_is_judged_against_its_own_version_by_line(tmp_path):
    story = load_story(write_story(tmp_path / "story", {
        "001_a.txt": 'Harbour stays shut\n\nThe harbour master said the port would "stay shut until the swell drops" on '
        'Friday.\n\nSkippers waited.\n\nLater he repeated that it would "stay shut until the swell drops", he told reporters.\n',
        "002_b.txt": 'Fleet waits\n\n"Nobody sails in this," said Ana Silva.\n',
    }))
    answers = {"verdicts": {"quote:001@60": {"001@156": {"verdict": "verbatim"}}}}
    assert evidence.quote_fidelity_evidence(answers, story)["001"][0].endswith("against its own version on line 3: verbatim")
