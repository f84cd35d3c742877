"""Keyboard only (issue 14 item 3): each lesson's main task done with Tab, Shift+Tab, Space, Enter and arrows.

Each test runs its notebook in a real JupyterLab in Debian's Chromium, puts focus on the first
control of the lesson's widget (where a student arrives by tabbing from the cell above), then
does the whole task with key presses: no click, no ``fill`` and no ``select_option``. Reaching a
control by Tab fails with focus's path when focus is trapped or the control cannot be reached, and
each test ends by tabbing out of the widget both ways (no focus trap).
"""

from __future__ import annotations

import pytest
from keyboard import Keyboard
from lab import open_and_run, saved, shoot, start_lab, wait_for_text, wait_until


pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    scratch, server = start_lab(tmp_path_factory, "keyboard-lab")
    with server as url:
        yield url, scratch


def first_control(scope):
    return scope.locator("button, select, input, textarea").first


def start_in(page, scope) -> Keyboard:
    scope.scroll_into_view_if_needed()
    first_control(scope).focus()
    return Keyboard(page)


def no_focus_trap(keys: Keyboard, scope, what: str) -> None:
    keys.leave(scope, what)
    first_control(scope).focus()
    keys.leave(scope, what, backwards=True)


def announced(page, scope, text: str) -> bool:
    """``text`` is inside an element screen readers announce when it changes (aria-live)."""
    return scope.locator("[aria-live]", has_text=text).count() > 0


def test_lesson_2_tag_a_headline_word_choose_its_kind_and_compare_by_keyboard(browser, lab):
    server, scratch = lab
    page = open_and_run(browser, server, "notebooks/02-loaded-headlines.ipynb")
    tagger = page.locator(".medialit-tagger").first
    keys = start_in(page, tagger)
    row = tagger.locator(".medialit-headline", has_text="Shoot").first
    word = row.get_by_role("button", name="Shoot", exact=True)
    keys.reach(word, "the word 'Shoot'")
    keys.press("Space")
    wait_until(lambda: any(t["word"] == "Shoot" for t in saved(scratch, "02-loaded-headlines").get("tags", {}).get("004", [])),
               "saving the tag")
    pressed = row.locator("button[aria-pressed=true]")
    wait_until(lambda: pressed.count() == 1 and "Shoot" in pressed.inner_text(), "the word button saying it is pressed")
    assert keys.is_focused(pressed), "focus stays on the word just tagged"
    kind = row.get_by_role("combobox", name="⚑ Shoot is")
    keys.reach(kind, "the kind menu of 'Shoot'")
    keys.press("ArrowDown")
    wait_until(lambda: saved(scratch, "02-loaded-headlines")["tags"]["004"][0]["category"] != "tagged", "saving the kind")
    compare = tagger.get_by_role("button", name="Compare with the helper")
    keys.reach(compare, "Compare with the helper")
    keys.press("Enter")
    wait_for_text(page, "Why the helper flags it")
    wait_until(lambda: saved(scratch, "02-loaded-headlines").get("compared") is True, "saving the comparison")
    shoot(page, "keyboard-02-loaded-headlines")
    no_focus_trap(keys, tagger, "the headline tagger")
    assert announced(page, tagger, "Saved"), "'Saved' is in an aria-live region"


def test_lesson_4_include_the_comments_by_keyboard(browser, lab):
    server, scratch = lab
    page = open_and_run(browser, server, "notebooks/04-words-sources-numbers.ipynb")
    terms = page.locator(".medialit-terms").first
    keys = start_in(page, terms)
    box = terms.get_by_role("checkbox").first
    keys.reach(box, "the 'include comments' box")
    keys.press("Space")
    wait_until(lambda: saved(scratch, "04-words-sources-numbers").get("terms", {}).get("include_comments") is True,
               "saving 'include comments'")
    wait_for_text(page, "Comments add")
    shoot(page, "keyboard-04-words-sources-numbers")
    no_focus_trap(keys, terms, "the word groups")


def verdict_choice(scope, name: str):
    """A verdict or label choice, whether drawn as a button or a radio button."""
    return scope.get_by_role("button", name=name, exact=True).or_(scope.get_by_role("radio", name=name, exact=True)).first


def test_lesson_3_give_a_quote_verdict_by_keyboard(browser, lab):
    server, scratch = lab
    page = open_and_run(browser, server, "notebooks/03-quote-fidelity.ipynb")
    checker = page.locator(".medialit-quotecheck").first
    keys = start_in(page, checker)
    version = checker.locator(".medialit-quote-version").first
    keys.reach(verdict_choice(version, "Meaning changed"), "the verdict 'Meaning changed'")
    keys.press("Space")
    wait_until(
        lambda: any(entry.get("verdict") == "meaning changed"
                    for remark in saved(scratch, "03-quote-fidelity").get("verdicts", {}).values() for entry in remark.values()),
        "saving the verdict",
    )
    wait_for_text(page, "your verdict: Meaning changed")
    shoot(page, "keyboard-03-quote-fidelity")
    no_focus_trap(keys, checker, "the quote checker")


def test_lesson_1_label_a_page_and_check_it_by_keyboard(browser, lab):
    server, scratch = lab
    page = open_and_run(browser, server, "notebooks/01-what-is-the-article.ipynb")
    labeller = page.locator(".medialit-labeller").first
    keys = start_in(page, labeller)
    cards = labeller.locator(".medialit-card")
    count = cards.count()
    assert count >= 3
    for index in range(count):
        keys.reach(verdict_choice(cards.nth(index), "Body"), f"'Body' on paragraph {index + 1}")
        keys.press("Space")
    wait_for_text(page, f"You have labelled {count} of {count} paragraphs")
    check = labeller.get_by_role("button", name="Check my labels")
    keys.reach(check, "Check my labels")
    keys.press("Enter")
    wait_for_text(page, "Score:")
    labels = saved(scratch, "01-what-is-the-article")["labeller.labels"]
    assert sum(len(report) for report in labels.values()) == count
    shoot(page, "keyboard-01-what-is-the-article")
    no_focus_trap(keys, labeller, "the labeller")


def test_lesson_5_rank_the_reports_and_check_the_verdict_by_keyboard(browser, lab):
    server, scratch = lab
    page = open_and_run(browser, server, "notebooks/05-verdict.ipynb")
    ranking = page.locator(".medialit-ranking").first
    keys = start_in(page, ranking)
    places = ranking.locator("select")
    count = places.count()
    assert count >= 2
    for index in range(count):
        keys.reach(places.nth(index), f"place {index + 1}")
        for _ in range(index + 1):  # the first entry is empty: report n+1 goes to place n+1
            keys.press("ArrowDown")
    wait_for_text(page, "Every report has one place")
    ranked = saved(scratch, "05-verdict")["ranking"]
    assert len(ranked) == count and len(set(ranked)) == count
    check = page.get_by_role("button", name="Check my verdict")
    keys.reach(check, "Check my verdict")
    keys.press("Enter")
    result = page.locator(".medialit-check").first
    wait_until(lambda: "Not finished yet" in result.inner_text() or "complete" in result.inner_text(), "the verdict check")
    assert "ranking" not in result.inner_text().split("Tips")[0].lower(), "the ranking is done"
    shoot(page, "keyboard-05-verdict")
    no_focus_trap(keys, ranking, "the ranking")
