"""Specification of medialit.segmentation: what each paragraph of a scraped page is, and why."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medialit.answer_key import KeyEntry, load_answer_key
from medialit.segmentation import GROUP_OF_ROLE, ROLES, segment, split_paragraphs
from medialit.story import StoryError, bundled_story_folder, load_story

REPO = Path(__file__).resolve().parents[2]
ARTICLE = [
    "Flood warnings have been issued across the region as the first storm of the season moves in from the sea.",
    "The weather service has put an amber warning for wind in place for much of the coast from noon on Wednesday.",
    "Gusts of up to 80mph are expected in exposed areas, with power cuts and damage to buildings possible.",
    "The environment agency said it had issued 14 flood alerts and was watching river levels closely.",
]


def roles_of(text: str) -> dict[str, str]:
    """Map each paragraph's text to its role (the hand-made pages have no repeated lines)."""
    return {block.text: block.role for block in segment(text)}


def page(*parts: str) -> str:
    return "\n".join(parts)


# --- The five bundled reports against the answer key -------------------------------------------


@pytest.fixture(scope="module")
def key() -> dict[str, list[KeyEntry]]:
    return load_answer_key(bundled_story_folder())


@pytest.mark.parametrize("report_id", ["000", "001", "002", "003", "004"])
def test_every_paragraph_of_a_bundled_report_has_the_role_in_the_answer_key(key, report_id):
    report = load_story().report(report_id)
    got = [(block.line, block.role) for block in segment(report.raw_text)]
    expected = [(entry.line, entry.role) for entry in key[report_id]]
    assert got == expected


def test_the_answer_key_lists_every_paragraph_of_every_report_once(key):
    for report in load_story().reports:
        assert [entry.line for entry in key[report.id]] == [p.line for p in split_paragraphs(report.raw_text)]


def test_every_answer_key_entry_says_why():
    for entries in load_answer_key(bundled_story_folder()).values():
        assert all(len(entry.why) >= 10 for entry in entries)


def test_the_headline_of_each_bundled_report_is_its_first_line():
    for report in load_story().reports:
        assert report.headline == report.raw_text.splitlines()[0].strip()


# --- Small hand-made pages, one kind of page furniture each ------------------------------------


def test_a_one_word_per_line_navigation_menu_is_boilerplate():
    roles = roles_of(page("Home", "News", "Sport", "Weather", "Mayor opens the new bridge", *ARTICLE))
    assert [roles[w] for w in ("Home", "News", "Sport", "Weather")] == ["boilerplate"] * 4


def test_a_menu_of_links_separated_by_bars_is_boilerplate():
    roles = roles_of(page("Home | World | Politics | Business", "Storm hits the coast", *ARTICLE))
    assert roles["Home | World | Politics | Business"] == "boilerplate"


def test_footer_and_legal_lines_are_boilerplate():
    footer = ["Privacy Policy", "Terms of Use", "© 2024 Daily Ledger. All rights reserved."]
    roles = roles_of(page("Storm hits the coast", *ARTICLE, *footer))
    assert [roles[line] for line in footer] == ["boilerplate"] * 3


def test_a_cookie_banner_before_the_page_is_boilerplate():
    banner = "We use cookies to personalise content and ads and to analyse our traffic. Accept all cookies?"
    roles = roles_of(page(banner, "Accept all", "Storm hits the coast", *ARTICLE))
    assert roles[banner] == "boilerplate"
    assert roles["Storm hits the coast"] == "headline"


def test_a_subscription_box_dropped_into_the_article_is_boilerplate_and_the_article_continues():
    box = ["Get the Morning Briefing newsletter", "The day's top stories, delivered to your inbox.", "Subscribe"]
    roles = roles_of(page("Storm hits the coast", *ARTICLE[:2], *box, *ARTICLE[2:]))
    assert [roles[line] for line in box] == ["boilerplate"] * 3
    assert all(roles[line] == "body" for line in ARTICLE)


def test_login_text_is_boilerplate():
    roles = roles_of(page("Storm hits the coast", *ARTICLE, "Already a subscriber? Log in to continue reading."))
    assert roles["Already a subscriber? Log in to continue reading."] == "boilerplate"


def test_an_advertisement_line_inside_the_article_is_boilerplate():
    roles = roles_of(page("Storm hits the coast", *ARTICLE[:2], "Advertisement", *ARTICLE[2:]))
    assert roles["Advertisement"] == "boilerplate"
    assert roles[ARTICLE[2]] == "body"


def test_a_headline_like_link_between_two_body_paragraphs_is_related():
    link = "Rescue teams donate unused equipment to flood towns"
    roles = roles_of(page("Storm hits the coast", *ARTICLE[:2], link, *ARTICLE[2:]))
    assert roles[link] == "related"
    assert roles[ARTICLE[2]] == "body"


def test_a_read_more_link_inside_the_article_is_related():
    link = "READ MORE: Council approves new sea wall"
    roles = roles_of(page("Storm hits the coast", *ARTICLE[:2], link, *ARTICLE[2:]))
    assert roles[link] == "related"


def test_headlines_listed_after_the_article_are_related():
    after = ["Most popular", "Man charged after city centre disturbance", "School lunch prices to rise in September"]
    roles = roles_of(page("Storm hits the coast", *ARTICLE, *after))
    assert [roles[line] for line in after] == ["related"] * 3


def test_a_photo_caption_with_a_credit_is_a_caption():
    caption = "Waves crash against the sea wall on Tuesday evening. (Getty Images)"
    roles = roles_of(page("Storm hits the coast", caption, *ARTICLE))
    assert roles[caption] == "caption"


def test_a_caption_in_the_middle_of_the_article_is_a_caption_and_the_article_continues():
    caption = "Sandbags outside a shop in the high street. Photograph: Jane Doe/PA Media"
    roles = roles_of(page("Storm hits the coast", *ARTICLE[:2], caption, *ARTICLE[2:]))
    assert roles[caption] == "caption"
    assert roles[ARTICLE[3]] == "body"


def test_a_caption_printed_once_alone_and_once_with_its_credit_is_two_captions():
    roles = roles_of(page("Storm hits the coast", "Sea wall in Porthcawl", "Sea wall in Porthcawl (Getty Images)", *ARTICLE))
    assert roles["Sea wall in Porthcawl"] == roles["Sea wall in Porthcawl (Getty Images)"] == "caption"


def test_the_headline_repeated_on_one_line_is_boilerplate():
    roles = roles_of(page("Storm hits the coast", "", "Storm hits the coastStorm hits the coast", *ARTICLE))
    assert roles["Storm hits the coast"] == "headline"
    assert roles["Storm hits the coastStorm hits the coast"] == "boilerplate"


def test_a_tag_list_is_boilerplate():
    tags = "Tags: weather, storms, flooding, coast"
    roles = roles_of(page("Storm hits the coast", *ARTICLE, tags))
    assert roles[tags] == "boilerplate"


def test_a_comma_list_of_topics_under_the_headline_is_boilerplate():
    tags = "Weather, Storm Agnes, Met Office, Flooding, Wales"
    roles = roles_of(page("Storm hits the coast", tags, *ARTICLE))
    assert roles[tags] == "boilerplate"


def test_a_summary_line_between_headline_and_byline_is_the_standfirst():
    standfirst = "Forecasters warn of power cuts as winds of 80mph are expected to reach the coast"
    roles = roles_of(page("Storm hits the coast", standfirst, "By Sarah Jones", *ARTICLE))
    assert roles[standfirst] == "standfirst"


def test_a_by_line_and_a_bare_name_under_the_headline_are_bylines():
    roles = roles_of(page("Storm hits the coast", "By Sarah Jones", *ARTICLE))
    assert roles["By Sarah Jones"] == "byline"
    roles = roles_of(page("Storm hits the coast", "Henry Austin", *ARTICLE))
    assert roles["Henry Austin"] == "byline"


def test_a_publication_date_is_a_byline():
    for date in ("Thursday 21 September 2017 20:57 BST", "Published: 5 hours ago", "Updated Jun 4, 2024"):
        assert roles_of(page("Storm hits the coast", date, *ARTICLE))[date] == "byline"


def test_a_wire_dateline_opening_the_first_paragraph_stays_body():
    first = "MOSCOW (Reuters) - Russia warned the United States on Thursday that it would respond to any attack."
    roles = roles_of(page("Russia warns US", first, *ARTICLE))
    assert roles[first] == "body"


def test_a_reporting_credit_after_the_article_is_a_byline():
    credit = "Reporting by Andrew Osborn; Editing by Kevin Liffey"
    assert roles_of(page("Storm hits the coast", *ARTICLE, credit))[credit] == "byline"


def test_an_author_bio_after_the_article_is_not_body():
    bio = "Sarah Jones is a staff writer covering weather and climate for the Daily Ledger."
    assert roles_of(page("Storm hits the coast", *ARTICLE, "Sarah Jones", bio))[bio] == "byline"


@pytest.mark.parametrize("header", ["3 Comments", "Add new comment", "Leave a Reply", "Comments (12)"])
def test_a_comment_header_after_the_article_is_comment_ui(header):
    assert roles_of(page("Storm hits the coast", *ARTICLE, header))[header] == "comment_ui"


def test_numbered_paragraphs_after_a_comment_header_are_comments():
    comments = ["1. The council should have built the wall years ago.", "2. My street flooded again, third time this year."]
    roles = roles_of(page("Storm hits the coast", *ARTICLE, "2 Comments", *comments))
    assert [roles[c] for c in comments] == ["comment", "comment"]


def test_a_bulleted_nested_reply_is_a_comment():
    reply = "    • I agree with you, the wall was promised in 2015 and never built."
    blocks = segment(page("Storm hits the coast", *ARTICLE, "2 Comments", "1. Where is the sea wall we were promised?", reply))
    assert blocks[-1].role == "comment"


def test_who_wrote_a_comment_and_when_is_comment_ui():
    thread = ["Comments", "Jim R.", "September 14, 2023 at 8:12 pm", "Good. The wall is long overdue in my view.", "Reply"]
    roles = roles_of(page("Storm hits the coast", *ARTICLE, *thread))
    assert [roles[line] for line in thread] == ["comment_ui", "comment_ui", "comment_ui", "comment", "comment_ui"]


def test_comment_form_text_is_comment_ui():
    form = ["Leave a Reply", "Your email address will not be published. Required fields are marked *", "Name *", "Post Comment"]
    roles = roles_of(page("Storm hits the coast", *ARTICLE, *form))
    assert [roles[line] for line in form] == ["comment_ui"] * 4


def test_a_long_comment_thread_does_not_win_over_the_article():
    comment = "I have lived on this coast for forty years and the flooding is worse every single winter, says me."
    thread = ["12 Comments"] + [f"{n}. {comment}" for n in range(1, 13)]
    blocks = segment(page("Storm hits the coast", *ARTICLE, *thread))
    assert [b.role for b in blocks[1:5]] == ["body"] * 4
    assert {b.role for b in blocks[6:]} == {"comment"}


def test_a_short_sentence_inside_the_article_is_body():
    roles = roles_of(page("Storm hits the coast", *ARTICLE[:2], "Ferries have been cancelled.", *ARTICLE[2:]))
    assert roles["Ferries have been cancelled."] == "body"


def test_a_short_subheading_inside_the_article_is_body():
    roles = roles_of(page("Storm hits the coast", *ARTICLE[:2], "What happens next", *ARTICLE[2:]))
    assert roles["What happens next"] == "body"


def test_share_buttons_are_boilerplate():
    buttons = ["Share", "Facebook", "Twitter", "Email"]
    roles = roles_of(page("Storm hits the coast", *buttons, *ARTICLE))
    assert [roles[b] for b in buttons] == ["boilerplate"] * 4


def test_a_page_without_any_prose_has_no_body():
    assert "body" not in {b.role for b in segment(page("Home", "News", "Sport", "Contact us"))}


def test_every_reason_is_a_sentence_a_student_can_read():
    text = page("Home", "Storm hits the coast", "By Sarah Jones", *ARTICLE, "3 Comments", "1. Great piece, thanks for this.")
    for block in segment(text):
        assert block.reason[:1].isupper() and block.reason.endswith(".") and len(block.reason) < 140


def test_the_group_of_a_block_follows_its_role():
    for block in segment(page("Storm hits the coast", *ARTICLE, "3 Comments", "1. Great piece, thanks for this.")):
        assert block.group == GROUP_OF_ROLE[block.role]


# --- split_paragraphs ---------------------------------------------------------------------------


def test_each_non_blank_line_is_a_paragraph():
    assert [p.line for p in split_paragraphs("Henry Austin\nThursday 21 September 2017\n\nBody.")] == [1, 2, 4]


def test_a_hard_wrapped_line_is_joined_to_its_continuation():
    text = "Hundreds of tractors blocked streets around the European Parliament in\nBrussels on Thursday as farmers protested.\n"
    assert [(p.text[:9], p.line) for p in split_paragraphs(text)] == [("Hundreds ", 1)]


def test_a_finished_sentence_is_not_joined_to_the_next_line():
    text = "Hundreds of tractors blocked streets around the European Parliament.\nthen more came."
    assert len(split_paragraphs(text)) == 2


# --- Robustness (property tests) ----------------------------------------------------------------

page_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)) | st.sampled_from(list("\n\n\r .:|•©1")), max_size=400
) | st.lists(
    st.sampled_from(["Home", "", "3 Comments", "1. A reader's comment here.", ARTICLE[0], "Leave a Reply", "By Sam", "©"]),
    max_size=30,
).map("\n".join)


def raw_lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


@settings(max_examples=300, deadline=None)
@given(page_text)
def test_segment_never_raises_and_gives_one_block_per_paragraph(text):
    blocks = segment(text)
    paragraphs = split_paragraphs(text)
    assert [(b.text, b.line) for b in blocks] == [(p.text, p.line) for p in paragraphs]


@settings(max_examples=300, deadline=None)
@given(page_text)
def test_block_lines_strictly_increase_and_roles_are_known(text):
    blocks = segment(text)
    assert all(a.line < b.line for a, b in zip(blocks, blocks[1:]))
    assert all(block.role in ROLES and block.reason for block in blocks)


@settings(max_examples=300, deadline=None)
@given(page_text)
def test_every_block_starts_with_the_stripped_text_of_its_raw_line(text):
    lines = raw_lines(text)
    for block in segment(text):
        assert block.text.startswith(lines[block.line - 1].strip())


# --- load_answer_key ----------------------------------------------------------------------------


def test_load_answer_key_reads_entries(tmp_path):
    (tmp_path / "answer_key.json").write_text(json.dumps({"000": [{"line": 1, "role": "headline", "why": "Title."}]}))
    assert load_answer_key(tmp_path) == {"000": [KeyEntry(1, "headline", "Title.")]}


def test_load_answer_key_returns_nothing_when_the_file_is_absent(tmp_path):
    assert load_answer_key(tmp_path) == {}


def test_load_answer_key_names_the_file_and_spot_of_broken_json(tmp_path):
    (tmp_path / "answer_key.json").write_text('{"000": [')
    with pytest.raises(StoryError, match=r"answer_key\.json.*not valid JSON \(line 1"):
        load_answer_key(tmp_path)


def test_load_answer_key_rejects_a_role_outside_roles(tmp_path):
    (tmp_path / "answer_key.json").write_text(json.dumps({"000": [{"line": 1, "role": "advert", "why": "x"}]}))
    with pytest.raises(StoryError, match=r"answer_key\.json.*'advert' is not one of"):
        load_answer_key(tmp_path)


def test_load_answer_key_rejects_an_entry_without_a_line(tmp_path):
    (tmp_path / "answer_key.json").write_text(json.dumps({"000": [{"role": "body", "why": "x"}]}))
    with pytest.raises(StoryError, match="the keys 'line', 'role' and 'why'"):
        load_answer_key(tmp_path)


# --- The development corpus: body F1 must not regress -------------------------------------------


def _bench():
    spec = importlib.util.spec_from_file_location("segment_eval", REPO / "bench" / "segment_eval.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["segment_eval"] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("folder", "at_least"), [("dev", 0.97), ("heldout", 0.94)])
def test_body_f1_on_the_labelled_pages_stays_above_what_was_reached(folder, at_least):
    bench = _bench()
    pages = bench.load_pages(folder)
    assert len(pages) >= (30 if folder == "dev" else 8)
    total = bench.Score(0, 0, 0)
    for labelled in pages:
        total += bench.score(labelled.gold, bench.medialit_guess(labelled))
    assert total.f1 >= at_least


# --- Furniture phrases inside prose, the end of the article, roles next to boxes ---------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Commenting on the warning, the mayor said residents should stay indoors until the storm passed.",
        "The minister declined to say whether the advertisement campaign had been approved by the cabinet.",
        "Residents said the alert came by text message and asked people to contact the council if they needed help.",
    ],
)
def test_a_sentence_of_reporting_that_contains_a_furniture_phrase_stays_body(sentence):
    roles = roles_of(page("Storm hits the coast", *ARTICLE[:2], sentence, *ARTICLE[2:]))
    assert roles[sentence] == "body"


def test_a_sentence_pointing_to_the_articles_own_map_stays_body():
    # "Follow us" is a follow button only when it names a network or stands alone.
    sentence = "Follow us on the map below to see where the worst damage is expected."
    assert roles_of(page("Storm hits the coast", *ARTICLE[:2], sentence, *ARTICLE[2:]))[sentence] == "body"


def test_a_long_sign_up_pitch_that_speaks_to_the_reader_inside_the_article_is_boilerplate():
    pitch = "Sign up to our free morning newsletter to get the day's biggest stories before you leave the house."
    assert roles_of(page("Storm hits the coast", *ARTICLE[:2], pitch, *ARTICLE[2:]))[pitch] == "boilerplate"


def test_a_short_last_sentence_after_an_advert_is_body():
    last = "The protest was the largest since 2019."
    blocks = segment(page("Storm hits the coast", *ARTICLE, "Advertisement", last))
    assert [b.role for b in blocks][-2:] == ["boilerplate", "body"]


def test_an_email_field_of_a_newsletter_box_is_boilerplate():
    box = ["Sign up to our newsletter for the latest local news", "Enter your email address", "Subscribe"]
    roles = roles_of(page("Storm hits the coast", *ARTICLE, *box))
    assert roles["Enter your email address"] == "boilerplate"


def test_a_labelled_row_of_share_buttons_is_boilerplate():
    share = "Pass it on: Facebook Twitter WhatsApp"
    assert roles_of(page("Storm hits the coast", share, *ARTICLE))[share] == "boilerplate"


def test_a_question_headline_under_a_related_heading_is_related():
    after = ["More on this story", "Is the sea wall high enough?"]
    assert roles_of(page("Storm hits the coast", *ARTICLE, *after))["Is the sea wall high enough?"] == "related"


def test_a_log_in_prompt_under_a_comment_heading_is_comment_ui():
    prompt = "You must be signed in to leave a comment."
    assert roles_of(page("Storm hits the coast", *ARTICLE, "Leave a comment", prompt))[prompt] == "comment_ui"


def test_a_credit_line_in_brackets_after_the_article_is_a_byline():
    credit = "(Reporting by Jo Bell; Editing by Sam Ng)"
    assert roles_of(page("Storm hits the coast", *ARTICLE, credit))[credit] == "byline"


def test_comments_under_a_two_paragraph_news_item_are_comments():
    item = ["A post box was stolen from outside the village shop overnight.", "Police said they were checking camera footage from the street."]
    blocks = segment(page("Post box stolen", *item, "2 Comments", "1. Who would steal a post box?"))
    assert [b.role for b in blocks] == ["headline", "body", "body", "comment_ui", "comment"]


def test_a_weekday_in_a_headline_does_not_make_it_a_date():
    headline = "River forecast to crest on Sunday"
    assert roles_of(page(headline, *ARTICLE))[headline] == "headline"


# --- Real scrapes: lists, subheadings, garbled text, other scripts, teaser lists ----------------

SECTIONED = [
    "The council has approved a plan to rebuild the harbour wall before next winter, officials said on Monday.",
    "Why the harbour wall keeps failing after every winter storm",
    "Engineers say the old harbour wall was built on soft sand and has been patched after every storm since 1990.",
    "The new harbour wall will stand on piles driven into the rock, which the engineers say will last for decades.",
    "What the new harbour wall will cost the town and its residents",
    "The harbour plan costs 12 million pounds, most of it from a national fund for coastal towns and harbours.",
]


def test_headline_like_lines_in_an_article_with_several_of_them_are_subheadings_in_the_body():
    roles = roles_of(page("Harbour wall to be rebuilt", *SECTIONED))
    assert roles[SECTIONED[1]] == "body" and roles[SECTIONED[4]] == "body"


def test_headline_like_lines_next_to_each_other_inside_the_article_are_list_items_in_the_body():
    items = ["Check the flood map for your street", "Move valuables upstairs", "Keep a torch and a radio at hand"]
    roles = roles_of(page("Storm hits the coast", *ARTICLE[:2], *items, *ARTICLE[2:]))
    assert [roles[item] for item in items] == ["body", "body", "body"]


def test_a_paragraph_of_text_garbled_by_a_wrong_encoding_is_not_body():
    garbled = "Ð\u009dÐ°Ñ\u0088Ð¸ Ð³ÐµÑ\u0080Ð¾Ð¸ Ð·Ð½Ð°Ñ\u008eÑ\u0082 Ñ\u0082Ð¾Ð»Ðº Ð½Ðµ Ñ\u0082Ð¾Ð»Ñ\u008cÐºÐ¾ Ð²Ð¾ Ð²ÐºÑ\u0083Ñ\u0081Ðµ."
    blocks = segment(page("Storm hits the coast", *ARTICLE, garbled))
    assert blocks[-1].role == "boilerplate" and "encoding" in blocks[-1].reason


def test_a_few_garbled_letters_in_an_article_paragraph_keep_it_body():
    paragraph = "The café owner said itâ\u0080\u0099s the third time this year the sea has flooded the harbour road."
    assert roles_of(page("Storm hits the coast", *ARTICLE[:2], paragraph, *ARTICLE[2:]))[paragraph] == "body"


def test_japanese_prose_without_spaces_is_found_as_the_article():
    article = [
        "先日、市の中心部で大雨による洪水が起き、多くの住民が避難しました。",
        "市によると、川の水位は一晩で二メートル以上上がり、橋が通行止めになりました。",
        "専門家は、今後も同じような大雨が増えると話しています。",
    ]
    blocks = segment(page("メニュー", "ホーム", *article, "Copyright 2024 Example News. All rights reserved."))
    assert [b.role for b in blocks if b.text in article] == ["body", "body", "body"]


def test_a_link_cut_off_with_an_ellipsis_is_related():
    teaser = "Storm warning: heavy rain to batter the coast as Hurri..."
    assert roles_of(page("Storm hits the coast", *ARTICLE, teaser))[teaser] == "related"


def test_an_x_contributed_reporting_line_after_the_article_is_a_byline():
    credit = "Sam Ng contributed reporting from the harbour."
    assert roles_of(page("Storm hits the coast", *ARTICLE, credit))[credit] == "byline"


@pytest.mark.parametrize("header", ["[ 167 comments ]", "Top Rated Comments", "(42) Comments", "Latest comments"])
def test_comment_headings_in_brackets_or_with_a_word_before_open_the_comments(header):
    comment = "I live on that street and nobody warned us about the flood until the water was at the door."
    roles = roles_of(page("Storm hits the coast", *ARTICLE, header, comment))
    assert (roles[header], roles[comment]) == ("comment_ui", "comment")


def test_a_long_thoughts_on_heading_opens_the_comments():
    header = "12 thoughts on “Storm hits the coast as the first gale of the season brings floods to the harbour town”"
    comment = "Thanks for the report, the harbour wall needed fixing years ago and everyone here knew it."
    roles = roles_of(page("Storm hits the coast", *ARTICLE, header, comment))
    assert (roles[header], roles[comment]) == ("comment_ui", "comment")


def test_teasers_for_other_stories_across_a_menu_from_the_article_are_not_body():
    teasers = [
        "Local bakery wins national prize for its sourdough bread, beating two hundred other entries from across the country.",
        "New cycle lanes open on the ring road after two years of building work and several long delays for drivers.",
        "School choir to sing at the cathedral on Christmas Eve, the first time since the building was repaired last year.",
        "Football club signs young striker from a rival team on a three-year contract, the manager confirmed on Friday.",
    ]
    menu = ["Video", "All Videos", "Weather", "Travel", "Contests", "Advertise"]
    blocks = segment(page("Latest Headlines", *teasers, *menu, "Storm hits the coast", *ARTICLE))
    roles = {b.text: b.role for b in blocks}
    assert [roles[t] for t in teasers] == ["boilerplate"] * 4 or all(roles[t] != "body" for t in teasers)
    assert [roles[p] for p in ARTICLE] == ["body"] * 4


def test_a_list_that_goes_on_after_the_article_prose_up_to_a_related_heading_is_body():
    article = [
        "This flood kit list was put together by the council's emergency team after last winter's storms flooded the harbour.",
        "Every household near the harbour should keep a flood kit ready, the council's emergency team said on Monday.",
    ]
    kit_list = ["Flood kit: a torch and spare batteries", "Flood kit: a radio", "Flood kit: a first aid box",
                "Flood kit: copies of insurance papers", "Flood kit: a week of medicines"]
    after = ["Related Articles", "Ferry timetable changes for the winter"]
    roles = roles_of(page("Get your flood kit ready", *article, *kit_list, *after))
    assert [roles[line] for line in kit_list] == ["body"] * len(kit_list)
    assert roles["Ferry timetable changes for the winter"] == "related"


def test_long_prose_at_the_foot_of_the_page_below_a_related_heading_does_not_win_over_the_article():
    disclaimer = [
        "The information on this page was written for general readers and is not advice for any particular household or business.",
        "Nothing on this page should be taken as medical, legal or financial advice for any reader, whatever their situation.",
        "Prices, times and services mentioned in our articles may have changed since the day they were published on the site.",
        "Photographs and maps are used with the permission of their owners and may not be copied or used again without asking them.",
        "Readers who want to correct a mistake in an article can write to the editor, who answers every letter within two weeks.",
    ]
    blocks = segment(page("Storm hits the coast", *ARTICLE[:3], "Related Articles", "Ferry timetable changes", *disclaimer))
    roles = {b.text: b.role for b in blocks}
    assert [roles[p] for p in ARTICLE[:3]] == ["body"] * 3
    assert all(roles[p] != "body" for p in disclaimer)


def test_a_short_description_above_a_bare_photo_credit_is_a_caption():
    description = "Waves break over the sea wall at the harbour on Tuesday evening."
    roles = roles_of(page("Storm hits the coast", *ARTICLE[:2], description, "Jo Bell/Getty Images", *ARTICLE[2:]))
    assert (roles[description], roles["Jo Bell/Getty Images"]) == ("caption", "caption")
    assert [roles[p] for p in ARTICLE] == ["body"] * 4


def test_a_paragraph_above_a_photo_credit_that_opens_its_own_caption_stays_body():
    credit, caption = "Image copyright Coast Press", "Image caption Waves break over the sea wall"
    roles = roles_of(page("Storm hits the coast", *ARTICLE[:2], credit, caption, *ARTICLE[2:]))
    assert roles[ARTICLE[1]] == "body"


def test_a_photo_description_ending_with_its_credit_inside_the_article_is_a_caption():
    described = (
        "Waves break over the sea wall at the harbour on Tuesday evening as the first storm of the season arrives, "
        "while residents watch from the promenade and the lifeboat crew stands by. The coastguard has warned people "
        "to stay away from the sea front until the wind drops on Thursday. Jo Bell / AFP"
    )
    roles = roles_of(page("Storm hits the coast", *ARTICLE[:2], described, *ARTICLE[2:]))
    assert roles[described] == "caption"
    assert [roles[p] for p in ARTICLE] == ["body"] * 4


def test_a_paragraph_whose_last_sentence_names_an_agency_stays_body():
    sentence = (
        "The harbour will stay closed until the wind drops below gale force, and ferries to the islands have been "
        "cancelled for at least two days while engineers check the damage to the sea wall and the old pier. "
        '"We will rebuild, as we did after every storm before this one," the mayor told AFP'
    )
    roles = roles_of(page("Storm hits the coast", *ARTICLE[:2], sentence, *ARTICLE[2:]))
    assert roles[sentence] == "body"


def test_a_paragraph_that_reports_above_a_bare_photo_credit_stays_body():
    said = "The coastguard said the harbour would stay closed until the wind drops."
    roles = roles_of(page("Storm hits the coast", *ARTICLE[:2], said, "Jo Bell/Getty Images", *ARTICLE[2:]))
    assert roles[said] == "body"


def test_a_paragraph_above_a_photo_credit_with_a_description_stays_body():
    caption = "Waves break over the sea wall on Tuesday (Photo: Jo Bell)"
    roles = roles_of(page("Storm hits the coast", *ARTICLE[:2], caption, *ARTICLE[2:]))
    assert roles[ARTICLE[1]] == "body"


PLAN = [
    "Breakfast", "Eat within an hour of waking up",
    "Have two eggs on toast with a handful of spinach, and a pear if you are still hungry after it.",
    "Portions: 2 eggs, 1 slice.",
    "Snack", "Eat halfway through the morning",
    "Have one apple and a small handful of almonds or walnuts, with a glass of water or a cup of tea.",
    "Portions: 1 apple, 10 nuts.",
    "Lunch", "Eat when you feel hungry after noon",
    "Have a bowl of lentil soup with a slice of wholemeal bread, and some yoghurt if there is time for it.",
    "Portions: 1 bowl, 1 slice.",
]


def test_a_short_line_between_the_items_of_a_list_in_the_article_is_an_item_too():
    intro = [
        "This meal plan keeps you going through a long working day without a slump in the afternoon, our dietitian says.",
        "Each meal below has a time to eat it and what goes on the plate, so the plan is easy to follow at home or work.",
    ]
    outro = "If you train in the evening, move the lunch snack to the hour before your workout and eat dinner after it."
    roles = roles_of(page("A meal plan for busy days", *intro, *PLAN, outro, "Related Articles", "Ten quick soups"))
    assert (roles["Snack"], roles["Lunch"]) == ("body", "body")


def test_topic_tags_at_the_foot_of_the_article_are_not_list_items():
    tags = ["Weather", "Storms", "Coast", "Floods"]
    roles = roles_of(page("Storm hits the coast", *ARTICLE, "Opinion", *tags, "More Daily Ledger", "Ferry timetable changes"))
    assert all(roles[tag] != "body" for tag in tags)


def test_a_short_sentence_after_the_tags_below_the_article_is_not_body():
    prompt = "Share your thoughts with friends."
    roles = roles_of(page("Storm hits the coast", *ARTICLE, "Storms", prompt, "More Daily Ledger", "Ferry timetable changes"))
    assert roles[prompt] == "boilerplate"


def test_a_social_media_post_quoted_in_the_article_is_body():
    post = "Stay away from the sea front tonight, the waves are huge pic.twitter.com/abc123"
    signature = "\u2014 Coast Police (@coastpolice) November 1, 2019"
    roles = roles_of(page("Storm hits the coast", *ARTICLE[:2], post, signature, *ARTICLE[2:]))
    assert (roles[post], roles[signature]) == ("body", "body")


def test_a_social_media_post_closing_the_article_is_body():
    post = "Stay away from the sea front tonight, the waves are huge pic.twitter.com/abc123"
    signature = "\u2014 Coast Police (@coastpolice) November 1, 2019"
    roles = roles_of(page("Storm hits the coast", *ARTICLE, post, signature, "Related Articles", "Ferry timetable changes"))
    assert (roles[post], roles[signature]) == ("body", "body")


@pytest.mark.parametrize(
    "pitch",
    [
        "Subscribe to the Ledger and stay ahead with more of your favourite weather writers.",
        "Keep an eye on your inbox for the latest storm warnings and travel news.",
    ],
)
def test_a_pitch_to_subscribe_inside_the_article_is_boilerplate(pitch):
    roles = roles_of(page("Storm hits the coast", *ARTICLE[:2], pitch, *ARTICLE[2:]))
    assert roles[pitch] == "boilerplate"
    assert [roles[p] for p in ARTICLE] == ["body"] * 4


def test_reporting_on_people_who_subscribe_to_a_service_stays_body():
    sentence = "Thousands of households subscribe to the flood alert service, the agency said on Tuesday."
    roles = roles_of(page("Storm hits the coast", *ARTICLE[:2], sentence, *ARTICLE[2:]))
    assert roles[sentence] == "body"


def test_headline_like_lines_just_above_a_read_more_link_inside_the_article_are_a_teaser():
    teaser = [
        "Harbour master retires after forty years at the port",
        "After four decades of guiding ships through the narrow harbour mouth in all weathers, Tom Reid",
        "Read more",
    ]
    roles = roles_of(page("Storm hits the coast", *ARTICLE[:2], *teaser, *ARTICLE[2:]))
    assert (roles[teaser[0]], roles[teaser[1]]) == ("related", "related")
    assert [roles[p] for p in ARTICLE] == ["body"] * 4


def test_a_call_to_the_reader_in_capitals_inside_the_article_is_boilerplate():
    shout = "GET THE FLOOD MAP: FREE DOWNLOAD!"
    roles = roles_of(page("Storm hits the coast", *ARTICLE[:2], shout, *ARTICLE[2:]))
    assert roles[shout] == "boilerplate"


def test_a_short_sentence_in_capitals_without_an_exclamation_inside_the_article_stays_body():
    calm = "THE SEA WALL HELD."
    roles = roles_of(page("Storm hits the coast", *ARTICLE[:2], calm, *ARTICLE[2:]))
    assert roles[calm] == "body"


@pytest.mark.parametrize("heading", ["More Daily Ledger", "More Games", "More CNN"])
def test_a_more_and_a_name_heading_after_the_article_opens_links_to_other_stories(heading):
    teaser = "Council votes to close the old ferry terminal after eighty years of service to the islands."
    roles = roles_of(page("Storm hits the coast", *ARTICLE, heading, teaser))
    assert (roles[heading], roles[teaser]) == ("related", "related")


def test_a_price_is_not_a_time_of_day():
    deal = "Wireless headphones for $39.99 at the corner shop"
    roles = roles_of(page("Storm hits the coast", *ARTICLE[:2], deal, *ARTICLE[2:]))
    assert roles[deal] != "byline"


@pytest.mark.parametrize("stamp", ["Updated 10:32", "Posted at 9.15am"])
def test_a_time_of_day_under_the_headline_is_a_dateline(stamp):
    assert roles_of(page("Storm hits the coast", stamp, *ARTICLE))[stamp] == "byline"


@pytest.mark.parametrize("picture", [
    "1of4A shopper looks at torches and sandbags at the hardware store on the harbour road, Tuesday.",
    "Image 2 of 5 The harbour wall after the storm, seen from the lifeboat station on Wednesday morning.",
])
def test_a_numbered_gallery_picture_inside_the_article_is_a_caption(picture):
    roles = roles_of(page("Storm hits the coast", *ARTICLE[:2], picture, *ARTICLE[2:]))
    assert (roles[picture], roles[ARTICLE[2]]) == ("caption", "body")


@pytest.mark.parametrize("heading", ["Latest Headlines", "Latest Local Headlines", "Headlines"])
def test_a_headlines_heading_after_the_article_is_related(heading):
    assert roles_of(page("Storm hits the coast", *ARTICLE, heading))[heading] == "related"


# --- Offsets into the raw text, and the garbage collector -----------------------------------------


def test_a_block_gives_the_character_offsets_of_its_paragraph_in_the_raw_text():
    raw = "  Storm hits the coast\r\n\r\n" + ARTICLE[0] + "  \n\n" + ARTICLE[1] + "\n"
    for block in segment(raw):
        assert raw[block.start:block.end] == block.text


def test_a_hard_wrapped_paragraph_spans_all_its_lines_in_the_raw_text():
    first = "Flood warnings have been issued across the region as the first storm of"
    raw = f"Storm hits the coast\n\n{first}\nthe season moves in from the sea.\n"
    block = segment(raw)[-1]
    assert raw[block.start:block.end] == f"{first}\nthe season moves in from the sea."
    assert block.text == f"{first} the season moves in from the sea."


def test_segment_leaves_the_garbage_collector_as_it_found_it():
    import gc

    huge = "Home\n" * 30_000
    assert gc.isenabled()
    segment(huge)
    assert gc.isenabled()
    gc.disable()
    try:
        segment(huge)
        assert not gc.isenabled()
    finally:
        gc.enable()


# --- The labelled corpus: its gold does not depend on how split_paragraphs joins lines ---------


def _marked_pages():
    bench = _bench()
    for path in sorted((REPO / "tests" / "pages").glob("*/*.page")):
        text, body_lines = bench.read_marks(path)
        yield path, text, body_lines


def test_every_body_line_of_the_labelled_pages_starts_its_own_paragraph():
    for path, text, body_lines in _marked_pages():
        starts = {p.line for p in split_paragraphs(text)}
        assert body_lines <= starts, f"{path.name}: {sorted(body_lines - starts)} joined onto the line above"


def test_an_unmarked_line_is_joined_into_a_body_paragraph_only_as_the_rest_of_a_cut_sentence():
    # Otherwise a caption or a comment joined onto an article line would silently count as body.
    for path, text, body_lines in _marked_pages():
        lines = text.split("\n")
        body_starts = {p.line for p in split_paragraphs(text)} & body_lines
        starts = {p.line for p in split_paragraphs(text)}
        current_is_body = False
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                current_is_body = False
            elif number in starts:
                current_is_body = number in body_starts
            elif current_is_body:
                above = lines[number - 2].strip()
                assert above[-1] not in ".!?\"'”’)", f"{path.name}:{number} is joined onto a finished body line"


def test_a_bad_corpus_page_whose_body_line_is_joined_is_an_error(tmp_path):
    bad = tmp_path / "bad.page"
    bad.write_text("Title\nB| A long line of article text that runs on and is not finished with\nB| the rest of it.\n")
    with pytest.raises(ValueError, match=r"bad\.page.*\[3\]"):
        _bench().read_page(bad)


# --- Honesty: every phrase rule that fires is justified by more than one page -------------------

REAL_TEXT = REPO.parent / "shared" / "real-pages" / "text"
PHRASE_TABLES = ["COMMENT_HEADER_PHRASES", "COMMENT_UI_LINE_PHRASES", "COMMENT_UI_PHRASES", "FURNITURE_PHRASES", "ALWAYS_FURNITURE_PHRASES"]


def _page_lines(path: Path) -> list[str]:
    return [line.removeprefix("B| ").strip().lower() for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


@pytest.fixture(scope="module")
def corpus() -> dict[str, list[Path]]:
    """The pages a rule may be justified by: the bundled reports, the hand-labelled pages, the real pages."""
    real = sorted(REAL_TEXT.glob("*.txt"))
    if not real:
        pytest.skip(f"{REAL_TEXT} is not there (../shared beside the clone)")
    return {
        "bundled": sorted(bundled_story_folder().glob("0*.txt")),
        "labelled": sorted((REPO / "tests" / "pages").glob("*/*.page")),
        "real": real,
    }


@pytest.mark.parametrize("table", PHRASE_TABLES)
def test_every_phrase_rule_that_fires_on_a_bundled_or_real_page_fires_on_more_than_one_page(table, corpus):
    import re

    rules = importlib.import_module("medialit.page_rules")
    lines = {(kind, path): _page_lines(path) for kind, paths in corpus.items() for path in paths}
    for phrase in getattr(rules, table):
        pattern = re.compile(phrase)
        fired = [(kind, path) for (kind, path), text in lines.items() if any(pattern.search(line) for line in text)]
        if any(kind in ("bundled", "real") for kind, _ in fired):
            assert len(fired) >= 2, f"{phrase!r} fires only on {fired[0][1].name}"
            assert any(kind != "bundled" for kind, _ in fired), f"{phrase!r} is only used by the bundled reports"


# Patterns matched on the line as written (capitals matter) rather than in lower case.
AS_WRITTEN = {"MORE_HEADING", "CJK"}


@pytest.mark.parametrize("name", ["GARBLED", "CJK", "CUT_SHORT", "MORE_HEADING", "GALLERY", "POST_SIGNATURE"])
def test_every_rule_added_for_real_scrapes_fires_on_more_than_one_real_page(name, corpus):
    rules = importlib.import_module("medialit.page_rules")
    pattern = getattr(rules, name)
    fired = set()
    for path in corpus["real"]:
        for line in path.read_text(encoding="utf-8").split("\n"):
            text = line.strip() if name in AS_WRITTEN else line.strip().lower()
            if text and pattern.search(text):
                fired.add(path.name)
                break
    assert len(fired) >= 2, f"{name} fires only on {sorted(fired)}"


def test_every_public_function_and_class_of_segment_has_a_docstring_example():
    import inspect

    segment_module = importlib.import_module("medialit.segmentation")

    for name, value in vars(segment_module).items():
        if name.startswith("_") or not (inspect.isfunction(value) or inspect.isclass(value)):
            continue
        if getattr(value, "__module__", "") != segment_module.__name__:
            continue
        assert ">>>" in (value.__doc__ or ""), f"medialit.segmentation.{name} needs a docstring example"


@pytest.mark.parametrize(
    "reason", ["caption_credit", "caption_credited", "post", "short_after", "teaser_above", "shouted", "comment_empty"]
)
def test_every_role_reason_added_for_real_scrapes_is_given_on_more_than_one_real_page(reason, corpus):
    from medialit.segmentation import REASONS

    pages = {
        path.name
        for path in corpus["real"]
        if any(block.reason == REASONS[reason] for block in segment(path.read_text(encoding="utf-8")))
    }
    assert len(pages) >= 2, f"{reason} is given only on {sorted(pages)}"


def test_a_dated_line_with_commas_is_a_date_not_a_list_of_topic_tags():
    from medialit.paragraph_looks import describe

    assert describe("PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:02, Tue, Nov 19, 2019").kind == "date"
    assert describe("politics, economy, trade, china, tariffs").kind == "tags"
