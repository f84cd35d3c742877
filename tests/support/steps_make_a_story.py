"""Browser steps for the teacher's story builder in the main browser test: nothing chosen gives a plain message.

The full build from three real pages is tests/end_to_end/test_story_builder_browser.py.
"""

from __future__ import annotations

from lab import shoot, wait_for_text

NOTEBOOK = "notebooks/teacher/make-a-story.ipynb"


def use(page, scratch) -> None:
    builder = page.locator(".medialit-story-builder").first
    builder.get_by_role("button", name="Build the story").click()
    wait_for_text(page, "Choose the pages first")
    shoot(page, "make-a-story-top")
    assert not (scratch / "work" / "chosen-story.txt").exists()
