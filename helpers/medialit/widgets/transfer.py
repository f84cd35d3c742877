"""The transfer task (notebooks/06-transfer.ipynb): the unit's moves on a page nobody has seen.

The widgets only show what :mod:`medialit.transfer` works out. The page's own lesson widgets
(the labeller, the headline tagger, the rewrite box, the saved questions) are the ones from
lessons 0-2, pointed at the transfer page by :func:`start_transfer`.
"""

from __future__ import annotations

import ipywidgets as widgets

from ..progress import all_work
from ..quotes import VERDICTS, check_verdict
from ..story import Story, load_story
from ..transfer import (
    AFTER,
    QUOTE_KEY,
    QuoteCheck,
    attempt_lesson,
    choose_attempt,
    original_statement,
    quote_check,
    transfer_folder,
)
from .aria import name_group
from .common import KitBox, SavedBox, Session, esc, guarded, session, start
from .quote_fidelity import plain_detail

ATTEMPT_WORDS = {
    "before": "your BEFORE attempt (a pre-test: you have not finished the unit yet). Do your best; it is not marked, "
              "and the helper's answers stay hidden until your after attempt.",
    "after": "your AFTER attempt (you have finished lesson 5). Use everything the unit taught you.",
}
VERDICT_HELP = {
    "verbatim": "word for word the same",
    "minor wording": "small changes that keep the meaning",
    "meaning changed": "the words left out or changed alter what the speaker meant",
    "different translation": "the same words in another language, translated differently",
    "fragment": "a few words cut from a longer sentence, meaning kept",
}
BOX_STYLE = "white-space:pre-wrap;line-height:1.5;border:1px solid #bbb;border-radius:6px;padding:8px 12px;color:#111;background:#fff"


def start_transfer(story_path: str | None = None, work_folder: str | None = None) -> Session:
    """Open the transfer page, and this student's before or after attempt of it.

    The attempt is 'after' once the student has ranked the reports in lesson 5 (their work
    for the unit's story shows it), otherwise 'before'. Work is saved with the unit's story,
    so the student's export carries both attempts.
    """
    unit = load_story(story_path)
    attempt = choose_attempt(all_work(unit.id, work_folder), unit.ids)
    return start(attempt_lesson(attempt), story_path=str(transfer_folder()), work_folder=work_folder,
                 work_story_id=unit.id, notice=f"This is {ATTEMPT_WORDS[attempt]}", reveals=attempt == AFTER)


class OriginalStatement(KitBox):
    """The full statement the page quotes from, as its speaker gave it."""

    def __init__(self, text: str):
        self.text = text
        super().__init__([widgets.HTML(self.static_html())])
        self.add_class("medialit-original")

    def static_html(self) -> str:
        return (
            '<div role="region" aria-label="The original statement" tabindex="0" '
            f'style="{BOX_STYLE}"><b>The original statement</b>\n\n{esc(self.text)}</div>'
        )


def original() -> OriginalStatement:
    """The original statement of the transfer page, to compare the page's quote with."""
    return OriginalStatement(original_statement(session().story.folder))


class TransferQuote(SavedBox):
    """The page's quote beside the original sentence: the student's verdict and reason, then the helper's view."""

    def __init__(self, story: Story, work, check: QuoteCheck, reveals: bool = True):
        self.check = check
        saved = work.get(QUOTE_KEY, {})
        saved = saved if isinstance(saved, dict) else {}
        self.verdict = widgets.RadioButtons(
            options=[(f"{name}: {VERDICT_HELP[name]}", name) for name in VERDICTS],
            value=saved.get("verdict") if saved.get("verdict") in VERDICTS else None,
            description="Your verdict:",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="min(100%, 760px)"),
        )
        name_group(self.verdict, "Your verdict:", visible=True)
        self.reason = widgets.Textarea(
            value=saved.get("reason") if isinstance(saved.get("reason"), str) else "",
            placeholder="Which words changed or went missing, and does it change the meaning?",
            description="Your reason:",
            continuous_update=False,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="min(100%, 760px)", height="80px"),
        )
        self.reveal = widgets.Button(description="Show the helper's view", icon="eye",
                                     tooltip="Show what the helper notices about this quote",
                                     layout=widgets.Layout(width="fit-content"))
        self.helper = widgets.HTML()
        super().__init__(work, keys=(QUOTE_KEY,))
        self.verdict.observe(guarded(self.status)(lambda change: self._answer()), names="value")
        self.reason.observe(guarded(self.status)(lambda change: self._answer()), names="value")
        self.reveal.on_click(guarded(self.status)(lambda button: self._show_helper()))
        # In the pre-test the helper's view stays hidden: the attempt shows what the student sees alone.
        self.children = [widgets.HTML(self._pair_html()), self.verdict, self.reason,
                         widgets.HBox([self.reveal, self.status] if reveals else [self.status]), self.helper]
        if saved.get("revealed") and reveals:
            self._show_helper()
        self.add_class("medialit-transfer-quote")

    def _answer(self) -> None:
        old = self.state.get(QUOTE_KEY, {})
        self.remember({QUOTE_KEY: {**(old if isinstance(old, dict) else {}),
                                   "verdict": self.verdict.value or "", "reason": self.reason.value}})

    def _show_helper(self) -> None:
        if not self.verdict.value:
            self.status.problem("Choose your verdict first: the helper's view comes after yours.")
            return
        fits, why = check_verdict(self.verdict.value, self.check.comparison)
        flags = "".join(f"<li>{esc(plain_detail(flag.detail))}</li>" for flag in self.check.comparison.flags)
        self.helper.value = (
            f"<p><b>The helper:</b> {'your verdict fits what it sees' if fits else 'it sees it differently'}. "
            f"{esc(why)}</p><ul>{flags}</ul>"
            "<p>The helper only compares words. Whether the cut changes the meaning is your judgement.</p>"
        )
        old = self.state.get(QUOTE_KEY, {})
        self.remember({QUOTE_KEY: {**(old if isinstance(old, dict) else {}), "revealed": True}})

    def _pair_html(self) -> str:
        quote = self.check.quote
        return (
            f"<p><b>On the page</b> ({esc(quote.speaker or 'no speaker named')}):</p>"
            f'<blockquote style="{BOX_STYLE}">“{esc(quote.text)}”</blockquote>'
            f"<p><b>In the original statement</b>:</p>"
            f'<blockquote style="{BOX_STYLE}">{esc(self.check.original_sentence)}</blockquote>'
        )

    def static_html(self) -> str:
        return self._pair_html()


def transfer_quote() -> TransferQuote:
    """The quote step of the transfer task."""
    current = session()
    return TransferQuote(current.story, current.work, quote_check(current.story), reveals=current.reveals)


__all__ = ["original", "start_transfer", "transfer_quote"]
