"""The proposed answer key's top of the article on real saved pages: the headline and standfirst lines.

The real pages' ground truth (``../shared/real-pages/truth.json``) marks only the article body, so
this measures what can be checked without a person: on each of the 61 pages, read as
``medialit new-story`` reads it (:func:`medialit.webpage.read_page`, :func:`medialit.page_key.propose_key`),

* the pages whose proposed key has exactly one headline (target: every page with an HTML title);
* headlines that are a list item ("* Pool closes"): a link in a menu, a breadcrumb or a sidebar
  that repeats the title, when the page has the title's own line (target 0);
* headlines whose words are exactly a title the page names (og:title, an <h1>, <title>), not a line
  that holds more or fewer words (the figure to keep high);
* standfirst lines above the proposed headline (a standfirst sits under it; target 0) and the
  standfirst lines in all (for a person to look at with ``python bench/page_key_eval.py lines``);
* key entries whose reason for students still speaks of trafilatura or asks to "check it" (target 0).

Usage (from the repository root):

    .venv/bin/python bench/page_key_eval.py          # the lines above
    .venv/bin/python bench/page_key_eval.py lines    # each page's headline and standfirst lines
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

from medialit.page_key import propose_key
from medialit.segmentation import segment
from medialit.webpage import read_page

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "real-pages" / "html"
#: A list item as the page text draws it (numbers, bullets, and '+' for a nested list).
_WORDS = re.compile(r"\w+")
_LISTED = re.compile(r"^(\d{1,3}[.)]|[•·▪●◦‣*+–—-])\s+")
_TEACHER_WORDS = ("trafilatura", "check it", "the kit's rules", "page's structure")


def _words(text: str) -> str:
    return " ".join(_WORDS.findall(text.lower()))


def page_tops() -> dict[str, dict]:
    """Page name -> its headline and standfirst lines (line, text) and the student reasons of its key."""
    tops = {}
    for path in sorted(PAGES.glob("*.html.gz")):
        page = read_page(gzip.decompress(path.read_bytes()), path.name)
        texts = {block.line: block.text for block in segment(page.text)}
        entries = propose_key(page)
        tops[path.name[:3]] = {
            "titles": page.titles,
            "headlines": [(e.line, texts[e.line]) for e in entries if e.role == "headline"],
            "standfirsts": [(e.line, texts[e.line]) for e in entries if e.role == "standfirst"],
            "whys": [e.why for e in entries],
        }
    return tops


def lines() -> list[str]:
    """The figures make bench prints, with their targets."""
    if not PAGES.is_dir():
        return [f"proposed key's headline: {PAGES} not found (../shared beside the clone)"]
    tops = page_tops()
    total = len(tops)
    one = sum(len(top["headlines"]) == 1 for top in tops.values())
    titled = sum(bool(top["titles"]) for top in tops.values())
    listed = exact = above = standfirsts = 0
    for top in tops.values():
        titles = {_words(title) for title in top["titles"]}
        for line, text in top["headlines"]:
            listed += bool(_LISTED.match(text))
            exact += _words(text) in titles
        first = min((line for line, _ in top["headlines"]), default=0)
        above += sum(line < first for line, _ in top["standfirsts"])
        standfirsts += len(top["standfirsts"])
    teacherly = sum(any(word in why.lower() for word in _TEACHER_WORDS) for top in tops.values() for why in top["whys"])
    entries = sum(len(top["whys"]) for top in tops.values())
    return [
        f"proposed key on {total} real pages: exactly one headline on {one} ({titled} pages name a title in their HTML)",
        f"  headlines that are a list item: {listed} (target 0); headlines that are exactly a title the HTML names: "
        f"{exact} of {sum(len(top['headlines']) for top in tops.values())}",
        f"  standfirst lines above the headline: {above} (target 0), of {standfirsts} standfirst lines in all",
        f"  key entries whose reason for students speaks to the teacher (trafilatura, 'check it'): {teacherly} of "
        f"{entries} (target 0)",
    ]


def main(argv: list[str]) -> None:
    if argv[1:] == ["lines"]:
        for name, top in page_tops().items():
            print(name, "headline:", top["headlines"])
            for line, text in top["standfirsts"]:
                print(f"    standfirst {line}: {text[:100]}")
        return
    print("\n".join(lines()))


if __name__ == "__main__":
    main(sys.argv)
