"""Browser steps for lesson 3: pick a remark, give verdicts (by mouse and by keyboard), reveal the flags,
answer the exit ticket."""

from __future__ import annotations

from lab import saved, shoot, wait_for_text, wait_until

NOTEBOOK = "notebooks/03-quote-fidelity.ipynb"
LESSON = "03-quote-fidelity"


def _verdicts(scratch) -> dict:
    return saved(scratch, LESSON).get("verdicts", {})


def use(page, scratch) -> None:
    checker = page.locator(".medialit-quotecheck").first
    checker.scroll_into_view_if_needed()
    remark = checker.locator(".widget-dropdown select").first
    # The second remark in the menu (several reports quote it) is a different one from the default.
    remark.select_option(index=1)
    wait_until(lambda: saved(scratch, LESSON).get("quotecheck.remark"), "saving the chosen remark")
    chosen = saved(scratch, LESSON)["quotecheck.remark"]
    rows = checker.locator(".medialit-quote-version")
    assert rows.count() >= 2, "several reports' versions should be stacked"
    shoot(page, "03-quote-fidelity-remark")

    rows.nth(0).get_by_role("radio", name="Meaning changed").check()
    wait_for_text(page, "✓ your verdict: Meaning changed")
    reason = rows.nth(0).locator(".widget-text input")
    reason.fill("stronger word than the reference")
    reason.press("Enter")
    # Keyboard only: focus a verdict of the second version and press Space.
    rows.nth(1).get_by_role("radio", name="Fragment").focus()
    page.keyboard.press("Space")
    wait_until(lambda: len(_verdicts(scratch).get(chosen, {})) >= 2, "saving two verdicts")
    entries = list(_verdicts(scratch)[chosen].values())
    assert {"verdict": "meaning changed", "reason": "stronger word than the reference"} in entries
    assert any(entry["verdict"] == "fragment" for entry in entries)

    assert "The helper's flags" not in rows.nth(0).inner_text()
    checker.get_by_role("button", name="Reveal the helper's flags").click()
    wait_for_text(page, "Your verdict")
    wait_until(lambda: chosen in saved(scratch, LESSON).get("revealed", []), "saving the reveal")
    rows.nth(0).scroll_into_view_if_needed()
    shoot(page, "03-quote-fidelity-revealed")

    reference = checker.locator(".widget-dropdown select").nth(1)
    labels = reference.locator("option").evaluate_all("els => els.map(e => e.textContent)")
    # ipywidgets writes option labels with non-breaking spaces.
    original = [n for n, label in enumerate(labels) if "not lined up" in label.replace("\xa0", " ")]
    if original:  # a story with a reference file: the original is shown as text, not lined up
        reference.select_option(index=original[0])
        wait_for_text(page, "not lined up word by word")
        checker.scroll_into_view_if_needed()
        shoot(page, "03-quote-fidelity-original")
        wait_until(lambda: chosen in saved(scratch, LESSON).get("reference", {}), "saving the reference")

    # The exit ticket: the last three saved questions of the notebook.
    questions = page.locator(".medialit-question")
    count = questions.count()
    assert count >= 3, "the lesson ends with three exit-ticket questions"
    for number, index in enumerate(range(count - 3, count), start=1):
        question = questions.nth(index)
        question.scroll_into_view_if_needed()
        question.locator("textarea").fill(f"Exit answer {number}: check the marks and the original.")
        question.get_by_role("button", name="Save answer").click()
    wait_until(lambda: saved(scratch, LESSON).get("exit.3"), "saving the exit ticket")
    assert saved(scratch, LESSON)["exit.1"].startswith("Exit answer 1")
