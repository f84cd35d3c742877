"""The class reader and the teacher's lesson-3 view on hostile exports: time and memory (issue 15, rows 7 and 8).

Usage (from the repository root):

    .venv/bin/python bench/classwork_eval.py

* Row 7: one export of about 750 KB holding 20,000 versions of one remark (refused: over the
  per-file value cap), and one of 10,000 versions (read, capped at the reader's limit per
  remark): read the folder and draw the lesson-3 view. Before: 3 min 42 s and 1.6 GB peak.
* Row 8: 60 exports of 1 MB of ``[{},{},...]`` each: the memory the read class holds, and the
  peak while reading. Before: about 24 MB held per file (1.47 GB for 60).

Memory is Python's own allocations (tracemalloc), measured in a second run so the timings are not slowed.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "helpers"))

STORY = "deir-ezzor-2017"
#: Targets: the lesson-3 view on the worst file, and what a folder of junk may hold.
TARGET_SECONDS = 2.0
TARGET_PEAK_MB = 100.0
TARGET_HELD_MB = 20.0


def _export(student: str, lessons: object) -> str:
    return json.dumps({"format": "medialit-export", "version": 1, "student": student, "story": STORY,
                       "exported": "2024-01-01T00:00:00+00:00", "lessons": lessons})


def _versions_folder(count: int) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="classwork-eval-"))
    versions = {f"001@{n}": {"verdict": "fragment"} for n in range(count)}
    (folder / "many.medialit.json").write_text(_export("Many Versions", {"03-quote-fidelity": {"verdicts": {"remark:a": versions}}}))
    return folder


def _junk_folder(files: int = 60) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="classwork-eval-"))
    skeleton = _export("Junk {n}", {"02-loaded-headlines": {"tags": "@@"}})
    head, tail = skeleton.split('"@@"')
    filler = ",".join(["{}"] * ((1_000_000 - len(skeleton)) // 3))
    for n in range(files):
        (folder / f"junk-{n}.medialit.json").write_text(head.replace("{n}", str(n)) + f"[{filler}]" + tail)
    return folder


def _lesson3_view(folder: Path) -> tuple[float, int, int]:
    from medialit import load_story
    from medialit.widgets import class_work

    story = load_story()
    state = class_work.ClassState()  # a fresh one: the notebook's shared state would redraw earlier views too
    started = time.perf_counter()
    state.load(story, str(folder))
    view = class_work.ClassQuoteVerdicts(story, state, str(folder))
    seconds = time.perf_counter() - started
    chart = view.body.children[0] if view.body.children else None
    return seconds, len(getattr(chart, "rows", [])), len(state.work.problems)


def _peak_mb(action) -> float:
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def _held_and_peak_mb(folder: Path) -> tuple[float, float, int]:
    from medialit.classwork import read_class

    tracemalloc.start()
    try:
        work = read_class(folder, story_id=STORY)
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return held / 1e6, peak / 1e6, len(work.problems)


def lines() -> list[str]:
    """The figures with their targets, as `make bench` prints them."""
    out = []
    for count in (20_000, 10_000):
        folder = _versions_folder(count)
        size_kb = (folder / "many.medialit.json").stat().st_size / 1000
        _lesson3_view(folder)  # warm: imports, the story, the fonts
        seconds, bars, refused = _lesson3_view(folder)
        peak = _peak_mb(lambda: _lesson3_view(folder))
        outcome = "refused with its reason (over the per-file value cap)" if refused else f"{bars} bars drawn"
        out.append(
            f"- Class reader + lesson-3 view, one {size_kb:.0f} KB export with {count:,} versions of one remark: "
            f"{seconds:.2f} s (target < {TARGET_SECONDS:g} s), peak {peak:.0f} MB (target < {TARGET_PEAK_MB:g} MB), "
            f"{outcome} (before: 3 min 42 s and 1.6 GB peak for the 20,000)"
        )
    folder = _junk_folder()
    started = time.perf_counter()
    from medialit.classwork import read_class

    read_class(folder, story_id=STORY)
    seconds = time.perf_counter() - started
    held, peak, refused = _held_and_peak_mb(folder)
    out.append(
        f"- Class reader, 60 exports of 1 MB of [{{}},{{}},…]: {seconds:.1f} s, {refused} refused, "
        f"{held:.1f} MB held (target < {TARGET_HELD_MB:g} MB; was about 1.47 GB), peak {peak:.0f} MB while reading"
    )
    return out


if __name__ == "__main__":
    print("\n".join(lines()))
