"""Random student exports through the class reader and every teacher view: handled, or refused with a reason.

Issue 15's fuzz test, the JSON half: whatever a file holds, reading the class never raises, and no
view fails with anything but a kit error (StoryError/WorkError), which it shows in its status line.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import medialit.widgets as kit
from medialit.classwork import read_class
from medialit.course import LESSONS

STORY = "deir-ezzor-2017"
SURPRISE = "Something went wrong"  # what a guarded view shows for an error that is not a kit error

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False),
                    st.text(max_size=20), st.sampled_from(["000", "001", "004", "fragment", "body", "$\\x$", "34", "²"]))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                        st.dictionaries(st.text(max_size=8) | st.sampled_from(["000", "004", "1", "34", "verdict", "group", "start", "end", "word", "category"]), inner, max_size=4)),
                      max_leaves=25)
answer_keys = st.sampled_from(sorted({key for lesson in LESSONS for key in lesson.keys}))
answers = st.dictionaries(answer_keys, values, max_size=5)
lessons = st.dictionaries(st.sampled_from([lesson.id for lesson in LESSONS]) | st.text(max_size=6), answers, max_size=4)
exports = st.fixed_dictionaries({
    "format": st.sampled_from(["medialit-export", "medialit-export", "other"]),
    "version": st.sampled_from([1, 1, 2, "1"]),
    "student": st.text(max_size=12) | st.sampled_from(["Sam Lee", "Sam\u200bLee", "\u0405am Lee"]),
    "story": st.sampled_from([STORY, STORY, "other"]),
    "lessons": lessons | values,
})
files = st.lists(st.one_of(exports.map(json.dumps), values.map(json.dumps), st.text(max_size=40)), min_size=1, max_size=4)

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                      HealthCheck.too_slow])


def write(folder, contents) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    for number, text in enumerate(contents):
        (folder / f"{number}.medialit.json").write_text(text, encoding="utf-8")


@FUZZ
@given(contents=files)
def test_reading_random_exports_never_raises(tmp_path_factory, contents):
    folder = tmp_path_factory.mktemp("class")
    write(folder, contents)
    work = read_class(folder, story_id=STORY)
    assert len(work.students) + len(work.problems) >= 1


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(contents=st.lists(exports.map(json.dumps), min_size=1, max_size=3))
def test_every_teacher_view_handles_random_exports(work_folder, tmp_path_factory, contents):
    folder = tmp_path_factory.mktemp("class")
    write(folder, contents)
    kit.start("teacher-class-work")
    reader = kit.class_folder()
    reader.path.value = str(folder)
    reader.read_button.click()
    views = [reader, kit.class_labels(), kit.class_headline_tags(), kit.class_quote_verdicts(), kit.class_rankings()]
    answers = kit.class_answers()
    for lesson in answers.picker.options:
        answers.picker.value = lesson[1]
    verdicts = views[3]
    for option in verdicts.picker.options[:3]:
        verdicts.picker.value = option[1]
    for view in [*views, answers]:
        assert SURPRISE not in view.status.value, view.status.value
