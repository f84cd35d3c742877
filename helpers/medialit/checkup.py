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
from .quotes import reference_synonyms, reference_versions
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
            findings.append(Finding(
                "note",
                f"The answer key for report {report.id} is proposed (from the saved page): confirm it in lesson 1's "
                f"teacher mode, starting with the {len(story.disagreements[report.id])} paragraph(s) where trafilatura "
                "and the kit's rules disagree.",
            ))
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
    findings.extend(Finding("problem", problem) for problem in terms_problems(story.folder))
    for check in (reference_versions, reference_synonyms):
        try:
            check(story)
        except StoryError as error:
            findings.extend(Finding("problem", problem) for problem in error.problems)
    if len(story.reports) < 2:
        findings.append(Finding("note", "A story with one report cannot be compared: add at least one more."))
    return findings
