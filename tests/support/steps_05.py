"""Browser steps for lesson 5: add notes, rank the reports, tick evidence, justify, check, make the summary."""

from __future__ import annotations

import json
import re
from pathlib import Path

from lab import saved, shoot, wait_for_text, wait_until
from playwright.sync_api import expect

NOTEBOOK = "notebooks/05-verdict.ipynb"


def use(page, scratch) -> None:
    name = page.get_by_role("textbox", name="Your name:")
    name.fill("Test Student")
    name.press("Enter")

    # Works whether or not the earlier lessons ran first: the notes alone give three pieces of evidence.
    notes = page.locator(".medialit-notes")
    notes.locator("select").select_option(index=1)
    # The notes box is named for the report chosen in the menu above it.
    notes.get_by_role("textbox", name="Your evidence notes on Report 000, one per line:").fill("Names a source: Reuters\nNo byline or date\nHeadline says 'threatens' like three others; only 002 and 003 use 'target', which sounds less like a threat to me but I am not sure")
    notes.get_by_role("button", name="Save my notes").click()
    wait_for_text(page, "No byline or date")
    page.locator(".medialit-evidence-table").scroll_into_view_if_needed()
    shoot(page, "05-verdict-evidence")

    places = page.locator(".medialit-ranking select")
    count = places.count()
    assert count >= 2, "one menu per report"
    places.nth(0).select_option(index=1)
    places.nth(1).select_option(index=1)
    wait_for_text(page, "is in more than one place")
    page.locator(".medialit-ranking").scroll_into_view_if_needed()
    shoot(page, "05-verdict-ranking-duplicate")
    for index in range(count):
        places.nth(index).select_option(index=index + 1)
    wait_for_text(page, "Every report has one place")

    boxes = page.locator(".medialit-chooser input[type=checkbox]")
    assert boxes.count() >= 3
    for index in range(3):
        boxes.nth(index).check()
    wait_for_text(page, "You have chosen 3 pieces")
    page.locator(".medialit-chooser").scroll_into_view_if_needed()
    shoot(page, "05-verdict-chooser")

    justification = page.get_by_role("textbox", name=re.compile(r"^Why did you rank the reports this way\?"))
    expect(justification).to_have_count(1)
    justification.fill(
        "I trust the report that names Reuters most, but I cannot tell who wrote the others."
    )
    page.locator(".medialit-question button", has_text="Save answer").first.click()
    page.get_by_role("button", name="Check my verdict").click()
    wait_for_text(page, "Your verdict is complete")
    page.locator(".medialit-check").scroll_into_view_if_needed()
    shoot(page, "05-verdict-check")

    # The exit ticket: three saved questions after the justification.
    questions = page.locator(".medialit-question textarea")
    assert questions.count() >= 4, "the justification and three exit-ticket questions"
    for question in page.locator(".medialit-question").all():
        expect(question.locator("textarea")).to_have_accessible_name(question.locator("label").first.inner_text())
    for index in range(1, 4):
        questions.nth(index).fill(f"Exit answer {index}: the trimmed quote in lesson 3, but I am not sure.")
        page.locator(".medialit-question").nth(index).get_by_role("button", name="Save answer").click()
    wait_until(lambda: saved(scratch, "05-verdict").get("exit.3"), "saving the exit ticket")

    page.get_by_role("button", name="Make my summary").click()
    wait_for_text(page, "Your summary is ready")
    wait_for_text(page, "Download my hand-in")
    page.locator(".medialit-summary").scroll_into_view_if_needed()
    shoot(page, "05-verdict-summary")

    wait_until(lambda: saved(scratch, "05-verdict").get("summary"), "saving the summary path")
    answers = saved(scratch, "05-verdict")
    assert len(answers["ranking"]) == count and None not in answers["ranking"]
    assert len(set(answers["ranking"])) == count
    assert len(answers["chosen"]) == 3 and "Reuters" in answers["justification"]
    assert "No byline or date" in next(iter(answers["notes"].values()))
    summary = Path(answers["summary"])
    assert summary.exists() and "Test Student" in summary.read_text(encoding="utf-8")
    assert Path(answers["exported"]).exists()
    exported = json.loads(Path(answers["exported"]).read_text(encoding="utf-8"))
    assert exported["lessons"]["05-verdict"]["exit.1"].startswith("Exit answer 1")
    # Let a person see the page a teacher receives.
    viewer = page.context.browser.new_page(viewport={"width": 900, "height": 1000})
    viewer.goto(summary.as_uri())
    shoot(viewer, "05-verdict-summary-page")
    viewer.close()
