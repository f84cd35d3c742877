"""The proposed answer key of a saved page: trafilatura's parts mapped onto the page text, with the kit's rules."""

from __future__ import annotations

from medialit.page_key import propose_key
from medialit.segmentation import segment
from medialit.webpage import WebPage, read_page

NAV = '<nav><ul><li><a href="/">Home</a></li><li><a href="/local">Local</a></li></ul></nav>'
BODY = [
    "A storm drove the sea over the harbour wall on Sunday night, flooding the road and tearing six boats loose.",
    "Coastguards said the waves were the highest they had recorded in the bay for more than twenty years.",
    '"We watched the water come up the street in minutes," said Maria Costa, who owns the cafe beside the quay.',
    "The council said the road would stay closed until engineers had checked the harbour wall for damage.",
]


def page(article_inside: str, after: str = "") -> WebPage:
    html = (f"<html><head><title>Storm - Coast News</title></head><body>{NAV}<article>"
            f"<h1>Storm floods harbour road as boats break loose</h1>{article_inside}</article>{after}"
            "<footer><p>Privacy Policy</p></footer></body></html>")
    return read_page(html.encode(), "a.html")


def roles(webpage: WebPage) -> dict[str, str]:
    """Paragraph text -> proposed role."""
    texts = {block.line: block.text for block in segment(webpage.text)}
    return {texts[entry.line]: entry.role for entry in propose_key(webpage)}


def paragraphs(*texts: str) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def test_every_paragraph_of_the_page_text_gets_an_entry():
    webpage = page(paragraphs(*BODY))
    assert [e.line for e in propose_key(webpage)] == [b.line for b in segment(webpage.text)]


def test_the_article_paragraphs_are_body_and_the_menu_and_footer_are_not():
    found = roles(page(paragraphs(*BODY)))
    assert [found[text] for text in BODY] == ["body"] * 4
    assert found["Privacy Policy"] != "body" and found["* Home"] != "body"


def test_the_headline_stays_a_headline():
    assert roles(page(paragraphs(*BODY)))["Storm floods harbour road as boats break loose"] == "headline"


def test_readers_comments_below_the_article_are_comments():
    comments = ('<section id="comments" class="comments"><h2>2 comments</h2>'
                '<div class="comment"><p>This happens every winter and nobody ever fixes the wall, shameful.</p></div>'
                '<div class="comment"><p>Thanks to the coastguards who worked through the night for us all.</p></div>'
                "</section>")
    found = roles(page(paragraphs(*BODY), after=comments))
    assert found["Thanks to the coastguards who worked through the night for us all."] == "comment"


def test_a_share_button_trafilatura_keeps_in_the_body_is_furniture():
    found = roles(page(paragraphs(BODY[0], "Share this article on Facebook", *BODY[1:])))
    assert found["Share this article on Facebook"] == "boilerplate" and found[BODY[1]] == "body"


def test_a_box_of_related_links_inside_the_article_is_not_body():
    box = ('<div class="related"><h3>Related stories</h3><p><a href="/a">Sea wall repairs delayed again as costs rise</a>'
           '</p><p><a href="/b">Fishing fleet faces a hard winter after storms</a></p></div>')
    found = roles(page(paragraphs(*BODY[:2]) + box + paragraphs(*BODY[2:])))
    assert found["Related stories"] != "body" and found["Sea wall repairs delayed again as costs rise"] != "body"


def test_a_caption_inside_the_article_is_not_body():
    figure = '<figure><img src="boats.jpg" alt=""><figcaption>Boats washed onto the slipway. Photo: Coast News</figcaption></figure>'
    found = roles(page(paragraphs(BODY[0]) + figure + paragraphs(*BODY[1:])))
    assert found["Boats washed onto the slipway. Photo: Coast News"] != "body"


def test_where_the_two_readers_disagree_the_entry_is_marked():
    webpage = page(paragraphs(BODY[0], "Share this article on Facebook", *BODY[1:]))
    texts = {block.line: block.text for block in segment(webpage.text)}
    marked = {texts[e.line] for e in propose_key(webpage) if e.disagree}
    assert "Share this article on Facebook" in marked and BODY[1] not in marked


def test_a_caption_repeated_under_every_photo_counts_only_as_often_as_trafilatura_kept_it():
    caption = "Boats on the slipway on Monday. Photo: Coast News"
    text = "\n\n".join(f"{paragraph}\n\n{caption}" for paragraph in BODY) + "\n"
    webpage = WebPage(text, main=(BODY[0], caption) + tuple(BODY[1:]))
    texts = {block.line: block.text for block in segment(webpage.text)}
    assert [texts[e.line] for e in propose_key(webpage) if e.role == "body"].count(caption) == 1


def test_a_lone_word_that_trafilatura_kept_is_not_body_away_from_the_article():
    text = "Weather\n\nSign in\n\n" + "\n\n".join(BODY) + "\n"
    webpage = WebPage(text, main=("Weather",) + tuple(BODY))
    assert propose_key(webpage)[0].role != "body"


def test_a_lone_word_that_trafilatura_kept_is_body_beside_the_article():
    text = "\n\n".join(BODY[:2]) + "\n\nUpdate\n\n" + "\n\n".join(BODY[2:]) + "\n"
    webpage = WebPage(text, main=tuple(BODY[:2]) + ("Update",) + tuple(BODY[2:]))
    assert [e.role for e in propose_key(webpage)][2] == "body"


def test_without_a_trafilatura_result_the_kits_rules_decide_and_nothing_is_marked():
    webpage = WebPage("Storm floods harbour road\n\n" + "\n\n".join(BODY) + "\n")
    entries = propose_key(webpage)
    assert [e.role for e in entries] == [b.role for b in segment(webpage.text)] and not any(e.disagree for e in entries)


def test_article_prose_trafilatura_dropped_between_two_article_paragraphs_is_body():
    text = "\n\n".join(BODY) + "\n"
    webpage = WebPage(text, main=(BODY[0], BODY[1], BODY[3]))  # trafilatura lost the quote paragraph
    entries = propose_key(webpage)
    assert [e.role for e in entries] == ["body"] * 4 and entries[2].disagree


def test_article_prose_trafilatura_dropped_at_the_edge_of_the_article_is_not_body():
    text = "\n\n".join(BODY) + "\n"
    webpage = WebPage(text, main=tuple(BODY[:3]))
    assert propose_key(webpage)[3].role != "body"


# --- the headline is the title the page's HTML names ------------------------------------------------


def test_the_headline_is_the_title_the_html_names_not_a_promo_heading_above_it():
    page = read_page(
        b"<html><head><meta property='og:title' content='Council shuts the riverside pool'></head><body>"
        b"<div><h2>Listen to our morning podcast</h2></div>"
        b"<article><h1>Council shuts the riverside pool</h1>"
        b"<p>The council voted on Thursday to close the riverside pool after engineers said its roof needed "
        b"repairs costing two million pounds.</p><p>Campaigners said they would fight the decision in the "
        b"courts and that the vote had been rushed.</p></article></body></html>", "pool.html")
    roles = {entry.line: entry.role for entry in propose_key(page)}
    lines = page.text.split("\n")
    assert roles[lines.index("Council shuts the riverside pool") + 1] == "headline"
    assert roles[lines.index("Listen to our morning podcast") + 1] != "headline"


def test_a_page_that_names_no_title_keeps_the_kits_headline():
    page = read_page(b"<html><body><p>Pool to close</p><p>The council voted on Thursday to close the pool after "
                     b"engineers said the roof needed repairs.</p></body></html>", "plain.html")
    assert [entry.role for entry in propose_key(page)][0] == "headline"
