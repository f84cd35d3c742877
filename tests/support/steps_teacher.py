"""Browser steps for the teacher's notebook: pick a remark, read a folder that does not exist, read the samples again."""

from __future__ import annotations

from lab import saved, shoot, wait_for_text

NOTEBOOK = "notebooks/teacher/class-work.ipynb"


def use(page, scratch) -> None:
    wait_for_text(page, "Amira K.")
    remark = page.locator(".widget-dropdown", has_text="Remark:").locator("select")
    remark.select_option(index=1)
    wait_for_text(page, "verdicts on warning")
    page.locator(".medialit-chart", has_text="verdicts on warning").first.scroll_into_view_if_needed()
    shoot(page, "teacher-class-work-verdicts")
    folder = page.locator(".widget-text", has_text="Folder:").locator("input")
    folder.fill(str(scratch / "no-such-folder"))
    page.get_by_role("button", name="Read the class's files").click()
    wait_for_text(page, "0 student(s)")
    wait_for_text(page, "No student in this folder has ranked")
    assert saved(scratch, "teacher-class-work")["class.folder"] == str(scratch / "no-such-folder")
    folder.fill("")
    page.get_by_role("button", name="Read the class's files").click()
    wait_for_text(page, "3 student(s)")
    page.locator(".widget-text", has_text="Folder:").scroll_into_view_if_needed()
    shoot(page, "teacher-class-work-folder")
    lesson = page.locator(".widget-dropdown", has_text="Lesson:").locator("select")
    lesson.select_option(label="Lesson 0: Start here")
    wait_for_text(page, "2 student(s)")
