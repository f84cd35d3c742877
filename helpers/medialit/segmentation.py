"""Split a scraped news page into paragraphs and say what each one is.

A scraped page is the article plus everything around it: menus, captions,
related links, sign-up boxes and reader comments. :func:`segment` gives every
paragraph a *role* and a *reason* a student can read.

How it works, in three steps:

1. Each paragraph is described on its own: is it prose (a real sentence with
   the small words "the", "of", "and" that prose is full of), a short
   headline-like line, a date, a name, a photo credit, a menu item, a legal
   line, a comment heading...?
2. The article is found as the *run* of paragraphs with the most prose in it:
   prose counts for the run, furniture counts against it, so a short line
   between two body paragraphs stays inside the run while a footer does not.
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
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

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

ANSWER_KEY_FILE = "answer_key.json"


@dataclass(frozen=True)
class Block:
    """One paragraph of a page and what it is.

    ``line`` is the 1-based line of the page where the paragraph starts;
    ``reason`` is one sentence a student can read.

    Example:
        >>> Block("Leave a Reply", "comment_ui", 40, "A comment form heading.").group
        'other'
    """

    text: str
    role: str
    line: int
    reason: str

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


@dataclass(frozen=True)
class KeyEntry:
    """One paragraph of a report as a person labelled it in the answer key.

    Example:
        >>> KeyEntry(1, "headline", "The title at the top of the page.").role
        'headline'
    """

    line: int
    role: str
    why: str


# ---------------------------------------------------------------------------
# Paragraphs
# ---------------------------------------------------------------------------

# A line ending in one of these is finished, so the next line is a new paragraph.
_CLOSERS = frozenset(".!?:;\"'”’)]")
# A hard wrap usually falls after one of these small words, so a line ending in
# one of them is unfinished even when the next line starts with a capital.
_OPEN_WORDS = frozenset(
    "a an the of in on at to for and or but by with from that as is was were are his her their its".split()
)
_LAST_WORD = re.compile(r"\w+$")


def split_paragraphs(text: str) -> list[Paragraph]:
    """Split plain text into paragraphs.

    Scrapes put one paragraph on a line, so each non-blank line is a paragraph,
    except that a line hard-wrapped by the scraper is joined to the next: a long
    line (50+ characters) without closing punctuation, followed by a line that
    starts in lower case, or ending in a comma or a small word like "the".

    Example:
        >>> [p.line for p in split_paragraphs("Title\\n\\nFirst line.\\nSecond line.")]
        [1, 3, 4]
    """
    texts, lines = _split(text)
    return [Paragraph(paragraph, line) for paragraph, line in zip(texts, lines)]


def _split(text: str) -> tuple[list[str], list[int]]:
    """The paragraphs' texts and first line numbers, as two lists (what split_paragraphs wraps)."""
    texts: list[str] = []
    starts: list[int] = []
    pieces: list[str] | None = None  # the lines of a hard-wrapped paragraph, joined when it ends
    previous = ""  # the line before, if it was not blank
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        line = line.strip()
        if not line:
            previous = ""
            continue
        # Most lines are short or finished: only a long open line can be wrapped.
        if len(previous) >= 50 and _continues(previous, line):
            if pieces is None:
                pieces = [texts[-1]]
            pieces.append(line)
        else:
            if pieces is not None:
                texts[-1] = " ".join(pieces)
                pieces = None
            texts.append(line)
            starts.append(number)
        previous = line
    if pieces is not None:
        texts[-1] = " ".join(pieces)
    return texts, starts


def _continues(previous: str, line: str) -> bool:
    """True when ``line`` looks like the wrapped rest of ``previous``."""
    if len(previous) < 50 or previous[-1] in _CLOSERS:
        return False
    if line[:1].islower() or previous.endswith(","):
        return True
    last = _LAST_WORD.search(previous[-12:])
    return last is not None and last.group().lower() in _OPEN_WORDS


# ---------------------------------------------------------------------------
# Step 1: what each paragraph looks like on its own
# ---------------------------------------------------------------------------

_STOPWORDS = frozenset(
    """a about after all also an and any are as at be because been but by can could did do does
    for from had has have he her his how i if in into is it its just more most my no not of on
    one only or other our out over said says she so some than that the their them then there
    these they this to up was we were what when where which while who will with would you your
    has have had being been very""".split()
)
_VERBISH = frozenset(
    """is are was were be been being has have had will would can could may might must should shall
    says said say tells told warns warned threatens threatened wins won rejects rejected""".split()
)
# The patterns below are written in lower case and matched against lower-cased
# text: re.IGNORECASE makes these long alternations about four times slower.
_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
_LINK_MARK = re.compile(r"^(\[\d+\]|\*+|::|[>»•·▪●◦‣–—-])\s*")
_LIST_MARK = re.compile(r"^(\d{1,3}[.)]|[•·▪●◦‣*–—-])\s+")
_ENDS_SENTENCE = re.compile(r"([.!?…:;]|[.!?,]['\"”’)\]]+|['\"”’]|\.\))$")

def _either(phrases: tuple[str, ...], before: str = "", after: str = "") -> re.Pattern[str]:
    """One pattern matching any of ``phrases``; kept as a tuple so a test can check each one is used."""
    return re.compile(before + "(?:" + "|".join(phrases) + ")" + after)


#: Headings that open a comment section (the whole line).
_COMMENT_HEADER_PHRASES: tuple[str, ...] = (
    r"^(\d[\d,]*\s+|view\s+|show\s+|read\s+|see\s+(all\s+)?|reader\s+|all\s+)?(comments?|responses?|replies|reactions?|discussion)"
    r"(\s*\(?\d[\d,]*\)?)?:?$",
    r"^\d[\d,]*\s+(thoughts?|responses?|replies|comments?)\s+(on|to)\b",
    r"^(add|post|write|leave|submit)\s+(a\s+|new\s+|your\s+)?(comment|reply|response)\b",
    r"^leave a reply",
    # "Join the conversation", "Join the debate", "Join our commenting forum"
    r"^join (the|our|in the) ([\w-]+ )?(conversation|discussion|debate|forum)(\s*\(?\d[\d,]*\)?)?:?$",
    r"^have your say\b",
    r"^comments (are|have been) (closed|disabled)",
    r"^what do you think\??$",
)
_COMMENT_HEADER = _either(_COMMENT_HEADER_PHRASES)
#: Buttons and labels of a comment thread: whole short lines...
_COMMENT_UI_LINE_PHRASES: tuple[str, ...] = (
    r"reply|replies|permalink|report|flag|like|likes|dislike|upvote|downvote|quote|cancel reply",
    r"newest|oldest|best|top|sort by.*|show (oldest|newest) first|load more comments|show more comments",
    r"view more comments|more comments|click to rate|log in to (reply|comment)|sign in to comment",
    r"comment \*?|name \*?|e-?mail \*?|website|your name|post comment|submit( comment)?|preview|save|δ",
    r"plain text|notify me of .*|about text formats|captcha|\d+ (points?|likes?|replies)",
    r"(\S+\s){0,4}(says|said|wrote|replied):",
)
_COMMENT_UI_LINE = _either(_COMMENT_UI_LINE_PHRASES)
#: ...and phrases of comment forms and the boxes around them, anywhere in a paragraph.
_COMMENT_UI_PHRASES: tuple[str, ...] = (
    r"your email address will not be published",
    r"required fields are marked",
    r"save my name, email",
    r"akismet",
    r"comment data is processed",
    r"lines and paragraphs break automatically",
    r"no html tags allowed",
    r"web page addresses and email addresses",
    r"testing whether or not you are a human",
    # house rules: "Read our comment policy", "community guidelines"
    r"comment(ing)? (policy|policies|guidelines|rules|standards)",
    r"community (guidelines|standards|rules)",
    # "Commenting is closed", "Join our commenting forum", "closed for commenting"
    r"commenting (is|has|was|will|forum|platform|system|on this (article|story) (is|has))",
    r"(closed|open|disabled|turned off) for commenting",
    r"thoughtful conversations",
    # the sales text of a comment box: "join ... conversations ... see their replies"
    r"join [\w-]+ (conversations|discussions|debates)",
    r"see (their|the) replies",
    # log-in prompts of a comment form
    r"(logged|signed) in to (post|leave|add|write|join)",
    r"(log|sign) in to (post|leave|add|write|join)( a| the)? (comment|reply|conversation|discussion)",
    r"comments? (expressed|are the views)",
    r"share what you think",
)
_COMMENT_UI = _either(_COMMENT_UI_PHRASES, r"\b")
_RELATED_HEADER = re.compile(
    r"^(related( (posts?|articles?|stories|content|coverage|reading|links|topics|news|video)( from .*)?)?|"
    r"more (from|on|in|about|stories|news|like this|galleries|interviews|in this section)\b.*|"
    r"most (popular|read|viewed|watched|shared|commented|recent)( .*)?|recommended( for you| stories)?|"
    r"you (may|might) (also )?(like|enjoy|be interested in)|read next|up next|what to read next|"
    r"top stories|latest( news| stories)?|latest in .*|trending( now| stories)?|editor'?s picks|"
    r"also on .*|keep reading|further reading|see also|don'?t miss|popular( now)?|features|"
    r"in case you missed it|around the web|from our partners|sponsored stories|paid content|"
    r"next gallery|explore more topics|must read|just in|breaking news)[:.]?$",
)
_RELATED_LINK = re.compile(
    r"^(read more|read also|also read|related|see also|more|related article|recommended|watch|listen|"
    r"click here|don'?t miss|must read|read next|top story|explainer|analysis|opinion|live)\s*[:|\-–—»>]\s*\S"
    r"|^list \d+ of \d+$|^list of \d+ items$|^end of list$|\(opens in new window\)",
)
_RELATED_LABEL = re.compile(
    r"^(read more|read also|also read|related|related article|see also|more|read next)\s*[:|]?$"
)
#: Phrases of site text (legal lines, sign-up boxes, log-in prompts, share buttons).
#: In a long sentence of reporting they are the story, not furniture: see _phrase_is_furniture.
_FURNITURE_PHRASES: tuple[str, ...] = (
    r"by continuing to (use|browse)",
    r"c\) ?\d{4}",
    r"\bcopyright\b.{0,40}\d{4}",
    r"\d{4}.{0,40}\bcopyright\b",
    r"powered by\b",
    # WordPress's "likes" widget: "Like this:", "3 bloggers like this."
    r"bloggers like this",
    r"already a subscriber",
    r"subscribe to continue",
    r"subscribe (now|today|for \$?\d)",
    r"free articles?\b",
    r"to continue reading",
    r"unlimited access",
    r"by signing up",
    r"by submitting your email",
    r"recaptcha",
    r"earn (a )?commission",
    r"affiliate (link|commission)",
    r"do not sell my",
    r"has not been edited by",
    r"syndicated feed",
    r"appears in (the )?print",
    r"print edition",
    r"order reprints",
    r"licensing rights",
    r"trust principles",
    r"was this page helpful",
    r"this article is more than \d+",
    r"(enable|turn on) javascript",
    r"javascript (is )?(disabled|required)",
    r"ad ?blocker",
    r"(to|in) your inbox",
    r"sign up (for|to) (our|the)\b",
    r"subscribe to (our|the)\b.{0,30}newsletter",
    r"(daily|weekly|free) newsletter",
    r"newsletters? may contain",
    # a sign-up form: "Enter your email address", "Thanks for subscribing!"
    r"enter (your|an|a valid) e-?mail",
    r"thanks? (you )?for (registering|signing up|subscribing)",
    r"privacy (policy|notice|statement)",
    r"terms (of (use|service)|(and|&) conditions)",
    r"is a member of the press council",
    r"not responsible for the content of external",
    r"content may be edited",
    r"materials provided by",
    r"click to share",
    r"opens in (a )?new (window|tab)",
    r"listen to (this|audio) ",
    r"link copied",
    r"scroll to continue",
    r"skip to (main )?(content|navigation)",
    r"back to (top|homepage)",
    r"download (the|our) app",
    r"follow us (on|at) (facebook|twitter|x|instagram|linkedin|youtube|tiktok|threads|bluesky|whatsapp|telegram)\b",
    r"follow us\b\W*$",
    r"share (this|on|or comment)",
    r"reuse this content",
    r"if you buy something",
    r"we may earn",
    r"advertisement",
    r"sponsored content",
    r"paid content",
    r"don'?t have an account",
    r"create (a free |an )?account",
    r"forgot (your )?password",
    r"you('ve| have) read \d+",
    r"log ?in to (read|continue)",
    r"sign in to (read|continue)",
    # "Please refresh the page", "refresh your browser to be logged in"
    r"refresh (the|this|your) (page|browser)",
    r"gift \d+ articles",
    r"subscribe to gift",
    r"unsubscribe",
    r"use your sign-up",
    r"share (full )?article",
    r"contact (us|the)\b",
    r"e-?mail us\b",
    r"(got|have) a (story|news tip|tip)\b",
    r"please try again",
    r"accessibility (help|statement)",
)
#: Phrases that are site text even inside a long sentence: cookie banners and copyright lines.
_ALWAYS_FURNITURE_PHRASES: tuple[str, ...] = (
    r"we (and our partners )?use cookies",
    r"(site|website) uses cookies",
    r"use of cookies",
    r"cookies? (policy|settings|notice|preferences)",
    r"all rights reserved",
)
_STRONG_FURNITURE = _either(_ALWAYS_FURNITURE_PHRASES + _FURNITURE_PHRASES, r"\b")
_ALWAYS_FURNITURE = _either(_ALWAYS_FURNITURE_PHRASES, r"\b")
# A long sentence of reporting ("..., the mayor said") is prose even when it holds a phrase
# like "contact the council" or "advertisement"; site text speaks to the reader instead.
_REPORTING = frozenset("said says told tells according added asked declined warned".split())
_TO_READER = frozenset("you your yours we our us".split())
_IMPERATIVE = frozenset(
    """subscribe sign log click tap download follow share join register enter get read listen watch
    contact email e-mail support donate become start try""".split()
)
# Social networks: two of them on a short line are a row of share buttons.
_SOCIAL = frozenset("facebook twitter x whatsapp linkedin pinterest reddit telegram instagram tiktok email e-mail messenger bluesky threads flipboard".split())
_MENU_WORDS = frozenset(
    """home news sport sports weather menu search more close open next previous back top share shares tweet
    email e-mail print save bookmark copy link facebook twitter x instagram linkedin whatsapp youtube tiktok
    pinterest reddit telegram rss subscribe subscribed subscription newsletter newsletters sign in up log login
    logout register account my your profile donate contribute support jobs careers classifieds obituaries
    puzzles crosswords games horoscopes lottery video videos audio podcasts podcast listen watch live tv radio
    about us contact advertise advertising privacy cookies cookie terms conditions accessibility help faq
    sitemap site map index feedback edition paper e-paper epaper today's shop deals coupons store app apps
    skip content navigation main world politics business opinion culture lifestyle travel health science tech
    technology entertainment arts books film music food style money markets economy local national
    international uk us europe asia africa americas australia middle east india china explainer explainers
    analysis features magazine photos gallery galleries sections section topics all less show hide
    advertisement sponsored ad ads choices settings preferences manage accept reject agree continue
    reviews how-to how to newsroom press releases media contacts breaking trending latest popular
    copyright legal policy notice yes no read full story the a and of for & -""".split()
)
# Words that make a short line a button or box title ("Get the TechBrief newsletter").
_BOX_WORDS = frozenset("newsletter newsletters subscribe subscription login log-in sign-up cookies advertisement".split())
_PIPE_MENU = re.compile(r"(\s[|·•/»>]\s.*){2,}|^(home|news)\s*[»>/|]")
# Every phrase of _STRONG_FURNITURE contains one of these words: lines without any skip it.
_FURNITURE_TRIGGERS = frozenset(
    """cookies cookie continuing reserved c copyright powered bloggers subscriber subscribe article articles
    reading unlimited signing submitting recaptcha commission affiliate sell edited syndicated print reprints
    licensing principles helpful javascript blocker adblocker inbox sign newsletter newsletters privacy terms
    council external materials click opens listen copied scroll skip back download follow share reuse buy
    earn advertisement sponsored paid account password read gift log login contact accessibility unsubscribe
    sign-up enter thank thanks refresh email e-mail got story tip please""".split()
)
# Credit lines that say who wrote or reported, even as a full sentence.
_CREDIT_LINE = re.compile(
    r"^[(\[]?(words|story|written|posted|published|reporting|additional reporting|report|interview|text|edited|editing|"
    r"compiled|submitted|photos?|photographs?|pictures?|video|illustrations?) by\b|^authors?:|"
    r"^posted (on|in) .{0,40}\bby\b|\bcontributed (reporting )?(to )?(this|the) (report|story|article)\b|"
    r"^(staff|wire|news) (report|reporter|writer)s?$|local democracy reporting"
)
# "By" and a capitalised name ("By Sarah Jones"), but not "By Thursday, the ..." or "By the time ...".
_BY_NAME = re.compile(
    r"^[Bb][Yy]:?\s+(?!(?i:the|this|that|then|now|a|an|early|late|mid|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)\b)"
    r"[A-Z][\w.'’-]*"
)
# A job title in a short line under the headline ("Political Editor").
_JOB = re.compile(r"\b(correspondent|reporter|columnist|staff writer|editor|contributor|journalist)s?\b")
_BIO = re.compile(
    r"^([\w.'’-]+\s){1,4}(is|was)\s+(a|an|the|our)\s.{0,80}\b(writer|reporter|correspondent|editor|journalist|"
    r"columnist|contributor|author|veterinarian|freelance)",
)
_MONTH = (
    r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t|tember)?|oct(ober)?|"
    r"nov(ember)?|dec(ember)?)"
)
_DATE = re.compile(
    r"\b(?:\b" + _MONTH + r"\.?\s+\d{1,2}\b|\b\d{1,2}(st|nd|rd|th)?\s+" + _MONTH + r"\b|\b" + _MONTH + r"\.?,?\s+\d{4}\b|"
    r"\b(mon|tue|wed|thu|fri|sat|sun)(day|sday|nesday|rsday|urday)?\b|\b\d{1,2}[:.]\d{2}\s*(am|pm|a\.m\.|p\.m\.)?|"
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b(\d+|an?|one)\s+(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago\b|"
    r"^(published|updated|posted|last (updated|modified)|first published|date)\b|\b\d+\s+min(ute)?s?\s+read\b)",
)
_DIGIT = re.compile(r"\d")
# A date needs a digit or one of these words, so most lines can skip the slow _DATE pattern.
_DATE_WORDS = frozenset(
    """january february march april may june july august september october november december jan feb mar apr
    jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed
    thu thur thurs fri sat sun published updated posted last first date ago""".split()
)
_CREDIT = re.compile(
    r"\b(?:getty images|ap photo|afp\b|reuters/|/reuters|shutterstock|alamy|istock|\bepa\b|pa media|"
    r"pa wire|file photo|photograph:|photograph by|photo:|photos:|picture:|image:|credit:|credit\.\.\.|"
    r"photo by\b|picture by\b|image caption|image copyright|image source|file:|file\)|"
    r"photo credit|courtesy of\b|pictured\b|(left|right|centre|center)\))",
)
_FIELD_LABEL = re.compile(
    r"^(summary|source|story source|date|published|updated|posted|author|by|tags|topics|categories|category|"
    r"filed under|location|credit|photo|image|image caption|reference|journal reference|notes to editors|"
    r"disclaimer|about the author|cite this page)\s*[:,]?$",
)
_TAG_LABEL = re.compile(
    r"^(tags?|topics?|related topics|categories|category|filed under|read more on|explore more on these topics|"
    r"more on|keywords|trending topics|see all topics)\b\s*:?",
)
_URL = re.compile(r"https?://|www\.|\.(com|org|net|co\.uk)\b")

# Kinds: what a paragraph looks like on its own, before its neighbours are considered.
PROSE, SENTENCE, TITLE, SHORT = "prose", "sentence", "title", "short"


@dataclass
class _Look:
    """What one paragraph looks like on its own (internal)."""

    __slots__ = ("kind", "words", "listed", "note", "score", "role")
    kind: str  # prose, sentence, title, short, or a furniture kind below
    words: int
    listed: bool  # starts with a number or bullet, like an item of a list
    note: str  # which furniture, for the reason shown to students
    score: float  # how much it counts for the article run (see _prose_score)
    role: tuple[str, str] | None  # its role when its look alone decides it (memoised: menus repeat)


def _phrase_is_furniture(n: int, ends: bool, words: list[str], bare: set[str], low: str) -> bool:
    """Whether a furniture phrase found in a paragraph makes the paragraph furniture.

    A short line, or a line that is not a finished sentence, is the site's own text.
    A long sentence is only site text when it speaks to the reader ("Sign up to our
    newsletter", "Contact us") and reports nobody: "Residents said the alert asked
    people to contact the council" is the story, not a contact box.
    """
    if n <= 12 or not ends or _ALWAYS_FURNITURE.search(low[:600]):
        return True
    if not _REPORTING.isdisjoint(bare):
        return False
    return (bool(words) and words[0] in _IMPERATIVE) or not _TO_READER.isdisjoint(bare)


_CREDIT_TRIGGERS = frozenset(
    """getty ap afp reuters shutterstock alamy istock epa pa file photograph photo photos picture image credit
    courtesy pictured left right centre center""".split()
)
# Words one of which every phrase of a pattern contains: a line with none of them skips the pattern.
_COMMENT_UI_TRIGGERS = frozenset(
    """email required save akismet comment comments commenting lines html web testing community thoughtful
    join see logged signed log sign share""".split()
)
_CREDIT_LINE_TRIGGERS = frozenset("by author authors posted contributed staff wire news democracy".split())
# First words of a "Read more: ..." link (see _RELATED_LINK).
_RELATED_LINK_FIRST = frozenset(
    """read also related see more recommended watch listen click don't dont don’t must top explainer analysis
    opinion live list end""".split()
)
_PIPE_CHARS = re.compile(r"[|·•/»>]")


def _look(text: str) -> _Look:
    """Describe one paragraph without looking at its neighbours."""
    clean = _LINK_MARK.sub("", text, count=1).strip() or text
    low = clean.lower()
    head = low[:400]
    lower = _WORD.findall(low[:4000])
    # Past 4000 characters the exact count no longer matters: guess it from the length.
    n = len(lower) if len(clean) <= 4000 else len(lower) + (len(clean) - 4000) // 6
    lower = lower[:300]
    bare = {w.strip(".'’") for w in lower}
    listed = bool(_LIST_MARK.match(text))
    ends = bool(_ENDS_SENTENCE.search(clean[-8:]))

    def look(kind: str, note: str = "") -> _Look:
        return _Look(kind, n, listed, note, 0.0, None)

    if n <= 12 and _COMMENT_HEADER.search(head.strip(" :")):
        return look("comment_header")
    if n <= 6 and _COMMENT_UI_LINE.fullmatch(head):
        return look("comment_ui")
    if n <= 40 and not _COMMENT_UI_TRIGGERS.isdisjoint(bare) and _COMMENT_UI.search(head) and _phrase_is_furniture(n, ends, lower, bare, low):
        return look("comment_ui")
    if n <= 10 and _RELATED_HEADER.match(head):
        return look("related_header")
    if n <= 30 and ((lower and lower[0] in _RELATED_LINK_FIRST) or "opens in new window" in head) and _RELATED_LINK.search(head):
        return look("related_link")
    if n <= 3 and _RELATED_LABEL.match(head):
        return look("related_header")
    if (
        n <= 80
        and ("©" in low or not _FURNITURE_TRIGGERS.isdisjoint(bare))
        and _STRONG_FURNITURE.search(low[:600])
        and _phrase_is_furniture(n, ends, lower, bare, low)
    ):
        return look("furniture", _furniture_note(clean))
    if n <= 12 and len(bare & _SOCIAL) >= 2:
        return look("furniture", "a share or follow button")
    if n <= 6 and _FIELD_LABEL.match(head):
        return look("label")
    if not ends and n <= 40 and _TAG_LABEL.match(head):
        return look("tags")
    if n <= 40 and not _CREDIT_TRIGGERS.isdisjoint(bare) and _CREDIT.search(low[-90:]):
        return look("caption")
    if (not ends or n <= 4) and n <= 25 and ("." in head or "http" in head) and _URL.search(head):
        return look("furniture", "a web address or list of links")
    if n <= 40 and _PIPE_CHARS.search(head) and _PIPE_MENU.search(head):
        return look("furniture", "a menu of links")
    if not ends and 4 <= n <= 60 and head.count(",") >= 3 and n <= 3 * (head.count(",") + 1):
        return look("tags")
    if n <= 45 and ("is" in bare or "was" in bare) and _BIO.match(head):
        return look("bio")
    if n <= 25 and not _CREDIT_LINE_TRIGGERS.isdisjoint(bare) and _CREDIT_LINE.search(head):
        return look("byline")
    if n <= 14 and clean[:2] in ("By", "BY", "by", "bY") and _BY_NAME.match(clean) and not (ends and n > 8):
        return look("byline")
    if n <= 8 and not ends and _JOB.search(head):
        return look("byline")
    # A weekday alone makes a short line a date ("Updated Monday"), not a headline ("... crest Sunday").
    if n <= 14 and (_DIGIT.search(head) or (n <= 4 and not _DATE_WORDS.isdisjoint(lower))) and _DATE.search(head) and not (ends and n >= 5 and clean[-1] in ".!?"):
        return look("date")
    if n == 0:
        return look("short", "a number or symbol, not words")
    if n <= 6 and all(w in _MENU_WORDS for w in lower) and not (ends and n > 2):
        return look("furniture", _BUTTON_NOTE)
    if n <= 8 and not ends and not _BOX_WORDS.isdisjoint(bare):
        return look("furniture", _furniture_note(clean))
    if (n >= 8 and ends) or (n >= 20 and sum(w in _STOPWORDS for w in lower) >= 0.2 * len(lower)):
        return look(PROSE)
    if ends and n >= 2 and not clean.endswith(":"):
        return look(SENTENCE)
    if ends and n >= 4:
        return look(SENTENCE)
    if n >= 3 and (n >= 4 or any(w.islower() for w in _WORD.findall(clean))):
        return look(TITLE)
    return look(SHORT)


def _content_words(text: str) -> set[str]:
    """The longer, meaningful words of a text, for comparing a headline with the article."""
    return {w.strip(".'’") for w in _WORD.findall(text[:3000].lower()) if len(w) > 3 and w not in _STOPWORDS}


_COPYRIGHT_NOTE = "a copyright line from the footer"
_LOGIN_NOTE = "log-in text"
_BUTTON_NOTE = "a menu or button label"


def _furniture_note(text: str) -> str:
    """Name the kind of site text, for the reason shown to students."""
    low = text.lower()
    if "cookie" in low:
        return "a cookie notice"
    if any(word in low for word in ("subscri", "newsletter", "inbox", "sign up", "signing up", "sign-up", "free article")):
        return "a subscription or newsletter offer"
    if any(word in low for word in ("log in", "logged in", "login", "sign in", "signed in", "account", "password", "regist", "refresh")):
        return _LOGIN_NOTE
    if any(word in low for word in ("©", "rights reserved", "copyright", "powered by")):
        return _COPYRIGHT_NOTE
    if any(word in low for word in ("privacy", "terms", "legal")):
        return "a legal line such as the privacy policy"
    if "advert" in low or "sponsored" in low or "commission" in low:
        return "an advert or sponsor notice"
    if "share" in low or "follow" in low:
        return "a share or follow button"
    return "site text that is on every page"


def _prose_score(look: _Look) -> float:
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


# ---------------------------------------------------------------------------
# Step 2: the article run
# ---------------------------------------------------------------------------


def _comment_start(looks: list[_Look]) -> int:
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


def _article_run(looks: list[_Look], comments_at: int) -> tuple[int, int]:
    """The paragraphs [start, end) with the highest prose score (Kadane's maximum-sum run).

    Only paragraphs above the comment section take part: comments are prose
    too, and a long thread must not win over the article above it.
    """
    best, best_start, best_end = 0.0, 0, 0
    total, start = 0.0, 0
    for index in range(comments_at):
        score = looks[index].score
        if total <= 0:
            total, start = score, index
        else:
            total += score
        if total > best:
            best, best_start, best_end = total, start, index + 1
    return best_start, best_end


# What may sit inside an article between two stretches of prose (adverts, share
# buttons, a sign-up box, a link to another story, a timestamp in a live blog);
# anything else (a byline, tags, a footer, comments) means the article has ended.
_INSERTABLE = frozenset({TITLE, SHORT, SENTENCE, "furniture", "caption", "related_link", "related_header", "date"})
_FULL_STOP = re.compile(r"[.!?][\"'”’)]*$")


def _extend_run(texts: list[str], looks: list[_Look], start: int, end: int, limit: int) -> int:
    """Move the end of the run past boxes dropped into the article, when prose on the same topic follows.

    The maximum-sum run stops at a big box (a newsletter sign-up, "Related
    article"), so the end of an article after such a box would be lost.
    """
    topic: set[str] | None = None
    while end < limit:
        gap_end, titles, linked = end, 0, False
        while gap_end < limit and gap_end - end <= 8 and not _resumes(looks[gap_end], texts[gap_end]):
            look = looks[gap_end]
            if look.kind not in _INSERTABLE or look.note == _COPYRIGHT_NOTE:
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


def _resumes(look: _Look, text: str) -> bool:
    """Whether a paragraph after a box can be the article going on: prose, or a short
    sentence ending in a full stop ("The protest was the largest since 2019.")."""
    return look.kind == PROSE or (look.kind == SENTENCE and look.words >= 3 and _FULL_STOP_ONLY.search(text) is not None)


_FULL_STOP_ONLY = re.compile(r"\.[\"'”’)]*$")


def _stems(text: str) -> set[str]:
    """Content words with a plural 's' cut off, so "rains" matches "rain"."""
    return {word[:-1] if word.endswith("s") else word for word in _content_words(text)}


# ---------------------------------------------------------------------------
# Step 3: roles from what a paragraph is and where it is
# ---------------------------------------------------------------------------

_REASON = {
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
    "related_inline": "A headline-like line dropped between body paragraphs: a link to another story.",
    "related_link": "A link to another article ('Read more', 'Related').",
    "related_box": "Part of a box of links to other articles dropped into the middle of the article.",
    "related_header": "A heading for a list of links to other articles.",
    "related_after": "A headline of another story, listed after the article ends.",
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


def _headline_index(texts: list[str], looks: list[_Look], start: int, body_words: set[str]) -> int:
    """Pick the headline among the title-like lines before the article run; -1 if none."""
    candidates = [i for i in range(start) if looks[i].kind in (TITLE, SENTENCE, PROSE) and looks[i].words <= 40]
    if not candidates:
        return -1
    if not body_words:
        return candidates[0]
    # The headline shares its key words with the article; menus and promos do not.
    contents = {index: _content_words(texts[index]) for index in candidates}
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
        if low in _VERBISH:
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
    # A long page makes hundreds of thousands of small objects and no cycles; the cyclic
    # garbage collector would scan them over and over (half the time on a 1 MB page), so it
    # is paused while they are made. Reference counting still frees everything as usual.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _segment(text)
    finally:
        if collecting:
            gc.enable()


def _segment(text: str) -> list[Block]:
    texts, lines = _split(text)
    # Menus and buttons repeat on a page, so each distinct text is described once.
    seen: dict[str, _Look] = {}
    looks: list[_Look] = []
    for paragraph in texts:
        look = seen.get(paragraph)
        if look is None:
            look = seen[paragraph] = _look(paragraph)
            look.score = _prose_score(look)
            if look.kind not in (PROSE, SENTENCE, TITLE, SHORT):
                look.role = _furniture_role(look)
        looks.append(look)
    comments_at = _comment_start(looks)
    start, end = _article_run(looks, comments_at)
    has_run = end > start
    if has_run:
        end = _extend_run(texts, looks, start, end, comments_at)
    body_words: set[str] = set()
    for index in range(start, end):
        if looks[index].kind == PROSE:
            body_words |= _content_words(texts[index])
    headline = _headline_index(texts, looks, start if has_run else len(looks), body_words)
    in_box = False  # inside a box of links dropped into the article
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
            roles.append(_role_inside(look, looks, index, in_box))
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
    return [Block(paragraph, role, line, reason) for paragraph, line, (role, reason) in zip(texts, lines, roles)]


def _role_inside(look: _Look, looks: list[_Look], index: int, in_box: bool) -> tuple[str, str]:
    """Role of a paragraph inside the article run."""
    kind = look.kind
    if in_box and kind in (SENTENCE, TITLE, SHORT):
        return "related", _REASON["related_box"]
    if kind == PROSE:
        return "body", _REASON["body"]
    if kind == SENTENCE:
        return "body", _REASON["list_item" if look.listed else "body_short"]
    if kind in (TITLE, SHORT):
        if kind == TITLE and look.words >= 6:
            return "related", _REASON["related_inline"]
        # A subheading introduces the prose under it; a short line among buttons is a button.
        following = looks[index + 1].kind if index + 1 < len(looks) else ""
        previous = looks[index - 1].kind if index else ""
        if following in (PROSE, SENTENCE) and previous in (PROSE, SENTENCE, "date", TITLE, SHORT) and look.words:
            return "body", _REASON["subhead"]
        return "boilerplate", _REASON["stray"]
    return _furniture_role(look)


def _furniture_role(look: _Look) -> tuple[str, str]:
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
    texts: list[str], looks: list[_Look], index: int, headline: int, start: int, has_run: bool
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


def _role_after(look: _Look, zone: str, text: str) -> tuple[str, str]:
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
        if look.kind == "furniture" and (look.note == _LOGIN_NOTE or (look.words <= 4 and look.note == _BUTTON_NOTE)):
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
    texts: list[str], looks: list[_Look], roles: list[tuple[str, str]], headline: int, start: int, end: int
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
        # "Read more:" on its own line makes the next line a link.
        if looks[index].kind in ("related_header", "related_link") and _RELATED_LABEL.match(text):
            if fixed[index + 1][0] in ("body", "boilerplate") and looks[index + 1].kind in (TITLE, SENTENCE, PROSE):
                if looks[index + 1].kind != PROSE or looks[index + 1].words <= 20:
                    fixed[index + 1] = ("related", _REASON["related_link"])
    return fixed


# ---------------------------------------------------------------------------
# The answer key
# ---------------------------------------------------------------------------


def load_answer_key(folder: str | Path) -> dict[str, list[KeyEntry]]:
    """Read ``answer_key.json`` from a story folder: for each report id, the role of every paragraph.

    Returns ``{}`` when the folder has no answer key; raises
    :class:`medialit.story.StoryError` naming the file and the fix when it is malformed.

    Example:
        >>> from medialit.story import bundled_story_folder
        >>> load_answer_key(bundled_story_folder())["001"][0]
        KeyEntry(line=1, role='headline', why='The title of the report at the top of the page.')
    """
    from medialit.story import StoryError, read_json  # story imports this module: import late to avoid a cycle

    file = Path(folder) / ANSWER_KEY_FILE
    if not file.is_file():
        return {}
    name = f"{ANSWER_KEY_FILE} in {Path(folder)}"
    data = read_json(file, name, "Fix that spot.")
    shape = 'an object like {"000": [{"line": 1, "role": "headline", "why": "..."}]}'
    if not isinstance(data, dict):
        raise StoryError([f"{name} must hold {shape}."])
    key: dict[str, list[KeyEntry]] = {}
    problems: list[str] = []
    for report, entries in data.items():
        if not isinstance(entries, list):
            problems.append(f"{name}: report {report!r} must map to a list of entries, in {shape}.")
            continue
        key[str(report)] = []
        for number, entry in enumerate(entries, start=1):
            where = f"{name}: report {report}, entry {number}"
            if not isinstance(entry, dict) or set(entry) != {"line", "role", "why"}:
                problems.append(f"{where} must have exactly the keys 'line', 'role' and 'why'.")
                continue
            line, role, why = entry["line"], entry["role"], entry["why"]
            if not isinstance(line, int) or isinstance(line, bool) or line < 1:
                problems.append(f"{where}: 'line' must be a whole number from 1 up, not {line!r}.")
            elif role not in ROLES:
                problems.append(f"{where}: the role {role!r} is not one of: {', '.join(ROLES)}.")
            elif not isinstance(why, str):
                problems.append(f"{where}: 'why' must be text in quotes.")
            else:
                key[str(report)].append(KeyEntry(line, role, why))
    if problems:
        raise StoryError(problems)
    return key


# ---------------------------------------------------------------------------
# Lesson 1: the parts of a page, and checking a student's labels
# ---------------------------------------------------------------------------

#: The coarse groups in the order lesson 1 shows them.
GROUPS: tuple[str, ...] = ("body", "comment", "other")


@dataclass(frozen=True)
class PageParts:
    """A page's text split into the three groups, and what that does to its figures.

    ``*_words`` are word counts (textstat's); ``page_*`` are reading ease and grade of
    every paragraph of the page together, ``article_*`` of the body paragraphs alone.

    Example:
        >>> parts = page_parts(segment("Big news today\\n\\nThe mayor said the bridge will open next spring.\\n\\nPrivacy Policy | Terms"))
        >>> parts.body_words, parts.other_words, parts.comment_words
        (9, 6, 0)
    """

    body_words: int
    comment_words: int
    other_words: int
    page_reading_ease: float
    article_reading_ease: float
    page_grade: float
    article_grade: float

    @property
    def total_words(self) -> int:
        """Every word on the page."""
        return self.body_words + self.comment_words + self.other_words

    @property
    def body_share(self) -> float:
        """The article's share of the page's words, 0 to 1 (0 for an empty page)."""
        return self.body_words / self.total_words if self.total_words else 0.0


def group_text(blocks: list[Block], group: str) -> str:
    """The text of the blocks in one coarse group, one paragraph per line pair.

    Example:
        >>> group_text([Block("Hi.", "body", 1, ""), Block("Menu", "boilerplate", 2, "")], "other")
        'Menu'
    """
    return "\n\n".join(block.text for block in blocks if block.group == group)


def page_parts(blocks: list[Block]) -> PageParts:
    """Word counts per group, and reading level of the whole page against the article alone.

    Reading level is measured on the paragraphs joined by blank lines, so a menu
    line with no full stop runs into the next paragraph the way a program reading
    the whole page would see it.

    Example:
        >>> page_parts([]).total_words
        0
    """
    from medialit.reading_level import readability, word_count  # textstat is slow to import; only lesson 1 needs it

    body = group_text(blocks, "body")
    whole = "\n\n".join(block.text for block in blocks)
    page, article = readability(whole), readability(body)
    return PageParts(
        body_words=word_count(body),
        comment_words=word_count(group_text(blocks, "comment")),
        other_words=word_count(group_text(blocks, "other")),
        page_reading_ease=page.reading_ease,
        article_reading_ease=article.reading_ease,
        page_grade=page.grade,
        article_grade=article.grade,
    )


_CONTENT_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


def words_not_in(text: str, other: str, limit: int = 12) -> list[str]:
    """Content words of ``text`` (4+ letters, not small words) that ``other`` never uses, in order.

    Lesson 1 uses it as a hint: words a comment uses that the article never does
    point at claims only the comment makes. Simple endings are ignored, so
    "fighters" matches "fighter" and "supported" matches "support".

    Example:
        >>> words_not_in("The USA is lying about ISIS fighters.", "ISIS fighter numbers in the USA")
        ['lying']
    """
    def stem(word: str) -> str:
        word = word.lower().replace("’", "'").removesuffix("'s")
        for ending in ("ing", "ed", "es", "s"):
            if len(word) > len(ending) + 3 and word.endswith(ending):
                return word[: -len(ending)]
        return word

    known = {stem(word) for word in _CONTENT_WORD.findall(other)}
    found: list[str] = []
    seen: set[str] = set()
    for word in _CONTENT_WORD.findall(text):
        key = stem(word)
        if len(word) < 4 or word.lower() in _STOPWORDS or key in known or key in seen:
            continue
        seen.add(key)
        found.append(word)
        if len(found) >= limit:
            break
    return found


@dataclass(frozen=True)
class Label:
    """What a person said one paragraph is: a coarse group and, optionally, a finer role.

    Example:
        >>> Label("other", "caption").role
        'caption'
    """

    group: str
    role: str = ""


@dataclass(frozen=True)
class Mark:
    """One paragraph checked: the person's label, the answer key's role and the helper's guess.

    ``key_role`` is ``""`` when the key does not cover the paragraph; ``label`` is
    ``None`` when the person has not labelled it.

    Example:
        >>> Mark(4, Label("body"), "body", "body", "Article prose.", "Prose.").right
        True
    """

    line: int
    label: Label | None
    key_role: str
    helper_role: str
    why: str
    reason: str

    @property
    def key_group(self) -> str:
        """The key's coarse group, or ``""`` when the key does not cover this paragraph."""
        return GROUP_OF_ROLE.get(self.key_role, "")

    @property
    def helper_group(self) -> str:
        """The helper's coarse group."""
        return GROUP_OF_ROLE[self.helper_role]

    @property
    def scored(self) -> bool:
        """True when the key covers this paragraph, so it counts in the score."""
        return bool(self.key_role)

    @property
    def right(self) -> bool:
        """The label's group matches the key's (the finer role is not scored)."""
        return self.scored and self.label is not None and self.label.group == self.key_group

    @property
    def role_right(self) -> bool:
        """The optional finer role was given and matches the key exactly (a bonus)."""
        return self.right and self.label is not None and self.label.role == self.key_role

    @property
    def disagreement(self) -> bool:
        """The person, the helper and the key do not all put this paragraph in the same group."""
        groups = {self.helper_group}
        if self.label is not None:
            groups.add(self.label.group)
        if self.key_group:
            groups.add(self.key_group)
        return len(groups) > 1


@dataclass(frozen=True)
class LabelScore:
    """Every paragraph of a report checked against the key, and the score.

    Example:
        >>> blocks = [Block("Hi there, reader.", "body", 1, "Prose.")]
        >>> mark_labels(blocks, {1: Label("body")}, [KeyEntry(1, "body", "Prose.")]).right
        1
    """

    marks: tuple[Mark, ...]

    @property
    def scored(self) -> int:
        """Paragraphs the key covers (the most a person can get right)."""
        return sum(mark.scored for mark in self.marks)

    @property
    def right(self) -> int:
        """Paragraphs whose group matches the key."""
        return sum(mark.right for mark in self.marks)

    @property
    def roles_right(self) -> int:
        """Paragraphs whose finer role also matches the key (a bonus, not part of the score)."""
        return sum(mark.role_right for mark in self.marks)

    @property
    def unlabelled(self) -> int:
        """Scored paragraphs the person has not labelled yet."""
        return sum(mark.scored and mark.label is None for mark in self.marks)


def mark_labels(blocks: list[Block], labels: dict[int, Label], key: list[KeyEntry]) -> LabelScore:
    """Check a person's labels (by line) against the answer key's entries for the same report.

    A paragraph the key does not cover is shown but not scored; labels for lines
    that are not paragraphs are ignored.

    Example:
        >>> blocks = segment("Big news today\\n\\nThe mayor said the bridge will open next spring.")
        >>> score = mark_labels(blocks, {1: Label("body"), 3: Label("body", "body")}, [KeyEntry(1, "headline", "Title."), KeyEntry(3, "body", "Prose.")])
        >>> score.right, score.scored, score.roles_right
        (1, 2, 1)
    """
    by_line = {entry.line: entry for entry in key}
    marks = []
    for block in blocks:
        entry = by_line.get(block.line)
        marks.append(
            Mark(
                line=block.line,
                label=labels.get(block.line),
                key_role=entry.role if entry else "",
                helper_role=block.role,
                why=entry.why if entry else "",
                reason=block.reason,
            )
        )
    return LabelScore(tuple(marks))


def answer_key_text(key: dict[str, list[KeyEntry]]) -> str:
    """An answer key as JSON in the bundled file's layout: one entry per line, reports in id order.

    Example:
        >>> print(answer_key_text({"001": [KeyEntry(1, "headline", "The title.")]}), end="")
        {
          "001": [
            {"line": 1, "role": "headline", "why": "The title."}
          ]
        }
    """
    reports = []
    for report_id in sorted(key):
        entries = ",\n".join(
            "    " + json.dumps({"line": e.line, "role": e.role, "why": e.why}, ensure_ascii=False)
            for e in sorted(key[report_id], key=lambda entry: entry.line)
        )
        reports.append(f"  {json.dumps(report_id)}: [\n{entries}\n  ]" if entries else f"  {json.dumps(report_id)}: []")
    return "{\n" + ",\n".join(reports) + "\n}\n" if reports else "{}\n"
