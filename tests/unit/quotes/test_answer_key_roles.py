"""Lesson 3 follows the teacher's answer key: a report's quotes come from the paragraphs its key calls article text.

The story's answer key decides every paragraph's role in lessons 2-5 (:attr:`medialit.story.Report.blocks`);
``extract_quotes(text)`` on a page's raw text keeps the kit's own roles.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from medialit.quotes import align_quotes, extract_quotes, report_quotes
from medialit.quotes.placement import top_quotes
from medialit.segmentation import segment
from medialit.story import load_story

# The kit reads line 3 as a link to another story, lines 5 and 7 as the article's body.
PAGE = (
    "Harbour reopens after the storm\n\n"
    'Related: "We lost everything," says a fisherman\n\n'
    'The harbour master, Jo Lee, said the port would "stay shut until the swell drops" and then open on Friday.\n\n'
    '"We will reopen it when the storm has passed," Lee told reporters at the quay on Thursday evening.\n'
)


def write_story(folder, roles: dict[int, str] | None) -> None:
    """One report, PAGE; with ``roles``, an answer key that gives those lines those roles (the kit's elsewhere)."""
    folder.mkdir()
    (folder / "001_harbour.txt").write_text(PAGE, encoding="utf-8")
    if roles is not None:
        key = [
            {"line": b.line, "role": roles.get(b.line, b.role), "why": "The teacher's reason."} for b in segment(PAGE)
        ]
        (folder / "answer_key.json").write_text(json.dumps({"001": key}), encoding="utf-8")


def quoted(quotes) -> list[str]:
    return [q.text for q in quotes]


@pytest.fixture
def keyed(tmp_path):
    """The teacher's key: line 3 is the report's standfirst, line 5 a promotion around the report."""
    write_story(tmp_path / "keyed", {3: "standfirst", 5: "boilerplate"})
    return load_story(tmp_path / "keyed")


def test_a_paragraph_the_key_calls_page_furniture_gives_lesson_3_no_quote(keyed):
    assert "stay shut until the swell drops" not in quoted(report_quotes(keyed.report("001")))
    assert all(q.text != "stay shut until the swell drops" for g in align_quotes(keyed) for _, q in g.members)


def test_a_paragraph_the_key_calls_article_text_gives_lesson_3_its_quote_with_the_keys_role(keyed):
    found = {q.text: q.role for q in report_quotes(keyed.report("001"))}
    assert found["We lost everything"] == "standfirst"
    assert found["We will reopen it when the storm has passed"] == "body"


def test_headline_placement_follows_the_roles_of_the_key(keyed):
    assert [(t.report_id, t.quote.text) for t in top_quotes(align_quotes(keyed))] == [("001", "We lost everything")]


def test_extract_quotes_on_the_raw_text_keeps_the_kits_own_roles(keyed):
    found = quoted(extract_quotes(keyed.report("001").raw_text))
    assert "stay shut until the swell drops" in found and "We lost everything" not in found


def test_without_a_key_lesson_3_reads_the_kits_own_roles(tmp_path):
    write_story(tmp_path / "plain", None)
    report = load_story(tmp_path / "plain").report("001")
    assert report_quotes(report) == extract_quotes(report.raw_text)


def test_blocks_whose_offsets_do_not_fit_the_text_are_not_used():
    stale = [replace(block, start=block.start + 10_000, end=block.end + 10_000) for block in segment(PAGE)]
    assert extract_quotes(PAGE, blocks=stale) == extract_quotes(PAGE)


def test_anything_with_a_raw_text_and_no_blocks_is_read_with_the_kits_roles():
    class Page:
        raw_text = PAGE

    assert report_quotes(Page()) == extract_quotes(PAGE)


def test_the_bundled_storys_key_gives_lesson_3_the_same_quotes_as_the_kits_roles():
    for report in load_story().reports:
        assert report_quotes(report) == extract_quotes(report.raw_text), report.id
