"""The proposed key's top of the article and its two explanations: the why for students, the note for the teacher."""

from __future__ import annotations

from medialit.answer_key import ROLE_WHYS
from medialit.page_key import propose_key
from medialit.segmentation import segment
from medialit.webpage import WebPage, read_page

BODY = [
    "A storm drove the sea over the harbour wall on Sunday night, flooding the road and tearing six boats loose.",
    "Coastguards said the waves were the highest they had recorded in the bay for more than twenty years.",
    "The council said the road would stay closed until engineers had checked the harbour wall for damage.",
]
TITLE = "Storm floods harbour road as boats break loose"
TEACHER_WORDS = ("trafilatura", "check it", "kit's rules", "page's structure")


def proposed(lines: list[str], main: tuple[str, ...] = tuple(BODY), titles: tuple[str, ...] = (TITLE,),
             comments: tuple[str, ...] = ()) -> dict:
    """Paragraph text -> its proposed entry, for a page text made of these paragraphs."""
    text = "\n\n".join(lines) + "\n"
    page = WebPage(text, main=main, titles=titles, comments=comments)
    texts = {block.line: block.text for block in segment(text)}
    return {texts[entry.line]: entry for entry in propose_key(page)}


# --- the headline -------------------------------------------------------------------------------------------


def test_the_titles_own_line_is_the_headline_not_a_list_item_above_it_with_the_same_words():
    found = proposed(["Coast News", "* Home", f"* {TITLE}", TITLE, "By Ann Lee", *BODY])
    assert found[TITLE].role == "headline"
    assert found[f"* {TITLE}"].role != "headline"


def test_a_nested_list_item_with_the_titles_words_does_not_win_either():
    found = proposed(["Coast News", "* News", f"+ {TITLE}", "Sport", TITLE, "By Ann Lee", *BODY])
    assert found[TITLE].role == "headline" and found[f"+ {TITLE}"].role != "headline"


def test_a_list_item_is_the_headline_when_the_page_has_no_line_of_its_own_for_the_title():
    found = proposed(["Coast News", f"* {TITLE}", "By Ann Lee", *BODY])
    assert found[f"* {TITLE}"].role == "headline"


def test_a_line_with_exactly_the_titles_words_wins_over_a_menu_entry_holding_some_of_them():
    title = "Storm floods harbour road / Sunday update"
    found = proposed(["Coast News", "Storm floods harbour road", "Weather", title, "By Ann Lee", *BODY], titles=(title,))
    assert found[title].role == "headline" and found["Storm floods harbour road"].role != "headline"


JA_TITLE = "商品の改造が商標法違反に！？"
JA_BODY = ["先日、不正に改造した電話を販売したとして、商標法違反の疑いで男性が逮捕されたというニュースを耳にしました。",
           "報道によると、今回販売されたのは、いわゆる改造された電話でした。機能制限を解除したものです。"]


def test_a_title_in_a_language_written_without_spaces_is_found_on_its_own_line():
    # One \w+ run, like a one-word title, but a whole sentence: the kit's rules take the blog's line for the headline.
    lines = ["ホーム", f"1. {JA_TITLE}", JA_TITLE, "特許事務所のブログ記事", *JA_BODY]
    found = proposed(lines, main=tuple(JA_BODY), titles=(JA_TITLE,))
    assert found[JA_TITLE].role == "headline" and found[f"1. {JA_TITLE}"].role != "headline"


def test_below_the_title_a_line_the_kit_took_for_the_headline_is_no_second_headline():
    lines = ["ホーム", f"1. {JA_TITLE}", JA_TITLE, "特許事務所のブログ記事", *JA_BODY]
    found = proposed(lines, main=tuple(JA_BODY), titles=(JA_TITLE,))
    assert [text for text, entry in found.items() if entry.role == "headline"] == [JA_TITLE]
    assert found["特許事務所のブログ記事"].disagree  # the teacher sees it in the review


def test_a_one_word_title_such_as_a_sites_name_is_not_matched():
    found = proposed(["Coastnews", TITLE, "By Ann Lee", *BODY], titles=("Coastnews",))
    assert found["Coastnews"].role != "headline"


def test_above_the_title_a_list_the_kit_placed_under_a_wrong_headline_is_not_a_standfirst():
    # A site heading the kit takes for the headline, then a sidebar's list, then the article's own title.
    brief = ["* Man dressed as pilot arrested at the airport", "* Mayor quits after the council vote"]
    found = proposed(["Harbour and coast news", "IN BRIEF:", *brief, TITLE, "By Ann Lee", *BODY])
    assert found[TITLE].role == "headline"
    assert [found[text].role for text in ["Harbour and coast news", "IN BRIEF:", *brief]] == ["boilerplate"] * 4


def test_below_the_title_the_kits_standfirst_stays():
    standfirst = "Waves topped the wall and six boats broke loose on Sunday night."
    found = proposed(["Coast News", TITLE, standfirst, "By Ann Lee", *BODY])
    assert found[standfirst].role == "standfirst"


def test_a_photo_credit_above_the_title_keeps_the_role_its_words_give_it():
    caption = "Waves break over the wall. Photo: Ann Lee"
    found = proposed(["Harbour and coast news", caption, TITLE, "By Ann Lee", *BODY])
    assert found[caption].role == "caption"


def test_the_summary_under_the_headline_is_one_run_and_later_teasers_are_not_standfirsts():
    summary = "Waves topped the wall and six boats broke loose on Sunday night."
    teasers = ["Mayor opens the new bridge over the river", "Council votes to close the riverside pool"]
    found = proposed(["Coast News", TITLE, summary, "By Ann Lee", "JUST WATCHED", teasers[0], "Replay", teasers[1],
                      *BODY])
    assert found[summary].role == "standfirst"
    assert [found[teaser].role for teaser in teasers] == ["boilerplate", "boilerplate"]


def test_bullet_points_under_the_headline_stay_one_summary():
    bullets = ["* Waves topped the wall on Sunday night", "* Six boats were torn from their moorings",
               "* The road stays shut for a week"]
    found = proposed(["Coast News", TITLE, *bullets, "By Ann Lee", *BODY])
    assert [found[bullet].role for bullet in bullets] == ["standfirst"] * 3


# --- a list of links under a heading -------------------------------------------------------------------------


def test_the_list_under_a_related_heading_is_links_even_where_trafilatura_keeps_it_in_the_article():
    links = ["* Sea wall repairs delayed again as costs rise", "* Fishing fleet faces a hard winter after storms"]
    found = proposed([TITLE, BODY[0], "Related articles", *links, *BODY[1:]], main=(BODY[0], *links, *BODY[1:]))
    assert [found[link].role for link in links] == ["related", "related"]
    assert all(found[link].disagree for link in links)  # trafilatura said article: the teacher sees it


def test_the_links_list_ends_at_the_first_line_that_is_not_a_list_item():
    links = ["* Sea wall repairs delayed again as costs rise"]
    found = proposed([TITLE, "Related articles", *links, *BODY])
    assert found[links[0]].role == "related" and found[BODY[0]].role == "body"


# --- why for students, note for the teacher ------------------------------------------------------------------


def test_no_proposed_why_speaks_to_the_teacher():
    lines = ["Harbour and coast news", "IN BRIEF:", "* Mayor quits after the council vote", TITLE,
             "Share this article on Facebook", *BODY, "Related articles", "* Fishing fleet faces a hard winter"]
    for entry in proposed(lines, main=(TITLE, "Share this article on Facebook", *BODY)).values():
        assert not any(word in entry.why.lower() for word in TEACHER_WORDS), entry


def test_article_prose_has_the_plain_why_and_a_note_on_how_it_was_decided():
    entry = proposed([TITLE, *BODY])[BODY[1]]
    assert entry.why == ROLE_WHYS["body"] == "Part of the article's own text."
    assert "trafilatura" in entry.note


def test_where_the_two_readers_disagree_the_note_says_what_the_kit_read():
    # trafilatura keeps a short line the kit reads as a standfirst.
    standfirst = "Waves topped the wall and six boats broke loose on Sunday night."
    entry = proposed(["Coast News", TITLE, standfirst, "By Ann Lee", *BODY], main=(standfirst, *BODY))[standfirst]
    assert entry.role == "body" and entry.disagree
    assert "standfirst" in entry.note and "check it" in entry.note
    assert entry.why == ROLE_WHYS["body"]


def test_a_share_button_keeps_the_kits_reason_named_by_its_words():
    entry = proposed([TITLE, BODY[0], "Share this article on Facebook", *BODY[1:]])["Share this article on Facebook"]
    assert entry.role == "boilerplate" and "share" in entry.why.lower()


def test_the_headline_from_the_html_has_the_plain_why_and_a_note_naming_where_it_came_from():
    page = read_page(f"<html><body><nav>Home</nav><h1>{TITLE}</h1>{''.join(f'<p>{p}</p>' for p in BODY)}"
                     "</body></html>".encode(), "a.html")
    headline = next(entry for entry in propose_key(page) if entry.role == "headline")
    assert headline.why == ROLE_WHYS["headline"] and "HTML" in headline.note


# --- the article's opening, and what sits above the title --------------------------------------------------

LEDE = ("The worst storm in twenty years hit the harbour town overnight, and the clean-up began at first light "
        "on Monday.")


def test_article_prose_between_the_byline_and_the_article_that_trafilatura_leaves_out_is_the_opening():
    found = proposed(["Coast News", TITLE, "By Ann Lee", LEDE, "Waves break over the wall. Photo: Ann Lee", *BODY])
    assert found[LEDE].role == "body"
    assert found[LEDE].disagree and "check it" in found[LEDE].note.lower()  # the teacher sees it in the review


def test_a_call_to_join_a_newsletter_under_the_byline_is_not_the_opening():
    promo = "Want more storm news? Join the Coast News newsletter."
    assert proposed(["Coast News", TITLE, "By Ann Lee", promo, *BODY])[promo].role != "body"


def test_a_paragraph_welcoming_the_reader_under_the_byline_is_not_the_opening():
    welcome = "Welcome to the Coast Weather Desk, your source for storm news from every harbour on the coast."
    assert proposed(["Coast News", TITLE, "By Ann Lee", welcome, *BODY])[welcome].role != "body"


def test_a_highlight_that_the_article_prints_again_below_is_not_the_opening():
    text = "\n\n".join(["Coast News", TITLE, "By Ann Lee", "Highlights", BODY[1], *BODY]) + "\n"
    entries = propose_key(WebPage(text, main=tuple(BODY), titles=(TITLE,)))
    texts = {block.line: block.text for block in segment(text)}
    assert [entry.role for entry in entries if texts[entry.line] == BODY[1]] == ["boilerplate", "body"]


def test_a_promotion_above_the_title_is_not_article_even_where_trafilatura_keeps_it_in_the_article():
    promo = "New Ferry Timetable Now Available"
    found = proposed(["Coast News", "* Home", "+ Harbour Deals", promo, TITLE, "By Ann Lee", *BODY],
                     main=(promo, TITLE, *BODY))
    assert found[promo].role != "body" and found[promo].disagree


def test_a_menu_entry_above_the_title_is_no_comment_even_where_a_reader_repeats_its_words():
    comment = ("I walked past the wall this morning and the damage is far worse than the pictures show. "
               "Master content marketing")
    menu = "+ Master content marketing"
    lines = ["Coast News", "* Books", "+ All Coast Books", menu, "+ Tide tables", "* About", TITLE, "By Ann Lee", *BODY,
             "Comments", "Gaye", "August 8, 2018 at 3:17 pm", comment]
    found = proposed(lines, comments=(comment,))
    assert found[menu].role not in ("comment", "comment_ui") and found[menu].disagree
    assert found[comment].role == "comment"


def test_a_menu_entry_named_for_a_day_is_not_a_date_line():
    found = proposed(["Coast News", "* Home", "+ Harbour Black Friday", "+ Harbour Deals", TITLE, "By Ann Lee", *BODY])
    assert found["+ Harbour Black Friday"].role == "boilerplate"


def test_a_date_line_in_a_list_keeps_its_role_when_it_gives_the_day():
    found = proposed(["Coast News", TITLE, "* Posted by Ann Lee", "* Monday 18 November 2019", *BODY])
    assert found["* Monday 18 November 2019"].role == "byline"


def test_a_line_under_the_headline_starting_by_and_a_name_is_the_byline_wherever_its_place_put_it():
    byline = "By Ann Lee and Tom Hart on Monday, November 18th, 2019 at 11:04 a.m."
    summary = "Waves topped the wall and six boats broke loose on Sunday night."
    found = proposed(["Coast News", TITLE, summary, byline, *BODY])
    assert found[byline].role == "byline"
