"""Browser steps for lesson 1: label paragraphs by mouse and keyboard, check, reveal the helper, open the hint."""

from __future__ import annotations

from lab import saved, shoot, wait_for_text, wait_until

NOTEBOOK = "notebooks/01-what-is-the-article.ipynb"
LESSON = "01-what-is-the-article"


def use(page, scratch) -> None:
    # JupyterLab only renders cells near the view, so each step scrolls to what it reads.
    labeller = page.locator(".medialit-labeller").first
    labeller.scroll_into_view_if_needed()
    labeller.locator(".widget-dropdown select").first.select_option(index=4)
    wait_for_text(page, "Fact checked")
    cards = labeller.locator(".medialit-card")
    cards.nth(0).get_by_role("radio", name="Other part of the page").check()
    cards.nth(1).get_by_role("radio", name="Body").check()
    # Keyboard only: Tab reaches the radio buttons, Space chooses one.
    comment_choice = cards.nth(2).get_by_role("radio", name="Comment")
    comment_choice.focus()
    page.keyboard.press("Space")
    labeller.locator(".widget-dropdown select").first.scroll_into_view_if_needed()
    wait_for_text(page, "You have labelled 3 of 23 paragraphs")
    labeller.get_by_role("button", name="Check my labels").click()
    wait_for_text(page, "Score: 1 of 23")
    cards.nth(0).scroll_into_view_if_needed()
    wait_for_text(page, "✓ Right: Other part of the page.")
    wait_for_text(page, "✗ Not quite: the key says Other part of the page")
    shoot(page, "01-what-is-the-article-checked")
    labeller.get_by_role("button", name="Show the helper's guess").click()
    cards.nth(1).scroll_into_view_if_needed()
    wait_for_text(page, "⚑ Not everyone agrees. You: Body")
    shoot(page, "01-what-is-the-article-helper")
    labeller.get_by_role("button", name="Check my labels").scroll_into_view_if_needed()
    shoot(page, "01-what-is-the-article-score")
    page.locator(".medialit-chart").first.scroll_into_view_if_needed()
    shoot(page, "01-what-is-the-article-chart")
    hint = page.get_by_role("button", name="Hint: words only the comments use")
    hint.scroll_into_view_if_needed()
    hint.click()
    wait_for_text(page, "Words the article never uses")
    page.locator(".medialit-comments").first.scroll_into_view_if_needed()
    shoot(page, "01-what-is-the-article-comments")
    wait_until(lambda: saved(scratch, LESSON).get("comments.hints_shown"), "saving the hint")
    answers = saved(scratch, LESSON)
    assert answers["labeller.report"] == "004"
    assert answers["labeller.labels"]["004"] == {
        "1": {"group": "other", "role": ""},
        "3": {"group": "body", "role": ""},
        "4": {"group": "comment", "role": ""},
    }
    assert answers["labeller.checked"]["004"]["right"] == 1
    assert answers["labeller.helper_shown"] == ["004"]
