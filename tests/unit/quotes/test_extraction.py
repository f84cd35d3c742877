"""Finding quotes and their speakers: the five bundled reports, quoting styles, apostrophes, messy scrapes."""

from __future__ import annotations

import pytest

import medialit

from medialit.quotes import extract_quotes
from quote_cases import EXPECTED_QUOTES, KONASHENKOV, UNICODE_SPACES, found, page


# --- the five reports --------------------------------------------------------------------------


@pytest.mark.parametrize("report_id", sorted(EXPECTED_QUOTES))
def test_every_quotation_in_each_report_is_found_with_its_speaker(story, report_id):
    quotes = extract_quotes(story.report(report_id).raw_text)
    assert [(q.text, q.speaker) for q in quotes] == EXPECTED_QUOTES[report_id]


@pytest.mark.parametrize("report_id", sorted(EXPECTED_QUOTES))
def test_quote_offsets_slice_the_quote_out_of_the_raw_page(story, report_id):
    raw = story.report(report_id).raw_text
    for quote in extract_quotes(raw):
        assert raw[quote.start : quote.end] == quote.text
        assert raw[quote.start - 1] in "\"“'‘"  # right after its opening mark


def test_single_quoted_standfirst_of_001_counts_as_a_quote(story):
    first = extract_quotes(story.report("001").raw_text)[0]
    assert first.role == "standfirst"
    assert first.text == "Fire points in those areas will be immediately suppressed with all military means"
    assert first.speaker == KONASHENKOV


def test_apostrophes_in_001_body_are_not_quotes(story):
    raw = story.report("001").raw_text
    texts = [q.text for q in extract_quotes(raw)]
    assert not any("country's" in t or "SDF's" in t or "Russia's" in t for t in texts)


def test_quote_split_by_its_attribution_in_000_is_two_quotes_of_one_remark(story):
    quotes = extract_quotes(story.report("000").raw_text)
    first, second = quotes[1], quotes[2]
    assert (first.continues, second.continues) == (False, True)
    assert first.speaker == second.speaker == KONASHENKOV


def test_he_said_in_000_is_the_last_person_named_before(story):
    # "Konashenkov said ..." comes two paragraphs before '"...," he said.'
    assert extract_quotes(story.report("000").raw_text)[1].speaker == KONASHENKOV


def test_quote_alone_in_its_paragraph_in_003_is_by_the_previous_quotes_speaker(story):
    quotes = extract_quotes(story.report("003").raw_text)
    assert quotes[1].speaker == quotes[0].speaker == KONASHENKOV
    assert quotes[1].continues


def test_the_statement_added_in_004_is_the_speaker_who_gave_the_statement(story):
    # 004: '... Igor Konashenkov said in a statement ...' then '"...," the statement added.'
    assert extract_quotes(story.report("004").raw_text)[1].speaker == KONASHENKOV


def test_comment_thread_of_004_is_left_out(story):
    raw = story.report("004").raw_text
    comments_start = raw.index("3 Comments")
    quotes = extract_quotes(raw)
    assert quotes and all(q.end < comments_start for q in quotes)
    assert all(q.role in medialit.quotes.ARTICLE_ROLES for q in quotes)


# --- quoting styles (hand-made) ------------------------------------------------------------------


def test_curly_double_quotes_are_found_without_their_marks():
    assert found(page("“We will rebuild the bridge this year,” said Mayor Jane Smith on Monday.")) == [
        ("We will rebuild the bridge this year", "Jane Smith")
    ]


def test_straight_double_quotes_are_found_without_their_marks():
    assert found(page('"We will rebuild the bridge this year," said Mayor Jane Smith on Monday.')) == [
        ("We will rebuild the bridge this year", "Jane Smith")
    ]


def test_a_quote_in_the_other_style_inside_a_quote_stays_inside_it():
    assert found(page('"They call it “the wall” here," said Jane Smith.')) == [
        ("They call it “the wall” here", "Jane Smith")
    ]
    assert found(page('“They call it "the wall" here,” said Jane Smith.')) == [
        ('They call it "the wall" here', "Jane Smith")
    ]


def test_comma_before_the_attribution_is_not_part_of_the_quote():
    assert found(page("“We are ready,” Jane Smith said.")) == [("We are ready", "Jane Smith")]


def test_full_stop_inside_the_marks_stays_in_the_quote():
    assert found(page("Jane Smith said: “We are ready.”")) == [("We are ready.", "Jane Smith")]


def test_speaker_named_after_the_verb():
    text = page("“They laid down maps,” said Army Colonel Ryan Dillon, a spokesman for the coalition.")
    assert found(text) == [("They laid down maps", "Ryan Dillon")]


def test_speaker_named_before_the_verb_with_a_long_job_title():
    text = page("“Fire came twice,” Russian Defense Ministry spokesman Maj. Gen. Igor Konashenkov said in a statement.")
    assert found(text) == [("Fire came twice", KONASHENKOV)]


def test_speaker_introducing_the_quote_with_a_colon():
    text = page("Mayor Jane Smith spoke to the council on Monday night.", "She added: “The bridge will be finished next year.”")
    assert found(text) == [("The bridge will be finished next year.", "Jane Smith")]


def test_partial_quote_inside_a_sentence_belongs_to_the_sentences_speaker():
    text = page('Jane Smith said the council had "twice voted against it" before the summer.')
    assert found(text) == [("twice voted against it", "Jane Smith")]


def test_according_to_names_the_speaker():
    text = page("According to Jane Smith, “the bridge is safe for cars and trucks.”")
    assert found(text) == [("the bridge is safe for cars and trucks.", "Jane Smith")]


def test_quote_split_by_he_said_gives_two_quotes_with_one_speaker_and_a_continuation_mark():
    text = page("Mayor Jane Smith spoke on Monday.", "“We are ready,” she said. “The work starts in May.”")
    quotes = extract_quotes(text, include_all=True)
    assert [(q.text, q.speaker, q.continues) for q in quotes] == [
        ("We are ready", "Jane Smith", False),
        ("The work starts in May.", "Jane Smith", True),
    ]


def test_quote_alone_in_the_next_paragraph_is_by_the_previous_speaker():
    text = page("“We will rebuild the bridge,” Jane Smith said on Monday.", "“It is our top priority.”")
    assert found(text) == [("We will rebuild the bridge", "Jane Smith"), ("It is our top priority.", "Jane Smith")]


def test_he_said_refers_to_the_last_person_named_before_the_quote():
    text = page(
        "Ryan Dillon said the talks went well.",
        "Jane Smith, the mayor, was not there.",
        "“It was a good meeting,” she said.",
    )
    assert found(text)[-1] == ("It was a good meeting", "Jane Smith")


def test_person_named_in_apposition_is_a_candidate_for_she():
    text = page("The mayor, Jane Smith, spoke on Monday. “We will rebuild,” she said.")
    assert found(text) == [("We will rebuild", "Jane Smith")]


def test_surname_alone_becomes_the_full_name_used_on_the_page():
    text = page("Maj. Gen. Igor Konashenkov spoke on Thursday.", "“We are ready,” Konashenkov said.")
    assert found(text) == [("We are ready", KONASHENKOV)]


@pytest.mark.parametrize(
    "title",
    ["Maj. Gen. Igor Konashenkov", "Major-General Igor Konashenkov", "Major General Igor Konashenkov",
     "Defense Ministry Spokesman Igor Konashenkov"],
)
def test_titles_are_dropped_from_the_speaker(title):
    assert found(page(f"“We are ready,” {title} said.")) == [("We are ready", KONASHENKOV)]


def test_the_statement_added_without_a_known_statement_stays_the_statement():
    assert found(page('"The bridge is safe," the statement added.')) == [("The bridge is safe", "the statement")]


def test_the_statement_added_is_whoever_spoke_in_a_statement_before():
    text = page("Jane Smith said in a statement that the town was ready.", '"The bridge is safe," the statement added.')
    assert found(text) == [("The bridge is safe", "Jane Smith")]


def test_unknown_speaker_is_empty():
    assert found(page("“Nobody saw anything,” was all we heard.")) == [("Nobody saw anything", "")]


def test_he_said_with_nobody_named_before_is_unknown():
    assert found(page('"It went well," he said.')) == [("It went well", "")]


def test_noun_phrase_speaker_is_kept_as_written():
    assert found(page('"We will respond," the mayor said.')) == [("We will respond", "the mayor")]


def test_new_sentence_after_a_closed_quote_is_not_its_attribution():
    text = page('Jane Smith said: "We are ready." The council said nothing about it.')
    assert found(text) == [("We are ready.", "Jane Smith")]


def test_no_break_space_between_the_quote_and_said_is_a_space():
    # Used to raise IndexError: the space was not seen as one.
    text = 'Talks\n\n"It went well,"\xa0said Col. Ryan Dillon.'
    assert [(q.text, q.speaker) for q in extract_quotes(text)] == [("It went well", "Ryan Dillon")]


@pytest.mark.parametrize("space", UNICODE_SPACES)
def test_any_unicode_space_before_the_attribution_is_a_space(space):
    assert found(page(f'"We are ready,"{space}said Jane Smith.')) == [("We are ready", "Jane Smith")]


def test_speaker_before_an_apposition_aside_is_found():
    text = page('Councillor Mark Evans, cabinet member for highways, said: "This is a scheme we can all back."')
    assert found(text) == [("This is a scheme we can all back.", "Mark Evans")]


def test_speaker_before_a_relative_clause_is_found():
    text = page('The government, which has refused to cut fuel taxes, said it would not be "blackmailed".')
    assert found(text) == [("blackmailed", "the government")]


def test_speaker_with_an_aside_after_the_quote_is_found():
    text = page('"We will respond," Jane Smith, the mayor, said on Monday.')
    assert found(text) == [("We will respond", "Jane Smith")]


def test_saying_after_a_comma_belongs_to_the_subject_of_the_sentence():
    # "-ing" forms follow a comma without any aside: "reporters" must not become a speaker.
    text = page('The mayor met reporters, in the town hall, saying "the bridge is safe".')
    assert found(text) == [("the bridge is safe", "The mayor")]


def test_spaced_french_guillemets_give_one_quote():
    assert found(page("« Nous répondrons », a déclaré le maire.")) == [("Nous répondrons", "")]


def test_french_guillemets_with_narrow_no_break_spaces_give_one_quote():
    assert found(page("«\u202fNous répondrons\u202f», a déclaré le maire.")) == [("Nous répondrons", "")]


def test_single_guillemets_in_a_headline_are_a_quote_even_when_spaced():
    assert found("Le maire : ‹ Nous répondrons ›") == [("Nous répondrons", "")]


def test_a_closing_guillemet_never_opens_a_quote():
    assert found(page("The plan » was approved on Monday by Jane Smith, the mayor.")) == []


def test_html_tags_around_a_quote_do_not_hide_it():
    assert found('<p>"We will respond," the mayor said.</p>') == [("We will respond", "the mayor")]


def test_html_tags_inside_a_quote_stay_in_its_text_and_offsets():
    text = page('<p>The mayor said: "<b>We</b> will respond."</p>')
    [quote] = extract_quotes(text, include_all=True)
    assert (quote.text, quote.speaker) == ("We</b> will respond.", "the mayor")
    assert text[quote.start : quote.end] == quote.text


def test_quote_marks_inside_html_attributes_are_not_quotes():
    text = page('<a href="https://example.org/bridge" title="Bridge">The plan</a> was approved by Jane Smith.')
    assert found(text) == []


def test_abbreviation_before_a_full_stop_is_judged_by_its_own_word_only():
    # Each full stop looks back one word (within a short window), not to the paragraph's start.
    text = page("The cat sat on the mat. " * 300 + 'Col. Ryan Dillon said: "We are ready."')
    assert found(text) == [("We are ready.", "Ryan Dillon")]


def test_she_said_after_many_people_is_the_last_one_named_before_it():
    people = [f"Mayor Jane Smith{n}" for n in range(200)]
    paragraphs = [f"{name} spoke on Monday." for name in people] + ['"We will rebuild," she said.']
    assert found(page(*paragraphs)) == [("We will rebuild", "Jane Smith199")]


# --- single quotes and apostrophes --------------------------------------------------------------


def test_single_quoted_quote_in_a_headline_is_found():
    headline = "'Fire points will be suppressed' says Major-General Igor Konashenkov"
    assert found(headline) == [("Fire points will be suppressed", KONASHENKOV)]


def test_curly_single_quotes_in_a_headline_are_found():
    assert found("Mayor: ‘We will rebuild the bridge’") == [("We will rebuild the bridge", "")]


@pytest.mark.parametrize(
    "text",
    [
        "Russia's warning to the SDF's fighters",
        "Russia’s warning to the SDF’s fighters",
        "Back to the '90s: rock 'n' roll returns to the town",
        "Back to the ’90s: rock ’n’ roll returns to the town",
        "The generals' plans and the soldiers' families",
        "It's the town's bridge, isn't it",
        "They'll rebuild 'em all by spring",
    ],
)
def test_apostrophes_are_not_quotes(text):
    assert found(text) == []


def test_plural_possessive_inside_a_single_quoted_headline_does_not_end_the_quote():
    headline = "'The soldiers' families are safe' says General Ivan Petrov"
    assert found(headline) == [("The soldiers' families are safe", "Ivan Petrov")]


def test_single_quotes_in_body_paragraphs_are_apostrophes_not_quotes():
    # Body text quotes with double marks in these reports; single marks there are apostrophes.
    text = page("The town's mayor said the 'plan' was fine and the workers' pay would rise in spring.")
    assert found(text) == []


# --- messy scrapes -------------------------------------------------------------------------------


def test_quote_left_open_runs_to_the_end_of_its_paragraph():
    text = page("Jane Smith said: “We are ready and the work starts in May", "The council agreed with the plan on Monday.")
    assert found(text) == [("We are ready and the work starts in May", "Jane Smith")]


def test_stray_closing_mark_is_ignored():
    assert found(page("The plan was approved” on Monday by Jane Smith, the mayor.")) == []


def test_new_opening_mark_before_a_close_ends_the_broken_quote_at_its_full_stop():
    text = page('"Broken quote one. And then "a second one," Jane Smith said.')
    assert [t for t, _ in found(text)] == ["Broken quote one.", "a second one"]


def test_closing_marks_used_for_both_ends_still_give_the_quote():
    assert found(page("”We are ready”, Jane Smith said.")) == [("We are ready", "Jane Smith")]


def test_quote_spanning_a_hard_wrapped_line_keeps_the_line_break_in_its_offsets():
    text = ("Headline\n\nJane Smith said that the council had decided on Monday that “the bridge\n"
            "will be rebuilt next year” after a long debate in the town hall.")
    [quote] = extract_quotes(text, include_all=True)
    assert text[quote.start : quote.end] == quote.text == "the bridge\nwill be rebuilt next year"


def test_empty_and_blank_text_give_no_quotes():
    assert extract_quotes("") == extract_quotes("   \n\n ") == []


# --- article text only ----------------------------------------------------------------------------

COMMENT_PAGE = """Council approves new bridge for the river town

Mayor Jane Smith said on Monday that the council had approved the new bridge across the river, "the biggest project in fifty years," after a long debate.

The work will start in the spring and should take about eighteen months, according to the plans.

3 Comments

  1. Reader Tom says the council is "wasting our money again" and he will vote against them next time.

Leave a Reply
"""


def test_quotes_in_reader_comments_are_left_out():
    assert [q.text for q in extract_quotes(COMMENT_PAGE)] == ["the biggest project in fifty years"]


def test_include_all_finds_quotes_outside_the_article_too():
    texts = [q.text for q in extract_quotes(COMMENT_PAGE, include_all=True)]
    assert texts == ["the biggest project in fifty years", "wasting our money again"]


def test_offsets_are_into_the_whole_page_not_the_paragraph():
    [quote] = extract_quotes(COMMENT_PAGE)
    assert COMMENT_PAGE[quote.start : quote.end] == quote.text
    assert quote.start > COMMENT_PAGE.index("Mayor")
