"""Browser steps for lesson 4: switch word groups, include comments and see a count change, check sources and numbers."""

from __future__ import annotations

from lab import saved, shoot, wait_for_text, wait_until

NOTEBOOK = "notebooks/04-words-sources-numbers.ipynb"
LESSON = "04-words-sources-numbers"


def _count_table(page) -> str:
    return page.locator(".medialit-terms .medialit-chart .medialit-table").first.inner_text()


def use(page, scratch) -> None:
    terms = page.locator(".medialit-terms").first
    terms.scroll_into_view_if_needed()
    wait_for_text(page, "Comments would add")
    # Open the chart's numbers so the count itself can be compared, not just the sentence.
    terms.get_by_text("Show the numbers").first.click()
    wait_until(lambda: page.locator(".medialit-terms .medialit-chart .medialit-table").first.is_visible(), "the numbers opening")
    before = _count_table(page)
    shoot(page, "04-words-sources-numbers-terms")
    terms.locator(".widget-checkbox input").first.check()
    wait_until(lambda: _count_table(page) != before, "the counts changing when comments are included")
    wait_for_text(page, "Comments add")
    terms.get_by_text("What the reader comments change").first.scroll_into_view_if_needed()
    shoot(page, "04-words-sources-numbers-comments")

    terms.locator(".widget-dropdown select").first.select_option(label="Verbs that report what someone said")
    wait_until(lambda: "claimed" in _count_table(page), "the attribution verbs being counted")
    terms.locator(".widget-dropdown select").nth(1).select_option(index=1)
    wait_until(lambda: "<mark>" in terms.inner_html() and "saying" in terms.inner_text().lower(), "the sentences")
    wait_until(lambda: saved(scratch, LESSON).get("terms", {}).get("group") == "attribution", "saving the group")
    answers = saved(scratch, LESSON)["terms"]
    assert answers["include_comments"] is True and "sides_government" in answers["seen"]

    sources = page.locator(".medialit-sources").first
    sources.scroll_into_view_if_needed()
    sources.locator(".widget-dropdown select").first.select_option(index=4)  # the fourth report alone
    wait_until(lambda: saved(scratch, LESSON).get("sources", {}).get("report") not in (None, "all"), "saving the source choice")
    shoot(page, "04-words-sources-numbers-sources")

    numbers = page.locator(".medialit-numbers").first
    numbers.scroll_into_view_if_needed()
    wait_for_text(page, "The figures differ")
    numbers.locator(".widget-dropdown select").first.select_option(index=2)
    wait_for_text(page, "restates the number before")
    shoot(page, "04-words-sources-numbers-numbers")

    page.locator(".medialit-readability").first.scroll_into_view_if_needed()
    wait_for_text(page, "What it cannot say")
    shoot(page, "04-words-sources-numbers-readability")

    answer = page.locator(".medialit-question textarea").first
    answer.fill("000 says regime and Daesh; 001 says army.")
    page.locator(".medialit-question button", has_text="Save answer").first.click()
    wait_until(lambda: saved(scratch, LESSON).get("stance"), "saving the answer")
    assert saved(scratch, LESSON)["numbers"] == {"report": "002"}
