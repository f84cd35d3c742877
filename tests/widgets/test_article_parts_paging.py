"""Lesson 1's labeller on a long saved page: the paragraph cards a page at a time, the labels of every paragraph kept."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

import medialit.widgets as kit
import medialit.widgets.article_parts as article_parts
from medialit.answer_key import ANSWER_KEY_FILE, KeyEntry, answer_key_text, load_answer_key
from medialit.evidence import article_parts_evidence as evidence
from medialit.progress import open_work
from medialit.widgets.article_parts import CARDS_PER_PAGE, CHECKED_KEY, LABELS_KEY, TEACHER_KEY, Pager

LESSON = "01-what-is-the-article"
BLOCKS = 95  # three pages of cards: 1-40, 41-80, 81-95


def long_page_text() -> str:
    """A hand-made saved page of 95 one-line paragraphs: a headline, 59 of article, 30 reader comments, 5 of footer."""
    paragraphs = ["Harbour wall to be rebuilt before the winter storms"]
    paragraphs += [
        f"Paragraph {n} of the article: the council's engineers said section {n} of the harbour wall "
        f"had cracked in the spring storms and would cost {n * 3} thousand pounds to mend."
        for n in range(2, 61)
    ]
    paragraphs += [f"Reader {n} wrote: I walk my dog on that wall every morning and it was fine, comment {n}." for n in range(61, 91)]
    paragraphs += [f"Footer link {n}: About us · Contact · Terms of use" for n in range(91, 96)]
    return "\n\n".join(paragraphs) + "\n"


def long_page_key() -> dict[str, list[KeyEntry]]:
    """The key of the long page: paragraph n is on line 2n-1 (one-line paragraphs with a blank line between)."""
    roles = ["headline"] + ["body"] * 59 + ["comment"] * 30 + ["boilerplate"] * 5
    return {"001": [KeyEntry(2 * n - 1, role, f"Why {n}.") for n, role in enumerate(roles, start=1)]}


def line_of(n: int) -> int:
    """The line of the n-th paragraph (from 1) of the long page."""
    return 2 * n - 1


@pytest.fixture
def long_story(tmp_path):
    """A story with one long report (95 paragraphs) and its answer key, and one short report."""
    folder = tmp_path / "long-story"
    folder.mkdir()
    (folder / "001_long.txt").write_text(long_page_text(), encoding="utf-8")
    (folder / "002_short.txt").write_text(
        "Harbour wall repairs agreed\n\nThe council agreed on Monday to mend the harbour wall before the winter, "
        "its engineers told reporters.\n",
        encoding="utf-8",
    )
    (folder / ANSWER_KEY_FILE).write_text(answer_key_text(long_page_key()), encoding="utf-8")
    return folder


@pytest.fixture
def keyless_long_story(long_story):
    (long_story / ANSWER_KEY_FILE).unlink()
    return long_story


def card_at(widget, n):
    """The card of the n-th paragraph (from 1), which must be on the page shown."""
    return next(card for card in widget.cards if card.block.line == line_of(n))


def pagers_in(widget):
    found = []

    def walk(node):
        if isinstance(node, Pager):
            found.append(node)
        for child in getattr(node, "children", ()):
            walk(child)

    walk(widget)
    return found


def saved_answers(current):
    return open_work(LESSON, current.story.id, folder=current.work.folder.parent).answers


def next_page(widget):
    widget.pagers[0].next.click()


def previous_page(widget):
    widget.pagers[0].previous.click()


# --- drawing a page of cards at a time --------------------------------------------------------------


def test_the_long_report_has_95_paragraphs_and_the_key_covers_them(work_folder, long_story):
    current = kit.start(LESSON, story_path=str(long_story))
    assert len(current.story.report("001").helper_blocks) == BLOCKS
    assert [e.line for e in load_answer_key(long_story)["001"]] == [b.line for b in current.story.report("001").helper_blocks]


def test_a_long_report_builds_only_the_first_40_cards(work_folder, long_story, monkeypatch):
    built = []

    class CountedCard(article_parts.Card):
        def __init__(self, *args, **kwargs):
            built.append(args[0].line)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(article_parts, "Card", CountedCard)
    kit.start(LESSON, story_path=str(long_story))
    widget = kit.labeller()
    assert CARDS_PER_PAGE == 40
    assert built == [line_of(n) for n in range(1, 41)]
    assert [card.block.line for card in widget.cards] == built
    next_page(widget)
    assert len(built) == 80  # the next page's cards are built when it is first shown


def test_paging_shows_paragraphs_41_to_80_then_81_to_95(work_folder, long_story):
    kit.start(LESSON, story_path=str(long_story))
    widget = kit.labeller()
    top, bottom = pagers_in(widget)
    assert "Paragraphs 1–40 of 95" in top.where.value and bottom.where.value == top.where.value
    next_page(widget)
    assert "Paragraphs 41–80 of 95" in top.where.value
    assert [card.block.line for card in widget.cards] == [line_of(n) for n in range(41, 81)]
    bottom.next.click()  # the bar below the cards turns the page too
    assert "Paragraphs 81–95 of 95" in top.where.value and len(widget.cards) == 15


def test_turning_a_page_changes_only_the_cards_so_the_pressed_button_keeps_the_keyboard_focus(work_folder, long_story):
    kit.start(LESSON, story_path=str(long_story))
    widget = kit.labeller()
    around = widget.cards_box.children
    next_page(widget)
    # ipywidgets redraws every child after the first one that changed; the bars must not be among them.
    assert widget.cards_box.children == around and widget.cards_box.children[-1] is widget.pagers[1]
    assert list(widget.page_box.children) == widget.cards and widget.cards[0].block.line == line_of(41)


def test_the_paging_buttons_name_what_they_do_and_the_words_say_when_there_is_no_more(work_folder, long_story):
    kit.start(LESSON, story_path=str(long_story))
    widget = kit.labeller()
    pager = widget.pagers[0]
    assert pager.previous.description == "◀ Previous 40" and pager.next.description == "Next 40 ▶"
    assert pager.next.tooltip == "Show paragraphs 41–80" and "first" in pager.previous.tooltip
    assert "(the first ones)" in pager.where.value
    next_page(widget)
    assert pager.next.description == "Next 15 ▶" and pager.previous.tooltip == "Show paragraphs 1–40"
    assert "(the" not in pager.where.value
    next_page(widget)
    assert "last" in pager.next.tooltip and "Paragraphs 81–95 of 95</b> (the last ones)" in pager.where.value


def test_the_paging_buttons_are_never_disabled_so_keyboard_focus_stays_on_them(work_folder, long_story):
    kit.start(LESSON, story_path=str(long_story))
    widget = kit.labeller()
    for _ in range(3):
        assert not any(button.disabled for pager in widget.pagers for button in (pager.previous, pager.next))
        next_page(widget)


def test_pressing_next_on_the_last_paragraphs_or_previous_on_the_first_keeps_the_cards(work_folder, long_story):
    kit.start(LESSON, story_path=str(long_story))
    widget = kit.labeller()
    first = list(widget.cards)
    widget.pagers[0].previous.click()
    assert widget.page == 0 and widget.cards == first
    next_page(widget)
    next_page(widget)
    last = list(widget.cards)
    widget.pagers[1].next.click()
    assert widget.page == 2 and widget.cards == last


def test_the_bundled_story_shows_no_paging_controls(work_folder):
    current = kit.start(LESSON)
    widget = kit.labeller()
    for report in current.story.reports:
        widget.picker.value = report.id
        assert len(widget.cards) == len(report.helper_blocks) <= CARDS_PER_PAGE
        assert pagers_in(widget) == [] and list(widget.cards_box.children) == widget.cards


@pytest.mark.parametrize("count", [1, 40, 41, 80, 81])
def test_turning_through_every_page_shows_each_paragraph_once(count, work_folder, tmp_path):
    folder = tmp_path / "story"
    folder.mkdir()
    text = "\n\n".join(f"Paragraph {n} says the harbour wall cracked in section {n}." for n in range(1, count + 1))
    (folder / "001_page.txt").write_text(text + "\n", encoding="utf-8")
    kit.start(LESSON, story_path=str(folder))
    widget = kit.labeller()
    seen = [card.block.line for card in widget.cards]
    assert (pagers_in(widget) == []) == (count <= CARDS_PER_PAGE)
    while pagers_in(widget) and "(the last ones)" not in widget.pagers[0].where.value:
        next_page(widget)
        seen += [card.block.line for card in widget.cards]
    assert seen == [line_of(n) for n in range(1, count + 1)]


def test_a_short_report_of_a_long_story_shows_no_paging_controls_and_the_long_one_keeps_its_page(work_folder, long_story):
    kit.start(LESSON, story_path=str(long_story))
    widget = kit.labeller()
    next_page(widget)
    widget.picker.value = "002"
    assert pagers_in(widget) == [] and len(widget.cards) == 2
    widget.picker.value = "001"
    assert "Paragraphs 41–80 of 95" in widget.pagers[0].where.value


# --- every label kept, whatever page is shown ----------------------------------------------------------


def test_labels_made_on_page_1_survive_going_to_page_3_and_back_and_are_saved(work_folder, long_story):
    current = kit.start(LESSON, story_path=str(long_story))
    widget = kit.labeller()
    card_at(widget, 1).role.value = "headline"
    next_page(widget)
    next_page(widget)
    card_at(widget, 90).group.value = "comment"
    previous_page(widget)
    previous_page(widget)
    assert card_at(widget, 1).role.value == "headline"
    assert saved_answers(current)[LABELS_KEY]["001"] == {
        str(line_of(1)): {"group": "other", "role": "headline"},
        str(line_of(90)): {"group": "comment", "role": ""},
    }


def test_labels_on_a_later_page_come_back_when_the_notebook_is_run_again(work_folder, long_story):
    kit.start(LESSON, story_path=str(long_story))
    widget = kit.labeller()
    next_page(widget)
    next_page(widget)
    card_at(widget, 90).group.value = "comment"
    kit.start(LESSON, story_path=str(long_story))
    again = kit.labeller()
    next_page(again)
    next_page(again)
    assert card_at(again, 90).group.value == "comment"


def test_the_progress_line_counts_labels_on_every_page(work_folder, long_story):
    kit.start(LESSON, story_path=str(long_story))
    widget = kit.labeller()
    card_at(widget, 2).group.value = "body"
    next_page(widget)
    card_at(widget, 50).group.value = "body"
    assert "You have labelled 2 of 95 paragraphs" in widget.progress.value


def test_the_lesson_5_evidence_counts_labels_on_every_page(work_folder, long_story):
    current = kit.start(LESSON, story_path=str(long_story))
    widget = kit.labeller()
    card_at(widget, 2).group.value = "body"
    next_page(widget)
    next_page(widget)
    card_at(widget, 90).group.value = "comment"
    assert evidence(saved_answers(current), current.story)["001"][0].startswith("You labelled 2 of 95 paragraphs")


# --- checking and revealing over the whole report -------------------------------------------------------


def label_every_page(widget, group):
    for _ in range(3):
        for card in widget.cards:
            card.group.value = group
        next_page(widget)
    previous_page(widget)
    previous_page(widget)


def test_check_marks_all_95_paragraphs_not_only_the_page_shown(work_folder, long_story):
    current = kit.start(LESSON, story_path=str(long_story))
    widget = kit.labeller()
    label_every_page(widget, "body")
    widget.check_button.click()
    # The 59 article paragraphs are right; the headline, 30 comments and 5 footer lines are not.
    assert "Score: 59 of 95 paragraphs" in widget.score.value
    assert saved_answers(current)[CHECKED_KEY]["001"] == {"right": 59, "scored": 95, "roles_right": 0, "unlabelled": 0}
    assert widget.current_score().scored == BLOCKS


def test_the_score_says_where_the_wrong_cards_on_other_pages_are(work_folder, long_story):
    kit.start(LESSON, story_path=str(long_story))
    widget = kit.labeller()
    label_every_page(widget, "body")
    widget.check_button.click()
    # Paragraph 1 (a headline) is wrong on this page; paragraphs 61-95 are wrong on the other two.
    assert "35 wrong cards are in paragraphs 41–80 and 81–95, not shown now." in widget.score.value
    next_page(widget)
    next_page(widget)
    assert "21 wrong cards are in paragraphs 1–40 and 41–80, not shown now." in widget.score.value


def test_the_score_says_where_unlabelled_cards_on_other_pages_are(work_folder, long_story):
    kit.start(LESSON, story_path=str(long_story))
    widget = kit.labeller()
    for card in widget.cards:
        card.group.value = "body"
    widget.check_button.click()
    assert "55 cards not labelled yet are in paragraphs 41–80 and 81–95, not shown now." in widget.score.value
    assert "wrong cards are in" not in widget.score.value  # the only wrong card, the headline, is on this page


def test_cards_on_a_later_page_show_their_marks_after_checking(work_folder, long_story):
    kit.start(LESSON, story_path=str(long_story))
    widget = kit.labeller()
    next_page(widget)
    card_at(widget, 70).group.value = "comment"
    previous_page(widget)
    widget.check_button.click()
    next_page(widget)
    assert "✓" in card_at(widget, 70).mark.value and "Not labelled yet" in card_at(widget, 41).mark.value


def test_changing_a_label_on_a_later_page_after_checking_asks_for_a_new_check(work_folder, long_story):
    kit.start(LESSON, story_path=str(long_story))
    widget = kit.labeller()
    widget.check_button.click()
    next_page(widget)
    card_at(widget, 70).group.value = "comment"
    assert card_at(widget, 70).mark.value == "" and "again" in widget.score.value
    previous_page(widget)
    assert "again" in widget.score.value


def test_the_helpers_guess_shows_on_every_page(work_folder, long_story):
    kit.start(LESSON, story_path=str(long_story))
    widget = kit.labeller()
    widget.helper_button.click()
    next_page(widget)
    next_page(widget)
    assert all("Helper" in card.mark.value for card in widget.cards)


# --- teacher mode ----------------------------------------------------------------------------------------


def test_teacher_saving_from_page_2_keeps_the_labels_of_page_1(work_folder, keyless_long_story):
    current = kit.start(LESSON, story_path=str(keyless_long_story))
    widget = kit.labeller(teacher=True)
    card_at(widget, 1).role.value = "headline"
    card_at(widget, 1).why.value = "The title."
    next_page(widget)
    card_at(widget, 41).role.value = "body"
    saved = saved_answers(current)[TEACHER_KEY]["001"]
    assert saved == {
        str(line_of(1)): {"group": "other", "role": "headline", "why": "The title."},
        str(line_of(41)): {"group": "body", "role": "body", "why": ""},
    }


def test_teacher_labels_on_every_page_make_a_whole_answer_key(work_folder, keyless_long_story):
    kit.start(LESSON, story_path=str(keyless_long_story))
    widget = kit.labeller(teacher=True)
    for _ in range(3):
        for card in widget.cards:
            card.role.value = "body"
            card.why.value = "Article prose."
        next_page(widget)
    widget.write_button.click()
    assert "written" in widget.status.value
    assert [e.line for e in load_answer_key(keyless_long_story)["001"]] == [line_of(n) for n in range(1, 96)]


def test_teacher_edit_on_page_1_keeps_the_key_of_pages_never_shown(work_folder, long_story):
    kit.start(LESSON, story_path=str(long_story))
    widget = kit.labeller(teacher=True)
    card_at(widget, 2).role.value = "standfirst"
    widget.write_button.click()
    key = {entry.line: entry for entry in load_answer_key(long_story)["001"]}
    assert len(key) == BLOCKS and key[line_of(2)].role == "standfirst"
    assert key[line_of(90)] == KeyEntry(line_of(90), "comment", "Why 90.")


# --- the exported view ------------------------------------------------------------------------------------


def test_the_static_snapshot_lists_every_paragraph_and_labels_from_every_page(work_folder, long_story):
    kit.start(LESSON, story_path=str(long_story))
    widget = kit.labeller()
    next_page(widget)
    next_page(widget)
    card_at(widget, 90).group.value = "comment"
    html = widget.static_html()
    assert html.count("<tr><td>") >= BLOCKS  # the long report's rows, and the short report's
    assert all(f"<tr><td>{line_of(n)}</td>" in html for n in range(1, 96))
    assert f"<tr><td>{line_of(90)}</td><td>Reader 90 wrote" in html and "<td>Comment</td>" in html


def test_the_paging_line_is_plain_text(work_folder, long_story):
    kit.start(LESSON, story_path=str(long_story))
    widget = kit.labeller()
    where = widget.pagers[0].where
    assert isinstance(where, widgets.HTML) and "color" not in where.value and "Paragraphs 1–40 of 95" in where.value
