"""Lesson 4 on real pages nobody here wrote: proposed word groups and the sources chart.

Word groups: the story a teacher would build from real pages 066, 144 and 159 of
../shared/real-pages (the walkthrough's story, defect 8 of the review). Counted: the groups
proposed, the 'different words in the same place' groups among them, and the proposed
one-word terms that are only part of a name the story always writes with the same
neighbouring capitalised word ('Kong' of 'Hong Kong'; target 0).

Sources: every page of ../shared/real-pages/text read as a report. Counted: the named
officials found; the speakers lesson 3's quote finder names in full (two capitalised words or
more, as written in the page: people, and some organisations the chart lists under another kind)
whose last word is a named official's surname (target: all the people); and named officials that the
same page (anywhere, menus included) puts straight after 'in', 'near', 'at', 'into' or 'to',
so most likely places (target 0; an upper bound: 'a visit to' and 'a shot at' come before
people too).

Usage: .venv/bin/python bench/lesson4_real_story.py
"""

from __future__ import annotations

import gzip
import re
import tempfile
from collections import Counter
from pathlib import Path

from medialit.distinctive_words import propose_terms
from medialit.newstory import new_story
from medialit.passages import report_passages
from medialit.quotes import extract_quotes
from medialit.sources import find_sources
from medialit.story import Report
from medialit.terms import general_terms
from medialit.text import words

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT.parent / "shared" / "real-pages"
STORY_PAGES = ("066", "144", "159")


def _fragments(bodies: list[str], term: str) -> bool:
    """True when every use of a one-word capitalised ``term`` has the same capitalised word
    right before it, or the same one right after it (a part of one name)."""
    before: Counter = Counter()
    after: Counter = Counter()
    uses = 0
    for text in bodies:
        spans = words(text)
        for index, span in enumerate(spans):
            if span.text.split("'")[0].split("’")[0] != term:
                continue
            uses += 1
            if index and spans[index - 1].text[:1].isupper() and text[spans[index - 1].end : span.start] == " ":
                before[spans[index - 1].text] += 1
            if index + 1 < len(spans) and spans[index + 1].text[:1].isupper() and text[span.end : spans[index + 1].start] == " ":
                after[spans[index + 1].text] += 1
    return uses > 0 and any(n == uses for n in (*before.values(), *after.values()))


def proposal_lines() -> list[str]:
    sources = [PAGES / "html" / f"{page}.html.gz" for page in STORY_PAGES]
    if not all(f.is_file() for f in sources):
        return [f"lesson 4 word groups on real pages {', '.join(STORY_PAGES)}: pages not found, skipped"]
    with tempfile.TemporaryDirectory() as folder:
        pages = Path(folder) / "pages"
        pages.mkdir()
        for source in sources:
            (pages / source.name.removesuffix(".gz")).write_bytes(gzip.decompress(source.read_bytes()))
        story = new_story(pages, Path(folder) / "story", title="Real pages")
        groups = propose_terms(story)
        bodies = [p.text for report in story.reports for p in report_passages(report)]
    names = [g for g in groups if g.id.startswith("names_")]
    single = [t for g in groups for t in g.terms if " " not in t and t[:1].isupper()]
    parts = [t for t in single if _fragments(bodies, t)]
    return [
        f"lesson 4 word groups on real pages {', '.join(STORY_PAGES)}: {len(groups)} groups, {len(names)} of "
        f"'different words in the same place', {len(parts)} proposed words only part of a name "
        f"(target 0){': ' + ', '.join(parts) if parts else ''}"
    ]


def source_lines() -> list[str]:
    files = sorted((PAGES / "text").glob("*.txt"))
    if not files:
        return ["lesson 4 sources on real pages: pages not found, skipped"]
    terms = general_terms()
    officials = speakers = listed = places = 0
    for file in files:
        report = Report(id=file.stem, filename=file.name, raw_text=file.read_text(encoding="utf-8", errors="replace"))
        found = [s for s in find_sources(report, terms=terms) if s.kind == "named_official"]
        officials += len(found)
        surnames = {s.name.split()[-1] for s in found}
        body = "\n\n".join(p.text for p in report_passages(report))
        for speaker in {q.speaker for q in extract_quotes(body, include_all=True) if q.kind == "quote"}:
            if len(speaker.split()) >= 2 and speaker in body and all(w[:1].isupper() for w in speaker.split()):
                speakers += 1
                listed += speaker.split()[-1] in surnames
        places += sum(bool(re.search(rf"\b(?:in|near|at|into|to)\s+{re.escape(s.name)}\b", report.raw_text))
                      for s in found)
    return [
        f"lesson 4 sources on {len(files)} real pages: {officials} named officials; {listed} of {speakers} quote "
        f"speakers named in capitals are among them (target: all but organisations); {places} are places the page puts after "
        "'in', 'near', 'at', 'into' or 'to' (target 0)"
    ]


def lines() -> list[str]:
    return proposal_lines() + source_lines()


if __name__ == "__main__":
    print("\n".join(lines()))
