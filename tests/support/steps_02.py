"""Browser steps for lesson 2: tag words (by mouse and by keyboard), pick a kind, compare, rewrite, see the class."""

from __future__ import annotations

import re

from lab import saved, shoot, wait_for_text, wait_until

NOTEBOOK = "notebooks/02-loaded-headlines.ipynb"
LESSON = "02-loaded-headlines"


def _tags(scratch) -> dict:
    return saved(scratch, LESSON).get("tags", {})


def use(page, scratch) -> None:
    tagger = page.locator(".medialit-tagger").first
    row = tagger.locator(".medialit-headline", has_text="Shoot").first
    row.scroll_into_view_if_needed()

    row.locator("button", has_text=re.compile(r"^Shoot$")).click()
    wait_until(lambda: "⚑ Shoot" in row.inner_text(), "the tagged word showing its ⚑ mark")
    # Keyboard only: focus a word button and press Space.
    row.locator("button", has_text=re.compile(r"^Threatens$")).focus()
    page.keyboard.press("Space")
    wait_until(lambda: len(_tags(scratch).get("004", [])) == 2, "saving two tags")
    # Tag lines are in headline order: Threatens, then Shoot.
    row.locator(".widget-dropdown select").nth(1).select_option(label="Shock words")
    wait_until(
        lambda: {t["word"]: t["category"] for t in _tags(scratch).get("004", [])}
        == {"Threatens": "tagged", "Shoot": "sensational"},
        "saving the kind of the tag",
    )
    tag = next(t for t in _tags(scratch)["004"] if t["word"] == "Shoot")
    assert (tag["start"], tag["end"]) == (20, 25)
    shoot(page, "02-loaded-headlines-tagged")

    tagger.get_by_role("button", name="Compare with the helper").click()
    wait_for_text(page, "Why the helper flags it")
    wait_until(lambda: saved(scratch, LESSON).get("compared") is True, "saving the comparison")
    tagger.locator(".medialit-table").last.scroll_into_view_if_needed()
    shoot(page, "02-loaded-headlines-compared")

    rewrite = page.locator(".medialit-rewrite").first
    rewrite.scroll_into_view_if_needed()
    rewrite.locator("textarea").fill("Russia says it will shoot at US forces in Syria")
    rewrite.get_by_role("button", name="Check my rewrite").click()
    wait_for_text(page, "Still loaded, says the helper")
    wait_until(lambda: "004" in saved(scratch, LESSON).get("rewrites", {}), "saving the rewrite")
    shoot(page, "02-loaded-headlines-rewrite")

    view = page.locator(".medialit-class-tags").first
    view.scroll_into_view_if_needed()
    assert "Krippendorff" in view.inner_text() and "Chloé D., You" not in view.inner_text()
    # The cell ran before the student tagged: the button adds their tags as "You".
    view.get_by_role("button", name="Add my latest tags").click()
    wait_until(lambda: "Chloé D., You" in view.inner_text(), "the student's own tags joining the class")
    picker = view.locator(".widget-dropdown select").first
    label = next(o for o in picker.locator("option").all_inner_texts() if "Shoot" in o)
    picker.select_option(label=label)
    report = label.replace("\xa0", " ").split(":")[0]  # option texts use no-break spaces
    wait_until(lambda: f"{report}: how many students" in view.inner_text(), "the chart for the chosen headline")
    view.get_by_text("Show the numbers").click()
    wait_until(lambda: "3 of 4" in view.inner_text() or "4 of 4" in view.inner_text(), "the class table for 004")
    shoot(page, "02-loaded-headlines-class")
