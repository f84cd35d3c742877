"""Browser steps for lesson 6, the transfer task: a quote verdict and its reason; the helper only in the after attempt."""

from __future__ import annotations

import json
import re

from lab import shoot, visible_text, wait_for_text, wait_until

NOTEBOOK = "notebooks/06-transfer.ipynb"


def saved_attempt(scratch, attempt: str) -> dict:
    files = list((scratch / "work").rglob(f"06-transfer-{attempt}.json"))
    return json.loads(files[0].read_text())["answers"] if files else {}


def use(page, scratch) -> None:
    # Which attempt depends on the lab's earlier notebooks: after lesson 5's steps have ranked the reports, it is
    # the after attempt, with the helper; otherwise the before attempt, with nothing revealed.
    wait_for_text(page, "attempt (")
    attempt = "after" if "This is your AFTER attempt" in visible_text(page) else "before"
    step = page.locator(".medialit-transfer-quote").first
    step.scroll_into_view_if_needed()
    step.get_by_role("radio", name=re.compile("meaning changed")).check()
    step.locator("textarea").fill("'consider whether' was cut out, so it sounds decided.")
    step.locator("textarea").press("Tab")
    wait_until(lambda: "consider whether" in saved_attempt(scratch, attempt).get("transfer.quote", {}).get("reason", ""),
               "saving the quote step")
    assert saved_attempt(scratch, attempt)["transfer.quote"]["verdict"] == "meaning changed"
    helper = step.get_by_role("button", name="Show the helper's view")
    if attempt == "before":
        # The pre-test shows what a student sees alone: no helper's view, no checking of labels.
        assert helper.count() == 0 and page.get_by_role("button", name="Check my labels").count() == 0
    else:
        helper.click()
        wait_for_text(page, "The helper:")
        wait_until(lambda: saved_attempt(scratch, attempt)["transfer.quote"].get("revealed"), "saving the reveal")
    shoot(page, f"06-transfer-quote-{attempt}")
