"""A remark with one version: nothing to compare it with, and the report's own words around it."""

from __future__ import annotations

from medialit.quotes import Quote, QuoteGroup, ReferenceVersion
from medialit.quotes.keys import compared_with_itself, has_other_version
from medialit.quotes.placement import quote_setting

ONE = Quote("we will respond", "Jo Lee", 10, 25)
OTHER = Quote("we will respond firmly", "Jo Lee", 40, 62)


def group(*members, versions=()) -> QuoteGroup:
    return QuoteGroup(tuple(members), members[0][1], members[0][0], "we will respond", "Jo Lee",
                      reference_versions=tuple(versions))


def test_a_remark_quoted_once_with_no_published_version_has_no_other_version():
    assert not has_other_version(group(("001", ONE)))


def test_a_second_report_a_second_place_or_a_published_version_is_another_version():
    assert has_other_version(group(("001", ONE), ("002", OTHER)))
    assert has_other_version(group(("001", ONE), ("001", OTHER)))
    assert has_other_version(group(("001", ONE), versions=[ReferenceVersion("Wire", "r", "we will respond", "en")]))


def test_a_verdict_on_the_only_version_compares_it_with_itself():
    assert compared_with_itself(group(("001", ONE)), "report:001@10", "001@10")


def test_a_verdict_on_the_reference_itself_compares_it_with_itself_but_not_the_others():
    both = group(("001", ONE), ("002", OTHER))
    assert compared_with_itself(both, "report:001@10", "001@10")
    assert not compared_with_itself(both, "report:001@10", "002@40")
    assert not compared_with_itself(both, "report:002@40", "001@10")


def test_the_setting_is_the_sentence_around_the_quote_with_the_reporters_words_apart():
    page = 'Port news\n\nThe quay was empty. Jo Lee said the port would "stay shut" until Friday. More rain fell.'
    start = page.index("stay")
    setting = quote_setting(page, Quote("stay shut", "Jo Lee", start, start + len("stay shut")))
    assert (setting.before, setting.quote, setting.after) == ('Jo Lee said the port would "', "stay shut", '" until Friday.')


def test_the_setting_of_a_quote_that_is_its_own_paragraph_is_just_its_marks():
    page = 'Port news\n\n"We will reopen it."\n\nMore rain fell.'
    start = page.index("We")
    setting = quote_setting(page, Quote("We will reopen it.", "", start, start + len("We will reopen it.")))
    assert (setting.before, setting.after) == ('"', '"')


def test_a_quote_whose_offsets_do_not_fit_the_page_is_shown_alone():
    assert quote_setting("short", Quote("elsewhere", "", 100, 109)) == quote_setting("", Quote("elsewhere", "", 100, 109))
    assert quote_setting("short", Quote("elsewhere", "", 100, 109)).quote == "elsewhere"
