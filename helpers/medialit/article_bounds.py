"""Step 2 of the segmenter: where the article is on a page (its run of paragraphs).

:mod:`medialit.segmentation` describes every paragraph (step 1, :mod:`medialit.paragraph_looks`),
asks :func:`find_article` for the article's bounds, then gives roles (step 3).

The article is found as the *run* of paragraphs with the most prose in it (Kadane's maximum-sum
run over prose scores): prose counts for the run, furniture counts against it, so a short line
between two body paragraphs stays inside the run while a footer does not. Prose that shares no
words with the prose around it counts less; the run is cut where it reaches text on another topic
(teasers, footers) and grown over boxes dropped into the article and over a list that goes on
after its prose. Comments never take part: a long thread must not win over the article above it.
A "Comments" heading only opens the comment section when it is not an item of a site menu and
reader comments (or the comment form) follow it (:func:`opens_comments`).

Example:
    >>> from medialit.paragraph_looks import describe, prose_score
    >>> texts = ["Home", "The mayor said the bridge will open next spring after two years of work.", "Privacy Policy"]
    >>> looks = [describe(text) for text in texts]
    >>> for look in looks:
    ...     look.score = prose_score(look)
    >>> find_article(texts, looks)
    (3, 1, 2)
"""

from __future__ import annotations

import re
from functools import lru_cache

from .paragraph_looks import BUTTON_NOTE, COPYRIGHT_NOTE, MORE_NOTE, PROSE, SENTENCE, SHORT, TITLE, Look, content_words
from .text import stem

__all__ = ["find_article", "in_menu", "opens_comments", "starts_menu"]


def find_article(texts: list[str], looks: list[Look]) -> tuple[int, int, int]:
    """Where the article is: (where the comments start, the run's start, the run's end).

    ``looks`` are the paragraphs' descriptions with their prose scores set; the run is
    ``texts[start:end]`` (empty when ``start == end``: no article prose on the page); the comment
    section starts at the first index given (``len(texts)`` when there is none).

    Example:
        >>> from medialit.paragraph_looks import describe, prose_score
        >>> looks = [describe(t) for t in ["Menu", "Leave a Reply"]]
        >>> for look in looks:
        ...     look.score = prose_score(look)
        >>> find_article(["Menu", "Leave a Reply"], looks)[1:]
        (0, 0)
    """
    comments_at = _comment_start(looks)
    start, end, limit = _article_run(looks, comments_at, _cohesion_scores(texts, looks), texts)
    if end > start:
        start, end, limit = _cohesive_part(texts, looks, start, end, limit)
        end = _extend_run(texts, looks, start, end, limit)
        end = _extend_list(texts, looks, start, end, limit)
    return comments_at, start, end


def _comment_start(looks: list[Look]) -> int:
    """Index of the comment-section heading, or len(looks) if there is none.

    A "Comments" link in a menu above the article is not the comment section,
    so the heading only counts once some article prose has gone before it:
    50 words, or two paragraphs of a short news item; and a "Comment" link in
    the site's menu at the foot of the page is not one either (:func:`in_menu`).
    """
    prose_words = prose_paragraphs = 0
    for index, look in enumerate(looks):
        if look.kind == "comment_header" and (prose_words >= 50 or prose_paragraphs >= 2) and not in_menu(looks, index):
            return index
        if look.kind == PROSE:
            prose_words += look.words
            prose_paragraphs += 1
    return len(looks)


def in_menu(looks: list[Look], index: int) -> bool:
    """Whether a paragraph is an item of a site menu: two menu items just above it and two just below.

    A news site's menu often has a section called "Comment" (its opinion pages), printed among the
    other sections as a list of short links; a heading that opens reader comments stands apart
    from such lists.

    Example:
        >>> from medialit.paragraph_looks import describe
        >>> menu = [describe(t) for t in ["* News", "* Sport", "* Comment", "* Travel", "* Weather"]]
        >>> in_menu(menu, 2)
        True
        >>> thread = [describe(t) for t in ["* News", "* Sport", "Comments", "Jim R.", "Reply"]]
        >>> in_menu(thread, 2)
        False
    """
    return (
        index >= _MENU_SIDE
        and index + _MENU_SIDE < len(looks)
        and all(_menu_item(looks[other]) for other in range(index - _MENU_SIDE, index))
        and all(_menu_item(looks[other]) for other in range(index + 1, index + 1 + _MENU_SIDE))
    )


def opens_comments(texts: list[str], looks: list[Look], index: int) -> bool:
    """Whether the comment heading at ``index`` opens a section of reader comments.

    Not when it is an item of a site menu (:func:`in_menu`), and only when something a comment
    section is made of follows it: a reader's comment (prose, or a short sentence in ordinary
    words: "Who would steal a post box?", not "© 2019 Example Media, Inc."), or a line of the
    comment form or thread ("Reply", "Name *", "Jim says:"; not "* Comment policy" in a list of
    links). Looked for in the next ``_COMMENT_REACH`` paragraphs, until a "Related" heading or a
    third menu item: a "Comments" button followed by the footer's links opens nothing.

    Example:
        >>> from medialit.paragraph_looks import describe
        >>> thread = ["Comments", "Jim R.", "The wall was promised years ago and never built.", "Reply"]
        >>> opens_comments(thread, [describe(t) for t in thread], 0)
        True
        >>> footer = ["Comments", "* About Us", "* Contact Us", "* Jobs", "* Cruises"]
        >>> opens_comments(footer, [describe(t) for t in footer], 0)
        False
    """
    if in_menu(looks, index):
        return False
    menu_items = 0
    for other in range(index + 1, min(index + 1 + _COMMENT_REACH, len(looks))):
        look = looks[other]
        if look.kind == PROSE or (look.kind == "comment_ui" and not look.listed):
            return True
        # A reader writes in ordinary words; a copyright line or a company's name is all capitals.
        if look.kind == SENTENCE and any(word.islower() for word in texts[other].split()):
            return True
        if look.kind == "related_header":
            return False
        menu_items += _menu_item(look)
        if menu_items >= _MENU_RUN:
            return False
    return False


def starts_menu(looks: list[Look], index: int) -> bool:
    """Whether a run of ``_MENU_RUN`` menu items starts at ``index``: the site's menu or footer.

    Reader comments end where the site's own lists of links begin, so a comment section that
    runs into the footer does not make the footer's links comments.

    Example:
        >>> from medialit.paragraph_looks import describe
        >>> lines = [describe(t) for t in ["Reply", "* About Us", "* Contact Us", "* Jobs"]]
        >>> starts_menu(lines, 0), starts_menu(lines, 1)
        (False, True)
    """
    return index + _MENU_RUN <= len(looks) and all(map(_menu_item, looks[index : index + _MENU_RUN]))


# A menu item is a list item or a button of at most _MENU_WORDS words that is not a sentence;
# a paragraph is in a menu with _MENU_SIDE menu items on each side of it. Reader comments
# follow their heading within _COMMENT_REACH paragraphs, before _MENU_RUN menu items.
_MENU_WORDS, _MENU_SIDE, _COMMENT_REACH, _MENU_RUN = 6, 2, 10, 3
# Kinds of short line that are never a menu's link: a sentence, a date.
_NOT_MENU = frozenset({PROSE, SENTENCE, "date"})


def _menu_item(look: Look) -> bool:
    """Whether a paragraph looks like one link of a menu: a short list item or button, not a sentence.

    A comment thread's own buttons ("Reply", "Report") are not list items; "* Comment policy" in a
    list of links is.
    """
    return look.words <= _MENU_WORDS and look.kind not in _NOT_MENU and (look.listed or look.note == BUTTON_NOTE)


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
