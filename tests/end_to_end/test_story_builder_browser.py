"""A teacher builds a story from three real saved pages in the browser, and every lesson then runs on it."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from kit_testing import ROOT
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
    """The three real saved pages with the fewest paragraphs: lesson 1 shows a card for each paragraph,
    and hundreds of cards (a long page's menus) take the browser minutes to draw."""
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
        page.close()
