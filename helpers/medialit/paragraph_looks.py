"""What one paragraph of a scraped page looks like on its own: the first step of the segmenter.

:func:`describe` gives a paragraph a *kind* before its neighbours are considered: prose (a
real sentence with the small words prose is full of), a sentence, a short title-like line,
a date, a byline, a caption, a menu item, a legal line, a comment heading... and a score for
how much it counts for (or against) being part of the article's run of paragraphs. The rule
tables it reads are in :mod:`medialit.page_rules`; :mod:`medialit.segmentation` turns the
kinds into roles. This module is internal: the kit's public API is ``segment()``.

Example:
    >>> describe("Leave a Reply").kind
    'comment_header'
    >>> describe("The mayor said the bridge will open next spring, after two years of repairs.").kind
    'prose'
"""

from __future__ import annotations

from dataclasses import dataclass

from .page_rules import (
    ALWAYS_FURNITURE,
    BIO,
    BOX_WORDS,
    BY_NAME,
    CJK,
    COMMENT_HEADER,
    COMMENT_UI,
    COMMENT_UI_LINE,
    COMMENT_UI_TRIGGERS,
    CREDIT,
    CREDIT_LINE,
    CREDIT_LINE_TRIGGERS,
    CREDIT_TRIGGERS,
    CUT_SHORT,
    DATE,
    DATED_START,
    DATE_WORDS,
    DIGIT,
    ENDS_SENTENCE,
    FIELD_LABEL,
    FURNITURE_TRIGGERS,
    GALLERY,
    GARBLED,
    IMPERATIVE,
    JOB,
    LINK_MARK,
    LIST_MARK,
    MENU_WORDS,
    MORE_HEADING,
    PIPE_CHARS,
    PIPE_MENU,
    RELATED_HEADER,
    RELATED_LABEL,
    RELATED_LINK,
    RELATED_LINK_FIRST,
    REPORTING,
    SOCIAL,
    STRONG_FURNITURE,
    TAG_LABEL,
    TO_READER,
    URL,
    WORD,
)
from .text import STOPWORDS



# Kinds: what a paragraph looks like on its own, before its neighbours are considered.
PROSE, SENTENCE, TITLE, SHORT = "prose", "sentence", "title", "short"


@dataclass
class Look:
    """What one paragraph looks like on its own (internal)."""

    __slots__ = ("kind", "words", "listed", "note", "score", "role")
    kind: str  # prose, sentence, title, short, or a furniture kind below
    words: int
    listed: bool  # starts with a number or bullet, like an item of a list
    note: str  # which furniture, for the reason shown to students
    score: float  # how much it counts for the article run (see prose_score)
    role: tuple[str, str] | None  # its role when its look alone decides it (memoised: menus repeat)


def phrase_is_furniture(n: int, ends: bool, words: list[str], bare: set[str], low: str) -> bool:
    """Whether a furniture phrase found in a paragraph makes the paragraph furniture.

    A short line, or a line that is not a finished sentence, is the site's own text.
    A long sentence is only site text when it speaks to the reader ("Sign up to our
    newsletter", "Contact us") and reports nobody: "Residents said the alert asked
    people to contact the council" is the story, not a contact box.
    """
    if n <= 12 or not ends or ALWAYS_FURNITURE.search(low[:600]):
        return True
    if not REPORTING.isdisjoint(bare):
        return False
    return (bool(words) and words[0] in IMPERATIVE) or not TO_READER.isdisjoint(bare)




def describe(text: str) -> Look:
    """Describe one paragraph without looking at its neighbours."""
    clean = LINK_MARK.sub("", text, count=1).strip() or text
    low = clean.lower()
    head = low[:400]
    lower = WORD.findall(low[:4000])
    # Past 4000 characters the exact count no longer matters: guess it from the length.
    n = len(lower) if len(clean) <= 4000 else len(lower) + (len(clean) - 4000) // 6
    plain = clean.isascii()
    # Chinese and Japanese put no spaces between words: count about two characters a word.
    if not plain and 8 * clean.count(" ", 0, 4000) < len(clean[:4000]):
        n += len(CJK.findall(clean[:4000])) // 2
    lower = lower[:300]
    bare = {w.strip(".'’") for w in lower}
    listed = bool(LIST_MARK.match(text))
    ends = bool(ENDS_SENTENCE.search(clean[-8:]))

    def look(kind: str, note: str = "") -> Look:
        return Look(kind, n, listed, note, 0.0, None)

    # UTF-8 read as Latin-1 ("Ã©" for "é", "Ð½" for "н") cannot be read as prose at all.
    if not plain and GARBLED.search(head) and 2 * len(GARBLED.findall(head)) >= 0.3 * sum(c.isalpha() for c in head) + 1:
        return look("furniture", GARBLED_NOTE)
    if n <= 30 and COMMENT_HEADER.search(head.strip(" :[]")):
        return look("comment_header")
    if n <= 6 and COMMENT_UI_LINE.fullmatch(head):
        return look("comment_ui")
    if n <= 40 and not COMMENT_UI_TRIGGERS.isdisjoint(bare) and COMMENT_UI.search(head) and phrase_is_furniture(n, ends, lower, bare, low):
        return look("comment_ui")
    if n <= 10 and RELATED_HEADER.match(head):
        return look("related_header")
    if n <= 30 and ((lower and lower[0] in RELATED_LINK_FIRST) or "opens in new window" in head) and RELATED_LINK.search(head):
        return look("related_link")
    if n <= 25 and CUT_SHORT.search(clean[-4:]):
        return look("related_link")
    if n <= 3 and RELATED_LABEL.match(head):
        return look("related_header")
    if n <= 4 and clean[:5] == "More " and MORE_HEADING.match(clean):
        return look("related_header", MORE_NOTE)
    if (
        n <= 80
        and ("©" in low or not FURNITURE_TRIGGERS.isdisjoint(bare))
        and STRONG_FURNITURE.search(low[:600])
        and phrase_is_furniture(n, ends, lower, bare, low)
    ):
        return look("furniture", furniture_note(clean))
    if n <= 12 and len(bare & SOCIAL) >= 2:
        return look("furniture", "a share or follow button")
    if n <= 6 and FIELD_LABEL.match(head):
        return look("label")
    if not ends and n <= 40 and TAG_LABEL.match(head):
        return look("tags")
    if GALLERY.match(head):
        return look("caption")
    if n <= 40 and not CREDIT_TRIGGERS.isdisjoint(bare) and CREDIT.search(low[-90:]):
        return look("caption")
    if (not ends or n <= 4) and n <= 25 and ("." in head or "http" in head) and URL.search(head):
        return look("furniture", "a web address or list of links")
    if n <= 40 and PIPE_CHARS.search(head) and PIPE_MENU.search(head):
        return look("furniture", "a menu of links")
    if not ends and 4 <= n <= 60 and head.count(",") >= 3 and n <= 3 * (head.count(",") + 1) and not DATED_START.match(head):
        return look("tags")
    if n <= 45 and ("is" in bare or "was" in bare) and BIO.match(head):
        return look("bio")
    if n <= 25 and not CREDIT_LINE_TRIGGERS.isdisjoint(bare) and CREDIT_LINE.search(head):
        return look("byline")
    if n <= 14 and clean[:2] in ("By", "BY", "by", "bY") and BY_NAME.match(clean) and not (ends and n > 8):
        return look("byline")
    if n <= 8 and not ends and JOB.search(head):
        return look("byline")
    # A weekday alone makes a short line a date ("Updated Monday"), not a headline ("... crest Sunday").
    if n <= 14 and (DIGIT.search(head) or (n <= 4 and not DATE_WORDS.isdisjoint(lower))) and DATE.search(head) and not (ends and n >= 5 and clean[-1] in ".!?"):
        return look("date")
    if n == 0:
        return look("short", "a number or symbol, not words")
    if n <= 6 and all(w in MENU_WORDS for w in lower) and not (ends and n > 2):
        return look("furniture", BUTTON_NOTE)
    if n <= 8 and not ends and not BOX_WORDS.isdisjoint(bare):
        return look("furniture", furniture_note(clean))
    if (n >= 8 and ends) or (n >= 20 and sum(w in STOPWORDS for w in lower) >= 0.2 * len(lower)):
        return look(PROSE)
    if ends and n >= 2 and not clean.endswith(":"):
        return look(SENTENCE)
    if ends and n >= 4:
        return look(SENTENCE)
    if n >= 3 and (n >= 4 or any(w.islower() for w in WORD.findall(clean))):
        return look(TITLE)
    return look(SHORT)


def content_words(text: str) -> set[str]:
    """The longer, meaningful words of a text, for comparing a headline with the article."""
    return {w.strip(".'’") for w in WORD.findall(text[:3000].lower()) if len(w) > 3 and w not in STOPWORDS}


COPYRIGHT_NOTE = "a copyright line from the footer"
LOGIN_NOTE = "log-in text"
BUTTON_NOTE = "a menu or button label"
MORE_NOTE = "a heading over more of the site's stories"
GARBLED_NOTE = "garbled text: the page was saved or read in the wrong character encoding"


def furniture_note(text: str) -> str:
    """Name the kind of site text, for the reason shown to students."""
    low = text.lower()
    if "cookie" in low:
        return "a cookie notice"
    if any(word in low for word in ("subscri", "newsletter", "inbox", "sign up", "signing up", "sign-up", "free article")):
        return "a subscription or newsletter offer"
    if any(word in low for word in ("log in", "logged in", "login", "sign in", "signed in", "account", "password", "regist", "refresh")):
        return LOGIN_NOTE
    if any(word in low for word in ("©", "rights reserved", "copyright", "powered by")):
        return COPYRIGHT_NOTE
    if any(word in low for word in ("privacy", "terms", "legal")):
        return "a legal line such as the privacy policy"
    if "advert" in low or "sponsored" in low or "commission" in low:
        return "an advert or sponsor notice"
    if "share" in low or "follow" in low:
        return "a share or follow button"
    return "site text that is on every page"


def prose_score(look: Look) -> float:
    """How much a paragraph counts for (positive) or against (negative) being in the article run."""
    kind = look.kind
    if kind == PROSE:
        return 0.5 + min(look.words, 60) / 6
    if kind == SENTENCE:
        return 0.4
    if kind == TITLE:
        return -2.0 if look.words >= 6 else -1.0
    if kind == SHORT:
        return -1.0
    if kind in ("comment_header", "related_header"):
        return -8.0
    if kind in ("date", "byline", "bio", "label"):
        return -2.5
    if kind in ("caption", "related_link"):
        return -2.0
    return -3.0
