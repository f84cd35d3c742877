"""Each lesson's evidence for the verdict, read from its saved answers (moved out of the widget modules)."""

from __future__ import annotations

import json

import pytest
from kit_testing import ROOT

from medialit import evidence, load_story
from medialit.course import EVIDENCE_LESSONS
from medialit.widgets.verdict import gather_evidence

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


def test_lesson_0_files_an_answer_under_the_report_it_names():
    found = evidence.start_here_evidence({"not-article": "Report 4 has comments.", "first-impression": "All differ."}, STORY)
    assert any("Report 4 has comments" in line for line in found["004"])
    assert any("All differ" in line for line in found[evidence.ALL_REPORTS])
