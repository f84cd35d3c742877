"""Lesson 1's labeller on long real pages: cards and widgets built, and the time to open it and turn a page.

A teacher's own saved web page can have hundreds of paragraphs; the labeller draws
``CARDS_PER_PAGE`` (40) paragraph cards at a time. For the longest and the median page of
``../shared/real-pages/text`` (each made into a one-report story in a temporary folder), this
measures the paragraph cards and ipywidgets widgets that opening the labeller builds, the time it
takes (median of 3, the page already split into paragraphs, so only the widgets are timed), and
the time to show the next 40 cards; beside them, the same for building every card at once, as the
labeller did before it paged. Every widget built is a model the browser has to create and draw.

Usage (from the repository root):

    .venv/bin/python bench/labeller_paging.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from ipywidgets.widgets import widget as widget_module

import medialit.widgets as kit
from medialit.segmentation import segment
from medialit.widgets.article_parts import CARDS_PER_PAGE, Card

ROOT = Path(__file__).resolve().parent.parent
REAL_TEXT = ROOT.parent / "shared" / "real-pages" / "text"
LESSON = "01-what-is-the-article"
TARGET_SECONDS = 0.5  # opening the labeller on any page, on a quiet machine


def widgets_made(build) -> tuple[int, float, object]:
    """How many ipywidgets widgets ``build()`` creates, and how long it takes."""
    before = len(widget_module._instances)
    start = time.perf_counter()
    result = build()
    return len(widget_module._instances) - before, time.perf_counter() - start, result


def measure(text: str) -> dict[str, float]:
    """Open the labeller on a one-report story of ``text`` three times; turn a page once."""
    with tempfile.TemporaryDirectory() as scratch:
        story = Path(scratch) / "story"
        story.mkdir()
        (story / "001_page.txt").write_text(text, encoding="utf-8")
        os.environ["MEDIALIT_WORK"] = str(Path(scratch) / "work")
        current = kit.start(LESSON, story_path=str(story))
        blocks = current.story.report("001").helper_blocks  # split once, outside the timings
        opened = [widgets_made(kit.labeller) for _ in range(3)]
        made, _, labeller = opened[-1]
        turned, turn_seconds, _ = widgets_made(lambda: labeller.pagers[0].next.click())
        every = [widgets_made(lambda: [Card(block, None) for block in blocks]) for _ in range(3)]
        return {
            "paragraphs": len(blocks), "cards": len(labeller.cards), "widgets": made,
            "seconds": statistics.median(seconds for _, seconds, _ in opened), "turn_seconds": turn_seconds,
            "turn_widgets": turned, "every_widgets": every[-1][0],
            "every_seconds": statistics.median(seconds for _, seconds, _ in every),
        }


def lines() -> list[str]:
    """The figures make bench prints, with their targets."""
    if not REAL_TEXT.is_dir():
        return [f"real plain-text pages: {REAL_TEXT} not found (../shared beside the clone)"]
    pages = sorted((len(segment(path.read_text(encoding="utf-8"))), path) for path in REAL_TEXT.glob("*.txt"))
    longest, median = pages[-1], pages[len(pages) // 2]
    out = [
        f"real pages: {len(pages)}, {sum(count > CARDS_PER_PAGE for count, _ in pages)} of them over "
        f"{CARDS_PER_PAGE} paragraphs (paged); paragraphs per page: median {median[0]}, most {longest[0]}",
    ]
    for name, (_, path) in (("longest", longest), ("median", median)):
        figures = measure(path.read_text(encoding="utf-8"))
        out.append(
            f"{name} page ({path.name}, {figures['paragraphs']} paragraphs): opening builds {figures['cards']} cards, "
            f"{figures['widgets']} widgets in {figures['seconds'] * 1000:.0f} ms "
            f"(target: at most {CARDS_PER_PAGE} cards, under {TARGET_SECONDS * 1000:.0f} ms); next page "
            f"{figures['turn_widgets']} widgets in {figures['turn_seconds'] * 1000:.0f} ms; every card at once "
            f"(before paging): {figures['every_widgets']} widgets in {figures['every_seconds'] * 1000:.0f} ms"
        )
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    out.append(f"timing on {os.cpu_count()} CPUs, load average {load} (1, 5, 15 min)")
    return out


if __name__ == "__main__":
    print("\n".join(lines()))
    sys.exit(0)
