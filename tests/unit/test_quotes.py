"""Quote fidelity (lesson 3): finding quotes and their speakers, matching one remark across
reports, comparing wordings, and the published reference versions of the statement."""

from __future__ import annotations

import itertools
import json
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import medialit
from medialit.quotes import (
    REFERENCE_FILE,
    SAME_REMARK_THRESHOLD,
    Quote,
    ReferenceVersion,
    align_quotes,
    compare_quotes,
    extract_quotes,
    group_quotes,
    Synonyms,
    content_words,
    reference_notes,
    reference_synonyms,
    reference_versions,
    synthetic_story,
)
from medialit.story import StoryError, bundled_story_folder, load_story

REFERENCE_MD = Path(__file__).resolve().parents[3] / "shared" / "reference" / "konashenkov-statement.md"
KONASHENKOV = "Igor Konashenkov"

# Spaces that scraped pages carry besides " ": no-break, narrow no-break (French, before »),
# thin, figure, ideographic, line separator. Zero-width space (not a space to Python) and a
# bare carriage return (a line break) are only in the robustness alphabets below.
UNICODE_SPACES = ["\xa0", "\u202f", "\u2009", "\u2007", "\u3000", "\u2028"]

# Every quotation in the article text of the five reports, read by hand, in page order:
# (text exactly as between the marks, less a trailing comma; speaker).
EXPECTED_QUOTES: dict[str, list[tuple[str, str]]] = {
    "000": [
        (
            "Syrian forces have twice come under massive mortar and rocket artillery fire coming from the "
            "areas on the eastern bank of the Euphrates where SDF fighters and US special forces are deployed",
            KONASHENKOV,
        ),
        ("Attempts to open fire from SDF-controlled areas would be immediately met with retaliation", KONASHENKOV),
        ("The firing positions in those areas will be immediately destroyed with all the arsenal at our disposal.",
         KONASHENKOV),
    ],
    "001": [
        ("Fire points in those areas will be immediately suppressed with all military means", KONASHENKOV),
        (
            "told in no uncertain terms that any attempts to open fire from areas where SDF fighters are "
            "located would be quickly shut down.",
            KONASHENKOV,
        ),
        ("Fire points in those areas will be immediately suppressed with all military means.", KONASHENKOV),
    ],
    "002": [
        ("SDF fighters and servicemen of US special forces.", KONASHENKOV),
        (
            "was told in no uncertain terms that any attempts to open fire from areas where SDF fighters are "
            "located would be quickly shut down.",
            KONASHENKOV,
        ),
        ("Firing points in these areas will be immediately suppressed by all military means", KONASHENKOV),
        ("dispatched from Raqqa province to the northern areas of the Deir ez-Zor province.", KONASHENKOV),
    ],
    "003": [
        (
            "A representative of the US military command in Al Udeid (the US operations center in Qatar) was "
            "told in no uncertain terms that any attempts to open fire from areas where SDF fighters are "
            "located would be quickly shut down",
            KONASHENKOV,
        ),
        ("Fire points in those areas will be immediately suppressed with all military means.", KONASHENKOV),
        ("They had a face-to-face discussion, laid down maps and graphics", "Ryan Dillon"),
    ],
    "004": [
        (
            "A representative of the U.S. military command in [the U.S. operations center in Qatar] was told "
            "in no uncertain terms that any attempts to open fire from areas where SDF fighters are located "
            "would be quickly shut down",
            KONASHENKOV,
        ),
        ("Fire points in those areas will be immediately suppressed with all military means", KONASHENKOV),
    ],
}

# The remarks the five reports share, as (report id, first words of the quote), read by hand.
EXPECTED_GROUPS: list[set[tuple[str, str]]] = [
    {("000", "Syrian forces have twice"), ("002", "SDF fighters and servicemen")},
    {
        ("000", "Attempts to open fire"),
        ("001", "told in no uncertain"),
        ("002", "was told in no"),
        ("003", "A representative of the"),
        ("004", "A representative of the"),
    },
    {
        ("000", "The firing positions in"),
        ("001", "Fire points in those"),  # the standfirst
        ("001", "Fire points in those"),  # the body
        ("002", "Firing points in these"),
        ("003", "Fire points in those"),
        ("004", "Fire points in those"),
    },
    {("002", "dispatched from Raqqa province")},
    {("003", "They had a face-to-face")},
]


@pytest.fixture(scope="module")
def story() -> medialit.Story:
    return load_story()


@pytest.fixture(scope="module")
def groups(story) -> list:
    return align_quotes(story)


def page(*paragraphs: str) -> str:
    """A hand-made page: a headline, then the paragraphs."""
    return "Test headline for the page\n\n" + "\n\n".join(paragraphs)


def found(text: str) -> list[tuple[str, str]]:
    return [(q.text, q.speaker) for q in extract_quotes(text, include_all=True)]


def signature(group) -> list[tuple[str, str]]:
    return sorted((rid, " ".join(q.text.split()[:4])) for rid, q in group.members)


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


def test_comma_before_saying_is_not_taken_for_an_aside():
    # "-ing" forms follow a comma without any aside: "reporters" must not become a speaker.
    text = page('The mayor met reporters, in the town hall, saying "the bridge is safe".')
    assert found(text) == [("the bridge is safe", "")]


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


# --- grouping the same remark ---------------------------------------------------------------------


def test_five_reports_group_into_the_expected_remarks(groups):
    got = [set(signature(g)) for g in groups]
    want = [{(rid, words) for rid, words in ((r, " ".join(w.split()[:4])) for r, w in group)} for group in EXPECTED_GROUPS]
    assert got == want
    assert [len(g.members) for g in groups] == [2, 5, 6, 1, 1]


def test_five_reports_group_through_the_variants_in_the_storys_data_not_in_code(story):
    # Without the "synonyms" section of the story's reference file, the translations of the
    # warning and of the fire-points sentence fall apart: the grouping above comes from data.
    pairs = [(r.id, q) for r in story.reports for q in extract_quotes(r.raw_text)]
    assert [len(g.members) for g in group_quotes(pairs)] == [2, 1, 1, 5, 4, 1, 1]
    assert [len(g.members) for g in group_quotes(pairs, synonyms=reference_synonyms(story))] == [2, 5, 6, 1, 1]


@pytest.mark.parametrize(
    "a, b",
    [("destroyed", "suppressed"), ("met with retaliation", "shut down"), ("arsenal", "means"),
     ("shelling", "fire"), ("attack", "fire"), ("in no uncertain terms", "in severe form"),
     ("firing positions", "fire points"), ("militants", "fighters"), ("notified", "told")],
)
def test_the_bundled_storys_translation_variants_are_not_built_into_the_code(a, b):
    assert content_words(a) != content_words(b)


@pytest.mark.parametrize(
    "british, american",
    [("defence", "defense"), ("centre", "center"), ("organised", "organized"), ("colour", "color"),
     ("labour", "labor"), ("analysed", "analyzed"), ("travelled", "traveled"), ("programme", "program")],
)
def test_british_and_american_spellings_are_one_word(british, american):
    assert content_words(british) == content_words(american)


def test_us_and_u_s_are_one_word():
    assert content_words("US forces") == content_words("U.S. forces")


def test_hour_and_four_are_not_taken_for_british_spellings():
    assert content_words("hour") == {"hour"} and content_words("four tours") == {"four", "tour"}


# A second story, made by hand: a council leader's remark quoted verbatim (a), trimmed (b) and
# paraphrased around two quoted pieces (c), and another speaker's remark about the same river.
FLOOD_STORY = {
    "a": (
        "River bursts its banks as town counts the cost\n\n"
        "Hundreds of homes were flooded on Sunday night when the River Wye burst its banks after three days of rain.\n\n"
        "Council leader Sarah Jones said: “We will raise the flood defences along the whole river before next winter, "
        "and no family will be left without help.”\n\n"
        "Environment Agency manager Tom Price warned that “more heavy rain is expected over the weekend and the river "
        "could rise again”."
    ),
    "b": (
        "Flood defences to be raised, council promises\n\n"
        "The town council has promised higher flood walls after Sunday's flooding.\n\n"
        "“We will raise the flood defences along the whole river before next winter,” Ms Jones told reporters "
        "at the town hall on Monday.\n\n"
        "Volunteers spent the day clearing mud from the high street."
    ),
    "c": (
        "Misery for families as floodwater lingers\n\n"
        "Sarah Jones, the council leader, said the council would “raise the flood defences along the whole river” "
        "and promised that “no family will be left without help”.\n\n"
        "“More heavy rain is expected over the weekend, and the river could rise again,” said Tom Price of the "
        "Environment Agency."
    ),
}


def test_a_second_story_groups_verbatim_trimmed_and_paraphrased_quotes_with_no_story_variants():
    story = SimpleNamespace(reports=[SimpleNamespace(id=rid, raw_text=text) for rid, text in FLOOD_STORY.items()])
    assert reference_synonyms(story) == Synonyms()
    groups = align_quotes(story)
    assert [(g.speaker, signature(g)) for g in groups] == [
        ("Sarah Jones", [("a", "We will raise the"), ("b", "We will raise the"),
                         ("c", "no family will be"), ("c", "raise the flood defences")]),
        ("Tom Price", [("a", "more heavy rain is"), ("c", "More heavy rain is")]),
    ]


def test_translation_variants_apply_only_to_the_story_whose_file_holds_them(tmp_path):
    folder = copy_story(tmp_path)  # report 000, without the reference file
    shutil.copy(bundled_story_folder() / "001_03a2ef80b0c90f83.txt", folder)

    def fire_points_reports() -> list[list[str]]:
        groups = align_quotes(load_story(folder))
        return [g.report_ids for g in groups if any("positions" in q.text or "points" in q.text for _, q in g.members)]

    # 000's "firing positions ... destroyed with all the arsenal" and 001's "Fire points ...
    # suppressed with all military means" are one remark only through the bundled story's file.
    assert fire_points_reports() == [["000"], ["001"]]
    shutil.copy(bundled_story_folder() / REFERENCE_FILE, folder)
    assert fire_points_reports() == [["000", "001"]]


def test_variant_groups_that_share_a_wording_are_joined():
    synonyms = Synonyms((("suppressed", "destroyed"), ("shut down", "suppressed")))
    assert content_words("destroyed", synonyms) == content_words("shut down", synonyms)


def test_every_quote_of_the_five_reports_is_in_exactly_one_group(story, groups):
    members = [(rid, q) for g in groups for rid, q in g.members]
    everything = [(r.id, q) for r in story.reports for q in extract_quotes(r.raw_text)]
    assert sorted(members, key=lambda m: (m[0], m[1].start)) == everything


def test_dillons_remark_never_joins_konashenkovs(groups):
    dillon = [g for g in groups if g.speaker == "Ryan Dillon"]
    assert len(dillon) == 1 and [rid for rid, _ in dillon[0].members] == ["003"]
    assert all(q.speaker == KONASHENKOV for g in groups if g is not dillon[0] for _, q in g.members)


def test_the_warning_and_the_fire_points_sentence_stay_apart(groups):
    by_remark = {g.remark: g for g in groups if g.remark}
    assert set(by_remark) == {"warning", "fire-points"}
    warning = {q.text for _, q in by_remark["warning"].members}
    fire = {q.text for _, q in by_remark["fire-points"].members}
    assert not warning & fire


def test_threshold_separates_the_five_reports_remarks(story):
    # Every pair inside one expected remark scores at or above the threshold, every pair of
    # different remarks below it: the threshold sits in the measured gap (0.62 .. 0.83).
    quotes = {(r.id, " ".join(q.text.split()[:4])): q for r in story.reports for q in extract_quotes(r.raw_text)}
    label = {key: n for n, group in enumerate(EXPECTED_GROUPS) for key in group}
    synonyms = reference_synonyms(story)
    for (ka, a), (kb, b) in itertools.combinations(quotes.items(), 2):
        score = compare_quotes(a, b, synonyms=synonyms).similarity
        if label[ka] == label[kb]:
            assert score >= SAME_REMARK_THRESHOLD, (ka, kb, score)
        else:
            assert score < SAME_REMARK_THRESHOLD, (ka, kb, score)


def test_three_translations_of_the_fire_points_sentence_are_one_remark_with_the_storys_variants(story):
    versions = [
        "Fire points in those areas will be immediately suppressed with all military means",
        "The firing positions in those areas will be immediately destroyed with all the arsenal at our disposal",
        "Firing points in these areas will be immediately suppressed by all military means",
    ]
    quotes = [(str(n), Quote(text, KONASHENKOV, 0, len(text))) for n, text in enumerate(versions)]
    assert [len(g.members) for g in group_quotes(quotes, synonyms=reference_synonyms(story))] == [3]


def test_trimmed_quotes_join_the_full_remark():
    full = Quote("Any attempts to open fire from areas where SDF fighters are located would be quickly shut down", "X Y", 0, 1)
    front = Quote("attempts to open fire from areas where SDF fighters are located", "X Y", 0, 1)
    back = Quote("SDF fighters are located would be quickly shut down", "X Y", 0, 1)
    assert [len(g.members) for g in group_quotes([("1", full), ("2", front), ("3", back)])] == [3]


def test_fragment_of_fewer_than_three_content_words_stands_alone():
    # "quickly shut down" is two content words: too little evidence to call it the same remark.
    full = Quote("Any attempts to open fire from areas where SDF fighters are located would be quickly shut down", "X Y", 0, 1)
    tiny = Quote("would be quickly shut down", "X Y", 0, 1)
    assert [len(g.members) for g in group_quotes([("1", full), ("2", tiny)])] == [1, 1]


def test_same_words_under_another_speaker_still_group_when_nearly_verbatim():
    a = Quote("Fire points in those areas will be immediately suppressed with all military means", KONASHENKOV, 0, 1)
    b = Quote("Fire points in those areas will be immediately suppressed with all military means", "the Kremlin", 0, 1)
    [group] = group_quotes([("1", a), ("2", b)])
    assert compare_quotes(a, b).has("speaker")
    assert len(group.members) == 2


def test_similar_remarks_by_different_speakers_stay_apart():
    a = Quote("The bridge will be rebuilt in the spring with money from the council budget", "Jane Smith", 0, 1)
    b = Quote("The bridge will be rebuilt in the spring if the council budget allows it", "Tom Reed", 0, 1)
    assert compare_quotes(a, b).similarity >= SAME_REMARK_THRESHOLD
    assert len(group_quotes([("1", a), ("2", b)])) == 2


def test_remarks_sharing_two_words_stay_apart_whatever_their_length():
    a = Quote("SDF fighters", KONASHENKOV, 0, 1)
    b = Quote("any attempts to open fire from areas where SDF fighters are located", KONASHENKOV, 0, 1)
    assert len(group_quotes([("1", a), ("2", b)])) == 2


def test_group_reference_is_the_published_version_most_reports_copy_word_for_word(groups):
    by_remark = {g.remark: g for g in groups if g.remark}
    for remark in ("warning", "fire-points"):
        reference = by_remark[remark].reference
        assert isinstance(reference, ReferenceVersion)
        assert (reference.name, reference.remark) == ("Reuters", remark)
        assert by_remark[remark].reference_source == reference.source


def test_group_carries_every_published_wording_of_its_remark_including_the_russian(groups):
    warning = next(g for g in groups if g.remark == "warning")
    assert [v.name for v in warning.reference_versions] == ["Russian original", "TASS", "Reuters", "Washington Post", "AFP"]


def test_without_a_published_version_the_reference_is_the_most_complete_member(groups):
    twice = groups[0]
    assert twice.remark == "" and twice.reference_source == "000"
    assert twice.reference.text.startswith("Syrian forces have twice")


def test_without_references_every_reference_is_a_member(story):
    for group in align_quotes(story, references=False):
        assert (group.reference_source, group.reference) in group.members


def test_group_label_is_the_first_words_of_its_reference(groups):
    assert groups[-1].label == "They had a face-to-face discussion, laid…"


def test_align_quotes_accepts_any_object_with_reports():
    fake = SimpleNamespace(
        reports=[
            SimpleNamespace(id="a", raw_text="Bridge\n\n“We will rebuild the old bridge next year,” Mayor Jane Smith said."),
            SimpleNamespace(id="b", raw_text="Bridge\n\n“We will rebuild the old bridge,” said Jane Smith."),
        ]
    )
    [group] = align_quotes(fake)
    assert group.report_ids == ["a", "b"] and group.speaker == "Jane Smith"


def test_synthetic_story_is_a_benchmark_fixture_not_analysis_api():
    assert "synthetic_story" not in medialit.quotes.__all__
    assert "make bench" in synthetic_story.__doc__


def test_synthetic_story_has_the_requested_number_of_quotes():
    story = synthetic_story(reports=20, quotes_per_report=10, seed=3)
    assert len(story.reports) == 20
    assert all(len(extract_quotes(r.raw_text)) == 10 for r in story.reports)


def test_synthetic_story_groups_never_mix_speakers():
    for group in align_quotes(synthetic_story(reports=40, quotes_per_report=10, seed=1)):
        assert len({q.speaker for _, q in group.members}) == 1


# --- comparing two versions --------------------------------------------------------------------


def words_of(ops, side: str) -> list[str]:
    return [w for op in ops for w in (op.a_words if side == "a" else op.b_words)]


def test_identical_quotes_are_all_same_and_raise_no_flags():
    c = compare_quotes("We are ready.", "We are ready.")
    assert [op.kind for op in c.ops] == ["same"] and c.flags == () and c.similarity == 1.0


def test_capitals_punctuation_and_us_spelling_do_not_count_as_changes():
    c = compare_quotes("the US operations center,", "The U.S. operations center")
    assert [op.kind for op in c.ops] == ["same"]


def test_changed_words_are_aligned_and_flagged():
    c = compare_quotes("will be immediately destroyed with all the arsenal", "will be immediately suppressed with all the arsenal")
    assert [(op.kind, op.a_words, op.b_words) for op in c.ops] == [
        ("same", ("will", "be", "immediately"), ("will", "be", "immediately")),
        ("changed", ("destroyed",), ("suppressed",)),
        ("same", ("with", "all", "the", "arsenal"), ("with", "all", "the", "arsenal")),
    ]
    assert c.has("changed_words") and "destroyed → suppressed" in c.flags[0].detail


def test_inserted_and_deleted_words_are_their_own_ops():
    c = compare_quotes("we are ready now", "we are not ready")
    assert [op.kind for op in c.ops] == ["same", "inserted", "same", "deleted"]


def test_square_brackets_are_flagged_as_editor_insertions():
    c = compare_quotes("command in Al Udeid was told", "command in [the U.S. operations center in Qatar] was told")
    flag = next(f for f in c.flags if f.kind == "brackets")
    assert flag.explanation == "Square brackets mark words the editor added; they were not said."
    assert "[the U.S. operations center in Qatar]" in flag.detail


def test_round_brackets_inside_a_quote_are_flagged_as_explanations():
    c = compare_quotes("command in Al Udeid (the US operations center in Qatar) was told", "command in Al Udeid was told")
    assert c.has("parentheses") and "explanation" in next(f for f in c.flags if f.kind == "parentheses").explanation


@pytest.mark.parametrize("dots", ["...", "…"])
def test_ellipses_are_flagged_as_cut_words(dots):
    c = compare_quotes(f"{dots}was notified in severe form", "was notified in severe form")
    assert c.has("ellipsis") and "cut out" in next(f for f in c.flags if f.kind == "ellipsis").explanation


def test_a_trimmed_quote_is_flagged_as_partial():
    full = "A representative was told in no uncertain terms that any attempts would be quickly shut down"
    c = compare_quotes(full, "told in no uncertain terms that any attempts would be quickly shut down")
    assert c.has("partial") and not c.has("changed_words")
    assert compare_quotes("told in no uncertain terms that any attempts would be", full).has("partial")


def test_quotes_of_the_same_length_are_not_partial():
    assert not compare_quotes("we are ready now", "we are not ready").has("partial")


def test_different_speakers_are_flagged_only_when_both_sides_name_one():
    a, b = Quote("We are ready", KONASHENKOV, 0, 1), Quote("We are ready", "Ryan Dillon", 0, 1)
    assert compare_quotes(a, b).has("speaker")
    assert not compare_quotes(a, "We are ready").has("speaker")
    assert not compare_quotes(a, Quote("We are ready", "Konashenkov", 0, 1)).has("speaker")


def test_reported_speech_in_the_original_is_flagged(story):
    russian = next(v for v in reference_versions(story) if v.language == "ru" and v.remark == "fire-points")
    c = compare_quotes(russian, "Fire points in those areas will be immediately suppressed with all military means")
    assert c.has("indirect_speech")


def test_every_flag_explanation_is_one_short_plain_sentence():
    c = compare_quotes(
        Quote("We [the army] (the troops) ... will destroy them", "A B", 0, 1),
        Quote("We will suppress them all today and tomorrow as well", "C D", 0, 1),
    )
    assert {f.kind for f in c.flags} >= {"brackets", "parentheses", "ellipsis", "changed_words", "speaker"}
    for flag in c.flags:
        assert flag.explanation.endswith(".") and len(flag.explanation) < 160


def test_reports_003_and_004_differ_by_brackets_and_spelling_of_the_insertion(story):
    [q3] = [q for q in extract_quotes(story.report("003").raw_text) if q.text.startswith("A representative")]
    [q4] = [q for q in extract_quotes(story.report("004").raw_text) if q.text.startswith("A representative")]
    c = compare_quotes(q3, q4)
    assert c.has("brackets") and c.has("parentheses") and c.same_remark
    assert ("deleted", ("Al", "Udeid")) in [(op.kind, op.a_words) for op in c.ops]


def test_compare_uses_a_reference_version_like_a_quote(groups):
    warning = next(g for g in groups if g.remark == "warning")
    for _, quote in warning.members:
        comparison = compare_quotes(warning.reference, quote)
        assert words_of(comparison.ops, "b") == quote.text.split()


# --- reference versions --------------------------------------------------------------------------


def test_reference_file_ships_five_sources_for_each_of_the_two_remarks(story):
    versions = reference_versions(story)
    assert [(v.name, v.remark) for v in versions] == [
        (name, remark)
        for name in ("Russian original", "TASS", "Reuters", "Washington Post", "AFP")
        for remark in ("warning", "fire-points")
    ]
    assert {v.language for v in versions if v.name == "Russian original"} == {"ru"}
    assert all(v.speaker == KONASHENKOV for v in versions)


@pytest.mark.skipif(not REFERENCE_MD.is_file(), reason="../shared/reference is not beside this clone")
def test_reference_sources_and_wordings_are_exactly_those_of_the_shared_table(story):
    table = REFERENCE_MD.read_text(encoding="utf-8")
    rows = [r for r in table.splitlines() if r.startswith("| ") and not r.startswith("| source")]
    sources = {r.strip().strip("|").split("|")[0].strip() for r in rows}
    for version in reference_versions(story):
        assert version.source in sources
        assert version.as_given in table and version.text in version.as_given


@pytest.mark.skipif(not REFERENCE_MD.is_file(), reason="../shared/reference is not beside this clone")
def test_reference_notes_are_the_teaching_notes_of_the_shared_file(story):
    table = " ".join(REFERENCE_MD.read_text(encoding="utf-8").split())
    notes = reference_notes(story)
    assert len(notes) == 3 and all(note in table for note in notes)


def test_reference_file_explains_its_translation_variants_to_teachers():
    data = json.loads((bundled_story_folder() / REFERENCE_FILE).read_text(encoding="utf-8"))
    assert "translation variants of this story's statement" in data["synonyms"]["note"]


def test_every_translation_variant_is_a_wording_the_story_uses(story):
    # The variants are facts about this story's texts, not a thesaurus.
    data = json.loads((bundled_story_folder() / REFERENCE_FILE).read_text(encoding="utf-8"))
    texts = " ".join([r.raw_text for r in story.reports] + [v.text for v in reference_versions(story)]).lower()
    wordings = {w for part in ("words", "phrases") for group in data["synonyms"][part] for w in group}
    assert sorted(w for w in wordings if w.lower() not in texts) == []


def test_reference_synonyms_that_are_not_lists_of_wordings_name_the_file_and_the_list(tmp_path):
    folder = copy_story(tmp_path)
    synonyms = {"note": "variants", "words": [["suppressed", "destroyed"], ["alone"]]}
    (folder / REFERENCE_FILE).write_text(json.dumps({"versions": [], "synonyms": synonyms}), encoding="utf-8")
    with pytest.raises(StoryError, match=r"reference_quotes\.json: synonyms words list 2 must hold two or more wordings"):
        reference_synonyms(load_story(folder))


def test_reference_synonyms_section_of_the_wrong_shape_says_what_it_must_hold(tmp_path):
    folder = copy_story(tmp_path)
    (folder / REFERENCE_FILE).write_text(json.dumps({"versions": [], "synonyms": ["a", "b"]}), encoding="utf-8")
    with pytest.raises(StoryError, match=r"'synonyms' must be an object with a \"note\""):
        reference_synonyms(load_story(folder))


def test_fire_points_line_is_marked_as_reported_speech_in_the_original(story):
    russian = {v.remark: v.speech for v in reference_versions(story) if v.language == "ru"}
    assert russian == {"warning": "direct", "fire-points": "indirect"}


def copy_story(tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    folder.mkdir()
    shutil.copy(bundled_story_folder() / "000_e7f00a2a568287b7.txt", folder)
    return folder


def test_story_without_a_reference_file_has_no_reference_versions(tmp_path):
    story = load_story(copy_story(tmp_path))
    assert reference_versions(story) == [] and reference_notes(story) == []
    assert all(g.remark == "" for g in align_quotes(story))


def test_object_without_a_folder_has_no_reference_versions():
    assert reference_versions(SimpleNamespace(reports=[])) == []


def test_reference_file_that_is_not_json_names_the_file_the_spot_and_the_fix(tmp_path):
    folder = copy_story(tmp_path)
    (folder / REFERENCE_FILE).write_text('{"versions": [', encoding="utf-8")
    with pytest.raises(StoryError, match=r"reference_quotes\.json is not valid JSON \(line 1.*delete the file"):
        reference_versions(load_story(folder))


def test_reference_file_without_a_versions_list_says_what_it_must_hold(tmp_path):
    folder = copy_story(tmp_path)
    (folder / REFERENCE_FILE).write_text('{"items": []}', encoding="utf-8")
    with pytest.raises(StoryError, match=r"reference_quotes\.json must hold one JSON object with a list 'versions'"):
        reference_versions(load_story(folder))


def test_reference_version_missing_its_text_is_named_by_number(tmp_path):
    folder = copy_story(tmp_path)
    entry = {"source": "TASS", "remark": "warning", "language": "en"}
    (folder / REFERENCE_FILE).write_text(json.dumps({"versions": [entry]}), encoding="utf-8")
    with pytest.raises(StoryError, match=r"version 1 needs text in quotes for 'text'"):
        reference_versions(load_story(folder))


def test_reference_file_with_notes_that_are_not_texts_is_refused(tmp_path):
    folder = copy_story(tmp_path)
    (folder / REFERENCE_FILE).write_text(json.dumps({"versions": [], "notes": [1]}), encoding="utf-8")
    with pytest.raises(StoryError, match="'notes' must be a list of texts"):
        reference_notes(load_story(folder))


# --- robustness (property tests) ----------------------------------------------------------------

# Quote marks, apostrophes, line breaks, unicode spaces, markup and attribution words, mixed at random.
MESSY = st.lists(
    st.sampled_from(
        list("ab Zs.,:;!?-\n\t'\"“”‘’«»‹›[]()…0<>/")
        + UNICODE_SPACES
        + ["\u200b", "\r", "said", " he ", "Smith", "the statement", "\n\n", "<p>", "</p>", ", who ", "Mr "]
    ),
    max_size=80,
).map("".join)

# A quotation with its attribution, joined by any kind of space: the shape that "he said"
# parsing works on, so odd spaces and marks there are tried often.
MARKS = list("\"“”‘’«»‹›'")
GAPS = [" ", "", ",", ", ", "\n", "\r", "\u200b"] + UNICODE_SPACES
ATTRIBUTED = st.builds(
    lambda lead, opening, inner, closing, gap, tail: lead + opening + inner + closing + gap + tail,
    st.sampled_from(["", "Talks\n\n", "Jane Smith said:", "The mayor, who spoke,", "<p>"]),
    st.sampled_from(MARKS),
    st.text(alphabet=st.sampled_from(list("ab Z,.?\u200b") + UNICODE_SPACES), min_size=1, max_size=12),
    st.sampled_from(MARKS),
    st.lists(st.sampled_from(GAPS), max_size=3).map("".join),
    st.one_of(st.sampled_from(["said", "said Col. Ryan Dillon.", "he said.", "Smith, a spokesman, said"]), MESSY),
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(MESSY, ATTRIBUTED))
def test_offsets_always_slice_back_to_the_quote_text(text):
    for include_all in (False, True):
        for quote in extract_quotes(text, include_all=include_all):
            assert text[quote.start : quote.end] == quote.text
            assert quote.text.strip() == quote.text and quote.text


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), MESSY, ATTRIBUTED))
def test_extract_quotes_never_raises_on_any_string(text):
    extract_quotes(text)
    extract_quotes(text, include_all=True)


@settings(max_examples=300, deadline=None)
@given(st.one_of(MESSY, st.text(max_size=120)), st.one_of(MESSY, st.text(max_size=120)))
def test_compare_quotes_never_raises_and_its_ops_rebuild_both_texts(a, b):
    comparison = compare_quotes(a, b)
    assert words_of(comparison.ops, "a") == a.split()
    assert words_of(comparison.ops, "b") == b.split()
    assert 0.0 <= comparison.similarity <= 1.0


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["1", "2", "3"]), MESSY, st.sampled_from(["", "A B", "B"])), max_size=12))
def test_group_quotes_never_raises_and_keeps_every_quote_once(items):
    quotes = [(rid, Quote(text, speaker, 0, len(text))) for rid, text, speaker in items]
    groups = group_quotes(quotes)
    assert sorted(map(repr, (m for g in groups for m in g.members))) == sorted(map(repr, quotes))
