"""The text layer (medialit.text) on real text: sentence splits, paragraphs, speed; lesson 4 on any story.

Sentences: ../shared/loaded-dev holds 1,837 news sentences (BABE), each a row, so a row split into
several is mostly a false split (some rows really hold two sentences). Counted: rows split at all,
and splits straight after an abbreviation that is followed by a number ("Sept. 21", "No. 10"),
which are always false. Before the text layer (commit f73b029), lesson 4's splitter split 169 rows
and lesson 2's 170, with false splits after "Sept.", "Dec." and "v." (the same count, run on them).

Paragraphs: ``paragraphs()`` must give what lesson 1 has always used (``segmentation.split_paragraphs``,
same texts, same lines) on every saved page of ../shared/real-pages, plus offsets that point at them.

Speed: sentences and words of all the real pages' text, in MB per second (target: 2 MB/s, so a
1 MB page costs half a second at most).

Lesson 4 on any story: the share of words ``propose_terms`` proposes that occur in the story
(target 100%), on the bundled story and on tests/stories/harbour-storm.

Usage: .venv/bin/python bench/text_eval.py
"""

from __future__ import annotations

import csv
import re
import time
from pathlib import Path

from medialit.distinctive_words import propose_terms
from medialit.story import load_story
from medialit.text import paragraphs, sentences, words
from medialit.word_counts import count_table

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
LOADED = SHARED / "loaded-dev" / "babe-sg2-dev.csv"
PAGES = SHARED / "real-pages"
SPEED_TARGET = 2.0  # MB/s
BEFORE_SPLIT_ROWS = {"lesson 4's old splitter": 169, "lesson 2's old splitter": 170}
_ABBREVIATION_BEFORE_NUMBER = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|No|Nos|v|vs)\.$")


def sentence_lines() -> list[str]:
    if not LOADED.is_file():
        return [f"sentences: {LOADED} not found, skipped"]
    with LOADED.open(encoding="utf-8", newline="") as handle:
        texts = [row["text"] for row in csv.DictReader(handle, delimiter=";")]
    split_rows = false_splits = 0
    for text in texts:
        found = sentences(text)
        if len(found) > 1:
            split_rows += 1
        for first, second in zip(found, found[1:]):
            if _ABBREVIATION_BEFORE_NUMBER.search(first.text) and second.text[:1].isdigit():
                false_splits += 1
    before = ", ".join(f"{name} {n}" for name, n in BEFORE_SPLIT_ROWS.items())
    return [
        f"sentences: {split_rows} of {len(texts)} one-sentence news rows split (before: {before}; lower is better)",
        f"sentences: {false_splits} splits after an abbreviation before a number like 'Sept. 21' (target 0)",
    ]


def _page_texts() -> list[tuple[str, str]]:
    files = sorted((PAGES / "text").glob("*")) + sorted((PAGES / "html").glob("*"))
    return [(f.name, f.read_text(encoding="utf-8", errors="replace")) for f in files if f.is_file()]


def paragraph_lines() -> list[str]:
    try:
        from medialit.segmentation import split_paragraphs
    except ImportError:  # pragma: no cover - lesson 1 may switch to paragraphs() itself
        split_paragraphs = None
    pages = _page_texts()
    same = offsets_ok = 0
    for _, text in pages:
        found = paragraphs(text)
        if split_paragraphs is None or [(p.text, p.first_line) for p in found] == [
            (p.text, p.line) for p in split_paragraphs(text)
        ]:
            same += 1
        offsets_ok += all(
            " ".join(line.strip() for line in re.split(r"\r\n|\r|\n", text[p.start : p.end])) == p.text for p in found
        )
    return [
        f"paragraphs: {same} of {len(pages)} real pages as lesson 1 splits them, "
        f"{offsets_ok} of {len(pages)} with offsets that point at each paragraph (target: all)"
    ]


def speed_lines() -> list[str]:
    pages = _page_texts()
    size = sum(len(text.encode("utf-8")) for _, text in pages) / 1e6
    start = time.perf_counter()
    for _, text in pages:
        sentences(text)
        words(text)
    seconds = time.perf_counter() - start
    rate = size / seconds if seconds else float("inf")
    return [f"speed: sentences + words of {size:.1f} MB of real pages at {rate:.1f} MB/s (target >= {SPEED_TARGET:g})"]


def proposal_lines() -> list[str]:
    out = []
    for name, path in (("bundled story", None), ("harbour-storm", ROOT / "tests" / "stories" / "harbour-storm")):
        story = load_story(path)
        start = time.perf_counter()
        groups = propose_terms(story)
        seconds = time.perf_counter() - start
        proposed = occurring = 0
        for group in groups:
            table = count_table(story, [group])
            for term in group.terms:
                proposed += 1
                occurring += sum(row[term] for row in table.values()) > 0
        out.append(
            f"lesson 4 word groups, {name}: {len(groups)} groups, {occurring} of {proposed} proposed words occur "
            f"in the story (target: all), {seconds:.2f} s"
        )
    return out


def lines() -> list[str]:
    return sentence_lines() + paragraph_lines() + speed_lines() + proposal_lines()


if __name__ == "__main__":
    print("\n".join(lines()))
