"""A proposed answer key for a saved web page: trafilatura's article and comments, mapped onto the page text.

trafilatura reads the HTML's structure and is right about the article far more often than rules
on plain text can be; the kit's rules (:func:`medialit.segmentation.segment`) know things it does
not (a headline is not body; a reader's comment under the article is a comment). Each paragraph
of the page text gets one proposed role:

========================================  =================================================
trafilatura / the kit                     proposed role
========================================  =================================================
the kit: headline, comment, comment form  the kit's role (a comment: only among trafilatura's)
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
other) the entry is marked, so the teacher checks those first. Where trafilatura finds reader comments,
they run from its first comment paragraph to its last: a line the kit calls a comment outside that
stretch (an author's box, a sidebar, the search box under a closed thread) is not one.

Then the top of the article is put right: the list under a heading of links ("Related articles")
is links, whatever either reader made of it; the line that is the article's title as the HTML
names it is the headline (its own line wins over a list item that repeats it, a menu entry or a
breadcrumb), and there is one headline; above it, no line is a standfirst or a caption or byline the
kit placed only by its position under the wrong headline; below it, the summary is one run of
lines (a later "standfirst" is a video's title, a teaser or a promotion). Above the title nothing is
article or a reader's comment, whatever trafilatura says (a promotion inside its <article>, a menu
entry a reader repeated); between the title and the article's first paragraph, prose the kit reads
as article is the opening paragraph trafilatura left out, unless it speaks to the reader, starts
"By ..." or is printed again below. A list item the kit dates only by a weekday ("+ Black Friday")
is a menu entry.

Each entry has two explanations: ``why``, the reason a student reads after checking their label
(plain words for its role, :data:`medialit.answer_key.ROLE_WHYS`, or what the kit named by its
words, such as a share button), and ``note``, for the teacher: how the two readers decided and
what to check. The note never reaches a student.

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

from .answer_key import ROLE_WHYS
from .page_rules import BY_NAME, CJK, IMPERATIVE, LIST_MARK, TO_READER
from .segmentation import GROUP_OF_ROLE, REASONS, Block, segment
from .text import sentences, words
from .webpage import WebPage

#: Share of a paragraph's three-word sequences that must be in trafilatura's text for it to count as its.
COVERED = 0.9
#: A paragraph of one or two "words" this long (in characters) is matched inside trafilatura's text:
#: Chinese or Japanese sentences are one \w+ run each.
LONG_RUN = 8
#: The kit's roles that win over trafilatura: it keeps headlines and comment forms inside its "main".
KIT_DECIDES = ("headline", "comment", "comment_ui")

_WORD = re.compile(r"\w+")
#: The page text draws a nested list's items with "+" (and deeper ones with "o"), besides the kit's list marks.
_NESTED_ITEM = re.compile(r"^[+o]\s+\S")
_KIT_FURNITURE = frozenset(
    [REASONS[name] for name in ("related_box", "related_header", "headline_repeat")]
    + [f"Site text, not the report: {note}." for note in ("a share or follow button", "a cookie notice",
                                                           "log-in text", "an advert or sponsor notice")]
)
#: The kit's reasons for a line it names by the line's own words, which a student can read as the why
#: (besides :data:`_KIT_FURNITURE`): "Site text, not the report: a menu or button label." and the like.
_NAMED_BY_WORDS = "Site text, not the report: "
#: Roles the kit gives a line between its headline and the article by position alone (a short title-like
#: line under the headline is a standfirst or a picture's description, a name is the writer), with the
#: reasons that say so; a role it names from the line's words (a photo credit, a date) is not among them.
_PLACED = {"standfirst": (REASONS["standfirst"],), "caption": (REASONS["caption_top"],),
           "byline": ("A name on its own line between the headline and the article: the writer.",)}

#: Notes for the teacher: how the proposal came to each role, and what to check.
_NOTE = {
    "body": "The page's structure (trafilatura) and the kit's rules both put it in the article.",
    "body_kit_disagrees": "The page's structure (trafilatura) puts it in the article; the kit's rules read it as "
    "{kit}: check it.",
    "comment": "The page's structure (trafilatura) puts it among the reader comments.",
    "kit": "The kit's rules: {reason}",
    "between": "Article prose by the kit's rules, between two article paragraphs, though the page's structure "
    "leaves it out (trafilatura): check it.",
    "kit_only_body": "The kit's rules read this as article prose, but the page's structure puts it outside the "
    "article (trafilatura): check it.",
    "title": "The article's title, as the page's HTML names it (og:title, <h1> or <title>).",
    "above_title": "The kit's rules took this for the headline, but it is above the article's own title (as the "
    "HTML names it): the site's heading, not this report's.",
    "second_headline": "The kit's rules took this for the headline, but the article's own title (as the HTML names "
    "it) is line {line}: check it.",
    "second_summary": "The kit's rules read it as a standfirst by its place between the headline and the article, "
    "but the summary under the headline came before it: another part of the page (a video, a teaser, a promotion).",
    "placed_above_title": "The kit's rules read it as {kit} by its place under a line they took for the headline, "
    "but it is above the article's own title: part of the site.",
    "links_listed": "Listed under a heading of links to other articles ({heading}).",
    "off_thread": "The kit's rules read it as a reader's comment, but it is outside the comments the page's "
    "structure finds (trafilatura): the page around the comment section (a sidebar, a search box, a menu).",
    "main_above_title": "The page's structure (trafilatura) keeps it in the article, but it is above the article's "
    "own title (as the HTML names it); the kit's rules read it as {kit}: check it.",
    "comment_above_title": "The page's structure (trafilatura) finds its words among the reader comments, but it is "
    "above the article's own title (as the HTML names it): a reader repeated the site's words.",
    "lede": "Article prose by the kit's rules, between the headline and the article's first paragraph, though the "
    "page's structure leaves it out (trafilatura): the article's opening paragraph, set apart. Check it.",
    "by_name": "The kit's rules read it as {kit} by its place under the headline, but it starts 'By' and a name: "
    "the writer.",
    "menu_date": "The kit's rules read it as a date by a weekday's name, but it is a list item with no day or year "
    "in it: a menu entry.",
}
#: Reasons a student reads where the role alone would say too little.
_WHY = {
    "above_title": "A heading of the website above the report's own headline, not part of this report.",
    "links_listed": "Listed under a heading of links to other articles: a link to another story, not this report.",
}


@dataclass(frozen=True)
class ProposedEntry:
    """One paragraph of a proposed answer key: its line, role, why (for students), whether the two readers
    disagree, and a note for the teacher.

    Example:
        >>> ProposedEntry(3, "body", "Part of the article's own text.", disagree=True, note="Check it.").disagree
        True
    """

    line: int
    role: str
    why: str
    disagree: bool = False
    #: For the teacher only: how the two readers decided, what to check.
    note: str = ""


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
    keys = [_key(block.text) for block in blocks]
    if not page.main:  # trafilatura found no article: the kit's rules alone, nothing to disagree with
        return [_kit_entry(block) for block in blocks]
    main = _Text(page.main)
    in_main = main.matches(keys)
    in_comments = _Text(page.comments).matches(keys)
    in_comments = [c and not m for c, m in zip(in_comments, in_main)]
    # Where trafilatura found the reader comments, they run from its first comment paragraph to its last:
    # past them (a blog's sidebar, the search box, the footer's menu) the kit's "comment" does not hold.
    thread = [index for index, is_comment in enumerate(in_comments) if is_comment]
    entries = []
    # The article starts at trafilatura's first paragraph that is not the headline; below it, a line
    # the kit took for a headline is a subheading.
    firsts = [m and block.role != "headline" for block, m in zip(blocks, in_main)]
    start = firsts.index(True) if True in firsts else len(blocks)
    for index, (block, is_main, is_comment) in enumerate(zip(blocks, in_main, in_comments)):
        traf_group = "body" if is_main else "comment" if is_comment else "other"
        kit_group = GROUP_OF_ROLE[block.role]
        subheading = block.role == "headline" and is_main and index > start
        off_thread = block.role == "comment" and bool(thread) and not thread[0] <= index <= thread[-1]
        if (block.role in KIT_DECIDES and not subheading and not off_thread) or _furniture_inside(block):
            entry = _kit_entry(block)
        elif is_comment:
            entry = ProposedEntry(block.line, "comment", ROLE_WHYS["comment"], note=_NOTE["comment"])
        elif is_main:
            note = _NOTE["body"] if kit_group == "body" else _NOTE["body_kit_disagrees"].format(kit=block.role)
            entry = ProposedEntry(block.line, "body", ROLE_WHYS["body"], note=note)
        elif block.role == "body":
            entry = ProposedEntry(block.line, "boilerplate", ROLE_WHYS["boilerplate"], note=_NOTE["kit_only_body"])
        elif off_thread:
            entry = ProposedEntry(block.line, "boilerplate", ROLE_WHYS["boilerplate"], note=_NOTE["off_thread"])
        else:
            entry = _kit_entry(block)
        # trafilatura's main holds the headline too (as a heading): that is no disagreement.
        disagree = traf_group != kit_group and not (block.role == "headline" and is_main)
        entries.append(ProposedEntry(entry.line, entry.role, entry.why, disagree, entry.note))
    # Article prose by the kit's rules, with article on both sides, is article too: trafilatura
    # sometimes drops one paragraph of a run (a quote in its own box, a paragraph with many links).
    for index in range(1, len(entries) - 1):
        between = entries[index - 1].role == "body" and entries[index + 1].role == "body"
        if between and blocks[index].role == "body" and entries[index].role != "body":
            entries[index] = ProposedEntry(entries[index].line, "body", ROLE_WHYS["body"], True, _NOTE["between"])
    entries = _headline_from_title(_links_listed(entries, blocks), blocks, keys, page.titles)
    return _one_summary(_lede(entries, blocks, main), blocks)


def _kit_entry(block: Block) -> ProposedEntry:
    """The kit's role for a paragraph: the why is the kit's reason where it names the line by its words
    (a share button, a box of links), else the plain reason for the role; the note gives the kit's reason."""
    if block.reason == REASONS["dateline"] and _listed(block.text) and not any(ch.isdigit() for ch in block.text):
        # "+ Apple Black Friday": a menu's entry, named as a date only by its weekday.
        return ProposedEntry(block.line, "boilerplate", ROLE_WHYS["boilerplate"], note=_NOTE["menu_date"])
    named = block.reason in _KIT_FURNITURE or block.reason.startswith(_NAMED_BY_WORDS)
    why = block.reason if named else ROLE_WHYS[block.role]
    return ProposedEntry(block.line, block.role, why, note=_NOTE["kit"].format(reason=block.reason))


def _links_listed(entries: list[ProposedEntry], blocks: list[Block]) -> list[ProposedEntry]:
    """The list items right under a heading of links to other articles (the kit names it by its words:
    "Related articles", "Most read") are links, wherever they sit: trafilatura keeps such a list inside
    the article, and the kit, near the top, takes its items for picture descriptions or a standfirst.
    A reader's comment is left to the comment rules."""
    entries = list(entries)
    for index, block in enumerate(blocks):
        if block.reason != REASONS["related_header"]:
            continue
        heading = repr(block.text if len(block.text) <= 60 else block.text[:59] + "…")
        for below in range(index + 1, len(blocks)):
            entry = entries[below]
            if not _listed(blocks[below].text) or entry.role in ("comment", "comment_ui"):
                break
            if entry.role != "related":
                disagree = entry.disagree or GROUP_OF_ROLE[entry.role] != "other"
                entries[below] = ProposedEntry(entry.line, "related", _WHY["links_listed"], disagree,
                                               _NOTE["links_listed"].format(heading=heading))
    return entries


def _headline_from_title(entries: list[ProposedEntry], blocks: list[Block], keys: list[str],
                         titles: tuple[str, ...]) -> list[ProposedEntry]:
    """The paragraph that is the article's title as the HTML names it (og:title, <h1>, <title>) is the
    headline; above it, a line the kit took for a headline is the site's (a menu heading, a podcast promo),
    and so is a line the kit read as a standfirst, a caption or a byline only by its place under that line.
    Below it, a line the kit took for the headline that trafilatura left out is no second headline either
    (a byline, a link): it is marked for the teacher."""
    at = _title_index(blocks, keys, titles)
    if at is None:
        return entries
    entries = list(entries)
    entries[at] = ProposedEntry(entries[at].line, "headline", ROLE_WHYS["headline"], entries[at].disagree,
                                _NOTE["title"])
    for index in range(at):
        entry, block = entries[index], blocks[index]
        # Above the title neither trafilatura's article nor its comments hold: a reader's comment comes after
        # the report, and the article starts under its title (a promotion can sit inside its <article>).
        if entry.role == "comment" and block.role != "comment":
            kit = _kit_entry(block)
            entry = ProposedEntry(entry.line, kit.role, kit.why, True, _NOTE["comment_above_title"])
        elif entry.role == "comment":
            entry = ProposedEntry(entry.line, "boilerplate", ROLE_WHYS["boilerplate"], True,
                                  _NOTE["comment_above_title"])
        elif entry.role == "body" and GROUP_OF_ROLE[block.role] != "body":
            kit = _kit_entry(block)
            entry = ProposedEntry(entry.line, kit.role, kit.why, True, _NOTE["main_above_title"].format(kit=block.role))
        entries[index] = entry
        if entry.role == "headline":
            entries[index] = ProposedEntry(entry.line, "boilerplate", _WHY["above_title"], True, _NOTE["above_title"])
        elif entry.role == block.role and block.reason in _PLACED.get(block.role, ()):
            entries[index] = ProposedEntry(entry.line, "boilerplate", ROLE_WHYS["boilerplate"], entry.disagree,
                                           _NOTE["placed_above_title"].format(kit=block.role))
    for index in range(at + 1, len(entries)):
        if entries[index].role == "headline":
            entries[index] = ProposedEntry(entries[index].line, "boilerplate", ROLE_WHYS["boilerplate"], True,
                                           _NOTE["second_headline"].format(line=entries[at].line))
    return entries


def _lede(entries: list[ProposedEntry], blocks: list[Block], main: _Text) -> list[ProposedEntry]:
    """Between the headline and the article's first paragraph, a line starting "By" and a name is the byline,
    and a paragraph the kit's rules read as article prose is the article's opening: trafilatura leaves out
    a lede set in its own box or in larger type. Not a list item (points summing the report up), a line
    starting "By Ann Lee", a paragraph speaking to the reader (the site's welcome, "Join our newsletter")
    or one that the article prints again below (a highlight, a video's description). On the shared real
    pages this found 3 paragraphs, 2 of them article text by the benchmark's truth (the third a
    columnist's opening question it leaves out), and 2 bylines the kit had as a standfirst or prose."""
    head = next((index for index, entry in enumerate(entries) if entry.role == "headline"), None)
    if head is None:
        return entries
    first = next((index for index in range(head + 1, len(entries)) if entries[index].role == "body"), None)
    if first is None:
        return entries
    entries = list(entries)
    for index in range(head + 1, first):
        block, entry = blocks[index], entries[index]
        if block.role == "body" and block.reason == REASONS["body"] and _opens(block.text, main):
            entries[index] = ProposedEntry(entry.line, "body", ROLE_WHYS["body"], True, _NOTE["lede"])
        elif entry.role in ("standfirst", "boilerplate") and block.role in ("standfirst", "body") \
                and BY_NAME.match(block.text):
            # "By Ann Lee on Monday, November 18th": the writer, whatever the line's place made of it.
            entries[index] = ProposedEntry(entry.line, "byline", ROLE_WHYS["byline"], entry.disagree,
                                           _NOTE["by_name"].format(kit=block.role))
    return entries


def _opens(text: str, main: _Text) -> bool:
    """Whether a paragraph of prose between the headline and the article can be the article's opening."""
    said = [span.text for span in words(text)]
    to_reader = any(word.lower() in TO_READER and word != "US" for word in said)
    # "Join our newsletter", "Subscribe now": a sentence that opens with a command is a call to the reader.
    to_reader = to_reader or any(_first_word(span.text) in IMPERATIVE for span in sentences(text))
    triples = _triples(_key(text).split())
    repeated = sum(1 for triple in triples if main.triples[triple]) >= 0.5 * len(triples) > 0
    return not (_listed(text) or BY_NAME.match(text) or to_reader or repeated)


def _first_word(sentence: str) -> str:
    first = words(sentence)
    return first[0].text.lower() if first else ""


def _one_summary(entries: list[ProposedEntry], blocks: list[Block]) -> list[ProposedEntry]:
    """A summary under the headline is one run of lines: a later line the kit read as a standfirst only by
    its place between the headline and the article (a video's title, a teaser of another story, a
    promotion) is some other part of the page. On the shared real pages such lines came in lists of up to
    17 on one page; a run of bullet points under the headline stays whole."""
    first = next((index for index, entry in enumerate(entries) if entry.role == "headline"), None)
    if first is None:
        return entries
    entries, run = list(entries), "before"
    for index in range(first + 1, len(entries)):
        entry, block = entries[index], blocks[index]
        if entry.role != "standfirst":
            run = "after" if run == "in" else run
        elif run == "after" and block.reason in _PLACED["standfirst"]:
            entries[index] = ProposedEntry(entry.line, "boilerplate", ROLE_WHYS["boilerplate"], entry.disagree,
                                           _NOTE["second_summary"])
        else:
            run = "in"
    return entries


def _title_index(blocks: list[Block], keys: list[str], titles: tuple[str, ...]) -> int | None:
    """The paragraph that gives a title the page names: the same words, or all of one inside the other when
    the shorter has at least four words and most of the longer's. The title's own line wins over a list
    item with its words (a menu entry, a breadcrumb, a sidebar's link to the same article); then the
    same words over a line that holds more or less; then the best title (og:title, <h1>, <title>); then
    the first line."""
    best: tuple[bool, bool, int, int] | None = None
    for rank, title in enumerate(titles):
        wanted = _key(title)
        # One word is no title (a site's name), unless it is a sentence of a language written without
        # spaces: then only a line with exactly its words counts.
        if len(wanted.split()) < 2 and not (len(wanted) >= LONG_RUN and CJK.search(wanted)):
            continue
        for index, key in enumerate(keys):
            same = key == wanted
            shorter, longer = sorted((key, wanted), key=len)
            if same or (len(shorter.split()) >= 4 and f" {shorter} " in f" {longer} "
                        and len(shorter.split()) >= 0.6 * len(longer.split())):
                found = (_listed(blocks[index].text), not same, rank, index)
                best = found if best is None else min(best, found)
    return None if best is None else best[3]


def _listed(text: str) -> bool:
    """The paragraph is an item of a list (a bullet, a number, a nested list's mark)."""
    return bool(LIST_MARK.match(text) or _NESTED_ITEM.match(text))


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
