"""A teacher builds a story from three real saved pages in the browser, and every lesson then runs on it."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from kit_testing import ROOT
from accessibility import AXE_JS, run_axe, summary
from lab import open_and_run, shoot, start_lab, visible_text, wait_for_text, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REAL_PAGES = ROOT.parent / "shared" / "real-pages" / "html"
LESSONS = ["00-start-here", "01-what-is-the-article", "02-loaded-headlines", "03-quote-fidelity",
           "04-words-sources-numbers", "05-verdict"]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    scratch, server = start_lab(tmp_path_factory, "story-builder-lab")
    with server as url:
        yield url, scratch


def three_saved_pages(folder: Path) -> list[Path]:
    """The three real saved pages with the fewest paragraphs, which keeps the run short (lesson 1
    draws 40 cards at a time, but lessons 3 and 4 read every paragraph of every page)."""
    from medialit.segmentation import segment
    from medialit.webpage import read_page

    folder.mkdir(parents=True, exist_ok=True)
    sizes = []
    for packed in sorted(REAL_PAGES.glob("*.html.gz")):
        data = gzip.decompress(packed.read_bytes())
        sizes.append((len(segment(read_page(data, packed.name).text)), packed.name.removesuffix(".gz"), data))
    pages = []
    for _, name, data in sorted(sizes)[:3]:
        (folder / name).write_bytes(data)
        pages.append(folder / name)
    return pages


def test_a_story_built_from_three_real_pages_runs_in_every_lesson(browser, lab, tmp_path):
    if not REAL_PAGES.is_dir():
        pytest.skip("../shared/real-pages is not beside the clone")
    server, scratch = lab
    target = tmp_path / "built-story"
    page = open_and_run(browser, server, "notebooks/teacher/make-a-story.ipynb")
    builder = page.locator(".medialit-story-builder").first
    # ipywidgets' upload button opens the browser's file chooser (its file input is not in the page).
    with page.expect_file_chooser() as chooser:
        builder.get_by_role("button", name="Choose pages").click()
    chooser.value.set_files([str(p) for p in three_saved_pages(tmp_path / "saved")])
    wait_for_text(page, "Choose pages (3)")
    builder.locator(".widget-text", has_text="Title of the story:").locator("input").fill("Three real pages")
    builder.locator(".widget-text", has_text="Save the story in the folder:").locator("input").fill(str(target))
    builder.get_by_role("button", name="Build the story").click()
    wait_for_text(page, "✓ The story", timeout=90)
    # The later steps take a few seconds to appear (the proposed word groups are worked out first).
    wait_for_text(page, "6. Use it in the lessons", timeout=90)
    shoot(page, "make-a-story-built")
    builder.get_by_role("button", name="Save the word groups").click()
    wait_for_text(page, "Saved to")
    builder.get_by_role("button", name="Check the story").click()
    wait_for_text(page, "No problems found")
    builder.get_by_role("button", name="Use this story for every lesson").click()
    wait_for_text(page, "Every lesson now opens")
    shoot(page, "make-a-story-chosen")
    wait_until(lambda: (scratch / "work" / "chosen-story.txt").exists(), "saving the story choice")
    assert json.loads((target / "story.json").read_text())["title"] == "Three real pages"
    assert (target / "terms.json").exists() and (target / "answer_key.json").exists()
    page.close()

    for lesson in LESSONS:
        page = open_and_run(browser, server, f"notebooks/{lesson}.ipynb")
        text = visible_text(page)
        assert "Three real pages" in text, f"{lesson} does not show the new story"
        assert "Error displaying widget" not in text and "Traceback" not in text
        assert "Something needs fixing" not in text, f"{lesson}: {text[:400]}"
        shoot(page, f"make-a-story-then-{lesson}")
        if lesson == "01-what-is-the-article":
            turn_a_page_of_cards(page)
        page.close()


def turn_a_page_of_cards(page) -> None:
    """A real page with over 40 paragraphs: lesson 1 shows them 40 at a time, by keyboard too,
    and the paging bar passes axe with no serious or critical violation in the kit."""
    labeller = page.locator(".medialit-labeller").first
    labeller.scroll_into_view_if_needed()  # the notebook draws only the cells near the view
    menu = labeller.get_by_role("combobox").first
    # The shortest of the three pages has fewer than 40 paragraphs; pick a report that pages.
    for index in range(menu.locator("option").count()):
        menu.select_option(index=index)
        try:
            wait_for_text(page, "Paragraphs 1–40 of", timeout=5)
            break
        except AssertionError:
            continue
    wait_for_text(page, "Paragraphs 1–40 of")
    next_button = labeller.get_by_role("button", name=re.compile(r"^Next \d+")).first
    next_button.focus()
    page.keyboard.press("Enter")
    wait_for_text(page, "Paragraphs 41–")
    assert page.evaluate("() => document.activeElement && document.activeElement.textContent").strip().startswith("Next")
    shoot(page, "make-a-story-lesson-1-second-page")
    if AXE_JS.exists():
        assert summary([v for v in run_axe(page) if v.in_kit]) == {}
