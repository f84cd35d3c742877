"""medialit.handin: the summary page a student hands in, one download with all their work, and where it goes."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

import pytest
from kit_testing import HOSTILE, assert_markup_is_escaped

from medialit import load_story
from medialit.handin import (
    HandinError,
    file_stem,
    handin_zip,
    on_binder,
    summary_html,
    summary_page,
    work_file_in_zip,
)

STORY = load_story()


def test_the_summary_lists_the_ranking_in_order_with_headlines():
    page = summary_page(STORY, "Sam", ["004", "001"], [], "x")
    assert page.index("Report 004") < page.index("Report 001")


def test_the_summary_groups_chosen_evidence_by_report_and_names_its_source():
    chosen = [{"report": "002", "source": "notes", "text": "No byline"},
              {"report": "002", "source": "03-quote-fidelity", "text": "Trimmed quote"}]
    page = summary_page(STORY, "Sam", ["002"], chosen, "x", titles={"notes": "Your note",
                                                                     "03-quote-fidelity": "Lesson 3: Quote fidelity"})
    assert page.count("<h3>Report 002") == 1
    assert "No byline <span class=\"src\">(Your note)</span>" in page
    assert "(Lesson 3: Quote fidelity)" in page


def test_an_unfinished_verdict_is_handed_in_with_what_is_missing_on_the_page():
    page = summary_page(STORY, "Sam", [], [], "")
    assert "Not finished yet" in page and "You have not ranked the reports yet." in page


def test_a_finished_verdict_has_no_warning_and_carries_the_date_it_was_made():
    chosen = [{"report": "001", "source": "notes", "text": str(n)} for n in range(3)]
    page = summary_page(STORY, "Sam", STORY.ids, chosen, "Because.", made=datetime(2026, 3, 9))
    assert "Not finished yet" not in page and "09 March 2026" in page


def test_saved_junk_in_the_verdict_does_not_stop_the_summary():
    page = summary_page(STORY, "Sam", ["999", None], ["junk", {"report": 5}], None)
    assert "Report 5 (no longer in this story)" in page and "No ranking yet." in page


def test_every_field_of_the_summary_is_escaped():
    page = summary_html(HOSTILE, HOSTILE, [HOSTILE], [(HOSTILE, HOSTILE, HOSTILE)], HOSTILE, HOSTILE, HOSTILE, [HOSTILE])
    assert_markup_is_escaped(page)


def test_file_names_keep_every_script_so_two_students_never_share_one():
    assert file_stem("Rosa P.") == "rosa-p"
    assert file_stem("张伟") != file_stem("李娜")
    assert file_stem("") == "student"


def test_the_download_holds_both_files_byte_for_byte():
    files = {"sam-verdict.html": "<p>é</p>".encode(), "sam.medialit.json": b'{"student": "Sam"}'}
    archive = zipfile.ZipFile(io.BytesIO(handin_zip(files)))
    assert archive.namelist() == list(files)
    assert {name: archive.read(name) for name in archive.namelist()} == files


def test_a_binder_session_is_recognised_by_the_variables_binderhub_sets():
    assert on_binder({"BINDER_REPO_URL": "https://github.com/o/r"})
    assert not on_binder({"JUPYTERHUB_USER": "sam"})
    assert not on_binder({"BINDER_LAUNCH_HOST": ""})


# --- a hand-in .zip in the teacher's folder ----------------------------------------------------


def zipped(tmp_path, files, name="sam-handin.zip"):
    target = tmp_path / name
    target.write_bytes(handin_zip(files))
    return target


def test_the_work_file_is_read_out_of_a_hand_in_zip(tmp_path):
    target = zipped(tmp_path, {"sam-verdict.html": b"<p>", "sam.medialit.json": '{"student": "Sám"}'.encode()})
    assert work_file_in_zip(target) == ("sam.medialit.json", '{"student": "Sám"}')


def test_a_zip_with_no_work_file_or_two_is_refused_with_a_reason(tmp_path):
    for files in ({"sam-verdict.html": b"<p>"}, {"a.medialit.json": b"{}", "b/a.medialit.json": b"{}"}):
        with pytest.raises(HandinError, match="not one"):
            work_file_in_zip(zipped(tmp_path, files))


def test_a_work_file_that_unpacks_beyond_the_limit_is_not_read(tmp_path):
    target = zipped(tmp_path, {"sam.medialit.json": b" " * 5000})  # 5 kB of spaces packs to a few bytes
    with pytest.raises(HandinError, match="over the 1,000"):
        work_file_in_zip(target, limit=1000)


def test_a_file_that_is_not_a_zip_is_refused_with_a_reason(tmp_path):
    target = tmp_path / "sam-handin.zip"
    target.write_bytes(b"not a zip at all")
    with pytest.raises(HandinError, match="not a readable .zip"):
        work_file_in_zip(target)


def test_a_work_file_that_is_not_utf8_is_refused(tmp_path):
    with pytest.raises(HandinError, match="not UTF-8"):
        work_file_in_zip(zipped(tmp_path, {"sam.medialit.json": b"\xff\xfe{"}))
