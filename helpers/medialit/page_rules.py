"""The rule tables of the segmenter: word sets, phrases and patterns of page furniture.

They are kept apart from the algorithm in :mod:`medialit.segmentation` (as trafilatura keeps its
XPath tables apart from its extractor), so a reader can see every phrase the segmenter knows in one
place and a test can check that each phrase table entry is used on more than one page.

The patterns are written in lower case and matched against lower-cased text: ``re.IGNORECASE``
makes these long alternations about four times slower. Many tables come with a *trigger* word
set: every phrase of the pattern contains one of those words, so a line with none of them skips
the (slow) pattern.

Example:
    >>> bool(COMMENT_HEADER.search("leave a reply"))
    True
"""

from __future__ import annotations

import re

VERBISH = frozenset(
    """is are was were be been being has have had will would can could may might must should shall
    says said say tells told warns warned threatens threatened wins won rejects rejected""".split()
)
# The patterns below are written in lower case and matched against lower-cased
# text: re.IGNORECASE makes these long alternations about four times slower.
WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
LINK_MARK = re.compile(r"^(\[\d+\]|\*+|::|[>»•·▪●◦‣–—-])\s*")
LIST_MARK = re.compile(r"^(\d{1,3}[.)]|[•·▪●◦‣*–—-])\s+")
ENDS_SENTENCE = re.compile(r"([.!?…:;。！？]|[.!?,]['\"”’)\]]+|[。！？][」』）]|['\"”’]|\.\))$")
#: Chinese, Japanese and Korean characters: their sentences have no spaces, so about two of
#: them make a word (see the word count in medialit.segmentation._look).
CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")

def _either(phrases: tuple[str, ...], before: str = "", after: str = "") -> re.Pattern[str]:
    """One pattern matching any of ``phrases``; kept as a tuple so a test can check each one is used."""
    return re.compile(before + "(?:" + "|".join(phrases) + ")" + after)


#: Headings that open a comment section (the whole line).
COMMENT_HEADER_PHRASES: tuple[str, ...] = (
    # "12 Comments", "(42) Comments", "Read all comments", "Top rated comments", "User comments (3)"
    r"^(\(?\d[\d,]*\)?\s+|(view|show|read|see)\s+(all\s+)?|reader\s+|user\s+|all\s+|(top|most|highest)[\s-]rated\s+|"
    r"(last|latest|newest|recent|best|featured)\s+)?(comments?|responses?|replies|reactions?|discussion)"
    r"(\s*\(?\d[\d,]*\)?)?(\s*\(\+\))?:?$",
    r"^\d[\d,]*\s+(thoughts?|responses?|replies|comments?)\s+(on|to)\b",
    r"^(add|post|write|leave|submit)\s+(a\s+|new\s+|your\s+)?(comment|reply|response)\b",
    r"^leave a reply",
    # "Join the conversation", "Join the debate", "Join our commenting forum"
    r"^join (the|our|in the) ([\w-]+ )?(conversation|discussion|debate|forum)(\s*\(?\d[\d,]*\)?)?:?$",
    r"^comments (are|have been) (closed|disabled)",
    r"^what do you think\??$",
)
COMMENT_HEADER = _either(COMMENT_HEADER_PHRASES)
#: Lines that end a thread of reader comments (the whole line, lower case, without "[ ]:."): the
#: site says the comments are over ("Comments are closed", "[ Read All Comments ]" under a preview of
#: the thread), or the comment form ends ("Save my name, email...", "Post Comment").
COMMENT_CLOSER_PHRASES: tuple[str, ...] = (
    r"(comments|commenting) (are|is|have been|has been) (now )?(closed|disabled|turned off)",
    r"(read|view|see|show) all (\d[\d,]* )?comments( \(?\d[\d,]*\)?)?",
    r"save my name, email\b.*",
    r"(post|submit) (a )?comment",
)
COMMENT_CLOSER = _either(COMMENT_CLOSER_PHRASES, "^", "$")
#: Headings of the site's own boxes printed after a comment thread (a sidebar, the author's box,
#: links to other posts): where one begins, the comments have ended (the whole line, lower case).
AFTER_THREAD_PHRASES: tuple[str, ...] = (
    r"archives?|categories|tags|search|blogroll|about( me| us| the (author|writer|blog))?",
    r"(recent|popular|latest|top|featured|related|more) (posts?|articles?|stories|reads|comments)",
    r"related|you (may|might) also like|read next|never miss a post|follow (me|us)|subscribe",
)
AFTER_THREAD = _either(AFTER_THREAD_PHRASES, "^", "$")
#: Buttons and labels of a comment thread: whole short lines...
COMMENT_UI_LINE_PHRASES: tuple[str, ...] = (
    r"reply|replies|permalink|report|flag|like|likes|dislike|upvote|downvote|quote|cancel reply",
    r"newest|oldest|best|top|sort by.*|show (oldest|newest) first|load more comments|show more comments",
    r"view more comments|more comments|click to rate|log in to (reply|comment)|sign in to comment",
    r"comment \*?|name \*?|e-?mail \*?|website|your name|post comment|submit( comment)?|preview|save|δ",
    r"plain text|notify me of .*|about text formats|captcha|\d+ (points?|likes?|replies)",
    r"(\S+\s){0,4}(says|said|wrote|replied):",
)
COMMENT_UI_LINE = _either(COMMENT_UI_LINE_PHRASES)
#: ...and phrases of comment forms and the boxes around them, anywhere in a paragraph.
COMMENT_UI_PHRASES: tuple[str, ...] = (
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
COMMENT_UI = _either(COMMENT_UI_PHRASES, r"\b")
RELATED_HEADER = re.compile(
    r"^(related( (posts?|articles?|stories|content|coverage|reading|links|topics|news|video)( from .*)?)?|"
    r"more (from|on|in|about|stories|news|like this|galleries|interviews|in this section)\b.*|"
    r"more( [\w'’-]+){1,3} (stories|articles|news|reads|videos)|"
    r"most (popular|read|viewed|watched|shared|commented|recent)( .*)?|recommended( for you| stories)?|"
    r"you (may|might) (also )?(like|enjoy|be interested in)|read next|up next|what to read next|"
    r"top stories|latest( news| stories)?|(latest( [\w'’-]+)? |top )?headlines|latest in .*|trending( now| stories)?|editor'?s picks|"
    r"also on .*|keep reading|further reading|see also|don'?t miss|popular( now)?|features|"
    r"in case you missed it|around the web|from our partners|sponsored stories|paid content|"
    r"next gallery|explore more topics|must read|just in|breaking news)[:.]?$",
)
RELATED_LINK = re.compile(
    r"^(read more|read also|also read|related|see also|more|related article|recommended|watch|listen|"
    r"click here|don'?t miss|must read|read next|top story|explainer|analysis|opinion|live)\s*[:|\-–—»>]\s*\S"
    r"|^list \d+ of \d+$|^list of \d+ items$|^end of list$|\(opens in new window\)",
)
RELATED_LABEL = re.compile(
    r"^(read more|read also|also read|related|related article|see also|more|read next)\s*[:|]?$"
)
#: Phrases of site text (legal lines, sign-up boxes, log-in prompts, share buttons).
#: In a long sentence of reporting they are the story, not furniture: see _phrase_is_furniture.
FURNITURE_PHRASES: tuple[str, ...] = (
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
    r"your inbox",
    r"subscribe to\b",
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
ALWAYS_FURNITURE_PHRASES: tuple[str, ...] = (
    r"we (and our partners )?use cookies",
    r"(site|website) uses cookies",
    r"use of cookies",
    r"cookies? (policy|settings|notice|preferences)",
    r"all rights reserved",
)
STRONG_FURNITURE = _either(ALWAYS_FURNITURE_PHRASES + FURNITURE_PHRASES, r"\b")
ALWAYS_FURNITURE = _either(ALWAYS_FURNITURE_PHRASES, r"\b")
# A long sentence of reporting ("..., the mayor said") is prose even when it holds a phrase
# like "contact the council" or "advertisement"; site text speaks to the reader instead.
REPORTING = frozenset("said says told tells according added asked declined warned".split())
TO_READER = frozenset("you your yours we our us".split())
IMPERATIVE = frozenset(
    """subscribe sign log click tap download follow share join register enter get read listen watch
    contact email e-mail support donate become start try""".split()
)
# Social networks: two of them on a short line are a row of share buttons.
SOCIAL = frozenset("facebook twitter x whatsapp linkedin pinterest reddit telegram instagram tiktok email e-mail messenger bluesky threads flipboard".split())
MENU_WORDS = frozenset(
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
BOX_WORDS = frozenset("newsletter newsletters subscribe subscription login log-in sign-up cookies advertisement".split())
PIPE_MENU = re.compile(r"(\s[|·•/»>]\s.*){2,}|^(home|news)\s*[»>/|]")
# Every phrase of STRONG_FURNITURE contains one of these words: lines without any skip it.
FURNITURE_TRIGGERS = frozenset(
    """cookies cookie continuing reserved c copyright powered bloggers subscriber subscribe article articles
    reading unlimited signing submitting recaptcha commission affiliate sell edited syndicated print reprints
    licensing principles helpful javascript blocker adblocker inbox sign newsletter newsletters privacy terms
    council external materials click opens listen copied scroll skip back download follow share reuse buy
    earn advertisement sponsored paid account password read gift log login contact accessibility unsubscribe
    sign-up enter thank thanks refresh email e-mail got story tip please""".split()
)
# Credit lines that say who wrote or reported, even as a full sentence.
CREDIT_LINE = re.compile(
    r"^[(\[]?(words|story|written|posted|published|reporting|additional reporting|report|interview|text|edited|editing|"
    r"compiled|submitted|photos?|photographs?|pictures?|video|illustrations?) by\b|^authors?:|"
    r"^posted (on|in) .{0,40}\bby\b|\bcontributed (reporting )?(to )?(this|the) (report|story|article)\b|\bcontributed reporting\b|"
    r"^(staff|wire|news) (report|reporter|writer)s?$|local democracy reporting"
)
# "By" and a capitalised name ("By Sarah Jones"), but not "By Thursday, the ..." or "By the time ...".
BY_NAME = re.compile(
    r"^[Bb][Yy]:?\s+(?!(?i:the|this|that|then|now|a|an|early|late|mid|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)\b)"
    r"[A-Z][\w.'’-]*"
)
# A job title in a short line under the headline ("Political Editor").
JOB = re.compile(r"\b(correspondent|reporter|columnist|staff writer|editor|contributor|journalist)s?\b")
BIO = re.compile(
    r"^([\w.'’-]+\s){1,4}(is|was)\s+(a|an|the|our)\s.{0,80}\b(writer|reporter|correspondent|editor|journalist|"
    r"columnist|contributor|author|veterinarian|freelance)",
)
MONTH = (
    r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t|tember)?|oct(ober)?|"
    r"nov(ember)?|dec(ember)?)"
)
DATE = re.compile(
    r"\b(?:\b" + MONTH + r"\.?\s+\d{1,2}\b|\b\d{1,2}(st|nd|rd|th)?\s+" + MONTH + r"\b|\b" + MONTH + r"\.?,?\s+\d{4}\b|"
    r"\b(mon|tue|wed|thu|fri|sat|sun)(day|sday|nesday|rsday|urday)?\b|(?<![$£€¥.,\d])\b\d{1,2}:\d{2}\b|\b\d{1,2}\.\d{2}\s*(am|pm|a\.m\.|p\.m\.)|"
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b(\d+|an?|one)\s+(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago\b|"
    r"^(published|updated|posted|last (updated|modified)|first published|date)\b|\b\d+\s+min(ute)?s?\s+read\b)",
)
DIGIT = re.compile(r"\d")
#: A line that starts by dating the article ("PUBLISHED: 10:48, Tue, Nov 19, 2019"): its commas are a date's, not a tag list's.
DATED_START = re.compile(r"(published|updated|posted|last updated|first published)\b")
# A date needs a digit or one of these words, so most lines can skip the slow DATE pattern.
DATE_WORDS = frozenset(
    """january february march april may june july august september october november december jan feb mar apr
    jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed
    thu thur thurs fri sat sun published updated posted last first date ago""".split()
)
CREDIT = re.compile(
    r"\b(?:getty images|ap photo|afp\b|reuters/|/reuters|shutterstock|alamy|istock|\bepa\b|pa media|"
    r"pa wire|file photo|photograph:|photograph by|photo:|photos:|picture:|image:|credit:|credit\.\.\.|"
    r"photo by\b|picture by\b|image caption|image copyright|image source|file:|file\)|"
    r"photo credit|courtesy of\b|pictured\b|(left|right|centre|center)\))",
)
FIELD_LABEL = re.compile(
    r"^(summary|source|story source|date|published|updated|posted|author|by|tags|topics|categories|category|"
    r"filed under|location|credit|photo|image|image caption|reference|journal reference|notes to editors|"
    r"disclaimer|about the author|cite this page)\s*[:,]?$",
)
TAG_LABEL = re.compile(
    r"^(tags?|topics?|related topics|categories|category|filed under|read more on|explore more on these topics|"
    r"more on|keywords|trending topics|see all topics)\b\s*:?",
)
#: "More Washington Examiner", "More Games", "More In Trading Nation": a heading over links to more of the site
#: (matched on the line as written: the capitals are what make it a heading).
MORE_HEADING = re.compile(r"^More( [A-Z0-9][\w'’&.-]*){1,3}$")
#: A picture of a gallery: "1of4 A shopper looks at...", "Image 1 of 1", "Photo 3 of 12".
GALLERY = re.compile(r"^(?:(?:photo|image|picture|slide) \d{1,3} of \d{1,3}|\d{1,3}of\d{1,3})(?!\d)")
#: A link whose text was cut short: "Plague of mosquitos to devastate Britain as Hurri..."
CUT_SHORT = re.compile(r"\w(\.\.\.|…)$")
#: UTF-8 text decoded as Latin-1 or Windows-1252: a lead byte shown as "Ã", "Ð", "â"... then a continuation byte.
GARBLED = re.compile("[\u00c2-\u00f4][\u0080-\u00bf]")
URL = re.compile(r"https?://|www\.|\.(com|org|net|co\.uk)\b")
CREDIT_TRIGGERS = frozenset(
    """getty ap afp reuters shutterstock alamy istock epa pa file photograph photo photos picture image credit
    courtesy pictured left right centre center""".split()
)
# Words one of which every phrase of a pattern contains: a line with none of them skips the pattern.
COMMENT_UI_TRIGGERS = frozenset(
    """email required save akismet comment comments commenting lines html web testing community thoughtful
    join see logged signed log sign share""".split()
)
CREDIT_LINE_TRIGGERS = frozenset("by author authors posted contributed staff wire news democracy".split())
# First words of a "Read more: ..." link (see RELATED_LINK).
RELATED_LINK_FIRST = frozenset(
    """read also related see more recommended watch listen click don't dont don’t must top explainer analysis
    opinion live list end""".split()
)
PIPE_CHARS = re.compile(r"[|·•/»>]")
#: The signature line under a post embedded in an article: "— Jane Doe (@janedoe) November 1, 2019".
POST_SIGNATURE = re.compile(r"\(@\w{1,15}\)\s+" + MONTH + r"\.?\s+\d{1,2},\s+\d{4}$", re.IGNORECASE)
