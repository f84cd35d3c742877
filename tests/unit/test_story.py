"""Loading a story: the bundled five reports, a teacher's own folder, and every way a folder can be wrong."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from kit_testing import write_story

import medialit
from medialit.checkup import check_story
from medialit.story import MAX_REPORT_BYTES, STORY_ENV, bundled_story_folder, load_story, report_id

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"

# The five scraped reports, byte for byte as they were given to the project.
SEED_SHA256 = {
    "000_e7f00a2a568287b7.txt": "b0bd90aceb1ca5b3894bc844da78136f3121b1f8498d6478f4cdce14b561f0cd",
    "001_03a2ef80b0c90f83.txt": "e448c588f0d60d55f2c975d0af6f3f525ddff1522c4b1d6224c9de260c5e9640",
    "002_32f2b1f17c8f8335.txt": "3c7742027a2405453969f3536c44309e3517c1e5d9404b166d1d588a699259a5",
    "003_ba0bc80590f6eca6.txt": "604e128654f5656455dca74bba16ebd573d3fd2d5e159e61b537923242f8511e",
    "004_3c495f7519e354be.txt": "f6d26d4c8430e16cf28e39977ca9ea053f548c6bab82580c49968cc497b6f8e8",
}


def problems_of(folder: Path) -> str:
    with pytest.raises(medialit.StoryError) as caught:
        load_story(folder)
    return str(caught.value)


# --- the bundled story -------------------------------------------------------------------------


def test_bundled_reports_are_the_seed_files_byte_for_byte():
    folder = bundled_story_folder()
    found = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.glob("*.txt")}
    assert found == SEED_SHA256


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside this clone")
def test_bundled_reports_match_the_shared_seeds_folder():
    for name in SEED_SHA256:
        assert (bundled_story_folder() / name).read_bytes() == (SEEDS / name).read_bytes()


def test_bundled_story_has_five_reports_in_id_order():
    assert load_story().ids == ["000", "001", "002", "003", "004"]


def test_bundled_story_metadata_gives_title_and_date():
    story = load_story()
    assert story.date == "2017-09-21"
    assert "Deir Ezzor" in story.title
    assert story.bundled


def test_raw_text_is_the_files_exact_text():
    story = load_story()
    for report in story.reports:
        assert report.raw_text == (bundled_story_folder() / report.filename).read_text(encoding="utf-8")


def test_every_report_has_publisher_clues_quoting_its_own_page():
    # Clues may quote the page in single quotes; every quoted fragment must be on that page.
    for report in load_story().reports:
        assert report.publisher_clues
        for clue in report.publisher_clues:
            for fragment in clue.split("'")[1::2]:
                fragment = " ".join(fragment.rstrip(". ").replace(" ...", "").split())
                assert fragment in " ".join(report.raw_text.split()), (report.id, fragment)


def test_headline_is_the_first_line_of_each_report():
    for report in load_story().reports:
        assert report.headline == report.raw_text.splitlines()[0].strip()


def test_blocks_cover_every_non_blank_line_in_order():
    for report in load_story().reports:
        lines = [block.line for block in report.blocks]
        assert lines == sorted(lines) and len(set(lines)) == len(lines)
        raw = report.raw_text.splitlines()
        for block in report.blocks:
            assert block.text.startswith(raw[block.line - 1].strip())
            assert block.role in medialit.ROLES and block.reason


def test_body_text_is_body_blocks_separated_by_blank_lines():
    report = load_story().report("003")
    body = [b.text for b in report.blocks if b.role == "body"]
    assert report.body_text == "\n\n".join(body)
    assert "Add new comment" not in report.body_text


def test_report_lookup_by_unknown_id_says_which_ids_exist():
    with pytest.raises(medialit.StoryError, match="000, 001, 002, 003, 004"):
        load_story().report("999")


def test_report_id_is_the_three_digit_prefix_or_the_file_name():
    assert report_id("004_3c495f7519e354be.txt") == "004"
    assert report_id("guardian.txt") == "guardian"
    assert report_id("2017_story.txt") == "2017_story"


# --- a teacher's own story ---------------------------------------------------------------------


def test_a_folder_of_txt_files_loads_without_metadata(tmp_path):
    folder = write_story(tmp_path / "my story", {"001_a.txt": "Headline\n\nBody.", "002_b.txt": "Other\n\nText."})
    story = load_story(folder)
    assert story.ids == ["001", "002"]
    assert story.title == "my story" and story.id == "my-story" and not story.bundled


def test_environment_variable_points_at_another_story(tmp_path, monkeypatch):
    folder = write_story(tmp_path / "s", {"001_a.txt": "Headline\n\nBody."})
    monkeypatch.setenv(STORY_ENV, str(folder))
    assert load_story().ids == ["001"]


def test_an_explicit_path_wins_over_the_environment_variable(tmp_path, monkeypatch):
    monkeypatch.setenv(STORY_ENV, str(tmp_path / "nowhere"))
    assert len(load_story(bundled_story_folder()).reports) == 5


def test_a_byte_order_mark_is_not_part_of_the_text(tmp_path):
    folder = write_story(tmp_path / "s", {"001_a.txt": "\ufeffHeadline\n\nBody.".encode("utf-8")})
    assert load_story(folder).reports[0].headline == "Headline"


def test_metadata_labels_and_clues_are_used(tmp_path):
    meta = {"title": "T", "date": "2024-01-01", "reports": {"001": {"label": "Daily", "publisher_clues": ["x"]}}}
    folder = write_story(tmp_path / "s", {"001_a.txt": "H\n\nB.", "story.json": json.dumps(meta)})
    report = load_story(folder).reports[0]
    assert (report.name, report.publisher_clues) == ("Daily", ("x",))


# --- bad stories: each problem names the file and the fix --------------------------------------


def test_missing_folder_is_reported_with_its_path(tmp_path):
    message = problems_of(tmp_path / "absent")
    assert "absent does not exist" in message and STORY_ENV in message


def test_a_file_instead_of_a_folder_is_reported(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("x")
    assert "is a file, not a folder" in problems_of(path)


def test_folder_without_txt_files_is_reported(tmp_path):
    folder = write_story(tmp_path / "s", {"notes.md": "hello"})
    assert "has no .txt files" in problems_of(folder)


def test_empty_file_is_named(tmp_path):
    folder = write_story(tmp_path / "s", {"001_a.txt": "Headline\n\nBody.", "002_b.txt": "  \n\n"})
    message = problems_of(folder)
    assert "002_b.txt is empty" in message


def test_non_utf8_bytes_are_reported_with_line_and_column(tmp_path):
    folder = write_story(tmp_path / "s", {"001_a.txt": "Headline\n\nCaf\xe9 au lait".encode("latin-1")})
    message = problems_of(folder)
    assert "001_a.txt is not UTF-8" in message and "line 3, column 4" in message and "UTF-8" in message


def test_file_over_two_megabytes_is_refused(tmp_path):
    folder = write_story(tmp_path / "s", {"001_a.txt": "word " * (MAX_REPORT_BYTES // 5 + 10)})
    assert "over the 2 MB limit" in problems_of(folder)


def test_duplicate_ids_name_both_files(tmp_path):
    folder = write_story(tmp_path / "s", {"001_a.txt": "A\n\nB.", "001_b.txt": "C\n\nD."})
    message = problems_of(folder)
    assert "001_a.txt" in message and "001_b.txt" in message and "both have the id 001" in message


def test_metadata_that_is_not_json_gives_line_and_column(tmp_path):
    folder = write_story(tmp_path / "s", {"001_a.txt": "A\n\nB.", "story.json": '{"title": "x",\n  oops}'})
    message = problems_of(folder)
    assert "story.json is not valid JSON (line 2" in message


def test_metadata_with_wrong_types_is_reported(tmp_path):
    meta = {"title": 7, "reports": {"001": {"publisher_clues": "not a list"}}}
    folder = write_story(tmp_path / "s", {"001_a.txt": "A\n\nB.", "story.json": json.dumps(meta)})
    message = problems_of(folder)
    assert "'title' must be text" in message and "'publisher_clues' of report 001" in message


def test_metadata_describing_a_missing_report_is_reported(tmp_path):
    meta = {"reports": {"009": {}}}
    folder = write_story(tmp_path / "s", {"001_a.txt": "A\n\nB.", "story.json": json.dumps(meta)})
    assert "no 009_*.txt file" in problems_of(folder)


def test_metadata_that_is_a_list_is_reported(tmp_path):
    folder = write_story(tmp_path / "s", {"001_a.txt": "A\n\nB.", "story.json": "[1, 2]"})
    assert "must hold one JSON object" in problems_of(folder)


def test_every_problem_is_listed_not_just_the_first(tmp_path):
    folder = write_story(tmp_path / "s", {"001_a.txt": "", "002_b.txt": b"\xff\xfe", "003_c.txt": "ok\n\nok."})
    error = pytest.raises(medialit.StoryError, load_story, folder).value
    assert len(error.problems) == 2
    assert str(error).startswith("2 problems with this story")


def test_check_story_lists_problems_and_is_empty_for_a_good_story(tmp_path):
    assert check_story(bundled_story_folder()) == []
    assert check_story(tmp_path / "absent")


# --- careless and hostile folders (issue 15 rows 9, 10, 14; issue 10 bug 2) ----------------------


def test_story_json_with_a_byte_order_mark_loads(tmp_path):
    folder = write_story(tmp_path / "s", {"000_a.txt": "Headline\n", "story.json": b'\xef\xbb\xbf{"title": "Harbour"}'})
    assert load_story(folder).title == "Harbour"


def test_story_json_nested_thousands_deep_is_a_story_error_naming_the_file(tmp_path):
    folder = write_story(tmp_path / "s", {"000_a.txt": "Headline\n", "story.json": "[" * 3000})
    assert "story.json is nested more than" in problems_of(folder)


def test_story_json_with_a_five_thousand_digit_number_is_a_story_error(tmp_path):
    folder = write_story(tmp_path / "s", {"000_a.txt": "Headline\n", "story.json": '{"date": ' + "1" * 5000 + "}"})
    assert "story.json holds a number with 5000 digits" in problems_of(folder)


def test_a_report_that_links_outside_the_folder_is_skipped_with_a_note(tmp_path):
    outside = write_story(tmp_path / "elsewhere", {"secret.txt": "not a report\n"})
    folder = write_story(tmp_path / "s", {"000_a.txt": "Headline\n"})
    (folder / "001_x.txt").symlink_to(outside / "secret.txt")
    story = load_story(folder)
    assert story.ids == ["000"] and "001_x.txt links to a file outside the folder" in story.notes[0]


def test_a_link_to_a_report_inside_the_folder_is_kept(tmp_path):
    folder = write_story(tmp_path / "s", {"000_a.txt": "Headline\n"})
    (folder / "001_b.txt").symlink_to(folder / "000_a.txt")
    assert load_story(folder).ids == ["000", "001"]


def test_an_unreadable_story_folder_is_a_story_error(tmp_path, monkeypatch):
    folder = write_story(tmp_path / "s", {"000_a.txt": "Headline\n"})

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "iterdir", refuse)
    assert "cannot be read" in problems_of(folder)


# --- the answer key decides (issue 11 item 2) -------------------------------------------------------

PAGE_TEXT = "Harbour storm\n\nThe sea came over the wall on Sunday night and flooded the road.\n\nGreat article, thanks!\n"


def key_for(lines_roles: list[tuple[int, str]]) -> str:
    return json.dumps({"000": [{"line": line, "role": role, "why": f"Because {role}."} for line, role in lines_roles]})


def test_the_answer_key_sets_the_roles_of_the_blocks(tmp_path):
    key = key_for([(1, "headline"), (3, "body"), (5, "comment")])
    report = load_story(write_story(tmp_path / "s", {"000_a.txt": PAGE_TEXT, "answer_key.json": key})).reports[0]
    assert [(b.role, b.reason) for b in report.blocks] == [
        ("headline", "Because headline."), ("body", "Because body."), ("comment", "Because comment.")]


def test_the_answer_key_decides_the_body_text(tmp_path):
    key = key_for([(1, "headline"), (3, "boilerplate"), (5, "body")])
    report = load_story(write_story(tmp_path / "s", {"000_a.txt": PAGE_TEXT, "answer_key.json": key})).reports[0]
    assert report.body_text == "Great article, thanks!"


def test_the_helpers_own_guess_stays_available(tmp_path):
    key = key_for([(1, "headline"), (3, "boilerplate"), (5, "body")])
    report = load_story(write_story(tmp_path / "s", {"000_a.txt": PAGE_TEXT, "answer_key.json": key})).reports[0]
    assert [b.role for b in report.helper_blocks] == [b.role for b in medialit.segment(PAGE_TEXT)]


def test_a_key_that_no_longer_fits_the_paragraphs_leaves_the_helpers_guess(tmp_path):
    key = key_for([(1, "headline"), (3, "boilerplate")])  # line 5 missing: the text was edited
    report = load_story(write_story(tmp_path / "s", {"000_a.txt": PAGE_TEXT, "answer_key.json": key})).reports[0]
    assert report.blocks == report.helper_blocks


def test_a_proposed_key_counts_until_the_teacher_changes_it(tmp_path):
    key = key_for([(1, "headline"), (3, "boilerplate"), (5, "body")])
    meta = json.dumps({"answer_key": {"status": "proposed", "disagree": {"000": [3, 5]}}})
    story = load_story(write_story(tmp_path / "s", {"000_a.txt": PAGE_TEXT, "answer_key.json": key, "story.json": meta}))
    assert story.key_proposed and story.disagreements == {"000": [3, 5]}
    assert story.reports[0].body_text == "Great article, thanks!"


def test_an_answer_key_with_a_byte_order_mark_is_read(tmp_path):
    key = b"\xef\xbb\xbf" + key_for([(1, "headline"), (3, "body"), (5, "comment")]).encode()
    report = load_story(write_story(tmp_path / "s", {"000_a.txt": PAGE_TEXT, "answer_key.json": key})).reports[0]
    assert report.blocks[2].role == "comment"


def test_a_malformed_answer_key_is_set_aside_with_a_note_and_the_helper_decides(tmp_path):
    story = load_story(write_story(tmp_path / "s", {"000_a.txt": PAGE_TEXT, "answer_key.json": "[" * 3000}))
    assert story.reports[0].blocks == story.reports[0].helper_blocks
    assert any("answer_key.json" in note and "nested" in note for note in story.notes)


def test_check_story_still_names_a_malformed_answer_key_as_a_problem(tmp_path):
    folder = write_story(tmp_path / "s", {"000_a.txt": PAGE_TEXT, "answer_key.json": '{"000": 5}'})
    assert len([problem for problem in check_story(folder) if "answer_key.json" in problem]) == 1


def test_a_malformed_answer_key_section_in_story_json_is_named(tmp_path):
    folder = write_story(tmp_path / "s", {"000_a.txt": PAGE_TEXT, "story.json": '{"answer_key": {"status": 3}}'})
    assert "'answer_key' must be like" in problems_of(folder)


# --- reference versions in references/ (issue 12 item 3) ----------------------------------------


def with_references(tmp_path, files: dict[str, str | bytes]) -> Path:
    folder = write_story(tmp_path / "s", {"000_a.txt": PAGE_TEXT})
    write_story(folder / "references", files)
    return folder


def test_reference_files_become_the_storys_references_in_name_order(tmp_path):
    folder = with_references(tmp_path, {"b-wire.txt": "Wire service, 3 March 2024\nThe sea came over.",
                                        "a-council.txt": "Town council statement, 2 March 2024\n\nThe road is shut."})
    story = load_story(folder)
    assert [(r.filename, r.source, r.date, r.text) for r in story.references] == [
        ("a-council.txt", "Town council statement, 2 March 2024", "2 March 2024", "The road is shut.\n"),
        ("b-wire.txt", "Wire service, 3 March 2024", "3 March 2024", "The sea came over.\n"),
    ]


def test_a_story_without_a_references_folder_has_none(tmp_path):
    assert load_story(write_story(tmp_path / "s", {"000_a.txt": PAGE_TEXT})).references == ()


def test_a_reference_with_only_one_line_is_a_problem_naming_it(tmp_path):
    assert "references/wire.txt needs two parts" in problems_of(with_references(tmp_path, {"wire.txt": "Only a line"}))


def test_a_reference_without_a_date_gets_a_note(tmp_path):
    story = load_story(with_references(tmp_path, {"wire.txt": "Wire service\nThe sea came over."}))
    assert any("references/wire.txt: its first line gives no date" in note for note in story.notes)


def test_a_reference_that_is_not_utf8_is_a_problem_naming_it(tmp_path):
    assert "references/wire.txt is not UTF-8" in problems_of(with_references(tmp_path, {"wire.txt": b"Wire\n\xff"}))


def test_a_reference_linking_outside_the_folder_is_skipped(tmp_path):
    folder = with_references(tmp_path, {})
    (folder / "references" / "passwd.txt").symlink_to("/etc/passwd")
    story = load_story(folder)
    assert story.references == () and any("passwd.txt links to a file outside" in n for n in story.notes)


def test_a_story_folder_inside_one_we_may_not_open_is_a_story_error(tmp_path, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "stat", refuse)
    assert "cannot be read (Permission denied)" in problems_of(tmp_path / "locked" / "story")


def test_blocks_set_by_the_answer_key_keep_their_place_in_the_page():
    report = load_story().report("000")
    for keyed, guessed in zip(report.blocks, report.helper_blocks):
        assert (keyed.start, keyed.end) == (guessed.start, guessed.end) and keyed.end > keyed.start
