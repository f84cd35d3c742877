"""A story chosen in the story builder is the one load_story() uses, after MEDIALIT_STORY and before the bundled one."""

from __future__ import annotations

import pytest
from kit_testing import ROOT

from medialit import StoryError, load_story
from medialit.story_choice import choose_story, chosen_story, forget_story_choice

HARBOUR = ROOT / "tests" / "stories" / "harbour-storm"


def test_no_choice_means_the_bundled_story(work_folder, monkeypatch):
    monkeypatch.delenv("MEDIALIT_STORY", raising=False)
    assert chosen_story() is None
    assert load_story().id == "deir-ezzor-2017"


def test_a_chosen_story_is_loaded_by_default(work_folder, monkeypatch):
    monkeypatch.delenv("MEDIALIT_STORY", raising=False)
    choose_story(HARBOUR)
    assert load_story().folder.resolve() == HARBOUR.resolve()


def test_medialit_story_wins_over_the_choice(work_folder, monkeypatch):
    choose_story(HARBOUR)
    monkeypatch.setenv("MEDIALIT_STORY", str(ROOT / "helpers" / "medialit" / "data" / "transfer"))
    assert load_story().id == "tallowmere-pool-2024"


def test_an_empty_medialit_story_counts_as_unset(work_folder, monkeypatch):
    choose_story(HARBOUR)
    monkeypatch.setenv("MEDIALIT_STORY", "")
    assert load_story().folder.resolve() == HARBOUR.resolve()


def test_forgetting_the_choice_goes_back_to_the_bundled_story(work_folder, monkeypatch):
    monkeypatch.delenv("MEDIALIT_STORY", raising=False)
    choose_story(HARBOUR)
    forget_story_choice()
    assert load_story().id == "deir-ezzor-2017"


def test_a_chosen_story_that_was_deleted_is_ignored(work_folder, tmp_path, monkeypatch):
    monkeypatch.delenv("MEDIALIT_STORY", raising=False)
    gone = tmp_path / "gone"
    gone.mkdir()
    choose_story(gone)
    gone.rmdir()
    assert chosen_story() is None


def test_choosing_a_folder_that_does_not_exist_is_refused(work_folder):
    with pytest.raises(StoryError, match="does not exist"):
        choose_story(work_folder / "nothing-here")
