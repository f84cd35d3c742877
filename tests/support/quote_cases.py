"""Shared cases for the quote tests: the bundled story's quotations read by hand, and hand-made pages."""

from __future__ import annotations

import shutil
from pathlib import Path

from medialit.quotes import extract_quotes
from medialit.story import bundled_story_folder

REFERENCE_MD = Path(__file__).resolve().parents[3] / "shared" / "reference" / "konashenkov-statement.md"
KONASHENKOV = "Igor Konashenkov"

# Spaces that scraped pages carry besides " ": no-break, narrow no-break (French, before »),
# thin, figure, ideographic, line separator. Zero-width space (not a space to Python) and a
# bare carriage return (a line break) are only in the robustness alphabets below.
UNICODE_SPACES = ["\xa0", "\u202f", "\u2009", "\u2007", "\u3000", "\u2028"]

# Every quotation in the article text of the five reports, read by hand, in page order:
# (text exactly as between the marks, less a trailing comma; speaker).
EXPECTED_QUOTES: dict[str, list[tuple[str, str]]] = {
    "000": [
        (
            "Syrian forces have twice come under massive mortar and rocket artillery fire coming from the "
            "areas on the eastern bank of the Euphrates where SDF fighters and US special forces are deployed",
            KONASHENKOV,
        ),
        ("Attempts to open fire from SDF-controlled areas would be immediately met with retaliation", KONASHENKOV),
        ("The firing positions in those areas will be immediately destroyed with all the arsenal at our disposal.",
         KONASHENKOV),
    ],
    "001": [
        ("Fire points in those areas will be immediately suppressed with all military means", KONASHENKOV),
        (
            "told in no uncertain terms that any attempts to open fire from areas where SDF fighters are "
            "located would be quickly shut down.",
            KONASHENKOV,
        ),
        ("Fire points in those areas will be immediately suppressed with all military means.", KONASHENKOV),
    ],
    "002": [
        ("SDF fighters and servicemen of US special forces.", KONASHENKOV),
        (
            "was told in no uncertain terms that any attempts to open fire from areas where SDF fighters are "
            "located would be quickly shut down.",
            KONASHENKOV,
        ),
        ("Firing points in these areas will be immediately suppressed by all military means", KONASHENKOV),
        ("dispatched from Raqqa province to the northern areas of the Deir ez-Zor province.", KONASHENKOV),
    ],
    "003": [
        (
            "A representative of the US military command in Al Udeid (the US operations center in Qatar) was "
            "told in no uncertain terms that any attempts to open fire from areas where SDF fighters are "
            "located would be quickly shut down",
            KONASHENKOV,
        ),
        ("Fire points in those areas will be immediately suppressed with all military means.", KONASHENKOV),
        ("They had a face-to-face discussion, laid down maps and graphics", "Ryan Dillon"),
    ],
    "004": [
        (
            "A representative of the U.S. military command in [the U.S. operations center in Qatar] was told "
            "in no uncertain terms that any attempts to open fire from areas where SDF fighters are located "
            "would be quickly shut down",
            KONASHENKOV,
        ),
        ("Fire points in those areas will be immediately suppressed with all military means", KONASHENKOV),
    ],
}

# The remarks the five reports share, as (report id, first words of the quote), read by hand.
EXPECTED_GROUPS: list[set[tuple[str, str]]] = [
    {("000", "Syrian forces have twice"), ("002", "SDF fighters and servicemen")},
    {
        ("000", "Attempts to open fire"),
        ("001", "told in no uncertain"),
        ("002", "was told in no"),
        ("003", "A representative of the"),
        ("004", "A representative of the"),
    },
    {
        ("000", "The firing positions in"),
        ("001", "Fire points in those"),  # the standfirst
        ("001", "Fire points in those"),  # the body
        ("002", "Firing points in these"),
        ("003", "Fire points in those"),
        ("004", "Fire points in those"),
    },
    {("002", "dispatched from Raqqa province")},
    {("003", "They had a face-to-face")},
]



def page(*paragraphs: str) -> str:
    """A hand-made page: a headline, then the paragraphs."""
    return "Test headline for the page\n\n" + "\n\n".join(paragraphs)


def found(text: str) -> list[tuple[str, str]]:
    return [(q.text, q.speaker) for q in extract_quotes(text, include_all=True)]


def signature(group) -> list[tuple[str, str]]:
    return sorted((rid, " ".join(q.text.split()[:4])) for rid, q in group.members)


def copy_story(tmp_path: Path) -> Path:
    """A story folder holding report 000 only (no reference file)."""
    folder = tmp_path / "story"
    folder.mkdir()
    shutil.copy(bundled_story_folder() / "000_e7f00a2a568287b7.txt", folder)
    return folder


def words_of(ops, side: str) -> list[str]:
    """The words of side "a" or "b" of a comparison, joined back from its ops."""
    return [w for op in ops for w in (op.a_words if side == "a" else op.b_words)]
