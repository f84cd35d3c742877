"""Every student notebook runs top to bottom, offline, and is stored the way students should meet it."""

from __future__ import annotations

import json
import re

import nbformat
import pytest
from kit_testing import ROOT
from nbclient import NotebookClient

NOTEBOOKS = sorted((ROOT / "notebooks").rglob("*.ipynb"))
NOTEBOOKS = [nb for nb in NOTEBOOKS if ".ipynb_checkpoints" not in nb.parts]
IDS = [str(nb.relative_to(ROOT / "notebooks")) for nb in NOTEBOOKS]


def execute(path, timeout=300):
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute()
    return notebook


def outputs_text(notebook) -> str:
    return json.dumps([cell.get("outputs", []) for cell in notebook.cells])


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_runs_top_to_bottom_offline_with_empty_nltk_data(path, work_folder, offline_env):
    notebook = execute(path)
    errors = [o for cell in notebook.cells for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors, errors
    text = outputs_text(notebook)
    assert "Traceback" not in text and "Something needs fixing" not in text
    assert not offline_env.exists(), f"the notebook tried to reach the network: {offline_env.read_text()}"


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_runs_on_a_story_that_is_not_the_bundled_one(path, work_folder, offline_env, monkeypatch):
    # An invented three-report story with its own furniture, comments and quotes, no answer key and
    # no reference quotes: nothing in a notebook may assume the five bundled reports.
    monkeypatch.setenv("MEDIALIT_STORY", str(ROOT / "tests" / "stories" / "harbour-storm"))
    notebook = execute(path)
    text = outputs_text(notebook)
    assert "Traceback" not in text and "Something needs fixing" not in text
    assert "Deir Ezzor" not in text, "the notebook showed the bundled story instead"
    # The transfer task shows its own page and the story builder no story at all; the rest show the unit's.
    if notebook.metadata.get("medialit", {}).get("shows_unit_story", True):
        assert "Portbury" in text, "the notebook should show the second story"


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_writes_nothing_outside_the_configured_work_folder(path, work_folder, offline_env, tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    execute(path)
    assert not (home / "medialit-work").exists()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_is_stored_without_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_code_cells_are_one_or_two_lines_with_a_sentence_above(path):
    notebook = nbformat.read(path, as_version=4)
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        lines = [line for line in cell.source.splitlines() if line.strip()]
        assert 1 <= len(lines) <= 2, f"cell {index} has {len(lines)} lines"
        assert all(len(line) <= 140 for line in lines), f"cell {index} has a long line"
        above = notebook.cells[index - 1] if index else None
        if above is not None and above.cell_type == "code":
            continue  # a run of question cells shares the sentence above the first
        assert above is not None and above.cell_type == "markdown" and re.search(r"\w", above.source)


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if "teacher" not in p.parts], ids=lambda p: p.name)
def test_lesson_notebook_opens_with_goal_time_and_prerequisites(path):
    first = nbformat.read(path, as_version=4).cells[0]
    assert first.cell_type == "markdown"
    for field in ("**Goal**", "**Time**", "**Prerequisites**"):
        assert field in first.source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_names_its_teacher_guide_and_the_guide_exists(path):
    first = nbformat.read(path, as_version=4).cells[0].source
    guide = re.search(r"`(lessons/[^`]+\.md)`", first)
    assert guide and (ROOT / guide.group(1)).exists()
