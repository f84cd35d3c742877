"""The course registry: every lesson declared once, and every saved key a notebook or widget uses declared there."""

from __future__ import annotations

import ast
import json
import re
import shutil

import pytest
from kit_testing import ROOT

from medialit import course
from medialit.course import LESSONS, lesson, undeclared_keys
from medialit.story import StoryError

WIDGETS = ROOT / "helpers" / "medialit" / "widgets"
#: Which widget module belongs to which lesson (the modules are named by their lesson's notebook).
WIDGET_MODULES = {
    "00-start-here": "start_here.py",
    "01-what-is-the-article": "article_parts.py",
    "02-loaded-headlines": "loaded_headlines.py",
    "03-quote-fidelity": "quote_fidelity.py",
    "04-words-sources-numbers": "words_sources_numbers.py",
    "05-verdict": "verdict.py",
    "06-transfer-before": "transfer.py",
    "06-transfer-after": "transfer.py",
    "teacher-make-a-story": "story_builder.py",
    "teacher-class-work": "class_work.py",
}
# How a widget names a key it saves: work.set("k", ...), remember({"k": ...}), X_KEY = "k", key: str = "k".
SAVED_KEY = re.compile(
    r"""(?:work\.set\(\s*|remember\(\{\s*|_KEY\s*=\s*|\bkey:\s*str\s*=\s*)["']([^"']+)["']"""
)


def notebook_keys(path) -> list[str]:
    """The keys of every kit.question("key", ...) call in a notebook's code cells."""
    keys = []
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] != "code":
            continue
        for node in ast.walk(ast.parse("".join(cell["source"]))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "question"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                keys.append(node.args[0].value)
    return keys


def test_every_notebook_of_the_kit_is_a_declared_lesson_and_every_lesson_has_its_notebook():
    notebooks = {p.relative_to(ROOT).as_posix() for p in (ROOT / "notebooks").rglob("*.ipynb")
                 if ".ipynb_checkpoints" not in p.parts}
    declared = {item.notebook for item in LESSONS}
    assert notebooks - declared == set(), "add a Lesson for each of these notebooks to medialit.course.LESSONS"
    assert declared - notebooks == set(), "these lessons' notebooks are missing"


@pytest.mark.parametrize("item", LESSONS, ids=lambda item: item.id)
def test_every_question_key_a_notebook_uses_is_declared(item):
    assert undeclared_keys(item.id, notebook_keys(ROOT / item.notebook)) == []


@pytest.mark.parametrize("item", LESSONS, ids=lambda item: item.id)
def test_every_key_a_lessons_widgets_save_is_declared(item):
    source = (WIDGETS / WIDGET_MODULES[item.id]).read_text(encoding="utf-8")
    saved = [key for key in SAVED_KEY.findall(source) if key not in course.PROFILE_KEYS]  # the name box
    assert undeclared_keys(item.id, saved) == []


def test_a_question_key_renamed_in_a_notebook_makes_the_check_fail(tmp_path):
    copy = tmp_path / "00-start-here.ipynb"
    shutil.copy(ROOT / lesson("00-start-here").notebook, copy)
    copy.write_text(copy.read_text(encoding="utf-8").replace('\\"not-article\\"', '\\"not_article\\"'), encoding="utf-8")
    assert undeclared_keys("00-start-here", notebook_keys(copy)) == ["not_article"]


def test_a_key_renamed_in_a_widget_makes_the_check_fail():
    source = (WIDGETS / "start_here.py").read_text(encoding="utf-8").replace('"viewer.report"', '"viewer.page"')
    assert "viewer.page" in undeclared_keys("00-start-here", SAVED_KEY.findall(source))


def test_the_sample_class_saves_only_declared_keys():
    for path in (ROOT / "helpers" / "medialit" / "data" / "sample_class").glob("*.json"):
        for lesson_id, answers in json.loads(path.read_text(encoding="utf-8"))["lessons"].items():
            assert undeclared_keys(lesson_id, list(answers)) == [], path.name


def test_lessons_are_numbered_in_order_and_ids_are_unique():
    numbered = [item.number for item in LESSONS if item.number is not None]
    assert numbered == sorted(numbered) and sorted(set(numbered)) == list(range(len(set(numbered))))
    assert len({item.id for item in LESSONS}) == len(LESSONS)


def test_an_unknown_lesson_is_refused_with_the_list_of_lessons():
    with pytest.raises(StoryError, match="00-start-here"):
        lesson("07-nothing")


def test_every_evidence_function_is_listed_explicitly_by_its_lesson():
    from medialit import evidence

    assert [item.evidence for item in course.EVIDENCE_LESSONS] == [
        evidence.start_here_evidence,
        evidence.article_parts_evidence,
        evidence.loaded_headlines_evidence,
        evidence.quote_fidelity_evidence,
        evidence.words_sources_numbers_evidence,
    ]
