"""The proposed key's reader comments: the kit's "comment" and trafilatura's comments, on hand-made pages."""

from __future__ import annotations

from medialit.page_key import propose_key
from medialit.segmentation import segment
from medialit.webpage import WebPage

BODY = (
    "A storm drove the sea over the harbour wall on Sunday night, flooding the road and tearing six boats loose.",
    "Coastguards said the waves were the highest they had recorded in the bay for more than twenty years.",
    "The council said the road would stay closed until engineers had checked the harbour wall for damage.",
)
TITLE = "Storm floods harbour road as boats break loose"
COMMENTS = (
    "I walked past the wall this morning and the damage to the road is far worse than the pictures show.",
    "Thanks for the report, my father's boat was one of the six and we are still looking for it.",
    "The council was warned about that wall ten years ago and did nothing about it at all.",
)
SIDEBAR = ["* Mayor opens the new bridge over the river", "* Council votes to close the riverside pool"]
ABOUT = "Hi there! I'm Ann, and I write about the coast and its weather every week."
THREAD = ["3 comments", "Gaye", "August 8, 2018 at 3:17 pm", COMMENTS[0], "Tom", "August 8, 2018 at 5:17 pm",
          COMMENTS[1], "Rob", "August 9, 2018 at 3:17 pm", COMMENTS[2]]


def proposed(lines: list[str], comments: tuple[str, ...]) -> dict:
    """Paragraph text -> its proposed entry, for a page of these paragraphs with these comments found by trafilatura."""
    text = "\n\n".join(lines) + "\n"
    page = WebPage(text, main=BODY, titles=(TITLE,), comments=comments)
    texts = {block.line: block.text for block in segment(text)}
    return {texts[entry.line]: entry for entry in propose_key(page)}


def kit_roles(lines: list[str]) -> dict:
    return {block.text: block.role for block in segment("\n\n".join(lines) + "\n")}


PAGE = ["Coast News", TITLE, "By Ann Lee", *BODY, *THREAD, "Elsewhere on Coast News", *SIDEBAR, ABOUT]


def test_the_hand_made_page_has_the_kits_comment_section_running_into_the_sidebar():
    # The premise of the tests below: the kit's rules alone take the sidebar for comments.
    assert [kit_roles(PAGE)[line] for line in (*SIDEBAR, ABOUT)] == ["comment"] * 3


def test_past_the_last_comment_trafilatura_finds_the_kits_comment_does_not_hold():
    found = proposed(PAGE, comments=COMMENTS)
    for line in (*SIDEBAR, ABOUT):
        assert found[line].role == "boilerplate" and found[line].disagree, line


def test_a_line_off_the_thread_has_a_note_saying_where_the_comments_are():
    note = proposed(PAGE, comments=COMMENTS)[ABOUT].note
    assert "outside the comments" in note and "trafilatura" in note


def test_before_the_first_comment_trafilatura_finds_the_kits_comment_does_not_hold_either():
    # An author's box and links to the previous and next post, between the comment heading and the thread.
    lines = ["Coast News", TITLE, "By Ann Lee", *BODY, "2 comments", "Ann Lee", ABOUT, *THREAD]
    assert kit_roles(lines)[ABOUT] == "comment"
    assert proposed(lines, comments=COMMENTS)[ABOUT].role == "boilerplate"


def test_inside_the_thread_a_comment_trafilatura_missed_stays_a_comment():
    found = proposed(PAGE, comments=(COMMENTS[0], COMMENTS[2]))
    assert found[COMMENTS[1]].role == "comment"


def test_where_trafilatura_finds_no_comments_the_kits_comments_stand():
    found = proposed(PAGE, comments=())
    assert [found[line].role for line in COMMENTS] == ["comment"] * 3
    assert found[ABOUT].role == "comment"  # nothing to bound the section: the teacher's review catches it


def test_the_comments_trafilatura_finds_are_comments():
    found = proposed(PAGE, comments=COMMENTS)
    assert [found[line].role for line in COMMENTS] == ["comment"] * 3
    assert not any(found[line].disagree for line in COMMENTS)
