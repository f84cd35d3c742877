"""Quotes at the top of a page (headline, standfirst) beside the same report's body version."""

from __future__ import annotations

from medialit.quotes import Quote, align_quotes, group_quotes, top_quotes


def quote(text: str, role: str, start: int = 0) -> Quote:
    return Quote(text, "Jo Lee", start, start + len(text), role=role)


def test_a_headline_quote_is_paired_with_the_same_reports_body_version():
    top = quote("We will close the old river bridge", "headline")
    body = quote("We will close the old river bridge on Monday for repairs", "body", 100)
    [found] = top_quotes(group_quotes([("1", top), ("1", body)]))
    assert (found.report_id, found.quote, found.body) == ("1", top, body)


def test_a_trimmed_headline_quote_is_flagged_as_partial():
    top = quote("We will close the old river bridge", "headline")
    body = quote("We will close the old river bridge on Monday for repairs", "body", 100)
    [found] = top_quotes(group_quotes([("1", top), ("1", body)]))
    assert "partial" in [flag.kind for flag in found.flags]


def test_a_standfirst_quote_with_no_body_version_has_none():
    top = quote("The river will flood the whole valley", "standfirst")
    [found] = top_quotes(group_quotes([("1", top)]))
    assert (found.has_body, found.flags) == (False, ())


def test_another_reports_body_version_is_not_this_reports():
    top = quote("The river will flood the whole valley", "headline")
    other = quote("The river will flood the whole valley", "body", 50)
    [found] = top_quotes(group_quotes([("1", top), ("2", other)]))
    assert found.body is None


def test_body_quotes_are_not_top_quotes():
    body = quote("The river will flood the whole valley", "body")
    assert top_quotes(group_quotes([("1", body)])) == []


def test_the_bundled_storys_standfirst_quote_is_found_with_its_body_version(story):
    found = [(t.report_id, t.quote.role, t.has_body) for t in top_quotes(align_quotes(story))]
    assert ("001", "standfirst", True) in found
