"""Make a story folder from a teacher's own pages, and list what is wrong with a story folder.

A teacher saves several reports of one event as ``.txt`` files, or as web pages
(``.html``), in one folder; :func:`new_story` turns that folder into a story the
lessons can use: one numbered ``.txt`` file per report, a ``story.json`` with what
each page reveals about its publisher, and a blank answer key for lesson 1.

Web pages are turned into text with inscriptis, which keeps the page's layout
(menus, captions, footers stay, each on its own line) because lesson 1 is about
telling the article from everything around it.

Example:
    >>> import tempfile, pathlib
    >>> source = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (source / "a.txt").write_text("Mayor opens bridge\\n\\nThe mayor said the bridge opens today.")
    >>> story = new_story(source, source / "story")
    >>> [r.filename for r in story.reports]
    ['001_a.txt']
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from .story import METADATA_FILE, MAX_REPORT_BYTES, Story, StoryError, load_story, report_id

ANSWER_KEY_FILE = "answer_key.json"
SOURCE_SUFFIXES = (".txt", ".html", ".htm")


@dataclass(frozen=True)
class Finding:
    """One line of a story check: a ``problem`` stops the lessons, a ``note`` is advice.

    Example:
        >>> Finding("note", "Report 001 has no answer key yet.").kind
        'note'
    """

    kind: str
    text: str


def new_story(source: str | os.PathLike, target: str | os.PathLike, title: str = "", date: str = "") -> Story:
    """Turn a folder of ``.txt``/``.html`` reports into a story folder; return the loaded story.

    Refuses to write into a folder that already has files, so nothing is overwritten.
    Raises :class:`StoryError` naming each bad file and the fix.

    Example:
        >>> import tempfile, pathlib
        >>> source = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (source / "page.html").write_text("<title>Daily</title><h1>Bridge opens</h1><p>It opened today.</p>")
        >>> new_story(source, source / "out", title="The bridge").reports[0].headline
        'Bridge opens'
    """
    source, target = Path(source).expanduser(), Path(target).expanduser()
    if not source.is_dir():
        raise StoryError([f"The source folder {source} does not exist: give the folder that holds the saved pages."])
    files = sorted(p for p in source.iterdir() if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES)
    if not files:
        raise StoryError([f"{source} has no .txt or .html files: save each report there first."])
    if target.exists() and any(target.iterdir()):
        raise StoryError([f"{target} already has files in it: choose a new, empty folder for the story."])
    reports, problems = _convert_all(files)
    if problems:
        raise StoryError(problems)
    target.mkdir(parents=True, exist_ok=True)
    metadata: dict = {
        "id": _slug(title or target.name),
        "title": title or target.name,
        "date": date,
        "about": f"Made with `medialit new-story` from {len(reports)} files in {source.name}.",
        "reports": {},
    }
    for rid, original, text, clues in reports:
        name = re.sub(r"^\d{3}(?=[_\-. ]|$)", "", Path(original).stem)  # the id is already in front
        (target / f"{rid}_{_slug(name)[:40]}.txt").write_text(text, encoding="utf-8")
        metadata["reports"][rid] = {"label": "", "publisher_clues": clues, "source_file": original}
    (target / METADATA_FILE).write_text(json.dumps(metadata, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    blank_key = {rid: [] for rid, _, _, _ in reports}
    (target / ANSWER_KEY_FILE).write_text(json.dumps(blank_key, indent=2) + "\n", encoding="utf-8")
    return load_story(target)


def check_story_folder(folder: str | os.PathLike) -> list[Finding]:
    """Everything wrong with a story folder (problems) and what is still to do (notes).

    Example:
        >>> from medialit.story import bundled_story_folder
        >>> [f for f in check_story_folder(bundled_story_folder()) if f.kind == "problem"]
        []
    """
    from .quotes import reference_synonyms, reference_versions
    from .answer_key import load_answer_key
    from .segmentation import split_paragraphs

    try:
        story = load_story(folder)
    except StoryError as error:
        return [Finding("problem", problem) for problem in error.problems]
    findings: list[Finding] = []
    try:
        key = load_answer_key(story.folder)
    except StoryError as error:
        findings.extend(Finding("problem", problem) for problem in error.problems)
        key = {}
    for report in story.reports:
        entries = key.get(report.id, [])
        paragraphs = {p.line for p in split_paragraphs(report.raw_text)}
        if not entries:
            findings.append(
                Finding("note", f"Report {report.id} has no answer key yet: write one in lesson 1's teacher mode.")
            )
        elif {entry.line for entry in entries} != paragraphs:
            findings.append(
                Finding(
                    "problem",
                    f"The answer key for report {report.id} does not match its paragraphs (was the .txt file "
                    "edited after the key was written?): redo it in lesson 1's teacher mode.",
                )
            )
        if not report.publisher_clues:
            findings.append(Finding("note", f"Report {report.id} has no publisher clues in {METADATA_FILE}."))
    for check in (reference_versions, reference_synonyms):
        try:
            check(story)
        except StoryError as error:
            findings.extend(Finding("problem", problem) for problem in error.problems)
    if len(story.reports) < 2:
        findings.append(Finding("note", "A story with one report cannot be compared: add at least one more."))
    return findings


def _convert_all(files: list[Path]) -> tuple[list[tuple[str, str, str, list[str]]], list[str]]:
    problems: list[str] = []
    converted: list[tuple[str, str, str, list[str]]] = []
    wanted = [report_id(f.name) for f in files]
    used = {rid for rid in wanted if re.fullmatch(r"\d{3}", rid)}
    counter = 1
    for file, rid in zip(files, wanted):
        if not re.fullmatch(r"\d{3}", rid) or rid in {c[0] for c in converted}:
            while f"{counter:03d}" in used:
                counter += 1
            rid = f"{counter:03d}"
            used.add(rid)
        if file.stat().st_size > MAX_REPORT_BYTES * 4:
            problems.append(f"{file.name} is over 8 MB: save just the article's page, not a whole site.")
            continue
        data = file.read_bytes()
        if file.suffix.lower() == ".txt":
            try:
                text, clues = data.decode("utf-8").removeprefix("\ufeff"), []
            except UnicodeDecodeError as error:
                problems.append(
                    f"{file.name} is not UTF-8 text (byte {error.start}): re-save it as UTF-8 in your text editor."
                )
                continue
        else:
            text, clues = html_to_text(data)
        if not text.strip():
            problems.append(f"{file.name} has no text in it: check that the page was saved completely.")
            continue
        if len(text.encode("utf-8")) > MAX_REPORT_BYTES:
            problems.append(f"{file.name} gives over 2 MB of text: save only the article's page.")
            continue
        converted.append((rid, file.name, text, clues))
    return sorted(converted), problems


def html_to_text(data: bytes) -> tuple[str, list[str]]:
    """A saved web page as plain text in its reading order, and what its metadata says about the publisher.

    Example:
        >>> text, clues = html_to_text(b'<meta property="og:site_name" content="The Daily"><p>Hello</p>')
        >>> text.strip(), clues
        ('Hello', ["The page's metadata names the site: 'The Daily' (og:site_name)."])
    """
    import lxml.html
    from inscriptis import Inscriptis
    from inscriptis.model.config import ParserConfig

    try:
        document = lxml.html.document_fromstring(data)
    except (ValueError, lxml.etree.ParserError):
        return "", []
    for element in document.xpath("//script|//style|//noscript|//template"):
        element.drop_tree()
    text = Inscriptis(document, ParserConfig(display_links=False, display_images=False)).get_text()
    # Scrapes separate paragraphs by blank lines; collapse the runs of blank lines layout leaves.
    text = re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", text).strip() + "\n"
    return text, _publisher_clues(document)


def _publisher_clues(document) -> list[str]:
    clues: list[str] = []

    def meta(*names: str) -> list[tuple[str, str]]:
        found = []
        for name in names:
            for value in document.xpath(f'//meta[@property="{name}" or @name="{name}"]/@content'):
                if value.strip():
                    found.append((name, " ".join(value.split())[:200]))
        return found

    for name, value in meta("og:site_name", "application-name", "publisher"):
        clues.append(f"The page's metadata names the site: '{value}' ({name}).")
    for name, value in meta("author", "article:author", "byl"):
        clues.append(f"The page's metadata names an author: '{value}' ({name}).")
    for name, value in meta("article:published_time", "date", "pubdate", "dc.date"):
        clues.append(f"The page's metadata gives a date: '{value}' ({name}).")
    for href in document.xpath('//link[@rel="canonical"]/@href')[:1]:
        host = urlparse(href).netloc
        if host:
            clues.append(f"The page's own address (its canonical link) is on {host}.")
    titles = document.xpath("//title/text()")
    if titles and titles[0].strip():
        clues.append(f"The browser tab title reads: '{' '.join(titles[0].split())[:200]}'.")
    return clues


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "story"
