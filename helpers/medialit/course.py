"""The course: every lesson declared once, with the keys its saved answers use and its evidence.

One :class:`Lesson` per notebook, in :data:`LESSONS` (the pattern of otter-grader's one declared
config per assignment). The widgets, the class view, the verdict and the tests read this table
instead of repeating lesson names and answer keys as string literals:

* ``questions``: the keys of the notebook's free-text questions (``kit.question("key", ...)``),
  including the exit ticket (``exit.1`` ...);
* ``widget_keys``: the keys the lesson's widgets save;
* ``answers``: the shape of the saved answers, as the reader in :mod:`medialit.answers` that
  parses them (``None`` where the answers are only free text);
* ``evidence``: the function that turns the answers into lines for the lesson-5 verdict
  (listed here explicitly; ``None`` for lessons that give none).

A test reads every notebook and fails on a saved key that is not declared here, so renaming a
key in one place cannot silently empty the teacher's view.

Example:
    >>> lesson("03-quote-fidelity").number, lesson("03-quote-fidelity").title
    (3, 'Quote fidelity')
    >>> [item.number for item in LESSONS if item.evidence]
    [0, 1, 2, 3, 4]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from . import answers as _answers
from . import evidence as _evidence
from .story import StoryError

#: The saved questions every lesson notebook ends with (two or three are used).
EXIT_TICKET = ("exit.1", "exit.2", "exit.3")
#: The keys of the work "lesson" that holds the student's name (:data:`medialit.progress.PROFILE`).
PROFILE_KEYS = ("name",)


@dataclass(frozen=True)
class Lesson:
    """One lesson: its id (the notebook's name), number, title, notebook and saved answer keys.

    Example:
        >>> lesson("01-what-is-the-article").notebook
        'notebooks/01-what-is-the-article.ipynb'
    """

    id: str
    number: int | None
    title: str
    notebook: str
    questions: tuple[str, ...]
    widget_keys: tuple[str, ...]
    answers: Callable[..., Any] | None = None
    evidence: Callable[[dict, Any], dict[str, list[str]]] | None = None

    @property
    def stem(self) -> str:
        """The notebook's file name without ``.ipynb`` (the same as ``id``)."""
        return self.id

    @property
    def keys(self) -> tuple[str, ...]:
        """Every answer key this lesson may save."""
        return self.questions + self.widget_keys

    def todo(self) -> str:
        """What to tell a student who has not done this lesson yet.

        Example:
            >>> lesson("02-loaded-headlines").todo()
            'not done yet — open lesson 2 (02-loaded-headlines.ipynb)'
        """
        return f"not done yet — open lesson {self.number} ({self.id}.ipynb)"


LESSONS: tuple[Lesson, ...] = (
    Lesson(
        "00-start-here", 0, "Start here", "notebooks/00-start-here.ipynb",
        questions=("not-article", "publisher-clues", "first-impression", *EXIT_TICKET),
        widget_keys=("viewer.report", "viewer.clues_shown"),
        evidence=_evidence.start_here_evidence,
    ),
    Lesson(
        "01-what-is-the-article", 1, "What is the article?", "notebooks/01-what-is-the-article.ipynb",
        questions=("hardest-paragraph", "helper-clues", "why-it-matters", "comment-claims", "comment-risk", *EXIT_TICKET),
        widget_keys=(_answers.LABELS_KEY, _answers.CHECKED_KEY, "labeller.report", "labeller.helper_shown",
                     "labeller.teacher", "comments.hints_shown"),
        answers=_answers.read_labels,
        evidence=_evidence.article_parts_evidence,
    ),
    Lesson(
        "02-loaded-headlines", 2, "Loaded headlines", "notebooks/02-loaded-headlines.ipynb",
        questions=("q-most-loaded", "q-helper-disagree", "q-class-disagree", *EXIT_TICKET),
        widget_keys=(_answers.TAGS_KEY, "compared", "rewrite.report", _answers.REWRITES_KEY),
        answers=_answers.read_tags,
        evidence=_evidence.loaded_headlines_evidence,
    ),
    Lesson(
        "03-quote-fidelity", 3, "Quote fidelity", "notebooks/03-quote-fidelity.ipynb",
        questions=("chain-differences", "chain-trust", "reference-changes", "helper-disagrees", "headline-quote",
                   "acceptable", "reported-speech", *EXIT_TICKET),
        widget_keys=(_answers.VERDICTS_KEY, _answers.REFERENCE_KEY, _answers.REVEALED_KEY, "quotecheck.remark"),
        answers=_answers.read_verdicts,
        evidence=_evidence.quote_fidelity_evidence,
    ),
    Lesson(
        "04-words-sources-numbers", 4, "Words, sources, numbers", "notebooks/04-words-sources-numbers.ipynb",
        questions=("stance", "trust-numbers", "readability-limits", "both-sides", *EXIT_TICKET),
        widget_keys=("terms", "sources", "numbers", "readability"),
        evidence=_evidence.words_sources_numbers_evidence,
    ),
    Lesson(
        "05-verdict", 5, "Verdict", "notebooks/05-verdict.ipynb",
        questions=("justification", *EXIT_TICKET),
        widget_keys=("notes", _answers.RANKING_KEY, "chosen", "summary", "exported"),
        answers=_answers.read_ranking,
    ),
    # The transfer task: one notebook, two attempts saved apart (before lesson 1 and after lesson 5).
    *(
        Lesson(
            f"06-transfer-{attempt}", 6, f"Transfer task ({attempt} the unit)", "notebooks/06-transfer.ipynb",
            questions=("transfer.sources", "transfer.numbers", "transfer.comments", "transfer.trust", *EXIT_TICKET),
            widget_keys=("viewer.report", _answers.LABELS_KEY, _answers.CHECKED_KEY, "labeller.report",
                         "labeller.helper_shown", _answers.TAGS_KEY, "compared", "rewrite.report",
                         _answers.REWRITES_KEY, "transfer.quote"),
        )
        for attempt in ("before", "after")
    ),
    Lesson(
        "teacher-make-a-story", None, "Make a story (teacher)", "notebooks/teacher/make-a-story.ipynb",
        questions=(),
        # The teacher checks the new story's answer key with lesson 1's labeller, saved apart from students' work.
        widget_keys=(_answers.LABELS_KEY, _answers.CHECKED_KEY, "labeller.report", "labeller.helper_shown",
                     "labeller.teacher"),
    ),
    Lesson(
        "teacher-class-work", None, "The class's work (teacher)", "notebooks/teacher/class-work.ipynb",
        questions=(),
        widget_keys=("class.folder",),
    ),
)

#: The lessons whose evidence the verdict gathers, in order.
EVIDENCE_LESSONS: tuple[Lesson, ...] = tuple(item for item in LESSONS if item.evidence is not None)


def lesson(lesson_id: str) -> Lesson:
    """The lesson with this id (the notebook's name without ``.ipynb``).

    Example:
        >>> lesson("05-verdict").number
        5
    """
    for item in LESSONS:
        if item.id == lesson_id:
            return item
    known = ", ".join(item.id for item in LESSONS)
    raise StoryError([f"There is no lesson {lesson_id!r} in this kit. The lessons are: {known}."])


def undeclared_keys(lesson_id: str, keys: list[str] | tuple[str, ...]) -> list[str]:
    """The keys in ``keys`` that the lesson does not declare (what a renamed key looks like).

    Example:
        >>> undeclared_keys("00-start-here", ["not-article", "not_article"])
        ['not_article']
    """
    declared = set(lesson(lesson_id).keys)
    return [key for key in keys if key not in declared]
