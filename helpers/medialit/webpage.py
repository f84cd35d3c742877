"""A saved web page (``.html``) as a story report: its text, what trafilatura says is article and comments.

A teacher's "Save page as…" gives the whole page. The lessons need two things from it:

- the page's **text with its furniture** (menus, captions, sign-up boxes, each on its own line),
  because lesson 1 is about telling the article from everything around it. inscriptis gives that;
- a **proposed answer key**: which paragraphs are the article and which are readers' comments.
  trafilatura (made for exactly this, and far better on real pages than rules on plain text)
  finds them from the HTML's structure; :mod:`medialit.page_key` maps its paragraphs onto the
  page text and combines them with the kit's own rules.

Reading is careful with what teachers' machines really save: the encoding is UTF-8 if the bytes
are UTF-8, else what the page declares, else a guess by charset-normalizer (with a note saying so);
binary files are refused; nesting deeper than libxml2's default limit is kept; scripts and styles
are removed in one linear pass. Nothing is fetched from the network.

Example:
    >>> page = read_page(b'<meta property="og:site_name" content="The Daily"><p>Hello</p>', "a.html")
    >>> page.text.strip(), page.clues
    ('Hello', ("The page's hidden code names the site: 'The Daily'.",))
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlparse

from .errors import StoryError
from .text import MONTHS

#: Single-file web archives: the page is unwrapped from its MIME parts first.
ARCHIVE_SUFFIXES = (".mhtml", ".mht")
#: Deeper nesting is unwrapped (text kept); libxml2's own limit (about 255) is lifted when parsing.
MAX_DEPTH = 200
#: Above this many elements (after scripts are dropped) trafilatura runs without its fallback extractors, which
#: would take seconds; the 61 real news pages the kit is measured on have at most about 1,450, and give the same
#: article either way.
FAST_ABOVE = 5000
#: Elements whose content is never page text.
_HIDDEN = ("script", "style", "noscript", "template")
#: File signatures of things that are not web pages (images, PDF, archives, office files).
_BINARY_STARTS = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"BM", b"RIFF",
                  b"\xd0\xcf\x11\xe0", b"\x00\x00\x01\x00", b"OggS", b"ID3", b"7z\xbc\xaf")
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_BLANK_RUNS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
# Characters XML (and so lxml's tree) cannot hold; a stray one in a page would stop the conversion.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class WebPage:
    """A saved page read for a story: its text, publisher clues, and trafilatura's article and comments.

    ``main`` and ``comments`` are trafilatura's paragraphs (headings, paragraphs, list items...)
    in page order; ``notes`` are things the teacher should check (a guessed encoding...).

    Example:
        >>> page = read_page(b"<title>Daily</title><h1>Bridge opens</h1><p>It opened today.</p>", "a.html")
        >>> page.text
        'Bridge opens\\n\\nIt opened today.\\n'
    """

    text: str
    clues: tuple[str, ...] = ()
    main: tuple[str, ...] = ()
    comments: tuple[str, ...] = ()
    encoding: str = "utf-8"
    notes: tuple[str, ...] = ()
    #: What the HTML itself calls the article's title (og:title, the <h1>s, <title>), best first.
    titles: tuple[str, ...] = ()


def read_page(data: bytes, name: str) -> WebPage:
    """Read a saved web page; :class:`StoryError` (naming ``name``) when it is not one.

    Example:
        >>> try:
        ...     read_page(b"\\x89PNG\\r\\n\\x1a\\n...", "photo.html")
        ... except StoryError as error:
        ...     print(error)
        photo.html is not a web page (it looks like an image or other binary file): save the article's page again with "Save page as…", as "Web page, HTML only".
    """
    if name.lower().endswith(ARCHIVE_SUFFIXES):
        data = unwrap_archive(data, name)
    refuse = StoryError([f"{name} is not a web page (it looks like an image or other binary file): save the "
                         "article's page again with \"Save page as…\", as \"Web page, HTML only\"."])
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))  # Windows' "Unicode" text: NUL bytes are normal there
    if data.startswith(_BINARY_STARTS) or (b"\x00" in data[:65536] and not utf16):
        raise refuse
    text, encoding, notes = decode_page(data, name)
    if _control_share(text[:65536]) > 0.02 or "<" not in text[:65536]:
        raise refuse
    document = _parse(_NOT_XML.sub(" ", text), name)
    if document is None:
        return WebPage("", encoding=encoding, notes=tuple(notes))
    # One pass collects them, then each is dropped: linear even with 100,000 scripts (an XPath union,
    # and trafilatura's own cleaning, are not), and they are never page text.
    for element in [e for e in document.iter(*_HIDDEN)]:
        element.drop_tree()
    _flatten(document)
    main, comments = _article_parts(document)
    clues = tuple(_publisher_clues(document))
    return WebPage(_page_text(document), clues, main, comments, encoding, tuple(notes), _titles(document))


def unwrap_archive(data: bytes, name: str) -> bytes:
    """The page inside a single-file web archive (``.mhtml``, what Chrome and Edge save as "Webpage, Single File").

    Example:
        >>> archive = (b'MIME-Version: 1.0\\nContent-Type: multipart/related; boundary="b"\\n\\n--b\\n'
        ...            b'Content-Type: text/html\\nContent-Transfer-Encoding: quoted-printable\\n\\n'
        ...            b'<p>Mayor =E2=80=9Cwarns=E2=80=9D</p>\\n--b--\\n')
        >>> unwrap_archive(archive, "page.mhtml").decode("utf-8")
        '<p>Mayor “warns”</p>'
    """
    import email
    import email.policy

    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
        for part in message.walk():
            if part.get_content_type() == "text/html":
                page = part.get_payload(decode=True)
                if page:
                    return page.rstrip(b"\r\n")
    except (ValueError, LookupError, TypeError):
        pass
    raise StoryError([f"{name} holds no web page: save the article's page again, as \"Web page, HTML only\" "
                      "or \"Webpage, Single File\"."])


def decode_page(data: bytes, name: str) -> tuple[str, str, list[str]]:
    """The page as text, the encoding used, and a note when the encoding was guessed.

    UTF-8 first (it cannot be mistaken for another encoding), then the page's own declaration,
    then charset-normalizer's guess, said in a note so that the teacher checks the text.

    Example:
        >>> decode_page("<p>Mayor “warns”</p>".encode("utf-8"), "a.html")[:2]
        ('<p>Mayor “warns”</p>', 'utf-8')
        >>> decode_page("<meta charset=windows-1251><p>Мэр</p>".encode("cp1251"), "a.html")[:2]
        ('<meta charset=windows-1251><p>Мэр</p>', 'windows-1251')
    """
    try:
        return data.decode("utf-8").removeprefix("\ufeff"), "utf-8", []
    except UnicodeDecodeError:
        pass
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace").removeprefix("\ufeff"), "utf-16", []
    declared = _DECLARED.search(data[:4096])
    label = ""
    if declared:
        label = (declared.group(1) or declared.group(2)).decode("ascii").lower()
        try:
            return data.decode(label), label, []
        except (LookupError, UnicodeDecodeError):
            pass  # unknown name, or a page declared UTF-8 that is not: guess below
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return data.decode("cp1252", errors="replace"), "cp1252", [
            f"{name}: the page's encoding could not be worked out; odd letters may show. Save the page again "
            "from the browser, or copy its text into a .txt file saved as UTF-8."
        ]
    said = f"says its letters are encoded as {label}, but they are not" if label else \
        "does not say how its letters are encoded"
    return str(best), best.encoding, [
        f"{name}: the page {said}; they were read as {best.encoding}. "
        "Check that its accented letters and quotes look right."
    ]


def html_to_text(data: bytes) -> tuple[str, list[str]]:
    """A saved web page as plain text in its reading order, and what its metadata says about the publisher.

    Example:
        >>> text, clues = html_to_text(b'<meta property="og:site_name" content="The Daily"><p>Hello</p>')
        >>> text.strip(), clues
        ('Hello', ["The page's hidden code names the site: 'The Daily'."])
    """
    page = read_page(data, "the page")
    return page.text, list(page.clues)


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\r\f") + text.count("\ufffd")
    return controls / len(text)


def _parse(text: str, name: str):
    import lxml.html
    from lxml import etree

    # huge_tree lifts libxml2's nesting limit (about 255), which otherwise drops the rest of the page silently.
    parser = lxml.html.HTMLParser(collect_ids=False, default_doctype=False, remove_comments=True,
                                  remove_pis=True, huge_tree=True)
    text = _XML_DECLARATION.sub("", text, count=1)  # lxml refuses text that still declares a byte encoding
    try:
        document = lxml.html.document_fromstring(text, parser=parser)
    except (ValueError, etree.ParserError):
        document = None
    if any("depth" in error.message.lower() for error in parser.error_log):
        # Even lifted, libxml2 stops near 2,000 levels and drops everything after: refuse rather than lose text.
        raise StoryError([f"{name} nests its elements thousands of levels deep, which no news page does, and part "
                          "of its text would be lost: save the page again, or copy its text into a .txt file."])
    return document


def _flatten(document) -> None:
    """Unwrap elements nested deeper than :data:`MAX_DEPTH`, keeping their text: the text converter
    recurses once per level and real pages never nest that deep."""
    from lxml import etree

    depth = 0
    too_deep = []
    for event, element in etree.iterwalk(document, events=("start", "end")):
        if event == "start":
            depth += 1
            if depth > MAX_DEPTH:
                too_deep.append(element)
        else:
            depth -= 1
    for element in reversed(too_deep):
        element.drop_tag()


def _article_parts(document) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """trafilatura's article and comment paragraphs, from a copy of the parsed page (it fetches nothing)."""
    import trafilatura

    # Its log lines are about its own heuristics ("empty HTML tree"), not for teachers: quiet while it runs.
    log = logging.getLogger("trafilatura")
    level = log.level
    log.setLevel(logging.CRITICAL)
    try:
        # A parsed tree in, never a URL; no metadata (that would parse dates from the page): nothing is fetched.
        # bare_extraction hands back its article and comments as trees: no XML text to write and parse again.
        # On a page of many thousand elements its second opinions (readability, jusText) take seconds: skip them.
        fast = sum(1 for _ in document.iter()) > FAST_ABOVE
        extracted = trafilatura.bare_extraction(document, include_comments=True, include_tables=True, fast=fast,
                                                with_metadata=False, deduplicate=False, as_dict=False)
    except Exception:  # noqa: BLE001 - a library failing on one odd page must not stop the story: rules decide
        return (), ()
    finally:
        log.setLevel(level)
    if extracted is None:
        return (), ()
    sections = {"main": extracted.body, "comments": extracted.commentsbody}

    # Line breaks and table cells separate words; the rows of a table and the items of a list are paragraphs.
    for tree in sections.values():
        if tree is not None:
            for element in tree.iter("lb", "cell"):
                element.tail = " " + (element.tail or "")

    def paragraphs(section: str) -> tuple[str, ...]:
        found: list[str] = []

        def add(text: str | None) -> None:
            text = " ".join((text or "").split())
            if text:
                found.append(text)

        part = sections[section]
        if part is not None:
            add(part.text)
            for element in part:
                pieces = [element]
                if element.tag == "list":
                    pieces = list(element.iter("item"))
                elif element.tag == "table":
                    pieces = list(element.iter("row"))
                for piece in pieces:
                    add("".join(piece.itertext()))
                add(element.tail)
        return tuple(found)

    return paragraphs("main"), paragraphs("comments")


def _titles(document) -> tuple[str, ...]:
    """The article's title as the page's HTML gives it, best first: og:title, the <h1>s, then <title>
    with and without the site's name after a separator ("Pool to close | The Daily")."""
    found: list[str] = []
    for element in document.iter("meta"):
        if (element.get("property") or element.get("name") or "").strip().lower() in ("og:title", "twitter:title"):
            found.append(element.get("content") or "")
    found += ["".join(h1.itertext()) for h1 in document.iter("h1")]
    for title in document.iter("title"):
        whole = "".join(title.itertext())
        found += [whole, re.split(r"\s+[|\u2013\u2014-]\s+", whole.strip())[0]]
    cleaned = (" ".join(text.split()) for text in found)
    return tuple(dict.fromkeys(text for text in cleaned if 2 <= len(text) <= 300))


def _page_text(document) -> str:
    from inscriptis import Inscriptis
    from inscriptis.model.config import ParserConfig

    text = Inscriptis(document, ParserConfig(display_links=False, display_images=False)).get_text()
    # Scrapes separate paragraphs by blank lines; collapse the runs of blank lines layout leaves.
    return _BLANK_RUNS.sub("\n\n", text).strip() + "\n"


def _publisher_clues(document) -> list[str]:
    # Students read these in lesson 0, so they name no metadata fields and no HTML: a field's
    # value is given in plain words, with "hidden code" saying it is not shown on the page itself.
    clues: list[str] = []
    metas: dict[str, list[str]] = {}
    for element in document.iter("meta"):
        key = (element.get("property") or element.get("name") or "").strip()
        value = " ".join((element.get("content") or "").split())[:200]
        if key and value:
            metas.setdefault(key, []).append(value)

    def meta(*names: str) -> list[str]:
        return [value for name in names for value in metas.get(name, [])]

    for value in meta("og:site_name", "application-name", "publisher"):
        if name := readable_name(value):
            clues.append(f"The page's hidden code names the site: '{name}'.")
    for value in meta("author", "article:author", "byl"):
        if name := readable_name(value):
            where = " (from the web address of their author page)" if _is_address(value) else ""
            clues.append(f"The page's hidden code names an author: '{name}'{where}.")
    published = [readable_date(value) for value in meta("article:published_time")]
    clues += [f"The page's hidden code says it was published on {date}." for date in published]
    clues += [f"The page's hidden code gives a date: {date}." for date in map(readable_date, meta("date", "pubdate", "dc.date"))
              if date not in published]
    for element in document.iter("link"):
        if (element.get("rel") or "").lower() == "canonical":
            host = urlparse(element.get("href") or "").netloc
            if host:
                clues.append(f"The page gives its own web address: it is on {host}.")
            break
    for element in document.iter("title"):
        title = " ".join((element.text_content() or "").split())
        if title:
            clues.append(f"The browser tab title reads: '{title[:200]}'.")
        break
    # Two fields often carry the same name ("author" and "article:author"): say it once.
    return list(dict.fromkeys(clues))


def _is_address(value: str) -> bool:
    return bool(re.match(r"(?i)(?:https?://|www\.)", value))


def readable_name(value: str) -> str:
    """A name from a page's hidden code as people write it: a web address becomes the name it ends
    in (``.../author/tom-rogan`` is Tom Rogan), or ``""`` when it does not end in one.

    Example:
        >>> readable_name("https://www.example.com/author/tom-rogan/"), readable_name("https://facebook.com/news")
        ('Tom Rogan', '')
    """
    if not _is_address(value):
        return value
    path = urlparse(value if "://" in value else "//" + value).path
    last = next((part for part in reversed(path.split("/")) if part), "")
    parts = [part for part in re.split(r"[-_+]|%20", last) if part]
    # A person's or a site's name has two to four words of letters; "news", "12345" or
    # "author.php" is no name, and a clue that guessed one would mislead.
    if 2 <= len(parts) <= 4 and all(part.isalpha() for part in parts):
        return " ".join(part.capitalize() for part in parts)
    return ""


def readable_date(value: str) -> str:
    """A date (and time) from a page's hidden code as people read it; anything else as it was given.

    Example:
        >>> readable_date("2019-11-20T10:18:01+05:30"), readable_date("2019-11-18T17:26:45.726")
        ('20 November 2019 at 10:18 (UTC+5:30)', '18 November 2019 at 17:26')
    """
    text = value.strip()
    try:
        when = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text)
    except ValueError:
        return f"'{value}'"
    day = f"{when.day} {MONTHS[when.month - 1]} {when.year}"
    if not re.search(r"\d[T ]\d", text):  # a date with no time
        return day
    offset = when.utcoffset()
    zone = ""
    if offset is not None:
        minutes = int(offset / timedelta(minutes=1))
        sign = "+" if minutes > 0 else "−"
        hours, rest = divmod(abs(minutes), 60)
        zone = " (UTC)" if minutes == 0 else f" (UTC{sign}{hours}{f':{rest:02d}' if rest else ''})"
    return f"{day} at {when.hour:02d}:{when.minute:02d}{zone}"
