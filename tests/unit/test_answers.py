"""The tolerant readers of each lesson's saved answers: keep what is well formed, skip the rest with a reason."""

from __future__ import annotations

from medialit import load_story
from medialit.answers import (
    MAX_REMARKS,
    MAX_VERSIONS,
    Label,
    Score,
    Verdict,
    read_labels,
    read_ranking,
    read_tags,
    read_verdicts,
)

STORY = load_story()


def test_labels_are_read_by_report_and_line_number():
    found = read_labels({"labeller.labels": {"004": {"34": {"group": "comment", "role": "comment"}}},
                         "labeller.checked": {"004": {"right": 3, "scored": 4}}})
    assert found.labels == {"004": {34: Label("comment", "comment")}}
    assert found.checked == {"004": Score(3, 4)} and found.skipped == ()


def test_a_label_line_written_with_other_digits_is_skipped_with_a_reason():
    found = read_labels({"labeller.labels": {"001": {"²": {"group": "body"}, "١": {"group": "body"}}}})
    assert found.labels == {} and all("not a line number" in reason for reason in found.skipped)


def test_odd_label_data_never_raises():
    for odd in (None, [], "x", {"labeller.labels": []}, {"labeller.labels": {"1": [1]}}, {"labeller.checked": {"1": 5}}):
        assert read_labels(odd).labels == {}


def test_tags_that_no_longer_fit_the_headline_are_skipped_with_a_reason():
    found = read_tags({"tags": {"004": [{"start": 0, "end": 999}], "999": []}}, STORY)
    assert found.tags == {"004": []} and len(found.skipped) == 2


def test_rewrites_are_kept_only_for_the_storys_reports():
    assert read_tags({"rewrites": {"004": "Calm", "x": "y", "001": 5}}, STORY).rewrites == {"004": "Calm"}


def test_verdicts_are_read_and_unknown_verdicts_skipped():
    found = read_verdicts({"verdicts": {"remark:a": {"001@5": {"verdict": "fragment", "reason": "cut"},
                                                     "002@1": {"verdict": "$\\foo$"}, "003@2": {"verdict": ""}}}})
    assert found.verdicts == {"remark:a": {"001@5": Verdict("fragment", "cut")}}
    assert len(found.skipped) == 1  # the unjudged version is simply not there yet


def test_verdicts_are_capped_per_file_and_per_remark():
    many_versions = {f"001@{n}": {"verdict": "fragment"} for n in range(20_000)}
    found = read_verdicts({"verdicts": {"remark:a": many_versions}})
    assert len(found.verdicts["remark:a"]) == MAX_VERSIONS and "more versions" in found.skipped[-1]
    many_remarks = {f"remark:{n}": {"001@1": {"verdict": "fragment"}} for n in range(MAX_REMARKS + 5)}
    assert len(read_verdicts({"verdicts": many_remarks}).verdicts) == MAX_REMARKS


def test_a_ranking_keeps_one_place_per_report_and_empties_unknown_ones():
    found = read_ranking({"ranking": ["002", {"x": 1}, "001", "003", "004"]}, ["001", "002", "003"])
    assert found.places == ("002", None, "001") and found.place_of("001") == 3
    assert read_ranking({"ranking": "002"}, ["001", "002"]).places == (None, None)


def test_the_sample_class_is_read_without_a_single_skip():
    import json

    from kit_testing import ROOT

    for path in (ROOT / "helpers" / "medialit" / "data" / "sample_class").glob("*.json"):
        lessons = json.loads(path.read_text(encoding="utf-8"))["lessons"]
        assert read_labels(lessons.get("01-what-is-the-article")).skipped == (), path.name
        assert read_tags(lessons.get("02-loaded-headlines"), STORY).skipped == (), path.name
        assert read_verdicts(lessons.get("03-quote-fidelity")).skipped == (), path.name
        assert read_ranking(lessons.get("05-verdict"), STORY.ids).skipped == (), path.name
