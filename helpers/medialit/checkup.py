"""Checking a story folder: the one list of what is wrong with it and what is still to do.

The command line (``medialit check-story``) and the API (:func:`check_story`) both use
:func:`check_story_folder`, so they always give the same findings.

Example:
    >>> from medialit.story import bundled_story_folder
    >>> check_story(bundled_story_folder())
    []
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from .answer_key import load_answer_key
from .errors import StoryError
from .quotes import align_quotes, reference_synonyms, reference_versions
from .quotes.keys import has_other_version
from .segmentation import split_paragraphs
from .story import METADATA_FILE, load_story
from .terms import terms_problems


@dataclass(frozen=True)
class Finding:
    """One line of a story check: a ``problem`` stops the lessons, a ``note`` is advice.

    Example:
        >>> Finding("note", "Report 001 has no answer key yet.").kind
        'note'
    """

    kind: str
    text: str


def check_story(path: str | os.PathLike) -> list[str]:
    """Every problem with a story folder, each naming the file and the fix; empty when it is fine.

    The same problems ``medialit check-story`` prints (it also prints notes: see :func:`check_story_folder`).

    Example:
        >>> check_story("/no/such/folder")[0].split(":")[0]
        'The story folder /no/such/folder does not exist'
    """
    return [finding.text for finding in check_story_folder(path) if finding.kind == "problem"]


def check_story_folder(folder: str | os.PathLike) -> list[Finding]:
    """Everything wrong with a story folder (problems) and what is still to do (notes).

    Example:
        >>> from medialit.story import bundled_story_folder
        >>> [f for f in check_story_folder(bundled_story_folder()) if f.kind == "problem"]
        []
    """
    try:
        story = load_story(folder)
    except StoryError as error:
        return [Finding("problem", problem) for problem in error.problems]
    try:
        key, key_problems = load_answer_key(story.folder), []
    except StoryError as error:
        key, key_problems = {}, error.problems
    # load_story turned the key's problems into notes (the lessons go on without it); here they are problems.
    findings = [Finding("note", note) for note in story.notes if not note.startswith(tuple(key_problems))]
    findings.extend(Finding("problem", problem) for problem in key_problems)
    for report in story.reports:
        entries = key.get(report.id, [])
        paragraphs = {p.line for p in split_paragraphs(report.raw_text)}
        if entries and report.id in story.disagreements:
            findings.append(Finding("note", _proposed_key_note(report.id, len(story.disagreements[report.id]))))
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
        if len(report.helper_blocks) > LONG_FOR_LESSON_1:
            findings.append(Finding("note", _long_page_note(report.id, len(report.helper_blocks))))
    findings.extend(Finding("problem", problem) for problem in terms_problems(story.folder))
    for check in (reference_versions, reference_synonyms):
        try:
            check(story)
        except StoryError as error:
            findings.extend(Finding("problem", problem) for problem in error.problems)
    if len(story.reports) < 2:
        findings.append(Finding("note", "A story with one report cannot be compared: add at least one more."))
    else:
        findings.extend(Finding("note", note) for note in _quote_notes(story))
    return findings


def _proposed_key_note(report_id: str, disagreements: int) -> str:
    """What to do with a proposed answer key, in plain English (no "paragraph(s)").

    Example:
        >>> _proposed_key_note("066", 1).split(": ")[1]
        "confirm it in lesson 1's teacher mode, starting with the 1 paragraph where trafilatura and the kit's rules disagree."
    """
    start = f"The answer key for report {report_id} is proposed (from the saved page): confirm it in lesson 1's teacher mode"
    if not disagreements:
        return start + " (trafilatura and the kit's rules agree on every paragraph: read it through once)."
    where = "the 1 paragraph" if disagreements == 1 else f"the {disagreements} paragraphs"
    return f"{start}, starting with {where} where trafilatura and the kit's rules disagree."


#: More paragraphs than this make lesson 1 long: students label every paragraph of a report (40 cards at a time),
#: and the bundled story's reports have 13 to 24.
LONG_FOR_LESSON_1 = 80


def _long_page_note(report_id: str, paragraphs: int) -> str:
    """Lesson 1 on a long page, in plain English.

    Example:
        >>> _long_page_note("066", 213).split(":")[0]
        'Report 066 has 213 paragraphs'
    """
    return (
        f"Report {report_id} has {paragraphs} paragraphs: in lesson 1 students label every one (40 at a time), "
        "most of them menu and footer lines. For a shorter lesson, save the page again from the browser's reader "
        "or print view (fewer menus), or ask students to label the first 80 and say so before they start."
    )


#: How a teacher gives lesson 3 something to compare (the guide's step 4 says the same).
REFERENCE_HOWTO = (
    "Add a reference version: the original statement, a press release or a news agency's version of a main quote, "
    "as a .txt file whose first line names the source and the date (for example 'Council statement, 14 March "
    "2024'), in step 4 of the story builder or in the story's references/ folder "
    "(see lessons/teacher-own-story.md)."
)


def _quote_notes(story: object) -> list[str]:
    """Lesson 3's needs: a remark with a second version (another report's or a reference version).

    Example:
        >>> from medialit.story import load_story
        >>> _quote_notes(load_story())
        []
    """
    try:
        groups = align_quotes(story)
    except StoryError:
        return []  # a broken reference file is reported as a problem above
    if not groups:
        return ["Lesson 3 finds no quotations in the article text of the reports, so its quote checker will be empty."]
    if any(has_other_version(group) for group in groups):
        return []
    given = bool(reference_versions(story) or getattr(story, "references", ()))  # type: ignore[arg-type]
    why = (
        "the story's reference versions match none of its quotes"
        if given
        else "every remark is quoted by one report only and the story has no reference version"
    )
    return [
        f"Lesson 3 needs a remark quoted by two reports, or a reference version: here {why}, so students can only "
        f"check who spoke, not compare wordings. {REFERENCE_HOWTO}"
    ]
