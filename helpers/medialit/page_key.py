"""A proposed answer key for a saved web page: trafilatura's article and comments, mapped onto the page text.

trafilatura reads the HTML's structure and is right about the article far more often than rules
on plain text can be; the kit's rules (:func:`medialit.segmentation.segment`) know things it does
not (a headline is not body; a reader's comment under the article is a comment). Each paragraph
of the page text gets one proposed role:

========================================  =================================================
trafilatura / the kit                     proposed role
========================================  =================================================
the kit: headline, comment, comment form  the kit's role
the kit: furniture it names by its words  the kit's role (boxes of links, share buttons...)
trafilatura: comment                      ``comment``
trafilatura: article                      ``body``
the kit: body, with ``body`` either side  ``body``
neither says article or comment           the kit's role (``boilerplate`` if it said body)
========================================  =================================================

A paragraph is trafilatura's when at least 90% of its three-word sequences are in trafilatura's
paragraphs; a paragraph repeated on the page more often than trafilatura kept it (a caption under
every photo) counts only as often as it was kept, at the copies among other matched paragraphs.
A paragraph of one or two words matches a whole trafilatura paragraph, or, in a language written
without spaces, a long enough stretch of one. Where the two disagree on the group (body, comment,
other) the entry is marked, so the teacher checks those first.

Example:
    >>> from medialit.webpage import WebPage
    >>> body = ("The mayor opened the new bridge over the harbour on Monday morning.",
    ...         "Hundreds of people walked across it before noon, the council said.")
    >>> text = "Home\\n\\nMayor opens the new harbour bridge\\n\\n" + "\\n\\n".join(body) + "\\n\\nShare this\\n"
    >>> page = WebPage(text, main=("Mayor opens the new harbour bridge",) + body)
    >>> [(e.line, e.role) for e in propose_key(page)]
    [(1, 'boilerplate'), (3, 'headline'), (5, 'body'), (7, 'body'), (9, 'boilerplate')]
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .segmentation import GROUP_OF_ROLE, REASONS, segment
from .webpage import WebPage

#: Share of a paragraph's three-word sequences that must be in trafilatura's text for it to count as its.
COVERED = 0.9
#: A paragraph of one or two "words" this long (in characters) is matched inside trafilatura's text:
#: Chinese or Japanese sentences are one \w+ run each.
LONG_RUN = 8
#: The kit's roles that win over trafilatura: it keeps headlines and comment forms inside its "main".
KIT_DECIDES = ("headline", "comment", "comment_ui")

_WORD = re.compile(r"\w+")
_KIT_FURNITURE = frozenset(
    [REASONS[name] for name in ("related_box", "related_header", "headline_repeat")]
    + [f"Site text, not the report: {note}." for note in ("a share or follow button", "a cookie notice",
                                                           "log-in text", "an advert or sponsor notice")]
)

_WHY = {
    "body": "Part of the article, by the page's structure (trafilatura) and the kit's reading.",
    "body_kit_disagrees": "Part of the article by the page's structure (trafilatura); the kit's rules read it as "
    "{kit}: check it.",
    "comment": "A reader's comment, by the page's structure (trafilatura).",
    "kit": "{reason}",
    "between": "Article prose by the kit's rules, between two article paragraphs, though the page's structure "
    "leaves it out (trafilatura): check it.",
    "kit_only_body": "The kit's rules read this as article prose, but the page's structure puts it outside the "
    "article (trafilatura): check it.",
    "title": "The article's title, as the page's HTML names it.",
    "above_title": "A heading above the article's own title: part of the site, not this report.",
}


@dataclass(frozen=True)
class ProposedEntry:
    """One paragraph of a proposed answer key: its line, role and why, and whether the two readers disagree.

    Example:
        >>> ProposedEntry(3, "body", "Part of the article.", disagree=True).disagree
        True
    """

    line: int
    role: str
    why: str
    disagree: bool = False


def propose_key(page: WebPage) -> list[ProposedEntry]:
    """A proposed role for every paragraph of a saved page's text (see the module's table).

    Example:
        >>> from medialit.webpage import read_page
        >>> page = read_page(b"<html><body><nav>Home</nav><article><h1>Mayor opens the new harbour bridge</h1>"
        ...                  b"<p>The mayor opened the new bridge over the harbour on Monday, and hundreds of people "
        ...                  b"walked across it before noon.</p><p>The council said the bridge cost four million "
        ...                  b"pounds and took two years to build.</p></article></body></html>", "a.html")
        >>> [e.role for e in propose_key(page)]
        ['boilerplate', 'headline', 'body', 'body']
    """
    blocks = segment(page.text)
    if not page.main:  # trafilatura found no article: the kit's rules alone, nothing to disagree with
        return [ProposedEntry(block.line, block.role, block.reason) for block in blocks]
    keys = [_key(block.text) for block in blocks]
    in_main = _Text(page.main).matches(keys)
    in_comments = _Text(page.comments).matches(keys)
    in_comments = [c and not m for c, m in zip(in_comments, in_main)]
    entries = []
    # The article starts at trafilatura's first paragraph that is not the headline; below it, a line
    # the kit took for a headline is a subheading.
    firsts = [m and block.role != "headline" for block, m in zip(blocks, in_main)]
    start = firsts.index(True) if True in firsts else len(blocks)
    for index, (block, is_main, is_comment) in enumerate(zip(blocks, in_main, in_comments)):
        traf_group = "body" if is_main else "comment" if is_comment else "other"
        kit_group = GROUP_OF_ROLE[block.role]
        subheading = block.role == "headline" and is_main and index > start
        if (block.role in KIT_DECIDES and not subheading) or _furniture_inside(block):
            role, why = block.role, _WHY["kit"].format(reason=block.reason)
        elif is_comment:
            role, why = "comment", _WHY["comment"]
        elif is_main:
            role = "body"
            why = _WHY["body"] if kit_group == "body" else _WHY["body_kit_disagrees"].format(kit=block.role)
        elif block.role == "body":
            role, why = "boilerplate", _WHY["kit_only_body"]
        else:
            role, why = block.role, _WHY["kit"].format(reason=block.reason)
        # trafilatura's main holds the headline too (as a heading): that is no disagreement.
        disagree = traf_group != kit_group and not (block.role == "headline" and is_main)
        entries.append(ProposedEntry(block.line, role, why, disagree))
    # Article prose by the kit's rules, with article on both sides, is article too: trafilatura
    # sometimes drops one paragraph of a run (a quote in its own box, a paragraph with many links).
    for index in range(1, len(entries) - 1):
        between = entries[index - 1].role == "body" and entries[index + 1].role == "body"
        if between and blocks[index].role == "body" and entries[index].role != "body":
            entries[index] = ProposedEntry(entries[index].line, "body", _WHY["between"], True)
    return _headline_from_title(entries, keys, page.titles)


def _headline_from_title(entries: list[ProposedEntry], keys: list[str], titles: tuple[str, ...]) -> list[ProposedEntry]:
    """The paragraph that is the article's title as the HTML names it (og:title, <h1>, <title>) is the
    headline; a line the kit took for a headline above it is the site's (a menu heading, a podcast promo)."""
    at = _title_index(keys, titles)
    if at is None:
        return entries
    entries = list(entries)
    entries[at] = ProposedEntry(entries[at].line, "headline", _WHY["title"], entries[at].disagree)
    for index in range(at):
        if entries[index].role == "headline":
            entries[index] = ProposedEntry(entries[index].line, "boilerplate", _WHY["above_title"], True)
    return entries


def _title_index(keys: list[str], titles: tuple[str, ...]) -> int | None:
    """The first paragraph that gives the best title the page names (the same words, or all of one
    inside the other when the shorter has at least four words and most of the longer's)."""
    for title in titles:
        wanted = _key(title)
        if len(wanted.split()) < 2:
            continue
        for index, key in enumerate(keys):
            shorter, longer = sorted((key, wanted), key=len)
            if key == wanted or (len(shorter.split()) >= 4 and f" {shorter} " in f" {longer} "
                                 and len(shorter.split()) >= 0.6 * len(longer.split())):
                return index
    return None


def _furniture_inside(block) -> bool:
    """The kit's furniture that trafilatura keeps inside articles: boxes of links, share buttons, cookie,
    log-in and advert lines, the headline printed again. The kit names these from their words, and
    they are almost never article prose (on the shared real pages these overrides removed 76
    four-word sequences of furniture and 5 of article text)."""
    return block.reason in _KIT_FURNITURE


class _Text:
    """trafilatura's paragraphs as a multiset of three-word sequences and of whole paragraphs."""

    def __init__(self, paragraphs: tuple[str, ...]):
        self.triples: Counter = Counter()
        self.whole: Counter = Counter()
        for paragraph in paragraphs:
            key = _key(paragraph)
            self.triples.update(_triples(key.split()))
            self.whole[key] += 1
        self.joined = " " + " ".join(self.whole.elements()) + " "

    def matches(self, keys: list[str]) -> list[bool]:
        """Which of the page's paragraphs (given by :func:`_key`) are in this text; a paragraph the page
        repeats more often than trafilatura kept it (a caption under every photo, a teaser of a quote)
        counts only as often as it was kept, taking the copies that sit among other matched paragraphs."""
        if not self.whole:
            return [False] * len(keys)
        found = [self._times(key) for key in keys]
        matched = [times > 0 for times in found]
        copies: dict[str, list[int]] = {}
        for index, key in enumerate(keys):
            if matched[index]:
                copies.setdefault(key, []).append(index)
        for key, places in copies.items():
            allowed = found[places[0]]
            if len(places) <= allowed:
                continue

            def company(index: int) -> int:
                near = range(max(0, index - 2), min(len(keys), index + 3))
                return sum(1 for other in near if matched[other] and keys[other] != key)

            keep = set(sorted(places, key=lambda index: (-company(index), index))[:allowed])
            for index in places:
                matched[index] = index in keep
        # A word or two alone ("Holidays", "Share") matches too easily: it counts only next to matched prose.
        long = [m and len(key.split()) >= 3 for m, key in zip(matched, keys)]
        for index, key in enumerate(keys):
            if matched[index] and len(key.split()) < 3:
                near = range(max(0, index - 1), min(len(keys), index + 2))
                matched[index] = any(long[other] for other in near)
        return matched

    def _times(self, key: str) -> int:
        """How many times trafilatura kept this paragraph (0: not at all)."""
        words = key.split()
        if not words or not self.whole:
            return 0
        if len(words) < 3:
            if self.whole[key]:
                return self.whole[key]
            return 1 if len(key) >= LONG_RUN and f" {key} " in self.joined else 0
        mine = Counter(_triples(words))
        found = sum(min(count, self.triples[triple]) for triple, count in mine.items())
        if found < COVERED * sum(mine.values()):
            return 0
        return max(1, min(self.triples[triple] // count for triple, count in mine.items() if self.triples[triple]))


def _key(text: str) -> str:
    """A paragraph's words, lower case, one space apart: what is compared."""
    return " ".join(_WORD.findall(text.lower()))


def _triples(words: list[str]) -> list[tuple[str, ...]]:
    return [tuple(words[i : i + 3]) for i in range(len(words) - 2)]
