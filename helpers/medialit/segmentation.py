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
3. Every paragraph gets its role from what it is *and* where it is: before the
   run (headline, standfirst, byline, captions), inside it (body, with the odd
   related link or advert), or after it (related links, comments, footer).

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
    COPYRIGHT_NOTE,
    LOGIN_NOTE,
    MORE_NOTE,
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
    POST_SIGNATURE,
    RELATED_LABEL,
    VERBISH,
)
from .text import paragraphs, stem

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
# Step 2: the article run
# ---------------------------------------------------------------------------


def _comment_start(looks: list[Look]) -> int:
    """Index of the comment-section heading, or len(looks) if there is none.

    A "Comments" link in a menu above the article is not the comment section,
    so the heading only counts once some article prose has gone before it:
    50 words, or two paragraphs of a short news item.
    """
    prose_words = prose_paragraphs = 0
    for index, look in enumerate(looks):
        if look.kind == "comment_header" and (prose_words >= 50 or prose_paragraphs >= 2):
            return index
        if look.kind == PROSE:
            prose_words += look.words
            prose_paragraphs += 1
    return len(looks)


def _cohesion_scores(texts: list[str], looks: list[Look]) -> list[float]:
    """Each paragraph's prose score, with prose that shares no word with the prose near it discounted.

    An article's paragraphs share their topic words; a list of teasers for other stories,
    each a sentence of prose, does not, and must not outweigh a short article.
    """
    scores = [look.score for look in looks]
    prose = [index for index, look in enumerate(looks) if look.kind == PROSE]
    stems: dict[str, set[str]] = {}
    for index in prose:
        if texts[index] not in stems:
            stems[texts[index]] = _stems(texts[index])
    for place, index in enumerate(prose):
        own = stems[texts[index]]
        near = prose[max(0, place - _NEAR):place] + prose[place + 1:place + 1 + _NEAR]
        if near and not any(own & stems[texts[other]] for other in near if other - index <= _REACH and index - other <= _REACH):
            scores[index] *= _LONE_PROSE
    return scores


# Prose is compared with the _NEAR prose paragraphs on each side, at most _REACH paragraphs away;
# prose that shares no word with any of them counts this much.
_NEAR, _REACH, _LONE_PROSE = 3, 12, 0.6


def _article_run(
    looks: list[Look], comments_at: int, scores: list[float] | None = None, texts: list[str] | None = None
) -> tuple[int, int, int]:
    """The paragraphs [start, end) with the highest prose score (Kadane's maximum-sum run).

    Only paragraphs above the comment section take part: comments are prose
    too, and a long thread must not win over the article above it. An article comes
    before the links to other stories: when the best run lies below a "Related" heading
    and the page has a fair run of prose above that heading, the run above is the article
    (the prose at the foot of a page is a disclaimer or an "about us" box), and the article
    may not grow past that heading. Not when the prose below is on the same topic: that is
    the same article going on after a box of links. Returns start, end and how far the
    article may grow.
    """
    values = [look.score for look in looks] if scores is None else scores
    best, start, end = _best_run(values, 0, comments_at)
    heading = next((i for i in range(start) if looks[i].kind == "related_header"), -1)
    if heading > 0:
        above, above_start, above_end = _best_run(values, 0, heading)
        prose = sum(looks[i].kind == PROSE for i in range(above_start, above_end))
        if prose >= 2 and above >= _ABOVE_SHARE * best and texts is not None and _holds_together(
            texts, looks, (above_start, above_end)
        ) and not _same_topic(texts, looks, (above_start, above_end), (start, end)):
            return above_start, above_end, heading
    return start, end, comments_at


def _holds_together(texts: list[str], looks: list[Look], run: tuple[int, int]) -> bool:
    """Whether most prose paragraphs of a run share a word with another one (an article, not a list of teasers)."""
    prose = [_stems(texts[index]) for index in range(*run) if looks[index].kind == PROSE]
    linked = sum(any(own & other for other in prose if other is not own) for own in prose)
    return 2 * linked >= len(prose)


def _same_topic(texts: list[str], looks: list[Look], first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether most prose paragraphs of ``second`` share two or more words with the prose of ``first``."""
    topic: set[str] = set()
    for index in range(*first):
        if looks[index].kind == PROSE:
            topic |= _stems(texts[index])
    prose = [index for index in range(*second) if looks[index].kind == PROSE]
    return bool(prose) and 2 * sum(len(_stems(texts[index]) & topic) >= 2 for index in prose) >= len(prose)


# A run above the first "Related" heading wins when it scores at least this share of the best run below it.
_ABOVE_SHARE = 0.4


def _best_run(values: list[float], first: int, limit: int) -> tuple[float, int, int]:
    """Kadane's maximum-sum run of values[first:limit]: its sum, start and end (0, first, first if none)."""
    best, best_start, best_end = 0.0, first, first
    total, start = 0.0, first
    for index in range(first, limit):
        score = values[index]
        if total <= 0:
            total, start = score, index
        else:
            total += score
        if total > best:
            best, best_start, best_end = total, start, index + 1
    return best, best_start, best_end


# Stretches of prose this many furniture-like paragraphs apart may belong to different texts.
_GAP = 3


def _cohesive_part(texts: list[str], looks: list[Look], start: int, end: int, limit: int) -> tuple[int, int, int]:
    """Cut stretches off the ends of the run that are about something else than its main stretch.

    The maximum-sum run can bridge a menu to reach a list of teasers for other stories: each
    teaser is a sentence of prose, so a list of them scores like an article; or bridge a
    "Related" box to reach the prose at the foot of the page. An article's paragraphs share
    their topic words, teasers and footers do not. So the run is cut at gaps of furniture and
    at "Related" headings into stretches, the stretch with the most prose is the article's heart,
    and a stretch on either side stays only while most of its prose shares words with the heart.
    Returns the new start and end, and how far the article may grow (not back past a
    "Related" heading it was cut at).
    """
    stretches: list[tuple[int, int]] = []
    first = last = -1
    gap = 0
    headed = False  # a "Related" heading in the gap: what follows may be another text
    after_heading = [False]  # per stretch: whether a "Related" heading comes just before it
    after_more = [False]  # per stretch: whether a "More <section>" heading comes just before it
    more = False
    for index in range(start, end):
        if looks[index].kind in (PROSE, SENTENCE):
            if first < 0:
                first = index
            elif gap >= _GAP or headed:
                stretches.append((first, last + 1))
                after_heading.append(headed)
                after_more.append(more)
                first = index
            last, gap, headed, more = index, 0, False, False
        else:
            gap += 1
            headed = headed or looks[index].kind == "related_header"
            more = more or looks[index].note == MORE_NOTE
    stretches.append((first, last + 1))
    if len(stretches) == 1:
        return start, end, limit
    stems = {i: _stems(texts[i]) for a, b in stretches for i in range(a, b) if looks[i].kind == PROSE}

    def weight(stretch: tuple[int, int]) -> float:
        # Prose that shares no word with the rest of its stretch counts for little.
        prose = [i for i in range(*stretch) if i in stems]
        total = 0.0
        for i in prose:
            others = set().union(*(stems[j] for j in prose if j != i)) if len(prose) > 1 else stems[i]
            total += looks[i].score * (1.0 if stems[i] & others else 0.3)
        return total

    weights = [weight(stretch) for stretch in stretches]
    heart = max(range(len(stretches)), key=weights.__getitem__)
    # An article comes before the links to other stories: a fair stretch above the first
    # "Related" heading is the heart rather than the prose below it (see _article_run).
    first_heading = next((k for k in range(len(stretches)) if after_heading[k]), len(stretches))
    if heart >= first_heading > 0:
        above = max(range(first_heading), key=weights.__getitem__)
        if sum(i in stems for i in range(*stretches[above])) >= 2 and weights[above] >= _ABOVE_SHARE * weights[heart]:
            heart = above
    topic = set()
    for index in range(*stretches[heart]):
        if index in stems:
            topic |= stems[index]

    def coheres(stretch: tuple[int, int]) -> bool:
        prose = [i for i in range(*stretch) if i in stems]
        return not prose or 2 * sum(len(stems[i] & topic) >= 2 for i in prose) >= len(prose)

    low = heart
    while low > 0 and coheres(stretches[low - 1]):
        low -= 1
    high = heart
    while high + 1 < len(stretches) and not after_more[high + 1] and coheres(stretches[high + 1]):
        high += 1
    if high == len(stretches) - 1:
        return (start if low == 0 else stretches[low][0]), end, limit
    cut = stretches[high][1]
    if after_heading[high + 1]:
        # Cut at a "Related" heading: the article may not grow back past it.
        limit = next((i for i in range(cut, stretches[high + 1][0]) if looks[i].kind == "related_header"), limit)
    return (start if low == 0 else stretches[low][0]), cut, limit


# What may sit inside an article between two stretches of prose (adverts, share
# buttons, a sign-up box, a link to another story, a timestamp in a live blog);
# anything else (a byline, tags, a footer, comments) means the article has ended.
_INSERTABLE = frozenset({TITLE, SHORT, SENTENCE, "furniture", "caption", "related_link", "related_header", "date"})
_FULL_STOP = re.compile(r"[.!?][\"'”’)]*$")


def _extend_run(texts: list[str], looks: list[Look], start: int, end: int, limit: int) -> int:
    """Move the end of the run past boxes dropped into the article, when prose on the same topic follows.

    The maximum-sum run stops at a big box (a newsletter sign-up, "Related
    article"), so the end of an article after such a box would be lost.
    """
    topic: set[str] | None = None
    while end < limit:
        gap_end, titles, linked = end, 0, False
        while gap_end < limit and gap_end - end <= 8 and not _resumes(looks[gap_end], texts[gap_end]):
            look = looks[gap_end]
            # The site's copyright line and its "More <section>" heading end the article for good.
            if look.kind not in _INSERTABLE or look.note in (COPYRIGHT_NOTE, MORE_NOTE):
                return end
            titles += look.kind == TITLE
            linked = linked or look.kind in ("related_link", "related_header")
            gap_end += 1
        if gap_end >= limit or gap_end - end > 8 or titles > 2:
            return end
        stretch_end = gap_end
        while stretch_end < limit and looks[stretch_end].kind in (PROSE, SENTENCE):
            stretch_end += 1
        if not any(_FULL_STOP.search(texts[index]) for index in range(gap_end, stretch_end)):
            return end
        # A headline followed by a teaser, twice over, is a list of other stories.
        if (
            stretch_end + 1 < limit
            and looks[stretch_end].kind == TITLE
            and looks[stretch_end + 1].kind == PROSE
        ):
            return end
        if titles or linked:
            if topic is None:
                topic = set()
                for index in range(max(0, start - 8), end):
                    if looks[index].kind in (PROSE, TITLE, "caption"):
                        topic |= _stems(texts[index])
            if not any(_stems(texts[index]) & topic for index in range(gap_end, stretch_end)):
                return end
        end = stretch_end
    return end


# Paragraph kinds that end an article for good: what comes after them is not the article's list.
_HARD_STOPS = frozenset({"related_header", "comment_header", "comment_ui", "bio", "label", "date", "byline"})


def _extend_list(texts: list[str], looks: list[Look], start: int, end: int, limit: int) -> int:
    """Move the end of the run over a list that goes on after the article's prose (a recipe, a plan, steps).

    The maximum-sum run stops where the prose stops, but some articles go on as a long list
    of short lines. Such a list is taken into the article when it runs without page furniture
    up to a clear end (a "Related" or comments heading, or site text), its lines are not
    repeated elsewhere on the page (menus are), and most of them share words with the article.
    """
    index, furniture, kept = end, 0, end
    while index < limit:
        kind = looks[index].kind
        if kind in _HARD_STOPS:
            break
        if kind in ("furniture", "related_link", "tags"):
            furniture += 1
            if furniture >= 2:
                break
        else:
            furniture = 0
            kept = index + 1
        index += 1
    if kept - end < _LIST_MIN or (index >= limit and limit == len(looks) and kept == index):
        return end
    items = range(end, kept)
    # Menus are printed in two places on a page; a plan or recipe may repeat lines within itself.
    elsewhere = {texts[i] for i in range(len(texts)) if not end <= i < kept}
    if sum(texts[i] in elsewhere for i in items) > 0.5 * len(items):
        return end
    topic: set[str] = set()
    for i in range(start, end):
        if looks[i].kind == PROSE:
            topic |= _stems(texts[i])
    sharing = sum(bool(_stems(texts[i]) & topic) for i in items)
    return kept if sharing >= _LIST_SHARE * len(items) else end


# A list after the article has at least _LIST_MIN lines, and this share of them share a word with it.
_LIST_MIN, _LIST_SHARE = 4, 0.7


def _resumes(look: Look, text: str) -> bool:
    """Whether a paragraph after a box can be the article going on: prose, or a short
    sentence ending in a full stop ("The protest was the largest since 2019.")."""
    return look.kind == PROSE or (look.kind == SENTENCE and look.words >= 3 and _FULL_STOP_ONLY.search(text) is not None)


_FULL_STOP_ONLY = re.compile(r"\.[\"'”’)]*$")


def _stems(text: str) -> set[str]:
    """Content words by their stem (medialit.text.stem), so "rains" matches "rain"."""
    return {_stem(word) for word in content_words(text)}


# Pages repeat their words: each distinct word is stemmed once.
_stem = lru_cache(maxsize=1 << 16)(stem)


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
    "comment": "A reader's comment, written after the comment heading.",
    "comment_listed": "A numbered or bulleted paragraph after a comment heading: a reader's comment.",
    "comment_ui": "Part of the comment form or the comment buttons, not a comment.",
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
    comments_at = _comment_start(looks)
    start, end, limit = _article_run(looks, comments_at, _cohesion_scores(texts, looks), texts)
    has_run = end > start
    if has_run:
        start, end, limit = _cohesive_part(texts, looks, start, end, limit)
        end = _extend_run(texts, looks, start, end, limit)
        end = _extend_list(texts, looks, start, end, limit)
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
    roles: list[tuple[str, str]] = []
    for index, look in enumerate(looks):
        kind = look.kind
        inside = has_run and start <= index < end
        if inside and kind != PROSE:
            if kind in ("related_header", "related_link"):
                in_box = True
        elif inside:
            in_box = False
        if look.role is not None and zone != "comments":
            # Its look alone decides its role (a menu line, a copyright line...).
            roles.append(look.role)
        elif index == headline:
            roles.append(("headline", _REASON["headline" if body_words else "headline_alone"]))
        elif inside:
            roles.append(_role_inside(look, looks, index, in_box, headed, index > last_prose, texts[index]))
        elif index < start or not has_run:
            roles.append(_role_before(texts, looks, index, headline, start, has_run))
        else:
            roles.append(_role_after(look, zone, texts[index]))
        if has_run and index >= end:
            if kind == "comment_header" and index >= comments_at:
                zone = "comments"
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
        block.__dict__.update(
            text=paragraph.text, role=role, line=paragraph.first_line, reason=reason, start=paragraph.start, end=paragraph.end
        )
        add(block)
    return blocks


_new = object.__new__


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


def _role_after(look: Look, zone: str, text: str) -> tuple[str, str]:
    """Role of a paragraph below the article run."""
    if look.kind == "comment_header":
        return "comment_ui", _REASON["comment_header"]
    if zone == "comments":
        if look.kind == SENTENCE and look.words <= 3 and all(w[:1].isupper() for w in text.split()):
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
                if looks[before].kind != TITLE or fixed[before][0] != "body":
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
        if looks[index - 1].kind not in _NOT_A_POST:
            roles[index - 1] = ("body", _REASON["post"])


# A post's signature line is short; a heading or a comment control above it is not the post.
_SIGNATURE_WORDS = 15
_NOT_A_POST = frozenset({"related_header", "comment_header", "comment_ui", "label", "byline", "date"})
