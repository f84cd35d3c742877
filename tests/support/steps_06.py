"""Browser steps for lesson 6, the transfer task (the before attempt): a quote verdict and its reason, no helper."""

from __future__ import annotations

import re

from lab import shoot, wait_for_text, wait_until

NOTEBOOK = "notebooks/06-transfer.ipynb"


def saved_attempt(scratch) -> dict:
    import json

    files = list((scratch / "work").rglob("06-transfer-before.json"))
    return json.loads(files[0].read_text())["answers"] if files else {}


def use(page, scratch) -> None:
    wait_for_text(page, "This is your BEFORE attempt")
    step = page.locator(".medialit-transfer-quote").first
    step.scroll_into_view_if_needed()
    step.get_by_role("radio", name=re.compile("meaning changed")).check()
    step.locator("textarea").fill("'consider whether' was cut out, so it sounds decided.")
    step.locator("textarea").press("Tab")
    shoot(page, "06-transfer-quote")
    wait_until(lambda: "consider whether" in saved_attempt(scratch).get("transfer.quote", {}).get("reason", ""),
               "saving the quote step")
    assert saved_attempt(scratch)["transfer.quote"]["verdict"] == "meaning changed"
    # The pre-test shows what a student sees alone: no helper's view, no checking of labels.
    assert step.get_by_role("button", name="Show the helper's view").count() == 0
    assert page.get_by_role("button", name="Check my labels").count() == 0
