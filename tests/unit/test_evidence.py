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
