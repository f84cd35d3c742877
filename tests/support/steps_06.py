"""Browser steps for lesson 6, the transfer task: a quote verdict and its reason, then the helper's view."""

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
    step.get_by_role("button", name="Show the helper's view").click()
    wait_for_text(page, "The helper:")
    shoot(page, "06-transfer-quote")
    wait_until(lambda: saved_attempt(scratch).get("transfer.quote", {}).get("revealed"), "saving the quote step")
    quote = saved_attempt(scratch)["transfer.quote"]
    assert quote["verdict"] == "meaning changed" and "consider whether" in quote["reason"]
