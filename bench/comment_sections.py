"""Reader comments: what the kit's rules propose as comments on the 61 real pages.

The real pages have no comments labelled (``../shared/real-pages/README.md``), so ``lines()`` (used by
``make bench``) prints counts to watch rather than a score:

* the paragraphs the kit's rules (``medialit.segmentation.segment``) call reader comments, and on how
  many pages, on the text of each saved page as ``medialit new-story`` reads it, and on the plain-text
  scrapes of ``text/``;
* as a check that real comment sections are still found: of the paragraphs trafilatura reads as the
  page's comments (its ``comments`` part of the saved page), how many the kit's rules put in the comment
  section (a comment, or the comment form and buttons);
* the comment headings that open no comments: a "Comment" link in a site menu, or a comments heading
  or button with no comment after it.

Usage (from the repository root): ``.venv/bin/python bench/comment_sections.py``
"""

from __future__ import annotations

import gzip
from pathlib import Path

from medialit.segmentation import REASONS, segment
from medialit.webpage import read_page

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "real-pages"
_SECTION = ("comment", "comment_ui")


def _fold(text: str) -> str:
    return " ".join(text.split()).lower()


def lines() -> list[str]:
    """The figures make bench prints."""
    pages = sorted((REAL / "html").glob("*.html.gz"))
    if not pages:
        return [f"reader comments: {REAL} not found (../shared beside the clone)"]
    saved = plain = saved_pages = plain_pages = menu_links = empty = 0
    theirs = found = 0
    for path in pages:
        name = path.name.split(".")[0]
        page = read_page(gzip.decompress(path.read_bytes()), f"{name}.html")
        blocks = segment(page.text)
        count = sum(block.role == "comment" for block in blocks)
        saved, saved_pages = saved + count, saved_pages + bool(count)
        menu_links += sum(block.reason == REASONS.get("comment_menu") for block in blocks)
        empty += sum(block.reason == REASONS.get("comment_empty") for block in blocks)
        section = {_fold(block.text).lstrip("*•- ") for block in blocks if block.role in _SECTION}
        for comment in page.comments:
            theirs += 1
            found += _fold(comment).lstrip("*•- ") in section
        text = REAL / "text" / f"{name}.txt"
        if text.is_file():
            count = sum(block.role == "comment" for block in segment(text.read_text(encoding="utf-8")))
            plain, plain_pages = plain + count, plain_pages + bool(count)
    return [
        f"reader comments proposed by the kit's rules on {len(pages)} real pages: {saved} paragraphs on {saved_pages} pages "
        f"(saved-page text); {plain} on {plain_pages} pages (plain-text scrapes); no comments are labelled, so watch these",
        f"  of the {theirs} paragraphs trafilatura reads as the pages' comments, {found} are in the kit's comment section "
        f"(a comment, or the comment form and buttons)",
        f"  comment headings opening no comments: {menu_links} 'Comment' links in a site menu, "
        f"{empty} headings or buttons with no comment after them",
    ]


if __name__ == "__main__":
    print("\n".join(lines()))
