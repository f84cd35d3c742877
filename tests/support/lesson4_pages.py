"""Lesson 4's test pages: the bundled story, and hand-made pages whose paragraph roles are given."""

from __future__ import annotations

from dataclasses import dataclass

from medialit.segmentation import Block
from medialit.story import Report, load_story
from medialit.terms import load_terms
from hypothesis import strategies as st

STORY = load_story()
TERMS = load_terms()
#: Any text, with the letters and marks the lesson-4 rules look at mixed in often.
TEXT = st.text(alphabet=st.sampled_from(list("regimISDFsta -\n.,'0123456789km%$")) | st.characters(), max_size=300)


def report(report_id: str) -> Report:
    return STORY.report(report_id)


def by_name(sources):
    return {source.name: source for source in sources}


@dataclass(frozen=True)
class HandReport(Report):
    """A hand-made page whose paragraph roles are given, so these tests do not depend on the segmenter."""

    given: tuple[Block, ...] = ()

    @property
    def blocks(self) -> list[Block]:  # type: ignore[override]
        return list(self.given)


def page_with(body: str, comment: str) -> HandReport:
    blocks = (Block(body, "body", 3, "test"), Block(comment, "comment", 7, "test"))
    return HandReport(id="900", filename="900_test.txt", raw_text=f"{body}\n\n{comment}", given=blocks)
