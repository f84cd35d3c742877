"""The transfer task: every move of the unit, on one short page the class has never seen.

The page lives in ``data/transfer/`` as a one-report story: an invented local news site with
its own menus and footer, a loaded headline, a quote trimmed from a statement whose full text
is given (``references/original.txt``), and a reader-comment thread. Students do the task twice, before
lesson 1 (a pre-test) and after lesson 5 (a post-test). Each attempt is saved as its own lesson,
``06-transfer-before`` or ``06-transfer-after``, in the student's work for the unit's story, so
the export a teacher collects carries both and the teacher's view can put them side by side.

Scores here are counts a teacher can check by hand (labels that match the answer key, headline
words the student flagged that the helper flags too); the written answers are judged with the
rubric in ``lessons/06-transfer.md``, not by the kit.

Example:
    >>> choose_attempt({}, ["001", "002"]), choose_attempt({"05-verdict": {"ranking": ["002", None]}}, ["001", "002"])
    ('before', 'after')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .answer_key import mark_labels
from .answers import read_labels, read_ranking, read_tags
from .headlines import suggest_loaded
from .quotes import VERDICTS, QuoteComparison, check_verdict, compare_quotes, report_quotes
from .story import Story
from .text import sentences, words

BEFORE, AFTER = "before", "after"
ATTEMPTS = (BEFORE, AFTER)
#: The saved answer of the quote step: ``{"verdict": one of VERDICTS, "reason": str, "revealed": bool}``.
QUOTE_KEY = "transfer.quote"
#: The written questions of the task, in the notebook's order.
WRITTEN_KEYS = ("transfer.sources", "transfer.numbers", "transfer.comments", "transfer.trust")
ORIGINAL_FILE = "references/original.txt"
#: The lesson whose saved ranking shows that a student has finished the unit.
VERDICT_LESSON = "05-verdict"


def transfer_folder() -> Path:
    """The bundled transfer page, a one-report story folder.

    Example:
        >>> (transfer_folder() / "story.json").exists()
        True
    """
    return Path(str(resources.files("medialit") / "data" / "transfer"))


def attempt_lesson(attempt: str) -> str:
    """The lesson id an attempt is saved under.

    Example:
        >>> attempt_lesson("after")
        '06-transfer-after'
    """
    if attempt not in ATTEMPTS:
        raise ValueError(f"an attempt is 'before' or 'after', not {attempt!r}")
    return f"06-transfer-{attempt}"


def choose_attempt(saved: dict[str, Any], report_ids: list[str]) -> str:
    """'after' once the student has ranked the unit's reports in lesson 5, otherwise 'before'.

    ``saved`` is the student's work for the unit's story, ``{lesson: answers}`` as
    :func:`medialit.progress.all_work` gives it; ``report_ids`` are that story's reports.

    Example:
        >>> choose_attempt({"05-verdict": {"ranking": [None, None]}}, ["001", "002"])
        'before'
    """
    verdict = saved.get(VERDICT_LESSON, {}) if isinstance(saved, dict) else {}
    return AFTER if any(read_ranking(verdict, report_ids).places) else BEFORE


def original_statement(folder: Path | None = None) -> str:
    """The full statement the page's quote was cut from, as the speaker gave it.

    Example:
        >>> original_statement().startswith("Statement by")
        True
    """
    return ((folder or transfer_folder()) / ORIGINAL_FILE).read_text(encoding="utf-8")


@dataclass(frozen=True)
class QuoteCheck:
    """The page's quote, the sentence of the original it was cut from, and the word-by-word comparison.

    Example:
        >>> check = quote_check(load_transfer_story())
        >>> check.quote.speaker
        'Ruth Okafor'
    """

    quote: Any
    original_sentence: str
    comparison: QuoteComparison


def load_transfer_story() -> Story:
    """The transfer page as a :class:`~medialit.story.Story`.

    Example:
        >>> load_transfer_story().ids
        ['001']
    """
    from .story import load_story

    return load_story(transfer_folder())


def quote_check(story: Story, original: str | None = None) -> QuoteCheck:
    """Find the page's quote that comes from the original statement, and compare the two.

    The quote chosen is the one sharing the most words with some sentence of the original;
    that sentence is the reference.

    Example:
        >>> check = quote_check(load_transfer_story())
        >>> "consider" in check.original_sentence
        True
    """
    original = original if original is not None else original_statement(story.folder)
    candidates = [s.text for s in sentences(original)]
    best: tuple[int, Any, str] | None = None
    for report in story.reports:
        for quote in report_quotes(report):
            quoted = _word_set(quote.text)
            for sentence in candidates:
                shared = len(quoted & _word_set(sentence))
                if best is None or shared > best[0]:
                    best = (shared, quote, sentence)
    if best is None or best[0] == 0:
        raise ValueError("the page has no quote from the original statement")
    _, quote, sentence = best
    return QuoteCheck(quote, sentence, compare_quotes(sentence, quote))


def _word_set(text: str) -> set[str]:
    return {span.text.lower() for span in words(text) if len(span.text) > 2}


@dataclass(frozen=True)
class AttemptScore:
    """What one attempt of the transfer task shows, as counts a teacher can check.

    Example:
        >>> AttemptScore().parts_done
        0
    """

    labels_right: int = 0
    labels_scored: int = 0
    labels_total: int = 0
    loaded_agreed: tuple[str, ...] = ()
    loaded_missed: tuple[str, ...] = ()
    loaded_own: tuple[str, ...] = ()
    quote_verdict: str = ""
    quote_reason: str = ""
    quote_verdict_fits: bool | None = None
    written: dict[str, str] = field(default_factory=dict)

    @property
    def parts_done(self) -> int:
        """How many of the task's parts have an answer (labels, headline, quote, each written question)."""
        return (
            (self.labels_scored > 0)
            + bool(self.loaded_agreed or self.loaded_own)
            + bool(self.quote_verdict)
            + sum(1 for text in self.written.values() if text.strip())
        )


def score_attempt(answers: object, story: Story, comparison: QuoteComparison | None = None) -> AttemptScore:
    """Score one attempt's saved answers against the answer key and the helper.

    Odd saved data is skipped, never raised (the readers in :mod:`medialit.answers`).
    ``comparison`` is the page's quote against its original, when already worked out (a class's
    attempts all share it); by default it is worked out here.

    Example:
        >>> story = load_transfer_story()
        >>> score = score_attempt({"labeller.labels": {"001": {"1": {"group": "other"}}}}, story)
        >>> score.labels_right, score.labels_scored
        (1, 1)
    """
    answers = answers if isinstance(answers, dict) else {}
    report = story.reports[0]
    key = list(report.key)  # the story's answer key, read when the story was loaded
    labels = read_labels(answers).labels.get(report.id, {})
    score = mark_labels(report.helper_blocks, labels, key)
    scored = [mark for mark in score.marks if mark.label is not None and mark.key_role]
    right = [mark for mark in scored if mark.right]

    headline = report.headline
    helper = {headline[f.start:f.end].lower() for f in suggest_loaded(headline)}
    tagged = {tag.word.lower() for tag in read_tags(answers, story).tags.get(report.id, [])}

    saved_quote = answers.get(QUOTE_KEY, {})
    saved_quote = saved_quote if isinstance(saved_quote, dict) else {}
    verdict = saved_quote.get("verdict") if saved_quote.get("verdict") in VERDICTS else ""
    reason = saved_quote.get("reason") if isinstance(saved_quote.get("reason"), str) else ""
    fits = None
    if verdict:
        fits, _ = check_verdict(verdict, comparison or quote_check(story).comparison)
    written = {key: answers[key] for key in WRITTEN_KEYS if isinstance(answers.get(key), str)}
    return AttemptScore(
        labels_right=len(right),
        labels_scored=len(scored),
        labels_total=len(key),
        loaded_agreed=tuple(sorted(tagged & helper)),
        loaded_missed=tuple(sorted(helper - tagged)),
        loaded_own=tuple(sorted(tagged - helper)),
        quote_verdict=verdict,
        quote_reason=reason[:2000],
        quote_verdict_fits=fits,
        written=written,
    )


@dataclass(frozen=True)
class TransferRow:
    """One student's two attempts side by side (either may be missing).

    Example:
        >>> TransferRow("Sam", None, AttemptScore()).change()
        'no before attempt'
    """

    student: str
    before: AttemptScore | None
    after: AttemptScore | None

    def change(self) -> str:
        """One line for the teacher: what moved between the two attempts."""
        if self.before is None:
            return "no before attempt"
        if self.after is None:
            return "no after attempt yet"
        parts = [
            f"labels right {self.before.labels_right} → {self.after.labels_right}",
            f"headline words shared with the helper {len(self.before.loaded_agreed)} → {len(self.after.loaded_agreed)}",
            f"parts answered {self.before.parts_done} → {self.after.parts_done}",
        ]
        return "; ".join(parts)


def compare_attempts(work: Any, story: Story) -> list[TransferRow]:
    """Each student's before and after attempts, from a class's exports (:class:`medialit.classwork.ClassWork`).

    Example:
        >>> from medialit.classwork import ClassWork, StudentWork
        >>> sam = StudentWork("Sam", "sam.json", "", {"06-transfer-before": {"transfer.trust": "Not much."}})
        >>> [row.change() for row in compare_attempts(ClassWork("/tmp", None, (sam,), ()), load_transfer_story())]
        ['no after attempt yet']
    """
    rows = []
    comparison = quote_check(story).comparison
    for student in work.students:
        found = {attempt: student.answers(attempt_lesson(attempt)) for attempt in ATTEMPTS}
        if not any(found.values()):
            continue
        rows.append(
            TransferRow(
                student.student,
                score_attempt(found[BEFORE], story, comparison) if found[BEFORE] else None,
                score_attempt(found[AFTER], story, comparison) if found[AFTER] else None,
            )
        )
    return rows
