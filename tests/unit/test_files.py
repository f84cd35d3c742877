"""The shared readers: text and JSON with a byte-order mark, errors naming file/line/column, guards, slugs, ids."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from medialit.errors import StoryError
from medialit.files import MAX_JSON_DEPTH, by_id, decode_utf8, parse_json, read_json, read_text, slug


# --- reading text -----------------------------------------------------------------------------


def test_read_text_drops_a_byte_order_mark(tmp_path):
    (tmp_path / "a.txt").write_bytes("\ufeffHeadline".encode("utf-8"))
    assert read_text(tmp_path / "a.txt") == "Headline"


def test_read_text_names_the_file_line_and_column_of_a_bad_byte(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"one\ntwo \xff")
    with pytest.raises(StoryError, match=r"a.txt is not UTF-8 text: byte 8 \(line 2, column 5\)"):
        read_text(tmp_path / "a.txt")


def test_read_text_refuses_a_missing_file_by_name(tmp_path):
    with pytest.raises(StoryError, match="gone.txt does not exist"):
        read_text(tmp_path / "gone.txt")


def test_read_text_refuses_a_folder(tmp_path):
    with pytest.raises(StoryError, match="is a folder"):
        read_text(tmp_path, "the story")


def test_read_text_refuses_a_file_over_its_limit(tmp_path):
    (tmp_path / "big.txt").write_text("x" * 2000)
    with pytest.raises(StoryError, match="big.txt is over 1 kB"):
        read_text(tmp_path / "big.txt", limit=1024)


def test_decode_utf8_keeps_text_without_a_mark_as_it_is():
    assert decode_utf8("Мэр".encode("utf-8"), "a.txt") == "Мэр"


# --- reading JSON (issue 15 rows 9 and 10) ---------------------------------------------------


def test_story_json_saved_by_notepad_with_a_byte_order_mark_is_read(tmp_path):
    (tmp_path / "story.json").write_bytes(b'\xef\xbb\xbf{"title": "Harbour"}')
    assert read_json(tmp_path / "story.json") == {"title": "Harbour"}


def test_invalid_json_is_refused_with_line_column_and_the_fix(tmp_path):
    (tmp_path / "story.json").write_text('{\n  "title": }')
    with pytest.raises(StoryError, match=r"story.json is not valid JSON \(line 2, column 12: .*\)\. Fix it here\."):
        read_json(tmp_path / "story.json", fix="Fix it here.")


def test_json_nested_three_thousand_deep_is_refused_naming_the_file(tmp_path):
    (tmp_path / "story.json").write_text("[" * 3000)
    with pytest.raises(StoryError, match=f"story.json is nested more than {MAX_JSON_DEPTH} levels"):
        read_json(tmp_path / "story.json")


def test_brackets_inside_strings_do_not_count_as_nesting():
    assert parse_json('{"why": "' + "[" * 500 + '"}', "k.json") == {"why": "[" * 500}


def test_a_five_thousand_digit_number_is_refused_naming_the_file(tmp_path):
    (tmp_path / "answer_key.json").write_text('{"000": ' + "9" * 5000 + "}")
    with pytest.raises(StoryError, match="answer_key.json holds a number with 5000 digits"):
        read_json(tmp_path / "answer_key.json")


def test_nan_is_refused_as_not_json():
    with pytest.raises(StoryError, match="holds NaN"):
        parse_json('{"a": NaN}', "story.json")


def test_json_over_the_size_limit_is_refused(tmp_path):
    (tmp_path / "story.json").write_text('{"a": "' + "x" * 5000 + '"}')
    with pytest.raises(StoryError, match="story.json is over"):
        read_json(tmp_path / "story.json", limit=1024)


# --- slugs (issue 15 row 1, issue 10 bug 1) ----------------------------------------------------


def test_a_non_latin_title_keeps_its_letters_in_the_id():
    assert slug("Газа") == "газа"


def test_titles_in_different_scripts_get_distinct_ids():
    ids = {slug(title) for title in ("Урожай", "انتخابات القاهرة", "Выборы в Москве 2024", "Газа", "Story")}
    assert len(ids) == 5


def test_a_number_in_a_title_does_not_become_the_whole_id():
    assert slug("Выборы в Москве 2024") == "выборы-в-москве-2024"


def test_indic_vowel_signs_stay_inside_a_word():
    assert slug("हिंदी समाचार") == "हिंदी-समाचार"


def test_titles_without_letters_get_distinct_fingerprinted_ids():
    assert slug("!!!").startswith("story-") and slug("!!!") != slug("???")


def test_an_empty_title_gets_the_fallback():
    assert slug("  ", fallback="report") == "report"


# --- lookup by id -------------------------------------------------------------------------------


def test_by_id_finds_the_item():
    items = [SimpleNamespace(id="000"), SimpleNamespace(id="001")]
    assert by_id(items, "001") is items[1]


def test_by_id_names_the_ids_that_exist():
    with pytest.raises(StoryError, match="There is no report '009' in this story. The reports are: 000, 001."):
        by_id([SimpleNamespace(id="000"), SimpleNamespace(id="001")], "009", "report")
