"""Specification of where reader comments start and end on a scraped page (medialit.segmentation).

A "Comment" or "Comments" line opens the reader comments only when it is not a link in the site's
menu and a reader's comment, or the comment form, follows it; the comments end at a line that closes
them ("Comments are closed", the end of the comment form), at a heading of the site's boxes ("Archives")
or where the site's menu or footer begins. A short line written as a sentence under a comment's date is
a comment.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from medialit.segmentation import REASONS, segment

REPO = Path(__file__).resolve().parents[2]
ARTICLE = [
    "The harbour ferry will not run for at least a week after a small fire broke out in its engine room on Monday.",
    "Nobody was hurt and the 40 passengers on board were brought back to the quay by a pilot boat.",
    "The operator said engineers were still working out what caused the fire and when the ferry could sail again.",
    "Extra buses will run on the coast road between the two towns, adding about 40 minutes to the journey.",
]


def page(*lines: str) -> str:
    return "\n".join(["Harbour ferry cancelled after engine fire", *ARTICLE, *lines])


def role_of(text: str, line: str) -> str:
    return next(block.role for block in segment(text) if block.text == line)


def comments(text: str) -> list[str]:
    return [block.text for block in segment(text) if block.role == "comment"]


def comment_section(text: str) -> list[str]:
    """Every line the segmenter puts in the comment section: comments, their headings, forms and buttons."""
    return [block.text for block in segment(text) if block.role in ("comment", "comment_ui")]


def labelled_page(name: str) -> str:
    """A hand-made page of tests/pages as raw text (the body marks taken off)."""
    path = next((REPO / "tests" / "pages").glob(f"*/{name}"))
    return "\n".join(line.removeprefix("B| ") for line in path.read_text(encoding="utf-8").split("\n"))


# --- A "Comment" link in the site's menu -----------------------------------------------------------

OPINION_MENU = ["Opinion", "* Editorials", "* Letters", "* Comment", "* Columnists", "* Cartoons", "Sport", "* Golf"]


def test_a_comment_link_among_the_links_of_a_menu_after_the_article_is_a_menu_link():
    blocks = {block.text: block for block in segment(page(*OPINION_MENU))}
    assert (blocks["* Comment"].role, blocks["* Comment"].reason) == ("boilerplate", REASONS["comment_menu"])


def test_the_links_after_a_comment_link_in_a_menu_are_not_in_a_comment_section():
    links = ["* Letters to the Editor", "* How to Complain", "* Right of Reply"]
    assert comment_section(page(*OPINION_MENU, *links)) == []


def test_the_links_under_a_comment_heading_of_a_footer_sitemap_are_not_in_a_comment_section():
    sitemap = [
        "* Celebrity Galleries", "* Sport Galleries", "Comment", "* Columnists", "* Courier Comment", "Finance",
        "* City & Business", "* Personal Finance", "* How to Complain", "* Developed by Example Digital",
    ]
    assert comment_section(page(*sitemap)) == []


def test_a_comment_link_in_the_menu_above_the_article_is_a_menu_link():
    menu = ["* News", "* Sport", "* Comment", "* Travel", "* Weather"]
    text = "\n".join([*menu, "Harbour ferry cancelled after engine fire", *ARTICLE])
    assert role_of(text, "* Comment") == "boilerplate"


# --- A comments heading or button with no comments after it ---------------------------------------


def test_a_comments_button_followed_by_the_footer_opens_no_comments():
    footer = ["© 2024 Example Media, Inc.", "Return to Top", "About", "* Advertising", "* Jobs at the Courier", "* Shop"]
    text = page("View Comments", *footer)
    assert comment_section(text) == ["View Comments"]
    blocks = {block.text: block for block in segment(text)}
    assert (blocks["View Comments"].role, blocks["View Comments"].reason) == ("comment_ui", REASONS["comment_empty"])


def test_a_comments_heading_followed_by_a_related_heading_opens_no_comments():
    text = page("Comments (0)", "Related stories", "Bus fares to rise by ten per cent", "Quay wall to be repaired")
    assert comments(text) == []
    assert role_of(text, "Bus fares to rise by ten per cent") == "related"


def test_a_comments_heading_with_only_topic_links_after_it_opens_no_comments():
    text = page("Comments (+)", "State Elections 2024 Live", "Cricket Test Series", "Budget 2024", "Flood relief")
    assert comment_section(text) == ["Comments (+)"]


# --- Real comment sections are still found ---------------------------------------------------------


def test_comments_under_a_comments_heading_below_a_row_of_share_buttons_are_found():
    comment = "We waited two hours at the quay and nobody told us the ferry was not coming."
    text = page("* Facebook", "* Twitter", "* Email", "Comments", "* Jane Doe", "2 hours ago", comment)
    assert comments(text) == [comment]


def test_a_short_reader_comment_in_ordinary_words_opens_the_comments():
    assert comments(page("Comments", "Who paid for the pilot boat?")) == ["Who paid for the pilot boat?"]


def test_a_comment_thread_under_two_log_in_buttons_is_found():
    comment = "The buses are always late on the coast road, so this will add more than forty minutes."
    assert comments(page("Comments", "Log in", "Register", "Jim R.", "3 hours ago", comment)) == [comment]


def test_a_comment_form_after_a_leave_a_reply_heading_opens_the_comments():
    form = ["Leave a Reply", "Your email address will not be published. Required fields are marked *", "Name *"]
    text = page(*form)
    assert [role_of(text, line) for line in form] == ["comment_ui"] * 3
    assert role_of(text, "Leave a Reply") == "comment_ui"


@pytest.mark.parametrize("footer", [["* About Us", "* Contact Us", "* Careers"], ["Home", "News", "Sport"]])
def test_the_comments_end_where_the_sites_menu_begins(footer):
    comment = "I use that ferry every day and the buses are no substitute, they take far too long."
    thread = ["2 Comments", "Anna", "4 May 2024 at 9:12 am", comment, "Reply"]
    text = page(*thread, *footer, "Terms and conditions of the Courier")
    assert comments(text) == [comment]
    assert {role_of(text, line) for line in footer} == {"boilerplate"}


# --- The hand-labelled pages written for this rule --------------------------------------------------


@pytest.mark.parametrize("name", ["40_tabloid_sitemap_footer.page", "41_portal_comments_button_opinion_menu.page"])
def test_a_page_whose_only_comment_lines_are_menu_links_and_buttons_has_no_comments(name):
    assert comments(labelled_page(name)) == []


def test_a_blog_post_with_a_comment_thread_and_a_comment_link_in_its_footer_menu_has_just_the_readers_comments():
    assert comments(labelled_page("42_blog_comments_then_footer_menu.page")) == [
        "Lovely write-up. We did the same walk last summer and the quarry bench is the best place for lunch.",
        "Is the path open to dogs all the way?",
        "Yes, but keep them on a lead near the cliff edge and the sheep fields.",
    ]


# --- Where the comments end: a closing line, the end of the form, a heading of the site's boxes -----

THREAD = ["3 Comments", "Anna", "4 May 2024 at 9:12 am", "I use that ferry every day and the buses take far too long."]
POST_LINKS = ["Five Things to Do on a Rainy Day in Town", "Why the Old Pier Was Closed for Good"]


@pytest.mark.parametrize("closer", ["Comments are closed.", "[ Read All Comments ]", "Post Comment",
                                    "Save my name, email, and website in this browser for the next time I comment."])
def test_the_comments_end_at_a_line_that_closes_them(closer):
    text = page(*THREAD, closer, *POST_LINKS)
    assert comments(text) == [THREAD[-1]]
    assert (role_of(text, closer), next(b.reason for b in segment(text) if b.text == closer)) == (
        "comment_ui", REASONS["comment_end"])
    assert {role_of(text, line) for line in POST_LINKS} == {"related"}


@pytest.mark.parametrize("heading", ["Archives", "Categories", "Recent Posts", "About the author", "Related"])
def test_the_comments_end_at_a_heading_of_the_sites_boxes(heading):
    bio = "Thank you for stopping by! I write about ferries, buses and the coast road every week."
    assert comments(page(*THREAD, heading, bio)) == [THREAD[-1]]


def test_a_comments_closed_line_above_nothing_opens_no_comments():
    text = page("Comments are closed.", "Related stories", *POST_LINKS)
    assert comments(text) == []
    assert role_of(text, "Comments are closed.") == "comment_ui"


def test_a_comments_closed_heading_above_the_thread_still_opens_it():
    text = page("Comments are closed.", *THREAD[1:])
    assert comments(text) == [THREAD[-1]]


def test_a_comment_form_above_the_thread_does_not_end_it():
    later = "The buses were full by eight, so most of us waited for the next one in the rain."
    form = ["Leave a Reply", "Name *", "Email *", "Post Comment"]
    assert comments(page(*form, "Jim R.", "5 May 2024 at 8:02 pm", later)) == [later]


def test_a_comment_count_under_another_storys_link_after_the_comments_ended_opens_nothing():
    teaser = "The council says the new timetable will add two extra buses on the coast road each morning."
    text = page(*THREAD, "[ Read All Comments ]", "More Local Stories", "* Bus timetable changes", "8 comments", teaser)
    assert comments(text) == [THREAD[-1]]
    assert next(b.reason for b in segment(text) if b.text == "8 comments") == REASONS["comment_after"]


# --- Short comments ----------------------------------------------------------------------------------


@pytest.mark.parametrize("short", ["THANKS!", "YOU.ARE.GREAT!", "Hi Anna,", "Nice."])
def test_a_short_line_under_a_comments_date_is_a_comment(short):
    text = page("Comments", "Jim R.", "4 May 2024 at 9:12 am", short, "Anna", "4 May 2024 at 9:40 am", THREAD[-1])
    assert comments(text) == [short, THREAD[-1]]


def test_a_short_line_after_a_comments_text_before_the_next_author_is_part_of_the_comment():
    text = page(*THREAD, "THANKS!", "+ Jim R.", "4 May 2024 at 9:40 am", "Who paid for the pilot boat?")
    assert comments(text) == [THREAD[-1], "THANKS!", "Who paid for the pilot boat?"]


def test_the_authors_name_and_a_rating_between_comments_are_not_comments():
    text = page(*THREAD, "Rating: 12 Votes", "Jim R.", "4 May 2024 at 9:40 am", "Who paid for the pilot boat?")
    assert role_of(text, "Jim R.") == role_of(text, "Rating: 12 Votes") == "comment_ui"


@pytest.mark.parametrize("name,expected", [
    ("43_blog_comments_closed_then_post_links.page", [
        "SO.USEFUL.THANK.YOU!", "Thank you for reading all the way to the end, Gina, and for taking the time to write.",
        "I tried three things a week for a month and finished all of them for the first time in a year.",
        "Now I want to try it with the whole team.", "THANKS!",
        "That is wonderful to hear, Paul. Let me know how the team gets on with it."]),
    ("44_news_comment_preview_then_guides.page", [
        "Good to see them keep the small one, it is the only size that fits my bag.", "Nice."]),
    ("45_recipe_blog_form_then_sidebar.page", [
        "I made this today and it set perfectly, but it would help to know how many jars it fills.", "Hi Dana,",
        "It fills about six small jars, I will add that to the recipe. Thank you!"]),
    ("46_comments_closed_above_nothing.page", []),
])
def test_a_hand_made_page_has_just_its_readers_comments(name, expected):
    assert comments(labelled_page(name)) == expected


def test_a_thread_printed_after_a_sidebar_heading_that_ended_a_wrongly_opened_section_is_still_found():
    bio = "Thank you for stopping by! I write about ferries, buses and the coast road every week."
    later = "The buses were full by eight, so most of us waited for the next one in the rain."
    text = page("2 Comments", bio, "Recent Posts", "* Bus timetable changes", "2 Comments", "Jim R.", "5 May 2024 at 8:02 pm", later)
    assert later in comments(text)
