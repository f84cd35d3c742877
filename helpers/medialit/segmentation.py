"""Split a scraped news page into paragraphs and say what each one is.

A scraped page is the article plus everything around it: menus, captions,
related links, sign-up boxes and reader comments. :func:`segment` gives every
paragraph a *role* and a *reason* a student can read.

How it works, in three steps:

1. Each paragraph is described on its own: is it prose (a real sentence with
   the small words "the", "of", "and" that prose is full of), a short
   headline-like line, a date, a name, a photo credit, a menu item, a legal
   line, a comment heading...? (:mod:`medialit.paragraph_looks`, with the rule
   tables in :mod:`medialit.page_rules`.)
2. The article is found as the *run* of paragraphs with the most prose in it:
   prose counts for the run, furniture counts against it, so a short line
   between two body paragraphs stays inside the run while a footer does not.
   Prose that shares no words with the prose around it counts less; the run is
   cut where it reaches text on another topic (teasers, footers) and grown over
   boxes dropped into the article and over a list that goes on after its prose.
   (:mod:`medialit.article_bounds`.)
3. Every paragraph gets its role from what it is *and* where it is: before the
   run (headline, standfirst, byline, captions), inside it (body, with the odd
   related link or advert), or after it (related links, comments, footer).
   Reader comments start at a comment heading that is not a link in the site's
   menu and has a comment (or the comment form) after it, and end at a line that
   closes them ("Comments are closed", the end of the comment form), at a heading
   of the site's boxes ("Archives", "About the author") or where the site's menu
   or footer begins.

Example:
    >>> blocks = segment("Big news today\\n\\nThe mayor said the bridge will open next spring.\\n\\nPrivacy Policy | Terms")
    >>> [b.role for b in blocks]
    ['headline', 'body', 'boilerplate']
"""

from __future__ import annotations

import gc
import re
from dataclasses import dataclass
from functools import lru_cache

from .paragraph_looks import (
    BUTTON_NOTE,
    LOGIN_NOTE,
    PROSE,
    SENTENCE,
    SHORT,
    TITLE,
    Look,
    content_words,
    describe,
    prose_score,
)
from .page_rules import (
    AFTER_THREAD,
    COMMENT_CLOSER,
    CREDIT,
    POST_SIGNATURE,
    REPORTING,
    RELATED_LABEL,
    VERBISH,
)
from .article_bounds import find_article, in_menu, opens_comments, starts_menu
from .text import paragraphs

#: Every role a block can have, in the order the lessons introduce them.
ROLES: tuple[str, ...] = (
    "headline",
    "standfirst",
    "byline",
    "caption",
    "body",
    "related",
    "comment",
    "comment_ui",
    "boilerplate",
)

#: The three coarse groups students label with in lesson 1.
GROUP_OF_ROLE: dict[str, str] = {
    "body": "body",
    "comment": "comment",
    "comment_ui": "other",
    "headline": "other",
    "standfirst": "other",
    "byline": "other",
    "caption": "other",
    "related": "other",
    "boilerplate": "other",
}

@dataclass(frozen=True)
class Block:
    """One paragraph of a page and what it is.

    ``line`` is the 1-based line of the page where the paragraph starts;
    ``reason`` is one sentence a student can read. ``start`` and ``end`` are the
    character offsets of the paragraph in the page's raw text: ``raw[start:end]`` is the
    paragraph as it stands on the page (a hard-wrapped paragraph keeps its line breaks
    there, while ``text`` joins its lines with spaces).

    Example:
        >>> Block("Leave a Reply", "comment_ui", 40, "A comment form heading.").group
        'other'
    """

    text: str
    role: str
    line: int
    reason: str
    start: int = 0
    end: int = 0

    @property
    def group(self) -> str:
        """The coarse group: ``"body"``, ``"comment"`` or ``"other"``."""
        return GROUP_OF_ROLE[self.role]


@dataclass(frozen=True)
class Paragraph:
    """A paragraph before it has a role: its text and the line it starts on.

    Example:
        >>> Paragraph("Leave a Reply", 40).line
        40
    """

    text: str
    line: int


# ---------------------------------------------------------------------------
# Paragraphs (the one splitter is medialit.text.paragraphs)
# ---------------------------------------------------------------------------


def split_paragraphs(text: str) -> list[Paragraph]:
    """Split plain text into paragraphs: :func:`medialit.text.paragraphs` with the first line as ``line``.

    Kept for the callers that only need the text and the line; new code uses
    :func:`medialit.text.paragraphs`, which also gives character offsets.

    Example:
        >>> [p.line for p in split_paragraphs("Title\\n\\nFirst line.\\nSecond line.")]
        [1, 3, 4]
    """
    return [Paragraph(paragraph.text, paragraph.first_line) for paragraph in paragraphs(text)]




# ---------------------------------------------------------------------------
# Step 3: roles from what a paragraph is and where it is
# ---------------------------------------------------------------------------

#: The reason a student reads for each way a role is given, by name (``"body"``, ``"related_box"``, ...).
REASONS: dict[str, str] = {
    "body": "Prose inside the article's main run of paragraphs.",
    "body_short": "A short sentence, but it sits inside the article between body paragraphs.",
    "subhead": "A short heading inside the article, between body paragraphs.",
    "list_item": "A list item inside the article, between body paragraphs.",
    "headline": "The headline: the title line just above the article that shares its key words.",
    "headline_alone": "The first title-like line of the page: there is no article to check it against.",
    "headline_repeat": "The headline printed again (often left over from a picture's description).",
    "standfirst": "A summary line between the headline and the start of the article.",
    "byline": "Says who wrote the article.",
    "dateline": "Says when the article was published or updated.",
    "bio": "A short description of the writer, not part of the report.",
    "caption": "Describes a photo or credits the photographer.",
    "caption_top": "A picture description near the top: it names things but does not report news.",
    "caption_twin": "A picture description: the next line repeats it with the photo credit.",
    "post": "A social-media post quoted in the article, with its author's signature line.",
    "caption_credited": "A picture description: it ends with the photo credit.",
    "caption_credit": "A picture description: the next line is the photo credit.",
    "related_inline": "A headline-like line dropped between body paragraphs: a link to another story.",
    "related_link": "A link to another article ('Read more', 'Related').",
    "related_box": "Part of a box of links to other articles dropped into the middle of the article.",
    "related_header": "A heading for a list of links to other articles.",
    "related_after": "A headline of another story, listed after the article ends.",
    "shouted": "A short call to the reader in capital letters inside the article: the site's own advert.",
    "teaser_above": "A teaser for another story: a 'Read more' link follows it.",
    "teaser": "A teaser for another story, listed after the article ends.",
    "comment_header": "A heading that opens the reader-comment section.",
    "comment_empty": "A heading or button for reader comments, but no comments follow it here.",
    "comment_after": "A comments link or count below the end of this page's comments (another story's count, say): it opens nothing here.",
    "comment_menu": "A link in the site's menu (to its comment or opinion pages), not the start of reader comments.",
    "comment": "A reader's comment, written after the comment heading.",
    "comment_short": "A short line of a reader's comment (under its author and date, or after its text), not a button.",
    "comment_listed": "A numbered or bulleted paragraph after a comment heading: a reader's comment.",
    "comment_ui": "Part of the comment form or the comment buttons, not a comment.",
    "comment_end": "Closes the reader comments (the thread or its form ends here); what follows is the site's.",
    "comment_meta": "Who wrote a comment and when, not the comment itself.",
    "tags": "A list of topic tags, not a sentence.",
    "label": "A small label for the line that follows it.",
    "nav": "A short menu or button label before the article starts.",
    "stray": "A short line among buttons or boxes inside the article, not part of the report.",
    "outside": "Text outside the article's main run of prose.",
    "prose_outside": "Prose, but it stands apart from the article's main run: probably a promotion or note.",
    "short_after": "A short line after the article ends: page furniture.",
    "nothing": "There is no run of article prose on this page, so this is treated as page furniture.",
}
# The old private name, kept for callers that still import it (page_key).
_REASON = REASONS


def _headline_index(texts: list[str], looks: list[Look], start: int, body_words: set[str]) -> int:
    """Pick the headline among the title-like lines before the article run; -1 if none."""
    candidates = [i for i in range(start) if looks[i].kind in (TITLE, SENTENCE, PROSE) and looks[i].words <= 40]
    if not candidates:
        return -1
    if not body_words:
        return candidates[0]
    # The headline shares its key words with the article; menus and promos do not.
    contents = {index: content_words(texts[index]) for index in candidates}
    for index in candidates:
        content = contents[index]
        if content and len(content & body_words) >= max(1, len(content) // 3) and looks[index].kind != PROSE:
            return index
    for index in candidates:
        if contents[index] & body_words:
            return index
    return candidates[-1]


def _has_verb(text: str) -> bool:
    """Rough test for a verb: standfirsts are sentences, picture descriptions are often just names."""
    words = text.split()
    for position, word in enumerate(words):
        low = word.lower().strip(".,'’\"“”()")
        if low in VERBISH:
            return True
        if position and word.islower() and low.endswith(("s", "ed")) and not low.endswith(("ss", "us", "is")):
            previous = words[position - 1].lower()
            if previous not in ("the", "a", "an", "of", "in", "its", "their", "his", "her", "and", "for", "on"):
                return True
    return False


def segment(text: str) -> list[Block]:
    """Give each paragraph of a scraped page a role and a reason.

    Works on any plain-text scrape of a news page; never raises on any string.

    Example:
        >>> [b.role for b in segment("Headline here now\\n\\nA long enough sentence of article prose goes here.")]
        ['headline', 'body']
    """
    if text.count("\n", 0, _HUGE) < _MANY_LINES:
        return _segment(text)
    # On a page of tens of thousands of lines, the cyclic garbage collector scans the new
    # paragraph objects over and over although they form no cycles: in make bench's 1 MB page
    # of one-word lines that was about a third of the time. So on such pages only, and only
    # while this call runs, it is paused (reference counting still frees everything).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _segment(text)
    finally:
        if collecting:
            gc.enable()


# A page with more line breaks than this in its first _HUGE characters has the collector paused.
_MANY_LINES, _HUGE = 20_000, 2_000_000


def _segment(text: str) -> list[Block]:
    found = paragraphs(text)
    texts = [paragraph.text for paragraph in found]
    # Menus and buttons repeat on a page, so each distinct text is described once.
    seen: dict[str, Look] = {}
    looks: list[Look] = []
    for paragraph in texts:
        look = seen.get(paragraph)
        if look is None:
            look = seen[paragraph] = describe(paragraph)
            look.score = prose_score(look)
            if look.kind not in (PROSE, SENTENCE, TITLE, SHORT):
                look.role = _furniture_role(look)
        looks.append(look)
    comments_at, start, end = find_article(texts, looks)
    # The comment headings that open reader comments (not a menu's link, and comments follow).
    headings = [index for index, look in enumerate(looks) if look.kind == "comment_header"]
    openers = {index for index in headings if opens_comments(texts, looks, index)}
    has_run = end > start
    body_words: set[str] = set()
    for index in range(start, end):
        if looks[index].kind == PROSE:
            body_words |= content_words(texts[index])
    headline = _headline_index(texts, looks, start if has_run else len(looks), body_words)
    # An article with several headline-like lines in it is divided by subheadings (or holds a
    # list): a lone one between two paragraphs is more likely a link to another story.
    headed = has_run and sum(looks[index].kind == TITLE and looks[index].words >= 6 for index in range(start, end)) >= 2
    in_box = False  # inside a box of links dropped into the article
    last_prose = max((i for i in range(start, end) if looks[i].kind == PROSE), default=end) if has_run else end
    zone = "after"  # below the article: "after", then "related" or "comments" once a heading opens them
    # Whether the open comment section has a comment yet, and whether a closing line has ended it
    # ("Comments are closed", the end of the form): then no later heading opens comments again
    # (below are the site's boxes, where "8 comments" is another story's count). A heading of the
    # site's boxes ends the comments too, but a thread may still follow it (a sidebar printed first).
    commented = closed = False
    roles: list[tuple[str, str]] = []
    for index, look in enumerate(looks):
        kind = look.kind
        inside = has_run and start <= index < end
        if inside and kind != PROSE:
            if kind in ("related_header", "related_link"):
                in_box = True
        elif inside:
            in_box = False
        if zone == "comments" and starts_menu(looks, index):
            # The comments end where the site's menu or footer starts: its links are not comments.
            zone = "after"
        ending = _ends_thread(texts[index], look) if zone == "comments" and commented else ""
        if ending:
            # The thread is over: a closing line, or the heading of a box of the site's (a sidebar's
            # "Archives", "About the author", "Recent posts") printed after it.
            zone, closed = "after", closed or ending == _CLOSER
            roles.append(("comment_ui", _REASON["comment_end"]) if ending == _CLOSER else _after_thread(look))
            continue
        if kind == "comment_header" and (index not in openers or closed):
            # A "Comment" link in the site's menu, or a comments heading with no comments after it,
            # or one below the end of the page's comments ("8 comments" under another story's link).
            menu = in_menu(looks, index)
            roles.append(
                ("boilerplate", _REASON["comment_menu"]) if menu
                else ("comment_ui", _REASON["comment_after" if closed else "comment_empty"])
            )
        elif look.role is not None and zone != "comments":
            # Its look alone decides its role (a menu line, a copyright line...).
            roles.append(look.role)
        elif index == headline:
            roles.append(("headline", _REASON["headline" if body_words else "headline_alone"]))
        elif inside:
            roles.append(_role_inside(look, looks, index, in_box, headed, index > last_prose, texts[index]))
        elif index < start or not has_run:
            roles.append(_role_before(texts, looks, index, headline, start, has_run))
        elif zone == "comments" and _short_comment(texts, looks, index):
            roles.append(("comment", _REASON["comment_short"]))
        else:
            roles.append(_role_after(look, zone, texts[index]))
        if zone == "comments":
            commented = commented or roles[-1][0] == "comment"
        if has_run and index >= end:
            if kind == "comment_header" and index >= comments_at and index in openers and not closed and zone != "comments":
                zone, commented = "comments", False
            elif kind == "related_header":
                zone = "related"
    roles = _fix_with_neighbours(texts, looks, roles, headline, start, end)
    if has_run:
        _embedded_posts(texts, looks, roles, start, end)
    # Made without the frozen dataclass's six guarded assignments: the same Block in half the
    # time, which counts on pages of 100,000+ lines.
    blocks: list[Block] = []
    add = blocks.append
    for paragraph, (role, reason) in zip(found, roles):
        block = _new(Block)
        _set(block, "__dict__", {
            "text": paragraph.text, "role": role, "line": paragraph.first_line,
            "reason": reason, "start": paragraph.start, "end": paragraph.end,
        })
        add(block)
    return blocks


_new, _set = object.__new__, object.__setattr__


# A line in capitals that ends in "!" shouts at the reader.
_SHOUTED = re.compile(r"!\W*$")
# The kinds of line a list inside an article is made of.
_LISTISH = frozenset({TITLE, SHORT, SENTENCE})


def _list_goes_on(looks: list[Look], index: int) -> bool:
    """Whether prose or a full headline-like line follows a few list-like lines after ``index``."""
    for look in looks[index + 1 : index + 5]:
        if look.kind == PROSE or (look.kind == TITLE and look.words >= 6):
            return True
        if look.kind not in _LISTISH:
            return False
    return False


def _role_inside(
    look: Look, looks: list[Look], index: int, in_box: bool, headed: bool, past_prose: bool = False, text: str = ""
) -> tuple[str, str]:
    """Role of a paragraph inside the article run (``past_prose``: below its last prose paragraph)."""
    kind = look.kind
    if in_box and kind in (SENTENCE, TITLE, SHORT):
        return "related", _REASON["related_box"]
    if kind in (PROSE, SENTENCE) and _credit_tail(text):
        # "A man rides a donkey past the village. Jane Doe / AFP": a photo's description with its credit.
        return "caption", _REASON["caption_credited"]
    if kind == PROSE:
        return "body", _REASON["body"]
    if kind == SENTENCE:
        if _SHOUTED.search(text) and text.isupper():
            # "GET THE QUIZ: INSTANT DOWNLOAD!": a call to the reader in capitals is the site's advert.
            return "boilerplate", _REASON["shouted"]
        previous = looks[index - 1].kind if index else ""
        # Below the article's last prose and right after a short line (a tag, a button's label),
        # a short sentence is a box's message ("Share your thoughts with friends."), not the
        # article; after an advert the article may well go on.
        if past_prose and not look.listed and previous == SHORT:
            return "boilerplate", _REASON["short_after"]
        return "body", _REASON["list_item" if look.listed else "body_short"]
    if kind in (TITLE, SHORT):
        if kind == TITLE and look.words >= 6 and not headed:
            return "related", _REASON["related_inline"]
        # A subheading introduces the prose under it; a short line among buttons is a button.
        following = looks[index + 1].kind if index + 1 < len(looks) else ""
        previous = looks[index - 1].kind if index else ""
        if following in (PROSE, SENTENCE) and previous in (PROSE, SENTENCE, "date", TITLE, SHORT) and look.words:
            return "body", _REASON["subhead"]
        # Headline-like lines next to each other inside the article are the items of a list.
        if kind == TITLE and (look.words >= 6 or TITLE in (previous, following)):
            return "body", _REASON["list_item"]
        # A short line between two list-like lines is one more item of the list, when the
        # list goes on to more of the article (not a row of topic tags at its foot).
        if previous in _LISTISH and following in _LISTISH and _list_goes_on(looks, index):
            return "body", _REASON["list_item"]
        return "boilerplate", _REASON["stray"]
    return _furniture_role(look)


def _furniture_role(look: Look) -> tuple[str, str]:
    """Role of a paragraph whose look alone says what it is."""
    return _role_of_kind(look.kind, look.note)


@lru_cache(maxsize=256)
def _role_of_kind(kind: str, note: str) -> tuple[str, str]:
    if kind in ("byline", "date", "bio"):
        return "byline", _REASON[{"byline": "byline", "date": "dateline", "bio": "bio"}[kind]]
    if kind == "caption":
        return "caption", _REASON["caption"]
    if kind == "related_link":
        return "related", _REASON["related_link"]
    if kind == "related_header":
        return "related", _REASON["related_header"]
    if kind == "comment_header":
        return "comment_ui", _REASON["comment_header"]
    if kind == "comment_ui":
        return "comment_ui", _REASON["comment_ui"]
    if kind == "tags":
        return "boilerplate", _REASON["tags"]
    if kind == "label":
        return "boilerplate", _REASON["label"]
    if kind in (SHORT, TITLE, SENTENCE, PROSE):
        return "boilerplate", _REASON["outside"]
    return "boilerplate", f"Site text, not the report: {note or 'something that is on every page'}."


def _role_before(
    texts: list[str], looks: list[Look], index: int, headline: int, start: int, has_run: bool
) -> tuple[str, str]:
    """Role of a paragraph above the article run (or of any paragraph when there is no run)."""
    look = looks[index]
    if not has_run:
        if look.kind in (PROSE, SENTENCE, TITLE, SHORT):
            return "boilerplate", _REASON["nothing"]
        return _furniture_role(look)
    if look.kind not in (PROSE, SENTENCE, TITLE, SHORT):
        return _furniture_role(look)
    if headline < 0 or index < headline:
        return "boilerplate", _REASON["nav"] if look.kind == SHORT else _REASON["outside"]
    text = texts[index]
    head_text = texts[headline]
    if head_text and len(text) <= 4 * len(head_text) + 10 and head_text in text:
        return "boilerplate", _REASON["headline_repeat"]
    if look.kind == SHORT:
        if look.words >= 2 and all(w[:1].isupper() for w in text.split()) and not looks[index].listed:
            return "byline", "A name on its own line between the headline and the article: the writer."
        return "boilerplate", _REASON["nav"]
    if look.kind == SENTENCE and look.words < 4:
        return "boilerplate", _REASON["nav"]
    if not _has_verb(text) and look.kind == TITLE:
        return "caption", _REASON["caption_top"]
    return "standfirst", _REASON["standfirst"]


# What _ends_thread finds: a line of the comment section that closes it, or a heading of the site's boxes.
_CLOSER, _BOX_HEADING = "closer", "box heading"


def _ends_thread(text: str, look: Look) -> str:
    """Whether a line ends a thread of reader comments: ``"closer"`` (a closing line of the section or
    its form), ``"box heading"`` (a heading of the site's boxes) or ``""``.

    Example:
        >>> from medialit.paragraph_looks import describe
        >>> [_ends_thread(t, describe(t)) for t in ("Comments are closed.", "[ Read All Comments ]", "Archives", "Great piece!")]
        ['closer', 'closer', 'box heading', '']
    """
    if look.words > _CLOSER_WORDS:
        return ""
    low = " ".join(text.lower().split()).strip(" []:.*+•-")
    if COMMENT_CLOSER.match(low):
        return _CLOSER
    return _BOX_HEADING if look.words <= 4 and AFTER_THREAD.match(low) else ""


# A closing line or box heading is short ("Save my name, email, and website in this browser..." is 16 words).
_CLOSER_WORDS = 20


def _after_thread(look: Look) -> tuple[str, str]:
    """Role of a heading of the site's boxes that ends the comments."""
    return look.role or ("related", _REASON["related_header"])


def _short_comment(texts: list[str], looks: list[Look], index: int) -> bool:
    """Whether a short line in the comment section is a whole comment ("THANKS!", "Hi Cherie,").

    It is written like a sentence (it ends in . ! ? or a comma), comes under a comment's date line or
    its text, and is not an author's name (an author's line is followed by the comment's date).
    """
    look = looks[index]
    if look.kind not in (SENTENCE, SHORT, TITLE) or look.words > _SHORT_COMMENT_WORDS or look.listed or index == 0:
        return False
    if not _SENTENCE_END.search(texts[index]):
        return False
    after = looks[index + 1].kind if index + 1 < len(looks) else ""
    return looks[index - 1].kind in ("date", PROSE, SENTENCE) and after != "date"


# The most words _short_comment looks at (longer sentences are comments already); how such a line ends.
_SHORT_COMMENT_WORDS = 6
_SENTENCE_END = re.compile(r"[.!?,…][\"'”’)]*$")


# The marks a thread puts before a reply's author ("+ Jim R.", "* Anna").
_NAME_MARKS = re.compile(r"^[+*•–-]\s+")


def _role_after(look: Look, zone: str, text: str) -> tuple[str, str]:
    """Role of a paragraph below the article run."""
    if look.kind == "comment_header":
        return "comment_ui", _REASON["comment_header"]
    if zone == "comments":
        # An author's name ("Jim R.", "+ Jim R." as a reply): capitalised words, after a list mark if any.
        if look.kind == SENTENCE and look.words <= 3 and all(w[:1].isupper() for w in _NAME_MARKS.sub("", text).split()):
            return "comment_ui", _REASON["comment_meta"]
        if look.kind == PROSE or (look.kind in (SENTENCE, TITLE) and look.words >= 1):
            return "comment", _REASON["comment_listed" if look.listed else "comment"]
        if look.kind in (SHORT, "date", "byline", "label"):
            return "comment_ui", _REASON["comment_meta"]
        # Short buttons, and the log-in prompts of the comment form, belong to the comments;
        # a footer's legal, copyright and follow-us lines do not.
        if look.kind == "furniture" and (look.note == LOGIN_NOTE or (look.words <= 4 and look.note == BUTTON_NOTE)):
            return "comment_ui", _REASON["comment_ui"]
        return _furniture_role(look)
    if look.kind == TITLE:
        return "related", _REASON["related_after"]
    if look.kind == PROSE:
        return ("related", _REASON["teaser"]) if zone == "related" else ("boilerplate", _REASON["prose_outside"])
    if look.kind == SENTENCE and zone == "related" and look.words >= 3:
        # Under "More on this story", a question is the headline of another story.
        return "related", _REASON["related_after"]
    if look.kind in (SHORT, SENTENCE):
        return "boilerplate", _REASON["short_after"]
    return _furniture_role(look)


def _fix_with_neighbours(
    texts: list[str], looks: list[Look], roles: list[tuple[str, str]], headline: int, start: int, end: int
) -> list[tuple[str, str]]:
    """Corrections that need a paragraph's neighbours (changes ``roles`` in place and returns it)."""
    fixed = roles
    for index in range(len(texts) - 1):
        kind = looks[index].kind
        following = fixed[index + 1][0]
        # Most paragraphs are none of the three cases below: skip them cheaply on long pages.
        if following != "caption" and kind not in ("label", "related_header", "related_link"):
            continue
        role = fixed[index][0]
        text = texts[index]
        # A picture description printed twice: once alone, once with its credit.
        if following == "caption" and role in ("standfirst", "boilerplate", "caption", "body") and len(text) >= 12:
            if texts[index + 1].startswith(text) and index != headline:
                fixed[index] = ("caption", _REASON["caption_twin"])
                continue
        # A short description just above a bare photo credit ("Jane Doe/Getty Images") describes
        # the photo. Not when a caption comes after the credit ("Image copyright X" / "Image
        # caption ..."): then the credit opens the photo's own lines and the text above is the article.
        if (
            following == "caption"
            and role == "body"
            and looks[index].kind in (PROSE, SENTENCE)
            and looks[index].words <= _CAPTION_WORDS
            and _bare_credit(texts[index + 1])
            and REPORTING.isdisjoint(text.lower().split())  # a caption describes; a paragraph that reports is the article
            and not (index + 2 < len(texts) and looks[index + 2].kind == "caption")
        ):
            fixed[index] = ("caption", _REASON["caption_credit"])
            continue
        # A field label ("Summary:", "Image caption,") says what the next line is.
        if looks[index].kind == "label" and index + 1 != headline and fixed[index + 1][0] in ("body", "standfirst", "boilerplate", "related", "caption"):
            label = text.lower()
            if "caption" in label or label.startswith(("photo", "image", "credit")):
                fixed[index + 1] = ("caption", _REASON["caption"])
            elif label.startswith(("summary",)):
                fixed[index + 1] = ("standfirst", "A summary of the article, labelled 'Summary'.")
            elif label.startswith(("by", "author", "about the author")):
                fixed[index + 1] = ("byline", _REASON["byline"])
            elif fixed[index + 1][0] == "body" and start < index + 1 < end - 1:
                pass
            else:
                fixed[index + 1] = ("boilerplate", "The value of a labelled field (like 'Source:'), not article text.")
        # "Read more" right under headline-like lines inside the article links to the story they
        # announce: they are a teaser for it (its headline, maybe a cut-off first line).
        if looks[index].kind in ("related_header", "related_link") and RELATED_LABEL.match(text.lower()):
            for before in range(index - 1, max(index - 3, -1), -1):
                # Headlines are long; a short subheading over the next paragraph is not a teaser.
                if looks[before].kind != TITLE or looks[before].words < 6 or fixed[before][0] != "body":
                    break
                fixed[before] = ("related", _REASON["teaser_above"])
        # "read more:" on its own line makes the next line a link (matched as written: applied to
        # "Read More" in capitals it takes the article's next paragraph on one real page, 150).
        if looks[index].kind in ("related_header", "related_link") and RELATED_LABEL.match(text):
            if fixed[index + 1][0] in ("body", "boilerplate") and looks[index + 1].kind in (TITLE, SENTENCE, PROSE):
                if looks[index + 1].kind != PROSE or looks[index + 1].words <= 20:
                    fixed[index + 1] = ("related", _REASON["related_link"])
    return fixed


# A photo's description is rarely longer than this many words.
_CAPTION_WORDS = 60
# Small words a photo credit may hold ("Courtesy of X", "Photo by X for Y").
_CREDIT_SMALL = frozenset("of by via for and the at from".split())


# The words after a paragraph's last sentence, when they are not a sentence themselves.
_TAIL = re.compile(r"[.!?][\"'”’)]*\s+([^.!?]{1,60})$")
# Picture agencies whose name alone is a credit ("... the drug. Getty").
_AGENCIES = frozenset("getty ap afp reuters epa shutterstock alamy istock".split())


def _credit_tail(text: str) -> bool:
    """Whether a paragraph ends, after its last sentence, with a photo credit alone.

    Example:
        >>> _credit_tail("A man rides a donkey past the village on Tuesday. Jane Doe / AFP")
        True
        >>> _credit_tail("The agency said the photo was taken by AFP.")
        False
    """
    tail = _TAIL.search(text)
    if tail is None or not _bare_credit(tail.group(1)) or len(tail.group(1).split()) > _CREDIT_WORDS:
        return False
    low = tail.group(1).lower()
    return CREDIT.search(low) is not None or not _AGENCIES.isdisjoint(low.replace("/", " ").strip("()").split())


# A credit is a few names: "Photograph by Robyn Beck/AFP/Getty Images".
_CREDIT_WORDS = 6


def _bare_credit(text: str) -> bool:
    """Whether a caption line is a credit alone (a few names, no description): "Photo: Jane Doe/Getty Images".

    Example:
        >>> _bare_credit("Courtesy of Andrew Vaughan"), _bare_credit("A boy swims in the river (Photo: AP)")
        (True, False)
    """
    parts = text.split()
    return len(parts) <= 8 and all(not part[:1].islower() or part in _CREDIT_SMALL for part in parts)


def _embedded_posts(texts: list[str], looks: list[Look], roles: list[tuple[str, str]], start: int, end: int) -> None:
    """A post embedded in the article (its text, then "— Jane Doe (@janedoe) November 1, 2019") is quoted
    in it: body, though its signature looks like a dateline and its text may end in a link (changes ``roles``)."""
    # The post may close the article: its text and signature just below the last paragraph.
    for index in range(max(start, 1), min(end + 2, len(texts))):
        text = texts[index]
        if "(@" not in text or looks[index].words > _SIGNATURE_WORDS or not POST_SIGNATURE.search(text):
            continue
        roles[index] = ("body", _REASON["post"])
        if index > start and looks[index - 1].kind not in _NOT_A_POST:
            roles[index - 1] = ("body", _REASON["post"])


# A post's signature line is short; a heading or a comment control above it is not the post.
_SIGNATURE_WORDS = 15
_NOT_A_POST = frozenset({"related_header", "comment_header", "comment_ui", "label", "byline", "date"})
