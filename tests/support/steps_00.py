"""Browser steps for lesson 0: what a student clicks and types, and what must change."""

from __future__ import annotations

import json
import re

from lab import saved, shoot, wait_for_text, wait_until
from playwright.sync_api import expect

NOTEBOOK = "notebooks/00-start-here.ipynb"


def use(page, scratch) -> None:
    name = page.get_by_role("textbox", name="Your name:")
    name.fill("Test Student")
    name.press("Enter")
    page.locator(".widget-dropdown select").first.select_option(index=4)
    wait_for_text(page, "This site uses Akismet")
    page.locator(".medialit-page").first.scroll_into_view_if_needed()
    shoot(page, "00-start-here-viewer")
    # Each answer box is named by its question (the label above it), not by its placeholder.
    answer = page.get_by_role("textbox", name=re.compile(r"^What on these pages is NOT part of the news article\?"))
    expect(answer).to_have_count(1)
    for question in page.locator(".medialit-question").all():
        expect(question.locator("textarea")).to_have_accessible_name(question.locator("label").first.inner_text())
    expect(page.get_by_role("textbox", name="Type your answer here")).to_have_count(0)
    answer.fill("The comments at the bottom are not the article.")
    page.locator(".medialit-question button", has_text="Save answer").first.click()
    page.get_by_role("button", name="Show the clues we spotted").click()
    wait_for_text(page, "Independent readers")
    shoot(page, "00-start-here-clues")
    wait_until(lambda: saved(scratch, "00-start-here").get("not-article"), "saving the answer")
    answers = saved(scratch, "00-start-here")
    assert answers["viewer.report"] == "004" and answers["viewer.clues_shown"] is True
    assert saved(scratch, "profile") == {"name": "Test Student"}
    page.locator(".medialit-question textarea").nth(3).fill("A menu of other stories at the bottom: no sentences.")
    page.get_by_role("button", name="Export my work for my teacher").click()
    wait_for_text(page, "Exported")
    exported = list((scratch / "work").rglob("test-student.medialit.json"))
    assert exported and "00-start-here" in json.loads(exported[0].read_text())["lessons"]
