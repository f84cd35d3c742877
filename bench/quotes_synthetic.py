"""A made-up story for timing ``align_quotes`` in ``make bench``: many reports quoting varied remarks.

A benchmark fixture, not analysis: it lives here, outside the ``medialit`` package.

Example (from the repository root, with ``bench`` on the path):
    >>> story = synthetic_story(reports=3, quotes_per_report=2)
    >>> sum(len(extract_quotes(r.raw_text)) for r in story.reports)
    6
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from medialit.quotes import extract_quotes  # noqa: F401  (the example)
from medialit.quotes.vocabulary import _STOPWORDS
from medialit.story import Report, Story, bundled_story_folder, load_story


_SYNTHETIC_SPEAKERS = ["Igor Konashenkov", "Ryan Dillon", "Maria Zakharova", "Ahmed Abu Khawla", "Dana White"]
_SYNTHETIC_SWAPS = {"Fire": "Firing", "points": "positions", "suppressed": "destroyed", "those": "these",
                    "immediately": "quickly", "areas": "districts", "means": "weapons", "with": "by"}


def synthetic_story(reports: int = 200, quotes_per_report: int = 10, seed: int = 0) -> Story:
    """A made-up story for timing :func:`align_quotes`; it exists for ``make bench`` only.

    Each report quotes ``quotes_per_report`` remarks drawn from a pool: the real ones of
    the bundled story, reworded (synonym swaps), trimmed and bracketed, plus invented
    remarks by several speakers. Its folder has no reference file.

    Example:
        >>> story = synthetic_story(reports=3, quotes_per_report=2)
        >>> sum(len(extract_quotes(r.raw_text)) for r in story.reports)
        6
    """
    rng = random.Random(seed)
    real = [
        ("Fire points in those areas will be immediately suppressed with all military means", 0),
        ("Any attempts to open fire from areas where SDF fighters are located would be quickly shut down", 0),
        ("Syrian forces have twice come under massive mortar and rocket artillery fire", 0),
        ("They had a face-to-face discussion, laid down maps and graphics", 1),
    ]
    # Invented remarks use words of the real reports, so they look like news but differ.
    vocabulary = sorted(
        {w.lower() for r in load_story(bundled_story_folder()).reports for w in re.findall(r"[A-Za-z]{5,}", r.body_text)}
        - _STOPWORDS
    )
    pool = list(real)
    for _ in range(60):
        words = rng.sample(vocabulary, 9)
        pool.append((f"The {' '.join(words)} is what we expect", rng.randrange(len(_SYNTHETIC_SPEAKERS))))
    built = []
    for r in range(reports):
        lines = [f"Report {r} on the situation near the river town", ""]
        for _ in range(quotes_per_report):
            text, who = rng.choice(pool)
            words = [(_SYNTHETIC_SWAPS.get(w, w) if rng.random() < 0.3 else w) for w in text.split()]
            if rng.random() < 0.3:
                words = words[rng.randrange(2) :][: max(5, len(words) - rng.randrange(3))]
            quote = " ".join(words)
            speaker = _SYNTHETIC_SPEAKERS[who]
            style = rng.randrange(3)
            if style == 0:
                lines.append(f"“{quote},” {speaker} said in a statement on Thursday evening.")
            elif style == 1:
                lines.append(f"{speaker} told reporters at the briefing that “{quote}.”")
            else:
                lines.append(f"Speaking later, the official {speaker} said: “{quote}.”")
            lines.append("")
        built.append(Report(id=f"{r:03d}", filename=f"{r:03d}_synthetic.txt", raw_text="\n".join(lines)))
    return Story(
        id="synthetic",
        title="Synthetic story for timing",
        date="",
        folder=Path("synthetic-story-has-no-folder"),
        reports=tuple(built),
    )

